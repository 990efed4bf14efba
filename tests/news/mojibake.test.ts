import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/news/mojibake.js';

/** What a UTF-8 → Windows-1252 mis-decoding makes of `text`. */
function mangle(text: string): string {
  const cp1252 = new TextDecoder('windows-1252');
  return cp1252.decode(new TextEncoder().encode(text));
}

describe('repairMojibake', () => {
  it('repairs accented letters, punctuation, symbols and emoji mis-decoded once', () => {
    for (const text of [
      'Enrique Peña Nieto met Julián Castro in São Paulo.',
      'It’s “over”, she said — again… for €5™.',
      'Temperatures reached 40°C. Price: £10 ½ off.',
      'The crowd cheered 🎉 at the rally.',
    ]) {
      expect(mangle(text)).not.toBe(text);
      expect(repairMojibake(mangle(text))).toBe(text);
    }
  });

  it('repairs the Windows-1252 reading of curly quotes and apostrophes', () => {
    expect(repairMojibake('Itâ€™s â€œoverâ€\u009d, she said')).toBe('It’s “over”, she said');
  });

  it('repairs text mis-decoded twice, including as Latin-1 controls', () => {
    expect(repairMojibake(mangle(mangle('Arturo Sarukhán')))).toBe('Arturo Sarukhán');
    expect(repairMojibake('Sarukh\u00c3\u0083\u00c2\u00a1n')).toBe('Sarukhán');
  });

  it('leaves correct text alone, accented capitals and French spacing included', () => {
    for (const text of [
      'CAFÉ » and « Ça va ? »',
      'SÃO PAULO — the Âge of Ästhetik, Ø, ß, ñ.',
      'Plain ASCII text, with "quotes".',
      'à « côté » de l’hôtel — âme, être',
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });
});

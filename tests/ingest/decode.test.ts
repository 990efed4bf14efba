import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BinaryContentError, decodeBytes } from '../../src/ingest/decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const cp1252 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'windows-1252'));

describe('decodeBytes: text encodings', () => {
  it('reads plain UTF-8, including non-Latin scripts', () => {
    expect(decodeBytes(utf8('Café — 東京 — Москва'))).toBe('Café — 東京 — Москва');
  });

  it('honours and strips a byte-order mark (UTF-8, UTF-16LE, UTF-16BE)', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('naïve')]))).toBe('naïve');
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Zürich', 'utf16le')]);
    expect(decodeBytes(le)).toBe('Zürich');
    const be = Buffer.from('Zürich', 'utf16le').swap16();
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...be]))).toBe('Zürich');
  });

  it('reads Latin-1 text with no declaration as Windows-1252', () => {
    expect(decodeBytes(latin1('Déjà vu in São Paulo, 20 °C'))).toBe('Déjà vu in São Paulo, 20 °C');
    expect(decodeBytes(cp1252('“Smart quotes” – and € signs'))).toBe(
      '“Smart quotes” – and € signs',
    );
  });

  it('uses the charset from the Content-Type header', () => {
    const bytes = new Uint8Array(iconv.encode('Grüße aus Köln', 'iso-8859-15'));
    expect(decodeBytes(bytes, { contentType: 'text/plain; charset=ISO-8859-15' })).toBe(
      'Grüße aus Köln',
    );
  });

  it('uses <meta charset> and http-equiv declarations in HTML', () => {
    const meta = cp1252(
      '<html><head><meta charset="windows-1252"></head><body>Señor</body></html>',
    );
    expect(decodeBytes(meta, { declared: 'html' })).toContain('Señor');
    const koi8 = new Uint8Array(
      iconv.encode(
        '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>',
        'koi8-r',
      ),
    );
    expect(decodeBytes(koi8, { declared: 'html' })).toContain('Привет');
  });

  it('uses the <?xml encoding?> declaration of feeds', () => {
    const xml = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Ação</title></rss>');
    expect(decodeBytes(xml, { declared: 'xml' })).toContain('<title>Ação</title>');
  });

  it('reads Latin-1 bytes mislabelled as UTF-8 as Windows-1252', () => {
    const html = latin1('<meta charset="utf-8"><p>Crème brûlée</p>');
    expect(decodeBytes(html, { declared: 'html' })).toContain('Crème brûlée');
  });

  it('prefers the Content-Type header over the document declaration', () => {
    const bytes = utf8('<meta charset="iso-8859-1"><p>Ünïcödé</p>');
    expect(
      decodeBytes(bytes, { contentType: 'text/html; charset=utf-8', declared: 'html' }),
    ).toContain('Ünïcödé');
  });

  it('decodes empty input to an empty string', () => {
    expect(decodeBytes(new Uint8Array())).toBe('');
  });
});

describe('decodeBytes: binary input', () => {
  it.each([
    ['gzip', [0x1f, 0x8b, 0x08, 0x00, 0x41, 0x42]],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['PDF', [...utf8('%PDF-1.7\n%âãÏÓ')]],
    ['NUL bytes', [...utf8('looks like text'), 0x00, ...utf8('but is not')]],
    ['control characters', [...utf8('ab'), 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, ...utf8('cd')]],
  ])('rejects %s with BinaryContentError', (_name, bytes) => {
    expect(() => decodeBytes(new Uint8Array(bytes))).toThrow(BinaryContentError);
  });

  it('says why the input was rejected', () => {
    expect(() => decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow(/PNG image/);
  });
});

/**
 * Repairs mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere upstream,
 * so that "Peña" arrives as "PeÃ±a", "it’s" as "itâ€™s" and "café" twice-mangled as "cafÃƒÂ©".
 * Only byte sequences that are valid UTF-8 and decode to what such accidents produce are
 * repaired: Latin-1 letters and symbols (from "Ã"/"Â" pairs), general punctuation, "€" and "™"
 * (from "â" triples) and emoji (from "ð" quadruples). Text that merely holds accented capitals
 * or French spacing ("CAFÉ »") is left alone.
 */

/** Windows-1252 characters for 0x80–0x9F, by the byte they stand for (Latin-1 keeps C1 codes). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The byte a Windows-1252 / Latin-1 character of MANGLED was decoded from. */
function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? code : 0x80 + CP1252_HIGH.indexOf(ch);
}

/** A character that may stand for a UTF-8 continuation byte (0x80–0xBF), either decoding. */
const CONT = `[\\u0080-\\u00bf${CP1252_HIGH}]`;
/** Mangled sequences: "Ã"/"Â" + 1, "â" + 2, "ð" + 3 continuation characters. */
const MANGLED = new RegExp(`[\\u00c2\\u00c3]${CONT}|\\u00e2${CONT}{2}|\\u00f0${CONT}{3}`, 'gu');
/** Quick test before the full scan. */
const SUSPECT = /[\u00c2\u00c3\u00e2\u00f0]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What an accident could have produced from this code point. */
function plausible(code: number): boolean {
  return (
    (code >= 0x80 && code <= 0xff) ||
    (code >= 0x2000 && code <= 0x206f) ||
    code === 0x20ac ||
    code === 0x2122 ||
    (code >= 0x1f000 && code <= 0x1faff)
  );
}

function repairOne(seq: string): string {
  const bytes = Uint8Array.from([...seq].map(byteOf));
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return seq;
  }
  const code = decoded.codePointAt(0) ?? 0;
  return [...decoded].length === 1 && plausible(code) ? decoded : seq;
}

/** The text with mangled UTF-8 repaired (twice-mangled text too); other text unchanged. */
export function repairMojibake(text: string): string {
  let current = text;
  // Each pass undoes one round of mis-decoding; three covers every case seen in the wild.
  for (let pass = 0; pass < 3 && SUSPECT.test(current); pass++) {
    const next = current.replace(MANGLED, repairOne);
    if (next === current) break;
    current = next;
  }
  return current;
}

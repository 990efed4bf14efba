/**
 * Sentence splitting for news text. Pure and linear-time: one pass over each paragraph with a
 * simple, non-backtracking boundary pattern, then a decision per candidate boundary.
 * A sentence never spans two paragraphs; sentence texts are verbatim (trimmed) slices.
 */

export interface SplitSentences {
  sentences: string[];
  /** Paragraph index of each sentence. */
  paragraphOf: number[];
}

/** Titles and other abbreviations that never end a sentence when a capitalised word follows. */
const TITLES = new Set(
  (
    'mr mrs ms mx dr prof sen sens rep reps gov gen lt col maj capt cpt sgt cmdr adm brig cpl pvt ' +
    'rev fr hon pres supt det insp messrs mme mlle st mt ft gens'
  ).split(' '),
);

/** Abbreviations that never end a sentence when a number follows ("No. 10", "Jan. 5"). */
const BEFORE_NUMBER = new Set(
  (
    'no nos art arts vol vols p pp fig figs ch sec para op ed jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec approx ca c est tel'
  ).split(' '),
);

/** Abbreviations that may end a sentence: split only before a typical sentence opener. */
const WEAK = new Set('inc ltd corp co bros jr sr etc al plc llc cf vs v esq pty'.split(' '));

/** Words that typically open a sentence: after "U.S." or "Inc." they signal a real boundary. */
const OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our my this that these those there here ' +
    'but and or so yet in on at as if when while after before since however meanwhile ' +
    'some many most one two three no not all both each also still now then what why how who ' +
    'where for with by from to under over during despite although though instead officials ' +
    'police last earlier later'
  ).split(' '),
);

/**
 * Candidate boundary: a whole run of terminal punctuation (. ! ? …), optional closing quotes or
 * brackets, then whitespace. The run is matched only from its start and atomically (lookahead
 * plus back-reference), so a long run without whitespace after it is scanned once: linear time.
 */
const BOUNDARY = /(?<![.!?\u2026])(?=([.!?\u2026]+))\1["'\u201d\u2019\u00bb)\]]*\s+/g;

/** The word-ish token immediately before position `end` (letters and dots only). */
function tokenBefore(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const ch = text.charCodeAt(start - 1);
    const isLetter = (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 46 || ch > 127;
    if (!isLetter) break;
    start--;
  }
  return text.slice(start, end);
}

const WORD_AFTER = /["'\u201c\u2018\u00ab([]*([^\s,;:.!?]*)/y;

/** The first word after position `start`, skipping opening quotes and brackets. */
function wordAfter(text: string, start: number): string {
  WORD_AFTER.lastIndex = start;
  return WORD_AFTER.exec(text)?.[1] ?? '';
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Decides whether the candidate boundary `punct` (e.g. `."`) ends a sentence before `next`. */
function endsSentence(text: string, punctStart: number, punct: string, next: string): boolean {
  const first = next[0];
  if (first === undefined) return true;
  // "iPhone", "eBay": a lower-case start followed by a capital is still a sentence start.
  const lowerStart = isLower(first) && !/^[a-z]+[A-Z]/.test(next);
  if (lowerStart) return false;
  const mark = punct[0];
  if (mark !== '.' || punct.startsWith('..')) {
    // ? ! … and "...": end the sentence unless the next word is lower-case (attribution).
    return isUpper(first) || /[0-9]/.test(first) || !/\p{L}/u.test(first);
  }
  // A single period: look at the token it closes.
  const token = tokenBefore(text, punctStart);
  const bare = token.replace(/\.+$/, '');
  const lower = bare.toLowerCase();
  const startsDigit = /[0-9]/.test(first);
  if (startsDigit) return !BEFORE_NUMBER.has(lower);
  if (TITLES.has(lower)) return false;
  // Initials: "J. K. Rowling", "George W. Bush".
  if (/^\p{Lu}$/u.test(bare)) return false;
  // Dotted acronyms "U.S.", "U.N.", "a.m." and weak abbreviations: only before sentence openers.
  if (bare.includes('.') || WEAK.has(lower)) return OPENERS.has(next.toLowerCase());
  return true;
}

/** Splits one paragraph into trimmed sentences. */
function splitParagraph(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const punct = m[0].trimEnd();
    const after = m.index + m[0].length;
    const next = wordAfter(text, after);
    if (endsSentence(text, m.index, punct, next)) {
      const sentence = text.slice(start, m.index + punct.length).trim();
      if (sentence) out.push(sentence);
      start = after;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Splits paragraphs into sentences; `paragraphOf[i]` is the paragraph of sentence i. */
export function splitSentences(paragraphs: string[]): SplitSentences {
  const sentences: string[] = [];
  const paragraphOf: number[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const sentence of splitParagraph(paragraph)) {
      sentences.push(sentence);
      paragraphOf.push(p);
    }
  });
  return { sentences, paragraphOf };
}

/**
 * Key quotes, part 1: an article's paragraphs as tokens, and the quotation-mark spans in them.
 *
 * Marks are paired per paragraph (curly and straight, mixed or mistyped); a quote left open at
 * the paragraph's end runs to its last token. `isTerm` tells scare quotes and titles from speech.
 */
import { tokenizeCached, type Token } from './names.js';
import { isSpeechVerb } from './speech-verbs.js';

export interface Paragraph {
  tokens: Token[];
  /** Sentence index of each token. */
  sentence: number[];
  text: string;
  /** Global offset of the paragraph start (orders positions across paragraphs). */
  base: number;
}

export interface Span {
  para: number;
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or tokens.length when the paragraph ends first. */
  close: number;
  /** The span continues a quotation left open by the previous paragraph. */
  continues: boolean;
}

export const OPEN_ONLY = new Set(['“', '«', '„']);
const CLOSE_ONLY = new Set(['”', '»']);
export const DETERMINERS = new Set('the a an this that his her its their one another'.split(' '));
/** Marks before a short quote that make it a term, not speech: "the so-called “snapback”". */
const TERM_MARKERS = new Set(
  'so-called called dubbed termed term word phrase slogan label nicknamed known'.split(' '),
);
/** Quotes this short need their own punctuation to count as speech (“in all areas,”). */
const SHORT_QUOTE_WORDS = 3;
/** Small words allowed inside a Title Case name of a show or book. */
const TITLE_SMALL_WORDS = new Set('of the and a an in on for to at by from with is or'.split(' '));

export function hasLetter(t: Token): boolean {
  return /\p{L}/u.test(t.text);
}

export function buildParagraphs(
  sentences: readonly string[],
  paragraphOf: readonly number[],
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let base = 0;
  sentences.forEach((s, i) => {
    const p = paragraphOf[i] ?? 0;
    let para = paragraphs[paragraphs.length - 1];
    if (para === undefined || paragraphs.length - 1 !== p) {
      while (paragraphs.length <= p) {
        para = { tokens: [], sentence: [], text: '', base };
        paragraphs.push(para);
      }
    }
    if (para === undefined) return;
    const offset = para.text === '' ? 0 : para.text.length + 1;
    para.text = para.text === '' ? s : `${para.text} ${s}`;
    for (const t of tokenizeCached(s)) {
      para.tokens.push(offset === 0 ? t : { ...t, start: t.start + offset, end: t.end + offset });
      para.sentence.push(i);
    }
    base += s.length + 1;
  });
  return paragraphs;
}

/** Pairs the quotation marks of one paragraph. */
export function pairMarks(para: Paragraph, p: number): Span[] {
  const spans: Span[] = [];
  const { tokens, text } = para;
  let open = -1;
  let openMark = '';
  const nested = nestedOpeners(para);
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const mark = t.text;
    if (mark !== '"' && !OPEN_ONLY.has(mark) && !CLOSE_ONLY.has(mark)) continue;
    const spaceBefore = t.start === 0 || /\s/.test(text[t.start - 1] ?? ' ');
    const spaceAfter = t.end >= text.length || /[\s,.;:!?)]/.test(text[t.end] ?? ' ');
    if (open < 0) {
      const opens = mark === '"' || OPEN_ONLY.has(mark) || (spaceBefore && !spaceAfter);
      if (opens) {
        open = k;
        openMark = mark;
      }
      continue;
    }
    if (nested.has(k) && openMark !== '"') depth++;
    // A “ that ends a word is a mistyped ”.
    const straight = openMark === '"';
    // Mixed marks (“...," / "...”) close each other when attached to the quote's last word.
    const closes = straight
      ? mark === '"' || CLOSE_ONLY.has(mark)
      : CLOSE_ONLY.has(mark) ||
        ((OPEN_ONLY.has(mark) || mark === '"') && !spaceBefore && spaceAfter);
    if (closes && depth > 0 && CLOSE_ONLY.has(mark)) depth--;
    else if (closes) {
      spans.push({ para: p, open, close: k, continues: false });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ para: p, open, close: tokens.length, continues: false });
  return spans;
}

/**
 * Curly openers nested in a curly quote: “He called it “a sham” and left,” Roe said. — an opener
 * (space before, word after) with at least two close marks before the next opener.
 */
function nestedOpeners(para: Paragraph): Set<number> {
  const { tokens, text } = para;
  const out = new Set<number>();
  let last = -1;
  let closers = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    const opener =
      t?.text === '“' && /\s/.test(text[t.start - 1] ?? '') && /\S/.test(text[t.end] ?? ' ');
    if (t !== undefined && !opener) {
      if (CLOSE_ONLY.has(t.text)) closers++;
      continue;
    }
    if (last >= 0 && closers >= 2) out.add(last);
    last = k;
    closers = 0;
  }
  return out;
}

export function sliceText(para: Paragraph, span: Span): string {
  const first = para.tokens[span.open + 1];
  const last = para.tokens[span.close - 1];
  if (first === undefined || last === undefined || span.close <= span.open + 1) return '';
  return para.text.slice(first.start, last.end);
}

/** Words of a span (tokens with letters). */
function wordCount(para: Paragraph, span: Span): number {
  let n = 0;
  for (let k = span.open + 1; k < span.close; k++) {
    const t = para.tokens[k];
    if (t !== undefined && hasLetter(t)) n++;
  }
  return n;
}

/** A scare quote or a title: a short term, or Title Case words, that nobody is quoted saying. */
export function isTerm(para: Paragraph, span: Span): boolean {
  const before = para.tokens[span.open - 1];
  if (
    before !== undefined &&
    (before.lower === 'so-called' || (TERM_MARKERS.has(before.lower) && span.close - span.open < 6))
  ) {
    return true;
  }
  const n = wordCount(para, span);
  const last = para.tokens[span.close - 1];
  const ownPunctuation = last !== undefined && /^[,.!?…]$/.test(last.text);
  if (n < SHORT_QUOTE_WORDS && !ownPunctuation) return true;
  if (n === SHORT_QUOTE_WORDS && !ownPunctuation) {
    // "a “weapons of mass destruction” claim": a term used as a modifier.
    const after = para.tokens[span.close + 1];
    const modifier =
      after !== undefined && /^\p{Ll}/u.test(after.text) && !isSpeechVerb(after.lower);
    if (before !== undefined && DETERMINERS.has(before.lower) && modifier) return true;
  }
  // Title Case: the name of a programme, book or slogan ("Meet the Press.", "Fox News Sunday").
  if (n >= 2 && n <= 8) {
    let titled = true;
    for (let k = span.open + 1; k < span.close && titled; k++) {
      const t = para.tokens[k];
      if (t === undefined) continue;
      if (!hasLetter(t)) titled = k === span.close - 1 && /^[.,]$/.test(t.text);
      else titled = t.cap || TITLE_SMALL_WORDS.has(t.lower);
    }
    if (titled && para.tokens[span.open + 1]?.cap === true) return true;
  }
  return n === 0;
}

export function cleanText(text: string): string {
  return text.replace(/[\s,;:–—-]+$/u, '').replace(/^[\s…]+/u, '');
}

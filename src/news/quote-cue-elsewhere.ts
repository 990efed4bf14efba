/**
 * Key quotes, part 4c: attributions away from the quote: an aside's speaker ("Y, X said, had ...
 * “...”"), a transcript's speaker label, the name attributing a paragraph's next quote, a
 * signature line signing the quote above it ("- Jane Roe, Ohio."), and a document brought up in
 * the quote's sentence.
 */
import { isNameToken, isPlaceName, type Token } from './names.js';
import { cueAfter } from './quote-cue-after.js';
import type { Cue } from './quote-cue.js';
import { isTerm, OPEN_ONLY, type Paragraph, type Span } from './quote-marks.js';
import {
  isDocumentNoun,
  isFiniteSpeechAt,
  MAX_NP,
  namePhrase,
  type Phrase,
  phraseAt,
  phraseEnd,
  runAround,
} from './quote-phrases.js';
import type { Resolver } from './quote-resolver.js';
import { documentOwner, subjectBefore } from './quote-subjects.js';

/** How many tokens an aside's speaker may take ("Rubio", "the former senator"). */
const MAX_ASIDE = 5;

/**
 * "Jane Roe, Smith said, had served for “a thousand years” and passed “...”": a speech verb set
 * off by commas inside the sentence, before the quote, names who said the whole sentence, not
 * its subject. Searched from the sentence start, so it also covers a later quote whose own
 * stretch of text holds no cue.
 */
export function asideSpeaker(para: Paragraph, open: number, resolver: Resolver): Phrase | null {
  const { tokens } = para;
  const s = para.sentence[open];
  let start = open;
  while (start > 0 && para.sentence[start - 1] === s) start--;
  let comma = -1;
  for (let v = start; v < open; v++) {
    const t = tokens[v];
    if (t === undefined) break;
    if (t.text === ',') comma = v;
    else if (
      comma >= start &&
      v - comma <= MAX_ASIDE + 1 &&
      tokens[v + 1]?.text === ',' &&
      isFiniteSpeechAt(tokens, v)
    ) {
      const phrase = subjectBefore(tokens, v, comma + 1, resolver);
      if (phrase !== null) return phrase;
    }
  }
  return null;
}

/** The speaker label opening a transcript quote ("PENCE:", "Chris Matthews:"), if any. */
export function transcriptLabel(para: Paragraph, span: Span): Phrase | null {
  const { tokens } = para;
  const first = tokens[span.open + 1];
  if (first === undefined || !isNameToken(first)) return null;
  const [, b] = runAround(tokens, span.open + 1);
  if (b - span.open > 4 || tokens[b]?.text !== ':') return null;
  // Upper-case labels are transcript names; Title Case ones must look like a person's name.
  const upper = first.text === first.text.toUpperCase();
  if (!upper && b - span.open - 1 < 2) return null;
  return namePhrase(tokens, span.open + 1, b);
}

/**
 * “It’s over.” “We lost,” Smith said. — a paragraph opening with quotes is attributed once,
 * after a later quote: the name attributing the paragraph's next quote.
 */
export function namedLater(
  para: Paragraph,
  next: Span | undefined,
  resolver: Resolver,
): string | null {
  if (next === undefined || isTerm(para, next)) return null;
  const cue = cueAfter(para, next, resolver);
  if (cue?.phrase?.kind !== 'name' || cue.crossed === true || cue.clause === true) return null;
  return resolver.resolve(cue.phrase, cue.pos);
}

/** Dashes that open a signature line ("- Jane Roe.", "—Jane Roe, Ohio"). */
const DASHES = /^[-–—―]$/;

/** Longest paragraph read as a signature line: a name and a short description. */
const MAX_SIGNATURE = 2 * MAX_NP;

/**
 * A paragraph that only signs the quote above it: "— Jane Roe, a nurse in Dayton." or
 * "-Sen. John Doe, speaking on Monday.": a dash, a name, then the end or an appositive. Lists of
 * claims ("“...” ⏎ - Roe.") and reader notebooks attribute this way; "– A long road –" or
 * "- reporting by ..." are headings and credits, not names. With `openAbove` (a quote runs to
 * the end of the paragraph above), a line that closes it signs it without a dash: "“We will
 * win. ⏎ Jane Roe, a nurse in Dayton.”" (pull quotes).
 */
export function signatureLine(
  para: Paragraph | undefined,
  resolver: Resolver,
  openAbove = false,
): Phrase | null {
  if (para === undefined || para.tokens.length > MAX_SIGNATURE) return null;
  const { tokens } = para;
  let k = 0;
  while (k < 2 && DASHES.test(tokens[k]?.text ?? '')) k++;
  const first = tokens[k];
  if (first === undefined || !isNameToken(first)) return null;
  const straight = tokens.some((t) => OPEN_ONLY.has(t.text) || t.text === '"');
  if (k === 0 && openAbove && closesOnly(tokens)) {
    const phrase = phraseAt(tokens, 0, phraseEnd(para, 0, tokens.length), resolver);
    return phrase?.kind === 'name' ? phrase : null;
  }
  if (k === 0 || straight) return null;
  const [, b] = runAround(tokens, k);
  const next = tokens[b];
  if (next !== undefined && !/^[.,(]$/.test(next.text)) return null;
  const phrase = namePhrase(tokens, k, b);
  return phrase.kind === 'name' ? phrase : null;
}

/** The line's only quotation mark is a closing one at its end: "Jane Roe, Ohio.”". */
function closesOnly(tokens: readonly Token[]): boolean {
  const last = tokens.at(-1)?.text ?? '';
  if (last !== '"' && last !== '”') return false;
  return !tokens.slice(0, -1).some((t) => OPEN_ONLY.has(t.text) || /^["”]$/.test(t.text));
}

/**
 * "And here is a headline from the Daily Ledger, which hits him hard: “...”", "From Roe’s blog
 * post: “...”": a quote introduced by a colon, with no attribution of its own, after a document
 * brought up earlier in its sentence, is that document's words, spoken by its issuer. Without
 * `colon`, any document before the quote in its sentence ("In a Gazette poll, most voters said
 * “...”"). `k` is the document noun.
 */
export function documentCue(
  para: Paragraph,
  open: number,
  floor: number,
  resolver: Resolver,
  colon = true,
): (Cue & { k: number }) | null {
  const { tokens } = para;
  if (colon && tokens[open - 1]?.text !== ':') return null;
  for (let k = open - 1; k >= floor; k--) {
    const t = tokens[k];
    if (t === undefined || !isDocumentNoun(t)) continue;
    const phrase = documentOwner(para, k, resolver);
    if (phrase?.kind === 'name' && isPlaceName(phrase.name)) return null;
    return phrase === null ? null : { phrase, pos: para.base + t.start, k };
  }
  return null;
}

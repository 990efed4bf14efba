/**
 * Key quotes, part 4a: the attribution after a quote ("..., Khamenei said", "..., said the
 * minister", "..., according to X", "“...,” Jane Roe, the attorney general of Ohio, said").
 */
import { isNameToken, isPlaceName, type Token } from './names.js';
import type { Cue } from './quote-cue.js';
import { DOCUMENT_VERBS, documentAfterVerb } from './quote-documents.js';
import type { Paragraph, Span } from './quote-marks.js';
import {
  isFiniteSpeechAt,
  MAX_NP,
  namePhrase,
  type Phrase,
  phraseAfterVerb,
  phraseAt,
  phraseEnd,
  runAround,
  SKIPPABLE,
} from './quote-phrases.js';
import type { Resolver } from './quote-resolver.js';
import { subjectBefore } from './quote-subjects.js';
import { isPhrasalSpeech, SPEECH_FINITE, SPEECH_PARTICIPLE } from './speech-verbs.js';

/** Address verbs whose object is only ever the listener ("told the Ledger"). */
const TOLD_VERBS = new Set('told tells tell'.split(' '));

/** Conjunctions that open a new clause after a comma ("“...,” and Trump vowed"). */
const CLAUSE_CONJUNCTIONS = new Set('and but while whereas yet'.split(' '));

/** "..., Khamenei said" / "..., said the minister" / "..., according to X" after the quote. */
export function cueAfter(para: Paragraph, span: Span, resolver: Resolver): Cue | null {
  const cue = cueAfterClose(para, span, resolver);
  if (cue !== null && para.sentence[span.close + 1] !== para.sentence[span.close]) {
    return { ...cue, crossed: true };
  }
  return cue;
}

function cueAfterClose(para: Paragraph, span: Span, resolver: Resolver): Cue | null {
  const { tokens } = para;
  let k = span.close + 1;
  // “...?” Clinton said. — the splitter ends a sentence at "?”", the attribution follows;
  // after “... time.” the next sentence is not an attribution of this quote.
  const s = para.sentence[k];
  const lastInside = tokens[span.close - 1]?.text ?? '';
  if (
    s !== para.sentence[span.close] &&
    (lastInside === '.' || lastInside === '…') &&
    !/^[–—―]$/.test(tokens[k]?.text ?? '')
  )
    return quoteNamedAfter(para, k, resolver);
  let end = k;
  while (end < tokens.length && para.sentence[end] === s && end - k < MAX_NP + 4) {
    const t = tokens[end];
    if (t === undefined || t.text === '“' || t.text === '"' || t.text === '.' || t.text === ';')
      break;
    end++;
  }
  const dashed = /^[–—―]$/.test(tokens[k]?.text ?? '');
  while (k < end && /^[,–—―-]$/.test(tokens[k]?.text ?? '')) k++;
  const pos = para.base + (tokens[k]?.start ?? 0);
  const first = tokens[k];
  if (first === undefined || k >= end) return null;
  if (dashed && isNameToken(first)) {
    // “...” ― Pamela Padilla: a signature after a dash.
    const [, b] = runAround(tokens, k);
    const next = tokens[b];
    if (next === undefined || /^[.,“"(]$/.test(next.text))
      return { phrase: namePhrase(tokens, k, b), pos };
  }
  if (SPEECH_FINITE.has(first.lower)) {
    let j = k + 1;
    while (j < end && SKIPPABLE.has(tokens[j]?.lower ?? '')) j++;
    return { phrase: phraseAfterVerb(tokens, j, end, resolver), pos };
  }
  // "“...,” reads a Monday editorial in the Ledger": the document after the verb.
  const document = DOCUMENT_VERBS.has(first.lower)
    ? documentAfterVerb(tokens, k + 1, end, resolver)
    : null;
  if (document !== null) return { phrase: document, pos };
  if (first.lower === 'according' && tokens[k + 1]?.lower === 'to') {
    return { phrase: phraseAt(tokens, k + 2, end, resolver), pos };
  }
  let clause = false;
  for (let v = k; v < end; v++) {
    const t = tokens[v];
    if (t === undefined) break;
    clause ||= opensClause(tokens, v, k);
    if (v === k) continue;
    if (SPEECH_PARTICIPLE.has(t.lower)) return null;
    if (
      isFiniteSpeechAt(tokens, v) ||
      isPhrasalSpeech(t.lower, tokens[v + 1]?.lower, tokens[v + 2]?.lower)
    ) {
      // "“...” in contrast to X, says Dante Scala": the speaker follows the verb.
      const inverted =
        tokens[v - 1]?.text === ','
          ? phraseAt(tokens, v + 1, Math.max(end, v + MAX_NP), resolver)
          : null;
      const phrase =
        subjectBefore(tokens, v, k, resolver) ?? inverted ?? phraseAt(tokens, k, v, resolver);
      // "After Lee said it was “...,” Roe said: “...”": the colon hands the verb to the next quote.
      const ahead = tokens[end - 1]?.text === ':' && /^[“"]$/.test(tokens[end]?.text ?? '');
      return phrase === null ? null : { phrase, pos, clause: clause || ahead };
    }
  }
  return closingAttribution(para, k, resolver);
}

/** Nouns that take up a quotation in the next sentence ("That quote from X ..."). */
const QUOTE_NOUNS = new Set(
  'quote quotation remark remarks comment comments words line'.split(' '),
);

/**
 * "“...” That quote from Jane Roe appeared ...", "The remark, by Roe, ...": the next sentence
 * names who said the quotation.
 */
function quoteNamedAfter(para: Paragraph, k: number, resolver: Resolver): Cue | null {
  const { tokens } = para;
  if (!/^(?:that|the|this|those|these)$/.test(tokens[k]?.lower ?? '')) return null;
  if (!QUOTE_NOUNS.has(tokens[k + 1]?.lower ?? '')) return null;
  let j = k + 2;
  if (tokens[j]?.text === ',') j++;
  if (!/^(?:from|by)$/.test(tokens[j]?.lower ?? '')) return null;
  const end = phraseEnd(para, j + 1, j + MAX_NP + 1, para.sentence[k]);
  const phrase = phraseAfterVerb(tokens, j + 1, end, resolver);
  return phrase === null
    ? null
    : { phrase, pos: para.base + (tokens[k]?.start ?? 0), crossed: true };
}

/**
 * "“...,” and Trump vowed": a conjunction right after the quote or after a comma opens a new
 * clause, whose subject says something else.
 */
function opensClause(tokens: readonly Token[], v: number, k: number): boolean {
  const t = tokens[v];
  return (
    t !== undefined &&
    (CLAUSE_CONJUNCTIONS.has(t.lower) || (v === k && SUBORDINATORS.has(t.lower))) &&
    (v === k || tokens[v - 1]?.text === ',')
  );
}

/** Conjunctions right after a quote that open another's clause ("“...” until Lee said"). */
const SUBORDINATORS = new Set('until when after before because since unless once'.split(' '));

/**
 * "“...” in sharp contrast to earlier races, says Dante Scala, a political scientist.": the
 * attribution closing the quote's sentence, after a comma, when no other quote intervenes.
 */
function closingAttribution(para: Paragraph, k: number, resolver: Resolver): Cue | null {
  const { tokens } = para;
  const s = para.sentence[k];
  let e = k;
  while (e < tokens.length && para.sentence[e] === s) {
    const text = tokens[e]?.text ?? '';
    if (text === ';') return null;
    if (text === '“' || text === '"') {
      // "Jane Roe, wearing a “Vote Roe” pin, said": a short title in marks belongs to the clause.
      const shut = titleClose(tokens, e);
      if (shut < 0) return null;
      e = shut;
    }
    e++;
  }
  let c = e - 1;
  for (let commas = 0; commas < 3; commas++) {
    while (c > k && tokens[c]?.text !== ',') c--;
    if (c <= k) return null;
    const t = tokens[c + 1];
    if (t === undefined) return null;
    const pos = para.base + t.start;
    if (SPEECH_FINITE.has(t.lower)) {
      // "“...,” Jane Roe, an engineer who studied the dam, said on Monday": the subject before.
      // "“...,” Jane Roe, a nurse, told the Ledger": the listener after "told" is no speaker.
      const phrase =
        (TOLD_VERBS.has(t.lower) ? null : phraseAfterVerb(tokens, c + 2, e, resolver)) ??
        headName(tokens, k, c) ??
        subjectBefore(tokens, c + 1, k, resolver);
      return phrase === null ? null : { phrase, pos };
    }
    for (let v = c + 2; v < e && v - c <= 6; v++) {
      const u = tokens[v];
      if (u === undefined || u.text === ',') break;
      if (isFiniteSpeechAt(tokens, v)) {
        const phrase = subjectBefore(tokens, v, c + 1, resolver);
        return phrase === null ? null : { phrase, pos };
      }
    }
    c--;
  }
  return null;
}

/** Longest title in marks read inside an attribution ("a “Vote Roe” pin"). */
const MAX_TITLE = 3;

/** Where the short title opened by the mark at `e` closes, or -1 when none closes soon. */
function titleClose(tokens: readonly Token[], e: number): number {
  for (let j = e + 2; j <= e + MAX_TITLE + 1; j++) {
    const text = tokens[j]?.text ?? '';
    if (text === '”' || text === '"') return j;
    if (/^[.,;:!?“]$/.test(text)) return -1;
  }
  return -1;
}

/**
 * "“...,” Jane Roe, the state’s attorney general, one of the officials suing, said": a name
 * right after the quote, set off by a comma before the verb at `c + 1`, heads the clause; the
 * appositives after it (however many) only describe it.
 */
function headName(tokens: readonly Token[], k: number, c: number): Phrase | null {
  const t = tokens[k];
  if (t === undefined || !isNameToken(t) || t.possessive) return null;
  const [a, b] = runAround(tokens, k);
  if (a !== k || b >= c || tokens[b]?.text !== ',' || tokens[b - 1]?.possessive === true)
    return null;
  const phrase = namePhrase(tokens, k, b);
  return phrase.kind === 'name' && !isPlaceName(phrase.name) ? phrase : null;
}

/**
 * Key quotes, part 4: the attribution next to a quote ("X said", "said X", "according to X",
 * "..., he said", "X stressed that ... “...”", "..., saying “...”", "Here’s X: “...”", "X was
 * asked by Y, “...?”", "X’s claim that “...”"), an aside's speaker ("Y, X said, had ... “...”"),
 * a transcript's speaker label, the name attributing a paragraph's next quote, and a signature
 * line signing the quote above it ("- Jane Roe, Ohio.").
 */
import { PRONOUN_GENDER, isNameToken, isPlaceName, type Token } from './names.js';
import { SPEECH_FINITE, SPEECH_PARTICIPLE, isPhrasalSpeech } from './speech-verbs.js';
import { DETERMINERS, OPEN_ONLY, isTerm, type Paragraph, type Span } from './quote-marks.js';
import {
  DOCUMENT_VERBS,
  MAX_NP,
  SKIPPABLE,
  STANCE_VERBS,
  documentAfterVerb,
  documentOwner,
  isDocumentNoun,
  isFiniteSpeechAt,
  namePhrase,
  phraseAfterVerb,
  phraseAt,
  phraseEnd,
  runAround,
  sentenceSubject,
  subjectBefore,
  type Phrase,
} from './quote-phrases.js';
import type { Resolver } from './quote-resolver.js';

/** Stance verbs of thought, not of speech: their subject need not have said the quote. */
const MENTAL_VERBS = new Set(
  'believes believed thinks thought wants wanted hopes hoped expects expected feels felt knows knew'.split(
    ' ',
  ),
);
/**
 * Speech verbs whose object is the listener ("X told Fox News: “...”", "Lee smiled and asked
 * the crowd to welcome “...”"): never the speaker.
 */
const ADDRESS_VERBS = new Set('told tells tell asked asks ask'.split(' '));
/**
 * Address verbs in the passive ("Lee was asked, “...”"): their subject is the one addressed,
 * and the speaker is the "by" agent, if any.
 */
const PASSIVE_ADDRESS_VERBS = new Set('asked questioned pressed told urged'.split(' '));
/**
 * Speech verbs whose object is who or what is talked about ("Roe described Lee as “...”",
 * "Roe mocked Lee for his “...”"): never the speaker, who is the verb's subject.
 */
const OBJECT_VERBS = new Set(
  'describe describes described mocked mocks questioned questions urged urges echoed echoes'.split(
    ' ',
  ),
);
/** Address verbs whose object is only ever the listener ("told the Ledger"). */
const TOLD_VERBS = new Set('told tells tell'.split(' '));
/** Forms of "be" that make a participle after them passive ("was asked", "being pressed"). */
const PASSIVE_BE = new Set('is was are were be been being'.split(' '));
/** Adverbs between a passive "be" and its participle ("was repeatedly asked"). */
const PASSIVE_ADVERBS = new Set(
  'also then later again once repeatedly specifically directly'.split(' '),
);

/** Auxiliaries and copulas: a name before one is the subject of a reported clause. */
const AUXILIARIES = new Set(
  'is was are were has had have would will could should can may might must did does do'.split(' '),
);

/**
 * "X now said Trump had “...”": the name after the verb opens the reported clause (a finite
 * verb follows it), so it is what was said about, not who said it.
 */
function reportedSubject(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined || !isNameToken(t)) return false;
  return AUXILIARIES.has(tokens[runAround(tokens, k)[1]]?.lower ?? '');
}

/** Conjunctions that open a new clause after a comma ("“...,” and Trump vowed"). */
const CLAUSE_CONJUNCTIONS = new Set('and but while whereas yet'.split(' '));

interface Cue {
  phrase: Phrase | null;
  /** Position of the attribution (for pronoun resolution). */
  pos: number;
  /** The cue continues an earlier clause ("..., saying", "but added"): same speaker. */
  continued?: boolean;
  /** Found past the end of the quote's sentence (“...?” she asked.): weaker than a cue before. */
  crossed?: boolean;
  /** Found in a later clause ("“...,” and Trump vowed"): weaker than a cue before. */
  clause?: boolean;
}

/** The "be" before a passive address verb at `v` ("was asked", "was repeatedly asked"), or -1. */
function passiveBe(tokens: readonly Token[], v: number): number {
  if (!PASSIVE_ADDRESS_VERBS.has(tokens[v]?.lower ?? '')) return -1;
  let b = v - 1;
  while (PASSIVE_ADVERBS.has(tokens[b]?.lower ?? '')) b--;
  return PASSIVE_BE.has(tokens[b]?.lower ?? '') ? b : -1;
}

/**
 * "Lee was asked by host Ann Roy, who ..., “...?”": a passive address verb at `v`, right
 * before the quote, gives the question to its "by" agent, never to its subject (the one asked).
 * "In an interview with the Daily Star, Lee was asked, “...?”": the interviewer asked it.
 * Null when the verb is no such passive or names no asker.
 */
function passiveAsker(
  tokens: readonly Token[],
  v: number,
  floor: number,
  open: number,
  resolver: Resolver,
): Phrase | null {
  const b = passiveBe(tokens, v);
  if (b < 0 || !/^[,:]$/.test(tokens[open - 1]?.text ?? '')) return null;
  if (tokens[v + 1]?.lower === 'by') return phraseAfterVerb(tokens, v + 2, open, resolver);
  if (v + 2 !== open) return null;
  for (let w = b - 1; w > floor; w--) {
    if (tokens[w]?.lower === 'with' && tokens[w - 1]?.lower === 'interview')
      return phraseAfterVerb(tokens, w + 1, b, resolver);
  }
  return null;
}

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

/**
 * "Trump’s “excesses” are sickening, Hollande said in Paris, noting ...": a participle hangs from
 * the speech verb before it in the sentence, whose subject is the speaker (the sentence may
 * open with someone else).
 */
function clauseSpeaker(
  tokens: readonly Token[],
  v: number,
  floor: number,
  resolver: Resolver,
): Phrase | null {
  for (let u = v - 1; u >= floor; u--) {
    if (isFiniteSpeechAt(tokens, u)) return subjectBefore(tokens, u, floor, resolver);
  }
  return null;
}

/**
 * "Here’s Jane Roe in 1994: “...”", "Here is the mayor on Monday: “...”": a clause that only
 * presents someone before the colon; its verbless phrase names the speaker.
 */
function presented(
  tokens: readonly Token[],
  floor: number,
  colon: number,
  resolver: Resolver,
): Phrase | null {
  const here = tokens[floor];
  if (here?.lower !== 'here') return null;
  const k = here.possessive
    ? floor + 1
    : /^(?:is|was)$/.test(tokens[floor + 1]?.lower ?? '')
      ? floor + 2
      : floor;
  return k === floor ? null : phraseAt(tokens, k, colon, resolver);
}

/** Where a run of names joined by "and" starts, given its last name's run at `a`. */
function coauthorsStart(tokens: readonly Token[], a: number, floor: number): number {
  const before = tokens[a - 2];
  if (tokens[a - 1]?.lower !== 'and' || a - 2 < floor || before === undefined) return a;
  return isNameToken(before) && !before.possessive ? runAround(tokens, a - 2)[0] : a;
}

/** Nouns for something said: whoever owns one said the words it introduces. */
const SAYING_NOUNS = new Set(
  (
    'comment comments remark remarks claim claims statement statements assertion assertions ' +
    'warning warnings promise promises pledge pledges vow vows insistence suggestion argument ' +
    'contention declaration boast prediction admission accusation charge answer reply response'
  ).split(' '),
);
/** Possessive pronouns and the pronoun their owner is referred to by. */
const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
]);
/** How far "that" may follow the noun: "his comment on Monday that “...”". */
const MAX_NOUN_GAP = 5;
/** How far into the "that" clause the quote may open: "that there have been “...”". */
const MAX_CLAUSE_LEAD = 4;

/** A word between an owner and its noun: "controversial", "Facebook" (not "his", "Roe’s"). */
function isModifier(t: Token | undefined): boolean {
  if (t === undefined || t.possessive || POSSESSIVE_PRONOUNS.has(t.lower)) return false;
  return /^\p{Ll}+$/u.test(t.text) || isNameToken(t);
}

/** Prepositions: a name after one is an object, not the subject of a clause. */
const PREPOSITIONS = new Set('from by to of with for at on in against about over than'.split(' '));
/** How far back a possessive pronoun's clause subject may stand: "Roe stood by his". */
const MAX_SUBJECT_GAP = 4;

/**
 * "Roe stood by his remark that ...": a possessive pronoun refers to the subject of its own
 * clause, a name shortly before it (not one after a preposition: "fire from Democrats over her").
 */
function clauseSubject(
  tokens: readonly Token[],
  j: number,
  floor: number,
  pronoun: string,
): Phrase | null {
  for (let k = j - 1; k >= floor && j - k <= MAX_SUBJECT_GAP; k--) {
    const t = tokens[k];
    if (t === undefined || /^[,;:“”"()–—]$/.test(t.text)) return null;
    if (!isNameToken(t)) continue;
    const [a] = runAround(tokens, k);
    if (t.possessive || PREPOSITIONS.has(tokens[a - 1]?.lower ?? '') || a < floor) return null;
    const phrase = namePhrase(tokens, a, k + 1);
    // "Jane Roe stood by his remark": a known gender that does not fit is someone else.
    const gender = PRONOUN_GENDER.get(pronoun);
    return phrase.kind === 'name' && (phrase.gender === null || phrase.gender === gender)
      ? phrase
      : null;
  }
  return null;
}

/**
 * "Jones stood by his remark that “...”", "Roe’s claim that there were “...”": a noun of
 * saying owned by a name or a possessive pronoun, whose "that" clause holds the quote, gives
 * the owner as the speaker, not the sentence's subject who merely brings the words up.
 */
function sayingOwner(
  tokens: readonly Token[],
  v: number,
  open: number,
  floor: number,
): Phrase | null {
  if (!SAYING_NOUNS.has(tokens[v]?.lower ?? '') && !isDocumentNoun(tokens[v])) return null;
  let that = v + 1;
  while (
    that < open &&
    that - v <= MAX_NOUN_GAP &&
    !/^(?:that|[,;:])$/.test(tokens[that]?.lower ?? '')
  )
    that++;
  // The quote opens the "that" clause ("that there were “...”"), not a later part of it, or
  // follows a colon ("Roe’s post: “...”").
  const lead =
    tokens[that]?.lower === 'that'
      ? open - that <= MAX_CLAUSE_LEAD
      : tokens[that]?.text === ':' && open === that + 1;
  if (!lead || that - v > MAX_NOUN_GAP) return null;
  // "her controversial remark", "Roe’s Facebook post": past a modifier or two to the owner.
  let j = v - 1;
  while (j > floor && v - j <= 2 && isModifier(tokens[j])) j--;
  const owner = tokens[j];
  if (owner === undefined || j < floor) return null;
  const pronoun = POSSESSIVE_PRONOUNS.get(owner.lower);
  if (pronoun !== undefined)
    return clauseSubject(tokens, j, floor, pronoun) ?? { kind: 'pronoun', word: pronoun };
  if (!owner.possessive || !isNameToken(owner)) return null;
  const [a] = runAround(tokens, j);
  const phrase = namePhrase(tokens, Math.max(a, floor), j + 1);
  return phrase.kind === 'name' ? phrase : null;
}

/** "X said: “...”", "X stressed that ... “...”", "..., saying “...”", "According to X, “...”". */
export function cueBefore(
  para: Paragraph,
  span: Span,
  floor: number,
  resolver: Resolver,
): Cue | null {
  const { tokens } = para;
  // "More from Jones: “...”", "Pew Research: “...”": a name introducing the quote.
  const colon = tokens[span.open - 1];
  const named = tokens[span.open - 2];
  const [a] =
    colon?.text === ':' && named !== undefined && isNameToken(named) && span.open - 2 >= floor
      ? runAround(tokens, span.open - 2)
      : [-1];
  // Only a name that opens its clause ("She says to Nevadans: “...”" is not one); co-authors
  // open it together ("- Ann Lee and Bo Park: “...”").
  const start = a >= 0 ? coauthorsStart(tokens, a, floor) : a;
  const lead = tokens[start - 1];
  if (
    a >= 0 &&
    named !== undefined &&
    (start <= floor || lead === undefined || /^(?:[-–—]|from)$/.test(lead.lower))
  ) {
    return {
      phrase: namePhrase(tokens, Math.max(a, floor), span.open - 1),
      pos: para.base + named.start,
    };
  }
  const shown = colon?.text === ':' ? presented(tokens, floor, span.open - 1, resolver) : null;
  if (shown !== null) return { phrase: shown, pos: para.base + (tokens[floor]?.start ?? 0) };
  for (let v = span.open - 1; v >= floor; v--) {
    const t = tokens[v];
    if (t === undefined) break;
    const pos = para.base + t.start;
    if (t.lower === 'to' && tokens[v - 1]?.lower === 'according') {
      return { phrase: phraseAt(tokens, v + 1, span.open, resolver), pos };
    }
    if (
      isFiniteSpeechAt(tokens, v) ||
      isPhrasalSpeech(t.lower, tokens[v + 1]?.lower, tokens[v + 2]?.lower)
    ) {
      const asker = passiveAsker(tokens, v, floor, span.open, resolver);
      if (asker !== null) return { phrase: asker, pos };
      const phrase =
        subjectBefore(tokens, v, floor, resolver) ??
        (ADDRESS_VERBS.has(t.lower) ||
        OBJECT_VERBS.has(t.lower) ||
        tokens[v + 1]?.lower === 'that' ||
        reportedSubject(tokens, v + 1)
          ? null
          : phraseAt(tokens, v + 1, span.open, resolver));
      if (phrase !== null) return { phrase, pos };
      return { phrase: sentenceSubject(para, v, resolver), pos, continued: true };
    }
    if (SPEECH_PARTICIPLE.has(t.lower)) {
      const phrase =
        clauseSpeaker(tokens, v, floor, resolver) ?? sentenceSubject(para, v, resolver);
      return { phrase, pos, continued: true };
    }
    const owner = sayingOwner(tokens, v, span.open, floor);
    if (owner !== null) return { phrase: owner, pos };
    // "Cruz accuses Obama of “leading from behind”": the verb's subject, not its object.
    // "Lee’s attacks have “...”": after a possessive or an article, a noun.
    if (
      STANCE_VERBS.has(t.lower) &&
      !MENTAL_VERBS.has(t.lower) &&
      tokens[v - 1]?.possessive !== true &&
      !DETERMINERS.has(tokens[v - 1]?.lower ?? '')
    ) {
      const phrase = subjectBefore(tokens, v, floor, resolver);
      if (phrase !== null) return { phrase, pos };
    }
  }
  return null;
}

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

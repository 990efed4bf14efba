/**
 * Key quotes, part 4b: the attribution before a quote ("X said: “...”", "X stressed that ...
 * “...”", "..., saying “...”", "Here’s X: “...”", "X was asked by Y, “...?”", "X’s claim that
 * “...”").
 */
import { isNameToken, PRONOUN_GENDER, type Token } from './names.js';
import type { Cue } from './quote-cue.js';
import { DETERMINERS, type Paragraph, type Span } from './quote-marks.js';
import {
  isDocumentNoun,
  isFiniteSpeechAt,
  namePhrase,
  type Phrase,
  phraseAfterVerb,
  phraseAt,
  PREPOSITIONS,
  runAround,
  STANCE_VERBS,
} from './quote-phrases.js';
import type { Resolver } from './quote-resolver.js';
import { sentenceSubject, subjectBefore } from './quote-subjects.js';
import { isPhrasalSpeech, SPEECH_PARTICIPLE } from './speech-verbs.js';

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

/** Pronouns of one person ("they" after "voters say" stands for the subject itself). */
const PERSONAL_PRONOUNS = new Set(['he', 'she']);

/**
 * "X now said Trump had “...”", "and said she would “...”": the name or pronoun after the verb
 * opens the reported clause (an auxiliary follows it), so it is what was said about, not who
 * said it.
 */
function reportedSubject(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  // "said she “steered a middle ground”": the quote goes on with the pronoun's verb.
  if (t !== undefined && PERSONAL_PRONOUNS.has(t.lower))
    return AUXILIARIES.has(tokens[k + 1]?.lower ?? '') || /^[“"]$/.test(tokens[k + 1]?.text ?? '');
  if (t === undefined || !isNameToken(t)) return false;
  return AUXILIARIES.has(tokens[runAround(tokens, k)[1]]?.lower ?? '');
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

/** Participles of naming that quote what their subject called someone: "calling her “...”". */
const NAMING_PARTICIPLES = new Set(['calling', 'labeling', 'labelling', 'dubbing', 'branding']);

/** How far back a participle's clause may open: "when Doe protesters interrupted her, shouting". */
const MAX_CLAUSE = 12;

/**
 * "..., with the teachers union calling her “...”": a speech or naming participle at `v` right
 * after the noun phrase of an absolute "with" phrase has that phrase for its subject.
 */
function withSubject(
  tokens: readonly Token[],
  v: number,
  floor: number,
  resolver: Resolver,
): Phrase | null {
  const t = tokens[v];
  if (t === undefined || !(SPEECH_PARTICIPLE.has(t.lower) || NAMING_PARTICIPLES.has(t.lower)))
    return null;
  for (let u = v - 1; u >= floor && v - u <= MAX_CLAUSE; u--) {
    const w = tokens[u];
    if (w === undefined || /^[,;:“”"()–—]$/.test(w.text)) return null;
    if (w.lower === 'with') return phraseAt(tokens, u + 1, v, resolver);
  }
  return null;
}

/** Words that open a subordinate clause: "when", "as", "where" ... */
const SUBORDINATORS = new Set('when where while as after because since until once'.split(' '));

/**
 * "The incident came during a speech, when Doe protesters interrupted her, shouting “...”": a
 * participle after the comma that closes a subordinate clause hangs from that clause's subject,
 * not from the sentence's.
 */
function subordinateSubject(
  tokens: readonly Token[],
  v: number,
  floor: number,
  resolver: Resolver,
): Phrase | null {
  if (tokens[v - 1]?.text !== ',') return null;
  for (let u = v - 2; u >= floor && v - u <= MAX_CLAUSE; u--) {
    const w = tokens[u];
    if (w === undefined || /^[,;:“”"()–—]$/.test(w.text)) return null;
    if (SUBORDINATORS.has(w.lower)) return phraseAt(tokens, u + 1, v - 1, resolver);
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
    const absolute = withSubject(tokens, v, floor, resolver);
    if (absolute !== null) return { phrase: absolute, pos };
    if (SPEECH_PARTICIPLE.has(t.lower)) {
      const own = subordinateSubject(tokens, v, floor, resolver);
      if (own !== null) return { phrase: own, pos };
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

/**
 * Key quotes, part 2a: reading who a noun phrase names, before any resolution: a name, a pronoun
 * or a role ("the Iraqi PM"), at a token or after a speech verb; and the word classes the other
 * readers share (speech verbs used as verbs, document nouns, time words).
 */ import {
  endsInRole,
  HONORIFICS,
  isNameToken,
  isPlaceName,
  isRoleModifier,
  isRoleWord,
  nameRuns,
  nameText,
  PRONOUN_GENDER,
  splitRun,
  type Token,
} from './names.js';
import { DETERMINERS, type Paragraph } from './quote-marks.js';
import { SPEECH_FINITE } from './speech-verbs.js';

export type Gender = 'm' | 'f' | null;

/** Who an attribution names before resolution. */
export type Phrase =
  | {
      kind: 'name';
      name: string;
      gender: Gender;
      outlet?: boolean;
      /** Set apart as a person by the phrase itself ("her father, Brad,"). */
      person?: boolean;
      /** One word opening its sentence, its verb not singular ("Critics say"): maybe a plural noun. */
      plural?: boolean;
      /** A group named after someone ("Doe supporters"): the label itself, not that person. */
      group?: boolean;
    }
  | { kind: 'pronoun'; word: string }
  | {
      kind: 'role';
      words: string[];
      definite: boolean;
      inner: string | null;
      /** A name modifying the role ("an AIPAC spokesman", "one Clinton aide"). */
      named?: string;
      /** One capitalised role word ("Dean said"): maybe the surname of someone named before. */
      surname?: string;
    }
  /** A document naming no owner ("the letter", "a statement"). */
  | { kind: 'document'; noun: string }
  /** A publication named only by its noun ("the paper", "the editorial board"). */
  | { kind: 'publication' };

/** What reading a phrase needs to know of the article (the speaker resolver provides it). */
export interface NameContext {
  /** Words the article also writes in lower case (capitalised only at sentence starts). */
  readonly lower: ReadonlySet<string>;
  /** A name the article's entities know (a full name, or a surname of one). */
  isKnownName(name: string): boolean;
  /** The role phrase ending with the role word at `k`: "the Iraqi PM", "a spokesman". */
  rolePhraseEndingAt(tokens: readonly Token[], k: number): Extract<Phrase, { kind: 'role' }> | null;
}

export const SKIPPABLE = new Set(
  (
    'also has have had was were is would will could later then further again once previously ' +
    'recently repeatedly reportedly simply just earlier quickly flatly privately publicly often ' +
    'famously bluntly openly explicitly even still already not never'
  ).split(' '),
);

export const MAX_NP = 12;

/** Punctuation and quotation marks that end a noun phrase read after a verb. */
export const NP_STOP = /^[,.;:“”"]$/;

/** Prepositions: a name after one is an object ("a vote for Clinton"), not a clause's subject. */
export const PREPOSITIONS = new Set(
  'of for with to by about between against from on at in over like than behind toward'.split(' '),
);

/** Verbs of opinion that also make their subject the current source ("Cruz believes ..."). */
export const STANCE_VERBS = new Set(
  (
    'believes believed thinks thought wants wanted hopes hoped accused accuses called calls ' +
    'criticized criticised praised blamed blames denied denies described questioned urged ' +
    'pledged promised vowed acknowledged admitted expects expected feels felt knows knew ' +
    'agreed agrees disagreed defended defends attacked attacks slammed blasted dismissed'
  ).split(' '),
);

/** Time words that may stand between a subject and its verb ("Priebus on Thursday told"). */
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight on'.split(' '),
);

/** Words before a noun, never before a verb: "the remarks", "his claims", "her tweets". */
const NOUN_MARKERS = new Set(
  'the a an his her its their our my your these those few several many some any no'.split(' '),
);

/** Words before a bare verb that is no attribution: "to say", "will continue". */
const NON_FINITE = new Set('to will would could should might may can must'.split(' '));

/**
 * A finite speech verb at `v`, not the noun of the same spelling: after a possessive or an
 * article the word is a noun ("Calderon’s remarks", "the claims"), and its owner said nothing here;
 * after "to" it is an infinitive ("went on to say").
 */
export function isFiniteSpeechAt(tokens: readonly Token[], v: number): boolean {
  const t = tokens[v];
  // "“...,” the letter reads": a document's text is read out of it.
  if (t !== undefined && (t.lower === 'read' || t.lower === 'reads'))
    return isDocumentNoun(tokens[v - 1]);
  if (t === undefined || !SPEECH_FINITE.has(t.lower)) return false;
  const before = tokens[v - 1];
  // "He went on to say Lee’s record is “...”": an infinitive hangs from the verb before it.
  return (
    before === undefined ||
    !(before.possessive || NOUN_MARKERS.has(before.lower) || NON_FINITE.has(before.text))
  );
}

export function isTimeWord(t: Token | undefined): boolean {
  return t !== undefined && TIME_WORDS.has(t.lower);
}

/** The name run that ends at token `k` (or contains it). */
export function runAround(tokens: readonly Token[], k: number): [number, number] {
  let a = k;
  while (a > 0) {
    const t = tokens[a - 1];
    if (
      t === undefined ||
      !(isNameToken(t) || /^(?:al|el|bin|ibn|de|van|von|da|di|du|la|le)$/.test(t.lower)) ||
      t.possessive
    )
      break;
    a--;
  }
  let b = k + 1;
  const kt = tokens[k];
  while (b < tokens.length && kt !== undefined && !kt.possessive) {
    const t = tokens[b];
    if (t === undefined || !isNameToken(t)) break;
    b++;
    if (t.possessive) break;
  }
  return [a, b];
}

export function namePhrase(tokens: readonly Token[], a: number, b: number): Phrase {
  const split = splitRun(tokens, a, b);
  if (split.nameStart >= b || endsInRole(tokens, a, b)) {
    // "the Iraqi PM", "Prime Minister": a role written with capitals.
    const words: string[] = [];
    for (let k = a; k < b; k++) words.push(tokens[k]?.lower ?? '');
    const only = b - a === 1 ? tokens[a] : undefined;
    return only !== undefined && !only.possessive
      ? { kind: 'role', words, definite: true, inner: null, surname: only.text }
      : { kind: 'role', words, definite: true, inner: null };
  }
  if (split.nameStart >= b) {
    return {
      kind: 'role',
      words: split.title.map((w) => w.toLowerCase()),
      definite: true,
      inner: null,
    };
  }
  const name = nameText(tokens, split.nameStart, b);
  return plurals(tokens, a, b)
    ? { kind: 'name', name, gender: split.gender, plural: true }
    : { kind: 'name', name, gender: split.gender };
}

/** Verbs that agree with a singular subject: "Wines believes", "Roberts was". */
const SINGULAR_VERB = /^(?:is|was|has|does|\p{Ll}+[^s\W]s)$/u;

/**
 * "Critics said", "Audiences can expect": one capitalised word ending in "s" that opens its
 * sentence, with no singular verb after it, may be a plural common noun rather than a name.
 */
function plurals(tokens: readonly Token[], a: number, b: number): boolean {
  const t = tokens[a];
  if (t === undefined || b - a !== 1 || t.possessive || !/\p{Ll}s$/u.test(t.text)) return false;
  const prev = tokens[a - 1];
  if (prev !== undefined && !/^[.!?“"]$/.test(prev.text)) return false;
  return !SINGULAR_VERB.test(tokens[b]?.text ?? '');
}

/**
 * "NBC’s Dante Chinni", "Florida’s Rick Wilson": a possessive name (ending at `b`) owns the name
 * run [b, c) that closes the phrase, so the person is the second name. A run that goes on into
 * the clause ("Clinton’s Iowa campaign") is not a person of its own.
 */
function ownerBefore(tokens: readonly Token[], b: number, c: number, end: number): boolean {
  if (tokens[b - 1]?.possessive !== true || c - b < 2) return false;
  const after = tokens[c];
  return c >= end || after === undefined || PHRASE_END.test(after.text);
}

/** Nouns of kinship and the gender they imply. */
const KIN_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...'father son husband brother uncle nephew grandfather grandson boyfriend stepfather'
    .split(' ')
    .map((w) => [w, 'm'] as const),
  ...'mother daughter wife sister aunt niece grandmother granddaughter girlfriend stepmother'
    .split(' ')
    .map((w) => [w, 'f'] as const),
]);

/**
 * "Her father, Brad, 39, ...", "his wife, Jane, ...": a name set between commas after a
 * determiner and a lower-case noun is that noun's apposition, a person (a kinship noun tells
 * the gender). `k` is the determiner.
 */
export function appositiveName(tokens: readonly Token[], k: number, end: number): Phrase | null {
  let j = k + 1;
  while (j < end && j - k <= 3 && /^\p{Ll}+$/u.test(tokens[j]?.text ?? '')) j++;
  const first = tokens[j + 1];
  if (j === k + 1 || tokens[j]?.text !== ',' || first === undefined || !isNameToken(first))
    return null;
  const [, b] = runAround(tokens, j + 1);
  if (b >= end || tokens[b]?.text !== ',' || tokens[b - 1]?.possessive === true) return null;
  const phrase = namePhrase(tokens, j + 1, b);
  if (phrase.kind !== 'name') return null;
  const gender = phrase.gender ?? KIN_GENDER.get(tokens[j - 1]?.lower ?? '') ?? null;
  return { ...phrase, gender, person: true };
}

/**
 * Where a noun phrase starting at `start` ends: at a comma, stop or quotation mark, at `limit`,
 * or, given `sentence`, where that sentence ends.
 */
export function phraseEnd(
  para: Paragraph,
  start: number,
  limit: number,
  sentence?: number,
): number {
  const { tokens } = para;
  let end = start;
  while (
    end < tokens.length &&
    end < limit &&
    (sentence === undefined || para.sentence[end] === sentence) &&
    !NP_STOP.test(tokens[end]?.text ?? '.')
  )
    end++;
  return end;
}

/** The noun phrase that starts at `k` ("the Iraqi PM", "Khamenei", "he"), up to `end`. */
export function phraseAt(
  tokens: readonly Token[],
  k: number,
  end: number,
  resolver: NameContext,
): Phrase | null {
  const t = tokens[k];
  if (t === undefined || k >= end) return null;
  if (PRONOUN_GENDER.has(t.lower)) return { kind: 'pronoun', word: t.lower };
  if (isNameToken(t) || HONORIFICS.has(t.lower)) {
    const [, b] = runAround(tokens, k);
    const group = groupAt(tokens, k, b, end, resolver);
    if (group !== null) return group;
    // "Democratic pollster Geoff Garin": past the modifiers and role to the name.
    let j = b;
    while (
      j < end &&
      j - b < 5 &&
      (isRoleWord(tokens[j]?.lower ?? '') ||
        isRoleModifier(tokens[j]?.lower ?? '') ||
        // "secretary of state Madeleine Albright": a role's "of" and its lower-case object.
        (j > b &&
          tokens[j]?.lower === 'of' &&
          isRoleWord(tokens[j - 1]?.lower ?? '') &&
          /^\p{Ll}/u.test(tokens[j + 1]?.text ?? '')) ||
        (tokens[j - 1]?.lower === 'of' && j - 1 > b && /^\p{Ll}/u.test(tokens[j]?.text ?? '')))
    )
      j++;
    // "Democratic front-runner Hillary Clinton", "Texas billionaire Joe Doe": a place or party
    // and a lower-case description before the name.
    if (j === b && isPlaceName(nameText(tokens, k, b))) {
      while (
        j < end &&
        j - b < 3 &&
        /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j]?.text ?? '') &&
        !PHRASE_BREAKS.has(tokens[j]?.lower ?? '') &&
        !PRONOUN_GENDER.has(tokens[j]?.lower ?? '')
      )
        j++;
      const u = tokens[j];
      if (u === undefined || !isNameToken(u)) j = b;
    }
    const titled = j === b ? nameAfterTitleOf(tokens, b, end, resolver) : null;
    if (titled !== null) return titled;
    const next = tokens[j];
    if (next !== undefined && isNameToken(next) && j < end) {
      const [, c] = runAround(tokens, j);
      if (j > b || ownerBefore(tokens, b, c, end)) return namePhrase(tokens, j, Math.min(c, end));
    }
    return namePhrase(tokens, k, Math.min(b, end));
  }
  if (DETERMINERS.has(t.lower) || isRoleWord(t.lower) || isRoleModifier(t.lower)) {
    const appositive = DETERMINERS.has(t.lower) ? appositiveName(tokens, k, end) : null;
    if (appositive !== null) return appositive;
    for (let j = k + 1; j < end && j - k < 8; j++) {
      const u = tokens[j];
      if (u === undefined || /^[,.;:–—]$/.test(u.text)) break;
      if (isNameToken(u) && !isRoleModifier(u.lower) && !isRoleWord(u.lower)) {
        const [a, b] = runAround(tokens, j);
        if (!u.possessive && tokens[b - 1]?.possessive !== true) {
          const phrase = namePhrase(tokens, Math.max(a, j), Math.min(b, end));
          return phrase.kind === 'role'
            ? (nameAfterConjoinedRole(tokens, b, end) ?? phrase)
            : phrase;
        }
      }
      if (isRoleWord(u.lower)) {
        const phrase = resolver.rolePhraseEndingAt(tokens, j);
        if (phrase === null) continue;
        // "the district party chairman Jane Roe": the name the role introduces.
        const named = nameAfterRole(tokens, j + 1, end);
        if (named !== null) return named;
        // "a spokesman for the State Department": fall back to the organisation named after.
        let inner: string | null = null;
        const prep = tokens[j + 1];
        if (prep !== undefined && /^(?:for|of|at|to)$/.test(prep.lower)) {
          const run = nameRuns(tokens, j + 2, Math.min(end, j + 8))[0];
          if (run !== undefined) inner = nameText(tokens, run[0], run[1]);
        }
        return { ...phrase, inner };
      }
    }
    // "Trump’s spokeswoman", "the Clinton campaign": the name inside, not one quoted after it
    // ("Another advised, “Drive Safely”").
    let stop = k + 1;
    while (stop < Math.min(end, k + 6) && !/^[“”"]$/.test(tokens[stop]?.text ?? '')) stop++;
    const run = nameRuns(tokens, k, stop)[0];
    if (run !== undefined) return namePhrase(tokens, run[0], run[1]);
  }
  return null;
}

/** Plural nouns for people who back or oppose someone without speaking for them. */
const GROUP_NOUNS = new Set(
  (
    'supporters protesters protestors demonstrators voters fans backers loyalists followers ' +
    'critics opponents detractors donors volunteers delegates members'
  ).split(' '),
);

/**
 * "Doe supporters", "Doe’s backers": a known name (the run [a, b)) modifying a plural noun for
 * people who back or oppose someone names that group, not the person; its label is the phrase.
 */
function groupAt(
  tokens: readonly Token[],
  a: number,
  b: number,
  end: number,
  resolver: NameContext,
): Phrase | null {
  const noun = tokens[b];
  if (noun === undefined || b >= end || !GROUP_NOUNS.has(noun.text)) return null;
  const name = nameText(tokens, a, b);
  if (isPlaceName(name) || !resolver.isKnownName(name)) return null;
  return { kind: 'name', name: `${name} ${noun.text}`, gender: null, group: true };
}

/**
 * "Secretary of State John Kerry", "Director of National Intelligence Ann Roe": a capitalised
 * title ending at `b` whose "of" names a department, then the person the article knows; the
 * department's words are no part of the name.
 */
function nameAfterTitleOf(
  tokens: readonly Token[],
  b: number,
  end: number,
  resolver: NameContext,
): Phrase | null {
  const of = tokens[b];
  if (of?.lower !== 'of' || !isRoleWord(tokens[b - 1]?.lower ?? '')) return null;
  const first = tokens[b + 1];
  if (first === undefined || !isNameToken(first)) return null;
  const c = Math.min(runAround(tokens, b + 1)[1], end);
  for (let m = b + 2; m < c; m++) {
    if (!resolver.isKnownName(nameText(tokens, m, c))) continue;
    const phrase = namePhrase(tokens, m, c);
    if (phrase.kind === 'name') return phrase;
  }
  return null;
}

/**
 * "former Ohio Gov. and party Chairman Ted Marlow": after a capitalised role ending at `b`,
 * "and" joins a second role that leads to the name, the person both roles describe.
 */
function nameAfterConjoinedRole(tokens: readonly Token[], b: number, end: number): Phrase | null {
  if (tokens[b]?.lower !== 'and') return null;
  let m = b + 1;
  while (m < end && m - b <= MAX_NP) {
    const t = tokens[m];
    if (t === undefined) return null;
    if (isNameToken(t)) {
      const [, c] = runAround(tokens, m);
      if (tokens[c - 1]?.possessive === true) return null;
      const phrase = namePhrase(tokens, m, Math.min(c, end));
      if (phrase.kind === 'name') return phrase;
      m = c;
    } else if (isRoleWord(t.lower) || isRoleModifier(t.lower)) m++;
    else return null;
  }
  return null;
}

/** The name right after a role word ("the county clerk Jane Roe said"), if one follows. */
function nameAfterRole(tokens: readonly Token[], k: number, end: number): Phrase | null {
  const t = tokens[k];
  if (t === undefined || k >= end || !isNameToken(t) || isRoleWord(t.lower)) return null;
  const [, b] = runAround(tokens, k);
  // "the party chairman Roe’s office": the owner of something else.
  if (tokens[Math.min(b, end) - 1]?.possessive === true) return null;
  const phrase = namePhrase(tokens, k, Math.min(b, end));
  return phrase.kind === 'name' ? phrase : null;
}

/** Punctuation that ends a noun phrase after a speech verb. */
export const PHRASE_END = /^[,.;:()“”"–—]$/;

/** Words that end a described speaker's phrase ("said in a statement Monday"). */
const PHRASE_BREAKS = new Set(
  'in at on during after before to for from with by while when as that which who'.split(' '),
);

/**
 * The name heading a described speaker after the verb: "said election lawyer Joe Birkenstock",
 * "said former Utah governor Michael Leavitt", "said Florida’s Rick Wilson, a consultant". Skips
 * lower-case descriptors, places and possessives up to the first capitalised run that is not
 * itself a modifier; a preposition or clause word ends the search.
 */
function describedName(tokens: readonly Token[], k: number, end: number): Phrase | null {
  let j = k;
  while (j < end && j - k < MAX_NP) {
    const t = tokens[j];
    if (
      t === undefined ||
      PHRASE_END.test(t.text) ||
      PRONOUN_GENDER.has(t.lower) ||
      PHRASE_BREAKS.has(t.lower)
    )
      return null;
    if (!isNameToken(t)) {
      j++;
      continue;
    }
    const [, b] = runAround(tokens, j);
    const stop = Math.min(b, end);
    const next = tokens[stop];
    const modifier =
      tokens[stop - 1]?.possessive === true ||
      isPlaceName(nameText(tokens, j, stop)) ||
      (next !== undefined && (isRoleWord(next.lower) || isRoleModifier(next.lower)));
    if (!modifier) {
      const phrase = namePhrase(tokens, j, stop);
      return phrase.kind === 'name' ? phrase : null;
    }
    j = stop;
  }
  return null;
}

/** "said X": the phrase after the verb, or the name its descriptors lead to. */
export function phraseAfterVerb(
  tokens: readonly Token[],
  k: number,
  end: number,
  resolver: NameContext,
): Phrase | null {
  // "said that NAFTA has been good": "that" opens what was said, not who said it.
  if (tokens[k]?.lower === 'that') return null;
  const phrase = phraseAt(tokens, k, end, resolver);
  if (phrase !== null && !(phrase.kind === 'name' && isPlaceName(phrase.name))) return phrase;
  return describedName(tokens, k, end) ?? phrase;
}

/** Written sources that speak for whoever issued them ("the letter says", "the release said"). */
const DOCUMENT_NOUNS = new Set(
  (
    'memo report statement letter ad study survey poll ruling complaint filing release article ' +
    'editorial email e-mail document lawsuit column op-ed post tweet message passage headline ' +
    'caption sign notice announcement analysis transcript indictment'
  ).split(' '),
);

/** A lower-case document noun at `k` ("statement", not "Statement"). */
export function isDocumentNoun(t: Token | undefined): boolean {
  return t !== undefined && !t.cap && DOCUMENT_NOUNS.has(t.lower);
}

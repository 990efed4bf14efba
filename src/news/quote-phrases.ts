/**
 * Key quotes, part 2: reading who a noun phrase names, before any resolution: a name, a pronoun
 * or a role ("the Iraqi PM"), found after a speech verb, before it (the subject), or at the start
 * of a sentence (past datelines, opening phrases and linking words).
 */
import {
  HONORIFICS,
  PRONOUN_GENDER,
  endsInRole,
  givenNameGender,
  isOrgWord,
  isPartyTag,
  isNameToken,
  isPlaceName,
  isRoleModifier,
  isRoleWord,
  nameRuns,
  nameText,
  splitRun,
  type Token,
} from './names.js';
import { SPEECH_FINITE } from './speech-verbs.js';
import { DETERMINERS, OPEN_ONLY, type Paragraph } from './quote-marks.js';

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
/** Words that open a sentence with a phrase before its subject ("Following the talks, ..."). */
const LEADERS = new Set(
  (
    'following during after before in on at while when as since despite although though but and ' +
    'yet still meanwhile however earlier later last speaking asked with for from by under like ' +
    'unlike if because instead then now today also so among amid across throughout once early ' +
    'shortly within upon likewise similarly moreover furthermore nonetheless nevertheless ' +
    'otherwise indeed'
  ).split(' '),
);
/** Linking adverbs that may stand right before a sentence's subject ("But Cruz said"). */
const LINKERS = new Set('meanwhile however yet still but and also so then now instead'.split(' '));
/** Focus adverbs that may stand between a linking word and the subject ("And even Obama"). */
const FOCUS_WORDS = new Set('even only now then also'.split(' '));
export const MAX_NP = 12;
/** Punctuation and quotation marks that end a noun phrase read after a verb. */
const NP_STOP = /^[,.;:“”"]$/;
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

function isTimeWord(t: Token | undefined): boolean {
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
function appositiveName(tokens: readonly Token[], k: number, end: number): Phrase | null {
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
const PHRASE_END = /^[,.;:()“”"–—]$/;
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

/** Nouns for a publication, body or document speaking in its own name ("Time magazine wrote"). */
const OUTLET_NOUNS = new Set(
  (
    'magazine newspaper paper tabloid website site journal blog network channel outlet editorial ' +
    'board foundation institute group committee memo report statement letter ad video study ' +
    'survey poll ruling complaint filing release'
  ).split(' '),
);

/** Nouns for a publication or its voice, standing for the outlet itself ("the paper said"). */
const PUBLICATION_NOUNS = new Set(
  'magazine newspaper paper journal tabloid website site network outlet board'.split(' '),
);

/**
 * "the paper noted", "the editorial board writes", "the paper’s editorial board wrote": a
 * publication the article named before, called by its noun after "the".
 */
function publicationAt(tokens: readonly Token[], k: number, floor: number): Phrase | null {
  const noun = tokens[k];
  if (noun === undefined || noun.cap || !PUBLICATION_NOUNS.has(noun.lower)) return null;
  for (let j = k - 1; j >= floor && k - j <= 3; j--) {
    const t = tokens[j];
    if (t === undefined || !/^\p{Ll}/u.test(t.text)) return null;
    if (t.lower === 'the') return { kind: 'publication' };
  }
  return null;
}

/** "Time magazine", "the Heritage Foundation website": the name before an outlet noun at `k`. */
function outletBefore(tokens: readonly Token[], k: number, floor: number): Phrase | null {
  const noun = tokens[k];
  const named = tokens[k - 1];
  if (noun === undefined || noun.cap || !OUTLET_NOUNS.has(noun.lower)) return null;
  if (named === undefined || k - 1 < floor || !isNameToken(named) || named.possessive) return null;
  const [a] = runAround(tokens, k - 1);
  const phrase = namePhrase(tokens, Math.max(a, floor), k);
  return phrase.kind === 'name' ? { ...phrase, outlet: true } : null;
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

/**
 * "the letter says", "Trump’s statement said", "a Times editorial said": a document as the
 * subject speaks for its owner when one is named in the phrase, else for the source the article
 * last named (an unnamed role), never for a person merely mentioned before.
 */
function documentBefore(tokens: readonly Token[], k: number, floor: number): Phrase | null {
  if (!isDocumentNoun(tokens[k])) return null;
  for (let j = k - 1; j >= floor && k - j <= 5; j--) {
    const t = tokens[j];
    if (t === undefined || PHRASE_END.test(t.text)) return null;
    if (isNameToken(t)) {
      let [a, b] = runAround(tokens, j);
      // "Roe’s Facebook post": the platform belongs to the possessive name before it.
      const owner = tokens[a - 1];
      if (a - 1 >= floor && owner?.possessive === true && isNameToken(owner))
        [a, b] = runAround(tokens, a - 1);
      const phrase = namePhrase(tokens, Math.max(a, floor), b);
      return phrase.kind === 'name' ? { ...phrase, outlet: true } : null;
    }
    if (DETERMINERS.has(t.lower)) {
      return { kind: 'document', noun: tokens[k]?.lower ?? '' };
    }
  }
  return null;
}

/** Verbs by which a document gives its own text ("reads a notice", "the memo states"). */
export const DOCUMENT_VERBS = new Set('read reads states stated'.split(' '));

/**
 * "“...,” reads a Monday editorial in the Ledger", "“...,” states a memo from Roe": the document
 * after an inverted document verb (its noun within a few words of `k`) speaks for the name owning
 * it ("a Ledger editorial", "the memo by Roe"); null when the phrase names no owner.
 */
export function documentAfterVerb(
  tokens: readonly Token[],
  k: number,
  end: number,
  resolver: NameContext,
): Phrase | null {
  let d = k;
  while (d < end && d - k <= 4 && !isDocumentNoun(tokens[d])) {
    if (PHRASE_END.test(tokens[d]?.text ?? '.')) return null;
    d++;
  }
  if (d >= end || d - k > 4) return null;
  for (let j = d - 1; j >= k; j--) {
    const t = tokens[j];
    if (t === undefined || !isNameToken(t) || isTimeWord(t)) continue;
    const [a, b] = runAround(tokens, j);
    const phrase = namePhrase(tokens, Math.max(a, k), Math.min(b, d));
    if (phrase.kind === 'name') return { ...phrase, outlet: true };
  }
  if (!/^(?:in|from|by|of)$/.test(tokens[d + 1]?.lower ?? '')) return null;
  const owner = phraseAt(tokens, d + 2, end, resolver);
  return owner === null || owner.kind === 'pronoun' ? null : owner;
}

/**
 * "the Pentagon said", "the Orlando attacks": a name right after "the" is an institution or a
 * noun's modifier, not a person that a later "he" or "she" can refer to.
 */
export function afterArticle(tokens: readonly Token[], v: number): boolean {
  const prev = tokens[v - 1];
  if (prev === undefined || !isNameToken(prev)) return false;
  const [a] = runAround(tokens, v - 1);
  return tokens[a - 1]?.lower === 'the';
}

/**
 * "The Ledger notes", "In an editorial, the Ledger urged": an institution after "the" as the
 * subject of a speech verb, or of a stance verb when it opens its clause (unlike the noun in
 * "after the Paris attacks").
 */
export function institutionSpeaks(para: Paragraph, v: number): boolean {
  const { tokens } = para;
  if (!afterArticle(tokens, v)) return false;
  if (isFiniteSpeechAt(tokens, v)) return true;
  if (!STANCE_VERBS.has(tokens[v]?.lower ?? '')) return false;
  const a = runAround(tokens, v - 1)[0] - 1;
  return a === 0 || para.sentence[a - 1] !== para.sentence[a] || tokens[a - 1]?.text === ',';
}

/**
 * "the Commission on Presidential Debates", "the Republican Party of Wyoming": the name run
 * [a, b) after "of" or "on" that follows an organisation noun completes the organisation's name.
 */
function organisationEndingAt(
  tokens: readonly Token[],
  a: number,
  b: number,
  floor: number,
): Phrase | null {
  const prep = tokens[a - 1];
  const head = tokens[a - 2];
  if (prep === undefined || head === undefined || a - 2 < floor) return null;
  if (!/^(?:of|on)$/.test(prep.text) || !isNameToken(head) || head.possessive) return null;
  if (!isOrgWord(head.lower) || splitRun(tokens, a, b).nameStart > a) return null;
  const [h] = runAround(tokens, a - 2);
  const name = `${nameText(tokens, Math.max(h, floor), a - 1)} ${prep.text} ${nameText(tokens, a, b)}`;
  return { kind: 'name', name, gender: null, outlet: true };
}

/** Participles that pass a document on: "a letter obtained by The Ledger". */
const HANDED_ON = new Set(
  'obtained reviewed seen provided released published leaked shared sent'.split(' '),
);

/**
 * "A letter from the League obtained by The Ledger warns": the name ending at `k` after "obtained
 * by" only holds the document, which speaks; returns the token before the participle when a
 * document noun comes a few words before it, else `k`.
 */
function pastHolder(tokens: readonly Token[], k: number, floor: number): number {
  const t = tokens[k];
  if (t === undefined || !isNameToken(t)) return k;
  let by = runAround(tokens, k)[0] - 1;
  if (tokens[by]?.lower === 'the') by--;
  if (tokens[by]?.lower !== 'by' || !HANDED_ON.has(tokens[by - 1]?.lower ?? '')) return k;
  for (let j = by - 2; j >= floor && by - j <= 8; j--) {
    if (isDocumentNoun(tokens[j])) return by - 2;
  }
  return k;
}

/** Prepositions that tie a person to a place or body: "Joe Roe of Dayton", "a nurse from Ohio". */
const HOME_PREPOSITIONS = new Set(['of', 'from']);
/** Prepositions before the place an appositive or aside ends at: "a meeting in Dayton". */
const PLACE_PREPOSITIONS = new Set([...HOME_PREPOSITIONS, 'in', 'at']);
/** Words opening an appositive or aside after a subject: "a nurse", "who is", "during a". */
const APPOSITIVE_OPENERS = new Set([...PLACE_PREPOSITIONS, 'who', 'during', 'for', 'on', 'with']);

/**
 * Where the "of Dayton, Ohio" ending at token `k` (a name) opens, or -1 when none does; `preps`
 * are the prepositions that may open it.
 */
function homeStart(
  tokens: readonly Token[],
  k: number,
  floor: number,
  preps: ReadonlySet<string> = HOME_PREPOSITIONS,
): number {
  const t = tokens[k];
  if (t === undefined || !isNameToken(t)) return -1;
  let [a] = runAround(tokens, k);
  // "of Columbia, South Carolina": the state after its town.
  const town = tokens[a - 2];
  if (
    tokens[a - 1]?.text === ',' &&
    town !== undefined &&
    isNameToken(town) &&
    isPlaceName(nameText(tokens, a, k + 1))
  )
    a = runAround(tokens, a - 2)[0];
  if (tokens[a - 1]?.lower === 'the') a--;
  return a - 1 > floor && preps.has(tokens[a - 1]?.lower ?? '') ? a - 1 : -1;
}

/**
 * "Joe Roe of Dayton, Ohio said", "Sen. Ann Lee of the Budget Committee said": past the place or
 * body a person is from, to the person, when a name (not a title or body: "Secretary of State",
 * "the Green Party of Ohio") stands before the preposition. Else `k` itself.
 */
function pastHome(tokens: readonly Token[], k: number, floor: number): number {
  const p = homeStart(tokens, k, floor);
  const h = tokens[p - 1];
  if (p < 0 || h === undefined || !isNameToken(h) || h.possessive) return k;
  return isRoleWord(h.lower) || isOrgWord(h.lower) ? k : p - 1;
}

/**
 * "Jean Roe, the mayor of Dayton, a city in Ohio, said": the comma at `c` ends a run of
 * appositives or asides (each opening with a determiner, a preposition or "who" and ending at a
 * place or body) after the subject; back to the comma right after the subject.
 */
function appositivesStart(tokens: readonly Token[], c: number, v: number, floor: number): number {
  for (;;) {
    if (homeStart(tokens, c - 1, floor, PLACE_PREPOSITIONS) < 0) return c;
    let p = c - 1;
    while (p >= floor && v - p < 24 && tokens[p]?.text !== ',') p--;
    const opener = tokens[p + 1]?.lower ?? '';
    if (p < floor || tokens[p]?.text !== ',' || v - p >= 24) return c;
    if (!DETERMINERS.has(opener) && !APPOSITIVE_OPENERS.has(opener)) return c;
    c = p;
  }
}

/** The subject ending just before token `v` (a speech verb), skipping adverbs and appositives. */
export function subjectBefore(
  tokens: readonly Token[],
  v: number,
  floor: number,
  resolver: NameContext,
): Phrase | null {
  let k = v - 1;
  while (k >= floor && (SKIPPABLE.has(tokens[k]?.lower ?? '') || isTimeWord(tokens[k]))) k--;
  // "Gov. Mary Fallin (R-OK), said": a comma after the party tag closing the name.
  if (
    tokens[k]?.text === ',' &&
    tokens[k - 1]?.text === ')' &&
    isPartyTag(tokens[k - 2]?.text ?? '') &&
    tokens[k - 3]?.text === '(' &&
    k - 3 > floor
  )
    k--;
  if (tokens[k]?.text === ')') {
    // "Gov. Mary Fallin (R-OK) said".
    let c = k - 1;
    while (c >= floor && k - c < 8 && tokens[c]?.text !== '(') c--;
    if (c >= floor && tokens[c]?.text === '(') k = c - 1;
  }
  if (tokens[k]?.text === ',') {
    // "Khamenei, the Iranian leader, said" / "X, who ..., said": back to the first comma;
    // "her senior adviser, Jake Sullivan, said": the name between the commas.
    let c = k - 1;
    while (c >= floor && v - c < 24 && tokens[c]?.text !== ',') c--;
    if (c >= floor && tokens[c]?.text === ',') {
      const inner = tokens[k - 1];
      const [a, b] = inner === undefined ? [k, k] : runAround(tokens, k - 1);
      if (
        inner !== undefined &&
        isNameToken(inner) &&
        !isPartyTag(inner.text) &&
        a === c + 1 &&
        b === k &&
        !isPlaceName(nameText(tokens, a, b))
      ) {
        return namePhrase(tokens, a, b);
      }
      k = appositivesStart(tokens, c, v, floor) - 1;
    }
  }
  k = pastHome(tokens, k, floor);
  k = pastHolder(tokens, k, floor);
  const t = tokens[k];
  if (t === undefined || k < floor) return null;
  if (PRONOUN_GENDER.has(t.lower)) return { kind: 'pronoun', word: t.lower };
  if (isNameToken(t)) {
    const [a, b] = runAround(tokens, k);
    if (b <= k + 1) {
      const org = organisationEndingAt(tokens, Math.max(a, floor), b, floor);
      if (org !== null) return org;
    }
    return namePhrase(tokens, Math.max(a, floor), Math.min(b, k + 1));
  }
  if (isRoleWord(t.lower)) {
    const phrase = resolver.rolePhraseEndingAt(tokens, k);
    if (phrase !== null) return phrase;
  }
  const outlet = outletBefore(tokens, k, floor) ?? publicationAt(tokens, k, floor);
  if (outlet !== null) return outlet;
  // "a spokesman for the State Department said": the organisation or the role before it.
  for (let j = k; j >= floor && k - j < 8; j--) {
    const u = tokens[j];
    if (u === undefined || NP_STOP.test(u.text)) break;
    if (isRoleWord(u.lower)) {
      const phrase = resolver.rolePhraseEndingAt(tokens, j);
      if (phrase !== null) {
        const run = nameRuns(tokens, j + 1, k + 1)[0];
        return { ...phrase, inner: run === undefined ? null : nameText(tokens, run[0], run[1]) };
      }
    }
  }
  return documentBefore(tokens, k, floor);
}

/** Spans of time opening a sentence before "later", "earlier" or "ago" ("Hours later, ..."). */
const TIME_SPANS = new Set('moments minutes hours days weeks months years decades'.split(' '));

/** Number words and -ly adverbs that open a sentence ("Fifteen minutes later, ..."). */
const QUANTITY_WORDS = new Set(
  (
    'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
    'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety ' +
    'hundred hundreds thousand thousands million millions dozens several'
  ).split(' '),
);

/** A sentence-opening word that cannot begin a person's name: a number or an -ly adverb. */
function isQuantityWord(t: Token, resolver: NameContext): boolean {
  if (QUANTITY_WORDS.has(t.lower)) return true;
  // "Kelly", "Beverly": given names and known surnames are not adverbs.
  return (
    t.lower.length > 4 &&
    t.lower.endsWith('ly') &&
    givenNameGender(t.text) === null &&
    !resolver.isKnownName(t.text)
  );
}

/** How far a dateline may run before its dash: "PHILADELPHIA, July 25 (UPI) —". */
const MAX_DATELINE = 10;

/** An upper-case word of two letters or more ("DES", "MOINES"): dateline or headline type. */
function isUpperWord(t: Token | undefined): boolean {
  return t !== undefined && t.text.length > 1 && /^\p{Lu}+$/u.test(t.text);
}

/**
 * The first token after a dateline opening a story ("TALLAHASSEE — Rep. Gwen Graham said",
 * "LOS ANGELES, Sept. 28 (UPI) — ..."): a place in capitals, an optional date and agency, then
 * a dash. Returns `j` itself when the sentence does not open with one.
 */
function pastDateline(tokens: readonly Token[], j: number, k: number): number {
  if (!isUpperWord(tokens[j])) return j;
  for (let d = j + 1; d < k && d - j <= MAX_DATELINE; d++) {
    const t = tokens[d];
    if (t === undefined) break;
    if (/^[–—―]$/.test(t.text)) return d + 1;
    // A lower-case word means running text, not a dateline.
    if (/^\p{Ll}/u.test(t.text)) break;
  }
  return j;
}

/** The clause subject of the sentence holding token `k`: its first noun phrase. */
export function sentenceSubject(
  para: Paragraph,
  k: number,
  resolver: NameContext,
  wholeSentence = false,
  from = 0,
): Phrase | null {
  const s = para.sentence[k];
  let start = k;
  while (start > from && para.sentence[start - 1] === s) start--;
  if (wholeSentence) {
    k = start;
    while (k < para.tokens.length && para.sentence[k] === s) k++;
  }
  let j = start;
  if (OPEN_ONLY.has(para.tokens[j]?.text ?? '') || para.tokens[j]?.text === '"') return null;
  while (j < k && /^[‘’([]$/.test(para.tokens[j]?.text ?? '')) j++;
  j = pastDateline(para.tokens, j, k);
  const first = para.tokens[j];
  const second = para.tokens[j + 1];
  // "Typically, ...", "Across the state, ...": an opening word, not a one-word name.
  const opener =
    first !== undefined &&
    first.cap &&
    ((second?.text === ',' && (/ly$/.test(first.lower) || resolver.lower.has(first.lower))) ||
      (second !== undefined && DETERMINERS.has(second.lower)) ||
      // "Hours later, Roe ...": a span of time.
      (TIME_SPANS.has(first.lower) && /^(?:later|earlier|ago)$/.test(second?.lower ?? '')));
  const participle =
    opener ||
    (first !== undefined && first.cap && isQuantityWord(first, resolver)) ||
    (first !== undefined && /(?:ing|ed)$/.test(first.lower) && para.tokens[j + 1]?.cap === false);
  // "And even Obama tried ...": a focus word between the linking word and the subject.
  const third = para.tokens[j + 2];
  const focused =
    first !== undefined &&
    LINKERS.has(first.lower) &&
    FOCUS_WORDS.has(second?.lower ?? '') &&
    third !== undefined &&
    isNameToken(third);
  if (focused) j++;
  const next = para.tokens[j + 1];
  if (
    first !== undefined &&
    LINKERS.has(first.lower) &&
    next !== undefined &&
    (isNameToken(next) ||
      PRONOUN_GENDER.has(next.lower) ||
      appositiveName(para.tokens, j + 1, k) !== null)
  ) {
    // "Meanwhile Rihanna, who ..., spoke", "But his wife, Jane, said": a linking word before
    // the subject.
    j++;
  } else if (LEADERS.has(first?.lower ?? '') || participle) {
    return pastOpening(para, j, k, resolver);
  }
  // "Moreover, as part of the talks, Roe cited ...", "Here in Salem, Doe ...": an opening
  // phrase that names nobody; the subject follows its comma.
  return phraseAt(para.tokens, j, k, resolver) ?? pastOpening(para, j, k, resolver);
}

/**
 * The straight or curly mark at `d` closes a quote: it sticks to the word before it, not to the
 * word after it ("called it “radical,” Clinton", not "chanted, "Send them home"").
 */
function closesAt(tokens: readonly Token[], d: number): boolean {
  const mark = tokens[d];
  const before = tokens[d - 1];
  return mark !== undefined && before !== undefined && before.end === mark.start;
}

/**
 * The subject after the opening phrase starting at `j` (up to three commas before `k`); a
 * place after its comma belongs to it ("In Salem, N.H., Trump").
 */
function pastOpening(para: Paragraph, j: number, k: number, resolver: NameContext): Phrase | null {
  let c = j;
  for (let commas = 0; commas < 3; commas++) {
    while (c < k && para.tokens[c]?.text !== ',') c++;
    if (c >= k) return null;
    // "When X called it “radical,” Clinton ...": past the mark closing a quote at the comma.
    let d = c + 1;
    while (d < k && /^[”"’]$/.test(para.tokens[d]?.text ?? '') && closesAt(para.tokens, d)) d++;
    const phrase = phraseAt(para.tokens, d, k, resolver);
    // "At a rally in Portland, Maine, on Thursday, Trump ...": a further opening phrase.
    const further = phrase === null && LEADERS.has(para.tokens[d]?.text ?? '');
    if (!further && (phrase?.kind !== 'name' || !isPlaceName(phrase.name))) return phrase;
    c++;
  }
  return null;
}

/**
 * Who issued the document at `k` where the article brings it up: "Trump’s letter", "a Times
 * article", "a statement from the mayor", else the subject of its sentence ("The campaign sent
 * an email").
 */
export function documentOwner(para: Paragraph, k: number, resolver: NameContext): Phrase | null {
  const { tokens } = para;
  const s = para.sentence[k];
  let floor = k;
  while (floor > 0 && para.sentence[floor - 1] === s) floor--;
  const own = documentBefore(tokens, k, floor);
  if (own !== null && own.kind !== 'document') return own;
  const prep = tokens[k + 1];
  if (prep !== undefined && /^(?:from|by)$/.test(prep.lower)) {
    let end = k + 2;
    while (end < tokens.length && para.sentence[end] === s && end - k < MAX_NP) end++;
    const phrase = phraseAt(tokens, k + 2, end, resolver);
    if (phrase !== null) return phrase;
  }
  const subject = sentenceSubject(para, k, resolver);
  return subject?.kind === 'document' || subject?.kind === 'pronoun' ? null : subject;
}

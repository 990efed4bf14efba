/**
 * Key quotes, part 2c: the subject of a speech verb or of a quote's sentence: the noun phrase
 * before the verb (past appositives, homes "of Dayton, Ohio" and a document's holder), or the
 * sentence's opening subject (past datelines, opening phrases, linking and focus words), and
 * whoever owns a document brought up in a sentence.
 */
import {
  givenNameGender,
  isNameToken,
  isOrgWord,
  isPartyTag,
  isPlaceName,
  isRoleWord,
  nameRuns,
  nameText,
  PRONOUN_GENDER,
  type Token,
} from './names.js';
import {
  documentBefore,
  organisationEndingAt,
  outletBefore,
  publicationAt,
} from './quote-documents.js';
import { DETERMINERS, OPEN_ONLY, type Paragraph } from './quote-marks.js';
import {
  appositiveName,
  isDocumentNoun,
  isTimeWord,
  MAX_NP,
  type NameContext,
  namePhrase,
  NP_STOP,
  type Phrase,
  phraseAt,
  runAround,
  SKIPPABLE,
} from './quote-phrases.js';

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
    return openingClauseSubject(para, j, k, resolver) ?? pastOpening(para, j, k, resolver);
  }
  // "Moreover, as part of the talks, Roe cited ...", "Here in Salem, Doe ...": an opening
  // phrase that names nobody; the subject follows its comma.
  return phraseAt(para.tokens, j, k, resolver) ?? pastOpening(para, j, k, resolver);
}

/** Conjunctions opening a subordinate clause before the main one ("When Roe said ..., the"). */
const CLAUSE_OPENERS = new Set(
  'when as while after before since although though because once until if whereas'.split(' '),
);

/**
 * "When Roe later said he would “...”, the crowd cheered": token `k` lies inside the
 * subordinate clause opening the sentence at `j` (no comma yet), so the clause's own subject
 * is meant, not the main clause's.
 */
function openingClauseSubject(
  para: Paragraph,
  j: number,
  k: number,
  resolver: NameContext,
): Phrase | null {
  // "But even as Roe ...": past a linking and a focus word.
  if (LINKERS.has(para.tokens[j]?.lower ?? '')) j++;
  if (FOCUS_WORDS.has(para.tokens[j]?.lower ?? '')) j++;
  if (!CLAUSE_OPENERS.has(para.tokens[j]?.lower ?? '')) return null;
  for (let c = j + 1; c < k; c++) if (para.tokens[c]?.text === ',') return null;
  return phraseAt(para.tokens, j + 1, k, resolver);
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

/**
 * Key quotes, part 2b: outlets, publications and documents as speakers. A document speaks for
 * whoever issued it ("the letter says" → its signer, "a Ledger editorial" → the Ledger), an
 * institution after "the" can speak ("The Journal notes"), and an organisation named with "of"
 * or "on" is one name ("Commission on Presidential Debates").
 */
import { isNameToken, isOrgWord, nameText, splitRun, type Token } from './names.js';
import { DETERMINERS, type Paragraph } from './quote-marks.js';
import {
  isDocumentNoun,
  isFiniteSpeechAt,
  isTimeWord,
  type NameContext,
  namePhrase,
  type Phrase,
  PHRASE_END,
  phraseAt,
  runAround,
  STANCE_VERBS,
} from './quote-phrases.js';

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
export function publicationAt(tokens: readonly Token[], k: number, floor: number): Phrase | null {
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
export function outletBefore(tokens: readonly Token[], k: number, floor: number): Phrase | null {
  const noun = tokens[k];
  const named = tokens[k - 1];
  if (noun === undefined || noun.cap || !OUTLET_NOUNS.has(noun.lower)) return null;
  if (named === undefined || k - 1 < floor || !isNameToken(named) || named.possessive) return null;
  const [a] = runAround(tokens, k - 1);
  const phrase = namePhrase(tokens, Math.max(a, floor), k);
  return phrase.kind === 'name' ? { ...phrase, outlet: true } : null;
}

/**
 * "the letter says", "Trump’s statement said", "a Times editorial said": a document as the
 * subject speaks for its owner when one is named in the phrase, else for the source the article
 * last named (an unnamed role), never for a person merely mentioned before.
 */
export function documentBefore(tokens: readonly Token[], k: number, floor: number): Phrase | null {
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
export function organisationEndingAt(
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

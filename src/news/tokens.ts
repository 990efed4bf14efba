/**
 * Word tokens, Porter stems and stopwords: the shared vocabulary of summary ranking, keywords,
 * the search index and story clustering. Pure functions.
 */
import { stemmer } from 'stemmer';

/** English function words (the NLTK list, as split by `words`: "don't" gives "don" and "t"). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself ' +
    'she her hers herself it its itself they them their theirs themselves what which who whom ' +
    'this that these those am is are was were be been being have has had having do does did ' +
    'doing a an the and but if or because as until while of at by for with about against between ' +
    'into through during before after above below to from up down in out on off over under again ' +
    'further then once here there when where why how all any both each few more most other some ' +
    'such no nor not only own same so than too very s t can will just don should now d ll m o re ' +
    've y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn ' +
    'weren won wouldn also would could said says say mr mrs ms'
  ).split(' '),
);

/** Letters that fold to ASCII (Latin-1 Supplement, Latin Extended, Latin Extended Additional). */
const FOLDABLE = /[\u00c0-\u024f\u1e00-\u1eff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower-case alphanumeric tokens, rouge-score style (`[a-z0-9]+` after lower-casing); accents are
 * folded first so "Café" gives "cafe" rather than "caf".
 */
export function words(text: string): string[] {
  const folded = FOLDABLE.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
  const lower = folded.toLowerCase();
  // A scan over code units: what `lower.split(/[^a-z0-9]+/)` keeps, without the regex.
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

const STEM_CACHE_LIMIT = 100_000;
const stemCache = new Map<string, string>();

/** Porter stem of a lower-case word (memoised). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Each seen token's content term: its stem, or '' for stopwords and one-letter tokens. */
const termCache = new Map<string, string>();

/** Stemmed content terms of already tokenised `words`: stopwords and one-letter tokens removed. */
export function contentTerms(tokens: string[]): string[] {
  const out: string[] = [];
  for (const w of tokens) {
    let term = termCache.get(w);
    if (term === undefined) {
      term = w.length > 1 && !STOPWORDS.has(w) ? stem(w) : '';
      if (termCache.size >= STEM_CACHE_LIMIT) termCache.clear();
      termCache.set(w, term);
    }
    if (term !== '') out.push(term);
  }
  return out;
}

const TERMS_CACHE_LIMIT = 4096;
/** Recent texts' terms: an article's sentences are looked up by ranking, keywords and indexing. */
const termsCache = new Map<string, readonly string[]>();

/**
 * Stemmed content terms of `text`, in order: stopwords and one-letter tokens removed. The array
 * is shared with later calls for the same text (hence read-only).
 */
export function terms(text: string): readonly string[] {
  let cached = termsCache.get(text);
  if (cached === undefined) {
    cached = contentTerms(words(text));
    if (termsCache.size >= TERMS_CACHE_LIMIT) termsCache.clear();
    termsCache.set(text, cached);
  }
  return cached;
}

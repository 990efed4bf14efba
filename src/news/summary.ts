/**
 * Extractive summarisation: rank every sentence of an article, best summary sentence first.
 *
 * The ranking opens with LEAD_SLOTS sentences chosen for a short summary: a lead prior, plus
 * similarity to a real title, plus position-aware ("directed", PacSum-style) tf-idf centrality,
 * times a quality factor (fragments, questions, captions). The rest follow by centrality
 * (TextRank plus Luhn-style term salience): what a longer summary adds. Selection is greedy with
 * redundancy control (trigram blocking), so any prefix of the ranking is a non-redundant
 * summary. A summary taking a large share of the article (CENTRAL_SHARE) condenses the whole of
 * it, so it is taken by centrality alone. Pairwise work is capped at the first MAX_CENTRALITY
 * sentences: linear otherwise.
 */
import type { SentenceRef, SummaryLength } from './article.js';
import { terms } from './tokens.js';

/** Only the first sentences take part in the pairwise centrality computations. */
const MAX_CENTRALITY = 60;
/** How many ranking slots go to the lead-aware score before centrality takes over. */
const LEAD_SLOTS = 3;
/** Directed centrality: edges below min + BETA * (max - min) of the similarities are ignored. */
const BETA = 0.3;
/** Directed centrality: weight of similarity to earlier (negative) and later sentences. */
const LAMBDA_BEFORE = -2;
const LAMBDA_AFTER = 1;
/** Lead score = position prior + W_TITLE * title similarity + W_DIRECTED * directed centrality. */
const W_TITLE = 1;
const W_DIRECTED = 0.3;
/** A sentence sharing more than this fraction of its term trigrams with those chosen is redundant. */
const LEAD_REDUNDANCY = 0.2;
const REDUNDANCY = 0.5;
/** Body score = TextRank centrality + W_SALIENCE * term salience (both in [0, 1]). */
const W_SALIENCE = 0.5;
/** Summaries taking at least this share of the article's sentences skip the lead-aware picks. */
const CENTRAL_SHARE = 0.4;
/** Sentences of at least this many words are not penalised as fragments. */
const LONG_ENOUGH = 10;
const DAMPING = 0.85;
const PAGERANK_ITERATIONS = 30;
const PAGERANK_TOLERANCE = 1e-6;

/** A sentence's terms and trigrams as per-article integer ids (cheap to compare). */
interface SentenceFeatures {
  /** Distinct term ids, ascending. */
  termIds: Int32Array;
  /** Term frequency of each entry of termIds. */
  termCounts: Float64Array;
  /** Distinct trigrams of consecutive content terms, each hashed to one small integer. */
  trigrams: Int32Array;
  /** Words, counted up to LONG_ENOUGH (all the quality factor looks at). */
  wordCount: number;
}

/** Interns strings to small integers, per article. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }
  get(word: string): number | undefined {
    return this.ids.get(word);
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Whether the UTF-16 code unit is an ASCII letter or digit. */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Number of words (ASCII alphanumeric runs), counting no further than `limit`. */
function countWords(sentence: string, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < sentence.length && count < limit; i++) {
    const alnum = isAsciiAlphanumeric(sentence.charCodeAt(i));
    if (alnum && !inWord) count++;
    inWord = alnum;
  }
  return count;
}

/** A trigram as a 30-bit integer (small integers hash fast; rare collisions are harmless). */
function trigramKey(a: number, b: number, c: number): number {
  return (
    (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) & 0x3fffffff
  );
}

/** The distinct values of `values`, ascending (sorts `values` in place). */
function distinctSorted(values: Int32Array): Int32Array {
  values.sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[i - 1]) values[distinct++] = values[i] as number;
  }
  return values.subarray(0, distinct);
}

function features(sentence: string, vocab: Vocabulary): SentenceFeatures {
  const ids = terms(sentence).map((t) => vocab.id(t));
  const keys = new Int32Array(Math.max(0, ids.length - 2));
  for (let i = 0; i < keys.length; i++) {
    keys[i] = trigramKey(ids[i] as number, ids[i + 1] as number, ids[i + 2] as number);
  }
  const trigrams = distinctSorted(keys);
  // Sorted ids, run-length encoded: distinct ids ascending with their counts.
  const sorted = Int32Array.from(ids).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const termIds = new Int32Array(distinct);
  const termCounts = new Float64Array(distinct);
  for (let i = 0, k = -1; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) termIds[++k] = sorted[i] as number;
    termCounts[k] = (termCounts[k] as number) + 1;
  }
  return { termIds, termCounts, trigrams, wordCount: countWords(sentence, LONG_ENOUGH) };
}

/**
 * Pairwise similarities of the sentences, as flat n x n matrices: tf-idf cosine (idf over the
 * article's own sentences) and TextRank's shared terms / (log |Si| + log |Sj|).
 */
function similarities(
  feats: SentenceFeatures[],
  vocabSize: number,
): { cosine: Float64Array; overlap: Float64Array } {
  const n = feats.length;
  const df = new Int32Array(vocabSize);
  for (const f of feats) for (const id of f.termIds) df[id] = (df[id] as number) + 1;
  const weights = feats.map((f) => {
    const w = new Float64Array(f.termIds.length);
    let norm = 0;
    for (let k = 0; k < w.length; k++) {
      const x =
        (f.termCounts[k] as number) * Math.log(1 + n / (df[f.termIds[k] as number] as number));
      w[k] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) / norm;
    return w;
  });
  const logSize = feats.map((f) => Math.log(f.termIds.length));
  const cosine = new Float64Array(n * n);
  const overlap = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = (feats[i] as SentenceFeatures).termIds;
    const wa = weights[i] as Float64Array;
    for (let j = i + 1; j < n; j++) {
      const b = (feats[j] as SentenceFeatures).termIds;
      const wb = weights[j] as Float64Array;
      let shared = 0;
      let dot = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length;) {
        const ax = a[x] as number;
        const by = b[y] as number;
        if (ax === by) {
          shared++;
          dot += (wa[x] as number) * (wb[y] as number);
          x++;
          y++;
        } else if (ax < by) x++;
        else y++;
      }
      cosine[i * n + j] = cosine[j * n + i] = dot;
      if (shared > 0 && a.length > 1 && b.length > 1) {
        overlap[i * n + j] = overlap[j * n + i] =
          shared / ((logSize[i] as number) + (logSize[j] as number));
      }
    }
  }
  return { cosine, overlap };
}

function scaleToUnit(values: ArrayLike<number>): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  return Array.from(values, (v) => (range > 0 ? (v - lo) / range : 0));
}

/** PacSum-style directed centrality from the cosine matrix, scaled to [0, 1]. */
function directedCentrality(cosine: Float64Array, n: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = cosine[i * n + j] as number;
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  const threshold = lo + BETA * (hi - lo);
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let j = 0; j < n; j++) {
      const s = cosine[i * n + j] as number;
      if (j === i || s <= threshold) continue;
      score += (j < i ? LAMBDA_BEFORE : LAMBDA_AFTER) * (s - threshold);
    }
    raw[i] = score;
  }
  return scaleToUnit(raw);
}

/** TextRank centrality: PageRank over the overlap matrix, scaled to [0, 1]. */
function textRank(overlap: Float64Array, n: number): number[] {
  const outSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += overlap[j * n + i] as number;
    outSum[j] = sum;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < PAGERANK_ITERATIONS; it++) {
    next.fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      const out = outSum[j] as number;
      if (out === 0) continue;
      const share = (DAMPING * (rank[j] as number)) / out;
      const row = j * n;
      for (let i = 0; i < n; i++) {
        const w = overlap[row + i] as number;
        if (w > 0) next[i] = (next[i] as number) + share * w;
      }
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs((next[i] as number) - (rank[i] as number));
    [rank, next] = [next, rank];
    if (delta < PAGERANK_TOLERANCE) break;
  }
  return scaleToUnit(rank);
}

/** Fraction of the title's `titleSize` distinct terms (ids `titleIds`) the sentence contains. */
function titleOverlap(titleIds: Set<number>, titleSize: number, f: SentenceFeatures): number {
  if (titleSize === 0) return 0;
  let hits = 0;
  for (const id of f.termIds) if (titleIds.has(id)) hits++;
  return hits / titleSize;
}

/** 1 for a good summary sentence, lower for fragments, questions and captions. */
function quality(sentence: string, f: SentenceFeatures): number {
  let q = 1;
  if (f.wordCount < 6) q *= 0.3;
  else if (f.wordCount < LONG_ENOUGH) q *= 0.6;
  if (/\?["'\u201d\u2019]?$/.test(sentence)) q *= 0.6;
  if (/^(?:photo|image|picture|video|caption|click|read more|follow|watch)\b/i.test(sentence)) {
    q *= 0.4;
  }
  return q;
}

/** Appends to `chosen` the sentences of `order`, skipping redundant ones, until `limit`. */
function selectNonRedundant(
  order: number[],
  limit: number,
  maxOverlap: number,
  feats: SentenceFeatures[],
  state: { chosen: number[]; used: Set<number>; seen: Set<number> },
): void {
  for (const i of order) {
    if (state.chosen.length >= limit) return;
    if (state.used.has(i)) continue;
    const tri = (feats[i] as SentenceFeatures).trigrams;
    let overlap = 0;
    for (const t of tri) if (state.seen.has(t)) overlap++;
    if (tri.length > 0 && overlap / tri.length > maxOverlap) continue;
    state.chosen.push(i);
    state.used.add(i);
    for (const t of tri) state.seen.add(t);
  }
}

function byScore(scores: number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}

/** The first MAX_CENTRALITY sentences: features, tf-idf cosine and the body (centrality) scores. */
interface Head {
  sentences: string[];
  vocab: Vocabulary;
  feats: SentenceFeatures[];
  cosine: Float64Array;
  /** TextRank centrality + W_SALIENCE * term salience, both scaled to [0, 1]. */
  central: number[];
}

/**
 * Luhn-style salience: the mean article frequency of a sentence's terms (a sentence made of the
 * article's recurring terms is about its main subject), scaled to [0, 1].
 */
function salience(feats: SentenceFeatures[], vocabSize: number): number[] {
  const frequency = new Float64Array(vocabSize);
  for (const f of feats) {
    for (let k = 0; k < f.termIds.length; k++) {
      const id = f.termIds[k] as number;
      frequency[id] = (frequency[id] as number) + (f.termCounts[k] as number);
    }
  }
  return scaleToUnit(
    feats.map((f) => {
      let sum = 0;
      let count = 0;
      for (let k = 0; k < f.termIds.length; k++) {
        const tf = f.termCounts[k] as number;
        sum += tf * (frequency[f.termIds[k] as number] as number);
        count += tf;
      }
      return count > 0 ? sum / count : 0;
    }),
  );
}

function analyseHead(sentences: string[]): Head {
  const head = sentences.slice(0, MAX_CENTRALITY);
  const vocab = new Vocabulary();
  const feats = head.map((s) => features(s, vocab));
  const { cosine, overlap } = similarities(feats, vocab.size);
  const textRanks = textRank(overlap, head.length);
  const salient = salience(feats, vocab.size);
  const central = textRanks.map((r, i) => r + W_SALIENCE * (salient[i] ?? 0));
  return { sentences: head, vocab, feats, cosine, central };
}

/** `chosen`, then the rest of `order`, then the sentences after the head in article order. */
function completeRanking(
  chosen: number[],
  used: Set<number>,
  order: number[],
  sentenceCount: number,
): number[] {
  const rest: number[] = [];
  for (let i = order.length; i < sentenceCount; i++) rest.push(i);
  return chosen.concat(
    order.filter((i) => !used.has(i)),
    rest,
  );
}

export interface RankInput {
  sentences: string[];
  paragraphOf: number[];
  /** The headline; an inferred one (a prefix of the first sentence) adds nothing and is ignored. */
  title: string;
}

/**
 * Every sentence index, best summary sentence first: LEAD_SLOTS lead-aware picks, then by
 * centrality. Only the first MAX_CENTRALITY sentences compete; any later ones follow in article
 * order.
 */
export function rankSentences({ sentences, title }: RankInput): number[] {
  if (sentences.length === 0) return [];
  const { sentences: head, vocab, feats, cosine, central } = analyseHead(sentences);
  const directed = directedCentrality(cosine, head.length);
  const inferredTitle = title.trim() === '' || head[0]?.startsWith(title.trim()) === true;
  const titleTerms = new Set(inferredTitle ? [] : terms(title));
  const titleIds = new Set<number>();
  for (const t of titleTerms) {
    const id = vocab.get(t);
    if (id !== undefined) titleIds.add(id);
  }
  const leadScores = feats.map((f, i) => {
    const position = 1 / Math.sqrt(1 + i);
    const score =
      position +
      W_TITLE * titleOverlap(titleIds, titleTerms.size, f) +
      W_DIRECTED * (directed[i] ?? 0);
    return score * quality(head[i] ?? '', f);
  });
  const bodyOrder = byScore(central);
  const state = { chosen: [] as number[], used: new Set<number>(), seen: new Set<number>() };
  selectNonRedundant(byScore(leadScores), LEAD_SLOTS, LEAD_REDUNDANCY, feats, state);
  selectNonRedundant(bodyOrder, head.length, REDUNDANCY, feats, state);
  return completeRanking(state.chosen, state.used, bodyOrder, sentences.length);
}

/**
 * Every sentence index by centrality alone, without the lead-aware picks: the order for a
 * summary that takes a large share of the article (CENTRAL_SHARE), which condenses the whole
 * article rather than leading with its opening.
 */
export function rankByCentrality(sentences: string[]): number[] {
  if (sentences.length === 0) return [];
  const { sentences: head, feats, central } = analyseHead(sentences);
  const order = byScore(central);
  const state = { chosen: [] as number[], used: new Set<number>(), seen: new Set<number>() };
  selectNonRedundant(order, head.length, REDUNDANCY, feats, state);
  return completeRanking(state.chosen, state.used, order, sentences.length);
}

/** Number of summary sentences for a named length, scaled to the article's length. */
export function summarySize(length: SummaryLength | number, sentenceCount: number): number {
  if (typeof length === 'number') return Math.max(0, Math.min(Math.floor(length), sentenceCount));
  const long = sentenceCount > 25;
  const wanted = { short: long ? 3 : 2, standard: long ? 4 : 3, long: long ? 7 : 6 }[length];
  const cap = Math.max(1, Math.ceil(sentenceCount / 2));
  return Math.min(wanted, cap, sentenceCount);
}

/**
 * The top sentences of the ranking, in article order. A summary of at least CENTRAL_SHARE of the
 * article's sentences takes them by centrality alone (rankByCentrality) instead.
 */
export function summarize(
  analysis: { sentences: string[]; ranking: number[] },
  length: SummaryLength | number,
): SentenceRef[] {
  const count = analysis.sentences.length;
  const n = summarySize(length, count);
  const order =
    n > 0 && n >= CENTRAL_SHARE * count ? rankByCentrality(analysis.sentences) : analysis.ranking;
  return order
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((index) => ({ text: analysis.sentences[index] ?? '', index }));
}

/**
 * Extractive summarisation: rank every sentence of an article, best summary sentence first.
 *
 * The ranking opens with LEAD_SLOTS sentences chosen for a short summary: a lead prior, plus
 * similarity to a real title, plus position-aware ("directed", PacSum-style) tf-idf centrality.
 * The rest follow by TextRank centrality (what a longer summary adds). Both scores are
 * multiplied by a quality factor (fragments, questions, captions) and selection is greedy with
 * redundancy control (trigram blocking), so any prefix of the ranking is a non-redundant
 * summary. Pairwise work is capped at the first MAX_CENTRALITY sentences: linear otherwise.
 */
import type { SentenceRef, SummaryLength } from './article.js';
import { terms, words } from './tokens.js';

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
/** A sentence sharing more than this fraction of its word trigrams with the chosen is redundant. */
const LEAD_REDUNDANCY = 0.2;
const REDUNDANCY = 0.5;
const DAMPING = 0.85;
const PAGERANK_ITERATIONS = 30;

interface SentenceFeatures {
  terms: string[];
  trigrams: Set<string>;
  wordCount: number;
}

function features(sentence: string): SentenceFeatures {
  const tokens = words(sentence);
  const trigrams = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    trigrams.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  }
  return { terms: terms(sentence), trigrams, wordCount: tokens.length };
}

type Vector = Map<string, number>;

/** L2-normalised tf-idf vectors, idf taken over the article's own sentences. */
function tfidfVectors(termLists: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const list of termLists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = termLists.length;
  return termLists.map((list) => {
    const v: Vector = new Map();
    for (const t of list) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of v) {
      const w = tf * Math.log(1 + n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

function scaleToUnit(values: number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  return values.map((v) => (range > 0 ? (v - lo) / range : 0));
}

/** PacSum-style directed centrality from tf-idf cosine similarities, scaled to [0, 1]. */
function directedCentrality(termLists: string[][]): number[] {
  const vectors = tfidfVectors(termLists);
  const n = vectors.length;
  const sims: number[][] = vectors.map(() => new Array<number>(n).fill(0));
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i] as Vector, vectors[j] as Vector);
      (sims[i] as number[])[j] = s;
      (sims[j] as number[])[i] = s;
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  const threshold = lo + BETA * (hi - lo);
  const raw = sims.map((row, i) => {
    let score = 0;
    row.forEach((s, j) => {
      if (j === i || s <= threshold) return;
      score += (j < i ? LAMBDA_BEFORE : LAMBDA_AFTER) * (s - threshold);
    });
    return score;
  });
  return scaleToUnit(raw);
}

/**
 * TextRank centrality (Mihalcea & Tarau): PageRank over shared-term similarity normalised by
 * log sentence lengths; scaled to [0, 1].
 */
function textRank(termLists: string[][]): number[] {
  const sets = termLists.map((list) => new Set(list));
  const n = sets.length;
  const weights: number[][] = sets.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const a = sets[i] as Set<string>;
    if (a.size < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const b = sets[j] as Set<string>;
      if (b.size < 2) continue;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      const w = shared / (Math.log(a.size) + Math.log(b.size));
      (weights[i] as number[])[j] = w;
      (weights[j] as number[])[i] = w;
    }
  }
  const outSum = weights.map((row) => row.reduce((x, y) => x + y, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < PAGERANK_ITERATIONS; it++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      const out = outSum[j] ?? 0;
      if (out === 0) continue;
      const share = (DAMPING * (rank[j] ?? 0)) / out;
      const row = weights[j] as number[];
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] ?? 0) + share * w;
      }
    }
    rank = next;
  }
  return scaleToUnit(rank);
}

/** Fraction of the title's terms the sentence contains. */
function titleOverlap(titleTerms: Set<string>, sentenceTerms: string[]): number {
  if (titleTerms.size === 0) return 0;
  let hits = 0;
  for (const t of new Set(sentenceTerms)) if (titleTerms.has(t)) hits++;
  return hits / titleTerms.size;
}

/** 1 for a good summary sentence, lower for fragments, questions, captions and run-ons. */
function quality(sentence: string, f: SentenceFeatures): number {
  let q = 1;
  if (f.wordCount < 6) q *= 0.3;
  else if (f.wordCount < 10) q *= 0.6;
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
  state: { chosen: number[]; used: Set<number>; seen: Set<string> },
): void {
  for (const i of order) {
    if (state.chosen.length >= limit) return;
    if (state.used.has(i)) continue;
    const tri = (feats[i] as SentenceFeatures).trigrams;
    let overlap = 0;
    for (const t of tri) if (state.seen.has(t)) overlap++;
    if (tri.size > 0 && overlap / tri.size > maxOverlap) continue;
    state.chosen.push(i);
    state.used.add(i);
    for (const t of tri) state.seen.add(t);
  }
}

function byScore(scores: number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}

export interface RankInput {
  sentences: string[];
  paragraphOf: number[];
  /** The headline; an inferred one (a prefix of the first sentence) adds nothing and is ignored. */
  title: string;
}

/** Every sentence index, best summary sentence first. */
export function rankSentences({ sentences, title }: RankInput): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const feats = sentences.map(features);
  const headTerms = feats.slice(0, MAX_CENTRALITY).map((f) => f.terms);
  const directed = directedCentrality(headTerms);
  const central = textRank(headTerms);
  const inferredTitle = title.trim() === '' || (sentences[0] ?? '').startsWith(title.trim());
  const titleTerms = new Set(inferredTitle ? [] : terms(title));
  const qualities = feats.map((f, i) => quality(sentences[i] ?? '', f));
  const leadScores = feats.map((f, i) => {
    const position = 1 / Math.sqrt(1 + i);
    const score =
      position + W_TITLE * titleOverlap(titleTerms, f.terms) + W_DIRECTED * (directed[i] ?? 0);
    return score * (qualities[i] ?? 1);
  });
  const centralScores = feats.map((_, i) => (central[i] ?? 0) * (qualities[i] ?? 1));
  const bodyOrder = byScore(centralScores);
  const state = { chosen: [] as number[], used: new Set<number>(), seen: new Set<string>() };
  selectNonRedundant(byScore(leadScores), LEAD_SLOTS, LEAD_REDUNDANCY, feats, state);
  selectNonRedundant(bodyOrder, n, REDUNDANCY, feats, state);
  return state.chosen.concat(bodyOrder.filter((i) => !state.used.has(i)));
}

/** Number of summary sentences for a named length, scaled to the article's length. */
export function summarySize(length: SummaryLength | number, sentenceCount: number): number {
  if (typeof length === 'number') return Math.max(0, Math.min(Math.floor(length), sentenceCount));
  const long = sentenceCount > 25;
  const wanted = { short: long ? 3 : 2, standard: long ? 4 : 3, long: long ? 7 : 6 }[length];
  const cap = Math.max(1, Math.ceil(sentenceCount / 2));
  return Math.min(wanted, cap, sentenceCount);
}

/** The top sentences of the ranking, in article order. */
export function summarize(
  analysis: { sentences: string[]; ranking: number[] },
  length: SummaryLength | number,
): SentenceRef[] {
  const n = summarySize(length, analysis.sentences.length);
  return analysis.ranking
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((index) => ({ text: analysis.sentences[index] ?? '', index }));
}

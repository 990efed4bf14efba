/**
 * Extractive summarisation: rank every sentence of an article, best summary sentence first.
 *
 * Score = position-aware ("directed", PacSum-style) tf-idf centrality over the first
 * MAX_CENTRALITY sentences + a lead prior + similarity to the title, with penalties for
 * sentences that do not read as summary sentences (bylines, captions, questions, fragments).
 * The ranking is built greedily with redundancy control (trigram blocking), so any prefix of it
 * is a non-redundant summary. Cost is linear in the article plus O(MAX_CENTRALITY^2).
 */
import type { SentenceRef, SummaryLength } from './article.js';
import { terms, words } from './tokens.js';

/** Only the first sentences take part in the pairwise centrality computation. */
const MAX_CENTRALITY = 60;
/** Edges below min + BETA * (max - min) of the similarity range are ignored (PacSum). */
const BETA = 0.3;
/** Weight of similarity to earlier sentences (negative: the lede introduces, others repeat). */
const LAMBDA_BEFORE = -0.3;
const LAMBDA_AFTER = 1;
const W_CENTRALITY = 1;
const W_POSITION = 0.6;
const W_TITLE = 0.3;

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

/** Directed centrality of the first `vectors.length` sentences, scaled to [0, 1]. */
function directedCentrality(vectors: Vector[]): number[] {
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
      if (j === i) return;
      const edge = Math.max(0, s - threshold);
      score += j < i ? LAMBDA_BEFORE * edge : LAMBDA_AFTER * edge;
    });
    return score;
  });
  return scaleToUnit(raw);
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

/** Fraction of the title's terms the sentence contains. */
function titleOverlap(titleTerms: Set<string>, sentenceTerms: string[]): number {
  if (titleTerms.size === 0) return 0;
  let hits = 0;
  for (const t of new Set(sentenceTerms)) if (titleTerms.has(t)) hits++;
  return hits / titleTerms.size;
}

/** 1 for a good summary sentence, lower for fragments, questions, bylines and captions. */
function quality(sentence: string, f: SentenceFeatures): number {
  let q = 1;
  if (f.wordCount < 6) q *= 0.3;
  else if (f.wordCount < 10) q *= 0.8;
  if (f.wordCount > 60) q *= 0.7;
  if (/\?["'\u201d\u2019]?$/.test(sentence)) q *= 0.5;
  if (!/[.!?"'\u201d\u2019)]$/.test(sentence)) q *= 0.6;
  if (/^(?:by|photo|image|picture|video|caption|click|read|follow|watch|see)\b/i.test(sentence)) {
    q *= 0.4;
  }
  return q;
}

export interface RankInput {
  sentences: string[];
  paragraphOf: number[];
  title: string;
}

/** Every sentence index, best summary sentence first. */
export function rankSentences({ sentences, title }: RankInput): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const feats = sentences.map(features);
  const head = Math.min(n, MAX_CENTRALITY);
  const centrality = directedCentrality(tfidfVectors(feats.slice(0, head).map((f) => f.terms)));
  const titleTerms = new Set(terms(title));
  const scores = feats.map((f, i) => {
    const position = 1 / Math.sqrt(1 + i);
    const base =
      W_CENTRALITY * (centrality[i] ?? 0) +
      W_POSITION * position +
      W_TITLE * titleOverlap(titleTerms, f.terms);
    return base * quality(sentences[i] ?? '', f);
  });
  const byScore = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  // Greedy selection with trigram blocking; blocked sentences follow, best first.
  const chosen: number[] = [];
  const blocked: number[] = [];
  const seen = new Set<string>();
  for (const i of byScore) {
    const tri = (feats[i] as SentenceFeatures).trigrams;
    let overlaps = false;
    for (const t of tri) {
      if (seen.has(t)) {
        overlaps = true;
        break;
      }
    }
    if (overlaps) {
      blocked.push(i);
      continue;
    }
    chosen.push(i);
    for (const t of tri) seen.add(t);
  }
  return chosen.concat(blocked);
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

/**
 * Story clustering: groups articles that report the same event (several outlets, or updates of
 * one report) into stories. Pure and deterministic: the same articles give the same stories in
 * the same order, whatever order they come in.
 *
 * Each article becomes a TF-IDF vector over stemmed terms of its title (weighted up), its lead
 * sentences, its named entities and its precomputed keywords, with document frequencies taken
 * from the batch itself, so the words every article of the day shares ("Trump", "campaign")
 * count for little. Pairs published close together whose cosine similarity clears a threshold
 * are merged greedily, strongest first, with average linkage: two groups join only when their
 * articles are similar on average, which stops one loose pair from chaining unrelated stories.
 */
import { terms } from './tokens.js';

export interface StoryArticle {
  id: string;
  /** Publication time, epoch milliseconds. */
  publishedMs: number;
  title: string;
  /** The first sentences of the body. */
  lead: string;
  /** Names of people and organisations the article mentions. */
  entities: readonly string[];
  /** Stemmed content terms with weights, best first (Analysis.keywords). */
  keywords: readonly (readonly [string, number])[];
}

export interface ClusterOptions {
  /** Least cosine similarity for two articles to be the same story. */
  threshold: number;
  /** Least average similarity between two groups for them to merge. */
  linkage: number;
  /** Articles further apart in time than this are never the same story. */
  windowHours: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.1,
  linkage: 0.08,
  windowHours: 48,
};

const TITLE_WEIGHT = 3;
const ENTITY_WEIGHT = 1.5;
const KEYWORD_WEIGHT = 1;
/** Terms kept per article vector (the heaviest ones). */
const VECTOR_TERMS = 40;
/** Terms in more than this share of a batch (and more than MIN_COMMON_DF articles) are left
 * out of similarities: common words of the day, with long postings and little weight. */
const COMMON_SHARE = 0.2;
const MIN_COMMON_DF = 20;
const HOUR_MS = 3_600_000;

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) sum += w * v;
  }
  return sum;
}

type Vector = Map<string, number>;

function rawCounts(a: StoryArticle): Vector {
  const v: Vector = new Map();
  const add = (t: string, w: number) => v.set(t, (v.get(t) ?? 0) + w);
  for (const t of terms(a.title)) add(t, TITLE_WEIGHT);
  for (const t of terms(a.lead)) add(t, 1);
  for (const name of a.entities) for (const t of terms(name)) add(t, ENTITY_WEIGHT);
  const top = a.keywords[0]?.[1] ?? 0;
  if (top > 0) for (const [t, w] of a.keywords) add(t, (KEYWORD_WEIGHT * w) / top);
  return v;
}

function tfidfVectors(articles: readonly StoryArticle[]): Vector[] {
  const counts = articles.map(rawCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  return counts.map((c) => {
    const weighted = [...c].map(([t, w]) => {
      const idf = Math.log((n + 1) / (df.get(t)! + 0.5));
      return [t, (1 + Math.log(w)) * idf] as [string, number];
    });
    weighted.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const top = weighted.slice(0, VECTOR_TERMS).filter(([, w]) => w > 0);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return new Map(top.map(([t, w]) => [t, w / norm]));
  });
}

/** Pairs of articles (i < j) similar enough to be one story, strongest first (ties: lower i, j). */
interface Edges {
  from: Int32Array;
  to: Int32Array;
}

/**
 * Cosine similarity of the pairs within the time window that reach the threshold. Terms are
 * numbered and their postings laid out in flat arrays (ascending article index per term); one
 * pass per article accumulates its dot products with every later article through the postings
 * of its terms. Terms in more than COMMON_SHARE of the batch are left out: their weight is low
 * and their postings long.
 */
function pairSimilarities(
  articles: readonly StoryArticle[],
  vectors: readonly Vector[],
  options: ClusterOptions,
): Edges {
  const windowMs = options.windowHours * HOUR_MS;
  const n = articles.length;
  const termNo = new Map<string, number>();
  const df: number[] = [];
  const docTerms = vectors.map((v) => {
    const nos = new Int32Array(v.size);
    let k = 0;
    for (const t of v.keys()) {
      let no = termNo.get(t);
      if (no === undefined) {
        no = df.length;
        termNo.set(t, no);
        df.push(0);
      }
      df[no]!++;
      nos[k++] = no;
    }
    return nos;
  });
  const docWeights = vectors.map((v) => Float64Array.from(v.values()));
  // Postings of term t: ids/weights[start[t] .. start[t + 1]), in ascending article order.
  const start = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) start[t + 1] = start[t]! + df[t]!;
  const next = start.slice(0, df.length);
  const ids = new Int32Array(start[df.length]!);
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < n; i++) {
    const nos = docTerms[i]!;
    const ws = docWeights[i]!;
    for (let k = 0; k < nos.length; k++) {
      const p = next[nos[k]!]!++;
      ids[p] = i;
      weights[p] = ws[k]!;
    }
  }

  const maxDf = Math.max(MIN_COMMON_DF, Math.floor(n * COMMON_SHARE));
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const from: number[] = [];
  const to: number[] = [];
  const sims: number[] = [];
  for (let i = 0; i < n; i++) {
    const nos = docTerms[i]!;
    const ws = docWeights[i]!;
    let count = 0;
    for (let k = 0; k < nos.length; k++) {
      const t = nos[k]!;
      if (df[t]! > maxDf) continue;
      const w = ws[k]!;
      // Only later articles j > i: walk the ascending postings from their end.
      for (let p = start[t + 1]! - 1; p >= start[t]! && ids[p]! > i; p--) {
        const j = ids[p]!;
        if (acc[j] === 0) touched[count++] = j;
        acc[j]! += w * weights[p]!;
      }
    }
    const ms = articles[i]!.publishedMs;
    for (let c = 0; c < count; c++) {
      const j = touched[c]!;
      const near = Math.abs(ms - articles[j]!.publishedMs) <= windowMs;
      if (near && acc[j]! >= options.threshold) {
        from.push(i);
        to.push(j);
        sims.push(acc[j]!);
      }
      acc[j] = 0;
    }
  }
  const order = Array.from(sims, (_, e) => e).sort(
    (a, b) => sims[b]! - sims[a]! || from[a]! - from[b]! || to[a]! - to[b]!,
  );
  return {
    from: Int32Array.from(order, (e) => from[e]!),
    to: Int32Array.from(order, (e) => to[e]!),
  };
}

/**
 * Groups articles into stories. Each story lists article ids, the most central article first
 * (the one most similar to the rest of its story; ties: newest); stories come largest first,
 * then by newest article.
 */
export function clusterStories(
  input: readonly StoryArticle[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): string[][] {
  const articles = [...input].sort(
    (a, b) => b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const n = articles.length;
  const vectors = tfidfVectors(articles);
  const edges = pairSimilarities(articles, vectors, options);

  // Average linkage through sums: the mean cosine between the articles of groups A and B is
  // (sum of A's vectors) · (sum of B's vectors) / (|A| |B|).
  const groupOf = articles.map((_, i) => i);
  const members = new Map<number, number[]>(articles.map((_, i) => [i, [i]]));
  const rejected = new Map<number, number>();
  const windowMs = options.windowHours * HOUR_MS;
  const newestMs = articles.map((a) => a.publishedMs);
  const oldestMs = [...newestMs];
  // A singleton's sum is its own vector, copied when the group first grows.
  const sums = new Map<number, Vector>(vectors.map((v, i) => [i, v]));
  for (let e = 0; e < edges.from.length; e++) {
    const gi = groupOf[edges.from[e]!]!;
    const gj = groupOf[edges.to[e]!]!;
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    // All reports of a story lie within the time window.
    const newest = Math.max(newestMs[gi]!, newestMs[gj]!);
    if (newest - Math.min(oldestMs[gi]!, oldestMs[gj]!) > windowMs) continue;
    if (a.length > 1 || b.length > 1) {
      // Groups only grow, so an id with the same size is the same group: a pair of groups
      // rejected once stays rejected until one of them changes.
      const [lo, hi] = gi < gj ? [a, b] : [b, a];
      const pair = Math.min(gi, gj) * n + Math.max(gi, gj);
      const sizes = lo.length * (n + 1) + hi.length;
      if (rejected.get(pair) === sizes) continue;
      if (dot(sums.get(gi)!, sums.get(gj)!) / (a.length * b.length) < options.linkage) {
        rejected.set(pair, sizes);
        continue;
      }
    }
    // The larger group absorbs the smaller (ties: the lower id), relabelling only the smaller.
    const [keep, drop] =
      a.length > b.length || (a.length === b.length && gi < gj) ? [gi, gj] : [gj, gi];
    const kept = members.get(keep)!;
    for (const i of members.get(drop)!) {
      groupOf[i] = keep;
      kept.push(i);
    }
    members.delete(drop);
    newestMs[keep] = newest;
    oldestMs[keep] = Math.min(oldestMs[gi]!, oldestMs[gj]!);
    const sum = sums.get(keep) === vectors[keep] ? new Map(vectors[keep]) : sums.get(keep)!;
    for (const [t, w] of sums.get(drop)!) sum.set(t, (sum.get(t) ?? 0) + w);
    sums.set(keep, sum);
    sums.delete(drop);
  }

  // Indices are in newest-first order, so a group's smallest index is its newest article.
  for (const group of members.values()) group.sort((x, y) => x - y);
  return [...members]
    .sort(([, a], [, b]) => b.length - a.length || a[0]! - b[0]!)
    .map(([g, group]) => {
      const centrality = new Map(group.map((i) => [i, dot(vectors[i]!, sums.get(g)!)]));
      return [...group]
        .sort((x, y) => centrality.get(y)! - centrality.get(x)! || x - y)
        .map((i) => articles[i]!.id);
    });
}

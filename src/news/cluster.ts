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
  windowHours: 72,
};

const TITLE_WEIGHT = 3;
const ENTITY_WEIGHT = 1.5;
const KEYWORD_WEIGHT = 1;
/** Terms kept per article vector (the heaviest ones). */
const VECTOR_TERMS = 40;
/** Terms in more than this share of a batch are too common to propose candidate pairs. */
const COMMON_SHARE = 0.2;
const HOUR_MS = 3_600_000;

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

/** Cosine similarity of every candidate pair within the time window, keyed "i,j" (i < j). */
function pairSimilarities(
  articles: readonly StoryArticle[],
  vectors: readonly Vector[],
  windowMs: number,
): Map<number, number> {
  const n = articles.length;
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.keys()) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const maxDf = Math.max(20, Math.floor(n * COMMON_SHARE));
  const sims = new Map<number, number>();
  for (const [t, list] of postings) {
    if (list.length < 2 || list.length > maxDf) continue;
    for (let x = 0; x < list.length; x++) {
      const i = list[x]!;
      const wi = vectors[i]!.get(t)!;
      for (let y = x + 1; y < list.length; y++) {
        const j = list[y]!;
        if (Math.abs(articles[i]!.publishedMs - articles[j]!.publishedMs) > windowMs) continue;
        const key = i * n + j;
        sims.set(key, (sims.get(key) ?? 0) + wi * vectors[j]!.get(t)!);
      }
    }
  }
  return sims;
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
  const sims = pairSimilarities(articles, tfidfVectors(articles), options.windowHours * HOUR_MS);
  const sim = (i: number, j: number) => sims.get(i < j ? i * n + j : j * n + i) ?? 0;

  const edges = [...sims].filter(([, s]) => s >= options.threshold);
  edges.sort((a, b) => b[1] - a[1] || a[0] - b[0]);

  const groupOf = articles.map((_, i) => i);
  const members = new Map<number, number[]>(articles.map((_, i) => [i, [i]]));
  for (const [key] of edges) {
    const gi = groupOf[Math.floor(key / n)]!;
    const gj = groupOf[key % n]!;
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    let total = 0;
    for (const i of a) for (const j of b) total += sim(i, j);
    if (total / (a.length * b.length) < options.linkage) continue;
    const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    for (const i of merged) groupOf[i] = keep;
    members.set(keep, merged);
    members.delete(drop);
  }

  // Indices are in newest-first order, so a group's smallest index is its newest article.
  const centrality = (i: number, group: number[]) =>
    group.reduce((sum, j) => (j === i ? sum : sum + sim(i, j)), 0);
  return [...members.values()]
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((group) => {
      const c = new Map(group.map((i) => [i, centrality(i, group)]));
      return [...group].sort((x, y) => c.get(y)! - c.get(x)! || x - y).map((i) => articles[i]!.id);
    });
}

/**
 * Full-text search in plain Redis: an inverted index of one zset per stemmed term
 * (`Keys.term`), member = article id, score = quantised term weight + a recency fraction.
 *
 * - Weight: saturated body term frequency (BM25-like, length-normalised) plus a boost for title
 *   terms. Only the best MAX_TERMS_PER_ARTICLE terms of an article are indexed, with every
 *   title term and every named person's surname (a name mentioned once is still found), which
 *   keeps the index within the memory budget.
 * - Score = round(weight * 1000) + minutes since 2000 / 2^25: the integer part ranks, the
 *   fraction (recency, < 1) breaks ties, so each zset's top-N is already "best, then newest".
 * - Queries never combine keys server-side (no ZUNIONSTORE, no cross-slot commands): the top-K
 *   of each query term is fetched (one key per command), candidates are merged client-side,
 *   missing scores are filled by ZMSCORE per term, then idf-weighted sums rank the candidates.
 */
import type { Analysis, Article } from '../news/article.js';
import { STOPWORDS, terms, words } from '../news/tokens.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

export const MAX_TERMS_PER_ARTICLE = 30;
export const MAX_QUERY_TERMS = 8;
const TITLE_BOOST = 2.5;
const K1 = 1.2;
const B = 0.75;
const AVG_DOC_TERMS = 250;
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
const RECENCY_SPAN_MINUTES = 2 ** 25;

/**
 * Terms indexed whatever their weight: the title's, and the surname of every person the article
 * names (and one-word organisation names), so that a name mentioned once still finds it.
 */
function namedTerms(title: ReadonlySet<string>, entities: Analysis['entities']): Set<string> {
  const named = new Set(title);
  for (const e of entities) {
    const nameTerms = terms(e.name);
    const last = nameTerms[nameTerms.length - 1];
    if (last !== undefined && (e.kind === 'person' || nameTerms.length === 1)) named.add(last);
  }
  return named;
}

/**
 * Stemmed term → weight for an article's title and text: the best MAX_TERMS_PER_ARTICLE, plus
 * the names (see namedTerms). The text comes as the analysis's sentences, whose terms the
 * analysis has just computed (and cached).
 */
export function indexTerms(doc: {
  article: Pick<Article, 'title'>;
  analysis: Pick<Analysis, 'sentences' | 'entities'>;
}): Map<string, number> {
  // Frequency and first position of each body term.
  const body = new Map<string, { tf: number; first: number }>();
  let length = 0;
  for (const sentence of doc.analysis.sentences) {
    for (const t of terms(sentence)) {
      const seen = body.get(t);
      if (seen === undefined) body.set(t, { tf: 1, first: length });
      else seen.tf++;
      length++;
    }
  }
  const title = new Set(terms(doc.article.title));
  const norm = K1 * (1 - B + (B * length) / AVG_DOC_TERMS);
  const ranked: Array<{ term: string; weight: number; first: number }> = [];
  for (const [term, { tf, first }] of body) {
    const boost = title.has(term) ? TITLE_BOOST : 0;
    ranked.push({ term, weight: (tf * (K1 + 1)) / (tf + norm) + boost, first });
  }
  for (const term of title) {
    if (!body.has(term)) ranked.push({ term, weight: TITLE_BOOST, first: -1 });
  }
  // Best first; ties go to the term met first (title-only terms before body terms).
  ranked.sort((a, b) => b.weight - a.weight || a.first - b.first);
  const named = namedTerms(title, doc.analysis.entities);
  return new Map(
    ranked
      .filter(({ term }, i) => i < MAX_TERMS_PER_ARTICLE || named.has(term))
      .map(({ term, weight }) => [term, weight]),
  );
}

/** Lower-case title words (unstemmed) offered by autocomplete. */
export function titleWords(title: string): string[] {
  return [...new Set(words(title).filter((w) => w.length > 1 && !STOPWORDS.has(w)))];
}

/** The zset score for a term weight at a published time (ms). */
export function termScore(weight: number, timeMs: number): number {
  const minutes = Math.max(0, Math.floor((timeMs - EPOCH_2000_MS) / 60_000));
  const fraction = Math.min(minutes, RECENCY_SPAN_MINUTES - 1) / RECENCY_SPAN_MINUTES;
  return Math.max(1, Math.round(weight * 1000)) + fraction;
}

export interface Hit {
  id: string;
  /** Relevance: sum over matched query terms of term weight x query weight x idf. */
  score: number;
  /** The query terms the article matched. */
  matched: string[];
  /** Recency fraction from the index (larger = newer). */
  recency: number;
}

export interface QueryResult {
  hits: Hit[];
  /** Articles matching at least one term (exact when no term list was cut at K). */
  total: number;
}

/** Query terms from free text: unique stems, at most MAX_QUERY_TERMS. */
export function queryTerms(text: string): string[] {
  return [...new Set(terms(text))].slice(0, MAX_QUERY_TERMS);
}

/** Reads and writes the per-term zsets. */
export class TermIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Adds (or re-scores) an article under each term; idempotent. */
  async add(id: string, weights: Map<string, number>, timeMs: number): Promise<void> {
    await Promise.all(
      [...weights].map(([t, w]) => this.redis.zadd(this.keys.term(t), termScore(w, timeMs), id)),
    );
  }

  async remove(id: string, stems: Iterable<string>): Promise<void> {
    await Promise.all([...stems].map((t) => this.redis.zrem(this.keys.term(t), id)));
  }

  /**
   * Ranks articles for weighted query terms (weight 1 for a typed query). Fetches the top `k`
   * ids of each term, then completes the candidates' scores for every term.
   */
  async query(
    weighted: Array<[string, number]>,
    opts: { k: number; totalArticles: number },
  ): Promise<QueryResult> {
    if (weighted.length === 0) return { hits: [], total: 0 };
    const lists = await Promise.all(
      weighted.map(async ([t]) => {
        const key = this.keys.term(t);
        const [df, flat] = await Promise.all([
          this.redis.zcard(key),
          this.redis.zrevrange(key, 0, opts.k - 1, 'WITHSCORES'),
        ]);
        const scores = new Map<string, number>();
        for (let i = 0; i + 1 < flat.length; i += 2) scores.set(flat[i]!, Number(flat[i + 1]));
        return { key, df, scores };
      }),
    );
    const candidates = [...new Set(lists.flatMap((l) => [...l.scores.keys()]))];
    // Fill in scores of candidates that fell outside a term's top-k (one ZMSCORE per term key).
    if (weighted.length > 1 && candidates.length > 0) {
      await Promise.all(
        lists
          .filter((l) => l.df > l.scores.size)
          .map(async (l) => {
            const missing = candidates.filter((id) => !l.scores.has(id));
            if (missing.length === 0) return;
            const found = await this.redis.zmscore(l.key, ...missing);
            missing.forEach((id, i) => {
              const s = found[i];
              if (s !== null && s !== undefined) l.scores.set(id, Number(s));
            });
          }),
      );
    }
    const n = Math.max(opts.totalArticles, 1);
    const hits = candidates.map((id): Hit => {
      let score = 0;
      const matched: string[] = [];
      let recency = 0;
      lists.forEach((l, i) => {
        const s = l.scores.get(id);
        if (s === undefined) return;
        const idf = Math.log(1 + (n - l.df + 0.5) / (l.df + 0.5));
        score += (Math.floor(s) / 1000) * weighted[i]![1] * idf;
        matched.push(weighted[i]![0]);
        recency = Math.max(recency, s - Math.floor(s));
      });
      return { id, score, matched, recency };
    });
    hits.sort((a, b) => b.score - a.score || b.recency - a.recency);
    const truncated = lists.some((l) => l.df > l.scores.size);
    const total = truncated
      ? Math.max(candidates.length, ...lists.map((l) => l.df))
      : candidates.length;
    return { hits, total };
  }

  /** Title words starting with `prefix` (lexicographic zset), at most `limit`. */
  async completions(prefix: string, limit: number): Promise<string[]> {
    return this.redis.zrangebylex(
      this.keys.titleWords(),
      `[${prefix}`,
      `[${prefix}\xff`,
      'LIMIT',
      0,
      limit,
    );
  }

  async addTitleWords(ws: readonly string[]): Promise<void> {
    if (ws.length) await this.redis.zadd(this.keys.titleWords(), ...ws.flatMap((w) => [0, w]));
  }
}

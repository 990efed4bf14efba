/**
 * ArticleStore: articles, their precomputed analysis and every article index in Redis
 * (key layout in ./README.md).
 *
 * Saving is a sequence of idempotent steps, each touching keys of one slot at a time:
 *   1. the article hash `{a:ID}` (headline + compressed article/analysis; on an update, the
 *      terms the old version was indexed under are parked in field `p` first);
 *   2. the global indexes: recent, source, terms, title words (ZADD/ZREM only);
 *   3. the dedup maps (URL → id, content hash → id), then `p` is dropped.
 * A save interrupted anywhere is completed by saving the same article again; dedup entries come
 * last, so an article only counts as a duplicate once it is fully indexed.
 */
import type { Analysis, Article } from '../news/article.js';
import { decodeDoc, decodeHeadline, decodeStoryFields, storyFields } from './codec.js';
import type { Headline, StoredArticle, StoryHeadline } from './codec.js';
import type { Keys } from './keys.js';
import {
  articleRecord,
  articleTime,
  recordWithId,
  safeCanonical,
  type ArticleRecord,
} from './record.js';
import { guarded, type RedisClient } from './redis.js';
import { TermIndex, indexTerms, queryTerms, type Hit } from './search.js';
import { stem } from '../news/tokens.js';

export type { RedisClient } from './redis.js';
export type { Headline, StoredArticle, StoryHeadline } from './codec.js';

export type SaveStatus = 'stored' | 'duplicate' | 'updated';

export interface Page<T> {
  total: number;
  items: T[];
}

/** Candidates fetched per query term: enough for deep pages, bounded for speed. */
const SEARCH_DEPTH = 200;
const AUTOCOMPLETE_WORDS = 6;
/** Articles read at once by `reindex`. */
const REINDEX_CHUNK = 100;
/** Source names read when listing sources (the most prolific first). */
const SOURCES_SCANNED = 1000;
const RELATED_TERMS = 12;
/** Related coverage shares at least this many keywords and this share of the self-match score. */
const MIN_SHARED_TERMS = 3;
const RELATED_MIN_SHARE = 0.2;

const hashField = (contentHash: string): string => contentHash.slice(0, 32);

interface Loaded {
  doc: StoredArticle | null;
  /** Terms a previous version was indexed under, while an update is in progress. */
  pending: string[];
}

export class ArticleStore {
  private readonly index: TermIndex;

  constructor(
    readonly redis: RedisClient,
    readonly keys: Keys,
  ) {
    this.index = new TermIndex(redis, keys);
  }

  /** Stores an article with its analysis and indexes it; idempotent. */
  save(article: Article, analysis: Analysis): Promise<{ status: SaveStatus; id: string }> {
    return this.saveRecord(articleRecord(article, analysis));
  }

  /** Stores an article already encoded (by an ingest worker) and indexes it; idempotent. */
  saveRecord(record: ArticleRecord): Promise<{ status: SaveStatus; id: string }> {
    return guarded(async () => {
      const { url } = record;
      // The article's own id is loaded speculatively with the dedup lookups (one round trip).
      const [byHash, byUrl, own] = await Promise.all([
        this.redis.hget(this.keys.hashes(), hashField(record.contentHash)),
        url ? this.redis.hget(this.keys.urls(), url) : Promise.resolve(null),
        this.load(record.id),
      ]);
      if (byHash) return { status: 'duplicate', id: byHash };

      const id = byUrl ?? record.id;
      const stored = id === record.id ? record : recordWithId(record, id);
      const { doc: old, pending } = id === record.id ? own : await this.load(id);
      const isUpdate = old !== null && old.article.contentHash !== stored.contentHash;
      const weights = new Map(stored.terms);
      const oldTerms = new Set(pending);
      if (isUpdate) for (const t of indexTerms(old).keys()) oldTerms.add(t);

      // 1. the article itself (one key, one slot)
      const key = this.keys.article(id);
      const fields: Record<string, string | Buffer> = {
        h: stored.headline,
        d: stored.doc,
        g: stored.story,
      };
      if (oldTerms.size) fields.p = JSON.stringify([...oldTerms]);
      await this.redis.hset(key, fields);

      // 2. global indexes, each key on its own
      const { time } = stored;
      const steps: Array<Promise<unknown>> = [
        this.redis.zadd(this.keys.recent(), time, id),
        this.addTerms(id, weights, time),
        this.index.addTitleWords(stored.titleWords),
        this.index.remove(
          id,
          [...oldTerms].filter((t) => !weights.has(t)),
        ),
      ];
      if (stored.source) steps.push(this.indexSource(stored.source, id, time));
      if (old && isUpdate) {
        if (old.article.source && old.article.source !== stored.source) {
          steps.push(this.unindexSource(old.article.source, id));
        }
        const oldHash = hashField(old.article.contentHash);
        steps.push(this.dropHashIfOurs(oldHash, id));
      }
      await Promise.all(steps);

      // 3. dedup maps last, then the update is complete
      await Promise.all([
        this.redis.hset(this.keys.hashes(), hashField(stored.contentHash), id),
        url ? this.redis.hset(this.keys.urls(), url, id) : Promise.resolve(0),
      ]);
      if (oldTerms.size) await this.redis.hdel(key, 'p');
      return { status: isUpdate ? 'updated' : 'stored', id };
    });
  }

  get(id: string): Promise<StoredArticle | null> {
    return guarded(async () => {
      const d = await this.redis.hgetBuffer(this.keys.article(id), 'd');
      return d ? decodeDoc(d) : null;
    });
  }

  headlines(ids: string[]): Promise<Headline[]> {
    return guarded(async () => {
      const found = await Promise.all(ids.map((id) => this.redis.hget(this.keys.article(id), 'h')));
      return ids.flatMap((id, i) => {
        const h = found[i];
        return h ? [decodeHeadline(id, h)] : [];
      });
    });
  }

  /** Id of the article stored under this URL (canonicalised, tracking parameters stripped). */
  idForUrl(url: string): Promise<string | null> {
    return guarded(async () => {
      const canonical = safeCanonical(url);
      return canonical ? this.redis.hget(this.keys.urls(), canonical) : null;
    });
  }

  /**
   * Full-text search over title and text, best first (relevance, then recency); with `source`,
   * only that source's articles (case-insensitive name) among the best SEARCH_DEPTH matches.
   */
  search(
    query: string,
    opts: { limit: number; offset?: number; source?: string },
  ): Promise<Page<Headline & { score: number }>> {
    return guarded(async () => {
      const offset = opts.offset ?? 0;
      const stems = queryTerms(query);
      if (stems.length === 0) return { total: 0, items: [] };
      const found = await this.index.query(
        stems.map((t) => [t, 1]),
        { k: Math.max(SEARCH_DEPTH, offset + opts.limit), totalArticles: await this.count() },
      );
      const hits = opts.source ? await this.fromSource(opts.source, found.hits) : found.hits;
      const total = opts.source ? hits.length : found.total;
      return { total, items: await this.withHeadlines(hits.slice(offset, offset + opts.limit)) };
    });
  }

  /** Source names, most articles first, those starting with `prefix` (case-insensitive). */
  sources(prefix = '', limit = 25): Promise<string[]> {
    return guarded(async () => {
      const names = await this.redis.zrevrange(this.keys.sources(), 0, SOURCES_SCANNED - 1);
      const lower = prefix.toLowerCase();
      return names.filter((n) => n.toLowerCase().startsWith(lower)).slice(0, limit);
    });
  }

  /** Whether any stored article comes from `source` (matched as `bySource` does: any case). */
  hasSource(source: string): Promise<boolean> {
    return guarded(async () => (await this.redis.zcard(this.keys.source(source))) > 0);
  }

  /** Headlines matching what the user has typed so far (prefix of the last word), up to `limit`. */
  autocomplete(typed: string, limit = 10): Promise<Headline[]> {
    return guarded(async () => {
      const text = typed.toLowerCase();
      const lastWord = /[a-z0-9]$/.test(text) ? (text.match(/[a-z0-9]+$/)?.[0] ?? '') : '';
      const before = queryTerms(lastWord ? text.slice(0, -lastWord.length) : text);
      if (!lastWord && before.length === 0) return (await this.recent({ limit })).items;
      const expansions = lastWord
        ? (await this.index.completions(lastWord, AUTOCOMPLETE_WORDS)).map((w) => stem(w))
        : [];
      if (lastWord && expansions.length === 0 && before.length === 0) return [];
      // Complete words weigh more than guesses for the word being typed.
      const weighted: Array<[string, number]> = [
        ...before.map((t): [string, number] => [t, 2]),
        ...[...new Set(expansions)]
          .filter((t) => !before.includes(t))
          .map((t): [string, number] => [t, 1]),
      ];
      const { hits } = await this.index.query(weighted, {
        k: Math.max(limit * 3, 30),
        totalArticles: await this.count(),
      });
      const full = hits.filter(
        (h) =>
          before.every((t) => h.matched.includes(t)) &&
          (expansions.length === 0 || expansions.some((t) => h.matched.includes(t))),
      );
      return (await this.withHeadlines((full.length ? full : hits).slice(0, limit))).map(
        ({ score: _s, ...h }) => h,
      );
    });
  }

  /** Latest stored articles by published time (ingest time when unknown). */
  recent(opts: { limit: number; offset?: number }): Promise<Page<Headline>> {
    return guarded(async () => {
      const offset = opts.offset ?? 0;
      const [total, ids] = await Promise.all([
        this.count(),
        this.redis.zrevrange(this.keys.recent(), offset, offset + opts.limit - 1),
      ]);
      return { total, items: await this.headlines(ids) };
    });
  }

  /** Ids of the articles published in [fromMs, toMs), newest first. */
  private idsPublishedBetween(fromMs: number, toMs: number, limit: number): Promise<string[]> {
    return this.redis.zrevrangebyscore(this.keys.recent(), `(${toMs}`, fromMs, 'LIMIT', 0, limit);
  }

  /**
   * What a digest reads of the articles published in [fromMs, toMs), newest first: headline and
   * story fields, one HMGET per article. Articles saved before story fields were stored have
   * them derived from their full document.
   */
  storiesBetween(fromMs: number, toMs: number, limit: number): Promise<StoryHeadline[]> {
    return guarded(async () => {
      const ids = await this.idsPublishedBetween(fromMs, toMs, limit);
      const found = await Promise.all(
        ids.map((id) => this.redis.hmgetBuffer(this.keys.article(id), 'h', 'g')),
      );
      const stories = await Promise.all(
        ids.map(async (id, i): Promise<StoryHeadline | null> => {
          const [h, g] = found[i]!;
          if (!h) return null;
          const headline = decodeHeadline(id, h.toString('utf8'));
          if (g) return { ...headline, ...decodeStoryFields(g) };
          const { doc } = await this.load(id);
          return doc ? { ...headline, ...storyFields(doc.analysis) } : null;
        }),
      );
      return stories.filter((s) => s !== null);
    });
  }

  /** Articles of one source (case-insensitive name), newest first. */
  bySource(source: string, opts: { limit: number; offset?: number }): Promise<Page<Headline>> {
    return guarded(async () => {
      const key = this.keys.source(source);
      const offset = opts.offset ?? 0;
      const [total, ids] = await Promise.all([
        this.redis.zcard(key),
        this.redis.zrevrange(key, offset, offset + opts.limit - 1),
      ]);
      return { total, items: await this.headlines(ids) };
    });
  }

  /** Related stored articles published before this one (earlier coverage), best first. */
  earlierCoverage(id: string, limit = 5): Promise<Headline[]> {
    return guarded(async () => {
      const doc = (await this.load(id)).doc;
      if (!doc) return [];
      const weighted = relatedTerms(doc);
      if (weighted.length === 0) return [];
      const { hits } = await this.index.query(weighted, {
        k: SEARCH_DEPTH,
        totalArticles: await this.count(),
      });
      const best = hits.find((h) => h.id === id)?.score ?? hits[0]?.score ?? 0;
      const related = hits.filter(
        (h) =>
          h.id !== id &&
          h.matched.length >= Math.min(MIN_SHARED_TERMS, weighted.length) &&
          h.score >= RELATED_MIN_SHARE * best,
      );
      if (related.length === 0) return [];
      const times = await this.redis.zmscore(this.keys.recent(), ...related.map((h) => h.id));
      const before = articleTime(doc.article);
      const earlier = related.filter((_, i) => {
        const t = times[i];
        return t !== null && t !== undefined && Number(t) < before;
      });
      return this.headlines(earlier.slice(0, limit).map((h) => h.id));
    });
  }

  /**
   * Indexes every stored article again (newest first) under the current index rules: adds the
   * terms it should now be found by (terms it already had stay: they are words of the article).
   * Idempotent; safe beside a running bot. Returns how many articles were indexed.
   */
  reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    return guarded(async () => {
      const total = await this.count();
      let done = 0;
      for (let start = 0; start < total; start += REINDEX_CHUNK) {
        const ids = await this.redis.zrevrange(
          this.keys.recent(),
          start,
          start + REINDEX_CHUNK - 1,
        );
        const indexed = await Promise.all(ids.map((id) => this.indexAgain(id)));
        done += indexed.filter(Boolean).length;
        onProgress?.(done, total);
      }
      return done;
    });
  }

  stats(): Promise<{ articles: number; sources: number; terms: number }> {
    return guarded(async () => {
      const [articles, sources, terms] = await Promise.all([
        this.count(),
        this.redis.zcard(this.keys.sources()),
        this.redis.pfcount(this.keys.termCount()),
      ]);
      return { articles, sources, terms };
    });
  }

  /** Adds the article's current index terms; false when it is no longer stored. */
  private async indexAgain(id: string): Promise<boolean> {
    const { doc } = await this.load(id);
    if (!doc) return false;
    await this.addTerms(id, indexTerms(doc), articleTime(doc.article));
    return true;
  }

  /** Indexes the article under its terms, and counts the terms for `stats`. */
  private async addTerms(id: string, weights: Map<string, number>, time: number): Promise<void> {
    await Promise.all([
      this.index.add(id, weights, time),
      this.redis.pfadd(this.keys.termCount(), ...weights.keys()),
    ]);
  }

  private count(): Promise<number> {
    return this.redis.zcard(this.keys.recent());
  }

  private async load(id: string): Promise<Loaded> {
    const [d, p] = await this.redis.hmgetBuffer(this.keys.article(id), 'd', 'p');
    return {
      doc: d ? decodeDoc(d) : null,
      pending: p ? (JSON.parse(p.toString('utf8')) as string[]) : [],
    };
  }

  /** The hits that are articles of `source`. */
  private async fromSource(source: string, hits: Hit[]): Promise<Hit[]> {
    if (hits.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.source(source), ...hits.map((h) => h.id));
    return hits.filter((_, i) => scores[i] !== null && scores[i] !== undefined);
  }

  private async withHeadlines(hits: Hit[]): Promise<Array<Headline & { score: number }>> {
    const heads = await this.headlines(hits.map((h) => h.id));
    const score = new Map(hits.map((h) => [h.id, h.score]));
    return heads.map((h) => ({ ...h, score: Math.round((score.get(h.id) ?? 0) * 1000) / 1000 }));
  }

  /** Source zset, then the source's article count (set, not incremented: idempotent). */
  private async indexSource(source: string, id: string, time: number): Promise<void> {
    const key = this.keys.source(source);
    const [, count] = await Promise.all([this.redis.zadd(key, time, id), this.redis.zcard(key)]);
    await this.redis.zadd(this.keys.sources(), count, source);
  }

  private async unindexSource(source: string, id: string): Promise<void> {
    const key = this.keys.source(source);
    const [, left] = await Promise.all([this.redis.zrem(key, id), this.redis.zcard(key)]);
    if (left === 0) await this.redis.zrem(this.keys.sources(), source);
    else await this.redis.zadd(this.keys.sources(), left, source);
  }

  private async dropHashIfOurs(field: string, id: string): Promise<void> {
    if ((await this.redis.hget(this.keys.hashes(), field)) === id) {
      await this.redis.hdel(this.keys.hashes(), field);
    }
  }
}

/** Query terms for related coverage: the article's keywords (else its index terms), best first. */
function relatedTerms(doc: StoredArticle): Array<[string, number]> {
  const keywords = doc.analysis.keywords.length
    ? doc.analysis.keywords
    : [...indexTerms(doc).entries()];
  const top = keywords.slice(0, RELATED_TERMS);
  const max = Math.max(...top.map(([, w]) => w), 1e-9);
  return top.map(([t, w]) => [t, w / max]);
}

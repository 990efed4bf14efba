/**
 * ArticleStore: articles, their precomputed analysis and every article index in Redis.
 * (Skeleton of the API the rest of the code is written against; implemented by the store work.)
 */
import type { Redis, Cluster } from 'ioredis';
import type { Analysis, Article } from '../news/article.js';
import type { Keys } from './keys.js';

export type RedisClient = Redis | Cluster;

/** What lists, search results and autocomplete show of an article. */
export interface Headline {
  id: string;
  title: string;
  url?: string;
  source?: string;
  publishedAt?: string;
  ingestedAt: string;
}

export interface StoredArticle {
  article: Article;
  analysis: Analysis;
}

export type SaveStatus = 'stored' | 'duplicate' | 'updated';

export interface Page<T> {
  total: number;
  items: T[];
}

export class ArticleStore {
  constructor(
    readonly redis: RedisClient,
    readonly keys: Keys,
  ) {}

  /** Stores an article with its analysis and indexes it; idempotent. */
  save(_article: Article, _analysis: Analysis): Promise<{ status: SaveStatus; id: string }> {
    throw new Error('not implemented');
  }
  get(_id: string): Promise<StoredArticle | null> {
    throw new Error('not implemented');
  }
  headlines(_ids: string[]): Promise<Headline[]> {
    throw new Error('not implemented');
  }
  /** Id of the article stored under this URL (canonicalised, tracking parameters stripped). */
  idForUrl(_url: string): Promise<string | null> {
    throw new Error('not implemented');
  }
  /** Full-text search over title and text, best first (relevance, then recency). */
  search(
    _query: string,
    _opts: { limit: number; offset?: number },
  ): Promise<Page<Headline & { score: number }>> {
    throw new Error('not implemented');
  }
  /** Headlines matching what the user has typed so far (prefix of the last word), up to `limit`. */
  autocomplete(_typed: string, _limit?: number): Promise<Headline[]> {
    throw new Error('not implemented');
  }
  /** Latest stored articles by published time (ingest time when unknown). */
  recent(_opts: { limit: number; offset?: number }): Promise<Page<Headline>> {
    throw new Error('not implemented');
  }
  /** Articles published in [fromMs, toMs), newest first. */
  publishedBetween(_fromMs: number, _toMs: number, _limit?: number): Promise<Headline[]> {
    throw new Error('not implemented');
  }
  /** Related stored articles published before this one (earlier coverage), best first. */
  earlierCoverage(_id: string, _limit?: number): Promise<Headline[]> {
    throw new Error('not implemented');
  }
  stats(): Promise<{ articles: number; sources: number; terms: number }> {
    throw new Error('not implemented');
  }
}

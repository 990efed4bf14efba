/**
 * Builds a digest from the store: the window (a local calendar date, or the 24 hours up to an
 * instant), the stored articles published in it, and the ranked stories.
 */
import { DateTime } from 'luxon';
import {
  buildDigest,
  DEFAULT_DIGEST_LIMIT,
  type DigestArticle,
  type DigestStory,
} from '../news/digest.js';
import type { ArticleStore, StoredArticle } from '../store/articles.js';
import { dayBounds } from './digest-times.js';

/** Most articles read for one digest. */
export const MAX_DIGEST_ARTICLES = 5_000;
const LOAD_BATCH = 200;

export interface DigestWindow {
  fromMs: number;
  toMs: number;
  /** Human label, e.g. "Sun 8 Mar 2026 (America/New_York)". */
  label: string;
}

/** A calendar date in a zone. */
export function dayWindow(date: string, zone: string): DigestWindow {
  const [fromMs, toMs] = dayBounds(date, zone);
  const label = DateTime.fromISO(date, { zone }).toFormat('ccc d LLL yyyy');
  return { fromMs, toMs, label: `${label} (${zone})` };
}

/** The 24 hours up to `end`. */
export function last24Hours(end: Date, zone: string): DigestWindow {
  const toMs = end.getTime();
  const local = DateTime.fromMillis(toMs, { zone }).toFormat('HH:mm ccc d LLL yyyy');
  return { fromMs: toMs - 86_400_000, toMs, label: `the 24 hours to ${local} (${zone})` };
}

export function digestArticle({ article, analysis }: StoredArticle): DigestArticle {
  return {
    id: article.id,
    publishedMs: Date.parse(article.publishedAt ?? article.ingestedAt),
    title: article.title,
    lead: analysis.sentences.slice(0, 3).join(' '),
    entities: analysis.entities.map((e) => e.name),
    keywords: analysis.keywords,
    sentences: analysis.sentences,
    ranking: analysis.ranking,
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
  };
}

export interface LoadedDigest {
  window: DigestWindow;
  articleCount: number;
  stories: DigestStory[];
}

/** Reads the window's articles and builds its top stories. */
export async function loadDigest(
  store: ArticleStore,
  window: DigestWindow,
  limit = DEFAULT_DIGEST_LIMIT,
): Promise<LoadedDigest> {
  const headlines = await store.publishedBetween(window.fromMs, window.toMs, MAX_DIGEST_ARTICLES);
  const articles: DigestArticle[] = [];
  for (let i = 0; i < headlines.length; i += LOAD_BATCH) {
    const batch = await Promise.all(headlines.slice(i, i + LOAD_BATCH).map((h) => store.get(h.id)));
    for (const stored of batch) if (stored) articles.push(digestArticle(stored));
  }
  return {
    window,
    articleCount: articles.length,
    stories: buildDigest(articles, { endMs: window.toMs, limit }),
  };
}

/**
 * Builds a digest from the store: the window (a local calendar date, or the 24 hours up to an
 * instant), the stored articles published in it, and the ranked stories. Clustering reads only
 * each article's headline and story fields; the full documents are read only for the best
 * article of each story shown, whose summary they give.
 */
import { DateTime } from 'luxon';
import {
  DEFAULT_DIGEST_LIMIT,
  rankStories,
  summarised,
  type DigestEntry,
  type DigestStory,
  type SummarySource,
} from '../news/digest.js';
import type { ArticleStore, StoryHeadline } from '../store/articles.js';
import { dayBounds } from './digest-times.js';

/** Most articles read for one digest. */
export const MAX_DIGEST_ARTICLES = 5_000;

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

/** A document removed by hand between the two reads leaves its story without a summary. */
const NO_SUMMARY: SummarySource = { sentences: [], ranking: [] };

function digestEntry(s: StoryHeadline): DigestEntry {
  return {
    id: s.id,
    publishedMs: Date.parse(s.publishedAt ?? s.ingestedAt),
    title: s.title,
    lead: s.lead,
    entities: s.entities,
    keywords: s.keywords,
    ...(s.url ? { url: s.url } : {}),
    ...(s.source ? { source: s.source } : {}),
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
  const entries = await store.storiesBetween(window.fromMs, window.toMs, MAX_DIGEST_ARTICLES);
  const ranked = rankStories(entries.map(digestEntry), { endMs: window.toMs, limit });
  const best = await Promise.all(ranked.map((s) => store.get(s.articleIds[0]!)));
  const stories = ranked.map((s, i) => summarised(s, best[i]?.analysis ?? NO_SUMMARY));
  return { window, articleCount: entries.length, stories };
}

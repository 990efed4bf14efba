/**
 * Ingesting from the web: a URL is fetched (through the safe fetcher) and recognised by its
 * content as a feed or an article page. Feed items that carry only a teaser get their full
 * text from the article page; title, author, date and the page's canonical URL are kept.
 */
import { StoreUnavailableError } from '../errors.js';
import { decodeBytes } from './decode.js';
import { extractArticle, type ExtractedPage } from './extract-html.js';
import {
  FetchError,
  FetchTimeoutError,
  HttpStatusError,
  NetworkError,
  type Fetcher,
} from './fetch.js';
import { looksLikeFeed, parseFeedText, type FeedEntry, type ParsedFeed } from './feed.js';
import { ingestDraft, type IngestCounts, type IngestResult } from './pipeline.js';
import type { ArticleDraft } from '../news/prepare.js';
import type { ArticleStore } from '../store/articles.js';

export interface WebIngestDeps {
  fetcher: Fetcher;
  articles: ArticleStore;
  now: () => Date;
}

/** The full text of a feed entry, or why there is none. */
export type EntryText =
  | { ok: true; draft: ArticleDraft; fromPage: boolean }
  /** `permanent`: trying again later will not help (no text anywhere, page gone). */
  | { ok: false; reason: string; permanent: boolean };

/** A page's canonical URL is trusted unless it points at a site's front page. */
function usableCanonical(canonical: string | undefined): string | undefined {
  if (!canonical) return undefined;
  try {
    const u = new URL(canonical);
    return /^https?:$/.test(u.protocol) && u.pathname.replace(/\/+$/, '') !== ''
      ? u.href
      : undefined;
  } catch {
    return undefined;
  }
}

function words(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0);
}

function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Fetches and extracts an article page; returns the page and the URL it was read from. */
async function readPage(
  url: string,
  fetcher: Fetcher,
): Promise<{ page: ExtractedPage; finalUrl: string }> {
  const res = await fetcher.fetch(url);
  if (res.notModified) throw new FetchError(url, 'unexpected 304 Not Modified');
  const html = decodeBytes(res.body, {
    declared: 'html',
    ...(res.contentType ? { contentType: res.contentType } : {}),
  });
  return { page: extractArticle(html, res.url), finalUrl: res.url };
}

function pageDraft(page: ExtractedPage, finalUrl: string): ArticleDraft {
  return compact({
    title: page.title,
    url: usableCanonical(page.canonicalUrl) ?? finalUrl,
    source: page.siteName ?? new URL(finalUrl).hostname.replace(/^www\./, ''),
    author: page.author,
    publishedAt: page.publishedAt,
    language: page.language,
    paragraphs: page.paragraphs,
  }) as ArticleDraft;
}

/** Page failures worth retrying on a later poll (the item is then not marked seen). */
function isTransient(e: unknown): boolean {
  if (e instanceof FetchTimeoutError || e instanceof NetworkError) return true;
  return e instanceof HttpStatusError && (e.status >= 500 || e.status === 429);
}

function reasonOf(e: unknown): string {
  return e instanceof FetchError ? e.reason : (e as Error).message;
}

/**
 * The draft for a feed entry: its own text when it is a full article, else the page's text
 * (falling back to the teaser when the page cannot be read).
 */
export async function entryText(
  entry: FeedEntry,
  feed: Pick<ParsedFeed, 'title' | 'link'>,
  fetcher: Fetcher,
): Promise<EntryText> {
  const fromFeed = compact({
    title: entry.title,
    url: entry.url,
    source: feed.title ?? (feed.link ? new URL(feed.link).hostname : undefined),
    author: entry.author,
    publishedAt: entry.publishedAt,
    language: entry.language,
  });
  const hasText = entry.paragraphs.length > 0;
  const own: EntryText = {
    ok: true,
    fromPage: false,
    draft: { ...fromFeed, paragraphs: entry.paragraphs } as ArticleDraft,
  };
  if (hasText && (!entry.teaser || !entry.url)) return own;
  if (!entry.url) return { ok: false, reason: 'the item has no text and no link', permanent: true };
  try {
    const { page, finalUrl } = await readPage(entry.url, fetcher);
    if (words(page.paragraphs) <= words(entry.paragraphs)) return own;
    const draft = pageDraft(page, finalUrl);
    // The feed's title, author, date and source win; the page gives text and canonical URL.
    return { ok: true, fromPage: true, draft: { ...draft, ...fromFeed, url: draft.url } };
  } catch (e) {
    if (hasText) return own;
    return {
      ok: false,
      reason: `the item has no text and its page could not be read: ${reasonOf(e)}`,
      permanent: !isTransient(e),
    };
  }
}

export interface EntryOutcome {
  guid: string;
  title?: string;
  status: IngestResult['status'];
  id?: string;
  error?: string;
  /** For rejections: false when a later attempt may succeed. */
  permanent: boolean;
}

/** Ingests one feed entry (full text as {@link entryText} finds it). */
export async function ingestEntry(
  entry: FeedEntry,
  feed: Pick<ParsedFeed, 'title' | 'link'>,
  deps: WebIngestDeps,
): Promise<EntryOutcome> {
  const text = await entryText(entry, feed, deps.fetcher);
  if (!text.ok) {
    return {
      ...compact({ guid: entry.guid, title: entry.title }),
      status: 'rejected',
      error: text.reason,
      permanent: text.permanent,
    };
  }
  const r = await ingestDraft(text.draft, { store: deps.articles, now: deps.now() });
  return {
    ...compact({ guid: entry.guid, title: r.title ?? entry.title, id: r.id, error: r.error }),
    status: r.status,
    permanent: true,
  };
}

export type UrlIngestResult =
  | { kind: 'feed'; url: string; title?: string; items: EntryOutcome[] }
  | { kind: 'page'; url: string; item: IngestResult };

/** Fetches a URL and ingests it as a feed (every item) or as an article page, by content. */
export async function ingestUrl(url: string, deps: WebIngestDeps): Promise<UrlIngestResult> {
  const res = await deps.fetcher.fetch(url);
  if (res.notModified) throw new FetchError(url, 'unexpected 304 Not Modified');
  const text = decodeBytes(res.body, res.contentType ? { contentType: res.contentType } : {});
  if (looksLikeFeed(text)) {
    const feed = await parseFeedText(text, res.url);
    const items: EntryOutcome[] = [];
    for (const entry of feed.entries) items.push(await ingestEntry(entry, feed, deps));
    return { kind: 'feed', url: res.url, ...compact({ title: feed.title }), items };
  }
  const draft = pageDraft(extractArticle(text, res.url), res.url);
  const item = await ingestDraft(draft, { store: deps.articles, now: deps.now() });
  return { kind: 'page', url: res.url, item };
}

/** Whether a command-line argument is a web address rather than a path. */
export function isWebUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/**
 * Ingests each URL in turn (feeds item by item), reporting every result with the URL as its
 * location; a URL that cannot be fetched is one rejected result and never stops the rest.
 * @throws StoreUnavailableError when Redis stops answering.
 */
export async function ingestUrls(
  urls: readonly string[],
  deps: WebIngestDeps & { onResult?: (r: IngestResult) => void },
): Promise<IngestCounts> {
  const counts: IngestCounts = { stored: 0, duplicate: 0, updated: 0, rejected: 0 };
  const report = (r: IngestResult) => {
    counts[r.status] += 1;
    deps.onResult?.(r);
  };
  for (const url of urls) {
    let result: UrlIngestResult;
    try {
      result = await ingestUrl(url, deps);
    } catch (e) {
      if (e instanceof StoreUnavailableError) throw e;
      report({ status: 'rejected', error: reasonOf(e), location: url });
      continue;
    }
    if (result.kind === 'page') report({ ...result.item, location: url });
    else
      for (const { guid, permanent: _permanent, ...item } of result.items)
        report({ ...item, location: `${url} item ${guid}` });
  }
  return counts;
}

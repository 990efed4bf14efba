import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { extractArticle } from '../../src/ingest/extract-html.js';
import type { FeedEntry } from '../../src/ingest/feed.js';
import { Fetcher } from '../../src/ingest/fetch.js';
import type { IngestResult } from '../../src/ingest/pipeline.js';
import { entryText, ingestUrl, ingestUrls, type WebIngestDeps } from '../../src/ingest/url.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { FixtureServer } from '../support/http-fixture-server.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let server: FixtureServer;
let t: TestRedis;
let deps: WebIngestDeps;
const fetcher = new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: true });
const feedMeta = { title: 'Example News', link: 'https://news.example/' };

beforeAll(async () => {
  server = await FixtureServer.start();
  t = await testRedis('ingest-url');
  deps = {
    fetcher,
    articles: new ArticleStore(t.redis, new Keys(t.prefix)),
    now: () => new Date('2026-03-01T09:00:00Z'),
  };
});
afterAll(async () => {
  await t.cleanup();
  await server.close();
});

const teaser = (url: string | undefined, paragraphs: string[]): FeedEntry => ({
  guid: url ?? 'g',
  title: 'Feed title of the story',
  ...(url ? { url } : {}),
  author: 'Feed Author',
  publishedAt: '2026-02-28T08:00:00.000Z',
  paragraphs,
  teaser: true,
});

describe('entryText', () => {
  it('takes the text of a teaser item from its page, keeping the feed metadata', async () => {
    const page = extractArticle(
      decodeBytes(server.pageHtml(7), { declared: 'html' }),
      `${server.base}/page/7`,
    );
    const r = await entryText(
      teaser(`${server.base}/page/7`, ['Short teaser.']),
      feedMeta,
      fetcher,
    );
    expect(r.ok && r.fromPage).toBe(true);
    if (!r.ok) return;
    expect(r.draft).toMatchObject({
      title: 'Feed title of the story',
      author: 'Feed Author',
      publishedAt: '2026-02-28T08:00:00.000Z',
      source: 'Example News',
      paragraphs: page.paragraphs,
    });
    expect(r.draft.url).toBe(page.canonicalUrl ?? `${server.base}/page/7`);
  });

  it('falls back to the teaser when the page cannot be read', async () => {
    const r = await entryText(
      teaser(`${server.base}/missing`, ['Only this teaser.']),
      feedMeta,
      fetcher,
    );
    expect(r).toMatchObject({
      ok: true,
      fromPage: false,
      draft: { paragraphs: ['Only this teaser.'] },
    });
  });

  it('rejects an item with no text whose page is gone (for good) or failing (for now)', async () => {
    const gone = await entryText(teaser(`${server.base}/missing`, []), feedMeta, fetcher);
    expect(gone).toMatchObject({ ok: false, permanent: true });
    expect(!gone.ok && gone.reason).toMatch(/HTTP 404 Not Found/);
    const failing = await entryText(teaser(`${server.base}/error`, []), feedMeta, fetcher);
    expect(failing).toMatchObject({ ok: false, permanent: false });
    const nothing = await entryText(teaser(undefined, []), feedMeta, fetcher);
    expect(nothing).toMatchObject({ ok: false, reason: 'the item has no text and no link' });
  });
});

describe('ingestUrl', () => {
  it('stores an article page with its title and canonical URL', async () => {
    const r = await ingestUrl(`${server.base}/page/11`, deps);
    expect(r.kind).toBe('page');
    if (r.kind !== 'page') return;
    expect(r.item.status).toBe('stored');
    const page = extractArticle(
      decodeBytes(server.pageHtml(11), { declared: 'html' }),
      `${server.base}/page/11`,
    );
    const stored = await deps.articles.get(r.item.id!);
    expect(stored?.article.title).toBe(page.title);
    expect(stored?.article.url).toBeDefined();
    const again = await ingestUrl(`${server.base}/page/11`, deps);
    expect(again.kind === 'page' && again.item.status).toBe('duplicate');
  });

  it('recognises a feed by its content, whatever its content type says', async () => {
    const r = await ingestUrl(`${server.base}/feed-as/heraldsun.rss`, deps);
    expect(r.kind).toBe('feed');
    if (r.kind !== 'feed') return;
    expect(r.title).toBe('RSS0.92 Example');
    expect(r.items.map((i) => i.status)).toEqual(['stored', 'stored']);
  });

  it('reports a URL that cannot be fetched as one rejected item and carries on', async () => {
    const results: IngestResult[] = [];
    const counts = await ingestUrls([`${server.base}/error`, `${server.base}/page/12`], {
      ...deps,
      onResult: (r) => results.push(r),
    });
    expect(counts).toMatchObject({ stored: 1, rejected: 1 });
    expect(results[0]).toMatchObject({
      status: 'rejected',
      error: 'HTTP 500 Internal Server Error',
      location: `${server.base}/error`,
    });
  });

  it('refuses loopback URLs when private fetching is not allowed', async () => {
    const guarded = { ...deps, fetcher: new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: false }) };
    const results: IngestResult[] = [];
    await ingestUrls([`${server.base}/page/13`], { ...guarded, onResult: (r) => results.push(r) });
    expect(results[0]?.error).toBe('refused: 127.0.0.1 is a loopback address');
  });
});

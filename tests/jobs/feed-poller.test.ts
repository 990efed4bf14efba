import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { extractArticle } from '../../src/ingest/extract-html.js';
import { Fetcher } from '../../src/ingest/fetch.js';
import { parseConfig } from '../../src/config.js';
import {
  configuredFeeds,
  FeedPoller,
  seedFeeds,
  startFeedPoller,
  type PollerOptions,
} from '../../src/jobs/feed-poller.js';
import { ArticleStore } from '../../src/store/articles.js';
import { FeedStore } from '../../src/store/feeds.js';
import { Keys } from '../../src/store/keys.js';
import { feedFixtures, FixtureServer } from '../support/http-fixture-server.js';
import { deleteByPrefix, testRedis, uniquePrefix, type TestRedis } from '../support/redis.js';
import { spawnCli } from '../support/cli.js';

let server: FixtureServer;
let t: TestRedis;
const prefixes: string[] = [];
const log = pino({ level: 'silent' });
const fetcher = new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: true });

const OPTIONS: PollerOptions = {
  hostIntervalMs: 0,
  concurrency: 4,
  maxFailures: 3,
  lockTtlMs: 10_000,
  backoffMs: () => 60_000,
};

/** A poller with its own stores under a fresh prefix, and a clock the test moves. */
function setup(name: string, options: Partial<PollerOptions> = {}) {
  const prefix = `${t.prefix}:${name}`;
  prefixes.push(prefix);
  const keys = new Keys(prefix);
  const articles = new ArticleStore(t.redis, keys);
  const feeds = new FeedStore(t.redis, keys);
  const clock = { now: new Date('2026-02-01T12:00:00Z') };
  const poller = new FeedPoller(
    { feeds, web: { fetcher, articles, now: () => clock.now }, log },
    { ...OPTIONS, ...options },
  );
  return { prefix, keys, articles, feeds, clock, poller };
}

async function addAll(feeds: FeedStore): Promise<void> {
  for (const name of feedFixtures())
    await feeds.add(server.feedUrl(name), { now: new Date('2026-02-01T00:00:00Z') });
}

async function storedIds(articles: ArticleStore): Promise<string[]> {
  const page = await articles.recent({ limit: 10_000 });
  return page.items.map((h) => h.id).sort();
}

beforeAll(async () => {
  server = await FixtureServer.start({ pageLimit: 6 });
  t = await testRedis('feed-poller');
});
afterAll(async () => {
  for (const p of prefixes) await deleteByPrefix(t.redis, p);
  await t.cleanup();
  await server.close();
});

describe('FeedPoller', () => {
  it(
    'stores every fixture item once, with full text from the page for teaser items',
    { timeout: 120_000 },
    async () => {
      const { feeds, articles, poller } = setup('all');
      await addAll(feeds);
      const report = await poller.pollOnce();
      expect(report.ran).toBe(true);
      const byUrl = new Map(report.feeds.map((r) => [r.url, r]));
      expect(byUrl.get(server.feedUrl('guardian.rss'))).toMatchObject({ status: 'polled' });
      expect(report.items.stored).toBeGreaterThan(150);
      expect(report.items.rejected).toBeGreaterThan(0);
      const reference = await storedIds(articles);
      expect(reference.length).toBe(report.items.stored);

      // The Guardian items are teasers: their text comes from the article page.
      const link = `${server.base}/ext/www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord`;
      const page = extractArticle(decodeBytes(server.pageHtml(0), { declared: 'html' }), link);
      const id = await articles.idForUrl(page.canonicalUrl ?? link);
      const stored = id ? await articles.get(id) : null;
      expect(stored?.article.title).toBe(
        'Trump State of the Union address promised unity but emphasized discord',
      );
      expect(stored?.article.author).toBe('David Smith in Washington');
      expect(stored?.article.publishedAt).toBe('2018-01-31T07:26:05.000Z');
      expect(stored!.article.paragraphs.length).toBeGreaterThan(4);

      // Items without a page keep their teaser; items with no text at all are not stored.
      const heise = byUrl.get(server.feedUrl('heise.atom'));
      expect(heise).toMatchObject({ status: 'polled', items: { stored: 15 } });
      const rdf = byUrl.get(server.feedUrl('rss-1.rss'));
      expect(rdf?.status === 'polled' && rdf.items.rejected).toBeGreaterThan(0);

      // A second poll: conditional GETs answered 304, nothing stored twice.
      const again = await poller.pollOnce();
      expect(again.feeds.every((r) => r.status === 'not-modified')).toBe(true);
      expect(await storedIds(articles)).toEqual(reference);
    },
  );

  it('updates the stored article when an item changes, and skips unchanged ones', async () => {
    const { feeds, articles, poller } = setup('update');
    await feeds.add(server.feedUrl('content-encoded.rss'), { now: new Date() });
    const first = await poller.pollOnce();
    expect(first.items.stored).toBe(7);
    const original = server.feedBytes('content-encoded.rss');
    try {
      const edited = original
        .toString('utf8')
        .replace('YES, YOU WITH THE EYEBALLS!', 'YES, YOU WITH THE EARS!');
      server.setFeed('content-encoded.rss', Buffer.from(edited));
      const second = await poller.pollOnce();
      expect(second.items).toMatchObject({ stored: 0, updated: 1, unchanged: 6 });
      expect((await storedIds(articles)).length).toBe(7);
    } finally {
      server.setFeed('content-encoded.rss', original);
    }
  });

  it('does not store an item twice when two feeds carry it', async () => {
    // One feed at a time: two concurrent saves of one article may both report 'stored'.
    const { feeds, articles, poller } = setup('cross', { concurrency: 1 });
    await feeds.add(server.feedUrl('heise.atom'), { now: new Date() });
    await feeds.add(`${server.feedUrl('heise.atom')}?mirror=1`, { now: new Date() });
    const report = await poller.pollOnce();
    expect(report.items.stored).toBe(15);
    expect(report.items.duplicate).toBe(15);
    expect((await storedIds(articles)).length).toBe(15);
  });

  it('backs off after a failure and disables a feed that keeps failing, with the reason', async () => {
    const { feeds, clock, poller } = setup('failing');
    const url = `${server.base}/error`;
    await feeds.add(url, { now: clock.now });
    const first = await poller.pollOnce();
    expect(first.feeds[0]).toMatchObject({
      status: 'failed',
      error: 'HTTP 500 Internal Server Error',
    });
    expect((await poller.pollOnce()).feeds[0]).toMatchObject({ status: 'skipped', why: 'backoff' });
    for (let i = 0; i < 2; i++) {
      clock.now = new Date(clock.now.getTime() + 61_000);
      await poller.pollOnce();
    }
    const state = await feeds.get(url);
    expect(state?.disabledReason).toBe(
      'disabled after 3 failed polls in a row; last: HTTP 500 Internal Server Error',
    );
    clock.now = new Date(clock.now.getTime() + 3_600_000);
    expect((await poller.pollOnce()).feeds[0]).toMatchObject({
      status: 'skipped',
      why: 'disabled',
    });
  });

  it('counts a page that is not a feed as a failure with a clear reason', async () => {
    const { feeds, poller } = setup('not-a-feed');
    await feeds.add(`${server.base}/page/3`, { now: new Date() });
    const report = await poller.pollOnce();
    expect(report.feeds[0]).toMatchObject({ status: 'failed' });
    expect((report.feeds[0] as { error: string }).error).toMatch(/not an RSS or Atom feed/);
  });

  it('polls a host at most once per interval', async () => {
    const { feeds, poller } = setup('host', { hostIntervalMs: 60_000, concurrency: 1 });
    await feeds.add(server.feedUrl('heraldsun.rss'), { now: new Date() });
    await feeds.add(server.feedUrl('missing-fields.atom'), { now: new Date() });
    const report = await poller.pollOnce();
    expect(report.feeds.map((r) => r.status).sort()).toEqual(['polled', 'skipped']);
    expect(report.feeds.find((r) => r.status === 'skipped')).toMatchObject({
      why: 'host-interval',
    });
  });

  it('does nothing while another replica holds the lock', async () => {
    const { feeds, poller } = setup('locked');
    await feeds.add(server.feedUrl('heraldsun.rss'), { now: new Date() });
    expect(await feeds.acquirePollerLock('other-replica', 5_000)).toBe(true);
    expect(await poller.pollOnce()).toMatchObject({ ran: false, feeds: [] });
    await feeds.releasePollerLock('other-replica');
    expect((await poller.pollOnce()).ran).toBe(true);
  });
});

describe('configured feeds and the schedule', () => {
  it('reads FEEDS and FEEDS_FILE and adds the feeds that are missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-feeds-'));
    try {
      const file = join(dir, 'feeds.txt');
      await writeFile(file, '# our feeds\nhttps://a.example/rss\n\nhttps://b.example/atom  # b\n');
      const config = { FEEDS: ['https://c.example/feed'], FEEDS_FILE: file };
      expect(await configuredFeeds(config)).toEqual([
        'https://c.example/feed',
        'https://a.example/rss',
        'https://b.example/atom',
      ]);
      const { feeds } = setup('seed');
      expect(await seedFeeds(config, feeds, new Date())).toBe(3);
      expect(await seedFeeds(config, feeds, new Date())).toBe(0);
      expect((await feeds.list()).map((f) => f.addedBy)).toEqual(['config', 'config', 'config']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('polls on FEED_POLL_CRON in the bot process, and stops', async () => {
    const { prefix, feeds, articles } = setup('scheduled');
    const url = server.feedUrl('heraldsun.rss');
    const config = parseConfig({
      REDIS_PREFIX: prefix,
      FEEDS: url,
      FEED_POLL_CRON: '* * * * * *',
      FEED_HOST_INTERVAL_MINUTES: '0',
      NEWSBOT_ALLOW_PRIVATE_FETCH: '1',
    });
    const running = await startFeedPoller({ config, services: { feeds, articles }, log });
    try {
      for (let i = 0; i < 200 && !(await feeds.get(url))?.lastPolledAt; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await feeds.get(url)).toMatchObject({ itemsStored: 2, failures: 0 });
    } finally {
      await running.stop();
    }
  });
});

describe('newsbot feeds poll, killed mid-way and run again', () => {
  /** A few feeds (24 items), so that two CLI runs stay quick. */
  const KILL_FEEDS = ['content-encoded.rss', 'heise.atom', 'heraldsun.rss'];

  function runCli(prefix: string) {
    return spawnCli(['feeds', 'poll'], {
      env: {
        ...process.env,
        REDIS_URL: t.url,
        REDIS_PREFIX: prefix,
        NEWSBOT_ALLOW_PRIVATE_FETCH: '1',
        FEED_HOST_INTERVAL_MINUTES: '0',
        FEEDS: KILL_FEEDS.map((n) => server.feedUrl(n)).join(','),
        FEEDS_FILE: '',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  it('stores every item exactly once', { timeout: 120_000 }, async () => {
    // What one uninterrupted poll of these feeds stores.
    const whole = setup('kill-reference');
    for (const n of KILL_FEEDS) await whole.feeds.add(server.feedUrl(n), { now: new Date() });
    await whole.poller.pollOnce();
    const expected = await storedIds(whole.articles);
    expect(expected.length).toBe(24);

    const prefix = uniquePrefix('feed-kill');
    prefixes.push(prefix);
    const articles = new ArticleStore(t.redis, new Keys(prefix));
    server.setPageDelay(100); // pages (404s included) come slowly: the kill lands mid-poll
    try {
      const first = runCli(prefix);
      const exited = new Promise((r) => first.once('exit', r));
      for (let i = 0; i < 1200 && first.exitCode === null; i++) {
        if ((await storedIds(articles)).length >= 5) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      first.kill('SIGKILL');
      await exited;
      const partial = (await storedIds(articles)).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(expected.length);
      // The dead poller's lock would expire by itself; don't wait for it.
      await t.redis.del(new Keys(prefix).global('feed-lock'));

      const second = runCli(prefix);
      let out = '';
      second.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      await new Promise((r) => second.once('exit', r));
      expect(out).toMatch(/stored \d+, updated 0, duplicate \d+, rejected \d+/);
      expect(await storedIds(articles)).toEqual(expected);
    } finally {
      server.setPageDelay(0);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedStore, InvalidFeedUrlError } from '../../src/store/feeds.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let feeds: FeedStore;
const now = new Date('2026-01-05T10:00:00Z');
const failure = (reason: string, at = now) => ({
  now: at,
  reason,
  maxFailures: 3,
  backoffMs: (n: number) => n * 60_000,
});

beforeAll(async () => {
  t = await testRedis('feeds-store');
  feeds = new FeedStore(t.redis, new Keys(t.prefix));
});
afterAll(async () => {
  await t.cleanup();
});

describe('FeedStore', () => {
  it('adds, lists and removes feeds; adding twice keeps one', async () => {
    const a = await feeds.add('https://news.example/rss#top', { now, by: 'U1' });
    expect(a.added).toBe(true);
    expect(a.feed).toMatchObject({ url: 'https://news.example/rss', addedBy: 'U1', failures: 0 });
    expect((await feeds.add('https://news.example/rss', { now })).added).toBe(false);
    await feeds.add('http://b.example/atom.xml', { now });
    expect((await feeds.list()).map((f) => f.url)).toEqual([
      'http://b.example/atom.xml',
      'https://news.example/rss',
    ]);
    expect(await feeds.remove('http://b.example/atom.xml')).toBe(true);
    expect(await feeds.remove('http://b.example/atom.xml')).toBe(false);
    expect((await feeds.list()).map((f) => f.url)).toEqual(['https://news.example/rss']);
  });

  it('refuses URLs that are not http(s)', async () => {
    await expect(feeds.add('ftp://x.example/feed', { now })).rejects.toThrow(InvalidFeedUrlError);
    await expect(feeds.add('not a url', { now })).rejects.toThrow(/Not an http\(s\) URL/);
  });

  it('backs off after failures, disables with the reason, and re-enables on add', async () => {
    const url = 'https://flaky.example/feed';
    await feeds.add(url, { now });
    const one = await feeds.recordFailure(url, failure('HTTP 500 Internal Server Error'));
    expect(one).toMatchObject({ failures: 1, lastError: 'HTTP 500 Internal Server Error' });
    expect(one!.retryAt).toBe(now.getTime() + 60_000);
    expect(one!.disabledReason).toBeUndefined();
    await feeds.recordFailure(url, failure('timed out after 10 s'));
    const three = await feeds.recordFailure(url, failure('timed out after 10 s'));
    expect(three!.disabledReason).toBe(
      'disabled after 3 failed polls in a row; last: timed out after 10 s',
    );
    const again = await feeds.add(url, { now });
    expect(again.added).toBe(false);
    expect(again.feed.failures).toBe(0);
    expect(again.feed.disabledReason).toBeUndefined();
  });

  it('a success clears failures and keeps the validators', async () => {
    const url = 'https://ok.example/feed';
    await feeds.add(url, { now });
    await feeds.recordFailure(url, failure('HTTP 502 Bad Gateway'));
    await feeds.recordSuccess(url, {
      now,
      etag: '"v1"',
      lastModified: 'Mon',
      title: 'OK',
      stored: 4,
    });
    expect(await feeds.get(url)).toMatchObject({
      failures: 0,
      etag: '"v1"',
      lastModified: 'Mon',
      title: 'OK',
      itemsStored: 4,
    });
    expect((await feeds.get(url))!.retryAt).toBeUndefined();
  });

  it('remembers seen GUIDs with their fingerprint and prunes the vanished ones', async () => {
    const url = 'https://seen.example/feed';
    await feeds.add(url, { now });
    await feeds.markSeen(url, 'g1', 'f1');
    await feeds.markSeen(url, 'g2', 'f2');
    expect(await feeds.seenFingerprints(url, ['g1', 'g2', 'g3'])).toEqual(
      new Map([
        ['g1', 'f1'],
        ['g2', 'f2'],
      ]),
    );
    await feeds.pruneSeen(url, ['g2', 'g3']);
    expect([...(await feeds.seenFingerprints(url, ['g1', 'g2'])).keys()]).toEqual(['g2']);
    await feeds.remove(url);
    expect((await feeds.seenFingerprints(url, ['g2'])).size).toBe(0);
  });

  it('gives the poller lock to one owner at a time; it expires when not renewed', async () => {
    expect(await feeds.acquirePollerLock('a', 300)).toBe(true);
    expect(await feeds.acquirePollerLock('b', 300)).toBe(false);
    expect(await feeds.renewPollerLock('b', 300)).toBe(false);
    expect(await feeds.renewPollerLock('a', 300)).toBe(true);
    await feeds.releasePollerLock('b'); // not the holder: no effect
    expect(await feeds.acquirePollerLock('b', 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await feeds.acquirePollerLock('b', 300)).toBe(true);
    await feeds.releasePollerLock('b');
    expect(await feeds.acquirePollerLock('c', 300)).toBe(true);
    await feeds.releasePollerLock('c');
  });

  it('lets one fetch per host through per interval', async () => {
    expect(await feeds.claimHost('news.example', 60_000)).toBe(true);
    expect(await feeds.claimHost('news.example', 60_000)).toBe(false);
    expect(await feeds.claimHost('other.example', 60_000)).toBe(true);
    expect(await feeds.claimHost('news.example', 0)).toBe(true);
  });
});

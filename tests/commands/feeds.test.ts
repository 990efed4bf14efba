import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.js';
import type { CommandContext } from '../../src/command.js';
import { runCommand } from '../../src/dispatch.js';
import type { Reply } from '../../src/reply.js';
import type { Services } from '../../src/services.js';
import { FeedStore } from '../../src/store/feeds.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let feeds: FeedStore;

beforeAll(async () => {
  t = await testRedis('cmd-feeds');
  feeds = new FeedStore(t.redis, new Keys(t.prefix));
});
afterAll(async () => {
  await t.cleanup();
});

function ctx(isModerator: boolean): CommandContext {
  return {
    services: { feeds } as unknown as Services,
    platform: 'discord',
    user: { id: 'U1', isModerator },
    channelId: 'C1',
    requestId: 'r1',
    now: new Date('2026-01-01T00:00:00Z'),
    log: pino({ level: 'silent' }),
  };
}

const run = (name: string, raw: Record<string, unknown>, mod = true): Promise<Reply> =>
  runCommand(findCommand(name)!, raw, ctx(mod));

const text = (r: Reply) => (r.kind === 'notice' ? r.text : r.text);

describe('/feeds', () => {
  it('is for moderators only', async () => {
    for (const name of ['feeds add', 'feeds remove', 'feeds list']) {
      const r = await run(name, { url: 'https://a.example/rss' }, false);
      expect(r).toMatchObject({ kind: 'notice', tone: 'error' });
      expect(text(r)).toBe(`Only moderators can use /${name}.`);
    }
  });

  it('adds, lists and removes a feed', async () => {
    const added = await run('feeds add', { url: 'https://news.example/rss' });
    expect(added).toMatchObject({ tone: 'success' });
    expect(text(added)).toMatch(/^Added https:\/\/news\.example\/rss\./);
    const list = await run('feeds list', {});
    expect(list.kind).toBe('cards');
    expect(text(list)).toContain('https://news.example/rss: not polled yet');
    const removed = await run('feeds remove', { url: 'https://news.example/rss' });
    expect(text(removed)).toMatch(/^Removed https:\/\/news\.example\/rss\./);
    expect(text(await run('feeds remove', { url: 'https://news.example/rss' }))).toMatch(
      /is not in the feed list/,
    );
    expect(text(await run('feeds list', {}))).toMatch(/^No feeds yet/);
  });

  it('refuses what is not an http(s) URL', async () => {
    const r = await run('feeds add', { url: 'file:///etc/passwd' });
    expect(r).toMatchObject({ tone: 'error' });
    expect(text(r)).toMatch(/expected an http\(s\) URL/);
  });

  it('shows why a feed was disabled', async () => {
    const url = 'https://broken.example/feed';
    await feeds.add(url, { now: new Date() });
    await feeds.recordFailure(url, {
      now: new Date(),
      reason: 'HTTP 500 Internal Server Error',
      maxFailures: 1,
      backoffMs: () => 1000,
    });
    const list = await run('feeds list', {});
    expect(text(list)).toContain(
      `${url}: disabled after 1 failed poll in a row; last: HTTP 500 Internal Server Error`,
    );
    expect(text(list)).toMatch(/^1 feed, 1 disabled/);
  });
});

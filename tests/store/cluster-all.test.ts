/**
 * Every feature's store on a real 3-node Redis Cluster (LocalRedisCluster), through the client
 * the bot builds from REDIS_CLUSTER_NODES: ingest, search, autocomplete, recent, earlier
 * coverage, storiesBetween, digests (schedule, claim, outcome), feeds, the rate limiter, the
 * Slack installation store and a command through runCommand. Any command naming keys of two
 * slots would fail with CROSSSLOT.
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsCommand } from '../../commands/news.js';
import { summaryCommand } from '../../commands/summary.js';
import { parseConfig } from '../../src/config.js';
import { runCommand } from '../../src/dispatch.js';
import { ingestAll } from '../../src/ingest/pipeline.js';
import type { SourceItem } from '../../src/ingest/sources.js';
import { createServices, type Services } from '../../src/services.js';
import { Keys } from '../../src/store/keys.js';
import { closeRedis, createRedis, waitReady, type RedisClient } from '../../src/store/redis.js';
import { RedisInstallationStore } from '../../src/store/slack-installations.js';
import { LocalRedisCluster } from '../support/redis-cluster.js';
import { uniquePrefix } from '../support/redis.js';

const DATA = new URL('../../../shared/data/bbc-news-summary/dev.jsonl', import.meta.url);
const ITEMS = 24;

let cluster: LocalRedisCluster;
let redis: RedisClient;
let services: Services;
let prefix: string;

async function* items(): AsyncGenerator<SourceItem> {
  const lines = readFileSync(DATA, 'utf8').split('\n').slice(0, ITEMS);
  for (const [i, line] of lines.entries()) {
    const r = JSON.parse(line) as { id: string; title: string; article: string };
    const day = String(1 + (i % 9)).padStart(2, '0');
    yield {
      location: `dev.jsonl:${i + 1}`,
      draft: {
        title: r.title,
        text: r.article,
        url: `https://news.example.com/${r.id}`,
        source: 'BBC',
        publishedAt: `2026-03-${day}T09:00:00Z`,
      },
    };
  }
}

beforeAll(async () => {
  cluster = await LocalRedisCluster.start();
  prefix = uniquePrefix('cluster-all');
  const config = parseConfig({
    REDIS_CLUSTER_NODES: cluster.nodes,
    REDIS_PREFIX: prefix,
    RATE_LIMIT_PER_MINUTE: '3',
  });
  redis = createRedis(config);
  await waitReady(redis, 10_000);
  services = createServices(redis, config);
  const counts = await ingestAll(items(), { store: services.articles, now: new Date() });
  expect(counts.stored).toBe(ITEMS);
}, 60_000);

afterAll(async () => {
  if (redis) await closeRedis(redis);
  await cluster?.stop();
});

describe('on a 3-node Redis Cluster', () => {
  it('spreads the data over every node', async () => {
    const perNode = await Promise.all(
      (redis as import('ioredis').Cluster).nodes('master').map((n) => n.dbsize()),
    );
    expect(perNode).toHaveLength(3);
    for (const keys of perNode) expect(keys).toBeGreaterThan(0);
  });

  it('re-ingesting reports duplicates', async () => {
    const again = await ingestAll(items(), { store: services.articles, now: new Date() });
    expect(again.duplicate).toBe(ITEMS);
  });

  it('reads articles: recent, search, autocomplete, earlier coverage, by date', async () => {
    const store = services.articles;
    const recent = await store.recent({ limit: 5 });
    expect(recent.total).toBe(ITEMS);
    expect(recent.items).toHaveLength(5);

    const found = await store.search('profits', { limit: 5 });
    expect(found.total).toBeGreaterThan(0);
    const article = await store.get(found.items[0]!.id);
    expect(article?.article.title).toBe(found.items[0]!.title);

    const typed = found.items[0]!.title.split(' ')[0]!.slice(0, 3);
    expect((await store.autocomplete(typed)).length).toBeGreaterThan(0);

    const newest = recent.items[0]!;
    expect(Array.isArray(await store.earlierCoverage(newest.id))).toBe(true);

    const between = await store.storiesBetween(
      Date.parse('2026-03-02T00:00:00Z'),
      Date.parse('2026-03-03T00:00:00Z'),
      ITEMS,
    );
    expect(between.length).toBeGreaterThan(0);
    expect(between.every((s) => (s.publishedAt ?? '').startsWith('2026-03-02'))).toBe(true);
    expect((await store.stats()).articles).toBe(ITEMS);
  });

  it('keeps digest schedules, claims and outcomes', async () => {
    const digests = services.digests;
    await digests.setSchedule({
      platform: 'slack',
      channelId: 'C1',
      time: '08:00',
      zone: 'Europe/London',
      createdBy: 'U1',
      createdAt: '2026-03-01T00:00:00Z',
    });
    expect((await digests.schedules()).map((s) => s.channelId)).toEqual(['C1']);
    expect(await digests.claim('slack', 'C1', '2026-03-02', 'me', 60_000)).toBe('claimed');
    expect(await digests.claim('slack', 'C1', '2026-03-02', 'other', 60_000)).toBe('busy');
    expect(await digests.extendClaim('slack', 'C1', '2026-03-02', 'me', 60_000)).toBe(true);
    const outcome = {
      platform: 'slack' as const,
      channelId: 'C1',
      date: '2026-03-02',
      status: 'posted' as const,
      at: '2026-03-02T08:00:05Z',
      scheduledFor: '2026-03-02T08:00:00Z',
      attempts: 1,
      lateMinutes: 0,
      stories: 5,
    };
    expect(await digests.finish(outcome, 'me')).toBe(true);
    expect(await digests.outcome('slack', 'C1', '2026-03-02')).toMatchObject({ status: 'posted' });
    expect(await digests.claim('slack', 'C1', '2026-03-02', 'other', 60_000)).toBe('done');
    expect(await digests.lastOutcome('slack', 'C1')).toMatchObject({ stories: 5 });
    expect(await digests.removeSchedule('slack', 'C1')).toBe(true);
  });

  it('keeps feeds, their seen items, host claims and the poller lock', async () => {
    const feeds = services.feeds;
    const url = 'https://feeds.example.com/world.xml';
    const now = new Date('2026-03-02T10:00:00Z');
    expect((await feeds.add(url, { now, by: 'test' })).added).toBe(true);
    await feeds.markSeen(url, 'g1', 'f1');
    await feeds.markSeen(url, 'g2', 'f2');
    expect(await feeds.seenFingerprints(url, ['g1', 'g2', 'g3'])).toEqual(
      new Map([
        ['g1', 'f1'],
        ['g2', 'f2'],
      ]),
    );
    await feeds.pruneSeen(url, ['g2']);
    expect((await feeds.seenFingerprints(url, ['g1', 'g2'])).has('g1')).toBe(false);
    await feeds.recordSuccess(url, { now, etag: '"v1"', stored: 2 });
    const failed = await feeds.recordFailure(url, {
      now,
      reason: 'HTTP 500',
      maxFailures: 5,
      backoffMs: () => 60_000,
    });
    expect(failed?.failures).toBe(1);
    expect((await feeds.list()).map((f) => f.url)).toEqual([url]);
    expect(await feeds.claimHost('feeds.example.com', 60_000)).toBe(true);
    expect(await feeds.claimHost('feeds.example.com', 60_000)).toBe(false);
    expect(await feeds.acquirePollerLock('a', 60_000)).toBe(true);
    expect(await feeds.acquirePollerLock('b', 60_000)).toBe(false);
    expect(await feeds.renewPollerLock('a', 60_000)).toBe(true);
    await feeds.releasePollerLock('a');
    expect(await feeds.remove(url)).toBe(true);
  });

  it('rate-limits a user across commands', async () => {
    const limiter = services.rateLimit!;
    const now = Date.parse('2026-03-02T10:00:30Z');
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push((await limiter.hit('slack', 'U9', now)).allowed);
    expect(decisions).toEqual([true, true, true, false]);
  });

  it('answers commands through runCommand', async () => {
    const ctx = {
      services: { ...services, rateLimit: undefined },
      platform: 'discord' as const,
      user: { id: 'U1', name: 'reader', isModerator: false },
      channelId: 'C1',
      requestId: 'r1',
      now: new Date(),
      log: pino({ level: 'silent' }),
    };
    const news = await runCommand(newsCommand, { query: 'profits' }, ctx);
    expect(news.kind).toBe('cards');
    const id = (await services.articles.recent({ limit: 1 })).items[0]!.id;
    const summary = await runCommand(summaryCommand, { article: id }, ctx);
    expect(summary.kind).toBe('cards');
  });

  it('stores Slack installations', async () => {
    const installs = new RedisInstallationStore(redis, new Keys(prefix));
    await installs.storeInstallation({
      team: { id: 'T1', name: 'Team' },
      enterprise: undefined,
      user: { id: 'U1', token: undefined, scopes: undefined },
      bot: { id: 'B1', userId: 'UB1', token: 'xoxb-cluster', scopes: ['commands'] },
      tokenType: 'bot',
      isEnterpriseInstall: false,
      appId: 'A1',
    });
    const found = await installs.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(found.bot?.token).toBe('xoxb-cluster');
  });
});

import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dayBounds } from '../../src/jobs/digest-times.js';
import { runDue, type RunDueDeps } from '../../src/jobs/digest-runner.js';
import {
  NoPermissionError,
  PostFailedError,
  RateLimitedError,
  type ChannelPoster,
} from '../../src/jobs/poster.js';
import type { Reply } from '../../src/reply.js';
import { ArticleStore } from '../../src/store/articles.js';
import { DigestStore, type Platform, type Schedule } from '../../src/store/digests.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { polnearSample, storeArticles } from './digest-articles.js';

let t: TestRedis;
let articles: ArticleStore;
let digests: DigestStore;
let channel = 0;

interface Post {
  channelId: string;
  reply: Reply;
  key: string;
  at: number;
}

/** A poster recording what it posts; `fail(n)` decides whether attempt n throws. */
function fakePoster(platform: Platform, fail: (attempt: number) => Error | null = () => null) {
  const posts: Post[] = [];
  let attempts = 0;
  let clock = 0;
  const poster: ChannelPoster = {
    platform,
    async post(channelId, reply, key) {
      const error = fail(++attempts);
      if (error) throw error;
      posts.push({ channelId, reply, key, at: clock });
    },
  };
  return { poster, posts, setClock: (ms: number) => (clock = ms), attempts: () => attempts };
}

beforeAll(async () => {
  t = await testRedis('jobs-digest-runner');
  const keys = new Keys(t.prefix);
  articles = new ArticleStore(t.redis, keys);
  digests = new DigestStore(t.redis, keys, 120);
  // Two reports every 3 hours around each DST transition and the other test days.
  const days = ['2026-03-07', '2026-03-08', '2026-03-28', '2026-03-29', '2026-06-01'];
  days.push('2026-10-24', '2026-10-25', '2026-10-31', '2026-11-01');
  const times = days.flatMap((d) =>
    Array.from({ length: 8 }, (_, h) => new Date(`${d}T${String(h * 3).padStart(2, '0')}:20:00Z`)),
  );
  await storeArticles(articles, polnearSample('2016-06', times.length), (i) => times[i]!);
});
afterAll(async () => {
  await t.cleanup();
});

async function scheduled(
  platform: Platform,
  time: string,
  zone: string,
  createdAt = '2026-06-01T00:00:00.000Z',
): Promise<Schedule> {
  // Each test gets channels of its own; only its channels are scheduled while it runs.
  for (const s of await digests.schedules()) await digests.removeSchedule(s.platform, s.channelId);
  const s: Schedule = {
    platform,
    channelId: `C${++channel}`,
    time,
    zone,
    createdBy: 'U1',
    createdAt,
  };
  await digests.setSchedule(s);
  return s;
}

const sleeps: number[] = [];
beforeEach(() => {
  sleeps.length = 0;
});

function deps(posters: RunDueDeps['posters']): RunDueDeps {
  return {
    digests,
    articles,
    posters,
    log: pino({ level: 'silent' }),
    retry: { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 30_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

describe('runDue across daylight-saving changes', () => {
  for (const [zone, date] of [
    ['Europe/London', '2026-03-29'],
    ['Europe/London', '2026-10-25'],
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
  ] as const) {
    it(`posts 09:00 and 01:30 digests exactly once on ${date} in ${zone}, even with two replicas`, async () => {
      const nine = await scheduled('discord', '09:00', zone, '2026-01-01T00:00:00.000Z');
      const early: Schedule = { ...nine, channelId: `C${++channel}`, time: '01:30' };
      await digests.setSchedule(early);
      const fake = fakePoster('discord');
      const d = deps({ discord: fake.poster });
      const [from, to] = dayBounds(date, zone);
      // Every 5 minutes across the local day (23 or 25 hours), two replicas at once.
      for (let ms = from; ms < to; ms += 5 * 60_000) {
        fake.setClock(ms);
        await Promise.all([runDue(d, new Date(ms)), runDue(d, new Date(ms))]);
      }
      const nineRuns = fake.posts.filter((p) => p.channelId === nine.channelId);
      const earlyRuns = fake.posts.filter((p) => p.channelId === early.channelId);
      expect(nineRuns).toHaveLength(1);
      expect(earlyRuns).toHaveLength(1);
      expect((await digests.outcome('discord', nine.channelId, date))?.status).toBe('posted');
      expect((await digests.outcome('discord', early.channelId, date))?.lateMinutes).toBe(0);
      expect(nineRuns[0]!.reply.kind).toBe('cards');
    });
  }
});

describe('runDue when the bot was down', () => {
  it('posts late within the grace period', async () => {
    const s = await scheduled('slack', '09:00', 'Europe/London');
    const fake = fakePoster('slack');
    const results = await runDue(deps({ slack: fake.poster }), new Date('2026-06-01T09:30:00Z'));
    expect(results).toEqual([
      expect.objectContaining({ channelId: s.channelId, date: '2026-06-01', result: 'posted' }),
    ]);
    expect(fake.posts).toHaveLength(1);
    expect((await digests.lastOutcome('slack', s.channelId))?.lateMinutes).toBe(90);
  });

  it('skips, and records why, when it is later than the grace period', async () => {
    const s = await scheduled('slack', '09:00', 'Europe/London');
    const fake = fakePoster('slack');
    const results = await runDue(deps({ slack: fake.poster }), new Date('2026-06-01T10:01:00Z'));
    expect(results).toEqual([expect.objectContaining({ date: '2026-06-01', result: 'skipped' })]);
    expect(fake.posts).toHaveLength(0);
    const last = await digests.lastOutcome('slack', s.channelId);
    expect(last?.status).toBe('skipped');
    expect(last?.reason).toMatch(
      /not running at 09:00 Europe\/London or within the 120-minute grace/,
    );
    // A later tick does not post it after all.
    await runDue(deps({ slack: fake.poster }), new Date('2026-06-01T10:02:00Z'));
    expect(fake.posts).toHaveLength(0);
  });

  it('takes over a run whose claim holder died, once the claim expires', async () => {
    const s = await scheduled('discord', '09:00', 'UTC');
    await digests.claim('discord', s.channelId, '2026-06-01', 'crashed-replica', 100);
    const fake = fakePoster('discord');
    const now = new Date('2026-06-01T09:01:00Z');
    expect((await runDue(deps({ discord: fake.poster }), now))[0]?.result).toBe('busy');
    await new Promise((r) => setTimeout(r, 150));
    expect((await runDue(deps({ discord: fake.poster }), now))[0]?.result).toBe('posted');
    expect(fake.posts).toHaveLength(1);
  });
});

describe('runDue when posting fails', () => {
  it('waits out rate limits and retries with backoff', async () => {
    const s = await scheduled('slack', '09:00', 'UTC');
    const fake = fakePoster('slack', (n) => (n <= 2 ? new RateLimitedError(5_000) : null));
    const [result] = await runDue(deps({ slack: fake.poster }), new Date('2026-06-01T09:00:00Z'));
    expect(result).toMatchObject({ result: 'posted', attempts: 3 });
    expect(sleeps).toEqual([5_000, 5_000]);
    expect((await digests.lastOutcome('slack', s.channelId))?.attempts).toBe(3);
  });

  it('gives up after the last attempt, reports it, and does not retry at the next tick', async () => {
    const s = await scheduled('slack', '09:00', 'UTC');
    const fake = fakePoster('slack', () => new PostFailedError('Slack answered 503'));
    const d = deps({ slack: fake.poster });
    const [result] = await runDue(d, new Date('2026-06-01T09:00:00Z'));
    expect(result).toMatchObject({ result: 'failed', attempts: 4 });
    expect(sleeps).toEqual([2_000, 4_000, 8_000]);
    expect((await runDue(d, new Date('2026-06-01T09:01:00Z')))[0]?.result).toBe('done');
    expect(fake.attempts()).toBe(4);
    const last = await digests.lastOutcome('slack', s.channelId);
    expect(last).toMatchObject({ status: 'failed', reason: 'posting failed: Slack answered 503' });
  });

  it('does not retry a refusal: missing permission fails at once', async () => {
    const s = await scheduled('discord', '09:00', 'UTC');
    const fake = fakePoster('discord', () => new NoPermissionError(s.channelId));
    const [result] = await runDue(deps({ discord: fake.poster }), new Date('2026-06-01T09:00:00Z'));
    expect(result).toMatchObject({ result: 'failed', attempts: 1 });
    expect(sleeps).toEqual([]);
    expect((await digests.lastOutcome('discord', s.channelId))?.reason).toMatch(
      /not allowed to post/,
    );
  });
});

describe('runDue edge cases', () => {
  it('skips an empty day without posting', async () => {
    const s = await scheduled('slack', '09:00', 'UTC');
    const fake = fakePoster('slack');
    const [result] = await runDue(deps({ slack: fake.poster }), new Date('2026-08-15T09:00:00Z'));
    expect(result).toMatchObject({ result: 'skipped' });
    expect(fake.posts).toHaveLength(0);
    expect((await digests.lastOutcome('slack', s.channelId))?.reason).toMatch(/no stored articles/);
  });

  it('leaves runs of a platform it cannot post to for a replica that can', async () => {
    const s = await scheduled('discord', '09:00', 'UTC');
    const [result] = await runDue(deps({}), new Date('2026-06-01T09:00:00Z'));
    expect(result).toMatchObject({ result: 'no-poster' });
    expect(await digests.outcome('discord', s.channelId, '2026-06-01')).toBeNull();
  });

  it('does nothing before the scheduled minute', async () => {
    await scheduled('slack', '09:00', 'UTC');
    const fake = fakePoster('slack');
    const results = await runDue(deps({ slack: fake.poster }), new Date('2026-06-01T08:59:00Z'));
    expect(results).toEqual([]);
  });
});

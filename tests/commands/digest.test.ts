import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.js';
import type { CommandContext } from '../../src/command.js';
import { runCommand } from '../../src/dispatch.js';
import type { Reply } from '../../src/reply.js';
import type { Services } from '../../src/services.js';
import { ArticleStore } from '../../src/store/articles.js';
import { DigestStore } from '../../src/store/digests.js';
import { Keys } from '../../src/store/keys.js';
import { polnearSample, storeArticles } from '../jobs/digest-articles.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let services: Services;

beforeAll(async () => {
  t = await testRedis('cmd-digest');
  const keys = new Keys(t.prefix);
  services = {
    articles: new ArticleStore(t.redis, keys),
    digests: new DigestStore(t.redis, keys, 120),
  } as Services;
  // 16 reports on 2026-03-07 and 2026-03-08 (UTC), every three hours.
  const times = Array.from({ length: 16 }, (_, i) => new Date(Date.UTC(2026, 2, 7, i * 3, 15)));
  await storeArticles(services.articles, polnearSample('2016-07', 16), (i) => times[i]!);
});
afterAll(async () => {
  await t.cleanup();
});

function ctx(isModerator: boolean, now = '2026-03-08T12:00:00Z', channelId = 'C1'): CommandContext {
  return {
    services,
    platform: 'slack',
    user: { id: 'U1', isModerator },
    channelId,
    workspaceId: 'T1',
    requestId: 'r1',
    now: new Date(now),
    log: pino({ level: 'silent' }),
  };
}

const run = (name: string, raw: Record<string, unknown>, c = ctx(true)): Promise<Reply> =>
  runCommand(findCommand(name)!, raw, c);
const text = (r: Reply) => r.text;

describe('/digest preview and post', () => {
  it('previews a day for the caller only, with stories and their coverage', async () => {
    const reply = await run('digest preview', { date: '2026-03-08' }, ctx(false));
    expect(reply.kind).toBe('cards');
    expect(reply.visibility).toBe('ephemeral');
    if (reply.kind !== 'cards') return;
    expect(reply.cards[0]!.title).toBe('News digest: Sun 8 Mar 2026 (UTC)');
    expect(reply.cards[0]!.meta).toMatch(/^\d+ top stor(y|ies) from 8 reports/);
    expect(reply.cards.length).toBeGreaterThan(1);
    expect(reply.cards[1]!.meta).toMatch(/\d+ reports? · \d+ sources?/);
  });

  it('previews the last 24 hours by default', async () => {
    const reply = await run('digest preview', {}, ctx(false, '2026-03-08T06:00:00Z'));
    expect(text(reply)).toMatch(/the 24 hours to 06:00 Sun 8 Mar 2026 \(UTC\)/);
    expect(text(reply)).toMatch(/from 8 reports/);
  });

  it('says so for an empty day', async () => {
    const reply = await run('digest preview', { date: '2026-01-01' }, ctx(false));
    expect(reply).toMatchObject({ kind: 'notice', tone: 'info' });
    expect(text(reply)).toMatch(/No news digest for Thu 1 Jan 2026 \(UTC\): no stored articles/);
  });

  it('rejects a date that is not one', async () => {
    const reply = await run('digest preview', { date: '2026-02-30' }, ctx(false));
    expect(reply).toMatchObject({ kind: 'notice', tone: 'error' });
    expect(text(reply)).toMatch(/"2026-02-30" is not a calendar date/);
  });

  it('posts publicly for moderators only', async () => {
    const refused = await run('digest post', { date: '2026-03-08' }, ctx(false));
    expect(refused).toMatchObject({ kind: 'notice', tone: 'error' });
    expect(text(refused)).toMatch(/Only moderators/);
    const posted = await run('digest post', { date: '2026-03-08' }, ctx(true));
    expect(posted).toMatchObject({ kind: 'cards', visibility: 'public' });
    // The handler checks again even when called without the dispatcher's check.
    const direct = findCommand('digest post')!;
    await expect(direct.handle({ date: undefined }, ctx(false))).rejects.toThrow(/Only moderators/);
  });
});

describe('/digest schedule, status, unschedule', () => {
  it('explains invalid times and unknown zones', async () => {
    const badTime = await run('digest schedule', { time: '25:99', timezone: 'Europe/London' });
    expect(text(badTime)).toMatch(/"25:99" is not a time of day: use 24-hour HH:MM/);
    const badZone = await run('digest schedule', { time: '09:00', timezone: 'Mars/Base' });
    expect(text(badZone)).toMatch(/"Mars\/Base" is not a time zone I know/);
    expect(await services.digests.getSchedule('slack', 'C1')).toBeNull();
  });

  it('is for moderators', async () => {
    const reply = await run('digest schedule', { time: '09:00', timezone: 'UTC' }, ctx(false));
    expect(text(reply)).toMatch(/Only moderators/);
  });

  it('schedules this channel and shows the next run in local time with the zone', async () => {
    const c = ctx(true, '2026-03-28T12:00:00Z', 'C2');
    const reply = await run('digest schedule', { time: '9:00', timezone: 'europe/london' }, c);
    expect(reply).toMatchObject({ kind: 'notice', tone: 'success' });
    expect(text(reply)).toMatch(/every day at 09:00 Europe\/London/);
    // The next day is the spring-forward day: 09:00 is then BST.
    expect(text(reply)).toMatch(/First one: Sun 29 Mar 2026 09:00 GMT\+1 \(Europe\/London\)/);
    const status = await run('digest status', {}, c);
    expect(text(status)).toMatch(/Scheduled every day at 09:00 Europe\/London/);
    expect(text(status)).toMatch(/Next run: Sun 29 Mar 2026 09:00 GMT\+1 \(Europe\/London\)/);
    expect(text(status)).toMatch(/Last run: none yet/);
  });

  it('reports the last run, including a skip because the bot was down', async () => {
    const digests = services.digests;
    await digests.claim('slack', 'C2', '2026-03-29', 'h', 10_000);
    await digests.finish(
      {
        platform: 'slack',
        channelId: 'C2',
        date: '2026-03-29',
        status: 'skipped',
        at: '2026-03-29T11:30:00.000Z',
        scheduledFor: '2026-03-29T09:00:00.000+01:00',
        attempts: 0,
        lateMinutes: 150,
        reason:
          'the bot was not running at 09:00 Europe/London or within the 120-minute grace period after it',
      },
      'h',
    );
    const status = await run('digest status', {}, ctx(false, '2026-03-29T12:00:00Z', 'C2'));
    expect(text(status)).toMatch(
      /Last run: Sun 29 Mar 2026 09:00 \(Europe\/London\): skipped: the bot was not running at 09:00/,
    );
    expect(text(status)).toMatch(/Next run: Mon 30 Mar 2026 09:00 GMT\+1/);
  });

  it('unschedules', async () => {
    const c = ctx(true, '2026-03-29T12:00:00Z', 'C2');
    expect(text(await run('digest unschedule', {}, c))).toMatch(/stopped/);
    expect(text(await run('digest unschedule', {}, c))).toMatch(/No digest is scheduled/);
    expect(text(await run('digest status', {}, c))).toMatch(
      /No digest is scheduled in this channel/,
    );
  });
});

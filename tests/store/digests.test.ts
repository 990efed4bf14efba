import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestStore, type RunOutcome, type Schedule } from '../../src/store/digests.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let store: DigestStore;

beforeAll(async () => {
  t = await testRedis('store-digests');
  store = new DigestStore(t.redis, new Keys(t.prefix), 90);
});
afterAll(async () => {
  await t.cleanup();
});

const schedule = (channelId: string, time = '09:00'): Schedule => ({
  platform: 'slack',
  channelId,
  time,
  zone: 'Europe/London',
  createdBy: 'U1',
  createdAt: '2026-01-01T00:00:00.000Z',
});

const outcome = (channelId: string, date: string, status: RunOutcome['status']): RunOutcome => ({
  platform: 'slack',
  channelId,
  date,
  status,
  at: `${date}T09:00:05.000Z`,
  scheduledFor: `${date}T09:00:00.000+00:00`,
  attempts: 1,
  lateMinutes: 0,
});

describe('DigestStore schedules', () => {
  it('stores, replaces, lists and removes one schedule per channel', async () => {
    await store.setSchedule(schedule('C1'));
    await store.setSchedule(schedule('C2'));
    await store.setSchedule(schedule('C1', '18:30'));
    expect((await store.getSchedule('slack', 'C1'))?.time).toBe('18:30');
    expect(await store.getSchedule('discord', 'C1')).toBeNull();
    expect((await store.schedules()).map((s) => s.channelId)).toEqual(['C1', 'C2']);
    expect(await store.removeSchedule('slack', 'C2')).toBe(true);
    expect(await store.removeSchedule('slack', 'C2')).toBe(false);
    expect((await store.schedules()).map((s) => s.channelId)).toEqual(['C1']);
    expect(store.graceMinutes).toBe(90);
  });

  it('keeps every key under the prefix', async () => {
    await store.claim('slack', 'C9', '2026-01-02', 'h', 1000);
    const keys = await t.redis.keys(`${t.prefix}*c9*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.startsWith(`${t.prefix}:`)).toBe(true);
  });
});

describe('DigestStore claims', () => {
  it('lets exactly one of many concurrent claimers win', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.claim('slack', 'C3', '2026-02-01', `h${i}`, 10_000),
      ),
    );
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(19);
  });

  it('records the outcome only for the holder, then reports the run as done', async () => {
    await store.claim('slack', 'C4', '2026-02-01', 'me', 10_000);
    expect(await store.finish(outcome('C4', '2026-02-01', 'posted'), 'someone-else')).toBe(false);
    expect(await store.finish(outcome('C4', '2026-02-01', 'posted'), 'me')).toBe(true);
    expect(await store.claim('slack', 'C4', '2026-02-01', 'other', 10_000)).toBe('done');
    expect((await store.outcome('slack', 'C4', '2026-02-01'))?.status).toBe('posted');
    expect((await store.lastOutcome('slack', 'C4'))?.status).toBe('posted');
    // The next local date is a separate run.
    expect(await store.claim('slack', 'C4', '2026-02-02', 'other', 10_000)).toBe('claimed');
  });

  it('lets another replica take over a claim whose holder died', async () => {
    expect(await store.claim('slack', 'C5', '2026-02-01', 'dead', 50)).toBe('claimed');
    expect(await store.claim('slack', 'C5', '2026-02-01', 'alive', 10_000)).toBe('busy');
    await new Promise((r) => setTimeout(r, 120));
    expect(await store.claim('slack', 'C5', '2026-02-01', 'alive', 10_000)).toBe('claimed');
    // The dead holder can neither extend nor finish any more.
    expect(await store.extendClaim('slack', 'C5', '2026-02-01', 'dead', 10_000)).toBe(false);
    expect(await store.finish(outcome('C5', '2026-02-01', 'posted'), 'dead')).toBe(false);
    expect(await store.extendClaim('slack', 'C5', '2026-02-01', 'alive', 10_000)).toBe(true);
    expect(await store.finish(outcome('C5', '2026-02-01', 'failed'), 'alive')).toBe(true);
  });
});

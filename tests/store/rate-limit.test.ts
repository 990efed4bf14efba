import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keys } from '../../src/store/keys.js';
import { RateLimiter } from '../../src/store/rate-limit.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
beforeAll(async () => {
  t = await testRedis('rate-limit');
});
afterAll(() => t.cleanup());

const minute = 60_000;
const start = Math.floor(Date.now() / minute) * minute;

describe('RateLimiter', () => {
  it('allows the configured number of commands a minute, then refuses with a wait time', async () => {
    const limiter = new RateLimiter(t.redis, new Keys(t.prefix), 3);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.hit('slack', 'U1', start + 1000));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]!.retryAfterMs).toBe(minute - 1000);
  });

  it('counts each user separately and is shared by every replica using the same Redis', async () => {
    const keys = new Keys(t.prefix);
    const replicaA = new RateLimiter(t.redis, keys, 2);
    const replicaB = new RateLimiter(t.redis, keys, 2);
    expect((await replicaA.hit('discord', 'alice', start)).allowed).toBe(true);
    expect((await replicaB.hit('discord', 'alice', start)).allowed).toBe(true);
    expect((await replicaA.hit('discord', 'alice', start)).allowed).toBe(false);
    expect((await replicaB.hit('discord', 'bob', start)).allowed).toBe(true);
  });

  it('lets a user in again once the last minute has room', async () => {
    const limiter = new RateLimiter(t.redis, new Keys(t.prefix), 2);
    await limiter.hit('slack', 'carol', start + 100);
    await limiter.hit('slack', 'carol', start + 200);
    expect((await limiter.hit('slack', 'carol', start + 300)).allowed).toBe(false);
    // Near the end of the next window, little of the previous one still counts.
    expect((await limiter.hit('slack', 'carol', start + 2 * minute - 100)).allowed).toBe(true);
  });

  it('is off when the limit is 0', async () => {
    const limiter = new RateLimiter(t.redis, new Keys(t.prefix), 0);
    for (let i = 0; i < 20; i++) expect((await limiter.hit('slack', 'dan')).allowed).toBe(true);
  });
});

/**
 * The per-user command limit through the Slack HTTP path: the 11th command in a minute gets the
 * friendly reply, and the count is kept in Redis, so it holds across two app instances.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHARED_REDIS_URL, uniquePrefix } from '../support/redis.js';
import { SlackStandIn } from '../support/slack-standin.js';
import { dropPrefix, startSlackBot, type SlackBot } from './slack-bot.js';

const prefix = uniquePrefix('resilience-rate');
let standIn: SlackStandIn;
let replicas: SlackBot[] = [];

beforeAll(async () => {
  standIn = await SlackStandIn.start();
  for (let i = 0; i < 2; i++) {
    replicas.push(
      await startSlackBot({ standIn, redisUrl: SHARED_REDIS_URL, prefix, rateLimit: 10 }),
    );
  }
}, 30_000);

afterAll(async () => {
  for (const r of replicas) await r.stop();
  replicas = [];
  await standIn?.close();
  await dropPrefix(SHARED_REDIS_URL, prefix);
});

const limited = (text: string) => /faster than I can keep up/.test(text);

it('answers the 11th command in a minute with a friendly wait, across two replicas', async () => {
  const user = `ULIMIT${Date.now()}`;
  const answers = [];
  for (let i = 0; i < 10; i++) answers.push(await replicas[i % 2]!.slash('/news', '', user));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  expect(answers.filter((a) => limited(a.text))).toHaveLength(0);

  for (const replica of replicas) {
    const eleventh = await replica.slash('/news', '', user);
    expect(eleventh.status).toBe(200);
    expect(eleventh.json).toMatchObject({ response_type: 'ephemeral' });
    expect(eleventh.text).toMatch(/Please wait \d+ s and try again/);
  }

  // Another user is not affected.
  const other = await replicas[0]!.slash('/news', '', `${user}B`);
  expect(limited(other.text)).toBe(false);
}, 30_000);

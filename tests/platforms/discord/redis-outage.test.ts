/**
 * Redis stops while the bot runs: commands still get a polite "try again" within Discord's 3 s,
 * the process stays up, /readyz says why it is not ready, and everything recovers when Redis
 * returns. Uses a private redis-server that the test stops and restarts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRY_AGAIN_TEXT } from '../../../src/dispatch.js';
import { PrivateRedis } from '../../support/redis.js';
import { callbackOf, SEED_TEXT, SEED_URL, startHarness, type Harness } from './harness.js';

const DISCORD_DEADLINE_MS = 3_000;
let redis: PrivateRedis;
let h: Harness;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  h = await startHarness({ name: 'discord-outage', redisUrl: redis.url });
}, 30_000);

afterAll(async () => {
  await h?.close();
  await redis?.stop();
});

const seed = () => h.seed({ text: SEED_TEXT, title: 'Khamenei meets Iraqi PM', url: SEED_URL });

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('answers "try again" within 3 s while Redis is down and recovers when it returns', async () => {
  const id = await seed();
  const before = h.standIn.slashCommand('summary', [{ name: 'article', type: 3, value: id }]);
  expect((await callbackOf(h.standIn, before.token)).data.embeds[0]!.title).toBe(
    'Khamenei meets Iraqi PM',
  );

  await redis.stop();
  for (const name of ['summary', 'quotes', 'context']) {
    const down = h.standIn.slashCommand(name, [{ name: 'article', type: 3, value: id }]);
    const { type, data } = await callbackOf(h.standIn, down.token, DISCORD_DEADLINE_MS);
    expect(type).toBe(4);
    expect(data).toMatchObject({ content: `⚠️ ${TRY_AGAIN_TEXT}`, flags: 64 });
  }
  const news = h.standIn.slashCommand('news');
  expect((await callbackOf(h.standIn, news.token, DISCORD_DEADLINE_MS)).data.content).toContain(
    TRY_AGAIN_TEXT,
  );
  const ac = h.standIn.autocomplete('summary', [
    { name: 'article', type: 3, value: 'kham', focused: true },
  ]);
  expect((await callbackOf(h.standIn, ac.token, DISCORD_DEADLINE_MS)).data).toEqual({
    choices: [],
  });

  const ready = await fetch(`http://127.0.0.1:${h.app.httpPort}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.text()).toMatch(/^not ready\nredis: /);

  await redis.start();
  const base = `http://127.0.0.1:${h.app.httpPort}`;
  await until(async () => (await fetch(`${base}/readyz`)).status === 200, 15_000);
  await until(async () => h.store.redis.status === 'ready', 15_000);
  const again = await seed(); // the private server keeps nothing across restarts
  const after = h.standIn.slashCommand('summary', [{ name: 'article', type: 3, value: again }]);
  expect((await callbackOf(h.standIn, after.token)).data.embeds[0]!.title).toBe(
    'Khamenei meets Iraqi PM',
  );
}, 40_000);

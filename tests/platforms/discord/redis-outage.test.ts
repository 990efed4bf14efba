/**
 * Redis stops while the bot runs: commands still get a polite "try again" within Discord's 3 s,
 * the process stays up, /readyz says why it is not ready, and everything recovers when Redis
 * returns. Uses a private redis-server that the test stops and restarts, or freezes (SIGSTOP:
 * connected but silent, so only the command deadline REDIS_TIMEOUT_MS helps).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRY_AGAIN_TEXT } from '../../../src/dispatch.js';
import { PrivateRedis } from '../../support/redis.js';
import { callbackOf, SEED_TEXT, SEED_URL, startHarness, type Harness } from './harness.js';

const DISCORD_DEADLINE_MS = 3_000;
let redis: PrivateRedis;
let h: Harness;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  // The default deadline (1 s a command): a two-read command then needs the defer-and-edit path.
  h = await startHarness({ name: 'discord-outage', redisUrl: redis.url, redisTimeoutMs: 1_000 });
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

it('a frozen Redis (no answers at all) still gets "try again" within 3 s, and recovers', async () => {
  const id = await seed();
  const pid = Number(
    /process_id:(\d+)/.exec(
      execFileSync('redis-cli', ['-p', String(redis.port), 'info', 'server'], { encoding: 'utf8' }),
    )![1],
  );
  process.kill(pid, 'SIGSTOP');
  try {
    const sent = performance.now();
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: 'Khamenei Iraqi PM' },
    ]);
    const answer = await h.standIn.waitForRequest(
      (r) => r.path.includes(`/${token}`) && JSON.stringify(r.body ?? '').includes(TRY_AGAIN_TEXT),
      DISCORD_DEADLINE_MS,
    );
    expect(answer.at - sent).toBeLessThan(DISCORD_DEADLINE_MS);
    const first = h.standIn.requestsFor(token)[0]!;
    // Either answered directly, or acknowledged in time and then edited.
    expect([4, 5]).toContain((first.body as { type: number }).type);
    expect(first.at - sent).toBeLessThan(DISCORD_DEADLINE_MS);
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  const after = h.standIn.slashCommand('quotes', [{ name: 'article', type: 3, value: id }]);
  expect((await callbackOf(h.standIn, after.token)).data.embeds[0]!.title).toBe(
    'Khamenei meets Iraqi PM',
  );
}, 30_000);

/**
 * Redis killed and restarted during a steady load of Slack slash commands (real HTTP receiver,
 * signed requests): every request is answered (an apology while Redis is gone), the process
 * keeps running, /readyz says not ready while Redis is away, and full service (article cards)
 * returns within 5 s of Redis coming back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRY_AGAIN_TEXT } from '../../src/dispatch.js';
import { PrivateRedis, uniquePrefix } from '../support/redis.js';
import { SlackStandIn } from '../support/slack-standin.js';
import { seedArticle, startSlackBot, type SlackBot } from './slack-bot.js';
import { SEED_PATH } from '../support/data.js';

const SEED = readFileSync(SEED_PATH, 'utf8');
const RECOVERY_MS = 5_000;
const prefix = uniquePrefix('resilience-restart');
let redis: PrivateRedis;
let standIn: SlackStandIn;
let bot: SlackBot;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  standIn = await SlackStandIn.start();
  bot = await startSlackBot({ standIn, redisUrl: redis.url, prefix });
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
  await redis?.stop();
});

type Kind = 'card' | 'apology' | 'other';
interface Answer {
  at: number;
  status: number;
  kind: Kind;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends /summary ID every `everyMs` until stopped; records every answer. */
function load(id: () => string, everyMs: number) {
  const answers: Answer[] = [];
  const pending: Array<Promise<void>> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      pending.push(
        bot.slash('/summary', id()).then(
          (res) => {
            const kind: Kind = /"type":"header"/.test(res.text)
              ? 'card'
              : res.text.includes(TRY_AGAIN_TEXT)
                ? 'apology'
                : 'other';
            answers.push({ at, status: res.status, kind });
          },
          () => {
            answers.push({ at, status: 0, kind: 'other' });
          },
        ),
      );
      await sleep(everyMs);
    }
  })();
  return {
    answers,
    sent: () => pending.length,
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
    },
  };
}

it('answers every request while Redis restarts and recovers within 5 s', async () => {
  let id = await seedArticle(redis.url, prefix, SEED);
  const traffic = load(() => id, 50);
  await sleep(1_000);
  expect(await bot.readyz()).toBe(200);

  await redis.stop();
  const downAt = Date.now();
  await sleep(500);
  expect(await bot.readyz()).toBe(503);
  await sleep(1_500);

  await redis.start();
  const upAt = Date.now();
  // The restarted server is empty (no persistence): put the article back, as a re-ingest would.
  id = await seedArticle(redis.url, prefix, SEED);
  let readyAt = 0;
  while (Date.now() - upAt < RECOVERY_MS + 2_000) {
    if (!readyAt && (await bot.readyz()) === 200) readyAt = Date.now();
    const lastCard = traffic.answers.findLast((a) => a.kind === 'card' && a.at > upAt);
    if (readyAt && lastCard) break;
    await sleep(100);
  }
  await sleep(500);
  await traffic.stop();

  const { answers } = traffic;
  expect(answers).toHaveLength(traffic.sent());
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  const during = answers.filter((a) => a.at > downAt + 200 && a.at < upAt);
  expect(during.length).toBeGreaterThan(10);
  expect(during.every((a) => a.kind === 'apology')).toBe(true);
  // Requests still in flight at the kill may be apologies too.
  const before = answers.filter((a) => a.at < downAt - 500);
  expect(before.length).toBeGreaterThan(5);
  expect(before.every((a) => a.kind === 'card')).toBe(true);

  expect(readyAt).toBeGreaterThan(0);
  expect(readyAt - upAt).toBeLessThan(RECOVERY_MS);
  const firstCard = answers.find((a) => a.kind === 'card' && a.at > upAt);
  expect(firstCard).toBeDefined();
  expect(firstCard!.at - upAt).toBeLessThan(RECOVERY_MS);
  // Once back, it stays back: everything sent a second after the first card is a card.
  const settled = answers.filter((a) => a.at > firstCard!.at + 1_000);
  expect(settled.every((a) => a.kind === 'card')).toBe(true);
}, 60_000);

/**
 * The bot as `npm start` runs it (src/main.ts in its own process): configured from the
 * environment, it logs in to the stand-in, answers all four commands, and exits 0 on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeArticle } from '../../support/articles.js';
import { ArticleStore } from '../../../src/store/articles.js';
import { Keys } from '../../../src/store/keys.js';
import { APPLICATION_ID, DiscordStandIn } from '../../support/discord-standin.js';
import { freePort, testRedis, type TestRedis } from '../../support/redis.js';
import { callbackOf, SEED_TEXT, SEED_URL } from './harness.js';

let standIn: DiscordStandIn;
let redis: TestRedis;
let bot: ChildProcess;
let id: string;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  redis = await testRedis('discord-process');
  const store = new ArticleStore(redis.redis, new Keys(redis.prefix));
  id = await storeArticle(store, { text: SEED_TEXT, url: SEED_URL }, new Date());
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      DISCORD_TOKEN: 'stand-in-token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
      HTTP_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const deadline = Date.now() + 20_000;
  while (standIn.sessions === 0) {
    if (Date.now() > deadline || bot.exitCode !== null) throw new Error('the bot did not connect');
    await new Promise((r) => setTimeout(r, 100));
  }
}, 30_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  await standIn?.close();
  await redis?.cleanup();
});

it('answers /summary, /quotes, /context and /news, then exits 0 on SIGTERM', async () => {
  for (const name of ['summary', 'quotes', 'context']) {
    const { token } = standIn.slashCommand(name, [{ name: 'article', type: 3, value: id }]);
    const { type, data } = await callbackOf(standIn, token, 3_000);
    expect(type).toBe(4);
    expect(data.embeds[0]!.url).toBe(SEED_URL);
  }
  const news = standIn.slashCommand('news');
  expect((await callbackOf(standIn, news.token, 3_000)).data.embeds[0]!.title).toBe(
    'Latest stories',
  );

  const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
  bot.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 30_000);

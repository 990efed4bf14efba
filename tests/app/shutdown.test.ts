/**
 * Graceful shutdown of the real bot process (src/main.ts) against the Discord stand-in: a
 * command in flight when SIGTERM arrives is still answered, a command arriving during shutdown
 * is turned away politely, and the process exits 0 within 10 s. The same run checks the logs:
 * JSON lines with the interaction's request id, and no token or secret anywhere at debug level.
 *
 * The command is made slow by a private Redis kept busy by a Lua script for a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeArticle } from '../support/articles.js';
import { RESTARTING_TEXT } from '../../src/shutdown.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { APPLICATION_ID, DiscordStandIn } from '../support/discord-standin.js';
import { freePort, PrivateRedis } from '../support/redis.js';
import { callbackOf, SEED_TEXT, SEED_URL } from '../platforms/discord/harness.js';

const SECRETS = {
  DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMg.secret-discord-token-value',
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'secret-slack-client-secret-value',
  SLACK_STATE_SECRET: 'secret-slack-state-secret-value',
  SLACK_SIGNING_SECRET: 'secret-slack-signing-secret-value',
};

/** Keeps Redis busy (every other client waits) for ARGV[1] milliseconds. */
const BUSY_SCRIPT = `
local t0 = redis.call('TIME')
local start = t0[1] * 1000000 + t0[2]
while true do
  local t = redis.call('TIME')
  if (t[1] * 1000000 + t[2]) - start > tonumber(ARGV[1]) * 1000 then break end
end
return 1`;

let standIn: DiscordStandIn;
let redis: PrivateRedis;
let admin: Redis;
let bot: ChildProcess;
let stderr = '';
let id: string;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  redis = await PrivateRedis.start();
  admin = new Redis(redis.url);
  admin.on('error', () => {});
  const prefix = 't:shutdown';
  id = await storeArticle(
    new ArticleStore(admin, new Keys(prefix)),
    { text: SEED_TEXT, url: SEED_URL },
    new Date(),
  );
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      ...SECRETS,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      REDIS_TIMEOUT_MS: '8000',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
      HTTP_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  bot.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const deadline = Date.now() + 20_000;
  while (standIn.sessions === 0) {
    if (Date.now() > deadline || bot.exitCode !== null)
      throw new Error(`the bot did not connect:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 30_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  admin?.disconnect();
  await redis?.stop();
  await standIn?.close();
});

it('finishes the command in flight, turns new ones away, and exits 0 within 10 s', async () => {
  const busy = admin.eval(BUSY_SCRIPT, 0, '3500');
  const slow = standIn.slashCommand('summary', [{ name: 'article', type: 3, value: id }]);
  // The bot defers a command that has not answered after 1.5 s: it is now in flight.
  expect((await callbackOf(standIn, slow.token, 5_000)).type).toBe(5);

  const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
  const signalled = Date.now();
  bot.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  const late = standIn.slashCommand('summary', [{ name: 'article', type: 3, value: id }]);
  const turnedAway = await callbackOf(standIn, late.token, 3_000);
  expect(turnedAway.type).toBe(4);
  expect(turnedAway.data.content).toBe(RESTARTING_TEXT);

  await busy;
  const answer = await standIn.waitForRequest(
    (r) => r.path.includes(`/${slow.token}/messages/@original`) && r.method === 'PATCH',
    8_000,
  );
  const embeds = (answer.body as { embeds?: Array<{ url?: string }> }).embeds ?? [];
  expect(embeds[0]?.url).toBe(SEED_URL);

  expect(await exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(10_000);
}, 30_000);

it('logs JSON lines with request ids and never a token or secret', () => {
  const lines = stderr
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const answered = lines.filter((l) => l.msg === 'command answered');
  expect(answered.length).toBeGreaterThan(0);
  for (const l of answered) expect(l.requestId).toMatch(/^\d+$/);
  for (const name of [
    'DISCORD_TOKEN',
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
    'SLACK_SIGNING_SECRET',
  ] as const)
    expect(stderr).not.toContain(SECRETS[name]);
  expect(stderr).not.toContain('secret-');
});

/**
 * Hostile requests to the Slack endpoint are refused cleanly: forged and replayed signatures,
 * an oversized body, an unknown command and option values of the wrong type; the bot keeps
 * answering afterwards.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHARED_REDIS_URL, uniquePrefix } from '../support/redis.js';
import {
  sendSigned,
  slackSignature,
  slashCommandBody,
  SlackStandIn,
} from '../support/slack-standin.js';
import { dropPrefix, SECRET, startSlackBot, type SlackBot } from './slack-bot.js';

const prefix = uniquePrefix('resilience-hostile');
let standIn: SlackStandIn;
let bot: SlackBot;

beforeAll(async () => {
  standIn = await SlackStandIn.start();
  bot = await startSlackBot({ standIn, redisUrl: SHARED_REDIS_URL, prefix });
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
  await dropPrefix(SHARED_REDIS_URL, prefix);
});

const body = (command = '/news', text = '') =>
  slashCommandBody(command, text, standIn.responseUrl());

it('refuses a body signed with the wrong secret, without running the command', async () => {
  const res = await sendSigned(bot.url, 'not-the-secret', body());
  expect(res.status).toBe(401);
  expect(res.text).not.toMatch(/news/i);
});

it('refuses a tampered body and a missing signature', async () => {
  const ts = Math.floor(Date.now() / 1000);
  const signature = slackSignature(SECRET, ts, body('/news', 'iran'));
  const tampered = await sendSigned(bot.url, SECRET, body('/news', 'iraq'), {
    timestamp: ts,
    signature,
  });
  expect(tampered.status).toBe(401);
  const unsigned = await fetch(bot.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body(),
  });
  expect(unsigned.status).toBe(401);
});

it('refuses a correctly signed request replayed after the 5-minute window', async () => {
  const old = Math.floor(Date.now() / 1000) - 6 * 60;
  const res = await sendSigned(bot.url, SECRET, body(), { timestamp: old });
  expect(res.status).toBe(401);
});

/** POSTs on a connection of its own (the server may close it mid-body). */
function postAlone(url: string, payload: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(payload),
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(SECRET, ts, payload),
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

it('refuses an oversized body (Bolt limit 4 MB) with 413 and keeps serving', async () => {
  const huge = body('/news', 'x'.repeat(5 * 1024 * 1024));
  expect(await postAlone(bot.url, huge)).toBe(413);
  expect((await bot.slash('/news', '')).status).toBe(200);
});

it('answers option values of the wrong type with the usage, not an error', async () => {
  const page = await bot.slash('/news', 'page:abc');
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/Usage: \/news/);
  const length = await bot.slash('/summary', 'length:enormous some story');
  expect(length.status).toBe(200);
  expect(length.text).toMatch(/Usage: \/summary/);
  const sub = await bot.slash('/digest', 'explode');
  expect(sub.status).toBe(200);
  expect(sub.text).toMatch(/Unknown subcommand/);
});

it('answers an unknown command at once, runs nothing, and keeps serving', async () => {
  const res = await sendSigned(bot.url, SECRET, body('/rm-rf', 'everything'));
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ response_type: 'ephemeral' });
  expect(res.text).toContain('no /rm-rf command');
  const after = await bot.slash('/news', '');
  expect(after.status).toBe(200);
}, 15_000);

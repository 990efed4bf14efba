/**
 * /readyz and /metrics of the running app (startApp) with Discord configured: ready while the
 * gateway and Redis answer; when the gateway connection drops, not ready with the platform named,
 * and the reconnect is counted in newsbot_platform_reconnects_total.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { APPLICATION_ID, DiscordStandIn } from '../support/discord-standin.js';
import { SHARED_REDIS_URL, uniquePrefix } from '../support/redis.js';

let standIn: DiscordStandIn;
let app: RunningApp;
let base: string;

const reconnects = async () => {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = /^newsbot_platform_reconnects_total\{platform="discord"\} (\d+)/m.exec(text);
  return Number(line?.[1] ?? 0);
};

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  const config = parseConfig({
    REDIS_URL: SHARED_REDIS_URL,
    REDIS_PREFIX: uniquePrefix('readiness'),
    DISCORD_TOKEN: 'stand-in-token',
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: standIn.apiUrl,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
  });
  app = await startApp(config, createLogger('silent'));
  base = `http://127.0.0.1:${app.httpPort}`;
}, 20_000);

afterAll(async () => {
  await app?.stop();
});

it('is ready while Discord and Redis are connected', async () => {
  const res = await fetch(`${base}/readyz`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('ready');
});

it('reports Discord not connected and counts the reconnect when the gateway drops', async () => {
  const before = await reconnects();
  await standIn.close();
  let body = '';
  for (let i = 0; i < 100 && !body.includes('discord'); i++) {
    const res = await fetch(`${base}/readyz`);
    body = res.status === 503 ? await res.text() : '';
    if (!body.includes('discord')) await new Promise((r) => setTimeout(r, 50));
  }
  expect(body).toMatch(/^discord: not connected$/m);
  expect(body).not.toMatch(/^redis:/m);
  expect(await reconnects()).toBeGreaterThan(before);
});

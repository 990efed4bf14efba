/**
 * Slack distribution to many workspaces: with SLACK_CLIENT_ID/SECRET/STATE_SECRET the bot runs
 * Bolt's OAuth install flow on its HTTP port and keeps each installation in Redis. Slack's
 * Web API (oauth.v2.access, auth.test) is a local stand-in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { Keys } from '../../src/store/keys.js';
import { RedisInstallationStore } from '../../src/store/slack-installations.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let api: Server;
let apiCalls: string[] = [];
let redis: TestRedis;
let app: RunningApp;
let base: string;

function startApi(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      apiCalls.push(method);
      const body =
        method === 'oauth.v2.access'
          ? {
              ok: true,
              app_id: 'A1',
              authed_user: { id: 'U1' },
              scope: 'commands,chat:write',
              token_type: 'bot',
              access_token: 'xoxb-installed-token',
              bot_user_id: 'UB1',
              team: { id: 'T42', name: 'Newsroom' },
              enterprise: null,
              is_enterprise_install: false,
            }
          : method === 'auth.test'
            ? { ok: true, bot_id: 'B1', user_id: 'UB1', team_id: 'T42', url: 'https://x/' }
            : { ok: false, error: 'unknown_method' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  api = await startApi();
  redis = await testRedis('slack-oauth');
  const config = parseConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'state-secret',
    SLACK_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/`,
  });
  app = await startApp(config, pino({ level: 'silent' }));
  base = `http://127.0.0.1:${app.httpPort}`;
}, 20_000);

afterAll(async () => {
  await app?.stop();
  await redis?.cleanup();
  await new Promise((r) => api?.close(r));
});

it('installs the app into a workspace and keeps the installation in Redis', async () => {
  const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(install.status).toBe(302);
  const authorize = new URL(install.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
  expect(authorize.searchParams.get('client_id')).toBe('111.222');
  expect(authorize.searchParams.get('scope')).toContain('commands');
  const state = authorize.searchParams.get('state')!;
  const cookie = install.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  const done = await fetch(`${base}/slack/oauth_redirect?code=one-time-code&state=${state}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  expect(done.status).toBe(200);
  expect(apiCalls).toContain('oauth.v2.access');

  const stored = await new RedisInstallationStore(
    redis.redis,
    new Keys(redis.prefix),
  ).fetchInstallation({
    teamId: 'T42',
    enterpriseId: undefined,
    isEnterpriseInstall: false,
  });
  expect(stored.bot?.token).toBe('xoxb-installed-token');
  expect(stored.team?.name).toBe('Newsroom');
});

it('refuses a redirect whose state was not issued by this bot', async () => {
  apiCalls = [];
  const res = await fetch(`${base}/slack/oauth_redirect?code=c&state=forged`, {
    redirect: 'manual',
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(apiCalls).not.toContain('oauth.v2.access');
});

it('serves health and readiness on the same port', async () => {
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
});

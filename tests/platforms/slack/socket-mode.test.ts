/** Socket Mode (SLACK_APP_TOKEN set): the same commands over a local WebSocket stand-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { createServices } from '../../../src/services.js';
import { closeRedis, createRedis, type RedisClient } from '../../../src/store/redis.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { SlackStandIn } from '../../support/slack-standin.js';

const slashPayload = (command: string, text: string, responseUrl: string) => ({
  token: 'legacy-token',
  team_id: 'T0STANDIN',
  team_domain: 'standin',
  channel_id: 'C0NEWS',
  channel_name: 'news',
  user_id: 'U0USER',
  user_name: 'reader',
  command,
  text,
  api_app_id: 'A0NEWSBOT',
  response_url: responseUrl,
  trigger_id: '1.2.3',
});

describe('Slack in Socket Mode', () => {
  let standIn: SlackStandIn;
  let tr: TestRedis;
  let redis: RedisClient;
  let slack: SlackHandle;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    tr = await testRedis('slack-socket');
    redis = createRedis({ REDIS_URL: tr.url, REDIS_TIMEOUT_MS: 1_000 });
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'unused-in-socket-mode',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: standIn.apiUrl,
      REDIS_PREFIX: tr.prefix,
    });
    slack = await startSlack({
      config,
      services: createServices(redis, config),
      log: createLogger('silent'),
    });
  });

  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
    if (redis) await closeRedis(redis);
    await tr?.cleanup();
  });

  it('connects through apps.connections.open, serves no HTTP port, and is ready', () => {
    expect(standIn.callsTo('apps.connections.open')).toHaveLength(1);
    expect(standIn.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
    expect(slack.port).toBeUndefined();
    expect(slack.isReady()).toBe(true);
  });

  it('answers slash commands in the acknowledgement', async () => {
    const ack = await standIn.sendEnvelope(
      'slash_commands',
      slashPayload('/news', '', standIn.responseUrl()),
    );
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: 'No stories are stored yet.' });
    const bad = await standIn.sendEnvelope(
      'slash_commands',
      slashPayload('/news', 'page', standIn.responseUrl()),
    );
    expect(String(bad.text)).toMatch(/Usage: \/news/);
  });
});

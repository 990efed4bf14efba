/**
 * The real bot process wiring (startApp) with Slack's HTTP receiver on a free port, the Web API
 * stand-in on 127.0.0.1, and a Redis under a unique prefix; sends signed slash commands.
 */
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { prepareArticle } from '../../src/news/prepare.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { deleteByPrefix } from '../support/redis.js';
import {
  sendSigned,
  slashCommandBody,
  type SignedResult,
  SlackStandIn,
} from '../support/slack-standin.js';

export const SECRET = 'resilience-signing-secret';

export interface SlackBot {
  app: RunningApp;
  url: string;
  /**
   * Sends `/command text` as `user`, correctly signed: the acknowledgement, or, when it was
   * empty (a slow command), the message that reached response_url, as `text`.
   */
  slash(command: string, text: string, user?: string): Promise<SignedResult>;
  readyz(): Promise<number>;
  stop(): Promise<void>;
}

export async function startSlackBot(opts: {
  standIn: SlackStandIn;
  redisUrl: string;
  prefix: string;
  rateLimit?: number;
  redisTimeoutMs?: number;
}): Promise<SlackBot> {
  const config = parseConfig({
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.prefix,
    REDIS_TIMEOUT_MS: String(opts.redisTimeoutMs ?? 500),
    RATE_LIMIT_PER_MINUTE: String(opts.rateLimit ?? 0),
    SLACK_BOT_TOKEN: 'xoxb-resilience',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: opts.standIn.apiUrl,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const app = await startApp(config, createLogger('silent'));
  const base = `http://127.0.0.1:${app.httpPort}`;
  const url = `${base}/slack/events`;
  return {
    app,
    url,
    async slash(command, text, user) {
      const sink = opts.standIn.responseUrl();
      const ack = await sendSigned(url, SECRET, slashCommandBody(command, text, sink, user));
      if (ack.status !== 200 || ack.text) return ack;
      const late = await opts.standIn.responseTo(sink);
      return { status: 200, text: JSON.stringify(late.body), json: late.body };
    },
    readyz: async () => (await fetch(`${base}/readyz`)).status,
    stop: () => app.stop(),
  };
}

/** Saves the seed-like article (as ingest would) under `prefix`; returns its id. */
export async function seedArticle(redisUrl: string, prefix: string, text: string): Promise<string> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const store = new ArticleStore(redis, new Keys(prefix));
    const { article, analysis } = prepareArticle(
      { text, title: 'Khamenei meets Iraqi PM', source: 'Example Wire' },
      new Date('2026-11-28T12:00:00Z'),
    );
    return (await store.save(article, analysis)).id;
  } finally {
    redis.disconnect();
  }
}

export async function dropPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    await deleteByPrefix(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

/**
 * Runs the real bot process wiring (startApp) against the Discord stand-in and a Redis with a
 * unique prefix, and helps tests send interactions and collect what the bot sent back.
 */
import { readFileSync } from 'node:fs';
import { startApp, type RunningApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { prepareArticle } from '../../../src/news/prepare.js';
import type { DiscordMessage } from '../../../src/platforms/discord/render.js';
import { ArticleStore } from '../../../src/store/articles.js';
import { Keys } from '../../../src/store/keys.js';
import {
  APPLICATION_ID,
  DiscordStandIn,
  type RecordedRequest,
} from '../../support/discord-standin.js';
import { deleteByPrefix, SHARED_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { Redis } from 'ioredis';
import { SEED_PATH } from '../../support/data.js';

export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
export const SEED_URL = 'https://news.example.com/world/khamenei-iraq-talks';

export interface Harness {
  standIn: DiscordStandIn;
  app: RunningApp;
  store: ArticleStore;
  prefix: string;
  /** Saves an article (prepared as the ingest pipeline would) and returns its id. */
  seed(draft: {
    text: string;
    title?: string;
    url?: string;
    source?: string;
    publishedAt?: string;
  }): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(opts: {
  name: string;
  redisUrl?: string;
  redisTimeoutMs?: number;
}): Promise<Harness> {
  const standIn = await DiscordStandIn.start();
  const prefix = uniquePrefix(opts.name);
  const redisUrl = opts.redisUrl ?? SHARED_REDIS_URL;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  redis.on('error', () => {});
  const store = new ArticleStore(redis, new Keys(prefix));
  const config = parseConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    REDIS_TIMEOUT_MS: String(opts.redisTimeoutMs ?? 500),
    RATE_LIMIT_PER_MINUTE: '0',
    DISCORD_TOKEN: 'stand-in-token',
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: standIn.apiUrl,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const app = await startApp(config, createLogger('silent'));
  return {
    standIn,
    app,
    store,
    prefix,
    async seed(draft) {
      const { article, analysis } = prepareArticle(draft, new Date('2026-11-28T12:00:00Z'));
      const { id } = await store.save(article, analysis);
      return id;
    },
    async close() {
      await app.stop();
      await standIn.close();
      if (redis.status === 'ready') await deleteByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}

/** The interaction callback for this token: its type and message body. */
export async function callbackOf(
  standIn: DiscordStandIn,
  token: string,
  timeoutMs = 5_000,
): Promise<{ type: number; data: DiscordMessage; request: RecordedRequest }> {
  const request = await standIn.waitForRequest(
    (r) => r.path.includes(`/${token}/callback`),
    timeoutMs,
  );
  const body = request.body as { type: number; data: DiscordMessage };
  return { type: body.type, data: body.data, request };
}

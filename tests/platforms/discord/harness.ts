/**
 * Runs the real bot process wiring (startApp) against the Discord stand-in and a Redis with a
 * unique prefix, and helps tests send interactions and collect what the bot sent back.
 */
import { startApp, type RunningApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import type { ArticleDraft } from '../../../src/news/prepare.js';
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
import { storeArticle } from '../../support/articles.js';

export { SEED_TEXT, SEED_URL } from '../../support/articles.js';

export interface Harness {
  standIn: DiscordStandIn;
  app: RunningApp;
  store: ArticleStore;
  prefix: string;
  /** Saves an article (prepared as the ingest pipeline would) and returns its id. */
  seed(draft: ArticleDraft): Promise<string>;
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
    seed: (draft) => storeArticle(store, draft),
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

/**
 * What command handlers and jobs may use: the stores (all Redis access) and the clock.
 * Built once in main.ts / cli.ts from the configuration.
 */
import type { Config } from './config.js';
import { ArticleStore } from './store/articles.js';
import { DigestStore } from './store/digests.js';
import { FeedStore } from './store/feeds.js';
import { Keys } from './store/keys.js';
import { RateLimiter } from './store/rate-limit.js';
import type { RedisClient } from './store/redis.js';

export interface Services {
  articles: ArticleStore;
  digests: DigestStore;
  feeds: FeedStore;
  /** Per-user command limit; absent in tools that run no user commands. */
  rateLimit?: RateLimiter;
}

/**
 * The services over one Redis client, every key under REDIS_PREFIX; the per-user rate limit
 * when RATE_LIMIT_PER_MINUTE is given (the bot process passes its whole config).
 */
export function createServices(
  redis: RedisClient,
  config: Pick<Config, 'REDIS_PREFIX'> & Partial<Pick<Config, 'RATE_LIMIT_PER_MINUTE'>>,
): Services {
  const keys = new Keys(config.REDIS_PREFIX);
  return {
    articles: new ArticleStore(redis, keys),
    digests: new DigestStore(redis, keys),
    feeds: new FeedStore(redis, keys),
    ...(config.RATE_LIMIT_PER_MINUTE
      ? { rateLimit: new RateLimiter(redis, keys, config.RATE_LIMIT_PER_MINUTE) }
      : {}),
  };
}

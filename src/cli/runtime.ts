/**
 * What every `newsbot` subcommand shares: the validated configuration (a bad one prints its
 * problems and exits 2) and a store on a Redis connection that is closed afterwards.
 */
import { ConfigError, loadConfig, type Config } from '../config.js';
import { ArticleStore } from '../store/articles.js';
import { Keys } from '../store/keys.js';
import { closeRedis, createRedis, type RedisClient } from '../store/redis.js';

/** Exit status for an invalid configuration. */
export const EXIT_CONFIG = 2;

export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`newsbot: ${e.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw e;
  }
}

/**
 * The shortest deadline of one Redis command here. The bot's REDIS_TIMEOUT_MS is set for chat
 * deadlines; a batch job analyses articles between sends, and one long article (1 MB takes
 * most of a second, more on a busy machine) may hold back the reply to a save already answered.
 */
export const CLI_MIN_REDIS_TIMEOUT_MS = 5_000;

/** A Redis connection for a subcommand (commands wait at least CLI_MIN_REDIS_TIMEOUT_MS). */
export function cliRedis(config: Config): RedisClient {
  return createRedis({
    ...config,
    REDIS_TIMEOUT_MS: Math.max(config.REDIS_TIMEOUT_MS, CLI_MIN_REDIS_TIMEOUT_MS),
  });
}

/** Runs `fn` with an ArticleStore on a fresh connection, then closes the connection. */
export async function withStore<T>(
  fn: (store: ArticleStore, config: Config) => Promise<T>,
): Promise<T> {
  const config = cliConfig();
  const redis = cliRedis(config);
  try {
    return await fn(new ArticleStore(redis, new Keys(config.REDIS_PREFIX)), config);
  } finally {
    await closeRedis(redis);
  }
}

/** Writes one line to stdout. */
export function println(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/**
 * What every `newsbot` subcommand shares: the validated configuration (a bad one prints its
 * problems and exits 2) and a store on a Redis connection that is closed afterwards.
 */
import { ConfigError, loadConfig, type Config } from '../config.js';
import { ArticleStore } from '../store/articles.js';
import { Keys } from '../store/keys.js';
import { closeRedis, createRedis } from '../store/redis.js';

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

/** Runs `fn` with an ArticleStore on a fresh connection, then closes the connection. */
export async function withStore<T>(
  fn: (store: ArticleStore, config: Config) => Promise<T>,
): Promise<T> {
  const config = cliConfig();
  const redis = createRedis(config);
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

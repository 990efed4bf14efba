/**
 * The Redis connection: a single server (REDIS_URL), a Sentinel-managed primary
 * (REDIS_SENTINELS + REDIS_SENTINEL_NAME) or a Redis Cluster (REDIS_CLUSTER_NODES).
 *
 * Failure behaviour: every command is bounded by REDIS_TIMEOUT_MS. Commands issued before the
 * first connection wait in a queue (each still bounded by the timeout); once connected, the
 * offline queue is switched off so that, while Redis is down, commands fail at once instead of
 * piling up. Reconnection runs in the background with capped exponential backoff.
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import { StoreUnavailableError } from '../errors.js';
import { redisErrors } from '../metrics.js';

export type RedisClient = Redis | Cluster;

type RedisConfig = Pick<
  Config,
  | 'REDIS_URL'
  | 'REDIS_SENTINELS'
  | 'REDIS_SENTINEL_NAME'
  | 'REDIS_CLUSTER_NODES'
  | 'REDIS_TIMEOUT_MS'
>;

/** Reconnect delay: 50 ms, 100 ms, 200 ms ... capped at 2 s; never gives up. */
export const reconnectDelay = (attempt: number): number =>
  Math.min(50 * 2 ** Math.min(attempt - 1, 10), 2_000);

function parseHostPorts(list: string): Array<{ host: string; port: number }> {
  return list.split(',').map((hp) => {
    const at = hp.lastIndexOf(':');
    return { host: hp.slice(0, at), port: Number(hp.slice(at + 1)) };
  });
}

/** Credentials, database and TLS from REDIS_URL (used for every mode). */
function urlOptions(url: string): RedisOptions {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, '') || 0);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

function disableOfflineQueueOnReady(client: RedisClient): RedisClient {
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  // Connection errors surface on commands (as StoreUnavailableError); count them, don't crash.
  client.on('error', () => redisErrors.inc());
  return client;
}

/** Creates the client for the configured deployment; it connects in the background. */
export function createRedis(config: RedisConfig): RedisClient {
  const timeout = config.REDIS_TIMEOUT_MS;
  const fromUrl = urlOptions(config.REDIS_URL);
  const common: RedisOptions = {
    commandTimeout: timeout,
    connectTimeout: Math.max(timeout, 1_000),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    enableAutoPipelining: true,
  };
  if (config.REDIS_CLUSTER_NODES) {
    const { host: _h, port: _p, db: _db, ...auth } = fromUrl;
    return disableOfflineQueueOnReady(
      new Cluster(parseHostPorts(config.REDIS_CLUSTER_NODES), {
        enableOfflineQueue: true,
        enableAutoPipelining: true,
        clusterRetryStrategy: (times) => (times > 20 ? null : reconnectDelay(times)),
        retryDelayOnFailover: 100,
        retryDelayOnClusterDown: 100,
        maxRedirections: 8,
        redisOptions: {
          ...auth,
          commandTimeout: timeout,
          connectTimeout: common.connectTimeout,
          maxRetriesPerRequest: 1,
        },
      }),
    );
  }
  if (config.REDIS_SENTINELS) {
    const { host: _h, port: _p, ...auth } = fromUrl;
    return disableOfflineQueueOnReady(
      new Redis({
        ...auth,
        ...common,
        sentinels: parseHostPorts(config.REDIS_SENTINELS),
        name: config.REDIS_SENTINEL_NAME ?? 'mymaster',
        retryStrategy: reconnectDelay,
        sentinelRetryStrategy: (times) => (times > 20 ? null : reconnectDelay(times)),
      }),
    );
  }
  return disableOfflineQueueOnReady(
    new Redis({ ...fromUrl, ...common, retryStrategy: reconnectDelay }),
  );
}

/** Waits until the client is connected; StoreUnavailableError after `timeoutMs`. */
export async function waitReady(client: RedisClient, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new StoreUnavailableError(new Error(`Redis not ready after ${timeoutMs} ms`)));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

/** Closes the connection after pending replies arrive (or at once when Redis is gone). */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}

const UNAVAILABLE_REPLY = /^(LOADING|CLUSTERDOWN|MASTERDOWN|READONLY|TRYAGAIN|BUSY|NOREPLICAS)\b/;
const UNAVAILABLE_MESSAGE =
  /Command timed out|Connection is closed|Stream isn't writeable|Cluster isn't ready|enableOfflineQueue|None of startup nodes|Failed to refresh slots|All sentinels are unreachable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN|connect ETIMEDOUT/;

/** Whether an error means "Redis is unreachable or not answering" (as opposed to a bug). */
export function isUnavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e instanceof StoreUnavailableError) return true;
  if (e.name === 'MaxRetriesPerRequestError' || e.name === 'ClusterAllFailedError') return true;
  if (e.name === 'ReplyError') return UNAVAILABLE_REPLY.test(e.message);
  return UNAVAILABLE_MESSAGE.test(e.message);
}

/** Runs a store operation, turning connection/timeout failures into StoreUnavailableError. */
export async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof Error && /Command timed out/.test(e.message)) redisErrors.inc();
    if (isUnavailable(e) && !(e instanceof StoreUnavailableError)) {
      throw new StoreUnavailableError(e);
    }
    throw e;
  }
}

/** Resolves when Redis answers a PING (readiness); StoreUnavailableError when it does not. */
export async function ping(client: RedisClient): Promise<void> {
  await guarded(() => client.ping());
}

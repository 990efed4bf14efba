import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { closeRedis, createRedis, waitReady, type RedisClient } from '../../src/store/redis.js';
import { PrivateRedis, uniquePrefix } from '../support/redis.js';
import { makeArticle } from './make-article.js';

let server: PrivateRedis;
let client: RedisClient;
let store: ArticleStore;

const seed = makeArticle({ title: 'Stored before the outage', paragraphs: ['Some text here.'] });

beforeAll(async () => {
  server = await PrivateRedis.start();
  client = createRedis(parseConfig({ REDIS_URL: server.url, REDIS_TIMEOUT_MS: '300' }));
  store = new ArticleStore(client, new Keys(uniquePrefix('store-redis')));
});
afterAll(async () => {
  await closeRedis(client);
  await server.stop();
});

/** Runs `op`, returning the error it throws and how long it took. */
async function failure(op: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await op();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected the operation to fail');
}

describe('createRedis', () => {
  it('accepts commands issued before the connection is up', async () => {
    expect((await store.save(seed.article, seed.analysis)).status).toBe('stored');
  });

  it('answers with StoreUnavailableError within 3 s while Redis is down, then recovers', async () => {
    await server.stop();
    for (const op of [
      () => store.get(seed.article.id),
      () => store.search('text', { limit: 5 }),
      () => store.save(seed.article, seed.analysis),
      () => store.stats(),
    ]) {
      const { error, ms } = await failure(op);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(3_000);
    }
    await server.start();
    await waitReady(client, 10_000);
    // the private server runs without persistence, so the data is gone but the store answers
    expect(await store.get(seed.article.id)).toBeNull();
    expect((await store.save(seed.article, seed.analysis)).status).toBe('stored');
  });

  it('times out rather than hanging when Redis is unreachable from the start', async () => {
    const dead = createRedis(
      parseConfig({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_TIMEOUT_MS: '200' }),
    );
    const lonely = new ArticleStore(dead, new Keys('t:never'));
    const { error, ms } = await failure(() => lonely.recent({ limit: 1 }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(ms).toBeLessThan(3_000);
    await expect(waitReady(dead, 100)).rejects.toBeInstanceOf(StoreUnavailableError);
    await closeRedis(dead);
  });
});

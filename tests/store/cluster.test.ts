/**
 * The store on a real 3-node Redis Cluster (started by this test): every operation must work
 * without CROSSSLOT errors, i.e. no command may name keys of two slots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { closeRedis, createRedis, type RedisClient } from '../../src/store/redis.js';
import { LocalRedisCluster } from '../support/redis-cluster.js';
import { makeArticle } from './make-article.js';

let cluster: LocalRedisCluster;
let client: RedisClient;
let store: ArticleStore;

beforeAll(async () => {
  cluster = await LocalRedisCluster.start();
  client = createRedis(parseConfig({ REDIS_CLUSTER_NODES: cluster.nodes }));
  store = new ArticleStore(client, new Keys('t:cluster'));
});

afterAll(async () => {
  if (client) await closeRedis(client);
  await cluster?.stop();
});

describe('ArticleStore on Redis Cluster', () => {
  it('saves, dedups, updates, searches and lists with no cross-slot command', async () => {
    const a = makeArticle({
      title: 'Port strike ends after pay deal',
      paragraphs: ['Dock workers ended their strike at the port after a pay deal with operators.'],
      url: 'https://news.example.com/port-strike',
      source: 'Example News',
      publishedAt: '2024-05-02T08:00:00.000Z',
      keywords: [
        ['strike', 1],
        ['port', 1],
        ['dock', 0.8],
        ['pay', 0.6],
      ],
    });
    const b = makeArticle({
      title: 'Port strike threatens exports',
      paragraphs: [
        'A strike by dock workers at the port threatens exports, operators said, as pay talks stall.',
      ],
      source: 'Wire',
      publishedAt: '2024-04-20T08:00:00.000Z',
    });
    expect((await store.save(a.article, a.analysis)).status).toBe('stored');
    expect((await store.save(b.article, b.analysis)).status).toBe('stored');
    expect((await store.save(a.article, a.analysis)).status).toBe('duplicate');
    const changed = makeArticle({
      title: 'Port strike ends after pay deal',
      paragraphs: [
        'Dock workers ended their strike at the port after a pay deal; ships queued overnight.',
      ],
      url: 'https://news.example.com/port-strike',
      source: 'Example News',
      publishedAt: '2024-05-02T08:00:00.000Z',
    });
    expect((await store.save(changed.article, changed.analysis)).status).toBe('updated');
    expect((await store.get(a.article.id))?.article.paragraphs[0]).toMatch(/ships queued/);
    expect((await store.search('port strike', { limit: 5 })).items.map((h) => h.id)).toHaveLength(
      2,
    );
    expect((await store.search('ships', { limit: 5 })).items.map((h) => h.id)).toEqual([
      a.article.id,
    ]);
    expect((await store.autocomplete('port str')).length).toBe(2);
    expect(await store.idForUrl('https://news.example.com/port-strike?utm_medium=x')).toBe(
      a.article.id,
    );
    expect((await store.earlierCoverage(a.article.id)).map((h) => h.id)).toEqual([b.article.id]);
    expect((await store.recent({ limit: 5 })).total).toBe(2);
    expect(
      await store.storiesBetween(
        Date.parse('2024-04-01T00:00:00Z'),
        Date.parse('2024-06-01T00:00:00Z'),
        10,
      ),
    ).toHaveLength(2);
    expect((await store.bySource('wire', { limit: 5 })).items.map((h) => h.id)).toEqual([
      b.article.id,
    ]);
    expect(await store.stats()).toMatchObject({ articles: 2, sources: 2 });
  });
});

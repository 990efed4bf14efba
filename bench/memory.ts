/**
 * Redis memory per stored article (article hash, analysis and every index) against the
 * article's text size, at 1k, 10k and 100k articles: the dev sets replicated with new ids into a
 * private, empty redis-server; `used_memory` from INFO memory before and after.
 * Target: at most 2.5 × the text size.
 *
 *   npx tsx bench/memory.ts [--sizes 1000,10000,100000]
 */
import { createServices } from '../src/services.js';
import { closeRedis, createRedis } from '../src/store/redis.js';
import { PrivateRedis } from '../tests/support/redis.js';
import { devDrafts, fill, loadNote, nth, prepareAll, sizesFlag } from './lib/corpus.js';
import { formatTable } from './lib/table.js';

const TARGET_RATIO = 2.5;
const sizes = sizesFlag('1000,10000,100000');

async function usedMemory(redis: ReturnType<typeof createRedis>): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function main(): Promise<void> {
  const base = prepareAll(devDrafts());
  const server = await PrivateRedis.start();
  const redis = createRedis({ REDIS_URL: server.url, REDIS_TIMEOUT_MS: 10_000 });
  const { articles } = createServices(redis, { REDIS_PREFIX: 'bench' });
  const rows: (string | number)[][] = [];
  try {
    await redis.ping();
    const empty = await usedMemory(redis);
    let stored = 0;
    let text = 0;
    for (const size of sizes) {
      text += (await fill(articles, base, stored, size)).textBytes;
      stored = size;
      const used = (await usedMemory(redis)) - empty;
      // Where it goes: the article hashes (sampled) versus the shared indexes.
      let sample = 0;
      const n = Math.min(200, size);
      for (let i = 0; i < n; i++) {
        const key = articles.keys.article(nth(base, Math.floor((i * size) / n)).article.id);
        sample += Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
      }
      const perArticle = used / size;
      rows.push([
        size.toLocaleString('en'),
        text / size / 1024,
        perArticle / 1024,
        sample / n / 1024,
        (perArticle - sample / n) / 1024,
        used / text,
        used / 1024 / 1024,
        loadNote(),
      ]);
    }
  } finally {
    await closeRedis(redis);
    await server.stop();
  }
  console.log(
    `Redis memory per stored article (private redis-server, INFO used_memory delta; target ≤ ${TARGET_RATIO}× text)\n`,
  );
  console.log(
    formatTable(
      [
        'articles',
        'text KB/art',
        'redis KB/art',
        'hash KB/art',
        'index KB/art',
        'ratio',
        'total MB',
        'load',
      ],
      rows,
      2,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

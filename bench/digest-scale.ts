/**
 * Digest growth with the day's article count, through the production path (loadDigest: the
 * day's headlines and story fields from Redis, clustered and ranked, then the full documents of
 * the stories shown, for their summaries) over a private redis-server holding 1k, 5k and 10k
 * articles of one day (the dev sets replicated with new ids). loadDigest reads at most
 * MAX_DIGEST_ARTICLES (5,000) of a day, so beyond that the cost stays flat. Target: a day of
 * 5,000 articles in ≤ 2 s. (bench/digest.ts times the pure clustering of 5,000 in memory.)
 *
 *   npx tsx bench/digest-scale.ts [--sizes 1000,5000,10000]
 */
import { loadDigest, MAX_DIGEST_ARTICLES } from '../src/jobs/digest-content.js';
import { createServices } from '../src/services.js';
import { closeRedis, createRedis } from '../src/store/redis.js';
import { PrivateRedis } from '../tests/support/redis.js';
import {
  DAY_MS,
  devDrafts,
  fill,
  loadNote,
  prepareAll,
  sizesFlag,
  START_MS,
} from './lib/corpus.js';
import { formatTable } from './lib/table.js';

const sizes = sizesFlag('1000,5000,10000');

async function main(): Promise<void> {
  const base = prepareAll(devDrafts());
  const server = await PrivateRedis.start();
  const redis = createRedis({ REDIS_URL: server.url, REDIS_TIMEOUT_MS: 10_000 });
  const { articles } = createServices(redis, { REDIS_PREFIX: 'bench' });
  const window = { fromMs: START_MS, toMs: START_MS + DAY_MS, label: 'Thu 1 Jan 2026 (UTC)' };
  const rows: (string | number)[][] = [];
  try {
    let stored = 0;
    for (const size of sizes) {
      await fill(articles, base, stored, size, { spanMs: DAY_MS });
      stored = size;
      const wall = performance.now();
      const cpu = process.cpuUsage();
      const digest = await loadDigest(articles, window);
      const used = process.cpuUsage(cpu);
      rows.push([
        size.toLocaleString('en'),
        String(digest.articleCount),
        String(digest.stories.length),
        performance.now() - wall,
        (used.user + used.system) / 1000,
        loadNote(),
      ]);
    }
  } finally {
    await closeRedis(redis);
    await server.stop();
  }
  console.log(
    `Digest of one day through loadDigest (Redis reads + clustering; at most ${MAX_DIGEST_ARTICLES} articles read), ms\n`,
  );
  console.log(
    formatTable(['day articles', 'read', 'stories', 'wall ms', 'cpu ms', 'load'], rows, 0),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

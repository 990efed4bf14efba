/**
 * Feed polling throughput: one poll of every feed fixture in ../shared/data/feeds, served by a
 * local HTTP server (teaser items of the Guardian feed fetch their article page from it too),
 * into a real Redis under a throw-away prefix. Reports items/s for the first poll (everything
 * new: fetch, parse, page fetch + extraction, analysis, store) and the time of a second poll
 * (conditional GETs, all 304).
 *
 *   npx tsx bench/feeds.ts [--runs N]      (npm run bench:feeds)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { Fetcher } from '../src/ingest/fetch.js';
import { FeedPoller } from '../src/jobs/feed-poller.js';
import { ArticleStore } from '../src/store/articles.js';
import { FeedStore } from '../src/store/feeds.js';
import { Keys } from '../src/store/keys.js';
import { feedFixtures, FixtureServer } from '../tests/support/http-fixture-server.js';
import { deleteByPrefix } from '../tests/support/redis.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const server = await FixtureServer.start();
const fetcher = new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: true });
const log = pino({ level: 'silent' });

try {
  for (let run = 1; run <= runs; run++) {
    const prefix = `bench:feeds:${randomBytes(4).toString('hex')}`;
    const keys = new Keys(prefix);
    const articles = new ArticleStore(redis, keys);
    const feeds = new FeedStore(redis, keys);
    try {
      for (const name of feedFixtures()) await feeds.add(server.feedUrl(name), { now: new Date() });
      const poller = new FeedPoller(
        { feeds, web: { fetcher, articles, now: () => new Date() }, log },
        {
          hostIntervalMs: 0,
          concurrency: 4,
          maxFailures: 5,
          lockTtlMs: 60_000,
          backoffMs: () => 0,
        },
      );
      const pagesBefore = server.requests.filter((r) => r.path.startsWith('/ext/')).length;
      let t0 = performance.now();
      const first = await poller.pollOnce();
      const firstMs = performance.now() - t0;
      const pages = server.requests.filter((r) => r.path.startsWith('/ext/')).length - pagesBefore;
      t0 = performance.now();
      const second = await poller.pollOnce();
      const secondMs = performance.now() - t0;
      const c = first.items;
      const items = c.stored + c.updated + c.duplicate + c.rejected;
      const notModified = second.feeds.filter((f) => f.status === 'not-modified').length;
      const row = `run ${run}: ${first.feeds.length} feeds, ${items} items (${c.stored} stored, ${c.duplicate} duplicate, ${c.rejected} rejected), ${pages} page fetches in ${firstMs.toFixed(0)} ms = ${(items / (firstMs / 1000)).toFixed(1)} items/s; re-poll ${notModified}/${second.feeds.length} not modified in ${secondMs.toFixed(0)} ms`;
      process.stdout.write(`${row}\n`);
    } finally {
      await deleteByPrefix(redis, prefix);
    }
  }
} finally {
  await server.close();
  redis.disconnect();
}

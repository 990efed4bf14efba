/**
 * Search and autocomplete latency over 1k, 10k and 100k stored articles (the BBC, CNN/DM and
 * PolNeAR dev sets replicated with new ids into a private redis-server), through ArticleStore
 * on the bot's Redis client. Queries: two title words of random stored articles (search) and a
 * title word plus the first letters of the next (autocomplete), one at a time.
 * Target: p95 ≤ 20 ms at 100k.
 *
 *   npx tsx bench/search.ts [--sizes 1000,10000,100000] [--queries 300]
 */
import { createServices } from '../src/services.js';
import { closeRedis, createRedis } from '../src/store/redis.js';
import { PrivateRedis } from '../tests/support/redis.js';
import {
  devDrafts,
  fill,
  flag,
  loadNote,
  percentile,
  prepareAll,
  sizesFlag,
  type Prepared,
} from './lib/corpus.js';
import { formatTable } from './lib/table.js';

const sizes = sizesFlag('1000,10000,100000');
const QUERIES = Number(flag('queries', '300'));

/** Deterministic pseudo-random numbers (the same queries on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function titleWords(p: Prepared): string[] {
  return p.article.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
}

function queries(base: Prepared[]): { search: string[]; typed: string[] } {
  const rnd = random(42);
  const search: string[] = [];
  const typed: string[] = [];
  while (search.length < QUERIES) {
    const words = titleWords(base[Math.floor(rnd() * base.length)]!);
    if (words.length < 2) continue;
    search.push(`${words[0]} ${words[1]}`);
    typed.push(`${words[0]} ${words[1]!.slice(0, 3)}`.toLowerCase());
  }
  return { search, typed };
}

async function timeEach(inputs: string[], run: (q: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const q of inputs) {
    const started = performance.now();
    await run(q);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const base = prepareAll(devDrafts());
  const { search, typed } = queries(base);
  const server = await PrivateRedis.start();
  const redis = createRedis({ REDIS_URL: server.url, REDIS_TIMEOUT_MS: 10_000 });
  const { articles } = createServices(redis, { REDIS_PREFIX: 'bench' });
  const rows: (string | number)[][] = [];
  try {
    let stored = 0;
    for (const size of sizes) {
      await fill(articles, base, stored, size);
      stored = size;
      // Warm-up: connection, code paths.
      for (const q of search.slice(0, 20)) await articles.search(q, { limit: 5 });
      const s = await timeEach(search, (q) => articles.search(q, { limit: 5 }));
      const a = await timeEach(typed, (q) => articles.autocomplete(q, 25));
      const note = loadNote();
      const label = size.toLocaleString('en');
      rows.push([
        label,
        'search',
        String(s.length),
        percentile(s, 50),
        percentile(s, 95),
        s.at(-1)!,
        note,
      ]);
      rows.push([
        label,
        'autocomplete',
        String(a.length),
        percentile(a, 50),
        percentile(a, 95),
        a.at(-1)!,
        note,
      ]);
    }
  } finally {
    await closeRedis(redis);
    await server.stop();
  }
  console.log(
    'Search and autocomplete over stored articles (private redis-server), ms, one at a time\n',
  );
  console.log(formatTable(['articles', 'kind', 'n', 'p50', 'p95', 'max', 'load'], rows, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

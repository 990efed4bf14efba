/**
 * Ingest throughput: the BBC dev set (1,132 articles, JSON lines) through the real pipeline
 * (read → parse → clean → analyse → save with every index) into a private redis-server, timed
 * end to end (wall time, and this process's CPU time, every thread's: on a loaded machine the
 * wall time is mostly waiting for a core), and the main thread's share of it. "Idle-machine
 * ceiling" = items / max(main-thread CPU, all CPU / cores): the rate those CPU costs allow when
 * nothing else runs. Repeated on stores already holding N replicated articles, and for each
 * analysis-pool size (1 = analysis on the ingesting thread, as before the pool; default: 1 and
 * one worker per core). Runs the production build (dist/, compiled first by `npm run build`),
 * as `newsbot ingest` does: its workers load compiled JavaScript. Target: ≥ 500 articles/s.
 *
 *   npx tsx bench/ingest.ts [--prefill 0,10000,100000] [--workers 1,2]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrivateRedis } from '../tests/support/redis.js';
import { fill, flag, loadNote, prepareAll } from './lib/corpus.js';
import { DATA_DIR, loadBbc } from './lib/data.js';
import { formatTable } from './lib/table.js';

const BBC = join(DATA_DIR, 'bbc-news-summary', 'dev.jsonl');
const prefills = flag('prefill', '0,10000')
  .split(',')
  .map((s) => Number(s.replace(/k$/i, '000')));
const poolSizes = flag('workers', [...new Set([1, availableParallelism()])].join(','))
  .split(',')
  .map(Number);

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The compiled modules `newsbot ingest` runs (built first). */
async function productionBuild() {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const dist = (path: string) => new URL(`../dist/src/${path}`, import.meta.url).href;
  return {
    ...((await import(dist('ingest/pipeline.js'))) as typeof import('../src/ingest/pipeline.js')),
    ...((await import(dist('ingest/sources.js'))) as typeof import('../src/ingest/sources.js')),
    ...((await import(dist('services.js'))) as typeof import('../src/services.js')),
    ...((await import(dist('store/redis.js'))) as typeof import('../src/store/redis.js')),
  };
}

async function main(): Promise<void> {
  const { ingestAll, readSources, createServices, createRedis, closeRedis } =
    await productionBuild();
  const needsBase = prefills.some((n) => n > 0);
  const base = needsBase
    ? prepareAll(loadBbc().map((b) => ({ title: b.title, text: b.article })))
    : [];
  const server = await PrivateRedis.start();
  const redis = createRedis({ REDIS_URL: server.url, REDIS_TIMEOUT_MS: 10_000 });
  const rows: (string | number)[][] = [];
  try {
    for (const [run, [prefill, workers]] of prefills
      .flatMap((p) => poolSizes.map((w) => [p, w] as const))
      .entries()) {
      const { articles } = createServices(redis, { REDIS_PREFIX: `bench${run}` });
      if (prefill > 0) await fill(articles, base, 0, prefill);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const mainCpu = mainThreadCpuSeconds();
      const counts = await ingestAll(readSources([BBC]), {
        store: articles,
        now: new Date(),
        workers,
      });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const mainSeconds = mainThreadCpuSeconds() - mainCpu;
      const items = counts.stored + counts.duplicate + counts.updated + counts.rejected;
      rows.push([
        prefill.toLocaleString('en'),
        String(workers),
        String(items),
        String(counts.stored),
        String(counts.duplicate),
        String(counts.rejected),
        seconds,
        items / seconds,
        cpuSeconds,
        items / cpuSeconds,
        mainSeconds,
        items / Math.max(mainSeconds, cpuSeconds / availableParallelism()),
        loadNote(),
      ]);
    }
  } finally {
    await closeRedis(redis);
    await server.stop();
  }
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log('Ingest of the BBC dev set, analysis and indexing included (private redis-server)\n');
  console.log(
    formatTable(
      [
        'already stored',
        'workers',
        'items',
        'stored',
        'dup',
        'rejected',
        'wall s',
        'articles/s',
        'cpu s',
        'per cpu s',
        'main thread cpu s',
        'idle-machine ceiling/s',
        'load',
      ],
      rows,
      1,
    ),
  );
  console.log(`\npeak RSS of the ingesting process: ${rss.toFixed(0)} MB`);
}

/**
 * CPU time of this process's main thread (Linux: /proc/self/task/PID/stat, in clock ticks of
 * 10 ms), the part that cannot spread over cores.
 */
function mainThreadCpuSeconds(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

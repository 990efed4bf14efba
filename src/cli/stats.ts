/** `newsbot stats`: how much the article store holds. */
import type { Command } from 'commander';
import { println, withStore } from './runtime.js';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('count stored articles, sources and indexed terms')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withStore(async (store, config) => {
        const stats = await store.stats();
        const latest = (await store.recent({ limit: 1 })).items[0];
        if (opts.json) return println(JSON.stringify({ ...stats, latest: latest ?? null }));
        println(`prefix    ${config.REDIS_PREFIX}`);
        println(`articles  ${stats.articles}`);
        println(`sources   ${stats.sources}`);
        println(`terms     ${stats.terms} (approximate)`);
        if (latest)
          println(
            `latest    ${latest.id}  ${(latest.publishedAt ?? latest.ingestedAt).slice(0, 10)}  ${latest.title}`,
          );
      });
    });
}

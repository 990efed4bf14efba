/**
 * `newsbot reindex`: indexes every stored article again under the current search rules (after
 * an upgrade that changes which terms an article is found by). Safe while the bot runs.
 */
import type { Command } from 'commander';
import { println, withStore } from './runtime.js';

export function registerReindex(program: Command): void {
  program
    .command('reindex')
    .description('index every stored article again under the current search rules')
    .action(async () => {
      await withStore(async (store) => {
        const started = performance.now();
        const count = await store.reindex((done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rreindexed ${done} of ${total}`);
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        println(`reindexed ${count} article${count === 1 ? '' : 's'} in ${seconds} s`);
      });
    });
}

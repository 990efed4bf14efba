/** `newsbot search WORDS`: stored articles ranked by relevance, then recency. */
import type { Command } from 'commander';
import { println, withStore } from './runtime.js';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search over stored titles and texts')
    .argument('<words...>', 'words to look for')
    .option('-n, --limit <n>', 'results to show', '10')
    .option('--json', 'print {"total","items":[...]} as JSON')
    .action(async (words: string[], opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw new Error(`--limit: expected a whole number from 1 to 100, got "${opts.limit}"`);
      }
      await withStore(async (store) => {
        const page = await store.search(words.join(' '), { limit });
        if (opts.json) return println(JSON.stringify(page));
        if (page.items.length === 0)
          return println(`no stored article matches "${words.join(' ')}"`);
        for (const h of page.items) {
          const date = (h.publishedAt ?? h.ingestedAt).slice(0, 10);
          println(`${h.id}  ${date}  ${h.title}${h.source ? `  (${h.source})` : ''}`);
        }
        println(`${page.items.length} of ${page.total} shown`);
      });
    });
}

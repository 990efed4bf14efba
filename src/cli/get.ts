/** `newsbot get ID`: a stored article with its summary, quotes, background and who's who. */
import type { Command } from 'commander';
import { analysisJson } from './analyze.js';
import { println, withStore } from './runtime.js';

export function registerGet(program: Command): void {
  program
    .command('get')
    .description('show a stored article by id (or URL)')
    .argument('<id>', 'article id, or the article URL')
    .option('--json', 'print the stored analysis as JSON')
    .action(async (ref: string, opts: { json?: boolean }) => {
      await withStore(async (store) => {
        const id = /^https?:\/\//i.test(ref) ? await store.idForUrl(ref) : ref.trim().toLowerCase();
        const found = id ? await store.get(id) : null;
        if (!found) {
          process.stderr.write(`newsbot: no stored article with id or URL "${ref}"\n`);
          process.exitCode = 1;
          return;
        }
        const json = analysisJson(found.article, found.analysis, 'standard');
        if (opts.json) {
          println(
            JSON.stringify({
              ...json,
              url: found.article.url ?? null,
              publishedAt: found.article.publishedAt ?? null,
            }),
          );
          return;
        }
        const a = found.article;
        println(`${a.title}  (id ${a.id})`);
        const meta = [a.source, a.author, a.publishedAt, a.url].filter(Boolean).join(' · ');
        if (meta) println(meta);
        println(`${found.analysis.sentences.length} sentences, ingested ${a.ingestedAt}`);
        println('\nSummary');
        for (const s of json.summary) println(`  ${s.text}`);
        if (json.quotes.length) {
          println('\nQuotes');
          for (const q of json.quotes) println(`  “${q.text}” — ${q.speaker ?? 'unattributed'}`);
        }
        if (json.background.length) {
          println('\nBackground');
          for (const b of json.background) println(`  ${b.text}`);
        }
        if (json.entities.length) {
          println("\nWho's who");
          for (const e of json.entities)
            println(`  ${e.description ? `${e.name}: ${e.description}` : e.name}`);
        }
      });
    });
}

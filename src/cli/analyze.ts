/**
 * `newsbot analyze [FILE|-]`: the analysis of an article (summary, quotes, background, who's
 * who), readable or as JSON; `--jsonl` analyses a stream of JSON lines. Needs no Redis.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { readSources, draftFromRecord } from '../ingest/sources.js';
import type { Analysis, Article } from '../news/article.js';
import { prepareArticle } from '../news/prepare.js';
import { summarize } from '../news/summary.js';
import { println } from './runtime.js';

const LengthSchema = z.union([
  z.enum(['short', 'standard', 'long']),
  z.coerce.number().int().min(1).max(100),
]);
type Length = z.infer<typeof LengthSchema>;

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse one article (no Redis needed): summary, quotes, background, entities')
    .argument('[file]', 'article file (.txt, .html, .json), "-" for stdin', '-')
    .option('--json', 'print the analysis as one JSON object')
    .option(
      '--jsonl',
      'read JSON lines {"id","title"?,"text"?|"html"?,"url"?,"publishedAt"?,"sentences"?}, write one result a line',
    )
    .option(
      '--length <length>',
      'summary length: short, standard, long or a sentence count',
      'standard',
    )
    .action(async (file: string, opts: { json?: boolean; jsonl?: boolean; length: string }) => {
      const parsed = LengthSchema.safeParse(opts.length);
      if (!parsed.success)
        throw new Error(
          `--length: expected short, standard, long or a number, got "${opts.length}"`,
        );
      if (opts.jsonl) return analyzeLines(file, parsed.data);
      let failed = false;
      for await (const item of readSources([file])) {
        if ('error' in item) {
          process.stderr.write(`${item.location}: ${item.error}\n`);
          failed = true;
          continue;
        }
        try {
          const { article, analysis } = prepareArticle(item.draft, new Date());
          if (opts.json) println(JSON.stringify(analysisJson(article, analysis, parsed.data)));
          else println(readable(article, analysis, parsed.data));
        } catch (e) {
          process.stderr.write(`${item.location}: ${(e as Error).message}\n`);
          failed = true;
        }
      }
      if (failed) process.exitCode = 1;
    });
}

/** The `--json` shape of an analysis. */
export function analysisJson(article: Article, analysis: Analysis, length: Length) {
  return {
    id: article.id,
    title: article.title,
    text: article.paragraphs.join('\n\n'),
    summary: summarize(analysis, length),
    quotes: analysis.quotes.map(({ text, speaker, index }) => ({ text, speaker, index })),
    background: analysis.background.map(({ text, index }) => ({ text, index })),
    entities: analysis.entities.map(({ name, description }) => ({ name, description })),
  };
}

function readable(article: Article, analysis: Analysis, length: Length): string {
  const meta = [article.source, article.publishedAt, article.url].filter(Boolean).join(' · ');
  const section = (title: string, lines: string[]) =>
    lines.length ? [``, title, ...lines.map((l) => `  ${l}`)] : [];
  return [
    `${article.title}  (id ${article.id})`,
    ...(meta ? [meta] : []),
    ...section(
      'Summary',
      summarize(analysis, length).map((s) => s.text),
    ),
    ...section(
      'Quotes',
      analysis.quotes.map((q) => `“${q.text}” — ${q.speaker ?? 'unattributed'}`),
    ),
    ...section(
      'Background',
      analysis.background.map((b) => b.text),
    ),
    ...section(
      "Who's who",
      analysis.entities.map((e) => (e.description ? `${e.name}: ${e.description}` : e.name)),
    ),
    '',
  ].join('\n');
}

/** `--jsonl`: one output line per input line; a bad line gets {"id","error"} and the rest go on. */
async function analyzeLines(file: string, length: Length): Promise<void> {
  const input = file === '-' ? process.stdin : createReadStream(file);
  let failed = false;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const record: unknown = JSON.parse(line);
      if (record && typeof record === 'object' && 'id' in record) id = record.id;
      const sentences = (record as { sentences?: unknown }).sentences;
      const draft = draftFromRecord(record);
      const { article, analysis } = prepareArticle(draft, new Date());
      const n = sentences === undefined ? length : LengthSchema.parse(sentences);
      println(JSON.stringify({ ...analysisJson(article, analysis, n), id }));
    } catch (e) {
      failed = true;
      const error =
        e instanceof z.ZodError
          ? 'sentences: expected a number from 1 to 100'
          : (e as Error).message;
      println(JSON.stringify({ id, error }));
    }
  }
  if (failed) process.exitCode = 1;
}

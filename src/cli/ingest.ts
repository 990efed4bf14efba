/**
 * `newsbot ingest PATH...|URL...|-`: stores articles from files, directories, stdin and the web
 * (article pages and feeds, told apart by content: see ../ingest/url.ts). Rejected items
 * are reported with their location and reason while the rest still lands; the exit status is 1
 * when anything was rejected.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ingestAll, type IngestCounts, type IngestResult } from '../ingest/pipeline.js';
import { Fetcher } from '../ingest/fetch.js';
import { readSources } from '../ingest/sources.js';
import { ingestUrls, isWebUrl } from '../ingest/url.js';
import { println, withStore } from './runtime.js';

/** Batches with at least this many items get a progress bar (on a terminal). */
const PROGRESS_MIN_ITEMS = 50;

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'store articles from .txt, .html, .json and .jsonl files, directories, stdin (-) or http(s) URLs of article pages and feeds',
    )
    .argument('<paths...>', 'files or directories to read, "-" for stdin, or http(s) URLs')
    .option('--json', 'print one JSON line per item: {"id","status","title","error"?}')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const urls = paths.filter(isWebUrl);
      const files = paths.filter((p) => !isWebUrl(p));
      const counts = await withStore((store, config) =>
        ingestPaths(files, { json: Boolean(opts.json) }, async (onResult) => {
          const now = new Date();
          const fromFiles = await ingestAll(readSources(files), { store, now, onResult });
          const web = { fetcher: new Fetcher(config), articles: store, now: () => new Date() };
          const fromWeb = await ingestUrls(urls, { ...web, onResult });
          return {
            stored: fromFiles.stored + fromWeb.stored,
            duplicate: fromFiles.duplicate + fromWeb.duplicate,
            updated: fromFiles.updated + fromWeb.updated,
            rejected: fromFiles.rejected + fromWeb.rejected,
          };
        }),
      );
      if (counts.rejected > 0) process.exitCode = 1;
    });
}

export function closingCount(c: IngestCounts): string {
  return `stored ${c.stored}, duplicate ${c.duplicate}, updated ${c.updated}, rejected ${c.rejected}`;
}

/** Runs the batch with output: JSON lines or rejections + a progress bar, then the count. */
async function ingestPaths(
  paths: string[],
  opts: { json: boolean },
  run: (onResult: (r: IngestResult) => void) => Promise<IngestCounts>,
): Promise<IngestCounts> {
  if (opts.json) {
    const counts = await run((r) => println(JSON.stringify(jsonLine(r))));
    process.stderr.write(`${closingCount(counts)}\n`);
    return counts;
  }
  const total = process.stderr.isTTY ? await countItems(paths) : 0;
  const bar =
    total >= PROGRESS_MIN_ITEMS
      ? new cliProgress.MultiBar(
          {
            format: 'ingest [{bar}] {value}/{total} {percentage}% eta {eta}s',
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const progress = bar?.create(total, 0);
  const report = (line: string) => (bar ? bar.log(`${line}\n`) : process.stderr.write(`${line}\n`));
  let counts: IngestCounts;
  try {
    counts = await run((r) => {
      progress?.increment();
      if (r.status === 'rejected')
        report(`${r.location ?? '?'}: rejected: ${r.error ?? 'unknown reason'}`);
    });
  } finally {
    bar?.update(); // flushes rejections logged since the last redraw
    bar?.stop();
  }
  println(closingCount(counts));
  return counts;
}

function jsonLine(r: IngestResult): Record<string, unknown> {
  return {
    id: r.id ?? null,
    status: r.status,
    title: r.title ?? null,
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.location !== undefined ? { location: r.location } : {}),
  };
}

/** Roughly how many items the paths hold (lines of JSON-lines files, else one per file). */
async function countItems(paths: string[]): Promise<number> {
  let n = 0;
  for (const p of paths) {
    if (p === '-') continue;
    const info = await stat(p).catch(() => null);
    if (!info?.isFile()) continue;
    if (!/^\.(jsonl|ndjson)$/i.test(extname(p))) {
      n += 1;
      continue;
    }
    for await (const chunk of createReadStream(p) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n += 1;
    }
  }
  return n;
}

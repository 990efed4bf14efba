/**
 * Article text from HTML, on ../shared/data/article-extraction (94 real news pages with the body a
 * human extracted). Metric as in the article-extraction-benchmark's evaluate.py: `\w+` tokens,
 * 4-word shingles with counts, tp/fp/fn normalised per page, mean precision (pages with a
 * prediction) and mean recall (pages with a truth), F1 of the two means.
 *
 *   npx tsx bench/extraction.ts [--worst N]
 *
 * `--worst N` also lists the N pages where newsbot's precision + recall is lowest.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../src/ingest/decode.js';
import { extractArticle, NoArticleError } from '../src/ingest/extract-html.js';
import { DATA_DIR } from './lib/data.js';
import { formatTable } from './lib/table.js';

const DATA = join(DATA_DIR, 'article-extraction');

interface Page {
  id: string;
  url: string;
  truth: string;
  html: string;
}

type Counts = readonly [tp: number, fp: number, fn: number];

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function shingleCounts(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precision([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recall([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function metrics(all: Counts[]): { precision: number; recall: number; f1: number } {
  const p = mean(all.filter(([tp, fp]) => tp + fp > 0).map(precision));
  const r = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(recall));
  return { precision: p, recall: r, f1: (2 * p * r) / (p + r) };
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.entries(truth).map(([id, { url, articleBody }]) => ({
    id,
    url,
    truth: articleBody,
    html: decodeBytes(gunzipSync(readFileSync(join(DATA, 'html', `${id}.html.gz`))), {
      declared: 'html',
    }),
  }));
}

function newsbot(page: Page): string {
  try {
    return extractArticle(page.html, page.url).paragraphs.join('\n\n');
  } catch (err) {
    if (err instanceof NoArticleError) return '';
    throw err;
  }
}

function readability(page: Page): string {
  const { document } = parseHTML(page.html);
  Object.defineProperty(document, 'documentURI', { value: page.url });
  Object.defineProperty(document, 'baseURI', { value: page.url });
  return new Readability(document).parse()?.textContent ?? '';
}

const systems: ReadonlyArray<readonly [string, (page: Page) => string]> = [
  ['newsbot', newsbot],
  ['readability.js', readability],
];

const worstArg = process.argv.indexOf('--worst');
const worst = worstArg >= 0 ? Number(process.argv[worstArg + 1] ?? 10) : 0;

const pages = loadPages();
console.log(`article-extraction: ${pages.length} pages (metric of article-extraction-benchmark)\n`);
const rows: (string | number)[][] = [];
const worstLines: string[] = [];
for (const [name, extract] of systems) {
  const counts: Counts[] = [];
  const cpu = process.cpuUsage();
  for (const page of pages) counts.push(shingleCounts(page.truth, extract(page)));
  const used = process.cpuUsage(cpu);
  const m = metrics(counts);
  const ms = (used.user + used.system) / 1000 / pages.length;
  rows.push([name, m.precision, m.recall, m.f1, ms.toFixed(1).padStart('CPU ms/page'.length)]);
  if (name === 'newsbot' && worst > 0) {
    const ranked = pages
      .map((page, i) => ({ page, p: precision(counts[i]!), r: recall(counts[i]!) }))
      .sort((a, b) => a.p + a.r - (b.p + b.r))
      .slice(0, worst);
    for (const { page, p, r } of ranked) {
      worstLines.push(`P=${p.toFixed(3)} R=${r.toFixed(3)} ${page.id.slice(0, 12)} ${page.url}`);
    }
  }
}
console.log(formatTable(['system', 'precision', 'recall', 'F1', 'CPU ms/page'], rows, 3));
if (worstLines.length) console.log(`\nnewsbot's weakest pages:\n${worstLines.join('\n')}`);

/**
 * Stored-article corpora for the scale benches: the BBC, CNN/DailyMail and PolNeAR dev sets
 * prepared once (analysis included), then replicated with new ids, content hashes and dates to
 * any size, and saved into an ArticleStore with a bounded number of saves in flight.
 */
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { Analysis, Article } from '../../src/news/article.js';
import { articleId } from '../../src/news/identity.js';
import { ArticleRejectedError, prepareArticle, type ArticleDraft } from '../../src/news/prepare.js';
import type { ArticleStore } from '../../src/store/articles.js';
import { loadBbc, loadCnnDm, readJsonl } from './data.js';

export interface Prepared {
  article: Article;
  analysis: Analysis;
}

interface PolnearRow {
  doc: string;
  publisher: string;
  date: string;
  title: string;
  text: string;
}

/** Every dev-set article as a draft (PolNeAR: one copy per document). */
export function devDrafts(): ArticleDraft[] {
  const bbc = loadBbc().map((b) => ({ title: b.title, text: b.article, source: 'BBC' }));
  const cnn = loadCnnDm().map((c) => ({ text: c.article, url: c.url, source: c.source }));
  const seen = new Set<string>();
  const polnear = readJsonl<PolnearRow>('polnear/dev.jsonl')
    .filter((p) => !seen.has(p.doc) && seen.add(p.doc))
    .map((p) => ({ title: p.title, text: p.text, source: p.publisher, publishedAt: p.date }));
  return [...bbc, ...cnn, ...polnear];
}

/** Prepares drafts as ingest does; rejected ones are left out. */
export function prepareAll(drafts: ArticleDraft[], now = new Date()): Prepared[] {
  const out: Prepared[] = [];
  for (const d of drafts) {
    try {
      out.push(prepareArticle(d, now));
    } catch (e) {
      if (!(e instanceof ArticleRejectedError)) throw e;
    }
  }
  return out;
}

export const DAY_MS = 86_400_000;
/** Replicas are dated from this moment on, over `spanMs` (a year unless told). */
export const START_MS = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * DAY_MS;

/**
 * Copy `k` of a prepared article: a new content hash (so a new id and no dedup hit), no URL,
 * a date spread over `spanMs` from START_MS; the text and analysis are the original's.
 */
export function replica(p: Prepared, k: number, spanMs = YEAR_MS): Prepared {
  const hash = createHash('sha256').update(`${p.article.contentHash}:${k}`).digest('hex');
  const { url: _url, ...rest } = p.article;
  const publishedAt = new Date(START_MS + ((k * 7_919_000) % spanMs)).toISOString();
  return {
    article: { ...rest, id: articleId({ contentHash: hash }), contentHash: hash, publishedAt },
    analysis: p.analysis,
  };
}

/** The n-th article of an endless replication of `base`. */
export const nth = (base: Prepared[], n: number, spanMs?: number): Prepared =>
  replica(base[n % base.length]!, n, spanMs);

/** UTF-8 bytes of an article's text (title and paragraphs). */
export function textBytes(a: Article): number {
  return Buffer.byteLength(a.title) + a.paragraphs.reduce((s, p) => s + Buffer.byteLength(p), 0);
}

/** Saves articles [from, to) of the replication, `concurrency` saves in flight. */
export async function fill(
  store: ArticleStore,
  base: Prepared[],
  from: number,
  to: number,
  opts: { concurrency?: number; spanMs?: number } = {},
): Promise<{ textBytes: number }> {
  let next = from;
  let bytes = 0;
  const worker = async () => {
    while (next < to) {
      const { article, analysis } = nth(base, next++, opts.spanMs);
      bytes += textBytes(article);
      await store.save(article, analysis);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 32 }, worker));
  return { textBytes: bytes };
}

/** "load 3.1 (2 cores)": the 1-minute load average, to print beside every figure. */
export function loadNote(): string {
  return `load ${loadavg()[0]!.toFixed(1)} (${cpus().length} cores)`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** Value of `--name V` on the command line, else `fallback`. */
export function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

export const sizesFlag = (fallback: string): number[] =>
  flag('sizes', fallback)
    .split(',')
    .map((s) => Number(s.replace(/k$/i, '000')));

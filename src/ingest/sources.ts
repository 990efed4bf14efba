/**
 * Reading article drafts from paths: files, directories (recursively) and stdin ("-").
 * Formats: .txt (one article, paragraphs by line), .html/.htm (article extracted from the page),
 * .json (one article object or an array of them), .jsonl (one article object a line).
 * Every draft or failure carries its location ("file:line"); one bad item never stops the rest.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ArticleDraft } from '../news/prepare.js';
import { decodeBytes } from './decode.js';
import { extractArticle } from './extract-html.js';

export type SourceItem =
  { location: string; draft: ArticleDraft } | { location: string; error: string };

export type Format = 'text' | 'html' | 'json' | 'jsonl';

const FORMATS: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Whole-file formats are read into memory up to this size; JSON lines are streamed. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Drafts from every path in order ("-" = stdin), directories walked recursively. */
export async function* readSources(
  paths: string[],
  stdin: Readable = process.stdin,
): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* fromBytes(await readAll(stdin), 'stdin', sniff);
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      yield { location: path, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? e}` };
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await filesUnder(path)) yield* fromFile(file);
    } else {
      yield* fromFile(path);
    }
  }
}

/** Supported files under a directory, depth first, in name order. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(full)));
    else if (e.isFile() && FORMATS[extname(e.name).toLowerCase()]) out.push(full);
  }
  return out;
}

async function* fromFile(path: string): AsyncGenerator<SourceItem> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === 'jsonl') {
    yield* jsonLines(createReadStream(path), path);
    return;
  }
  const size = (await stat(path)).size;
  if (size > MAX_FILE_BYTES) {
    yield {
      location: `${path}:1`,
      error: `file too large: ${mb(size)} (limit ${mb(MAX_FILE_BYTES)})`,
    };
    return;
  }
  yield* fromBytes(await readFile(path), path, () => format ?? 'text');
}

/** Parses a whole input of a known (or sniffed) format. */
function* fromBytes(
  bytes: Buffer,
  name: string,
  formatOf: (text: string) => Format,
): Generator<SourceItem> {
  const at = (line: number) => `${name}:${line}`;
  let text: string;
  try {
    text = decodeBytes(bytes, {
      declared: /^\s*</.test(bytes.subarray(0, 64).toString()) ? 'html' : 'text',
    });
  } catch (e) {
    yield { location: at(1), error: (e as Error).message };
    return;
  }
  if (!text.trim()) {
    yield { location: at(1), error: 'empty input: no article text' };
    return;
  }
  const format = formatOf(text);
  switch (format) {
    case 'text':
      yield { location: at(1), draft: { text } };
      return;
    case 'html':
      yield itemOf(at(1), () => pageDraft(text));
      return;
    case 'json':
      yield* jsonDocument(text, name);
      return;
    case 'jsonl':
      for (const [i, line] of text.split('\n').entries()) {
        if (line.trim()) yield itemOf(at(i + 1), () => draftFromJson(line));
      }
  }
}

/** JSON lines streamed from a file: each line is its own item. */
async function* jsonLines(stream: Readable, name: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let any = false;
  try {
    for await (const line of lines) {
      n += 1;
      if (!line.trim()) continue;
      any = true;
      yield itemOf(`${name}:${n}`, () => draftFromJson(line));
    }
  } catch (e) {
    yield { location: `${name}:${n + 1}`, error: `cannot read: ${(e as Error).message}` };
    return;
  }
  if (!any) yield { location: `${name}:1`, error: 'empty input: no article lines' };
}

function* jsonDocument(text: string, name: string): Generator<SourceItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield { location: `${name}:1`, error: `malformed JSON: ${(e as Error).message}` };
    return;
  }
  if (!Array.isArray(value)) {
    yield itemOf(`${name}:1`, () => draftFromRecord(value));
    return;
  }
  if (value.length === 0) yield { location: `${name}:1`, error: 'empty array: no articles' };
  for (const [i, v] of value.entries())
    yield itemOf(`${name}:item ${i + 1}`, () => draftFromRecord(v));
}

function itemOf(location: string, make: () => ArticleDraft): SourceItem {
  try {
    return { location, draft: make() };
  } catch (e) {
    return { location, error: (e as Error).message };
  }
}

/** Format of stdin, judged by its content. */
function sniff(text: string): Format {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    try {
      JSON.parse(start);
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  return /^<(!doctype\s+html|html|head|body|article|p|div)\b/i.test(start) ? 'html' : 'text';
}

class DraftFieldError extends Error {
  override name = 'DraftFieldError';
}

function draftFromJson(line: string): ArticleDraft {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new DraftFieldError(`malformed JSON: ${(e as Error).message}`);
  }
  return draftFromRecord(value);
}

const FIELDS = {
  title: ['title', 'headline', 'name'],
  text: ['text', 'article', 'content', 'body', 'articleBody', 'description'],
  html: ['html', 'content_html', 'contentHtml'],
  url: ['url', 'link', 'canonicalUrl', 'canonical_url'],
  publishedAt: ['publishedAt', 'published', 'published_at', 'date', 'pubDate', 'datePublished'],
  source: ['source', 'publisher', 'siteName', 'site_name', 'site'],
  author: ['author', 'byline', 'authors'],
  language: ['language', 'lang'],
} as const;

/** First present field among `names`, as text (objects with a `name`, arrays joined). */
function field(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = record[n];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && n !== 'title') return String(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : nameOf(x))).join(', ');
    const named = nameOf(v);
    if (named) return named;
    throw new DraftFieldError(`${n}: expected text, got ${typeof v}`);
  }
  return undefined;
}

function nameOf(v: unknown): string {
  return v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
    ? (v as { name: string }).name
    : '';
}

/** Maps the common field names of news datasets and APIs onto an article draft. */
export function draftFromRecord(value: unknown): ArticleDraft {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new DraftFieldError('expected a JSON object with the article');
  }
  const record = value as Record<string, unknown>;
  const meta = compact({
    title: field(record, FIELDS.title),
    url: field(record, FIELDS.url),
    publishedAt: epochToIso(field(record, FIELDS.publishedAt)),
    source: field(record, FIELDS.source),
    author: field(record, FIELDS.author),
    language: field(record, FIELDS.language),
  });
  const html = field(record, FIELDS.html);
  if (html) return { ...pageDraft(html, meta.url), ...meta };
  const paragraphs = record.paragraphs;
  if (Array.isArray(paragraphs) && paragraphs.every((p) => typeof p === 'string')) {
    return { ...meta, paragraphs };
  }
  const text = field(record, FIELDS.text);
  if (text === undefined) {
    throw new DraftFieldError(
      'no article text: expected one of text, article, content, body, html or paragraphs',
    );
  }
  return /^\s*<(p|div|article|section|h\d)\b/i.test(text)
    ? { ...pageDraft(text, meta.url), ...meta }
    : { ...meta, text };
}

/** Draft of an HTML page (throws NoArticleError when it holds no article). */
function pageDraft(html: string, pageUrl?: string): ArticleDraft {
  const page = extractArticle(html, pageUrl);
  return compact({
    title: page.title,
    url: page.canonicalUrl,
    source: page.siteName,
    author: page.author,
    publishedAt: page.publishedAt,
    language: page.language,
    paragraphs: page.paragraphs,
  });
}

/** Unix times (seconds or milliseconds) as ISO strings; anything else unchanged. */
function epochToIso(v: string | undefined): string | undefined {
  if (v === undefined || !/^\d{9,13}$/.test(v)) return v;
  const n = Number(v);
  return new Date(v.length > 11 ? n : n * 1000).toISOString();
}

/** Drops undefined values (drafts are strict about absent vs undefined fields). */
function compact<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

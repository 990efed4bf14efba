/**
 * Evaluation data from ../shared/data (relative to the repository root), read at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared data folder: ../shared/data next to the repository. */
export const DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Parses a JSON-lines file under DATA_DIR. */
export function readJsonl<T>(relativePath: string): T[] {
  return readFileSync(join(DATA_DIR, relativePath), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export interface CnnDmItem {
  id: string;
  source: string;
  url: string;
  /** The whole article as one paragraph. */
  article: string;
  /** Human-written highlights, sentences separated by " . ". */
  highlights: string;
}

export interface BbcItem {
  id: string;
  category: string;
  title: string;
  /** Paragraphs separated by blank lines. */
  article: string;
  /** Article sentences chosen as the summary, run together without spaces. */
  summary: string;
}

export function loadCnnDm(): CnnDmItem[] {
  return readJsonl<CnnDmItem>('cnn-dailymail/dev.jsonl');
}

export function loadBbc(): BbcItem[] {
  return readJsonl<BbcItem>('bbc-news-summary/dev.jsonl');
}

/** BBC paragraphs: blank-line separated. */
export function bbcParagraphs(item: BbcItem): string[] {
  return item.article
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Splits a BBC reference summary (article sentences run together without spaces) into sentences
 * by matching it against the article's sentences: at each position, the longest article
 * sentence that continues the summary; where none matches, up to the next ".!?" before a capital.
 */
export function splitBbcSummary(summary: string, articleSentences: string[]): string[] {
  const candidates = [...new Set(articleSentences)].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let pos = 0;
  while (pos < summary.length) {
    const match = candidates.find((s) => summary.startsWith(s, pos));
    if (match !== undefined) {
      out.push(match);
      pos += match.length;
      continue;
    }
    const rest = summary.slice(pos);
    const boundary = /[.!?]["'\u201d]?(?=[A-Z"\u201c])/.exec(rest);
    const end = boundary === null ? rest.length : boundary.index + boundary[0].length;
    out.push(rest.slice(0, end));
    pos += end;
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

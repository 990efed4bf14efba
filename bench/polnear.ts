/**
 * Loads the PolNeAR articles (../shared/data/polnear/dev.jsonl, read at run time) as story
 * clustering input, and the hand-labelled story pairs of tests/fixtures/story-pairs.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { StoryArticle } from '../src/news/cluster.js';
import type { DigestArticle } from '../src/news/digest.js';
import { findEntities } from '../src/news/entities.js';
import { keywords } from '../src/news/keywords.js';
import { splitSentences } from '../src/news/sentences.js';
import { rankSentences } from '../src/news/summary.js';

export const POLNEAR_PATH =
  process.env.POLNEAR_PATH ??
  fileURLToPath(new URL('../../shared/data/polnear/dev.jsonl', import.meta.url));

const RowSchema = z.object({
  doc: z.string(),
  publisher: z.string(),
  date: z.string(),
  title: z.string(),
  text: z.string(),
});
export type PolnearRow = z.infer<typeof RowSchema>;

const PairSchema = z.object({
  same: z.boolean(),
  a: z.string(),
  b: z.string(),
  titleA: z.string(),
  titleB: z.string(),
});
export type StoryPair = z.infer<typeof PairSchema>;

/** One row per document (the corpus has several annotators' copies of some). */
export function loadPolnear(path = POLNEAR_PATH): PolnearRow[] {
  const byDoc = new Map<string, PolnearRow>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = RowSchema.parse(JSON.parse(line));
    if (!byDoc.has(row.doc)) byDoc.set(row.doc, row);
  }
  return [...byDoc.values()];
}

/** Body paragraphs without the title line the corpus repeats at the top of each text. */
export function bodyParagraphs(row: PolnearRow): string[] {
  const paragraphs = row.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const first = paragraphs[0]?.replace(/\.$/, '');
  return first === row.title.replace(/\.$/, '') ? paragraphs.slice(1) : paragraphs;
}

/**
 * The article as clustering input, as the stored analysis gives it (src/news/analyze.ts):
 * entities and keywords of the body, lead = 3 sentences; published at noon UTC of its date.
 */
export function storyArticle(row: PolnearRow, id = row.doc): StoryArticle {
  const { sentences } = splitSentences(bodyParagraphs(row));
  return {
    id,
    publishedMs: Date.parse(`${row.date}T12:00:00Z`),
    title: row.title,
    lead: sentences.slice(0, 3).join(' '),
    entities: findEntities(sentences).map((e) => e.name),
    keywords: keywords(row.title, sentences),
  };
}

/** The article as digest input: its sentences ranked as the stored analysis would rank them. */
export function digestArticle(row: PolnearRow, id = row.doc): DigestArticle {
  const { sentences, paragraphOf } = splitSentences(bodyParagraphs(row));
  return {
    ...storyArticle(row, id),
    source: row.publisher,
    url: `https://example.org/${row.publisher}/${id}`,
    sentences,
    ranking: rankSentences({ sentences, paragraphOf, title: row.title }),
  };
}

export function loadStoryPairs(): StoryPair[] {
  const path = fileURLToPath(new URL('../tests/fixtures/story-pairs.json', import.meta.url));
  return z.object({ pairs: z.array(PairSchema) }).parse(JSON.parse(readFileSync(path, 'utf8')))
    .pairs;
}

export interface PairScores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
}

/** Pairwise precision and recall of stories (lists of ids) against labelled pairs. */
export function scorePairs(stories: string[][], pairs: StoryPair[]): PairScores {
  const storyOf = new Map<string, number>();
  stories.forEach((ids, s) => ids.forEach((id) => storyOf.set(id, s)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    const a = storyOf.get(p.a);
    const predicted = a !== undefined && a === storyOf.get(p.b);
    if (predicted && p.same) tp++;
    else if (predicted) fp++;
    else if (p.same) fn++;
    else tn++;
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

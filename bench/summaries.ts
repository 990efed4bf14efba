/**
 * Summaries: ROUGE-1/2/L F1 (x100, rouge-score conventions) of newsbot against LEAD-k, greedy
 * ORACLE-k, TextRank and LexRank, on cnn-dailymail/dev.jsonl (human highlights, k = 3) and
 * bbc-news-summary/dev.jsonl (extractive references, k = the reference's sentence count).
 * Every system ranks the same sentences (newsbot's cleaning and splitting).
 *
 *   npx tsx bench/summaries.ts
 */
import { cleanParagraphs } from '../src/news/clean.js';
import { inferTitle } from '../src/news/identity.js';
import { splitSentences } from '../src/news/sentences.js';
import { rankSentences, summarize } from '../src/news/summary.js';
import { lead } from './baselines/lead.js';
import { lexrank } from './baselines/lexrank.js';
import { oracle } from './baselines/oracle.js';
import { textrank } from './baselines/textrank.js';
import { bbcParagraphs, loadBbc, loadCnnDm, splitBbcSummary } from './lib/data.js';
import { meanScores, rouge, type RougeScores } from './lib/rouge.js';
import { formatTable } from './lib/table.js';

interface Item {
  sentences: string[];
  paragraphOf: number[];
  title: string;
  reference: string[];
  k: number;
}

type System = (item: Item) => number[];

const SYSTEMS: [string, System][] = [
  [
    'newsbot',
    (item) =>
      summarize({ sentences: item.sentences, ranking: rankSentences(item) }, item.k).map(
        (s) => s.index,
      ),
  ],
  ['LEAD-k', (item) => lead(item.sentences, item.k)],
  ['ORACLE-k', (item) => oracle(item.sentences, item.reference, item.k)],
  ['TextRank', (item) => textrank(item.sentences, item.k)],
  ['LexRank', (item) => lexrank(item.sentences, item.k)],
];

function prepare(paragraphs: string[], title: string | undefined): Omit<Item, 'reference' | 'k'> {
  const cleaned = cleanParagraphs(paragraphs);
  const { sentences, paragraphOf } = splitSentences(cleaned);
  return { sentences, paragraphOf, title: title ?? inferTitle(cleaned) ?? '' };
}

function cnnItems(): Item[] {
  return loadCnnDm().map((row) => ({
    ...prepare([row.article], undefined),
    reference: row.highlights
      .split(/\s+\.(?:\s+|$)/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    k: 3,
  }));
}

function bbcItems(): Item[] {
  return loadBbc().map((row) => {
    const item = prepare(bbcParagraphs(row), row.title);
    const reference = splitBbcSummary(row.summary, item.sentences);
    return { ...item, reference, k: reference.length };
  });
}

function evaluate(name: string, items: Item[]): string {
  const rows = SYSTEMS.map(([system, pick]) => {
    const scores: RougeScores[] = items.map((item) =>
      rouge(
        item.reference,
        pick(item).map((i) => item.sentences[i] ?? ''),
      ),
    );
    const m = meanScores(scores);
    return [system, m.r1, m.r2, m.rL];
  });
  const meanK = items.reduce((a, i) => a + i.k, 0) / items.length;
  return `${name}: ${items.length} articles, mean k = ${meanK.toFixed(2)}\n${formatTable(['system', 'R-1', 'R-2', 'R-L'], rows)}\n`;
}

console.log(evaluate('CNN/DailyMail dev', cnnItems()));
console.log(evaluate('BBC News Summary dev', bbcItems()));

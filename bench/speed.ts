/**
 * Speed: articles prepared (cleaned, identified and fully analysed by prepareArticle) per second
 * on one core over bbc-news-summary/dev.jsonl: a first (cold) pass, then a second pass as a
 * long-running process sees it (compiled code and caches warm); then one 1 MB article;
 * then the process's peak resident memory. Rates are given per second of wall-clock time and per
 * second of this process's CPU time (the fairer figure on a busy, shared machine).
 *
 *   npx tsx bench/speed.ts
 */
import { performance } from 'node:perf_hooks';
import { prepareArticle } from '../src/news/prepare.js';
import { loadBbc, type BbcItem } from './lib/data.js';
import { formatTable } from './lib/table.js';

const NOW = new Date('2026-01-01T00:00:00Z');

function prepare(item: BbcItem): number {
  return prepareArticle({ title: item.title, text: item.article }, NOW).analysis.sentences.length;
}

const items = loadBbc();

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** One pass over every item: [wall seconds, CPU seconds, sentences]. */
function pass(): [number, number, number] {
  let sentences = 0;
  const start = performance.now();
  const startCpu = process.cpuUsage();
  for (const item of items) sentences += prepare(item);
  return [(performance.now() - start) / 1000, cpuSeconds(startCpu), sentences];
}

const [coldWall, coldCpu, sentences] = pass();
const [warmWall, warmCpu] = pass();

const big = items.map((i) => i.article).join('\n\n');
const megabyte = big.repeat(Math.ceil(1_048_576 / big.length)).slice(0, 1_048_576);
const bigStart = performance.now();
const bigStartCpu = process.cpuUsage();
const bigSentences = prepareArticle({ title: 'One megabyte', text: megabyte }, NOW).analysis
  .sentences.length;
const bigSeconds = (performance.now() - bigStart) / 1000;
const bigCpu = cpuSeconds(bigStartCpu);

const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  formatTable(
    ['measure', 'value'],
    [
      ['BBC dev articles', String(items.length)],
      ['sentences', String(sentences)],
      ['cold pass: articles/s, wall clock', (items.length / coldWall).toFixed(0)],
      ['cold pass: articles/s, CPU time', (items.length / coldCpu).toFixed(0)],
      ['warm pass: articles/s, wall clock', (items.length / warmWall).toFixed(0)],
      ['warm pass: articles/s, CPU time', (items.length / warmCpu).toFixed(0)],
      ['warm pass: CPU ms per article', ((warmCpu * 1000) / items.length).toFixed(2)],
      [`1 MB article (${bigSentences} sentences), wall s`, bigSeconds.toFixed(2)],
      ['1 MB article, CPU s', bigCpu.toFixed(2)],
      ['peak RSS, MB', peakMb.toFixed(0)],
    ],
  ),
);

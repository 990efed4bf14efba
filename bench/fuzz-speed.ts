/**
 * Analyser speed against input size: 1 MB inputs of several shapes (one line of words,
 * sentences in paragraphs, nested quotation marks, right-to-left text, no spaces), each timed
 * through prepareArticle (clean + analyse), plus the same shapes at 256 KB to show time grows
 * linearly. Times are CPU time of this process. Target: 1 MB in under 1 s.
 *
 *   npx tsx bench/fuzz-speed.ts
 */
import { ArticleRejectedError, prepareArticle } from '../src/news/prepare.js';
import { parseCommandText } from '../src/platforms/slack/parse.js';
import { commands } from '../commands/index.js';
import { loadNote } from './lib/corpus.js';
import { formatTable } from './lib/table.js';

const MB = 1_048_576;
const SHAPES: Array<[string, string]> = [
  ['one line of words', 'the minister said talks would resume '],
  ['sentences, paragraphs', 'Iran said: “We will talk.” Mr. Obama agreed.\n\n'],
  ['nested quotation marks', '“He said ‘'],
  ['right-to-left text', 'قال الرئيس إن المحادثات ستستأنف. '],
  ['capitalised names', 'Tehran Iraq Khamenei Obama '],
  ['no spaces', 'a'],
];

const fill = (unit: string, bytes: number) =>
  unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

/** CPU milliseconds (user + system) the run took: less skewed by a loaded machine than wall time. */
function time(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function analyse(text: string): void {
  try {
    prepareArticle({ text }, new Date());
  } catch (e) {
    if (!(e instanceof ArticleRejectedError)) throw e;
  }
}

const rows: (string | number)[][] = [];
for (const [name, unit] of SHAPES) {
  const quarter = time(() => analyse(fill(unit, MB / 4)));
  const whole = time(() => analyse(fill(unit, MB)));
  rows.push([name, quarter, whole, (whole / quarter).toFixed(1), loadNote()]);
}
const slackText = fill('<https://example.com/a|a> page:2 “quoted ‘words’” قال ', MB);
rows.push([
  'Slack text parser (/news)',
  time(() => parseCommandText(commands, 'news', slackText.slice(0, MB / 4))),
  time(() => parseCommandText(commands, 'news', slackText)),
  '-',
  loadNote(),
]);
console.log('Analyser CPU time against input size (ms; linear growth means 1 MB ≈ 4 × 256 KB)\n');
console.log(formatTable(['input', '256 KB', '1 MB', 'ratio', 'load'], rows, 1));

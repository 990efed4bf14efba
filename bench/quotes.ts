/**
 * Quotes and speakers on PolNeAR (../shared/data/polnear/dev.jsonl, read at run time).
 *
 * Gold: every quoted segment (3+ words inside quotation marks, per paragraph, mixed curly and
 * straight marks pairing too; a quote left open at a paragraph's end runs to that end) lying
 * within an attribution's content (the innermost one when attributions nest: "“...,” Sanders
 * said, according to CNN"); its speaker is the attribution's source, and a source with no name
 * ("she", "the aide", "the Texas senator": titles, places, nationalities and parties name
 * nobody) stands for the nearest earlier named source of the article. One copy per document
 * (the corpus repeats some documents once per annotator); the headline line is not body text.
 * Predictions of 3+ words are scored: one recalls a segment when it holds at least half of the
 * segment's words (ties go to a prediction not matched yet, for quotes repeated in an
 * article); it is right when it recalls any segment. The speaker is right when it names the
 * same person: the surname of one is among the name words of the other (possessives, "Mr.",
 * titles, initials and "(R-Texas)" tags ignored). Speaker accuracy is also split: where the
 * attribution names its source itself, and where an unnamed source stands for one by convention.
 *
 *   npx tsx bench/quotes.ts [--misses N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatTable } from './lib/table.js';
import { DATA_DIR } from './lib/data.js';
import { splitSentences } from '../src/news/sentences.js';
import { findEntities } from '../src/news/entities.js';
import { findQuotes } from '../src/news/quotes.js';
import { isSpeechVerb } from '../src/news/speech-verbs.js';
import { STOPWORDS } from '../src/news/tokens.js';

const SpanSchema = z.object({ start: z.number(), end: z.number(), text: z.string() });
const DocSchema = z.object({
  doc: z.string(),
  title: z.string(),
  text: z.string(),
  attributions: z.array(
    z.object({ source: z.array(SpanSchema), content: z.array(SpanSchema), direct: z.boolean() }),
  ),
});
type Doc = z.infer<typeof DocSchema>;

interface Segment {
  start: number;
  end: number;
  words: string[];
}
interface Gold extends Segment {
  speaker: string | null;
  /** The attribution names its source itself (not "she", "the aide" standing for one). */
  named: boolean;
}
interface Prediction {
  text: string;
  speaker: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/**
 * Capitalised words that name nobody: sentence-initial function words and numerals ("One
 * attendee", "Another", "Three aides"), titles, group nouns, and party or nationality adjectives
 * ("Some Republicans", "the Republican nominee").
 */
const UNNAMED = new Set(
  (
    'one another other two three four five six seven eight nine ten dozens hundreds thousands ' +
    'mr mrs ms dr president sen senator rep gov governor secretary minister officials official ' +
    'spokesman spokeswoman aide aides campaign sources source critics supporters others ' +
    'opponents several neither few experts analysts observers voters residents people members ' +
    'leaders republican republicans democrat democrats democratic gop american americans ' +
    'african-american conservative conservatives liberal liberals state federal national ' +
    'former vice chairman chairwoman speaker leader chief director judge justice pastor rev gen ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'june july august september october november december ' +
    // Places and nationalities: "the Texas senator", "a Florida consultant" name nobody.
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia ' +
    'hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts ' +
    'michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico ' +
    'york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont ' +
    'virginia wisconsin wyoming united states america u.s us usa britain china russia germany ' +
    'france israel iran iraq syria european cuban german british french chinese russian mexican ' +
    'israeli iranian latino hispanic muslim christian islamic western black white new'
  ).split(' '),
);

/** Nationality, country and colour words that are also surnames ("Mark Cuban", "Steve Israel"). */
const SURNAMES_TOO = new Set(
  'cuban french german british russian chinese mexican israel black white'.split(' '),
);

function nameWords(text: string): string[] {
  const out: string[] = [];
  let prevKept = false;
  let prevEnd = -1;
  for (const m of text.matchAll(/[\p{Lu}][\p{L}'’.-]*/gu)) {
    const w = m[0]
      .replace(/['’]s?$/, '')
      .replace(/^(?:al|el)-/i, '')
      .replace(/\.$/, '')
      .toLowerCase();
    // A surname-like word right after a name is part of it: "Mark Cuban", not "the Cuban".
    const surname: boolean = prevKept && prevEnd === m.index - 1 && SURNAMES_TOO.has(w);
    // Initials and party-state tags ("J.", "(R-Texas)") do not tell people apart.
    const kept: boolean =
      w.length > 1 && !/^[rdi]-/.test(w) && !STOPWORDS.has(w) && (!UNNAMED.has(w) || surname);
    if (kept) out.push(w);
    prevKept = kept;
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** Same person: a surname (last name word) of one appears among the name words of the other. */
function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return false;
  const p = nameWords(predicted);
  const g = nameWords(gold);
  const pl = p[p.length - 1];
  const gl = g[g.length - 1];
  return (pl !== undefined && g.includes(pl)) || (gl !== undefined && p.includes(gl));
}

/** Quoted segments of the text, paired per paragraph (curly or straight marks). */
function quotedSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let paraStart = 0;
  for (const para of text.split('\n')) {
    let open = -1;
    let mark = '';
    for (let i = 0; i < para.length; i++) {
      const ch = para[i];
      if (open < 0 && (ch === '“' || ch === '"')) {
        open = i;
        mark = ch;
      } else if (
        open >= 0 &&
        (ch === '”' || (ch === '"' && (mark === '"' || /\S/u.test(para[i - 1] ?? ' '))))
      ) {
        // Mixed marks (“...," / "...”) are typos for a pair: they close the quotation too.
        out.push({
          start: paraStart + open + 1,
          end: paraStart + i,
          words: words(para.slice(open + 1, i)),
        });
        open = -1;
      }
    }
    if (open >= 0)
      out.push({
        start: paraStart + open + 1,
        end: paraStart + para.length,
        words: words(para.slice(open + 1)),
      });
    paraStart += para.length + 1;
  }
  return out.filter((s) => s.words.length >= 3);
}

function goldOf(doc: Doc): Gold[] {
  const attributions = doc.attributions
    .map((a) => ({
      source: a.source.map((s) => s.text).join(' '),
      start: Math.min(...a.content.map((c) => c.start), ...a.source.map((s) => s.start)),
      content: a.content,
    }))
    .sort((x, y) => x.start - y.start);
  let lastNamed: string | null = null;
  const resolved = attributions.map((a) => {
    const named = nameWords(a.source).length > 0;
    if (named) lastNamed = a.source;
    return { ...a, speaker: named ? a.source : lastNamed, named };
  });
  const gold: Gold[] = [];
  for (const seg of quotedSegments(doc.text)) {
    const length = seg.end - seg.start;
    // Nested attributions ("“...,” Sanders said, according to CNN"): the innermost one, the
    // attribution whose content is the quotation itself, names who said it.
    let owner: (typeof resolved)[number] | undefined;
    let ownerSize = Infinity;
    for (const a of resolved) {
      const holds = a.content.some(
        (c) => Math.min(c.end, seg.end) - Math.max(c.start, seg.start) >= length / 2,
      );
      const size = a.content.reduce((n, c) => n + c.end - c.start, 0);
      if (holds && size < ownerSize) {
        owner = a;
        ownerSize = size;
      }
    }
    if (owner !== undefined) gold.push({ ...seg, speaker: owner.speaker, named: owner.named });
  }
  return gold;
}

/** Body paragraphs: the corpus repeats the headline as the first line; it is not body text. */
function paragraphsOf(doc: Doc): string[] {
  const paragraphs = doc.text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  // Compared by words: the copy may differ in punctuation ("‘Disgusting Fraud.’").
  const first = words(paragraphs[0] ?? '').join(' ');
  return first !== '' && first === words(doc.title).join(' ') ? paragraphs.slice(1) : paragraphs;
}

function newsbot(doc: Doc): Prediction[] {
  const { sentences, paragraphOf } = splitSentences(paragraphsOf(doc));
  const entities = findEntities(sentences);
  return findQuotes({ sentences, paragraphOf, entities }).map((q) => ({
    text: q.text,
    speaker: q.speaker,
  }));
}

/** Baseline: every quoted segment; speaker = the nearest name before the nearest speech verb. */
function baseline(doc: Doc): Prediction[] {
  const out: Prediction[] = [];
  const NAME = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;
  for (const seg of quotedSegments(doc.text)) {
    const paraStart = doc.text.lastIndexOf('\n', seg.start) + 1;
    let paraEnd = doc.text.indexOf('\n', seg.end);
    if (paraEnd < 0) paraEnd = doc.text.length;
    const before = doc.text.slice(paraStart, Math.max(paraStart, seg.start - 1));
    const after = doc.text.slice(Math.min(seg.end + 1, paraEnd), paraEnd);
    // The nearest speech verb: right after the quote, else before it.
    const verbIn = (text: string, last: boolean): number => {
      const hits = [...text.matchAll(/[\p{L}]+/gu)].filter((m) => isSpeechVerb(m[0].toLowerCase()));
      const hit = last ? hits[hits.length - 1] : hits[0];
      return hit?.index ?? -1;
    };
    const a = verbIn(after.slice(0, 60), false);
    let context: string;
    if (a >= 0) context = doc.text.slice(paraStart, seg.end + 1 + a);
    else {
      const b = verbIn(before, true);
      context = b >= 0 ? before.slice(0, b) : '';
    }
    context = context.replace(/“[^”]*”|"[^"]*"/g, ' ');
    const names = [...context.matchAll(NAME)]
      .map((m) => m[0])
      .filter((n) => nameWords(n).length > 0);
    out.push({
      text: doc.text.slice(seg.start, seg.end),
      speaker: names[names.length - 1] ?? null,
    });
  }
  return out;
}

/** How many of the segment's words the prediction holds (multiset). */
function coverage(seg: Segment, predicted: Map<string, number>): number {
  const left = new Map(predicted);
  let hit = 0;
  for (const w of seg.words) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      hit++;
      left.set(w, n - 1);
    }
  }
  return hit / seg.words.length;
}

interface Score {
  predicted: number;
  correct: number;
  gold: number;
  recalled: number;
  speakerRight: number;
  /** Recalled segments and right speakers where the gold attribution names its source. */
  named: { recalled: number; right: number };
  misses: string[];
}

function score(docs: Doc[], golds: Gold[][], system: (doc: Doc) => Prediction[]): Score {
  const s: Score = {
    predicted: 0,
    correct: 0,
    gold: 0,
    recalled: 0,
    speakerRight: 0,
    named: { recalled: 0, right: 0 },
    misses: [],
  };
  docs.forEach((doc, d) => {
    const gold = golds[d] ?? [];
    const predictions = system(doc)
      .filter((p) => words(p.text).length >= 3)
      .map((p) => {
        const bag = new Map<string, number>();
        for (const w of words(p.text)) bag.set(w, (bag.get(w) ?? 0) + 1);
        return { ...p, bag, used: false };
      });
    s.predicted += predictions.length;
    s.gold += gold.length;
    for (const g of gold) {
      let best: (typeof predictions)[number] | undefined;
      let bestCover = 0.5 - 1e-9;
      for (const p of predictions) {
        const c = coverage(g, p.bag);
        // Ties (a quote repeated in the article): the first prediction not matched yet.
        if (c > bestCover || (c === bestCover && best?.used === true && !p.used)) {
          best = p;
          bestCover = c;
        }
      }
      if (best === undefined) {
        s.misses.push(`${doc.doc}: MISSED “${doc.text.slice(g.start, g.end).slice(0, 80)}”`);
        continue;
      }
      best.used = true;
      s.recalled++;
      const right = sameSpeaker(best.speaker, g.speaker);
      if (g.named) {
        s.named.recalled++;
        if (right) s.named.right++;
      }
      if (right) s.speakerRight++;
      else {
        const context = doc.text.slice(Math.max(0, g.start - 250), g.end + 80).replace(/\s+/g, ' ');
        s.misses.push(
          `${doc.doc}: speaker ${best.speaker ?? 'null'} ≠ ${g.speaker ?? 'null'}: … ${context}`,
        );
      }
    }
    for (const p of predictions) {
      if (p.used) s.correct++;
      else s.misses.push(`${doc.doc}: EXTRA “${p.text.slice(0, 80)}” (${p.speaker ?? 'null'})`);
    }
  });
  return s;
}

function loadDocs(): Doc[] {
  const byDoc = new Map<string, Doc>();
  const path = join(DATA_DIR, 'polnear', 'dev.jsonl');
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = DocSchema.parse(JSON.parse(line));
    if (!byDoc.has(doc.doc)) byDoc.set(doc.doc, doc);
  }
  return [...byDoc.values()];
}

function main(): void {
  const missesArg = process.argv.indexOf('--misses');
  const showMisses = missesArg >= 0 ? Number(process.argv[missesArg + 1] ?? 50) : 0;
  const docs = loadDocs();
  const golds = docs.map(goldOf);
  const rows: (string | number)[][] = [];
  let newsbotScore: Score | undefined;
  for (const [name, system] of [
    ['newsbot', newsbot],
    ['quote marks + nearest name before speech verb', baseline],
  ] as const) {
    const s = score(docs, golds, system);
    if (name === 'newsbot') newsbotScore = s;
    const p = s.correct / Math.max(1, s.predicted);
    const r = s.recalled / Math.max(1, s.gold);
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    const byConvention = {
      recalled: s.recalled - s.named.recalled,
      right: s.speakerRight - s.named.right,
    };
    rows.push([
      name,
      p,
      r,
      f,
      s.speakerRight / Math.max(1, s.recalled),
      s.named.right / Math.max(1, s.named.recalled),
      byConvention.right / Math.max(1, byConvention.recalled),
    ]);
  }
  console.log(`PolNeAR dev: ${docs.length} documents, ${golds.flat().length} gold quoted segments`);
  console.log(
    formatTable(
      ['system', 'precision', 'recall', 'F1', 'speaker acc', 'named', 'by convention'],
      rows,
      3,
    ),
  );
  console.log(
    'speaker acc split: "named" where the attribution names its source; "by convention" where\n' +
      'an unnamed source ("she", "the aide") stands for the nearest earlier named source.',
  );
  if (showMisses > 0 && newsbotScore !== undefined) {
    console.log(`\nnewsbot errors (first ${showMisses}):`);
    for (const m of newsbotScore.misses.slice(0, showMisses)) console.log(`  ${m}`);
  }
}

main();

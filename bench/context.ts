/**
 * Who's-who and background precision against tests/fixtures/context-gold.json: newsbot's
 * entities (name + description) and background sentences on PolNeAR dev articles, each judged by
 * hand. Predictions the set has no judgement for (after a rule change) are counted separately
 * and left out of the precision; judge them and add them to the file.
 *
 *   npx tsx bench/context.ts [--unjudged]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from './lib/data.js';
import { formatTable } from './lib/table.js';
import { findBackground } from '../src/news/background.js';
import { findEntities } from '../src/news/entities.js';
import { splitSentences } from '../src/news/sentences.js';

const GoldSchema = z.object({
  entityDocs: z.array(z.string()),
  backgroundDocs: z.array(z.string()),
  entities: z.array(
    z.object({ doc: z.string(), name: z.string(), description: z.string(), correct: z.boolean() }),
  ),
  background: z.array(z.object({ doc: z.string(), sentence: z.string(), correct: z.boolean() })),
});
const DocSchema = z.object({ doc: z.string(), date: z.string(), text: z.string() });

const gold = GoldSchema.parse(
  JSON.parse(readFileSync(new URL('../tests/fixtures/context-gold.json', import.meta.url), 'utf8')),
);

const wanted = new Set([...gold.entityDocs, ...gold.backgroundDocs]);
const docs = new Map<string, z.infer<typeof DocSchema>>();
for (const line of readFileSync(join(DATA_DIR, 'polnear', 'dev.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = DocSchema.parse(JSON.parse(line));
  if (wanted.has(doc.doc) && !docs.has(doc.doc)) docs.set(doc.doc, doc);
}

interface Tally {
  judged: number;
  correct: number;
  unjudged: string[];
}

function tally(
  predictions: { doc: string; key: string }[],
  judgements: Map<string, boolean>,
): Tally {
  const t: Tally = { judged: 0, correct: 0, unjudged: [] };
  for (const p of predictions) {
    const verdict = judgements.get(`${p.doc}\u0000${p.key}`);
    if (verdict === undefined) t.unjudged.push(`${p.doc}: ${p.key}`);
    else {
      t.judged++;
      if (verdict) t.correct++;
    }
  }
  return t;
}

const entityPredictions: { doc: string; key: string }[] = [];
const backgroundPredictions: { doc: string; key: string }[] = [];
for (const doc of docs.values()) {
  const paragraphs = doc.text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const { sentences } = splitSentences(paragraphs);
  if (gold.entityDocs.includes(doc.doc)) {
    for (const e of findEntities(sentences)) {
      if (e.description !== null)
        entityPredictions.push({ doc: doc.doc, key: `${e.name} | ${e.description}` });
    }
  }
  if (gold.backgroundDocs.includes(doc.doc)) {
    for (const b of findBackground({ sentences, publishedAt: `${doc.date}T00:00:00Z` })) {
      backgroundPredictions.push({ doc: doc.doc, key: b.text });
    }
  }
}

const entities = tally(
  entityPredictions,
  new Map(gold.entities.map((e) => [`${e.doc}\u0000${e.name} | ${e.description}`, e.correct])),
);
const background = tally(
  backgroundPredictions,
  new Map(gold.background.map((b) => [`${b.doc}\u0000${b.sentence}`, b.correct])),
);

console.log(
  `Hand-checked context set: ${gold.entityDocs.length} articles for who's who, ${gold.backgroundDocs.length} for background`,
);
console.log(
  formatTable(
    ['measure', 'predicted', 'judged', 'correct', 'precision', 'unjudged'],
    [
      [
        'who’s who (name + description)',
        entityPredictions.length,
        entities.judged,
        entities.correct,
        entities.correct / Math.max(1, entities.judged),
        entities.unjudged.length,
      ],
      [
        'background sentences',
        backgroundPredictions.length,
        background.judged,
        background.correct,
        background.correct / Math.max(1, background.judged),
        background.unjudged.length,
      ],
    ].map((row) => row.map((c, i) => (i === 4 || typeof c === 'string' ? c : String(c)))),
    3,
  ),
);
if (process.argv.includes('--unjudged')) {
  for (const u of [...entities.unjudged, ...background.unjudged])
    console.log(`  unjudged: ${u.slice(0, 200)}`);
}

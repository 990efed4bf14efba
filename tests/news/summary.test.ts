import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanParagraphs, splitParagraphs } from '../../src/news/clean.js';
import { inferTitle } from '../../src/news/identity.js';
import { splitSentences } from '../../src/news/sentences.js';
import { rankByCentrality, rankSentences, summarize, summarySize } from '../../src/news/summary.js';
import { SEED_PATH } from '../support/data.js';

const SEED = readFileSync(SEED_PATH, 'utf8');

function seedAnalysis() {
  const paragraphs = cleanParagraphs(splitParagraphs(SEED));
  const { sentences, paragraphOf } = splitSentences(paragraphs);
  const title = inferTitle(paragraphs) ?? '';
  return { sentences, paragraphOf, ranking: rankSentences({ sentences, paragraphOf, title }) };
}

describe('rankSentences', () => {
  it('ranks every sentence exactly once', () => {
    const { sentences, ranking } = seedAnalysis();
    expect([...ranking].sort((a, b) => a - b)).toEqual(sentences.map((_, i) => i));
  });

  it('ranks nothing for no sentences', () => {
    expect(rankSentences({ sentences: [], paragraphOf: [], title: 'x' })).toEqual([]);
  });

  it('does not put a near-duplicate next to the sentence it repeats', () => {
    const lede = 'The government announced a new climate plan on Monday to cut emissions by half.';
    const sentences = [
      lede,
      lede.replace('Monday', 'Monday morning'),
      'Environmental groups welcomed the plan but said it lacked detail on funding.',
      'The opposition called the plan a gimmick ahead of the election.',
    ];
    const ranking = rankSentences({ sentences, paragraphOf: [0, 0, 1, 2], title: 'Climate plan' });
    expect(ranking.slice(0, 2)).not.toContain(1);
  });

  it('handles a huge article', () => {
    const paragraphs = Array.from(
      { length: 5000 },
      (_, i) => `Sentence number ${i} talks about topic ${i % 7}.`,
    );
    const { sentences, paragraphOf } = splitSentences(paragraphs);
    const ranking = rankSentences({ sentences, paragraphOf, title: 'Topic 3' });
    expect(ranking).toHaveLength(5000);
  });
});

describe('summarize', () => {
  it('gives verbatim sentences of the seed article, in article order, starting with the lede', () => {
    const analysis = seedAnalysis();
    const summary = summarize(analysis, 'standard');
    expect(summary.length).toBeGreaterThanOrEqual(3);
    expect(summary[0]?.text).toMatch(/^Iranian leader Ayatollah Ali Khamenei warned/);
    for (const s of summary) expect(SEED).toContain(s.text);
    const indices = summary.map((s) => s.index);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    for (const s of summary) expect(analysis.sentences[s.index]).toBe(s.text);
  });

  it('selects the length by name or exact count', () => {
    const analysis = seedAnalysis();
    const short = summarize(analysis, 'short').length;
    const standard = summarize(analysis, 'standard').length;
    const long = summarize(analysis, 'long').length;
    expect(short).toBeGreaterThanOrEqual(2);
    expect(short).toBeLessThan(standard);
    expect(standard).toBeLessThan(long);
    expect(summarize(analysis, 5)).toHaveLength(5);
    expect(summarize(analysis, 1000)).toHaveLength(analysis.sentences.length);
    expect(summarize(analysis, 0)).toEqual([]);
  });

  it('condenses the whole article, not its opening, when asked for a large share of it', () => {
    const analysis = seedAnalysis();
    const byCentrality = rankByCentrality(analysis.sentences);
    expect([...byCentrality].sort((a, b) => a - b)).toEqual(analysis.sentences.map((_, i) => i));
    const large = Math.ceil(analysis.sentences.length * 0.4);
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(summarize(analysis, large).map((s) => s.index)).toEqual(
      sorted(byCentrality.slice(0, large)),
    );
    expect(summarize(analysis, 3).map((s) => s.index)).toEqual(
      sorted(analysis.ranking.slice(0, 3)),
    );
  });

  it('scales named lengths to short articles', () => {
    expect(summarySize('standard', 2)).toBe(1);
    expect(summarySize('long', 4)).toBe(2);
    expect(summarySize('long', 60)).toBeGreaterThan(summarySize('long', 12));
  });
});

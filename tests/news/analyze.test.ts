import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/news/analyze.js';
import { AnalysisSchema } from '../../src/news/article.js';
import { cleanParagraphs, splitParagraphs } from '../../src/news/clean.js';
import { SEED_PATH } from '../support/data.js';

const SEED = readFileSync(SEED_PATH, 'utf8');

describe('analyze', () => {
  const input = {
    title: 'Khamenei warns US of further retaliation',
    paragraphs: cleanParagraphs(splitParagraphs(SEED)),
    publishedAt: '2020-07-21T17:00:00.000Z',
  };

  it('gives a complete, valid analysis of the seed article', () => {
    const analysis = analyze(input);
    expect(AnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.paragraphOf).toHaveLength(analysis.sentences.length);
    expect(analysis.ranking).toHaveLength(analysis.sentences.length);
    expect(analysis.quotes.length).toBeGreaterThan(0);
    expect(analysis.entities.map((e) => e.name)).toContain('Javad Zarif');
    expect(analysis.background.some((b) => b.text.includes('between 1980 and 1988'))).toBe(true);
  });

  it('keywords are stemmed terms, title first, weights in (0, 1]', () => {
    const { keywords } = analyze(input);
    expect(keywords.length).toBeGreaterThan(10);
    expect(keywords.length).toBeLessThanOrEqual(30);
    expect(keywords.slice(0, 5).map(([t]) => t)).toEqual(expect.arrayContaining(['khamenei']));
    for (const [, w] of keywords) {
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic', () => {
    expect(analyze(input)).toEqual(analyze(input));
  });
});

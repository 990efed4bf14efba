import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBackground } from '../../src/news/background.js';
import { splitSentences } from '../../src/news/sentences.js';
import { SEED_PATH } from '../support/data.js';

const SEED = SEED_PATH;

describe('findBackground', () => {
  it('finds the 1980-1988 Iran-Iraq war sentence in the seed article', () => {
    const { sentences } = splitSentences(
      readFileSync(SEED, 'utf8')
        .split('\n')
        .filter((p) => p.trim() !== ''),
    );
    const background = findBackground({ sentences });
    const war = background.find((b) => b.text.includes('between 1980 and 1988'));
    expect(war?.text).toMatch(
      /^The efforts to strengthen the two countries’ ties follows a much less amicable history/,
    );
    expect(sentences[war?.index ?? -1]).toBe(war?.text);
    // "the 2015 nuclear deal" names a deal; it does not date an earlier event.
    expect(background.some((b) => b.text.includes('Javad Zarif'))).toBe(false);
  });

  const sentences = [
    'In 2015, the company was sold to investors.',
    'The minister resigned on Tuesday after a week of protests.',
    'The party was founded in 1921 by a group of students.',
    'Prices rose 4 percent in 2019, the central bank said.',
    'The treaty signed in 1990-1991 still governs the border.',
    'She had previously served as ambassador and was once a professor.',
    'He said the deal would be signed next week.',
    'It was the biggest crowd in history.',
  ];

  it('never returns the lede, and dates before publication count as the past', () => {
    const found = findBackground({ sentences, publishedAt: '2020-06-01T00:00:00Z' }).map(
      (b) => b.index,
    );
    expect(found).toEqual([2, 3, 4, 5]);
  });

  it('treats years from the publication year on as news', () => {
    const found = findBackground({ sentences, publishedAt: '2019-03-01T00:00:00Z' }).map(
      (b) => b.index,
    );
    expect(found).not.toContain(3);
  });

  it('is linear on long input', () => {
    const long = Array.from(
      { length: 20_000 },
      (_, i) => `Sentence ${i} was written in 1999 and had been read since.`,
    );
    expect(findBackground({ sentences: long, publishedAt: '2020-01-01T00:00:00Z' })).toHaveLength(
      19_999,
    );
  });
});

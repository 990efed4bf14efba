import { describe, expect, it } from 'vitest';
import { STOPWORDS, stem, terms, words } from '../../src/news/tokens.js';

describe('tokens', () => {
  it('splits into lower-case alphanumeric words like rouge-score', () => {
    expect(words("Iran's U.S.-backed £2,100 deal")).toEqual([
      'iran',
      's',
      'u',
      's',
      'backed',
      '2',
      '100',
      'deal',
    ]);
  });

  it('folds accents instead of dropping letters', () => {
    expect(words('Café Zürich')).toEqual(['cafe', 'zurich']);
  });

  it('stems with Porter', () => {
    expect(stem('sanctions')).toBe('sanction');
    expect(stem('running')).toBe('run');
  });

  it('gives stemmed content terms without stopwords', () => {
    expect(STOPWORDS.has('the')).toBe(true);
    expect(terms('The sanctions were hurting the economies')).toEqual([
      'sanction',
      'hurt',
      'economi',
    ]);
  });
});

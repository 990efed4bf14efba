import { describe, expect, it } from 'vitest';
import { givenNameGender } from '../../src/news/given-names.js';
import { givenNameGender as fromNames } from '../../src/news/names.js';

describe('givenNameGender', () => {
  it('knows common English names and their diminutives', () => {
    expect(['Debbie', 'Eva', 'Ada', 'Jenny', 'Pam'].map(givenNameGender)).toEqual([
      'f',
      'f',
      'f',
      'f',
      'f',
    ]);
    expect(['Brad', 'Bobby', 'Geoff', 'Howard'].map(givenNameGender)).toEqual(['m', 'm', 'm', 'm']);
  });

  it('knows common names of other languages, with or without accents', () => {
    expect(['Giulia', 'Svetlana', 'Fatima', 'Cécile', 'Cecile'].map(givenNameGender)).toEqual([
      'f',
      'f',
      'f',
      'f',
      'f',
    ]);
    expect(['Jürgen', 'Raúl', 'Raul', 'Mahmoud', 'Sergei'].map(givenNameGender)).toEqual([
      'm',
      'm',
      'm',
      'm',
      'm',
    ]);
  });

  it('leaves out names given to both sexes, places and unknown words', () => {
    for (const name of ['Terry', 'Jordan', 'Jean', 'Kim', 'Taylor', 'Georgia', 'Zzyzx']) {
      expect(givenNameGender(name)).toBeNull();
    }
  });

  it('is re-exported by names', () => {
    expect(fromNames('Debbie')).toBe('f');
  });
});

import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/news/sentences.js';

const split = (text: string): string[] => splitSentences([text]).sentences;

describe('splitSentences', () => {
  it('keeps titles, acronyms, dates and numbers inside the sentence', () => {
    expect(split('Mr. Smith met Dr. Jones in the U.S. Capitol on Jan. 5. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. Capitol on Jan. 5.',
      'They talked.',
    ]);
    expect(split('He lives at No. 10 Downing Street. Prices rose 3.5 per cent.')).toEqual([
      'He lives at No. 10 Downing Street.',
      'Prices rose 3.5 per cent.',
    ]);
  });

  it('keeps initials with the name', () => {
    expect(split('J. K. Rowling wrote it. George W. Bush read it.')).toEqual([
      'J. K. Rowling wrote it.',
      'George W. Bush read it.',
    ]);
  });

  it('splits after an acronym that ends a sentence', () => {
    expect(split('The U.N. said it would help. Troops left the U.S. The war ended.')).toEqual([
      'The U.N. said it would help.',
      'Troops left the U.S.',
      'The war ended.',
    ]);
  });

  it('keeps a quotation with its attribution', () => {
    expect(split('“Is it over?” asked Smith. “We will win,” he said. “Yes.” She left.')).toEqual([
      '“Is it over?” asked Smith.',
      '“We will win,” he said.',
      '“Yes.”',
      'She left.',
    ]);
    expect(split('"It is over." Smith said later.')).toEqual([
      '"It is over."',
      'Smith said later.',
    ]);
  });

  it('handles ellipses', () => {
    expect(split('He paused... Then he spoke. It was… unclear.')).toEqual([
      'He paused...',
      'Then he spoke.',
      'It was… unclear.',
    ]);
  });

  it('never joins paragraphs and records where each sentence came from', () => {
    const result = splitSentences(['First one. Second one', 'Third one.']);
    expect(result.sentences).toEqual(['First one.', 'Second one', 'Third one.']);
    expect(result.paragraphOf).toEqual([0, 0, 1]);
  });

  it('copes with a megabyte of adversarial text', () => {
    const text = 'word '.repeat(200_000) + '. . . ' + '!?'.repeat(10_000) + 'U.S.'.repeat(10_000);
    const sentences = split(text);
    expect(sentences[0]?.startsWith('word word')).toBe(true);
    expect(sentences.join(' ').length).toBeGreaterThan(1_000_000);
  });
});

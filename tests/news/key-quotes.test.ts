import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/news/article.js';
import { keyQuotes, quotePage } from '../../src/news/key-quotes.js';

const q = (text: string, speaker: string | null, index: number): Quote => ({
  text,
  speaker,
  index,
});

describe('keyQuotes', () => {
  it('keeps every quote, in order, when they all fit', () => {
    const quotes = [
      q('in all areas', null, 0),
      q('We will not back down from this fight', 'Ali Khamenei', 1),
    ];
    expect(keyQuotes(quotes, 8)).toEqual(quotes);
  });

  it('drops fragments and unattributed quotes before whole attributed statements, keeping article order', () => {
    const quotes = [
      q('source of corruption', 'Ali Khamenei', 0),
      q('They killed your guest at your house and confessed to the crime', 'Ali Khamenei', 1),
      q('Nobody knows who wrote this note or why it was left here', null, 2),
      q('Iraq will not allow any aggression against its neighbours', 'Mustafa al-Kadhimi', 3),
      q('in all areas', null, 4),
    ];
    expect(keyQuotes(quotes, 3).map((x) => x.index)).toEqual([1, 2, 3]);
    expect(keyQuotes(quotes, 2).map((x) => x.index)).toEqual([1, 3]);
  });

  it('lets a second voice in even when one speaker has more and longer statements', () => {
    const long = 'This is a long and complete statement about the talks held in Tehran this week';
    const quotes = [
      ...Array.from({ length: 6 }, (_, i) => q(`${long} (${i})`, 'Ali Khamenei', i)),
      q('We want good relations with every neighbour', 'Mustafa al-Kadhimi', 6),
    ];
    const chosen = keyQuotes(quotes, 4);
    expect(chosen.map((x) => x.speaker)).toEqual([
      'Ali Khamenei',
      'Ali Khamenei',
      'Ali Khamenei',
      'Mustafa al-Kadhimi',
    ]);
  });

  it('fills the places left by a lone speaker beyond the share', () => {
    const quotes = Array.from({ length: 10 }, (_, i) =>
      q(`A whole statement number ${i} about the economy and jobs`, 'Joe Biden', i),
    );
    expect(keyQuotes(quotes, 8)).toHaveLength(8);
  });
});

describe('quotePage', () => {
  const quotes = [
    q('source of corruption', 'Ali Khamenei', 0),
    q('They killed your guest at your house and confessed to the crime', 'Ali Khamenei', 1),
    q('in all areas', null, 2),
    q('Iraq will not allow any aggression against its neighbours', 'Mustafa al-Kadhimi', 3),
    q('an independent, strong Iraq', null, 4),
  ];

  it('shows the key quotes first, then every other one once, in article order', () => {
    expect(quotePage(quotes, 1, 2)).toEqual({ quotes: [quotes[1], quotes[3]], pages: 3 });
    expect(quotePage(quotes, 2, 2).quotes).toEqual([quotes[0], quotes[2]]);
    expect(quotePage(quotes, 3, 2).quotes).toEqual([quotes[4]]);
  });

  it('is one page when the key quotes are all of them', () => {
    expect(quotePage(quotes, 1, 5)).toEqual({ quotes, pages: 1 });
  });
});

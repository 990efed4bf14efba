import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanParagraphs, splitParagraphs } from '../../src/news/clean.js';
import { SEED_PATH } from '../support/data.js';

const SEED = readFileSync(SEED_PATH, 'utf8');

describe('splitParagraphs', () => {
  it('takes one paragraph a line unless paragraphs are separated by blank lines', () => {
    expect(splitParagraphs('One.\r\nTwo.\n  \nThree.\n')).toEqual(['One. Two.', 'Three.']);
    expect(splitParagraphs('One.\r\nTwo.\nThree.\n')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('joins hard-wrapped lines when paragraphs are separated by blank lines', () => {
    expect(splitParagraphs('A wrapped\nline.\n\nNext paragraph.')).toEqual([
      'A wrapped line.',
      'Next paragraph.',
    ]);
  });
});

describe('cleanParagraphs', () => {
  it('removes the seed article boilerplate tail and keeps every real paragraph', () => {
    const raw = splitParagraphs(SEED);
    const cleaned = cleanParagraphs(raw);
    expect(cleaned.join('\n')).not.toContain('Like this story');
    expect(cleaned).toHaveLength(raw.length - 1);
    expect(cleaned[0]).toMatch(/^Iranian leader Ayatollah Ali Khamenei warned/);
  });

  it('removes share prompts, newsletter and cookie notices, credits and links', () => {
    const body = 'The central bank raised interest rates on Thursday, citing inflation.';
    const cleaned = cleanParagraphs([
      body,
      'Read more: Why the pound is falling',
      'Sign up for our daily newsletter',
      'We use cookies to improve your experience on our site.',
      'Photo: Getty Images',
      'Image caption The governor at the press conference',
      'Follow us on Twitter',
      'Click here to subscribe',
      'Share this article',
    ]);
    expect(cleaned).toEqual([body]);
  });

  it('removes a byline and dateline at the start of the body only', () => {
    expect(
      cleanParagraphs([
        'By Jane Smith',
        'LONDON (Reuters) - The pound fell sharply on Tuesday after weak data.',
        'By Wednesday it had recovered, traders said.',
      ]),
    ).toEqual([
      'The pound fell sharply on Tuesday after weak data.',
      'By Wednesday it had recovered, traders said.',
    ]);
  });

  it('keeps article text that merely mentions cookies, newsletters or photos', () => {
    const text = [
      'Regulators said websites must ask before they set cookies.',
      'The newsletter was founded in 1998 by two former reporters.',
      'Photographs of the scene showed widespread damage.',
    ];
    expect(cleanParagraphs(text)).toEqual(text);
  });

  it('normalises Unicode and whitespace', () => {
    expect(cleanParagraphs(['  Cafe\u0301\u00a0 au\u200b lait  ', '   '])).toEqual([
      'Café au lait',
    ]);
  });
});

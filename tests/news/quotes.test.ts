import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/news/entities.js';
import { findQuotes } from '../../src/news/quotes.js';
import { splitSentences } from '../../src/news/sentences.js';
import { SEED_PATH } from '../support/data.js';

const SEED = SEED_PATH;

function quotesOf(paragraphs: string[]) {
  const { sentences, paragraphOf } = splitSentences(paragraphs);
  return findQuotes({ sentences, paragraphOf, entities: findEntities(sentences) });
}

describe('findQuotes on the seed article', () => {
  const quotes = quotesOf(
    readFileSync(SEED, 'utf8')
      .split('\n')
      .filter((p) => p.trim() !== ''),
  );
  const byText = (text: string) => quotes.find((q) => q.text === text);

  it('attributes "X said" after the quote', () => {
    expect(
      byText('They killed your guest at your house and explicitly confessed to the crime')?.speaker,
    ).toBe('Ali Khamenei');
  });

  it('resolves "he said" to Khamenei', () => {
    expect(
      byText(
        'Of course, the expansion of Iran-Iraq relations has opponents, led by the United States',
      )?.speaker,
    ).toBe('Ali Khamenei');
  });

  it('resolves a partial quote after "the Iraqi PM" to al-Kadhimi', () => {
    const quote = byText('allow any aggression or challenge to Iran');
    expect(quote?.speaker).toBe('Mustafa al-Kadhimi');
    expect(quote?.index).toBe(11);
  });

  it('resolves "the ayatollah" through the description the article gave', () => {
    expect(byText('source of corruption and destruction')?.speaker).toBe('Ali Khamenei');
  });

  it('does not list scare quotes', () => {
    const texts = quotes.map((q) => q.text);
    expect(texts).not.toContain('maximum pressure');
    expect(texts).not.toContain('snapback');
  });
});

describe('findQuotes', () => {
  it('joins a quotation continued across paragraphs', () => {
    const quotes = quotesOf([
      'Jane Smith, the city’s mayor, spoke on Monday.',
      '“We will rebuild every school,” she said. “It will take years, and it will cost a great deal.',
      '“But we owe it to the children of this city.”',
    ]);
    expect(quotes).toEqual([
      { text: 'We will rebuild every school', speaker: 'Jane Smith', index: 1 },
      {
        text: 'It will take years, and it will cost a great deal. But we owe it to the children of this city.',
        speaker: 'Jane Smith',
        index: 2,
      },
    ]);
  });

  it('handles straight quotes, "said X" and "according to X"', () => {
    const quotes = quotesOf([
      '"The talks went well and we expect a deal soon," said Foreign Minister Ahmed Khan.',
      'According to Maria Lopez, "nothing has been agreed yet, whatever anyone says."',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ahmed Khan', 'Maria Lopez']);
  });

  it('chooses the pronoun’s antecedent by gender', () => {
    const quotes = quotesOf([
      'Senator John Park met Governor Anna Weiss in the capital.',
      '“We agreed on nothing at all today,” she said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Anna Weiss');
  });

  it('gives a null speaker when nobody can be named', () => {
    const quotes = quotesOf([
      'A sign on the door read “closed until further notice, sorry for any trouble.”',
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBeNull();
  });

  it('reads a surname that is also a role word, and attributions closing the sentence', () => {
    const quotes = quotesOf([
      '"People say it matters," said Charlie King, a prominent New York Democrat.',
      '"These groups have been setting the table for voters," in sharp contrast to earlier races, says Dante Scala, a political scientist.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Charlie King', 'Dante Scala']);
  });

  it('takes a name signed after a dash and closes mixed quotation marks', () => {
    const quotes = quotesOf([
      '“He represents our greatest shame and I will vote against him.” ― Sonya Herridge',
      '“But Pete Wilson won in the end," David Axelrod said.',
    ]);
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['He represents our greatest shame and I will vote against him.', 'Sonya Herridge'],
      ['But Pete Wilson won in the end', 'David Axelrod'],
    ]);
  });

  it('resolves "he said" to a surname-only speaker, not to a sentence-opening word', () => {
    const quotes = quotesOf([
      'Donald Trump went with the odds.',
      'Cruz openly admitted that his pick was political. “With an eye to February, Carolina,” he said.',
      'Audiences can expect a long night. “It is straight from the heart,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Cruz', 'Cruz']);
  });

  it('keeps every speaker on a long article', () => {
    const paragraph =
      'Officials met on Monday. “We will not accept this deal under any circumstances,” Foreign Minister Ahmed Khan said, adding that “talks must go on.” He later said the “red line” stood.';
    const paragraphs = Array.from({ length: 1000 }, () => paragraph);
    const quotes = quotesOf(paragraphs);
    expect(quotes).toHaveLength(2000);
    expect(quotes.every((q) => q.speaker === 'Ahmed Khan')).toBe(true);
  });
});

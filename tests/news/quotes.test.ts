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

  it('keeps the speaker of the quote’s own clause over a later clause’s subject', () => {
    const quotes = quotesOf([
      'Mayor Lena Ortiz vowed to make the budget “balanced within two years,” and Councilman Victor Hale promised to “fight every single cut.”',
      'Victor Hale accuses Lena Ortiz of “spending money the city does not have” and Ortiz says he is “living in the past century.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Lena Ortiz',
      'Victor Hale',
      'Victor Hale',
      'Lena Ortiz',
    ]);
  });

  it('finds the name behind a description after the verb', () => {
    const quotes = quotesOf([
      '“Nobody expected the turnout we saw,” said election lawyer Maya Brandt.',
      '“It changes every plan we had,” said former Ohio governor Thomas Reeve, a Republican.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Maya Brandt', 'Thomas Reeve']);
  });

  it('takes the teller, not the listener, in "X told Y:"', () => {
    const quotes = quotesOf([
      'Senator Paul Ward met the press. Ward on Tuesday told Channel Nine: “We will not back down on this bill.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Paul Ward');
  });

  it('lets a publication speak in its own name', () => {
    const quotes = quotesOf([
      'The Harbor Gazette newspaper wrote: “The council has failed the people it serves.”',
      'As Rosa Klein put it, “nobody in this town trusts the numbers anymore.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Harbor Gazette', 'Rosa Klein']);
  });

  it('tells namesakes apart and ignores sentences that start inside a quote', () => {
    const quotes = quotesOf([
      'Governor Robert Lane spoke first. His daughter, Emily Lane, introduced him at the rally.',
      '“I have seen him fight for this state,” she said.',
      '“Is that what we want? Lane will never back down,” Robert Lane said. “We will win,” he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Emily Lane', 'Robert Lane', 'Robert Lane']);
  });

  it('does not take an opening number word for a speaker', () => {
    const quotes = quotesOf([
      'Fifteen minutes after the vote, Senator Diane Cole stood on the steps calling it “a great day for the whole state.”',
      'Several hours later, the crowd cheered “four more years, four more years.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Diane Cole', 'Diane Cole']);
  });

  it('lets an unnamed source stand for the last named source, not the last person mentioned', () => {
    const quotes = quotesOf([
      '“We will win Iowa,” Governor Mark Ellis said on Monday.',
      'Senator Tom Baker toured a factory in Des Moines on Tuesday.',
      '“The governor is not worried at all,” a senior aide said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Mark Ellis', 'Mark Ellis']);
  });

  it('reads a speech word after a possessive or an article as a noun, not a verb', () => {
    const quotes = quotesOf([
      'Mayor Tom Ruiz has not yet responded to Governor Carl Moss’s remarks, although he did post on social media on Sunday. “Our city deserves better than this,” he wrote.',
    ]);
    expect(quotes[0]?.speaker).toBe('Tom Ruiz');
  });

  it('skips a dateline before the sentence subject', () => {
    const quotes = quotesOf([
      'DES MOINES, Iowa, March 3 (AP) — Senator Paul Grant toured three farms on Friday. “They feed the whole country,” he said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Paul Grant');
  });

  it('does not take a name after "the" for a person a pronoun refers to', () => {
    const quotes = quotesOf([
      'Senator Mark Hale spoke after the Fairview attacks, citing his record. “We will keep every family safe,” he said.',
    ]);
    expect(quotes[0]?.speaker).toBe('Mark Hale');
  });

  it('reads "goes on" as speech only before punctuation, and knows "beamed"', () => {
    const quotes = quotesOf([
      'Senator Ruth Diaz said that once the Harlow Club goes on tour, “I intend to visit every county in the state.”',
      '“We won every single precinct!” beamed campaign manager Nora Pike.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ruth Diaz', 'Nora Pike']);
  });

  it('takes the name a possessive outlet introduces after the verb', () => {
    const quotes = quotesOf([
      '“Debates rarely move the polls this late in a race,” noted NBC’s Dana Reyes.',
    ]);
    expect(quotes[0]?.speaker).toBe('Dana Reyes');
  });

  it('gives a participle the subject of the speech verb it hangs from', () => {
    const quotes = quotesOf([
      'Blake’s “excesses” are shameful, Mayor Jean Roux said on Tuesday, noting that the plan “would bankrupt the city within a decade.”',
    ]);
    expect(quotes[0]?.speaker).toBe('Jean Roux');
  });

  it('attributes opening quotes to the name attributing the paragraph’s next quote', () => {
    const quotes = quotesOf([
      '“It is over for this season.” “We lost the vote by a mile,” Coach Dale Brooks said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Dale Brooks', 'Dale Brooks']);
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

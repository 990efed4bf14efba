import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/news/entities.js';
import { splitSentences } from '../../src/news/sentences.js';
import { SEED_PATH } from '../support/data.js';

const SEED = SEED_PATH;

function entitiesOf(paragraphs: string[]) {
  return findEntities(splitSentences(paragraphs).sentences);
}

describe('findEntities on the seed article', () => {
  const entities = entitiesOf(
    readFileSync(SEED, 'utf8')
      .split('\n')
      .filter((p) => p.trim() !== ''),
  );
  const byName = (name: string) => entities.find((e) => e.name === name);

  it('takes a title written before the name as the description', () => {
    expect(byName('Javad Zarif')).toMatchObject({
      kind: 'person',
      description: 'Iranian Foreign Minister',
    });
  });

  it('finds al-Kadhimi as Iraqi Prime Minister and merges "al-Kadhimi" into the full name', () => {
    expect(byName('Mustafa al-Kadhimi')).toMatchObject({
      description: 'Iraqi Prime Minister',
      mentions: 2,
    });
    expect(byName('al-Kadhimi')).toBeUndefined();
  });

  it('merges surname mentions and ranks the most mentioned first', () => {
    expect(entities[0]).toMatchObject({ name: 'Ali Khamenei', mentions: 5 });
    expect(entities.filter((e) => e.name.endsWith('Khamenei'))).toHaveLength(1);
  });

  it('prefers the fuller appositive description', () => {
    expect(byName('Qasem Soleimani')?.description).toBe('commander of Iran’s elite Quds Force');
  });

  it('does not take capital cities for people', () => {
    expect(entities.map((e) => e.name)).not.toContain('Washington');
    expect(entities.map((e) => e.name)).not.toContain('Tehran');
  });
});

describe('findEntities', () => {
  it('reads appositives and "who heads" clauses, title-casing a bare title', () => {
    const entities = entitiesOf([
      'Mustafa al-Kadhimi, the Iraqi prime minister, flew to Tehran.',
      'Ahmed Vahidi, who heads the Revolutionary Guards, was not there.',
      'Kadhimi later met Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus.',
    ]);
    expect(entities).toEqual(
      expect.arrayContaining([
        {
          name: 'Mustafa al-Kadhimi',
          kind: 'person',
          description: 'Iraqi Prime Minister',
          mentions: 2,
        },
        {
          name: 'Ahmed Vahidi',
          kind: 'person',
          description: 'head of the Revolutionary Guards',
          mentions: 1,
        },
        {
          name: 'Jim Clyburn',
          kind: 'person',
          description: 'assistant leader of the Democratic caucus',
          mentions: 1,
        },
      ]),
    );
  });

  it('keeps two people who share a surname apart', () => {
    const entities = entitiesOf([
      'Former President Bill Clinton spoke first.',
      'Democratic nominee Hillary Clinton spoke next.',
    ]);
    expect(entities.map((e) => [e.name, e.description])).toEqual([
      ['Bill Clinton', 'Former President'],
      ['Hillary Clinton', 'Democratic nominee'],
    ]);
  });

  it('lists organisations named more than once, merging an acronym into the full name', () => {
    const entities = entitiesOf([
      'The National Rifle Association (NRA) opposed the bill.',
      'The NRA said it would fight on.',
    ]);
    expect(entities.map((e) => [e.name, e.kind])).toEqual([
      ['National Rifle Association', 'organisation'],
    ]);
  });

  it('ignores headlines in capitals', () => {
    expect(entitiesOf(['DOCTORS DON’T WANT HIM, the fellow said.'])).toEqual([]);
  });
  it('drops words before a name that the text writes in lower case, and places', () => {
    const names = findEntities([
      'Crooked Hillary Clinton was the target, as critics said.',
      'Hillary Clinton said she was crooked in nothing.',
      'New Hampshire said nothing, and Trump said New Hampshire will decide.',
    ]).map((e) => e.name);
    expect(names).toContain('Hillary Clinton');
    expect(names).not.toContain('Crooked Hillary Clinton');
    expect(names).not.toContain('New Hampshire');
  });

  it('counts a surname the text also writes in lower case when used mid-sentence', () => {
    const entities = findEntities([
      'The columnist Jane Rose wrote a new essay this week.',
      'Prices rose again, and Rose said the party had lost its way.',
      'Rose sold well at the market.',
    ]);
    expect(entities.map((e) => [e.name, e.mentions])).toEqual([['Jane Rose', 2]]);
  });
});

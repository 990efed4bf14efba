import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextCommand } from '../../commands/context.js';
import type { CommandDef } from '../../src/command.js';
import { runCommand } from '../../src/dispatch.js';
import { commandFixture, SEED_TEXT, type CommandFixture } from './context-helper.js';

let f: CommandFixture;
let id: string;
let earlier: string;

beforeAll(async () => {
  f = await commandFixture('cmd-context');
  id = await f.seed({ text: SEED_TEXT, publishedAt: '2020-07-21T15:00:00Z' });
  earlier = await f.seed({
    title: 'Iran strikes US bases in Iraq after Soleimani killing',
    text: 'Iran fired missiles at US forces in Iraq in retaliation for the killing of Qasem Soleimani. Khamenei called the strike a slap in the face for the United States.',
    publishedAt: '2020-01-08T06:00:00Z',
  });
});
afterAll(() => f?.redis.cleanup());

it('gives background, who’s who and dated earlier coverage', async () => {
  const r = await runCommand(contextCommand as unknown as CommandDef, { article: id }, f.ctx());
  if (r.kind !== 'cards') throw new Error('expected a card');
  const [background, who, coverage] = r.cards[0]!.sections;
  expect(background!.heading).toBe('Background');
  expect(background!.items.map((i) => i.text).join(' ')).toContain('1980');
  expect(who!.heading).toBe("Who's who");
  expect(who!.items).toContainEqual({
    text: 'Javad Zarif',
    attribution: expect.stringMatching(/Foreign Minister/i),
  });
  expect(coverage!.heading).toBe('Earlier coverage');
  expect(coverage!.items).toEqual([
    {
      text: 'Iran strikes US bases in Iraq after Soleimani killing',
      attribution: `8 Jan 2020 · ${earlier}`,
    },
  ]);
});

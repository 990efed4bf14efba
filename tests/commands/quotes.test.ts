import { afterAll, beforeAll, expect, it } from 'vitest';
import { quotesCommand } from '../../commands/quotes.js';
import type { CommandDef } from '../../src/command.js';
import { runCommand } from '../../src/dispatch.js';
import { commandFixture, SEED_TEXT, type CommandFixture } from './context-helper.js';

let f: CommandFixture;
let id: string;
let none: string;

beforeAll(async () => {
  f = await commandFixture('cmd-quotes');
  id = await f.seed({ text: SEED_TEXT });
  none = await f.seed({
    text: 'The river rose by two metres overnight. Roads near the bank were closed.',
  });
});
afterAll(() => f?.redis.cleanup());

it('lists the quotations with their speakers', async () => {
  const r = await runCommand(quotesCommand as unknown as CommandDef, { article: id }, f.ctx());
  if (r.kind !== 'cards') throw new Error('expected a card');
  const section = r.cards[0]!.sections[0]!;
  expect(section.style).toBe('quotes');
  expect(section.items).toContainEqual({
    text: 'They killed your guest at your house and explicitly confessed to the crime',
    attribution: expect.stringMatching(/Khamenei/),
  });
  expect(r.cards[0]!.actions.find((a) => a.type === 'command' && a.active)).toMatchObject({
    label: 'Quotes',
  });
});

it('shows the key quotations of a quote-heavy article, saying how many it left out', async () => {
  const r = await runCommand(quotesCommand as unknown as CommandDef, { article: id }, f.ctx());
  if (r.kind !== 'cards') throw new Error('expected a card');
  const { items } = r.cards[0]!.sections[0]!;
  // The seed has nine quotations, all attributed; a three-word fragment is left out.
  expect(items).toHaveLength(8);
  expect(items.map((i) => i.text)).not.toContain('independent, strong Iraq');
  expect(items.map((i) => i.text)).toContain(
    'They killed your guest at your house and explicitly confessed to the crime',
  );
  expect(items.map((i) => i.attribution)).toContainEqual(expect.stringMatching(/Kadhimi/));
  expect(r.cards[0]!.footer).toMatch(/· 8 key quotations of 9 · page 1 of 2$/);
});

it('pages on to the quotations left out, in article order, and back', async () => {
  const run = (page?: number) =>
    runCommand(
      quotesCommand as unknown as CommandDef,
      { article: id, ...(page ? { page } : {}) },
      f.ctx(),
    );
  const first = await run();
  if (first.kind !== 'cards') throw new Error('expected a card');
  expect(first.cards[0]!.footer).toMatch(/· 8 key quotations of 9 · page 1 of 2$/);
  expect(first.cards[0]!.actions.at(-1)).toMatchObject({
    label: 'More quotes ▶',
    command: 'quotes',
    args: { article: id, page: 2 },
  });
  const second = await run(2);
  if (second.kind !== 'cards') throw new Error('expected a card');
  expect(second.cards[0]!.sections[0]!.items.map((i) => i.text)).toEqual([
    'independent, strong Iraq',
  ]);
  expect(second.cards[0]!.actions.map((a) => a.label)).toContain('◀ Previous quotes');
  expect(second.cards[0]!.actions.map((a) => a.label)).not.toContain('More quotes ▶');
  expect(await run(3)).toMatchObject({
    kind: 'notice',
    tone: 'error',
    text: expect.stringContaining('fit on 2 pages'),
  });
});

it('says so when an article has no quotations', async () => {
  const r = await runCommand(quotesCommand as unknown as CommandDef, { article: none }, f.ctx());
  if (r.kind !== 'cards') throw new Error('expected a card');
  expect(r.cards[0]!.sections[0]).toMatchObject({
    items: [],
    empty: 'No direct quotations in this article.',
  });
});

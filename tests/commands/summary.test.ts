import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryCommand } from '../../commands/summary.js';
import type { CommandDef } from '../../src/command.js';
import { runCommand } from '../../src/dispatch.js';
import type { Card, Reply } from '../../src/reply.js';
import { commandFixture, SEED_TEXT, SEED_URL, type CommandFixture } from './context-helper.js';

let f: CommandFixture;
let id: string;
const run = (raw: Record<string, unknown>) =>
  runCommand(summaryCommand as unknown as CommandDef, raw, f.ctx());
const card = (r: Reply): Card => {
  if (r.kind !== 'cards') throw new Error(`expected cards, got ${JSON.stringify(r)}`);
  return r.cards[0]!;
};

beforeAll(async () => {
  f = await commandFixture('cmd-summary');
  id = await f.seed({
    text: SEED_TEXT,
    url: SEED_URL,
    source: 'Example Wire',
    publishedAt: '2020-07-21T15:00:00Z',
  });
});
afterAll(() => f?.redis.cleanup());

describe('/summary', () => {
  it('summarises the seed article with the view buttons and a source link', async () => {
    const c = card(await run({ article: id }));
    expect(c.url).toBe(SEED_URL);
    expect(c.meta).toBe('Example Wire · 21 Jul 2020');
    expect(c.sections[0]!.style).toBe('bullets');
    expect(c.sections[0]!.items.length).toBeGreaterThanOrEqual(3);
    expect(c.sections[0]!.items.map((i) => i.text).join(' ')).toMatch(/Khamenei/);
    expect(c.actions).toEqual([
      {
        type: 'command',
        label: 'Summary',
        command: 'summary',
        args: { article: id },
        active: true,
      },
      { type: 'command', label: 'Quotes', command: 'quotes', args: { article: id } },
      { type: 'command', label: 'Context', command: 'context', args: { article: id } },
      { type: 'link', label: 'Source', url: SEED_URL },
    ]);
  });

  it('a longer length gives more sentences', async () => {
    const short = card(await run({ article: id, length: 'short' })).sections[0]!.items.length;
    const long = card(await run({ article: id, length: 'long' })).sections[0]!.items.length;
    expect(long).toBeGreaterThan(short);
  });

  it('finds the article by URL (tracking parameters ignored) and by words', async () => {
    expect(card(await run({ article: `${SEED_URL}?utm_source=newsletter` })).url).toBe(SEED_URL);
    expect(card(await run({ article: 'Khamenei Kadhimi' })).url).toBe(SEED_URL);
  });

  it('rejects a bad length with the usage', async () => {
    const r = await run({ article: id, length: 'huge' });
    expect(r).toMatchObject({ kind: 'notice', tone: 'error', visibility: 'ephemeral' });
    expect((r as { text: string }).text).toContain(
      'Usage: /summary <article id, URL or words> [short|standard|long]',
    );
  });

  it('offers autocomplete of matching headlines', async () => {
    const choices = await summaryCommand.autocomplete!('article', 'khamen', f.ctx());
    expect(choices.map((c) => c.value)).toEqual([id]);
    expect(choices[0]!.name.length).toBeLessThanOrEqual(100);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsCommand } from '../../commands/news.js';
import type { CommandDef } from '../../src/command.js';
import { runCommand } from '../../src/dispatch.js';
import type { Reply } from '../../src/reply.js';
import { commandFixture, type CommandFixture } from './context-helper.js';

let f: CommandFixture;
const run = (raw: Record<string, unknown>, fx = f) =>
  runCommand(newsCommand as unknown as CommandDef, raw, fx.ctx());
const labels = (r: Reply) => (r.kind === 'cards' ? r.cards[0]!.actions.map((a) => a.label) : []);

beforeAll(async () => {
  f = await commandFixture('cmd-news');
  for (let i = 1; i <= 7; i++) {
    await f.seed({
      title: `Story number ${i} about ${i % 2 ? 'wheat harvests' : 'river floods'}`,
      text: `This is story ${i}. It reports on ${i % 2 ? 'a wheat harvest in the plains' : 'floods along the river'}.`,
      publishedAt: `2020-06-0${i}T10:00:00Z`,
      source: i % 2 ? 'Farm Weekly' : 'River Gazette',
    });
  }
});
afterAll(() => f?.redis.cleanup());

describe('/news', () => {
  it('lists the latest stories first, five a page, with a next button', async () => {
    const r = await run({});
    if (r.kind !== 'cards') throw new Error('expected a card');
    const c = r.cards[0]!;
    expect(c.title).toBe('Latest stories');
    expect(c.sections[0]!.items.map((i) => i.text)).toEqual(
      [7, 6, 5, 4, 3].map((i) => expect.stringContaining(`Story number ${i} `)),
    );
    expect(c.footer).toBe('Page 1 of 2 · 7 stories');
    expect(labels(r).at(-1)).toBe('Next ▶');
    expect(c.actions.at(-1)).toMatchObject({ command: 'news', args: { page: 2 } });
  });

  it('pages back and forth; past the end says how many pages there are', async () => {
    const r = await run({ page: '2' });
    expect(labels(r)).toContain('◀ Previous');
    expect(labels(r)).not.toContain('Next ▶');
    expect(await run({ page: 3 })).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: 'There are only 2 pages.',
    });
  });

  it('searches, keeping the query in the paging buttons', async () => {
    const r = await run({ query: 'wheat' });
    if (r.kind !== 'cards') throw new Error('expected a card');
    expect(r.cards[0]!.title).toBe('Stories matching “wheat”');
    expect(r.cards[0]!.sections[0]!.items.every((i) => i.text.includes('wheat'))).toBe(true);
    expect(await run({ query: 'volcano' })).toMatchObject({
      kind: 'notice',
      tone: 'error',
      visibility: 'ephemeral',
    });
  });

  it('narrows the latest stories or a search to one source, keeping it in the buttons', async () => {
    const latest = await run({ source: 'river gazette' });
    if (latest.kind !== 'cards') throw new Error('expected a card');
    expect(latest.cards[0]!.title).toBe('Latest stories from river gazette');
    expect(latest.cards[0]!.footer).toBe('Page 1 of 1 · 3 stories');
    expect(latest.cards[0]!.sections[0]!.items.every((i) => i.text.includes('floods'))).toBe(true);
    const found = await run({ query: 'story', source: 'Farm Weekly' });
    if (found.kind !== 'cards') throw new Error('expected a card');
    expect(found.cards[0]!.title).toBe('Stories matching “story” from Farm Weekly');
    expect(found.cards[0]!.footer).toBe('Page 1 of 1 · 4 stories');
    expect(found.cards[0]!.sections[0]!.items.every((i) => i.text.includes('wheat'))).toBe(true);
  });

  it('names the stored sources when a source has no stories', async () => {
    expect(await run({ source: 'Daily Planet' })).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: 'No stored stories from “Daily Planet”. Sources: Farm Weekly, River Gazette.',
    });
    expect(await run({ query: 'floods', source: 'farm weekly' })).toMatchObject({
      text: 'No stored article from “farm weekly” matches “floods”.',
    });
  });

  it('knows a source however many stored names begin the same way', async () => {
    const many = await commandFixture('cmd-news-sources');
    try {
      const names = ['Metro Daily', ...Array.from({ length: 26 }, (_, i) => `Metro Daily ${i}`)];
      for (const [i, source] of names.entries()) {
        await many.seed({
          title: `Council budget story ${i}`,
          text: `The council met on Tuesday. It passed budget number ${i} for the city.`,
          source,
        });
      }
      expect(await run({ query: 'volcano', source: 'metro daily' }, many)).toMatchObject({
        text: 'No stored article from “metro daily” matches “volcano”.',
      });
    } finally {
      await many.redis.cleanup();
    }
  });

  it('completes source names from the stored sources', async () => {
    const complete = (typed: string) => newsCommand.autocomplete!('source', typed, f.ctx());
    expect(await complete('riv')).toEqual([{ name: 'River Gazette', value: 'River Gazette' }]);
    expect((await complete('')).map((c) => c.name)).toEqual(['Farm Weekly', 'River Gazette']);
    expect(await complete('zz')).toEqual([]);
  });

  it('says when nothing is stored yet', async () => {
    const empty = await (await import('./context-helper.js')).commandFixture('cmd-news-empty');
    try {
      expect(await run({}, empty)).toMatchObject({
        kind: 'notice',
        tone: 'info',
        text: 'No stories are stored yet.',
      });
    } finally {
      await empty.redis.cleanup();
    }
  });
});

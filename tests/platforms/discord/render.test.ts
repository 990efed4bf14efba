import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAction } from '../../../commands/lib/actions.js';
import { renderMessages } from '../../../src/platforms/discord/render.js';
import type { Card, Reply } from '../../../src/reply.js';
import { expectNoPings, expectWithinDiscordLimits } from './limits.js';

const card = (over: Partial<Card> = {}): Card => ({
  title: 'Khamenei tells Iraqi PM that Iran will strike back',
  url: 'https://example.com/story',
  meta: 'Example News · 21 Jul 2020',
  sections: [{ style: 'bullets', items: [{ text: 'First point.' }, { text: 'Second point.' }] }],
  footer: 'Article abc123def0',
  actions: [
    {
      type: 'command',
      label: 'Summary',
      command: 'summary',
      args: { article: 'abc123def0' },
      active: true,
    },
    { type: 'command', label: 'Quotes', command: 'quotes', args: { article: 'abc123def0' } },
    { type: 'command', label: 'Context', command: 'context', args: { article: 'abc123def0' } },
    { type: 'link', label: 'Source', url: 'https://example.com/story' },
  ],
  ...over,
});
const cards = (...c: Card[]): Reply => ({
  kind: 'cards',
  cards: c,
  visibility: 'public',
  text: 'x',
});

describe('renderMessages', () => {
  it('renders a card as a linked embed with bullets and view buttons', () => {
    const [m, ...rest] = renderMessages(cards(card()));
    expect(rest).toEqual([]);
    expectWithinDiscordLimits(m!);
    const e = m!.embeds[0]!;
    expect(e.url).toBe('https://example.com/story');
    expect(e.author?.name).toBe('Example News · 21 Jul 2020');
    expect(e.description).toBe('• First point.\n• Second point.');
    const buttons = m!.components[0]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['Summary', 'Quotes', 'Context', 'Source']);
    expect(buttons[0]).toMatchObject({ disabled: true, style: 1 });
    expect(buttons[3]).toMatchObject({ style: 5, url: 'https://example.com/story' });
    expect(decodeAction((buttons[1] as { custom_id: string }).custom_id)).toEqual({
      command: 'quotes',
      args: { article: 'abc123def0' },
    });
    expect(m!.flags).toBeUndefined();
  });

  it('shows quotes as block quotes with the speaker and context as fields', () => {
    const [m] = renderMessages(
      cards(
        card({
          sections: [
            { style: 'quotes', items: [{ text: 'We will respond.', attribution: 'Ali Khamenei' }] },
            {
              heading: "Who's who",
              style: 'definitions',
              items: [{ text: 'Javad Zarif', attribution: 'Iranian Foreign Minister' }],
            },
            {
              heading: 'Earlier coverage',
              style: 'lines',
              items: [],
              empty: 'No earlier stored coverage.',
            },
          ],
        }),
      ),
    );
    const e = m!.embeds[0]!;
    expect(e.description).toBe('> “We will respond.”\n> — Ali Khamenei');
    expect(e.fields).toEqual([
      { name: 'Who’s who'.replace('’', "'"), value: '**Javad Zarif** — Iranian Foreign Minister' },
      { name: 'Earlier coverage', value: '*No earlier stored coverage.*' },
    ]);
  });

  it('escapes markdown and neutralises mentions everywhere', () => {
    const evil =
      'Ping @everyone and @here and <@123> <@&456> <#789> *bold* _it_ `code` [link](https://x.y)';
    const [m] = renderMessages(
      cards(
        card({
          title: evil,
          meta: evil,
          footer: evil,
          sections: [
            { style: 'bullets', items: [{ text: evil, attribution: evil }] },
            { heading: evil, style: 'quotes', items: [{ text: evil, attribution: evil }] },
          ],
          actions: [
            { type: 'command', label: evil, command: 'summary', args: { article: 'abc123def0' } },
          ],
        }),
      ),
    );
    expectWithinDiscordLimits(m!);
    expectNoPings(m);
    expect(m!.embeds[0]!.description).toContain(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](https://x.y)',
    );
  });

  it('keeps every limit for huge content and trims at sentence boundaries', () => {
    const sentence = 'The talks went on late into the night with no result. ';
    const huge = sentence.repeat(2000);
    const [m, ...rest] = renderMessages(
      cards(
        card({
          title: huge,
          meta: huge,
          footer: huge,
          sections: [
            { style: 'bullets', items: Array.from({ length: 200 }, () => ({ text: huge })) },
            ...Array.from({ length: 40 }, (_, i) => ({
              heading: `Section ${i} ${huge}`,
              style: 'lines' as const,
              items: [{ text: huge, url: 'https://example.com/a', attribution: huge }],
            })),
          ],
        }),
      ),
    );
    expect(rest).toEqual([]);
    expectWithinDiscordLimits(m!);
    const e = m!.embeds[0]!;
    expect(e.title).toMatch(/no result\. …$/);
    expect(e.description).toMatch(/^• The talks went on/);
    expect(e.description).toMatch(/\*…and \d+ more\*$/);
  });

  it('splits many cards over follow-up messages within limits', () => {
    const many = Array.from({ length: 23 }, (_, i) =>
      card({
        title: `Story ${i}`,
        sections: [
          { style: 'bullets', items: [{ text: 'A sentence that is long enough. '.repeat(40) }] },
        ],
        actions: [
          {
            type: 'command',
            label: `Story ${i}`,
            command: 'summary',
            args: { article: `story${i}xx` },
          },
        ],
      }),
    );
    const messages = renderMessages(cards(...many));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expectWithinDiscordLimits(m);
    expect(messages.flatMap((m) => m.embeds.map((e) => e.title))).toEqual(many.map((c) => c.title));
  });

  it('drops buttons whose custom id would exceed 100 characters, never the reply', () => {
    const [m] = renderMessages(
      cards(
        card({
          actions: [
            {
              type: 'command',
              label: 'Next',
              command: 'news',
              args: { query: 'x'.repeat(150), page: 2 },
            },
          ],
        }),
      ),
    );
    expectWithinDiscordLimits(m!);
    expect(m!.components).toEqual([]);
  });

  it('renders notices as ephemeral text, split when very long', () => {
    const short = renderMessages({
      kind: 'notice',
      tone: 'error',
      text: 'No stored article matches “xyz”',
      visibility: 'ephemeral',
    });
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({
      content: '⚠️ No stored article matches “xyz”',
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    const long = renderMessages({
      kind: 'notice',
      tone: 'info',
      text: Array.from({ length: 300 }, (_, i) => `Line ${i} with some words in it.`).join('\n'),
      visibility: 'ephemeral',
    });
    expect(long.length).toBeGreaterThan(1);
    for (const m of long) {
      expectWithinDiscordLimits(m);
      expect(m.flags).toBe(64);
    }
  });

  it('never breaks a limit for arbitrary text (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 3000 });
    const item = fc.record({ text, attribution: fc.option(text, { nil: undefined }) });
    const section = fc.record({
      heading: fc.option(text, { nil: undefined }),
      style: fc.constantFrom('bullets', 'quotes', 'lines', 'definitions'),
      items: fc.array(item, { maxLength: 30 }),
    });
    const arbCard = fc.record({
      title: text.filter((t) => t.length > 0),
      meta: fc.option(text, { nil: undefined }),
      footer: fc.option(text, { nil: undefined }),
      sections: fc.array(section, { maxLength: 30 }),
      actions: fc.array(
        fc.record({
          type: fc.constant('command' as const),
          label: text,
          command: fc.constant('summary'),
          args: fc.record({ article: fc.string({ maxLength: 12 }) }),
        }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(fc.array(arbCard, { minLength: 1, maxLength: 12 }), (cs) => {
        for (const m of renderMessages(cards(...(cs as Card[])))) {
          expectWithinDiscordLimits(m);
          expectNoPings(m);
        }
      }),
      { numRuns: 60 },
    );
  });
});

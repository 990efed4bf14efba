import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAction } from '../../../commands/lib/actions.js';
import type { Action, Card, Reply } from '../../../src/reply.js';
import { notice } from '../../../src/reply.js';
import { escapeMrkdwn, trimText } from '../../../src/platforms/slack/mrkdwn.js';
import { renderReply, type Block } from '../../../src/platforms/slack/render.js';

const views: Action[] = [
  {
    type: 'command',
    label: 'Summary',
    command: 'summary',
    args: { article: 'abc123def4' },
    active: true,
  },
  { type: 'command', label: 'Quotes', command: 'quotes', args: { article: 'abc123def4' } },
  { type: 'command', label: 'Context', command: 'context', args: { article: 'abc123def4' } },
  { type: 'link', label: 'Source', url: 'https://example.com/story' },
];

function cardReply(card: Partial<Card>): Reply {
  return {
    kind: 'cards',
    visibility: 'public',
    text: 'fallback',
    cards: [{ title: 'A title', sections: [], actions: views, ...card }],
  };
}

/** Every text a user can see in the message, for limit and safety checks. */
function texts(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(blocks);
  return out;
}

function checkLimits(blocks: Block[]): void {
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
  for (const b of blocks) {
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3_000);
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(25);
      for (const e of b.elements) {
        if (e.type !== 'button') continue;
        expect(e.text.text.length).toBeLessThanOrEqual(75);
        expect((e.value ?? '').length).toBeLessThanOrEqual(2_000);
      }
    }
  }
}

const sentence = (i: number) => `Sentence number ${i} says something about the talks in Tehran.`;

describe('Block Kit rendering', () => {
  it('renders a card: header, meta, bullets, footer, view buttons and Share in channel', () => {
    const msg = renderReply(
      cardReply({
        meta: 'RT · 2020-07-21',
        footer: 'Article abc123def4 · standard summary',
        sections: [
          { style: 'bullets', items: [{ text: 'First point.' }, { text: 'Second point.' }] },
        ],
      }),
      { share: { command: 'summary', args: { article: 'abc123def4', length: 'long' } } },
    );
    expect(msg.text).toBe('fallback');
    expect(msg.blocks.map((b) => b.type)).toEqual([
      'header',
      'context',
      'section',
      'context',
      'actions',
    ]);
    const body = msg.blocks[2] as { text: { text: string } };
    expect(body.text.text).toBe('• First point.\n• Second point.');
    const actions = msg.blocks.at(-1) as unknown as { elements: Array<Record<string, string>> };
    expect(
      actions.elements.map((e) => e.text && (e.text as unknown as { text: string }).text),
    ).toEqual(['Summary', 'Quotes', 'Context', 'Source', 'Share in channel']);
    expect(actions.elements[0]!.style).toBe('primary');
    expect(decodeAction(actions.elements[1]!.value!)).toEqual({
      command: 'quotes',
      args: { article: 'abc123def4' },
    });
    expect(actions.elements[3]!.url).toBe('https://example.com/story');
    expect(decodeAction(actions.elements[4]!.value!)).toEqual({
      command: 'summary',
      args: { article: 'abc123def4', length: 'long' },
    });
  });

  it('offers no Share button when the invocation is unknown (e.g. a posted digest)', () => {
    const msg = renderReply(cardReply({ actions: [...views, { type: 'share', label: 'Share' }] }));
    const labels = texts(msg.blocks);
    expect(labels).not.toContain('Share');
    expect(labels).not.toContain('Share in channel');
  });

  it('escapes article text so nothing pings or forges a link', () => {
    const evil =
      'Hello <!channel> and <!here|here> and <!everyone> and <@U12345> — see <https://evil.example|bbc.co.uk> & @everyone @here @channel.';
    const msg = renderReply(
      cardReply({
        title: 'Title <!channel> @everyone',
        meta: '<@U999> & co',
        sections: [
          { style: 'quotes', items: [{ text: evil, attribution: '<!subteam^S123>' }] },
          {
            heading: '<#C123>',
            style: 'definitions',
            items: [{ text: '@here', attribution: evil }],
          },
        ],
      }),
    );
    const all = [msg.text, ...texts(msg.blocks)].join('\n');
    expect(all).not.toMatch(/<[!@#]/);
    expect(all).not.toMatch(/<https?:\/\/evil/);
    expect(all).not.toMatch(/@(everyone|here|channel)\b/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&amp;');
    expect(all).toContain('@\u2060everyone');
  });

  it('links item URLs safely and drops non-http links', () => {
    const msg = renderReply(
      cardReply({
        actions: [{ type: 'link', label: 'Bad', url: 'javascript:alert(1)' }],
        sections: [
          {
            style: 'lines',
            items: [
              {
                text: 'Earlier <story>',
                url: 'https://example.com/a?b=1&c=|x>',
                attribution: '2020-01-03',
              },
              { text: 'No link', url: 'ftp://example.com/x' },
            ],
          },
        ],
      }),
    );
    const body = texts(msg.blocks).find((t) => t.includes('Earlier'))!;
    expect(body).toBe(
      '<https://example.com/a?b=1&amp;c=%7Cx%3E|Earlier &lt;story&gt;> · _2020-01-03_\nNo link',
    );
    expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('keeps a huge card within every limit, trimming at sentence boundaries', () => {
    const long = Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
    const msg = renderReply(
      cardReply({
        title: 'T'.repeat(400),
        meta: 'm'.repeat(5_000),
        footer: 'f'.repeat(5_000),
        sections: Array.from({ length: 60 }, (_, s) => ({
          heading: `Heading ${s}`,
          style: 'bullets' as const,
          items: Array.from({ length: 30 }, () => ({ text: long })),
        })),
        actions: Array.from({ length: 40 }, (_, i) => ({
          type: 'command' as const,
          label: `Button ${i} `.repeat(20),
          command: 'news',
          args: { page: i, query: 'q'.repeat(i === 3 ? 3_000 : 5) },
        })),
      }),
      { share: { command: 'news', args: { page: 1 } } },
    );
    checkLimits(msg.blocks);
    const bullets = texts(msg.blocks).filter((t) => t.startsWith('*Heading 0*'));
    expect(bullets[0]).toMatch(/^\*Heading 0\*\n• Sentence number 0 .*\.$/s);
    expect(msg.blocks.at(-1)!.type).toBe('actions');
  });

  it('renders an error notice with its usage line, escaped', () => {
    const msg = renderReply(notice('error', '`page`: too big\nUsage: /news [words] [page N]'));
    expect(msg.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: ':warning: `page`: too big\nUsage: /news [words] [page N]' },
      },
    ]);
  });

  it('never fails and always stays within limits, whatever the reply', () => {
    const item = fc.record({
      text: fc.string({ maxLength: 4_000 }),
      attribution: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
      url: fc.option(fc.webUrl(), { nil: undefined }),
    });
    const card = fc.record({
      title: fc.string({ minLength: 1, maxLength: 600 }),
      meta: fc.option(fc.string({ maxLength: 600 }), { nil: undefined }),
      sections: fc.array(
        fc.record({
          heading: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
          style: fc.constantFrom('bullets', 'quotes', 'lines', 'definitions'),
          items: fc.array(item, { maxLength: 12 }),
        }),
        { maxLength: 8 },
      ),
      actions: fc.constant(views),
    });
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 6 }), (cards) => {
        const msg = renderReply({
          kind: 'cards',
          cards: cards as Card[],
          visibility: 'ephemeral',
          text: 'x',
        });
        checkLimits(msg.blocks);
      }),
      { numRuns: 60 },
    );
  });

  it('trims text at a sentence end when one is close enough', () => {
    expect(trimText('One two three. Four five six seven.', 20)).toBe('One two three.');
    expect(trimText('Averyveryverylongword and more', 12)).toBe('Averyveryve…');
    expect(escapeMrkdwn('a < b > c & d')).toBe('a &lt; b &gt; c &amp; d');
  });
});

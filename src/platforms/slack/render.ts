/**
 * Block Kit rendering of the neutral {@link Reply}. Stays inside Slack's limits (50 blocks,
 * section text 3,000, header 150, button text 75, value 2,000, 25 elements per actions block,
 * a message far below 12,000 characters) by trimming at sentence boundaries; never throws.
 */
import type { types } from '@slack/bolt';
import { encodeAction } from '../../../commands/lib/actions.js';
import type { Action, Card, Item, Reply, Section } from '../../reply.js';
import { escapeMrkdwn, fitMrkdwn, fitPlain, mrkdwnLink, safeUrl } from './mrkdwn.js';

export type Block = types.KnownBlock;
type ButtonElement = types.Button;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** The command that produced a reply: what "Share in channel" runs again for everyone. */
export interface Invocation {
  command: string;
  args: Record<string, string | number>;
}

export interface RenderOptions {
  /** Offer "Share in channel" on cards, re-running this invocation for everyone when pressed. */
  share?: Invocation;
  /** User id shown as "Shared by" on a card posted for everyone. */
  sharedBy?: string;
}

export const LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  headerText: 150,
  contextText: 2_000,
  buttonText: 75,
  buttonValue: 2_000,
  buttonUrl: 3_000,
  actionsElements: 25,
  fallbackText: 3_000,
  /** Body text over all cards, so the serialised blocks stay far below 12,000 characters. */
  bodyBudget: 6_500,
  /** Serialised blocks ceiling (Slack's documented limit is 12,000 characters of text). */
  messageChars: 10_000,
} as const;

export const ACTION_PREFIX = { run: 'nb-run-', link: 'nb-link-', share: 'nb-share' } as const;

const TONE_PREFIX = { error: ':warning: ', success: ':white_check_mark: ', info: '' } as const;

export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  const blocks =
    reply.kind === 'notice'
      ? renderNotice(reply.text, reply.tone, reply.actions ?? [])
      : renderCards(reply.cards, opts);
  if (opts.sharedBy && /^[UW][A-Z0-9]{2,}$/.test(opts.sharedBy)) {
    blocks.push(context(`Shared by <@${opts.sharedBy}>`));
  }
  return { text: fitMrkdwn(reply.text, LIMITS.fallbackText), blocks: withinMessageLimits(blocks) };
}

function renderNotice(text: string, tone: keyof typeof TONE_PREFIX, actions: Action[]): Block[] {
  const prefix = TONE_PREFIX[tone];
  const blocks: Block[] = [section(prefix + fitMrkdwn(text, LIMITS.sectionText - prefix.length))];
  blocks.push(...actionBlocks(actions, {}));
  return blocks;
}

function renderCards(cards: Card[], opts: RenderOptions): Block[] {
  const blocks: Block[] = [];
  const budget = { left: LIMITS.bodyBudget };
  cards.forEach((card, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    const last = i === cards.length - 1;
    blocks.push(...renderCard(card, budget, last ? opts : {}));
  });
  return blocks;
}

function renderCard(card: Card, budget: { left: number }, opts: RenderOptions): Block[] {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: fitPlain(card.title, LIMITS.headerText) || '…' },
    },
  ];
  if (card.meta) blocks.push(context(fitMrkdwn(card.meta, 300)));
  for (const s of card.sections) blocks.push(...renderSection(s, budget));
  if (card.footer) blocks.push(context(fitMrkdwn(card.footer, 300)));
  blocks.push(...actionBlocks(card.actions, opts));
  return blocks;
}

function itemLine(style: Section['style'], item: Item, max: number): string {
  const attribution = item.attribution ? escapeMrkdwn(item.attribution.slice(0, 200)) : '';
  const decorate = (body: string): string => {
    const linked = item.url ? mrkdwnLink(item.url, body) : body;
    switch (style) {
      case 'bullets':
        return `• ${linked}${attribution ? ` (${attribution})` : ''}`;
      case 'quotes':
        return `> “${linked}”${attribution ? `\n> — ${attribution}` : ''}`;
      case 'definitions':
        return `*${linked}*${attribution ? ` — ${attribution}` : ''}`;
      case 'lines':
        return `${linked}${attribution ? ` · _${attribution}_` : ''}`;
    }
  };
  const overhead = decorate('').length + (safeUrl(item.url)?.length ?? 0) + 20;
  return decorate(fitMrkdwn(item.text, Math.max(0, max - overhead)));
}

function renderSection(s: Section, budget: { left: number }): Block[] {
  const heading = s.heading ? `*${fitMrkdwn(s.heading, 140)}*\n` : '';
  if (s.items.length === 0) {
    return [section(`${heading}_${fitMrkdwn(s.empty ?? 'Nothing to show.', 500)}_`)];
  }
  const sep = s.style === 'quotes' ? '\n\n' : '\n';
  const blocks: Block[] = [];
  let chunk = heading;
  let shown = 0;
  for (const item of s.items) {
    const room = Math.min(LIMITS.sectionText - heading.length, budget.left);
    if (room < 80) break;
    const line = itemLine(s.style, item, room);
    if (line.length > budget.left) break;
    const joined = chunk && chunk !== heading ? `${chunk}${sep}${line}` : `${chunk}${line}`;
    if (joined.length > LIMITS.sectionText) {
      blocks.push(section(chunk));
      chunk = line;
    } else {
      chunk = joined;
    }
    budget.left -= line.length;
    shown++;
  }
  const hidden = s.items.length - shown;
  if (hidden > 0) {
    const more = `_…and ${hidden} more_`;
    chunk = chunk.length + more.length + 1 <= LIMITS.sectionText ? `${chunk}\n${more}` : chunk;
  }
  if (chunk.trim()) blocks.push(section(chunk));
  return blocks;
}

function actionBlocks(actions: Action[], opts: RenderOptions): Block[] {
  const buttons: ButtonElement[] = [];
  actions.forEach((a, i) => {
    const button = renderButton(a, i, opts);
    if (button) buttons.push(button);
  });
  const shareValue = opts.share ? encodeAction(opts.share) : '';
  if (opts.share && shareValue.length <= LIMITS.buttonValue && !buttons.some(isShare)) {
    buttons.push(shareButton('Share in channel', shareValue));
  }
  const blocks: Block[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

const isShare = (b: ButtonElement): boolean => b.action_id === ACTION_PREFIX.share;

function renderButton(a: Action, i: number, opts: RenderOptions): ButtonElement | undefined {
  const text = { type: 'plain_text' as const, text: fitPlain(a.label, LIMITS.buttonText) || '…' };
  switch (a.type) {
    case 'command': {
      const value = encodeAction(a);
      if (value.length > LIMITS.buttonValue) return undefined;
      return {
        type: 'button',
        action_id: `${ACTION_PREFIX.run}${i}`,
        text,
        value,
        ...(a.active ? { style: 'primary' as const } : {}),
      };
    }
    case 'link': {
      const url = safeUrl(a.url);
      if (!url || url.length > LIMITS.buttonUrl) return undefined;
      return { type: 'button', action_id: `${ACTION_PREFIX.link}${i}`, text, url };
    }
    case 'share': {
      if (!opts.share) return undefined;
      const value = encodeAction(opts.share);
      return value.length <= LIMITS.buttonValue ? shareButton(text.text, value) : undefined;
    }
  }
}

function shareButton(label: string, value: string): ButtonElement {
  return {
    type: 'button',
    action_id: ACTION_PREFIX.share,
    text: { type: 'plain_text', text: label },
    value,
  };
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});

/**
 * Final guard: at most 50 blocks and a bounded serialised size. Drops content blocks from the
 * end of the body (keeping the header and the last actions) until both hold.
 */
function withinMessageLimits(blocks: Block[]): Block[] {
  const out = [...blocks];
  const size = (): number => JSON.stringify(out).length;
  while (out.length > 1 && (out.length > LIMITS.blocks || size() > LIMITS.messageChars)) {
    const tail = out.at(-1)?.type === 'actions' ? 2 : 1;
    out.splice(out.length - tail, 1);
  }
  return out;
}

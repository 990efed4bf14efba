/**
 * Renders a neutral {@link Reply} as Discord message bodies (API JSON). The first message is the
 * reply, the rest are follow-ups. Every Discord limit is enforced here; article text is escaped
 * and mentions are neutralised; `allowed_mentions` never lets anything ping.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { encodeAction } from '../../../commands/lib/actions.js';
import type { Action, Card, Item, Reply, Section } from '../../reply.js';
import { fitText, safeMarkdown, safePlain, trimAtSentence } from './markdown.js';

export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  author: 256,
  embeds: 10,
  embedTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  label: 80,
  url: 512,
} as const;

/** The buttons this bot sends: command buttons and links. */
export type Button = APIButtonComponentWithCustomId | APIButtonComponentWithURL;
export type ActionRow = APIActionRowComponent<Button>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

const NO_MENTIONS = { parse: [] as [] };
const TONE_ICON = { info: 'ℹ️', success: '✅', error: '⚠️' } as const;
/** Room kept for the "…and N more" line when a block's items don't all fit. */
const MORE_NOTE = 24;
/** A cut item shorter than this is dropped rather than shown. */
const MIN_PARTIAL = 40;
const FOOTER_MAX = 300;
/** All field names of one embed together (so names alone never eat the 6,000 budget). */
const FIELD_NAMES_MAX = 1500;

// ---------------------------------------------------------------------------- text blocks

/** Pieces of one rendered item: fixed markup around article text that may be trimmed. */
interface ItemParts {
  before: string;
  text: string;
  after: string;
}

function cleanUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url) || url.length > LIMITS.url) return undefined;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function itemParts(item: Item, style: Section['style']): ItemParts {
  const attribution = item.attribution ? safeMarkdown(trimAtSentence(item.attribution, 200)) : '';
  switch (style) {
    case 'bullets':
      return { before: '• ', text: item.text, after: attribution ? ` — ${attribution}` : '' };
    case 'quotes':
      return {
        before: '> “',
        text: item.text,
        after: `”${attribution ? `\n> — ${attribution}` : ''}`,
      };
    case 'definitions':
      return {
        before: '**',
        text: item.text,
        after: `**${attribution ? ` — ${attribution}` : ''}`,
      };
    case 'lines': {
      const url = cleanUrl(item.url);
      return url
        ? {
            before: '• [',
            text: item.text,
            after: `](${url})${attribution ? ` — ${attribution}` : ''}`,
          }
        : { before: '• **', text: item.text, after: `**${attribution ? ` — ${attribution}` : ''}` };
    }
  }
}

function renderItem(parts: ItemParts, max: number): string {
  const room = max - parts.before.length - parts.after.length;
  if (room < 1) return '';
  const text = fitText(parts.text, room, safeMarkdown);
  return text ? `${parts.before}${text}${parts.after}` : '';
}

function moreNote(n: number): string {
  return `*…and ${n} more*`;
}

/** A section's items as markdown of at most `max` characters (whole items first, then a cut one). */
function renderBlock(section: Section, max: number): string {
  const joiner = section.style === 'quotes' ? '\n\n' : '\n';
  if (section.items.length === 0) {
    return section.empty ? fitText(section.empty, max, (t) => `*${safeMarkdown(t)}*`) : '';
  }
  const items = section.items.map((item) => itemParts(item, section.style));
  const whole = items.map((parts) => renderItem(parts, max)).join(joiner);
  if (whole.length <= max) return whole;
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const sep = out.length ? joiner.length : 0;
    const left = items.length - i - 1;
    const reserve = left ? MORE_NOTE : 0;
    const full = renderItem(items[i]!, max);
    if (full && used + sep + full.length + reserve <= max) {
      out.push(full);
      used += sep + full.length;
      continue;
    }
    const room = max - used - sep - (left ? MORE_NOTE : 0);
    const partial = room >= MIN_PARTIAL || out.length === 0 ? renderItem(items[i]!, room) : '';
    if (partial) {
      out.push(partial);
      used += sep + partial.length;
    }
    const dropped = items.length - i - (partial ? 1 : 0);
    const note = moreNote(dropped);
    if (dropped > 0 && used + joiner.length + note.length <= max) out.push(note);
    break;
  }
  return out.join(joiner);
}

// ---------------------------------------------------------------------------- embeds

function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** One card as one embed of at most `budget` characters in all. */
function renderEmbed(card: Card, budget: number): APIEmbed {
  const title = fitText(card.title, LIMITS.title, safeMarkdown) || 'Untitled';
  const url = cleanUrl(card.url);
  const author = card.meta ? fitText(card.meta, LIMITS.author, safePlain) : '';
  const footer = card.footer ? fitText(card.footer, FOOTER_MAX, safePlain) : '';
  const body = card.sections.filter((s) => !s.heading);
  const headed = card.sections.filter((s) => s.heading).slice(0, LIMITS.fields);
  const nameMax = Math.min(
    LIMITS.fieldName,
    Math.floor(FIELD_NAMES_MAX / Math.max(1, headed.length)),
  );
  const names = headed.map((s) => fitText(s.heading!, nameMax, safeMarkdown) || '\u200B');

  // Natural sizes (within Discord's per-part limits), then scale down to fit the total budget.
  const bodyNatural = body.map((s) => renderBlock(s, LIMITS.description).length);
  const bodySeparators = Math.max(0, body.length - 1) * 2;
  const descCap = LIMITS.description - bodySeparators;
  const fieldNatural = headed.map((s) => renderBlock(s, LIMITS.fieldValue).length);
  const fixed =
    title.length +
    author.length +
    footer.length +
    names.reduce((n, s) => n + s.length, 0) +
    bodySeparators;
  const natural = [...bodyNatural, ...fieldNatural];
  const wanted = natural.reduce((a, b) => a + b, 0);
  // One character per field is kept for the zero-width placeholder of a value cut to nothing.
  const available = Math.max(0, budget - fixed - headed.length);
  const scale = wanted > available ? available / wanted : 1;
  const caps = natural.map((n) => Math.floor(n * scale));
  const bodyTotal = caps.slice(0, body.length).reduce((a, b) => a + b, 0);
  if (bodyTotal > descCap) {
    for (let i = 0; i < body.length; i++) caps[i] = Math.floor((caps[i]! * descCap) / bodyTotal);
  }

  const description = body
    .map((s, i) => renderBlock(s, caps[i]!))
    .filter(Boolean)
    .join('\n\n');
  const fields: APIEmbedField[] = headed.map((s, i) => ({
    name: names[i]!,
    value: renderBlock(s, caps[body.length + i]!) || '\u200B',
  }));
  return {
    title,
    ...(url ? { url } : {}),
    ...(author ? { author: { name: author } } : {}),
    ...(description ? { description } : {}),
    ...(fields.length ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
}

// ---------------------------------------------------------------------------- buttons

function button(action: Action): Button | undefined {
  const label = fitText(action.label, LIMITS.label, safePlain) || '…';
  switch (action.type) {
    case 'link': {
      const url =
        /^https?:\/\//i.test(action.url) && action.url.length <= LIMITS.url
          ? action.url
          : undefined;
      return url ? { type: ComponentType.Button, style: ButtonStyle.Link, label, url } : undefined;
    }
    case 'command': {
      const customId = encodeAction(action);
      if (customId.length > LIMITS.customId) return undefined;
      return {
        type: ComponentType.Button,
        style: action.active ? ButtonStyle.Primary : ButtonStyle.Secondary,
        label,
        custom_id: customId,
        ...(action.active ? { disabled: true } : {}),
      };
    }
    case 'share':
      return undefined;
  }
}

function buttonKey(b: Button): string {
  return 'custom_id' in b ? b.custom_id : 'url' in b ? `url:${b.url}` : '';
}

/** The buttons for these actions, without duplicate custom ids or links (not yet capped). */
function uniqueButtons(actions: Action[]): Button[] {
  const seen = new Set<string>();
  const buttons: Button[] = [];
  for (const action of actions) {
    const b = button(action);
    if (!b || seen.has(buttonKey(b))) continue;
    seen.add(buttonKey(b));
    buttons.push(b);
  }
  return buttons;
}

const MAX_BUTTONS = LIMITS.rows * LIMITS.buttonsPerRow;

/** Buttons in rows of 5, at most 5 rows. */
export function actionRows(actions: Action[]): ActionRow[] {
  const buttons = uniqueButtons(actions).slice(0, MAX_BUTTONS);
  const rows: ActionRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------- messages

function message(
  parts: { content?: string; embeds?: APIEmbed[]; actions?: Action[] },
  ephemeral: boolean,
): DiscordMessage {
  return {
    ...(parts.content ? { content: parts.content } : {}),
    embeds: parts.embeds ?? [],
    components: actionRows(parts.actions ?? []),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    allowed_mentions: NO_MENTIONS,
  };
}

/** Splits notice text into message-sized chunks at line breaks (trimming overlong lines). */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = fitText(raw, max, safeMarkdown);
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current || out.length === 0) out.push(current || '\u200B');
  return out;
}

function renderNotice(reply: Extract<Reply, { kind: 'notice' }>): DiscordMessage[] {
  const icon = `${TONE_ICON[reply.tone]} `;
  const ephemeral = reply.visibility === 'ephemeral';
  const parts = chunks(reply.text, LIMITS.content - icon.length);
  return parts.map((text, i) =>
    message(
      {
        content: i === 0 ? `${icon}${text}` : text,
        ...(i === parts.length - 1 ? { actions: reply.actions ?? [] } : {}),
      },
      ephemeral,
    ),
  );
}

function renderCards(reply: Extract<Reply, { kind: 'cards' }>): DiscordMessage[] {
  const ephemeral = reply.visibility === 'ephemeral';
  const messages: DiscordMessage[] = [];
  let embeds: APIEmbed[] = [];
  let actions: Action[] = [];
  let size = 0;
  const flush = () => {
    if (embeds.length) messages.push(message({ embeds, actions }, ephemeral));
    embeds = [];
    actions = [];
    size = 0;
  };
  for (const card of reply.cards) {
    const embed = renderEmbed(card, LIMITS.embedTotal);
    const length = embedLength(embed);
    const fits =
      embeds.length < LIMITS.embeds &&
      size + length <= LIMITS.embedTotal &&
      uniqueButtons([...actions, ...card.actions]).length <= MAX_BUTTONS;
    if (embeds.length && !fits) flush();
    embeds.push(embed);
    actions.push(...card.actions);
    size += length;
  }
  flush();
  if (messages.length === 0)
    messages.push(
      message(
        { content: fitText(reply.text, LIMITS.content, safeMarkdown) || '\u200B' },
        ephemeral,
      ),
    );
  return messages;
}

/** The Discord messages for a reply: the first answers, the rest are follow-ups. */
export function renderMessages(reply: Reply): DiscordMessage[] {
  return reply.kind === 'notice' ? renderNotice(reply) : renderCards(reply);
}

/**
 * Button actions shared by every card: the Summary / Quotes / Context switch, the source link,
 * and a compact, reversible text encoding of a command action (Discord custom_id, Slack value).
 */
import type { Action } from '../../src/reply.js';

export type ArticleView = 'summary' | 'quotes' | 'context';

const VIEW_LABELS: Record<ArticleView, string> = {
  summary: 'Summary',
  quotes: 'Quotes',
  context: 'Context',
};

/** Summary / Quotes / Context buttons (the current view marked active) and the source link. */
export function articleActions(
  article: { id: string; url?: string },
  active: ArticleView,
): Action[] {
  const actions: Action[] = (Object.keys(VIEW_LABELS) as ArticleView[]).map((view) => ({
    type: 'command',
    label: VIEW_LABELS[view],
    command: view,
    args: { article: article.id },
    ...(view === active ? { active: true } : {}),
  }));
  if (article.url) actions.push({ type: 'link', label: 'Source', url: article.url });
  return actions;
}

export interface EncodedCommand {
  command: string;
  args: Record<string, string>;
}

/** Thrown when a button payload is not one this bot produced. */
export class ActionDecodeError extends Error {
  constructor(payload: string) {
    super(`Not a newsbot action: ${JSON.stringify(payload.slice(0, 120))}`);
    this.name = 'ActionDecodeError';
  }
}

const MARK = 'nb:';

/**
 * `nb:<command>?<url-encoded args>`, e.g. `nb:summary?article=k3x9a0b1c2`. Arguments come back as
 * strings; integer options coerce them. Callers check the platform's length limit.
 */
export function encodeAction(action: {
  command: string;
  args: Record<string, string | number>;
}): string {
  const args = new URLSearchParams(
    Object.entries(action.args).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
  return `${MARK}${action.command}${args ? `?${args}` : ''}`;
}

export function decodeAction(payload: string): EncodedCommand {
  if (!payload.startsWith(MARK)) throw new ActionDecodeError(payload);
  const body = payload.slice(MARK.length);
  const q = body.indexOf('?');
  const command = q === -1 ? body : body.slice(0, q);
  if (!/^[a-z][a-z -]*$/.test(command)) throw new ActionDecodeError(payload);
  const args = q === -1 ? {} : Object.fromEntries(new URLSearchParams(body.slice(q + 1)));
  return { command, args };
}

/**
 * The neutral reply model: what a command handler returns. It holds plain text only (never
 * platform markup); each platform renderer applies its own formatting, escaping, mention
 * safety and size limits.
 */

/** A button. `command` buttons run a command with fixed arguments when pressed. */
export type Action =
  | {
      type: 'command';
      label: string;
      /** Command path, e.g. "summary" or "digest post". */
      command: string;
      args: Record<string, string | number>;
      /** The button for the view being shown. */
      active?: boolean;
    }
  | { type: 'link'; label: string; url: string }
  /** Slack: post this ephemeral card for everyone in the channel. */
  | { type: 'share'; label: string };

export interface Item {
  text: string;
  /** Speaker of a quote, date of an earlier article, description of an entity... */
  attribution?: string;
  url?: string;
}

export interface Section {
  /** Sections without a heading form the card's main body (Discord description). */
  heading?: string;
  style: 'bullets' | 'quotes' | 'lines' | 'definitions';
  items: Item[];
  /** Shown when `items` is empty. */
  empty?: string;
}

export interface Card {
  title: string;
  url?: string;
  /** One line under the title: source, author, date. */
  meta?: string;
  sections: Section[];
  footer?: string;
  actions: Action[];
}

export type Visibility = 'ephemeral' | 'public';

export type Reply =
  | {
      kind: 'cards';
      cards: Card[];
      visibility: Visibility;
      /** plain-text fallback */ text: string;
    }
  | {
      kind: 'notice';
      tone: 'info' | 'success' | 'error';
      text: string;
      visibility: Visibility;
      actions?: Action[];
    };

export function notice(
  tone: 'info' | 'success' | 'error',
  text: string,
  actions?: Action[],
): Reply {
  return { kind: 'notice', tone, text, visibility: 'ephemeral', ...(actions ? { actions } : {}) };
}

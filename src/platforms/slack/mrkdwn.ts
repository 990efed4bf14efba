/**
 * Slack text safety and size: escaping article text for mrkdwn so it can neither ping
 * (`<!channel>`, `<@U…>`, `@everyone`) nor forge a link, and trimming at sentence boundaries.
 */

/** Word joiner: keeps "@everyone" readable while stopping Slack from treating it as a mention. */
const WORD_JOINER = '\u2060';

/** Breaks the broadcast keywords Slack may link (`@channel`, `@here`, `@everyone`). */
export function defuseMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Escapes `&`, `<` and `>` (Slack's control characters) and defuses broadcast keywords. */
export function escapeMrkdwn(text: string): string {
  return defuseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Plain-text objects are shown literally; mention-like markup is still broken up, to be safe. */
export function plainText(text: string): string {
  return defuseMentions(text.replace(/<(?=[!@#])/g, `<${WORD_JOINER}`));
}

const ELLIPSIS = '…';
const SENTENCE_END = /[.!?…]["”’')\]]*\s/g;

/**
 * Shortens `text` to at most `max` characters, preferring a sentence boundary in the second half
 * of the allowance, then a word boundary (with "…"); never fails, always returns ≤ max.
 */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  const window = text.slice(0, max);
  let cut = -1;
  for (const m of window.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].trimEnd().length;
    if (end <= max) cut = end;
  }
  if (cut >= max / 2) return text.slice(0, cut);
  const room = window.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const head = space >= max / 2 ? room.slice(0, space) : room;
  return `${head.trimEnd()}${ELLIPSIS}`;
}

/** Trims then escapes, so the escaped result (entities are longer) still fits `max`. */
export function fitMrkdwn(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const out = escapeMrkdwn(trimText(text, budget));
    if (out.length <= max || budget <= 0) return out.length <= max ? out : '';
    budget -= out.length - max;
  }
}

/** Fits plain text (headers, button labels) into `max` characters. */
export function fitPlain(text: string, max: number): string {
  return trimText(plainText(text.replace(/\s+/g, ' ').trim()), max);
}

/** A mrkdwn link, or just the escaped label when the URL is not http(s). */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const safe = safeUrl(url);
  if (!safe) return label;
  return `<${safe.replace(/&/g, '&amp;')}|${label}>`;
}

/** An http(s) URL with the characters that would break a mrkdwn link percent-encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[|<>\s"]/g, (c) => encodeURIComponent(c));
}

/**
 * Discord text safety: markdown escaping for article text, mention neutralising (defence in
 * depth beyond `allowed_mentions: {parse: []}`), and trimming at sentence boundaries.
 */

const ZWJ = '\u200D';

/** Characters Discord markdown treats specially anywhere in a line. */
const INLINE = /[\\*_~`|[\]]/g;
/** Line starts that Discord reads as headings, lists, block quotes or subtext. */
const LINE_START = /^(\s*)(#|>|-|\+|\d+\.(?=\s))/gm;

/** Escapes Discord markdown so article text shows literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2');
}

/** Breaks @everyone, @here, <@id>, <@!id>, <@&id>, <#id> and </command:id> with a zero-width joiner. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWJ}$1`).replace(/<(?=[@#/])/g, `<${ZWJ}`);
}

/** Article text as safe Discord markdown. */
export function safeMarkdown(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

/** For fields Discord shows without markdown (author, footer, button labels). */
export const safePlain = neutraliseMentions;

const SENTENCE_END = /[.!?…]["”’')\]]*(?=\s)/g;

/** Cuts `text` to at most `max` characters: at a sentence end, else a word, with an ellipsis. */
export function trimAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let window = text.slice(0, max - 1);
  let sentenceEnd = -1;
  for (const m of window.matchAll(SENTENCE_END)) sentenceEnd = m.index + m[0].length;
  if (sentenceEnd >= max * 0.5 && sentenceEnd <= max - 2)
    return `${window.slice(0, sentenceEnd)} …`;
  const space = window.lastIndexOf(' ');
  if (space >= max * 0.5) window = window.slice(0, space).replace(/[\s,;:–-]+$/, '');
  else if (/[\uD800-\uDBFF]/.test(window.at(-1) ?? '')) window = window.slice(0, -1);
  return `${window}…`;
}

/**
 * `transform(trimAtSentence(text, n))` for the largest n whose result fits in `max` characters
 * (escaping lengthens text, so the plain text is trimmed until the transformed text fits).
 */
export function fitText(text: string, max: number, transform: (t: string) => string): string {
  let budget = max;
  for (;;) {
    const out = transform(trimAtSentence(text, budget));
    if (out.length <= max || budget <= 1) return out.length <= max ? out : '';
    budget -= Math.max(1, out.length - max);
  }
}

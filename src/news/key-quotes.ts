/**
 * Key quotes: the quotations worth showing when an article holds more than a reply shows.
 * Whole statements by named speakers rank first; fragments quoted inside the reporter's own
 * sentence (an ongoing “source of corruption and destruction”) and quotes nobody can be named
 * for rank last. No speaker takes more than MAX_PER_SPEAKER places while others wait, so the
 * article's several voices are heard. The chosen quotes keep the article's order.
 */
import type { Quote } from './article.js';
import { words } from './tokens.js';

/** Quotations a reply shows. */
export const KEY_QUOTES_MAX = 8;
/** Fewer words than this is a fragment, not a statement. */
const STATEMENT_WORDS = 6;
/** Places one speaker may take before every other speaker's quotes have been considered. */
const MAX_PER_SPEAKER = 3;

function weight(quote: Quote): number {
  const n = words(quote.text).length;
  // Attribution and being a statement outweigh length; length (to 30 words) breaks ties.
  return (quote.speaker !== null ? 2 : 0) + (n >= STATEMENT_WORDS ? 2 : 0) + Math.min(n, 30) / 30;
}

/** Page `page` (from 1) of an article's quotations: the key ones, then the rest in article order. */
export function quotePage(
  quotes: readonly Quote[],
  page: number,
  size = KEY_QUOTES_MAX,
): { quotes: Quote[]; pages: number } {
  const key = keyQuotes(quotes, size);
  const shown = new Set(key);
  const rest = quotes.filter((q) => !shown.has(q));
  const pages = 1 + Math.ceil(rest.length / size);
  const start = (page - 2) * size;
  return { quotes: page === 1 ? key : rest.slice(start, start + size), pages };
}

/** At most `max` of the quotes, the key ones, in article order. */
export function keyQuotes(quotes: readonly Quote[], max = KEY_QUOTES_MAX): Quote[] {
  if (quotes.length <= max) return [...quotes];
  const ranked = quotes
    .map((quote, i) => ({ quote, i, w: weight(quote) }))
    .sort((a, b) => b.w - a.w || a.i - b.i);
  const chosen = new Set<number>();
  const places = new Map<string | null, number>();
  // First with each speaker's share capped; then any places left go to the best of the rest.
  for (const capped of [true, false]) {
    for (const { quote, i } of ranked) {
      if (chosen.size >= max) break;
      const taken = places.get(quote.speaker) ?? 0;
      if (chosen.has(i) || (capped && taken >= MAX_PER_SPEAKER)) continue;
      chosen.add(i);
      places.set(quote.speaker, taken + 1);
    }
  }
  return quotes.filter((_, i) => chosen.has(i));
}

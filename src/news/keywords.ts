/**
 * An article's keywords: its stemmed content terms weighted by frequency, with the title and the
 * lede counting extra. Used for related coverage and story clustering. Pure.
 */
import { terms } from './tokens.js';

const MAX_KEYWORDS = 30;
/** A title occurrence counts this many body occurrences. */
const TITLE_BOOST = 3;
/** Sentences in the lede (the first LEDE_SENTENCES) count this much more. */
const LEDE_BOOST = 0.5;
const LEDE_SENTENCES = 3;

/** Whether the term is all digits (a number says nothing about the story). */
function isNumber(term: string): boolean {
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return term.length > 0;
}

/** Top terms with weights in (0, 1], best first (ties by term). */
export function keywords(title: string, sentences: string[]): [string, number][] {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const t of terms(text)) {
      if (isNumber(t)) continue;
      weights.set(t, (weights.get(t) ?? 0) + weight);
    }
  };
  add(title, TITLE_BOOST);
  sentences.forEach((sentence, i) => add(sentence, i < LEDE_SENTENCES ? 1 + LEDE_BOOST : 1));
  const ranked = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked.slice(0, MAX_KEYWORDS);
  const max = top[0]?.[1] ?? 1;
  return top.map(([term, w]) => [term, Math.round((w / max) * 1000) / 1000]);
}

/**
 * Background: the sentences of an article about earlier events (a year before publication, "in
 * 2015", "between 1980 and 1988", "years ago", past perfect, "history", "was founded"), as
 * distinct from what is new. The lede is never background. Pure; one linear pass per sentence.
 */
import type { SentenceRef } from './article.js';

export interface BackgroundInput {
  sentences: string[];
  /** ISO-8601 publication time: years before it are the past. */
  publishedAt?: string;
}

const YEAR = String.raw`(1[89]\d\d|20\d\d)`;
/** "1980-1988", "between 1980 and 1988", "from 2010 to 2014". */
const YEAR_RANGE = new RegExp(
  String.raw`\b${YEAR}\s*[-–]\s*(?:${YEAR}|\d\d)\b|\bbetween ${YEAR} and ${YEAR}\b|\bfrom ${YEAR} (?:to|until) ${YEAR}\b`,
  'gi',
);
/** A year used as a time ("in 2015", "since 2003", "January 2019", "the 1990s"), not "the 2015 deal". */
const YEAR_TIME = new RegExp(
  String.raw`\b(?:in|since|during|from|until|till|by|before|after|back in|early|late|mid|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)(?:\s+\d{1,2},)?\s+(?:the\s+(?:early\s+|late\s+|mid-)?(1[89]\d0|20\d0)s|(?:early\s+|late\s+|mid-)?${YEAR})\b`,
  'gi',
);
/** Phrases that place a sentence in the past. */
const PAST_PHRASES =
  /\b(?:years? ago|decades? ago|a decade ago|months ago|in the past|was founded|were founded|was established|was created|was formed|formerly|previously|dating back|dates back|date back|for decades|decades-long|long-running|the last time|first time since|since then|back then|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) years earlier)\b/gi;
/** Cues that need company: "history" is also "the biggest in history", "since" also "since Monday". */
const WEAK_PHRASES =
  /\b(?:history|historic(?:al)?ly|historical|at the time|last year|last month|earlier this year|in recent years|since|ago|former|once|earlier)\b/gi;
/** Past perfect: "had been", "had signed", "had long opposed". */
const PAST_PERFECT =
  /\b(?:had|'d)\s+(?:(?:previously|already|long|never|once|earlier|just|also|not)\s+)?(?:been|[a-z]+ed|made|done|taken|given|seen|known|gone|become|begun|won|lost|left|held|led|said|told|fought|spent|sold|built|brought|thought|sent|set|kept|paid|met|put|run|shown|written|grown|risen|fallen|struck|hit|broken|chosen|driven|drawn|fled|found|got|gotten|heard|hidden|laid|meant|overthrown|ridden|rung|sat|shot|spoken|stood|stolen|sworn|swum|taught|thrown|understood|withdrawn|woken|worn)\b/gi;
/** What is happening now: the news itself. */
const NEWS_TIME =
  /\b(?:today|tonight|this week|this weekend|this month|yesterday|next week|in the coming (?:days|weeks|months)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s| night| morning| afternoon| evening)|will (?:be|have)|would be|announced|is expected|(?:is|are) (?:now )?[a-z]+ing)\b/i;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** How many different cues of `re` the text holds ("since ... since" counts once). */
function distinct(re: RegExp, text: string): number {
  return new Set(Array.from(text.matchAll(re), (m) => m[0].toLowerCase())).size;
}

/** Years written as times in `text` (decades flagged). */
function timeYears(text: string): { year: number; decade: boolean }[] {
  const out: { year: number; decade: boolean }[] = [];
  YEAR_TIME.lastIndex = 0;
  for (let m = YEAR_TIME.exec(text); m !== null; m = YEAR_TIME.exec(text)) {
    out.push(
      m[1] === undefined
        ? { year: Number(m[2]), decade: false }
        : { year: Number(m[1]), decade: true },
    );
  }
  return out;
}

/** The year before which dates are the past: publication, else the latest year written. */
function referenceYear(sentences: readonly string[], publishedAt?: string): number {
  const published = publishedAt === undefined ? NaN : Number(publishedAt.slice(0, 4));
  if (Number.isFinite(published)) return published;
  let latest = 0;
  for (const s of sentences) {
    for (const m of s.matchAll(/\b(?:1[89]\d\d|20\d\d)\b/g))
      latest = Math.max(latest, Number(m[0]));
  }
  return latest;
}

/** Sentences about earlier events, in article order (never the lede). */
export function findBackground({ sentences, publishedAt }: BackgroundInput): SentenceRef[] {
  const reference = referenceYear(sentences, publishedAt);
  const out: SentenceRef[] = [];
  sentences.forEach((text, index) => {
    if (index === 0 || /^["“‘]/.test(text)) return;
    const years = timeYears(text);
    const pastYear = years.some(
      (y) => y.year < reference || (y.decade && y.year + 10 <= reference),
    );
    // A sentence about this week's events is news, whatever history it mentions in passing.
    if (NEWS_TIME.test(text)) return;
    const strong = count(YEAR_RANGE, text) + count(PAST_PHRASES, text) + (pastYear ? 1 : 0);
    const weak = distinct(WEAK_PHRASES, text) + Math.min(1, count(PAST_PERFECT, text));
    if (strong > 0 || weak >= 2) out.push({ text, index });
  });
  return out;
}

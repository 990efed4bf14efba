/**
 * Paragraph splitting and boilerplate removal for article text. Conservative by design: a
 * paragraph is dropped only when the whole of it is a known non-article pattern (share prompts,
 * newsletter and cookie notices, photo credits, "Read more" links, bylines at the body start).
 */

import { repairMojibake } from './mojibake.js';

/** Splits raw text into paragraphs: blank-line separated when there are blank lines, else one per line. */
export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t\u00a0]*\n/.test(normalised)
    ? normalised.split(/\n[ \t\u00a0]*\n/).map((block) => block.replace(/\n/g, ' '))
    : normalised.split('\n');
  return blocks.map((block) => block.trim()).filter((block) => block !== '');
}

/** Invisible characters and controls that carry nothing in article text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Every kind of Unicode space, tab and line break. */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Any character outside ASCII (ASCII text is already in NFC). */
const NON_ASCII = /[\u0080-\uffff]/;
/** Whitespace other than a single plain space (what SPACES would change). */
const ODD_SPACE = /[^\S ]| {2}/;

/**
 * Mangled UTF-8 repaired ("PeÃ±a" → "Peña"), NFC, invisible characters removed, whitespace
 * collapsed to single spaces, trimmed.
 */
export function normaliseText(text: string): string {
  const visible = (NON_ASCII.test(text) ? repairMojibake(text).normalize('NFC') : text).replace(
    INVISIBLE,
    '',
  );
  return (ODD_SPACE.test(visible) ? visible.replace(SPACES, ' ') : visible).trim();
}

/** Longest paragraph that may be treated as boilerplate: anything longer is article text. */
const MAX_BOILERPLATE = 240;

/** Whole-paragraph patterns of non-article text (tested on paragraphs up to MAX_BOILERPLATE). */
const BOILERPLATE: RegExp[] = [
  /^(?:like|liked|enjoy|enjoyed|love|loved) this (?:story|article|post|piece)\b/i,
  /^share (?:this|it|on|via|the story|the article)\b/i,
  /^(?:read|see) (?:more|also|the full story|next)\b/i,
  /^more on this story\b/i,
  /^(?:related|related (?:articles|stories|content|links|coverage|topics)|top stories|most read|recommended)\s*:?$/i,
  /^(?:sign up|subscribe)\b/i,
  /\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|delivered)\b/i,
  /\b(?:sign up|subscribe)\b.*\bnewsletters?\b/i,
  /\b(?:we|this (?:web)?site|our (?:web)?site) (?:use|uses) cookies\b/i,
  /^(?:accept|allow|manage|reject) (?:all )?cookies\b/i,
  /\b(?:our|your) cookie (?:policy|settings|preferences|notice)\b/i,
  /^(?:photo|photos|photograph|picture|image|images|video|graphic)(?: credit| source| copyright)?s?\s*[:|]/i,
  /^(?:image|photo|media|video) (?:caption|source|copyright|credit)\b/i,
  /^(?:getty images|reuters|ap photo|afp|epa|pa media|shutterstock)(?: ?\/ ?[\w .]+)?\.?$/i,
  /^follow (?:us|me|@|[\p{Lu}][\p{L}.'\u2019-]*(?: [\p{Lu}][\p{L}.'\u2019-]*){0,3} on)\b/iu,
  /^click here\b/i,
  /^(?:tap|swipe) here\b/i,
  /^(?:advertisement|advertising|sponsored(?: content)?|ad)\s*$/i,
  /^(?:copyright|\u00a9)\s/i,
  /\ball rights reserved\.?$/i,
  /^(?:download|get) (?:the|our) [\w ]{0,30}\bapp\b/i,
  /^(?:comments?|leave a comment|join the conversation)\s*:?$/i,
];

/** "By Jane Smith", "By Jane Smith and John Doe, Reuters", "By JANE SMITH | Published: ...". */
const BYLINE =
  /^by\s+[\p{Lu}][\p{L}.'\u2019-]*(?:\s+[\p{Lu}][\p{L}.'\u2019-]*){0,3}(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}.'\u2019-]*(?:\s+[\p{Lu}][\p{L}.'\u2019-]*){0,3}){0,3}(?:\s*[,|\u2013\u2014-]\s*[^.!?]{0,80})?$/iu;

/** "Published 5 January 2020", "Updated: 10:31 GMT" at the body start. */
const TIMESTAMP =
  /^(?:published|updated|last updated|posted|first published)\b[^.!?]{0,80}\d[^.!?]{0,40}$/i;

/**
 * Dateline at the start of the first paragraph: "LONDON (Reuters) - ", "WASHINGTON — ",
 * "NEW YORK, Jan 5 (AP) -- ", "(CNN) -- ", "(CNN)". Bounded quantifiers only.
 */
const DATELINE =
  /^(?:[\p{Lu}][\p{Lu}.'\u2019-]+(?: [\p{Lu}][\p{Lu}.'\u2019-]+){0,3}(?:, [\p{L}.]{2,12}(?: [\p{L}.]{2,12})?)?(?:, [\p{L}]{3,9}\.? \d{1,2})?\s*(?:\([\p{L} .]{2,24}\))?\s*(?:--|[-\u2013\u2014])\s+|\((?:CNN|AP|AFP|Reuters|UPI|dpa|Bloomberg)\)\s*(?:--|[-\u2013\u2014])?\s*)/u;

function isBoilerplate(paragraph: string): boolean {
  return paragraph.length <= MAX_BOILERPLATE && BOILERPLATE.some((re) => re.test(paragraph));
}

/** A byline or timestamp line (only ever removed at the start of the body). */
function isMasthead(paragraph: string): boolean {
  return paragraph.length <= 160 && (BYLINE.test(paragraph) || TIMESTAMP.test(paragraph));
}

/**
 * Normalises each paragraph and removes boilerplate; keeps paragraph structure.
 * Bylines, timestamps and datelines are removed only at the start of the body.
 */
export function cleanParagraphs(paragraphs: string[]): string[] {
  const kept = paragraphs.map(normaliseText).filter((p) => p !== '' && !isBoilerplate(p));
  let start = 0;
  while (start < kept.length && start < 3 && isMasthead(kept[start] ?? '')) start++;
  const body = kept.slice(start);
  const first = body[0];
  if (first !== undefined) {
    const withoutDateline = first.replace(DATELINE, '');
    if (withoutDateline.length >= 20) body[0] = withoutDateline;
  }
  return body;
}

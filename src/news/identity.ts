/**
 * Article identity: canonical URLs, content hashes, short ids and inferred titles.
 * Pure functions (node:crypto for hashing only).
 */
import { createHash } from 'node:crypto';
import { splitSentences } from './sentences.js';

/** The URL is not an absolute http(s) URL. */
export class InvalidUrlError extends Error {
  constructor(readonly url: string) {
    super(`Not an absolute http(s) URL: ${url.slice(0, 200)}`);
    this.name = 'InvalidUrlError';
  }
}

/** Query parameters that only track the reader (compared lower-case). */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wt.mc_id',
  'wt_mc_id',
  'cmpid',
  'cmp',
  'icid',
  'ito',
  'ocid',
  'smid',
  'smtyp',
  'sr_share',
  'ref_src',
  'ref_url',
  'spm',
  'share',
  'shared',
  'rss',
  'feature',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'originalreferrer',
  's_cid',
  'xtor',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || lower.startsWith('pk_') || TRACKING_PARAMS.has(lower);
}

/**
 * Canonical form of an article URL: lower-case scheme and host, no default port, no fragment,
 * tracking parameters removed, remaining parameters sorted, no trailing slash.
 * @throws InvalidUrlError when `url` is not an absolute http(s) URL.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InvalidUrlError(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidUrlError(url);
  const params = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Any character outside ASCII (ASCII text is already in NFC). */
const NON_ASCII = /[\u0080-\uffff]/;
/** Whitespace other than a single plain space (what collapsing whitespace would change). */
const ODD_SPACE = /[^\S ]| {2}/;

/** Text as compared for duplicates: NFC, lower-case, whitespace collapsed, paragraphs joined. */
function normalisedText(paragraphs: string[]): string {
  const joined = paragraphs.join(' ');
  const text = (NON_ASCII.test(joined) ? joined.normalize('NFC') : joined).toLowerCase();
  return (ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** sha256 (hex) of the normalised article text: the dedup key for articles without a URL. */
export function contentHash(paragraphs: string[]): string {
  return sha256(normalisedText(paragraphs));
}

const ID_LENGTH = 10;
const ID_SPACE = 36n ** BigInt(ID_LENGTH);

/** 10 characters of [a-z0-9] from the first 64 bits of a hex digest. */
function shortId(hexDigest: string): string {
  const value = BigInt(`0x${hexDigest.slice(0, 16)}`) % ID_SPACE;
  return value.toString(36).padStart(ID_LENGTH, '0');
}

/**
 * The article's short id: from its canonical URL when it has one, else from its content hash,
 * so the same story fetched twice (tracking parameters and all) gets the same id.
 */
export function articleId(input: { url?: string | undefined; contentHash: string }): string {
  return input.url === undefined
    ? shortId(input.contentHash)
    : shortId(sha256(`url:${canonicalUrl(input.url)}`));
}

const MAX_TITLE = 100;
/** Words a headline may be cut before: the clause that follows is detail. */
const CLAUSE_STARTERS = new Set(
  (
    'after amid as at because before but by despite during following for from in including ' +
    'over saying since telling than that to under until when where which while who with ' +
    'without according and'
  ).split(' '),
);
const TRAILING_PUNCTUATION = /[\s.,;:!?\u2026\u2013\u2014-]+$/;

/** Cuts `sentence` to at most MAX_TITLE characters, preferring a clause boundary. */
function trimToHeadline(sentence: string): string {
  if (sentence.length <= MAX_TITLE) return sentence;
  const head = sentence.slice(0, MAX_TITLE + 1);
  let best = -1;
  for (const m of head.matchAll(/[,;:]\s|\s[\u2013\u2014-]\s|\s(?=(\p{L}+)\s)/gu)) {
    const at = m.index;
    if (at < 30 || at > MAX_TITLE) continue;
    const punctuated = m[1] === undefined;
    if (punctuated || CLAUSE_STARTERS.has((m[1] ?? '').toLowerCase())) best = at;
  }
  if (best < 0) best = head.lastIndexOf(' ', MAX_TITLE);
  if (best <= 0) best = MAX_TITLE;
  return sentence.slice(0, best);
}

/**
 * A headline for bare text: the first sentence, cut at a clause boundary to at most 100
 * characters, without trailing punctuation. Returns null when there is no text.
 */
export function inferTitle(paragraphs: string[]): string | null {
  const first = splitSentences(paragraphs.slice(0, 1)).sentences[0];
  if (first === undefined) return null;
  const title = trimToHeadline(first.replace(/\s+/g, ' ')).replace(TRAILING_PUNCTUATION, '');
  return title === '' ? null : title;
}

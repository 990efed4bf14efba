/**
 * RSS 0.9x / 1.0 / 2.0 and Atom feeds → entries (rss-parser on text decoded by decodeBytes, so
 * declared encodings such as ISO-8859-1 are honoured). Missing fields are tolerated, relative
 * links resolved against the feed's URL, and `content:encoded` preferred over the description.
 */
import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { collectBlocks } from './html/blocks.js';
import { parseDocument } from './html/dom.js';
import { decodeBytes } from './decode.js';

/** The text does not parse as an RSS or Atom feed. */
export class NotAFeedError extends Error {
  constructor(reason: string) {
    super(`not an RSS or Atom feed: ${reason}`);
    this.name = 'NotAFeedError';
  }
}

export interface FeedEntry {
  /** Stable identity of the item within its feed: guid / id, else link, else a content hash. */
  guid: string;
  title?: string;
  /** Absolute link to the article page. */
  url?: string;
  author?: string;
  /** ISO-8601. */
  publishedAt?: string;
  language?: string;
  /** Item text, one entry per paragraph (HTML removed). */
  paragraphs: string[];
  /** The item carries only a teaser: the full text must come from the page. */
  teaser: boolean;
}

export interface ParsedFeed {
  title?: string;
  /** The site the feed belongs to (absolute). */
  link?: string;
  language?: string;
  entries: FeedEntry[];
}

/** Items with less text than this are teasers (full articles are longer). */
export const TEASER_MAX_CHARS = 600;
/** A last paragraph like "Continue reading…" or "Read more" marks a teaser whatever its length. */
const TEASER_TAIL =
  /^(continue reading|read more|read the full|full story|more\b)|(\[(…|\.\.\.)\]|…|\.\.\.)$/i;

type RawItem = Record<string, unknown>;
const parser: Parser<RawItem, RawItem> = new Parser({ defaultRSS: 2 });

/** Whether decoded text looks like an RSS or Atom document (for telling feeds from pages). */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/** Plain string from an rss-parser value (which may be an xml2js node with `_` text). */
function str(value: unknown): string | undefined {
  const v =
    typeof value === 'string'
      ? value
      : value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string'
        ? (value as { _: string })._
        : undefined;
  const trimmed = v?.replace(/\s+/g, ' ').trim();
  return trimmed || undefined;
}

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** HTML (or plain text) of an item → paragraphs. */
export function htmlParagraphs(html: string): string[] {
  if (!/<[a-z!/]/i.test(html))
    return html
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const doc = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  for (const junk of Array.from(doc.querySelectorAll('script, style, iframe, noscript')))
    junk.remove();
  return doc.body ? collectBlocks(doc.body).map((b) => b.text) : [];
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function isTeaser(paragraphs: string[]): boolean {
  const length = paragraphs.reduce((n, p) => n + p.length, 0);
  return length < TEASER_MAX_CHARS || TEASER_TAIL.test(paragraphs.at(-1) ?? '');
}

function entryOf(item: RawItem, base: string | undefined, language?: string): FeedEntry {
  const url = absolute(str(item.link), base);
  const html = str(item['content:encoded']) ?? str(item.content) ?? str(item.summary) ?? '';
  const paragraphs = htmlParagraphs(html);
  const title = str(item.title);
  const guid =
    str(item.guid) ??
    str(item.id) ??
    str(item['rdf:about']) ??
    url ??
    `sha256:${createHash('sha256')
      .update(`${title ?? ''}\n${paragraphs.join('\n')}`)
      .digest('hex')}`;
  const author = str(item.creator) ?? str(item.author);
  const publishedAt = str(item.isoDate) ?? isoDate(str(item.pubDate));
  const itemLanguage = str(item.language) ?? language;
  return {
    guid,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(itemLanguage ? { language: itemLanguage } : {}),
    paragraphs,
    teaser: isTeaser(paragraphs),
  };
}

/**
 * Parses feed bytes. `url` is where the feed was fetched from (the base for relative links);
 * `contentType` is the HTTP header, whose charset wins over the XML declaration.
 * @throws NotAFeedError
 */
export async function parseFeed(
  bytes: Uint8Array,
  source: { url?: string; contentType?: string } = {},
): Promise<ParsedFeed> {
  let text: string;
  try {
    text = decodeBytes(bytes, {
      declared: 'xml',
      ...(source.contentType ? { contentType: source.contentType } : {}),
    });
  } catch (e) {
    throw new NotAFeedError((e as Error).message);
  }
  return parseFeedText(text, source.url);
}

/** Parses decoded feed text (see {@link parseFeed}). */
export async function parseFeedText(text: string, url?: string): Promise<ParsedFeed> {
  if (!looksLikeFeed(text)) throw new NotAFeedError('no <rss>, <feed> or <rdf:RDF> root element');
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    // The XML declaration names the bytes' encoding, which no longer applies to decoded text.
    feed = await parser.parseString(text.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, ''));
  } catch (e) {
    throw new NotAFeedError((e as Error).message.split('\n')[0] ?? 'unreadable XML');
  }
  const link = absolute(str(feed.link), url);
  const base = url ?? link;
  const language = str((feed as RawItem).language);
  const title = str(feed.title);
  return {
    ...(title ? { title } : {}),
    ...(link ? { link } : {}),
    ...(language ? { language } : {}),
    entries: feed.items.map((item) => entryOf(item as RawItem, base, language)),
  };
}

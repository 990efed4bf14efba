/**
 * Page metadata: JSON-LD (schema.org Article types), OpenGraph and other meta tags, <time>,
 * <link rel=canonical>.
 */
import { collapse, type DomDocument } from './dom.js';

export interface PageMetadata {
  title?: string;
  author?: string;
  publishedAt?: string;
  canonicalUrl?: string;
  siteName?: string;
  language?: string;
  description?: string;
  /** JSON-LD articleBody, when the page publishes one: a hint for the body pass. */
  articleBody?: string;
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flattenLd(value: unknown, out: Json[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) flattenLd(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) flattenLd(value['@graph'], out, depth + 1);
  }
}

function types(item: Json): string[] {
  const t = item['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

function jsonLdArticle(doc: DomDocument): Json | undefined {
  const items: Json[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flattenLd(JSON.parse(script.textContent ?? ''), items);
    } catch {
      // Malformed JSON-LD is common; the page's other metadata still applies.
    }
  }
  return items.find((item) => types(item).some((t) => ARTICLE_TYPES.has(t)));
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Character references left in metadata values (JSON-LD is often HTML-escaped twice). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (ref, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? ref;
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const s = collapse(decodeEntities(value));
    return s || undefined;
  }
  return undefined;
}

/** A person's or organisation's name from a string, {name} object or a list of them. */
function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((x): x is string => x !== undefined);
    return names.length ? names.join(', ') : undefined;
  }
  const s = text(isObject(value) ? value['name'] : value)?.replace(/^by\s+/i, '');
  return s && !/^https?:\/\//.test(s) ? s : undefined;
}

type MetaTags = ReadonlyMap<string, string>;

/** Every <meta property|name|itemprop content> of the page, first occurrence wins. */
function metaTags(doc: DomDocument): MetaTags {
  const tags = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key =
      el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    const value = text(el.getAttribute('content') ?? undefined);
    if (key && value && !tags.has(key.toLowerCase())) tags.set(key.toLowerCase(), value);
  }
  return tags;
}

function meta(tags: MetaTags, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key.toLowerCase());
    if (value) return value;
  }
  return undefined;
}

/** An ISO-8601 timestamp, or undefined when the value is not a date. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : undefined;
}

export function extractMetadata(doc: DomDocument, pageUrl?: string): PageMetadata {
  const ld = jsonLdArticle(doc) ?? {};
  const tags = metaTags(doc);
  const publisher = ld['publisher'];
  const mainEntity = ld['mainEntityOfPage'];
  const h1 = text(doc.querySelector('h1')?.textContent ?? undefined);
  const canonicalHref =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta(tags, 'og:url') ??
    text(ld['url']) ??
    (isObject(mainEntity) ? text(mainEntity['@id']) : undefined);
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const page: PageMetadata = {
    title:
      text(ld['headline']) ??
      meta(tags, 'og:title', 'twitter:title') ??
      h1 ??
      text(doc.querySelector('title')?.textContent ?? undefined),
    author: nameOf(ld['author']) ?? nameOf(meta(tags, 'author', 'article:author', 'byl')),
    publishedAt:
      isoDate(text(ld['datePublished'])) ??
      isoDate(
        meta(
          tags,
          'article:published_time',
          'datePublished',
          'pubdate',
          'publishdate',
          'publish-date',
          'date',
          'DC.date.issued',
          'dcterms.created',
          'sailthru.date',
          'parsely-pub-date',
        ),
      ) ??
      isoDate(time?.getAttribute('datetime') ?? undefined),
    canonicalUrl: resolveUrl(canonicalHref ?? undefined, pageUrl),
    siteName:
      meta(tags, 'og:site_name', 'application-name') ??
      (isObject(publisher) ? text(publisher['name']) : undefined),
    language:
      languageTag(doc.documentElement?.getAttribute('lang') ?? undefined) ??
      languageTag(
        doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
          undefined,
      ) ??
      languageTag(meta(tags, 'og:locale')) ??
      languageTag(text(ld['inLanguage'])),
    description:
      meta(tags, 'og:description', 'description', 'twitter:description') ?? text(ld['description']),
    articleBody:
      typeof ld['articleBody'] === 'string' ? ld['articleBody'].trim() || undefined : undefined,
  };
  return Object.fromEntries(
    Object.entries(page).filter(([, v]) => v !== undefined),
  ) as PageMetadata;
}

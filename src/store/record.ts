/**
 * An article encoded for the store: every value `ArticleStore.saveRecord` writes (the compressed
 * document, headline, story fields, index terms), computed without Redis. Ingest workers build
 * records, so the thread that talks to Redis only sends commands. Plain data: it crosses to
 * another thread by structured clone (see `restoreBuffers`).
 */
import type { Analysis, Article } from '../news/article.js';
import { InvalidUrlError, canonicalUrl } from '../news/identity.js';
import { decodeDoc, encodeDoc, encodeHeadline, encodeStoryFields, storyFields } from './codec.js';
import { indexTerms, titleWords } from './search.js';

export interface ArticleRecord {
  id: string;
  title: string;
  contentHash: string;
  /** Canonical URL (tracking parameters stripped), the key of the URL dedup map. */
  url?: string;
  source?: string;
  /** Published time in ms (ingest time when unknown): the score of every time index. */
  time: number;
  /** Field `h`. */
  headline: string;
  /** Field `d`: the article with its analysis, compressed. */
  doc: Buffer;
  /** Field `g`: what the digest clusters on. */
  story: Buffer;
  /** Index terms with their weights, best first. */
  terms: Array<[string, number]>;
  /** Title words offered by autocomplete. */
  titleWords: string[];
}

/** Published time in ms (ingest time when unknown): the score of every time index. */
export function articleTime(a: Pick<Article, 'publishedAt' | 'ingestedAt'>): number {
  return Date.parse(a.publishedAt ?? a.ingestedAt);
}

/** The canonical form of a URL, or null when it cannot be parsed. */
export function safeCanonical(url: string): string | null {
  try {
    return canonicalUrl(url);
  } catch (e) {
    if (e instanceof InvalidUrlError) return null;
    throw e;
  }
}

/** Encodes an article and its analysis for saving (its URL canonicalised). */
export function articleRecord(article: Article, analysis: Analysis): ArticleRecord {
  const url = article.url ? safeCanonical(article.url) : null;
  const stored: Article = url ? { ...article, url } : article;
  return {
    id: stored.id,
    title: stored.title,
    contentHash: stored.contentHash,
    ...(url ? { url } : {}),
    ...(stored.source ? { source: stored.source } : {}),
    time: articleTime(stored),
    headline: encodeHeadline(stored),
    doc: encodeDoc({ article: stored, analysis }),
    story: encodeStoryFields(storyFields(analysis)),
    terms: [...indexTerms({ article: stored, analysis })],
    titleWords: titleWords(stored.title),
  };
}

/** The record saved under another id (an update of the article stored at the same URL). */
export function recordWithId(record: ArticleRecord, id: string): ArticleRecord {
  const { article, analysis } = decodeDoc(record.doc);
  return { ...record, id, doc: encodeDoc({ article: { ...article, id }, analysis }) };
}

/** A record received from another thread, whose Buffers arrive as plain Uint8Arrays. */
export function restoreBuffers(record: ArticleRecord): ArticleRecord {
  const asBuffer = (bytes: Uint8Array): Buffer =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ...record, doc: asBuffer(record.doc), story: asBuffer(record.story) };
}

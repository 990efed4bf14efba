/**
 * Compact stored forms: the article with its analysis as brotli-compressed JSON (about half the
 * article text's size), and the small uncompressed headline that lists read.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { z } from 'zod';
import { AnalysisSchema, ArticleSchema, type Analysis, type Article } from '../news/article.js';

export interface StoredArticle {
  article: Article;
  analysis: Analysis;
}

/** What lists, search results and autocomplete show of an article. */
export interface Headline {
  id: string;
  title: string;
  url?: string;
  source?: string;
  publishedAt?: string;
  ingestedAt: string;
}

const StoredSchema = z.object({ a: ArticleSchema, x: AnalysisSchema });

export function encodeDoc(doc: StoredArticle): Buffer {
  return brotliCompressSync(JSON.stringify({ a: doc.article, x: doc.analysis }), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
  });
}

export function decodeDoc(bytes: Buffer): StoredArticle {
  const { a, x } = StoredSchema.parse(JSON.parse(brotliDecompressSync(bytes).toString('utf8')));
  return { article: a, analysis: x };
}

const HeadlineSchema = z.object({
  t: z.string(),
  u: z.string().optional(),
  s: z.string().optional(),
  p: z.string().optional(),
  i: z.string(),
});

export function encodeHeadline(a: Article): string {
  return JSON.stringify({ t: a.title, u: a.url, s: a.source, p: a.publishedAt, i: a.ingestedAt });
}

export function decodeHeadline(id: string, json: string): Headline {
  const h = HeadlineSchema.parse(JSON.parse(json));
  return {
    id,
    title: h.t,
    ingestedAt: h.i,
    ...(h.u !== undefined ? { url: h.u } : {}),
    ...(h.s !== undefined ? { source: h.s } : {}),
    ...(h.p !== undefined ? { publishedAt: h.p } : {}),
  };
}

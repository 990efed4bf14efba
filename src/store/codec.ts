/**
 * Compact stored forms: the article with its analysis as brotli-compressed JSON (about half the
 * article text's size), the small uncompressed headline that lists read, and the story fields
 * the digest reads (so a digest of thousands of articles never inflates their documents).
 */
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  deflateRawSync,
  inflateRawSync,
} from 'node:zlib';
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

/** The article's paragraphs are left out when its sentences rebuild them (almost always). */
const StoredSchema = z.object({
  a: ArticleSchema.extend({ paragraphs: ArticleSchema.shape.paragraphs.optional() }),
  x: AnalysisSchema,
});

/** Each paragraph as its sentences joined by spaces. */
function paragraphsFromSentences(analysis: Analysis): string[] {
  const paragraphs: string[] = [];
  analysis.sentences.forEach((sentence, i) => {
    const p = analysis.paragraphOf[i] ?? 0;
    const before = paragraphs[p];
    paragraphs[p] = before === undefined ? sentence : `${before} ${sentence}`;
  });
  return paragraphs;
}

/** Equal lists (a paragraph without sentences leaves a hole in a rebuilt list: not equal). */
function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] === undefined || a[i] !== b[i]) return false;
  return true;
}

/**
 * The article with its analysis as compressed JSON. The text is stored once: as the analysis's
 * sentences, unless they do not rebuild the paragraphs exactly.
 */
export function encodeDoc(doc: StoredArticle): Buffer {
  const { paragraphs, ...rest } = doc.article;
  const a = sameTexts(paragraphsFromSentences(doc.analysis), paragraphs) ? rest : doc.article;
  return brotliCompressSync(JSON.stringify({ a, x: doc.analysis }), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
  });
}

export function decodeDoc(bytes: Buffer): StoredArticle {
  const { a, x } = StoredSchema.parse(JSON.parse(brotliDecompressSync(bytes).toString('utf8')));
  return { article: { ...a, paragraphs: a.paragraphs ?? paragraphsFromSentences(x) }, analysis: x };
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

/** Lead sentences kept in the story fields. */
const LEAD_SENTENCES = 3;

/** What story clustering reads of an article's analysis (field `g` beside the headline). */
export interface StoryFields {
  /** The first sentences of the body. */
  lead: string;
  /** Names of the people and organisations the article mentions. */
  entities: string[];
  /** Analysis.keywords: stemmed terms with weights, best first. */
  keywords: Array<[string, number]>;
}

/** A headline with its story fields: what a digest reads of each article. */
export type StoryHeadline = Headline & StoryFields;

export function storyFields(analysis: Analysis): StoryFields {
  return {
    lead: analysis.sentences.slice(0, LEAD_SENTENCES).join(' '),
    entities: analysis.entities.map((e) => e.name),
    keywords: analysis.keywords,
  };
}

const StoryFieldsSchema = z.object({
  l: z.string(),
  e: z.array(z.string()),
  k: z.array(z.tuple([z.string(), z.number()])),
});

/** Deflated JSON: about 0.45 KB, half its plain size, so the field adds little to an article. */
export function encodeStoryFields(f: StoryFields): Buffer {
  return deflateRawSync(JSON.stringify({ l: f.lead, e: f.entities, k: f.keywords }));
}

export function decodeStoryFields(bytes: Buffer): StoryFields {
  const { l, e, k } = StoryFieldsSchema.parse(JSON.parse(inflateRawSync(bytes).toString('utf8')));
  return { lead: l, entities: e, keywords: k };
}

/**
 * The article model and the precomputed analysis stored beside it.
 * Types are inferred from these zod schemas; nothing here does I/O.
 */
import { z } from 'zod';

export const ArticleSchema = z.object({
  /** Short (10 characters), stable, typeable id: see `articleId` in ./identity.ts. */
  id: z.string().regex(/^[a-z0-9]{6,16}$/),
  title: z.string().min(1).max(500),
  url: z.string().url().optional(),
  source: z.string().min(1).max(200).optional(),
  author: z.string().min(1).max(300).optional(),
  /** ISO-8601 timestamp. */
  publishedAt: z.string().datetime({ offset: true }).optional(),
  /** BCP-47 language tag, e.g. "en". */
  language: z.string().min(2).max(20).optional(),
  /** Cleaned body text, one entry per paragraph. */
  paragraphs: z.array(z.string().min(1)).min(1),
  ingestedAt: z.string().datetime({ offset: true }),
  /** sha256 (hex) of the normalised text: the dedup key for articles without a URL. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
});
export type Article = z.infer<typeof ArticleSchema>;

/** An article sentence referenced by its index in `Analysis.sentences`. */
export const SentenceRefSchema = z.object({ text: z.string(), index: z.number().int().min(0) });
export type SentenceRef = z.infer<typeof SentenceRefSchema>;

export const QuoteSchema = z.object({
  /** The quoted words only, without the quotation marks. */
  text: z.string().min(1),
  /** The resolved speaker's name, or null when nobody can be named. */
  speaker: z.string().nullable(),
  /** Index of the sentence where the quotation starts. */
  index: z.number().int().min(0),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const EntitySchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['person', 'organisation']),
  /** What the article says the entity is ("Iranian Foreign Minister"), when it says. */
  description: z.string().nullable(),
  /** How often the article mentions it (for ranking who's who). */
  mentions: z.number().int().min(1),
});
export type Entity = z.infer<typeof EntitySchema>;

export const AnalysisSchema = z.object({
  /** Every sentence of the article body, in order. */
  sentences: z.array(z.string()),
  /** Paragraph number of each sentence (same length as `sentences`). */
  paragraphOf: z.array(z.number().int().min(0)),
  /** Sentence indices, best summary sentence first; a summary of n = top n, in article order. */
  ranking: z.array(z.number().int().min(0)),
  quotes: z.array(QuoteSchema),
  background: z.array(SentenceRefSchema),
  entities: z.array(EntitySchema),
  /** Stemmed content terms with weights, best first: for related coverage and story clustering. */
  keywords: z.array(z.tuple([z.string(), z.number()])),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

export const SummaryLengthSchema = z.enum(['short', 'standard', 'long']);
export type SummaryLength = z.infer<typeof SummaryLengthSchema>;

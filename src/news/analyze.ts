/**
 * The complete analysis of one article, computed once at ingest and stored beside it.
 * Pure and deterministic: same input, same analysis.
 */
import type { Analysis } from './article.js';
import { findBackground } from './background.js';
import { findEntities } from './entities.js';
import { keywords } from './keywords.js';
import { findQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { rankSentences } from './summary.js';

export interface AnalyzeInput {
  title: string;
  /** Cleaned body paragraphs. */
  paragraphs: string[];
  /** ISO-8601 publication time (dates before it are background). */
  publishedAt?: string | undefined;
}

export function analyze({ title, paragraphs, publishedAt }: AnalyzeInput): Analysis {
  const { sentences, paragraphOf } = splitSentences(paragraphs);
  const entities = findEntities(sentences);
  return {
    sentences,
    paragraphOf,
    ranking: rankSentences({ sentences, paragraphOf, title }),
    quotes: findQuotes({ sentences, paragraphOf, entities }),
    background: findBackground(
      publishedAt === undefined ? { sentences } : { sentences, publishedAt },
    ),
    entities,
    keywords: keywords(title, sentences),
  };
}

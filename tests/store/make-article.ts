/** Builds a stored-shape article + analysis without the analysis pipeline (store tests only). */
import type { Analysis, Article } from '../../src/news/article.js';
import { articleId, contentHash } from '../../src/news/identity.js';
import { splitSentences } from '../../src/news/sentences.js';

export interface ArticleInput {
  title: string;
  paragraphs: string[];
  url?: string;
  source?: string;
  publishedAt?: string;
  keywords?: Array<[string, number]>;
}

export function makeArticle(input: ArticleInput): { article: Article; analysis: Analysis } {
  const hash = contentHash(input.paragraphs);
  const article: Article = {
    id: articleId({ url: input.url, contentHash: hash }),
    title: input.title,
    paragraphs: input.paragraphs,
    ingestedAt: '2026-01-01T00:00:00.000Z',
    contentHash: hash,
    ...(input.url ? { url: input.url } : {}),
    ...(input.source ? { source: input.source } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  };
  const { sentences, paragraphOf } = splitSentences(input.paragraphs);
  const analysis: Analysis = {
    sentences,
    paragraphOf,
    ranking: sentences.map((_, i) => i),
    quotes: [],
    background: [],
    entities: [],
    keywords: input.keywords ?? [],
  };
  return { article, analysis };
}

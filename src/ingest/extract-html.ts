/**
 * Article text and metadata from a web page: `extractArticle(html, pageUrl?)`.
 * Pure apart from parsing (linkedom); throws NoArticleError when the page holds no article body.
 */
import { z } from 'zod';
import { extractBody } from './html/body.js';
import { parseDocument } from './html/dom.js';
import { extractMetadata } from './html/metadata.js';

export const ExtractedPageSchema = z.object({
  title: z.string().optional(),
  /** Body text, one entry per paragraph (headings, list items and quotes included). */
  paragraphs: z.array(z.string().min(1)).min(1),
  author: z.string().optional(),
  /** ISO-8601 timestamp. */
  publishedAt: z.string().optional(),
  /** From <link rel=canonical> or og:url, resolved against the page URL. */
  canonicalUrl: z.string().optional(),
  siteName: z.string().optional(),
  /** BCP-47 tag from <html lang>, content-language or og:locale. */
  language: z.string().optional(),
  description: z.string().optional(),
});
export type ExtractedPage = z.infer<typeof ExtractedPageSchema>;

export class NoArticleError extends Error {
  constructor(reason = 'no article text found in the page') {
    super(reason);
    this.name = 'NoArticleError';
  }
}

/** Fewer words than this in the body is not an article (a login wall, an index page, an error). */
const MIN_ARTICLE_WORDS = 30;

/** JSON-LD articleBody as paragraphs; sentences glued without a space ("moons.The") are split. */
function bodyParagraphs(articleBody: string): string[] {
  return articleBody
    .split(/\n\s*\n|\r?\n/)
    .flatMap((p) => p.split(/(?<=\p{Ll}[.!?]["”’]?)(?=[\p{Lu}“"])/u))
    .map((p) => p.trim())
    .filter(Boolean);
}

function wordCount(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + (p.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
}

export function extractArticle(html: string, pageUrl?: string): ExtractedPage {
  const doc = parseDocument(html);
  const { articleBody, ...meta } = extractMetadata(doc, pageUrl);
  let paragraphs = extractBody(doc, meta.title);
  if (articleBody && wordCount([articleBody]) > 2 * wordCount(paragraphs)) {
    paragraphs = bodyParagraphs(articleBody);
  }
  if (paragraphs.length === 0) throw new NoArticleError();
  if (wordCount(paragraphs) < MIN_ARTICLE_WORDS) {
    throw new NoArticleError(
      `no article text found in the page (only ${wordCount(paragraphs)} words of body text)`,
    );
  }
  return { ...meta, paragraphs };
}

/** Articles for tests: the seed article, and storing a draft as the ingest pipeline would. */
import { readFileSync } from 'node:fs';
import { prepareArticle, type ArticleDraft } from '../../src/news/prepare.js';
import type { ArticleStore } from '../../src/store/articles.js';
import { SEED_PATH } from './data.js';

export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
export const SEED_URL = 'https://news.example.com/world/khamenei-iraq-talks';

/** Prepares `draft` (clean, identify, analyse) ingested at `now`, saves it, returns its id. */
export async function storeArticle(
  store: ArticleStore,
  draft: ArticleDraft,
  now = new Date('2026-11-28T12:00:00Z'),
): Promise<string> {
  const { article, analysis } = prepareArticle(draft, now);
  return (await store.save(article, analysis)).id;
}

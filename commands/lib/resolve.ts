/**
 * Resolves the `article` argument of /summary, /quotes and /context: an article id, a stored
 * article's URL, or words to search for. Several close matches give a "which one?" choice.
 */
import { UserFacingError } from '../../src/errors.js';
import type { Headline, StoredArticle, ArticleStore } from '../../src/store/articles.js';
import type { ArticleView } from './actions.js';

export type Resolution =
  | { kind: 'article'; stored: StoredArticle }
  | { kind: 'choice'; query: string; view: ArticleView; candidates: Headline[] };

/** A match scoring at least this share of the best score counts as "close". */
const CLOSE_MATCH = 0.85;
const MAX_CANDIDATES = 5;
const ID = /^[a-z0-9]{6,16}$/;
const URL_LIKE = /^https?:\/\/\S+$/i;

export class ArticleNotFoundError extends UserFacingError {
  constructor(readonly query: string) {
    super(
      URL_LIKE.test(query)
        ? `No stored article has the URL “${query}”.`
        : `No stored article matches “${query}” — try /news ${query}`,
    );
    this.name = 'ArticleNotFoundError';
  }
}

export async function resolveArticle(
  store: ArticleStore,
  raw: string,
  view: ArticleView,
): Promise<Resolution> {
  const query = raw.trim().replace(/^<(.+)>$/, '$1');
  if (ID.test(query)) {
    const stored = await store.get(query);
    if (stored) return { kind: 'article', stored };
  }
  if (URL_LIKE.test(query)) {
    const id = await store.idForUrl(query);
    const stored = id ? await store.get(id) : null;
    if (stored) return { kind: 'article', stored };
    throw new ArticleNotFoundError(query);
  }
  const { items } = await store.search(query, { limit: MAX_CANDIDATES });
  const best = items[0];
  if (!best) throw new ArticleNotFoundError(query);
  const exactTitle = items.find((h) => h.title.toLowerCase() === query.toLowerCase());
  const close = items.filter((h) => h.score >= best.score * CLOSE_MATCH);
  if (close.length > 1 && !exactTitle) return { kind: 'choice', query, view, candidates: close };
  const stored = await store.get((exactTitle ?? best).id);
  if (!stored) throw new ArticleNotFoundError(query);
  return { kind: 'article', stored };
}

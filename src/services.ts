/**
 * What command handlers and jobs may use: the stores (all Redis access) and the clock.
 * Built once in main.ts / cli.ts from the configuration.
 */
import type { ArticleStore } from './store/articles.js';

export interface Services {
  articles: ArticleStore;
}

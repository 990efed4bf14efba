/**
 * /quotes article:<id|URL|words> [page]: the article's direct quotations with their speakers,
 * the key ones first (page 1), then the rest in article order.
 */
import { z } from 'zod';
import { defineCommand } from '../src/command.js';
import { articleOption, articleReply, autocompleteArticles } from './lib/article-command.js';
import { quotesCard } from './lib/cards.js';

/** More pages than any article's quotations fill. */
const MAX_PAGE = 100;

export const quotesCommand = defineCommand({
  name: 'quotes',
  description: 'Key quotes from a stored news article, with who said them',
  usage: '<article id, URL or words> [page N]',
  options: {
    article: articleOption,
    page: {
      description: 'Page 1 holds the key quotes; later pages the rest',
      type: 'integer',
      schema: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    },
  },
  handle: ({ article, page }, ctx) =>
    articleReply(article, 'quotes', ctx, (stored) => quotesCard(stored, page)),
  autocomplete: (_option, value, ctx) => autocompleteArticles(value, ctx),
});

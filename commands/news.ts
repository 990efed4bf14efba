/** /news [query] [page]: the latest stored stories, or search results, a page at a time. */
import { z } from 'zod';
import { defineCommand } from '../src/command.js';
import { UserFacingError } from '../src/errors.js';
import { notice } from '../src/reply.js';
import { cardsReply, NEWS_PAGE_SIZE, newsCard } from './lib/cards.js';

const MAX_PAGE = 1000;

export const newsCommand = defineCommand({
  name: 'news',
  description: 'Latest stored news stories, or search them',
  usage: '[words to search for] [page N]',
  options: {
    query: {
      description: 'Words to search for (leave empty for the latest stories)',
      type: 'string',
      schema: z
        .string()
        .trim()
        .max(200)
        .optional()
        .transform((v) => v || undefined),
      rest: true,
    },
    page: {
      description: 'Page number',
      type: 'integer',
      schema: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    },
  },
  async handle({ query, page }, ctx) {
    const store = ctx.services.articles;
    const opts = { limit: NEWS_PAGE_SIZE, offset: (page - 1) * NEWS_PAGE_SIZE };
    const found = query ? await store.search(query, opts) : await store.recent(opts);
    if (found.total === 0) {
      if (query) throw new UserFacingError(`No stored article matches “${query}”.`);
      return notice('info', 'No stories are stored yet.');
    }
    if (found.items.length === 0) {
      const pages = Math.ceil(found.total / NEWS_PAGE_SIZE);
      throw new UserFacingError(
        `There ${pages === 1 ? 'is only 1 page' : `are only ${pages} pages`}.`,
      );
    }
    return cardsReply([newsCard(found, page, query)]);
  },
});

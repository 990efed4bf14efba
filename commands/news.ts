/**
 * /news [query] [source] [page]: the latest stored stories, or search results, a page at a time;
 * `source` narrows either to one publisher (autocompleted from the stored sources).
 */
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/command.js';
import { UserFacingError } from '../src/errors.js';
import { notice } from '../src/reply.js';
import { cardsReply, NEWS_PAGE_SIZE, newsCard } from './lib/cards.js';

const MAX_PAGE = 1000;
/** Free text that may be left out (empty counts as left out). */
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

export const newsCommand = defineCommand({
  name: 'news',
  description: 'Latest stored news stories, or search them',
  usage: '[words to search for] [source:NAME] [page N]',
  options: {
    query: {
      description: 'Words to search for (leave empty for the latest stories)',
      type: 'string',
      schema: optionalText,
      rest: true,
    },
    source: {
      description: 'Only stories from this source (publisher)',
      type: 'string',
      schema: optionalText,
      autocomplete: true,
    },
    page: {
      description: 'Page number',
      type: 'integer',
      schema: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    },
  },
  async handle({ query, source, page }, ctx) {
    const store = ctx.services.articles;
    const opts = { limit: NEWS_PAGE_SIZE, offset: (page - 1) * NEWS_PAGE_SIZE };
    const found = query
      ? await store.search(query, { ...opts, ...(source ? { source } : {}) })
      : source
        ? await store.bySource(source, opts)
        : await store.recent(opts);
    if (found.total === 0) {
      if (source) throw new UserFacingError(await noStoriesFrom(source, query, ctx));
      if (query) throw new UserFacingError(`No stored article matches “${query}”.`);
      return notice('info', 'No stories are stored yet.');
    }
    if (found.items.length === 0) {
      const pages = Math.ceil(found.total / NEWS_PAGE_SIZE);
      throw new UserFacingError(
        `There ${pages === 1 ? 'is only 1 page' : `are only ${pages} pages`}.`,
      );
    }
    return cardsReply([newsCard(found, page, { query, source })]);
  },
  async autocomplete(option, value, ctx) {
    if (option !== 'source') return [];
    const names = await ctx.services.articles.sources(value.trim(), SOURCE_CHOICES);
    return names.map((name) => ({ name: name.slice(0, 100), value: name.slice(0, 100) }));
  },
});

/** Autocomplete choices offered for the source (Discord shows at most 25). */
const SOURCE_CHOICES = 25;
/** Source names suggested when a source has no stories. */
const SOURCES_SUGGESTED = 8;

/** Why nothing was found for a source: no match within it, or an unknown source (with some). */
async function noStoriesFrom(
  source: string,
  query: string | undefined,
  ctx: CommandContext,
): Promise<string> {
  const store = ctx.services.articles;
  if (query && (await store.hasSource(source)))
    return `No stored article from “${source}” matches “${query}”.`;
  const known = await store.sources('', SOURCES_SUGGESTED);
  const suggestion = known.length ? ` Sources: ${known.join(', ')}.` : '';
  return `No stored stories from “${source}”.${suggestion}`;
}

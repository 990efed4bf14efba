/** What /summary, /quotes and /context share: the `article` option, its autocomplete, resolution. */
import { z } from 'zod';
import type { AutocompleteChoice, CommandContext, OptionSpec } from '../../src/command.js';
import type { Card, Reply } from '../../src/reply.js';
import type { StoredArticle } from '../../src/store/articles.js';
import type { ArticleView } from './actions.js';
import { cardsReply, choiceReply } from './cards.js';
import { clip, formatDate } from './format.js';
import { resolveArticle } from './resolve.js';

export const articleOption = {
  description: 'Article id, URL or words from the headline',
  type: 'string',
  schema: z.string().trim().min(1, 'give an article id, URL or some words').max(500),
  autocomplete: true,
  rest: true,
} satisfies OptionSpec;

const AUTOCOMPLETE_MAX = 25;
const NAME_MAX = 100;

/** Up to 25 stored headlines matching what was typed (latest stories when nothing is typed). */
export async function autocompleteArticles(
  typed: string,
  ctx: CommandContext,
): Promise<AutocompleteChoice[]> {
  const store = ctx.services.articles;
  const headlines = typed.trim()
    ? await store.autocomplete(typed, AUTOCOMPLETE_MAX)
    : (await store.recent({ limit: AUTOCOMPLETE_MAX })).items;
  return headlines.slice(0, AUTOCOMPLETE_MAX).map((h) => {
    const date = formatDate(h.publishedAt ?? h.ingestedAt);
    const suffix = date ? ` · ${date}` : '';
    return { name: `${clip(h.title, NAME_MAX - suffix.length)}${suffix}`, value: h.id };
  });
}

/** Resolves the article argument, then builds the view; several close matches ask which one. */
export async function articleReply(
  query: string,
  view: ArticleView,
  ctx: CommandContext,
  build: (stored: StoredArticle) => Card | Promise<Card>,
): Promise<Reply> {
  const found = await resolveArticle(ctx.services.articles, query, view);
  if (found.kind === 'choice') return choiceReply(found.query, view, found.candidates);
  return cardsReply([await build(found.stored)]);
}

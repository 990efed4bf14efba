/** /context article:<id|URL|words>: background, who's who and earlier stored coverage. */
import { defineCommand } from '../src/command.js';
import { articleOption, articleReply, autocompleteArticles } from './lib/article-command.js';
import { contextCard } from './lib/cards.js';

const EARLIER_COVERAGE_MAX = 5;

export const contextCommand = defineCommand({
  name: 'context',
  description: "Background, who's who and earlier coverage for a stored news article",
  usage: '<article id, URL or words>',
  options: { article: articleOption },
  handle: ({ article }, ctx) =>
    articleReply(article, 'context', ctx, async (stored) =>
      contextCard(
        stored,
        await ctx.services.articles.earlierCoverage(stored.article.id, EARLIER_COVERAGE_MAX),
      ),
    ),
  autocomplete: (_option, value, ctx) => autocompleteArticles(value, ctx),
});

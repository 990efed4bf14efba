/** /summary article:<id|URL|words> [length]: the precomputed extractive summary as bullets. */
import { defineCommand } from '../src/command.js';
import { SummaryLengthSchema } from '../src/news/article.js';
import { articleOption, articleReply, autocompleteArticles } from './lib/article-command.js';
import { summaryCard } from './lib/cards.js';

export const summaryCommand = defineCommand({
  name: 'summary',
  description: 'Summarise a stored news article',
  usage: '<article id, URL or words> [short|standard|long]',
  options: {
    article: articleOption,
    length: {
      description: 'How long a summary',
      type: 'string',
      schema: SummaryLengthSchema.default('standard'),
      choices: SummaryLengthSchema.options,
    },
  },
  handle: ({ article, length }, ctx) =>
    articleReply(article, 'summary', ctx, (stored) => summaryCard(stored, length)),
  autocomplete: (_option, value, ctx) => autocompleteArticles(value, ctx),
});

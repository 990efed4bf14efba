/** /quotes article:<id|URL|words>: the article's direct quotations with their speakers. */
import { defineCommand } from '../src/command.js';
import { articleOption, articleReply, autocompleteArticles } from './lib/article-command.js';
import { quotesCard } from './lib/cards.js';

export const quotesCommand = defineCommand({
  name: 'quotes',
  description: 'Key quotes from a stored news article, with who said them',
  usage: '<article id, URL or words>',
  options: { article: articleOption },
  handle: ({ article }, ctx) => articleReply(article, 'quotes', ctx, quotesCard),
  autocomplete: (_option, value, ctx) => autocompleteArticles(value, ctx),
});

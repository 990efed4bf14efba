/**
 * /feeds add URL, /feeds remove URL, /feeds list: the news feeds the bot polls (moderators
 * only). Feeds are fetched by the poller, not here: `/feeds list` shows how each one is doing,
 * including why a feed was disabled.
 */
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/command.js';
import { UserFacingError } from '../src/errors.js';
import { notice, type Item } from '../src/reply.js';
import { InvalidFeedUrlError, type FeedState } from '../src/store/feeds.js';

const urlOption = {
  description: 'The feed URL (RSS or Atom)',
  type: 'string' as const,
  schema: z
    .string()
    .trim()
    .min(1, 'give the feed URL')
    .max(2000)
    .refine((u) => /^https?:\/\/\S+$/i.test(u), 'expected an http(s) URL'),
  rest: true,
};

function status(feed: FeedState): string {
  if (feed.disabledReason) return feed.disabledReason;
  if (feed.failures > 0)
    return `failing (${feed.failures} in a row): ${feed.lastError ?? 'unknown error'}`;
  if (!feed.lastPolledAt) return 'not polled yet';
  return `ok, ${feed.itemsStored} ${feed.itemsStored === 1 ? 'item' : 'items'} stored, last polled ${feed.lastPolledAt.replace(/\.\d+Z$/, 'Z')}`;
}

async function feedChoices(typed: string, ctx: CommandContext) {
  const needle = typed.trim().toLowerCase();
  return (await ctx.services.feeds.list())
    .filter((f) => f.url.toLowerCase().includes(needle) || f.title?.toLowerCase().includes(needle))
    .slice(0, 25)
    .map((f) => ({
      name: (f.title ? `${f.title} (${f.url})` : f.url).slice(0, 100),
      value: f.url,
    }));
}

export const feedsAddCommand = defineCommand({
  name: 'feeds add',
  description: 'Add a news feed for the bot to poll',
  usage: '<feed URL>',
  moderatorOnly: true,
  options: { url: urlOption },
  async handle({ url }, ctx) {
    let result;
    try {
      result = await ctx.services.feeds.add(url, { now: ctx.now, by: ctx.user.id });
    } catch (e) {
      if (e instanceof InvalidFeedUrlError) throw new UserFacingError(e.message);
      throw e;
    }
    const { feed, added } = result;
    return notice(
      'success',
      added
        ? `Added ${feed.url}. It is fetched on the next poll; /feeds list shows how it is doing.`
        : `${feed.url} was already there; its failure count is reset and it is enabled.`,
    );
  },
});

export const feedsRemoveCommand = defineCommand({
  name: 'feeds remove',
  description: 'Stop polling a news feed',
  usage: '<feed URL>',
  moderatorOnly: true,
  options: { url: { ...urlOption, autocomplete: true } },
  async handle({ url }, ctx) {
    let removed;
    try {
      removed = await ctx.services.feeds.remove(url);
    } catch (e) {
      if (e instanceof InvalidFeedUrlError) throw new UserFacingError(e.message);
      throw e;
    }
    if (!removed) throw new UserFacingError(`${url} is not in the feed list (see /feeds list).`);
    return notice('success', `Removed ${url}. Articles already stored from it stay.`);
  },
  autocomplete: async (_option, value, ctx) => feedChoices(value, ctx),
});

export const feedsListCommand = defineCommand({
  name: 'feeds list',
  description: 'The news feeds the bot polls, and how each one is doing',
  usage: '',
  moderatorOnly: true,
  options: {},
  async handle(_input, ctx) {
    const feeds = await ctx.services.feeds.list();
    if (feeds.length === 0) return notice('info', 'No feeds yet. Add one with /feeds add <URL>.');
    const items: Item[] = feeds.map((f) => ({
      text: f.title ? `${f.title} — ${f.url}` : f.url,
      attribution: status(f),
      url: f.url,
    }));
    const disabled = feeds.filter((f) => f.disabledReason).length;
    const summary = `${feeds.length} ${feeds.length === 1 ? 'feed' : 'feeds'}${disabled ? `, ${disabled} disabled` : ''}`;
    return {
      kind: 'cards',
      visibility: 'ephemeral',
      text: `${summary}:\n${items.map((i) => `${i.text}: ${i.attribution}`).join('\n')}`,
      cards: [
        {
          title: 'News feeds',
          meta: summary,
          sections: [{ style: 'definitions', items }],
          actions: [],
        },
      ],
    };
  },
});

export const feedsCommands = [feedsAddCommand, feedsRemoveCommand, feedsListCommand];

/**
 * `newsbot feeds add|remove|list|poll`: the feeds the bot polls. `poll` runs one poll now, as
 * the bot's scheduler would (same lock, per-host interval, backoff); configured feeds (FEEDS,
 * FEEDS_FILE) are added first.
 */
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { Fetcher } from '../ingest/fetch.js';
import { FeedPoller, pollerOptions, seedFeeds, type FeedPollResult } from '../jobs/feed-poller.js';
import { createLogger } from '../log.js';
import { FeedStore, type FeedState } from '../store/feeds.js';
import type { ArticleStore } from '../store/articles.js';
import { println, withStore } from './runtime.js';

async function withFeeds<T>(
  fn: (feeds: FeedStore, articles: ArticleStore, config: Config) => Promise<T>,
): Promise<T> {
  return withStore((articles, config) =>
    fn(new FeedStore(articles.redis, articles.keys), articles, config),
  );
}

function describeFeed(f: FeedState): string {
  const state = f.disabledReason
    ? `DISABLED: ${f.disabledReason}`
    : f.failures > 0
      ? `failing (${f.failures}): ${f.lastError ?? '?'}`
      : f.lastPolledAt
        ? `ok, last polled ${f.lastPolledAt}`
        : 'not polled yet';
  return `${f.url}  ${f.itemsStored} stored  ${state}${f.title ? `  (${f.title})` : ''}`;
}

function describeResult(r: FeedPollResult): string {
  switch (r.status) {
    case 'polled':
    case 'interrupted': {
      const c = r.items;
      return `${r.url}: ${r.status}: stored ${c.stored}, updated ${c.updated}, duplicate ${c.duplicate}, rejected ${c.rejected}, unchanged ${c.unchanged}`;
    }
    case 'not-modified':
      return `${r.url}: not modified`;
    case 'failed':
      return `${r.url}: failed: ${r.error}${r.disabled ? ' (feed disabled)' : ''}`;
    case 'skipped':
      return `${r.url}: skipped (${r.why})`;
  }
}

export function registerFeeds(program: Command): void {
  const feeds = program.command('feeds').description('manage the RSS/Atom feeds the bot polls');

  feeds
    .command('add')
    .description('add feeds (a disabled feed is enabled again)')
    .argument('<urls...>', 'feed URLs')
    .action(async (urls: string[]) => {
      await withFeeds(async (store) => {
        for (const url of urls) {
          const { added, feed } = await store.add(url, { now: new Date(), by: 'cli' });
          println(`${added ? 'added' : 'already there (enabled)'}  ${feed.url}`);
        }
      });
    });

  feeds
    .command('remove')
    .description('remove feeds (stored articles stay)')
    .argument('<urls...>', 'feed URLs')
    .action(async (urls: string[]) => {
      await withFeeds(async (store) => {
        for (const url of urls) {
          const removed = await store.remove(url);
          println(`${removed ? 'removed' : 'not there'}  ${url}`);
          if (!removed) process.exitCode = 1;
        }
      });
    });

  feeds
    .command('list')
    .description('list the feeds with their state')
    .option('--json', 'print one JSON object per feed')
    .action(async (opts: { json?: boolean }) => {
      await withFeeds(async (store) => {
        const all = await store.list();
        for (const f of all) println(opts.json ? JSON.stringify(f) : describeFeed(f));
        if (!opts.json && all.length === 0)
          println('no feeds (add one with: newsbot feeds add URL)');
      });
    });

  feeds
    .command('poll')
    .description('poll every due feed once now (adds FEEDS / FEEDS_FILE first)')
    .option('--json', 'print one JSON object per feed, then the totals')
    .action(async (opts: { json?: boolean }) => {
      await withFeeds(async (store, articles, config) => {
        await seedFeeds(config, store, new Date());
        const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
        const poller = new FeedPoller(
          {
            feeds: store,
            web: { fetcher: new Fetcher(config), articles, now: () => new Date() },
            log,
          },
          pollerOptions(config),
        );
        const report = await poller.pollOnce();
        if (!report.ran) {
          process.stderr.write('newsbot: another poller holds the feed lock; try again later\n');
          process.exitCode = 1;
          return;
        }
        for (const r of report.feeds) println(opts.json ? JSON.stringify(r) : describeResult(r));
        const c = report.items;
        println(
          opts.json
            ? JSON.stringify({ totals: c })
            : `stored ${c.stored}, updated ${c.updated}, duplicate ${c.duplicate}, rejected ${c.rejected}, unchanged ${c.unchanged}`,
        );
        if (report.feeds.some((r) => r.status === 'failed')) process.exitCode = 1;
      });
    });
}

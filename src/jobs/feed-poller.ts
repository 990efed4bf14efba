/**
 * The feed poller: on the FEED_POLL_CRON schedule, one replica at a time (a Redis lock with
 * expiry, renewed while polling), it fetches every due feed with a conditional GET, at most
 * once per host per FEED_HOST_INTERVAL_MINUTES and a few feeds at a time, and stores new and
 * changed items. Failures back off exponentially; after MAX_FAILURES in a row a feed is
 * disabled with the reason.
 *
 * Restart safety: an item is marked seen only after it is stored, and a feed's validators
 * (ETag / Last-Modified) are saved only after all its items are; a poll killed half-way is
 * therefore re-run in full by the next poll, which stores exactly what was missed (the store
 * reports the rest as duplicates).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { StoreUnavailableError } from '../errors.js';
import { FetchError, Fetcher } from '../ingest/fetch.js';
import { parseFeed, type FeedEntry } from '../ingest/feed.js';
import { ingestEntry, type WebIngestDeps } from '../ingest/url.js';
import type { Services } from '../services.js';
import type { FeedState, FeedStore } from '../store/feeds.js';

export interface PollerOptions {
  /** Minimum time between two fetches from one host (all replicas together). */
  hostIntervalMs: number;
  /** Feeds fetched at the same time. */
  concurrency: number;
  /** Consecutive failed polls after which a feed is disabled. */
  maxFailures: number;
  /** How long the lock outlives a poller that died without releasing it. */
  lockTtlMs: number;
  /** Wait before retrying a feed after its n-th consecutive failure. */
  backoffMs(failures: number): number;
}

export const MAX_FAILURES = 5;
const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** 5 min, 10 min, 20 min ... capped at 6 h. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
}

export function pollerOptions(config: Pick<Config, 'FEED_HOST_INTERVAL_MINUTES'>): PollerOptions {
  return {
    hostIntervalMs: config.FEED_HOST_INTERVAL_MINUTES * 60_000,
    concurrency: 4,
    maxFailures: MAX_FAILURES,
    lockTtlMs: 60_000,
    backoffMs,
  };
}

export interface ItemCounts {
  stored: number;
  updated: number;
  duplicate: number;
  rejected: number;
  /** Already stored in this version by an earlier poll. */
  unchanged: number;
}

export type FeedPollResult =
  | { url: string; status: 'polled'; items: ItemCounts }
  | { url: string; status: 'not-modified' }
  | { url: string; status: 'failed'; error: string; disabled: boolean }
  | { url: string; status: 'skipped'; why: 'disabled' | 'backoff' | 'host-interval' }
  /** The poll stopped before finishing this feed (shutdown or lost lock); re-run next time. */
  | { url: string; status: 'interrupted'; items: ItemCounts };

export interface PollReport {
  /** False when another replica held the lock (nothing was done). */
  ran: boolean;
  feeds: FeedPollResult[];
  items: ItemCounts;
}

const emptyCounts = (): ItemCounts => ({
  stored: 0,
  updated: 0,
  duplicate: 0,
  rejected: 0,
  unchanged: 0,
});

/** What identifies one version of an item: a change means the stored article is updated. */
export function fingerprint(entry: FeedEntry): string {
  return createHash('sha256')
    .update(JSON.stringify([entry.title, entry.url, entry.publishedAt, entry.paragraphs]))
    .digest('hex')
    .slice(0, 16);
}

export interface PollerDeps {
  feeds: FeedStore;
  web: WebIngestDeps;
  log: Logger;
}

export class FeedPoller {
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private stopping = false;
  private lockLost = false;
  private running: Promise<PollReport> | undefined;

  constructor(
    private readonly deps: PollerDeps,
    private readonly options: PollerOptions,
  ) {}

  /** Polls every due feed once, unless another replica is polling (then `ran` is false). */
  async pollOnce(): Promise<PollReport> {
    if (this.running) return this.running;
    this.running = this.locked().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Lets the current poll finish its current items, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private get halted(): boolean {
    return this.stopping || this.lockLost;
  }

  private async locked(): Promise<PollReport> {
    const { feeds, log } = this.deps;
    const ttl = this.options.lockTtlMs;
    if (!(await feeds.acquirePollerLock(this.owner, ttl))) {
      log.debug('feed poll skipped: another replica is polling');
      return { ran: false, feeds: [], items: emptyCounts() };
    }
    this.lockLost = false;
    const renew = setInterval(
      () => {
        feeds.renewPollerLock(this.owner, ttl).then(
          (held) => {
            if (!held) {
              this.lockLost = true;
              log.warn('feed poller lost its lock; stopping this poll');
            }
          },
          (e: unknown) => log.warn({ err: e }, 'could not renew the feed poller lock'),
        );
      },
      Math.max(50, Math.floor(ttl / 3)),
    );
    try {
      return await this.pollAll();
    } finally {
      clearInterval(renew);
      await feeds.releasePollerLock(this.owner).catch(() => undefined);
    }
  }

  private async pollAll(): Promise<PollReport> {
    const queue = await this.deps.feeds.list();
    const results: FeedPollResult[] = [];
    const worker = async () => {
      for (let feed = queue.shift(); feed && !this.halted; feed = queue.shift()) {
        results.push(await this.pollFeed(feed));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
    const items = emptyCounts();
    for (const r of results) {
      if ('items' in r)
        for (const k of Object.keys(items) as (keyof ItemCounts)[]) items[k] += r.items[k];
    }
    this.deps.log.info({ feeds: results.length, ...items }, 'feed poll finished');
    return { ran: true, feeds: results, items };
  }

  /** Polls one feed (when due). Store outages abort the whole poll; other errors count. */
  async pollFeed(feed: FeedState): Promise<FeedPollResult> {
    const { feeds, web, log } = this.deps;
    const url = feed.url;
    const now = web.now();
    if (feed.disabledReason) return { url, status: 'skipped', why: 'disabled' };
    if (feed.retryAt && feed.retryAt > now.getTime())
      return { url, status: 'skipped', why: 'backoff' };
    if (!(await feeds.claimHost(new URL(url).host, this.options.hostIntervalMs)))
      return { url, status: 'skipped', why: 'host-interval' };
    const counts = emptyCounts();
    try {
      const conditional = {
        ...(feed.etag ? { etag: feed.etag } : {}),
        ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
      };
      const res = await web.fetcher.fetch(url, conditional);
      if (res.notModified) {
        await feeds.recordSuccess(url, { now, stored: 0 });
        return { url, status: 'not-modified' };
      }
      const parsed = await parseFeed(res.body, {
        url: res.url,
        ...(res.contentType ? { contentType: res.contentType } : {}),
      });
      const entries = parsed.entries;
      const seen = await feeds.seenFingerprints(
        url,
        entries.map((e) => e.guid),
      );
      for (const entry of entries) {
        if (this.halted) return { url, status: 'interrupted', items: counts };
        const print = fingerprint(entry);
        if (seen.get(entry.guid) === print) {
          counts.unchanged++;
          continue;
        }
        const outcome = await ingestEntry(entry, parsed, web);
        counts[outcome.status]++;
        if (outcome.status === 'rejected')
          log.info({ feed: url, guid: entry.guid, error: outcome.error }, 'feed item rejected');
        if (outcome.permanent) await feeds.markSeen(url, entry.guid, print);
      }
      await feeds.pruneSeen(
        url,
        entries.map((e) => e.guid),
      );
      await feeds.recordSuccess(url, {
        now,
        ...(res.etag ? { etag: res.etag } : {}),
        ...(res.lastModified ? { lastModified: res.lastModified } : {}),
        ...(parsed.title ? { title: parsed.title } : {}),
        stored: counts.stored + counts.updated,
      });
      return { url, status: 'polled', items: counts };
    } catch (e) {
      if (e instanceof StoreUnavailableError) throw e;
      const reason = e instanceof FetchError ? e.reason : (e as Error).message;
      const state = await feeds.recordFailure(url, {
        now,
        reason,
        maxFailures: this.options.maxFailures,
        backoffMs: this.options.backoffMs,
      });
      const disabled = Boolean(state?.disabledReason);
      if (disabled) log.warn({ feed: url, reason: state?.disabledReason }, 'feed disabled');
      else log.info({ feed: url, error: reason, failures: state?.failures }, 'feed poll failed');
      return { url, status: 'failed', error: reason, disabled };
    }
  }
}

/** Feed URLs from the FEEDS variable and the FEEDS_FILE (one per line, `#` comments). */
export async function configuredFeeds(
  config: Pick<Config, 'FEEDS' | 'FEEDS_FILE'>,
): Promise<string[]> {
  const urls = [...config.FEEDS];
  if (config.FEEDS_FILE) {
    const text = await readFile(config.FEEDS_FILE, 'utf8');
    for (const line of text.split(/\r?\n/)) {
      const url = line.replace(/#.*$/, '').trim();
      if (url) urls.push(url);
    }
  }
  return urls;
}

/** Adds the configured feeds that are not there yet (existing feeds keep their state). */
export async function seedFeeds(
  config: Pick<Config, 'FEEDS' | 'FEEDS_FILE'>,
  feeds: FeedStore,
  now: Date,
): Promise<number> {
  let added = 0;
  for (const url of await configuredFeeds(config)) {
    if (await feeds.get(url)) continue;
    await feeds.add(url, { now, by: 'config' });
    added++;
  }
  return added;
}

export interface RunningPoller {
  poller: FeedPoller;
  stop(): Promise<void>;
}

/** Seeds the configured feeds and runs the poller on FEED_POLL_CRON (for the bot process). */
export async function startFeedPoller(opts: {
  config: Config;
  services: Pick<Services, 'articles' | 'feeds'>;
  log: Logger;
}): Promise<RunningPoller> {
  const { config, services } = opts;
  const log = opts.log.child({ job: 'feed-poller' });
  await seedFeeds(config, services.feeds, new Date());
  const poller = new FeedPoller(
    {
      feeds: services.feeds,
      web: { fetcher: new Fetcher(config), articles: services.articles, now: () => new Date() },
      log,
    },
    pollerOptions(config),
  );
  const cron = new Cron(config.FEED_POLL_CRON, { protect: true }, async () => {
    try {
      await poller.pollOnce();
    } catch (e) {
      log.error({ err: e }, 'feed poll failed');
    }
  });
  return {
    poller,
    async stop() {
      cron.stop();
      await poller.stop();
    },
  };
}

/**
 * FeedStore: the feeds to poll and their state (validators, failures, backoff, disabled
 * reason), the GUIDs already stored per feed, the poller lock and per-host fetch slots.
 *
 * Keys (all under the prefix, see ./keys.ts):
 * - `feeds`                      hash  feed id → URL (the list of feeds; its own slot)
 * - `{feed:ID}`                  hash  the feed's state (fields of {@link FeedState})
 * - `{feed:ID}:seen`             hash  item GUID → fingerprint of the stored version
 * - `feed-lock`                  string the poller lock (owner token, with expiry)
 * - `feed-host:HOST`             string a host's fetch slot (expires after the minimum interval)
 * A feed's state and its seen GUIDs share a hash tag; the index is updated in a separate,
 * idempotent step (add: state then index; remove: index then state).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Keys } from './keys.js';
import { guarded, type RedisClient } from './redis.js';

/** The URL is not an absolute http(s) URL, so it cannot be a feed. */
export class InvalidFeedUrlError extends Error {
  constructor(readonly url: string) {
    super(`Not an http(s) URL: ${url.slice(0, 200)}`);
    this.name = 'InvalidFeedUrlError';
  }
}

const optionalText = z.string().min(1).optional();
const count = z.coerce.number().int().min(0).default(0);

export const FeedStateSchema = z.object({
  url: z.string().url(),
  addedAt: z.string(),
  addedBy: optionalText,
  title: optionalText,
  etag: optionalText,
  lastModified: optionalText,
  /** Consecutive failed polls. */
  failures: count,
  /** Epoch ms before which the feed is not polled again (backoff after failures). */
  retryAt: z.coerce.number().int().optional(),
  /** Set when the feed was disabled after repeated failures: why. */
  disabledReason: optionalText,
  lastError: optionalText,
  lastPolledAt: optionalText,
  /** Items stored (new or updated) from this feed, all polls together. */
  itemsStored: count,
});
export type FeedState = z.infer<typeof FeedStateSchema>;

/** The form feeds are stored and compared in: absolute http(s), no fragment. */
export function normaliseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InvalidFeedUrlError(raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidFeedUrlError(raw);
  url.hash = '';
  return url.href;
}

function feedId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

// Delete the key only while we hold it.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
// Extend the key's expiry only while we hold it.
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

export class FeedStore {
  constructor(
    readonly redis: RedisClient,
    readonly keys: Keys,
  ) {}

  private index(): string {
    return this.keys.global('feeds');
  }
  private state(url: string): string {
    return this.keys.tagged(`feed:${feedId(url)}`);
  }
  private seen(url: string): string {
    return this.keys.tagged(`feed:${feedId(url)}`, 'seen');
  }

  /**
   * Adds a feed (or re-enables a disabled one, clearing its failures). Returns whether it is
   * new; an existing feed keeps its validators and seen items.
   */
  async add(
    rawUrl: string,
    opts: { now: Date; by?: string },
  ): Promise<{ added: boolean; feed: FeedState }> {
    const url = normaliseFeedUrl(rawUrl);
    return guarded(async () => {
      const key = this.state(url);
      const fields: Record<string, string> = { url, addedAt: opts.now.toISOString() };
      if (opts.by) fields.addedBy = opts.by;
      const existed = (await this.redis.exists(key)) === 1;
      if (existed) await this.redis.hdel(key, 'disabledReason', 'retryAt', 'lastError', 'failures');
      else await this.redis.hset(key, fields);
      await this.redis.hset(this.index(), feedId(url), url);
      return { added: !existed, feed: (await this.get(url))! };
    });
  }

  /** Removes a feed with its state and seen items; false when it was not there. */
  async remove(rawUrl: string): Promise<boolean> {
    const url = normaliseFeedUrl(rawUrl);
    return guarded(async () => {
      const removed = await this.redis.hdel(this.index(), feedId(url));
      await this.redis.unlink(this.state(url), this.seen(url));
      return removed === 1;
    });
  }

  async get(rawUrl: string): Promise<FeedState | null> {
    const url = normaliseFeedUrl(rawUrl);
    const raw = await guarded(() => this.redis.hgetall(this.state(url)));
    if (!raw.url) return null;
    return FeedStateSchema.parse(raw);
  }

  /** Every feed, by URL. */
  async list(): Promise<FeedState[]> {
    const urls = Object.values(await guarded(() => this.redis.hgetall(this.index()))).sort();
    const feeds = await Promise.all(urls.map((u) => this.get(u)));
    return feeds.filter((f): f is FeedState => f !== null);
  }

  /** A poll succeeded (or the feed was unchanged): new validators, failures cleared. */
  async recordSuccess(
    url: string,
    result: { now: Date; etag?: string; lastModified?: string; title?: string; stored: number },
  ): Promise<void> {
    const key = this.state(url);
    await guarded(async () => {
      if (!(await this.redis.exists(key))) return; // removed meanwhile
      const fields: Record<string, string> = {
        lastPolledAt: result.now.toISOString(),
        failures: '0',
      };
      if (result.etag) fields.etag = result.etag;
      if (result.lastModified) fields.lastModified = result.lastModified;
      if (result.title) fields.title = result.title;
      await this.redis
        .multi()
        .hdel(key, 'retryAt', 'lastError')
        .hincrby(key, 'itemsStored', result.stored)
        .hset(key, fields)
        .exec();
    });
  }

  /**
   * A poll failed: counts the failure and either schedules the retry (`retryAt`) or, at
   * `maxFailures` consecutive failures, disables the feed with the reason. Returns the state.
   */
  async recordFailure(
    url: string,
    failure: { now: Date; reason: string; maxFailures: number; backoffMs: (n: number) => number },
  ): Promise<FeedState | null> {
    const key = this.state(url);
    return guarded(async () => {
      if (!(await this.redis.exists(key))) return null;
      const failures = await this.redis.hincrby(key, 'failures', 1);
      const fields: Record<string, string> = {
        lastError: failure.reason,
        lastPolledAt: failure.now.toISOString(),
        retryAt: String(failure.now.getTime() + failure.backoffMs(failures)),
      };
      if (failures >= failure.maxFailures)
        fields.disabledReason = `disabled after ${failures} failed ${failures === 1 ? 'poll' : 'polls'} in a row; last: ${failure.reason}`;
      await this.redis.hset(key, fields);
      return this.get(url);
    });
  }

  /** The stored fingerprint of each GUID (undefined when not seen yet). */
  async seenFingerprints(url: string, guids: string[]): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    if (guids.length === 0) return seen;
    const values = await guarded(() => this.redis.hmget(this.seen(url), ...guids));
    guids.forEach((g, i) => {
      const v = values[i];
      if (v) seen.set(g, v);
    });
    return seen;
  }

  /** Records that this version of an item is stored (call only after it is). */
  async markSeen(url: string, guid: string, fingerprint: string): Promise<void> {
    await guarded(() => this.redis.hset(this.seen(url), guid, fingerprint));
  }

  /** Forgets seen GUIDs that are no longer in the feed (keeps the set bounded). */
  async pruneSeen(url: string, current: Iterable<string>): Promise<void> {
    const keep = new Set(current);
    const key = this.seen(url);
    await guarded(async () => {
      const stale = (await this.redis.hkeys(key)).filter((g) => !keep.has(g));
      if (stale.length) await this.redis.hdel(key, ...stale);
    });
  }

  /** Takes the poller lock for `ttlMs` unless someone else holds it. */
  async acquirePollerLock(owner: string, ttlMs: number): Promise<boolean> {
    const ok = await guarded(() =>
      this.redis.set(this.keys.global('feed-lock'), owner, 'PX', ttlMs, 'NX'),
    );
    return ok === 'OK';
  }

  /** Extends the lock while `owner` still holds it; false when it was lost. */
  async renewPollerLock(owner: string, ttlMs: number): Promise<boolean> {
    const key = this.keys.global('feed-lock');
    const r = await guarded(() => this.redis.eval(RENEW_SCRIPT, 1, key, owner, String(ttlMs)));
    return r === 1;
  }

  async releasePollerLock(owner: string): Promise<void> {
    await guarded(() => this.redis.eval(RELEASE_SCRIPT, 1, this.keys.global('feed-lock'), owner));
  }

  /**
   * Claims the right to fetch from `host` now: true at most once per `intervalMs` across all
   * replicas (always true when the interval is 0).
   */
  async claimHost(host: string, intervalMs: number): Promise<boolean> {
    if (intervalMs <= 0) return true;
    const key = this.keys.global('feed-host', host);
    const ok = await guarded(() => this.redis.set(key, String(Date.now()), 'PX', intervalMs, 'NX'));
    return ok === 'OK';
  }
}

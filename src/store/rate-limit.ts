/**
 * Per-user command rate limit, kept in Redis so that it holds across replicas.
 *
 * Sliding window approximated from two fixed one-minute counters: the estimate is
 * `current + previous × (fraction of the previous window still inside the last minute)`.
 * The limit fails open: when Redis is unreachable the command itself answers "try again".
 */
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  /** When the user may try again (0 when allowed). */
  retryAfterMs: number;
}

export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    /** Commands a user may run per minute; 0 turns the limit off. */
    readonly perMinute: number,
  ) {}

  /** Counts one command by `user` on `platform` and says whether it may run. */
  async hit(platform: string, user: string, now = Date.now()): Promise<RateDecision> {
    if (this.perMinute <= 0) return { allowed: true, retryAfterMs: 0 };
    const window = Math.floor(now / WINDOW_MS);
    const current = this.keys.tagged(`rl:${platform}:${user}`, String(window));
    const previous = this.keys.tagged(`rl:${platform}:${user}`, String(window - 1));
    let count: number;
    let before: number;
    try {
      const results = await this.redis
        .multi()
        .incr(current)
        .pexpire(current, WINDOW_MS * 2)
        .get(previous)
        .exec();
      count = Number(results?.[0]?.[1] ?? 0);
      before = Number(results?.[2]?.[1] ?? 0);
    } catch {
      return { allowed: true, retryAfterMs: 0 };
    }
    const elapsed = (now % WINDOW_MS) / WINDOW_MS;
    const estimate = count + before * (1 - elapsed);
    if (estimate <= this.perMinute) return { allowed: true, retryAfterMs: 0 };
    return { allowed: false, retryAfterMs: WINDOW_MS - (now % WINDOW_MS) };
  }
}

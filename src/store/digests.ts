/**
 * DigestStore: daily-digest schedules per channel, run claims and run outcomes (Redis only).
 *
 * Key layout (built with ./keys.ts under the configured prefix `P`; `C` = "<platform>:<channel>"):
 *   P:digest:schedules              hash   C -> Schedule JSON
 *   P:{digest:C}:claim:<date>       string holder token, PX = claim TTL
 *   P:{digest:C}:run:<date>         string RunOutcome JSON (kept OUTCOME_TTL_DAYS)
 *   P:{digest:C}:last               string RunOutcome JSON of the latest run
 * `<date>` is the local date (YYYY-MM-DD) in the schedule's time zone. The hash tag groups one
 * channel's claim and outcome keys in one Redis Cluster slot so the Lua scripts below can touch
 * them atomically; the schedules hash lives in its own slot.
 */
import { z } from 'zod';
import type { Keys } from './keys.js';
import { guarded, type RedisClient } from './redis.js';

export const PlatformSchema = z.enum(['discord', 'slack']);
export type Platform = z.infer<typeof PlatformSchema>;

export const ScheduleSchema = z.object({
  platform: PlatformSchema,
  channelId: z.string().min(1),
  workspaceId: z.string().optional(),
  /** Local wall-clock time "HH:MM". */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** IANA zone, e.g. "Europe/London". */
  zone: z.string().min(1),
  createdBy: z.string(),
  /** ISO-8601; dates whose run time was before this are never due (no instant "missed"). */
  createdAt: z.string().datetime({ offset: true }),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const RunOutcomeSchema = z.object({
  platform: PlatformSchema,
  channelId: z.string(),
  /** Local date of the run in the schedule's zone. */
  date: z.string(),
  status: z.enum(['posted', 'failed', 'skipped']),
  /** ISO-8601 instant the outcome was recorded. */
  at: z.string(),
  /** ISO-8601 instant the digest was scheduled for. */
  scheduledFor: z.string(),
  attempts: z.number().int().min(0),
  /** Minutes after the scheduled time it was posted (0 = on time). */
  lateMinutes: z.number().int().min(0),
  stories: z.number().int().min(0).optional(),
  /** Why it failed or was skipped, in words a moderator understands. */
  reason: z.string().optional(),
});
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;

export type ClaimResult = 'claimed' | 'busy' | 'done';

const OUTCOME_TTL_DAYS = 8;

// Claim only when the run has no outcome yet and nobody (alive) holds the claim.
const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 'done' end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
return 'busy'`;

// Extend the claim only while we still hold it.
const EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

// Record the outcome only while we still hold the claim (or, for a skip, when nobody does),
// then release the claim. Returns 1 when recorded.
const FINISH_SCRIPT = `
local holder = redis.call('GET', KEYS[1])
if holder ~= ARGV[1] then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[3], ARGV[2])
redis.call('DEL', KEYS[1])
return 1`;

/** Default DIGEST_GRACE_MINUTES. */
export const DEFAULT_GRACE_MINUTES = 120;

export class DigestStore {
  constructor(
    readonly redis: RedisClient,
    readonly keys: Keys,
    /** How late a missed run may still be posted (DIGEST_GRACE_MINUTES); later ones are skipped. */
    readonly graceMinutes = DEFAULT_GRACE_MINUTES,
  ) {}

  private get schedulesKey(): string {
    return this.keys.global('digest', 'schedules');
  }
  private channelKey(platform: Platform, channelId: string, ...parts: string[]): string {
    return this.keys.tagged(`digest:${platform}:${channelId}`, ...parts);
  }

  async setSchedule(schedule: Schedule): Promise<void> {
    const s = ScheduleSchema.parse(schedule);
    await guarded(() =>
      this.redis.hset(this.schedulesKey, `${s.platform}:${s.channelId}`, JSON.stringify(s)),
    );
  }

  /** Removes the channel's schedule; false when there was none. */
  async removeSchedule(platform: Platform, channelId: string): Promise<boolean> {
    return (
      (await guarded(() => this.redis.hdel(this.schedulesKey, `${platform}:${channelId}`))) > 0
    );
  }

  async getSchedule(platform: Platform, channelId: string): Promise<Schedule | null> {
    const raw = await guarded(() => this.redis.hget(this.schedulesKey, `${platform}:${channelId}`));
    return raw ? ScheduleSchema.parse(JSON.parse(raw)) : null;
  }

  async schedules(): Promise<Schedule[]> {
    const all = await guarded(() => this.redis.hgetall(this.schedulesKey));
    return Object.keys(all)
      .sort()
      .map((field) => ScheduleSchema.parse(JSON.parse(all[field]!)));
  }

  /**
   * Atomically claims the run of one channel's digest for one local date. `holder` is a
   * unique token; the claim expires after `ttlMs` so a crashed holder does not block retries.
   */
  async claim(
    platform: Platform,
    channelId: string,
    date: string,
    holder: string,
    ttlMs: number,
  ): Promise<ClaimResult> {
    const result = await guarded(() =>
      this.redis.eval(
        CLAIM_SCRIPT,
        2,
        this.channelKey(platform, channelId, 'claim', date),
        this.channelKey(platform, channelId, 'run', date),
        holder,
        String(ttlMs),
      ),
    );
    return result as ClaimResult;
  }

  /** Keeps a claim alive while a long post is retried; false when the claim was lost. */
  async extendClaim(
    platform: Platform,
    channelId: string,
    date: string,
    holder: string,
    ttlMs: number,
  ): Promise<boolean> {
    const result = await guarded(() =>
      this.redis.eval(
        EXTEND_SCRIPT,
        1,
        this.channelKey(platform, channelId, 'claim', date),
        holder,
        String(ttlMs),
      ),
    );
    return result === 1;
  }

  /** Records the outcome of a claimed run and releases the claim; false when not the holder. */
  async finish(outcome: RunOutcome, holder: string): Promise<boolean> {
    const o = RunOutcomeSchema.parse(outcome);
    const result = await guarded(() =>
      this.redis.eval(
        FINISH_SCRIPT,
        3,
        this.channelKey(o.platform, o.channelId, 'claim', o.date),
        this.channelKey(o.platform, o.channelId, 'run', o.date),
        this.channelKey(o.platform, o.channelId, 'last'),
        holder,
        JSON.stringify(o),
        String(OUTCOME_TTL_DAYS * 86_400),
      ),
    );
    return result === 1;
  }

  async outcome(platform: Platform, channelId: string, date: string): Promise<RunOutcome | null> {
    const raw = await guarded(() =>
      this.redis.get(this.channelKey(platform, channelId, 'run', date)),
    );
    return raw ? RunOutcomeSchema.parse(JSON.parse(raw)) : null;
  }

  async lastOutcome(platform: Platform, channelId: string): Promise<RunOutcome | null> {
    const raw = await guarded(() => this.redis.get(this.channelKey(platform, channelId, 'last')));
    return raw ? RunOutcomeSchema.parse(JSON.parse(raw)) : null;
  }
}

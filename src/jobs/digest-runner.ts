/**
 * `run-due`: posts every scheduled digest that is due at `now`, exactly once per channel and
 * local date, however many replicas run it at the same minute and across restarts.
 *
 * For each due run: claim it in Redis (one Lua script: no outcome recorded yet, and SET NX PX
 * with this process's unique holder token), build and post the digest, then record the outcome
 * and release the claim (one Lua script that only acts while we still hold the claim). A claim
 * expires after CLAIM_TTL_MS, so when its holder dies another replica (or the next minute's
 * run) can take over while the run is still within the grace period.
 *
 * What can still go wrong, and why this is the smallest window:
 * - Double post: the holder's post is accepted by the platform, then the holder dies (or loses
 *   Redis) before the outcome script runs. Its claim expires and another replica posts again.
 *   The window is the time between the platform's response and the outcome write (normally
 *   milliseconds). It cannot be closed: a platform API and Redis cannot commit together, and
 *   recording "posted" before posting would turn the same window into a silent skip instead.
 *   On Discord the repeat is also dropped by the platform: every attempt of one run sends the
 *   same message nonce with enforce_nonce, which Discord deduplicates for a few minutes.
 *   A slow holder does not lose its claim to a second poster while alive: the claim is
 *   extended before every attempt, and one attempt plus the wait before it (a few messages
 *   of at most 15 s each, the posters' request timeout, plus at most 30 s of backoff) stays
 *   well inside CLAIM_TTL_MS, as does building the digest before the first attempt.
 * - Skip: the holder dies and its claim expires after the grace period has ended; the run is
 *   then recorded as skipped (visible in `/digest status`), never posted hours late.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { digestReply } from '../news/digest.js';
import type { ArticleStore } from '../store/articles.js';
import type { DigestStore, Platform, RunOutcome, Schedule } from '../store/digests.js';
import { last24Hours, loadDigest } from './digest-content.js';
import { slotsAt, type RunSlot } from './digest-times.js';
import { PostError, RateLimitedError, type ChannelPoster } from './poster.js';

/** How long a claim lives without its holder extending it (a dead holder's run waits this long). */
export const CLAIM_TTL_MS = 180_000;

export interface RetryPolicy {
  /** Post attempts in total (the first one included). */
  attempts: number;
  /** Delay before the second attempt; doubles after each failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 30_000 };

export interface RunDueDeps {
  digests: DigestStore;
  articles: ArticleStore;
  posters: Partial<Record<Platform, ChannelPoster>>;
  log: Logger;
  retry?: RetryPolicy;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

export type RunResultKind =
  | 'posted'
  | 'failed'
  | 'skipped'
  /** Another replica holds the claim. */
  | 'busy'
  /** Already has an outcome. */
  | 'done'
  /** This process cannot post to the platform (not configured). */
  | 'no-poster'
  /** The claim expired while posting; the outcome is left to whoever holds it now. */
  | 'lost';

export interface RunResult {
  platform: Platform;
  channelId: string;
  date: string;
  result: RunResultKind;
  attempts?: number;
  reason?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The idempotency key every attempt (on every replica) of one run shares. */
export const runKey = (s: Pick<Schedule, 'platform' | 'channelId'>, date: string) =>
  `digest:${s.platform}:${s.channelId}:${date}`;

/** Runs every schedule's due (or missed) runs at `now`; one result per run touched. */
export async function runDue(deps: RunDueDeps, now: Date): Promise<RunResult[]> {
  const holder = randomUUID();
  const results: RunResult[] = [];
  for (const schedule of await deps.digests.schedules()) {
    for (const slot of slotsAt(schedule, now, deps.digests.graceMinutes)) {
      results.push(await runSlot(deps, schedule, slot, now, holder));
    }
  }
  return results;
}

async function runSlot(
  deps: RunDueDeps,
  schedule: Schedule,
  slot: RunSlot,
  now: Date,
  holder: string,
): Promise<RunResult> {
  const { platform, channelId } = schedule;
  const base = { platform, channelId, date: slot.date };
  const poster = deps.posters[platform];
  if (!poster && slot.state === 'due') return { ...base, result: 'no-poster' };

  const claim = await deps.digests.claim(platform, channelId, slot.date, holder, CLAIM_TTL_MS);
  if (claim !== 'claimed') return { ...base, result: claim };

  const lateMinutes = Math.max(
    0,
    Math.floor(DateTime.fromJSDate(now).diff(slot.at, 'minutes').minutes),
  );
  const outcome = (status: RunOutcome['status'], attempts: number, extra: Partial<RunOutcome>) =>
    ({
      ...base,
      status,
      at: now.toISOString(),
      scheduledFor: slot.at.toISO()!,
      attempts,
      lateMinutes,
      ...extra,
    }) satisfies RunOutcome;
  const finish = async (o: RunOutcome): Promise<RunResult> => {
    const recorded = await deps.digests.finish(o, holder);
    if (!recorded) return { ...base, result: 'lost', attempts: o.attempts };
    deps.log.info({ digest: o }, `digest ${o.status}`);
    return {
      ...base,
      result: o.status,
      attempts: o.attempts,
      ...(o.reason ? { reason: o.reason } : {}),
    };
  };

  if (slot.state === 'missed') {
    const reason =
      `the bot was not running at ${slot.at.toFormat('HH:mm')} ${schedule.zone} or within ` +
      `the ${deps.digests.graceMinutes}-minute grace period after it`;
    return finish(outcome('skipped', 0, { reason }));
  }

  const digest = await loadDigest(deps.articles, last24Hours(slot.at.toJSDate(), schedule.zone));
  if (digest.stories.length === 0) {
    return finish(
      outcome('skipped', 0, { reason: 'no stored articles were published in the 24 hours before' }),
    );
  }
  const reply = digestReply(
    digest.stories,
    { label: digest.window.label, articleCount: digest.articleCount },
    'public',
  );
  const posted = await postWithRetry(deps, poster!, schedule, slot.date, holder, reply);
  if (posted.lost) return { ...base, result: 'lost', attempts: posted.attempts };
  return finish(
    posted.error
      ? outcome('failed', posted.attempts, { reason: posted.error.message })
      : outcome('posted', posted.attempts, { stories: digest.stories.length }),
  );
}

async function postWithRetry(
  deps: RunDueDeps,
  poster: ChannelPoster,
  schedule: Schedule,
  date: string,
  holder: string,
  reply: Parameters<ChannelPoster['post']>[1],
): Promise<{ attempts: number; error?: Error; lost?: boolean }> {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const sleep = deps.sleep ?? defaultSleep;
  const key = runKey(schedule, date);
  let delay = policy.baseDelayMs;
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      const held = await deps.digests.extendClaim(
        schedule.platform,
        schedule.channelId,
        date,
        holder,
        CLAIM_TTL_MS,
      );
      if (!held) return { attempts: attempt - 1, lost: true };
    }
    try {
      await poster.post(schedule.channelId, reply, key);
      return { attempts: attempt };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const retryable = !(e instanceof PostError) || e.retryable;
      deps.log.warn(
        { err: error, platform: schedule.platform, channelId: schedule.channelId, attempt },
        'digest post failed',
      );
      if (!retryable || attempt >= policy.attempts) return { attempts: attempt, error };
      const wait = e instanceof RateLimitedError ? Math.max(e.retryAfterMs, delay) : delay;
      await sleep(Math.min(wait, policy.maxDelayMs));
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

/**
 * /digest preview|post|schedule|unschedule|status: the daily digest of the top stories.
 * Preview is for the caller only; posting and scheduling are for moderators (checked by the
 * dispatcher through `moderatorOnly`, and again here).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/command.js';
import { UserFacingError } from '../src/errors.js';
import { dayWindow, last24Hours, loadDigest } from '../src/jobs/digest-content.js';
import {
  localDate,
  nextRun,
  parseDate,
  parseTimeOfDay,
  parseZone,
} from '../src/jobs/digest-times.js';
import { digestReply } from '../src/news/digest.js';
import { notice, type Reply, type Visibility } from '../src/reply.js';
import type { RunOutcome } from '../src/store/digests.js';

/** Zod schema running one of the digest-times parsers, its error message as the issue. */
const parsed = (parse: (v: string) => string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      try {
        return parse(value);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    });

const dateOption = {
  description: 'Calendar date YYYY-MM-DD (default: the last 24 hours)',
  type: 'string' as const,
  schema: parsed(parseDate).optional(),
};

/** The channel's schedule zone, or UTC. */
async function channelZone(ctx: CommandContext): Promise<string> {
  return (await ctx.services.digests.getSchedule(ctx.platform, ctx.channelId))?.zone ?? 'UTC';
}

async function digestFor(
  date: string | undefined,
  ctx: CommandContext,
  visibility: Visibility,
): Promise<Reply> {
  const zone = await channelZone(ctx);
  const window = date ? dayWindow(date, zone) : last24Hours(ctx.now, zone);
  const digest = await loadDigest(ctx.services.articles, window);
  return digestReply(
    digest.stories,
    { label: window.label, articleCount: digest.articleCount },
    visibility,
  );
}

function requireModerator(ctx: CommandContext, what: string): void {
  if (!ctx.user.isModerator) throw new UserFacingError(`Only moderators can ${what}.`);
}

export const digestPreviewCommand = defineCommand({
  name: 'digest preview',
  description: 'Preview the news digest (only you see it)',
  usage: '[YYYY-MM-DD]',
  options: { date: dateOption },
  handle: ({ date }, ctx) => digestFor(date, ctx, 'ephemeral'),
});

export const digestPostCommand = defineCommand({
  name: 'digest post',
  description: 'Post the news digest in this channel (moderators)',
  usage: '[YYYY-MM-DD]',
  options: { date: dateOption },
  moderatorOnly: true,
  async handle({ date }, ctx) {
    requireModerator(ctx, 'post the digest');
    return digestFor(date, ctx, 'public');
  },
});

export const digestScheduleCommand = defineCommand({
  name: 'digest schedule',
  description: 'Post the digest in this channel every day (moderators)',
  usage: '<HH:MM> <Area/City time zone>',
  options: {
    time: {
      description: 'Local time of day, 24-hour HH:MM',
      type: 'string',
      schema: parsed(parseTimeOfDay),
    },
    timezone: {
      description: 'IANA time zone, e.g. Europe/London',
      type: 'string',
      schema: parsed(parseZone),
    },
  },
  moderatorOnly: true,
  async handle({ time, timezone }, ctx) {
    requireModerator(ctx, 'schedule the digest');
    const schedule = {
      platform: ctx.platform,
      channelId: ctx.channelId,
      ...(ctx.workspaceId ? { workspaceId: ctx.workspaceId } : {}),
      time,
      zone: timezone,
      createdBy: ctx.user.id,
      createdAt: ctx.now.toISOString(),
    };
    await ctx.services.digests.setSchedule(schedule);
    const next = nextRun(schedule, ctx.now, 0, () => false);
    return notice(
      'success',
      `The digest will be posted here every day at ${time} ${timezone}. First one: ${formatRun(next)}.`,
    );
  },
});

export const digestUnscheduleCommand = defineCommand({
  name: 'digest unschedule',
  description: 'Stop the daily digest in this channel (moderators)',
  usage: '',
  options: {},
  moderatorOnly: true,
  async handle(_input, ctx) {
    requireModerator(ctx, 'unschedule the digest');
    const removed = await ctx.services.digests.removeSchedule(ctx.platform, ctx.channelId);
    return removed
      ? notice('success', 'The daily digest in this channel is stopped.')
      : notice('info', 'No digest is scheduled in this channel.');
  },
});

export const digestStatusCommand = defineCommand({
  name: 'digest status',
  description: "This channel's digest schedule, next run and last run",
  usage: '',
  options: {},
  async handle(_input, ctx) {
    const digests = ctx.services.digests;
    const schedule = await digests.getSchedule(ctx.platform, ctx.channelId);
    const last = await digests.lastOutcome(ctx.platform, ctx.channelId);
    const lines: string[] = [];
    if (schedule) {
      lines.push(`Scheduled every day at ${schedule.time} ${schedule.zone}.`);
      const today = localDate(ctx.now, schedule.zone);
      const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
      const done = new Set<string>();
      for (const date of [yesterday, today]) {
        if (await digests.outcome(ctx.platform, ctx.channelId, date)) done.add(date);
      }
      const next = nextRun(schedule, ctx.now, digests.graceMinutes, (d) => done.has(d));
      const due = next.toMillis() <= ctx.now.getTime();
      lines.push(`Next run: ${due ? 'due now, posting shortly' : formatRun(next)}.`);
    } else {
      lines.push('No digest is scheduled in this channel.');
    }
    lines.push(last ? `Last run: ${describeOutcome(last, schedule?.zone)}` : 'Last run: none yet.');
    return notice('info', lines.join('\n'));
  },
});

/** "Sun 29 Nov 2026 09:00 GMT (Europe/London)". */
function formatRun(at: DateTime): string {
  return `${at.toFormat('ccc d LLL yyyy HH:mm ZZZZ')} (${at.zoneName})`;
}

function describeOutcome(o: RunOutcome, zone: string | undefined): string {
  const scheduled = DateTime.fromISO(o.scheduledFor, { setZone: true });
  const at = zone ? scheduled.setZone(zone) : scheduled;
  const when = `${at.toFormat('ccc d LLL yyyy HH:mm')} (${at.zoneName ?? 'UTC'})`;
  const tries = o.attempts > 1 ? ` after ${o.attempts} attempts` : '';
  switch (o.status) {
    case 'posted':
      return `${when}: posted ${o.stories ?? 0} ${o.stories === 1 ? 'story' : 'stories'}${tries}${o.lateMinutes > 0 ? `, ${o.lateMinutes} min late` : ''}.`;
    case 'failed':
      return `${when}: failed${tries}: ${o.reason ?? 'unknown error'}. It will run again at the next scheduled time.`;
    case 'skipped':
      return `${when}: skipped: ${o.reason ?? 'unknown reason'}.`;
  }
}

export const digestCommands = [
  digestPreviewCommand,
  digestPostCommand,
  digestScheduleCommand,
  digestUnscheduleCommand,
  digestStatusCommand,
];

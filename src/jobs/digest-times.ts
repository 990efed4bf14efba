/**
 * Wall-clock arithmetic for digest schedules (luxon): when a schedule's run for a local date
 * happens, which runs are due or missed at a given instant, and when the next one is.
 *
 * Daylight saving: each local date has exactly one run instant. A time inside the skipped
 * spring-forward hour runs at the same wall time shifted forward by the gap (02:30 -> 03:30); a
 * time inside the repeated fall-back hour runs at its second occurrence. Runs are claimed per
 * local date, so neither transition can skip or double a digest.
 */
import { DateTime, IANAZone } from 'luxon';
import { UserFacingError } from '../errors.js';
import type { Schedule } from '../store/digests.js';

export class InvalidTimeError extends UserFacingError {
  constructor(value: string) {
    super(`"${value}" is not a time of day: use 24-hour HH:MM, for example 09:00 or 18:30.`);
    this.name = 'InvalidTimeError';
  }
}

export class UnknownZoneError extends UserFacingError {
  constructor(value: string) {
    super(
      `"${value}" is not a time zone I know: use an IANA zone such as Europe/London, ` +
        'America/New_York or Asia/Tokyo.',
    );
    this.name = 'UnknownZoneError';
  }
}

export class InvalidDateError extends UserFacingError {
  constructor(value: string) {
    super(`"${value}" is not a calendar date: use YYYY-MM-DD, for example 2026-03-08.`);
    this.name = 'InvalidDateError';
  }
}

/** "9:05" or "09:05" -> "09:05"; anything else throws {@link InvalidTimeError}. */
export function parseTimeOfDay(value: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new InvalidTimeError(value);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** The canonical IANA name ("europe/london" -> "Europe/London"); throws {@link UnknownZoneError}. */
export function parseZone(value: string): string {
  const zone = value.trim();
  if (!IANAZone.isValidZone(zone)) throw new UnknownZoneError(value);
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Validates "YYYY-MM-DD"; throws {@link InvalidDateError}. */
export function parseDate(value: string): string {
  const d = DateTime.fromISO(value.trim(), { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) || !d.isValid) throw new InvalidDateError(value);
  return value.trim();
}

/** Local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** [start, end) of a local calendar date as epoch milliseconds (23 or 25 hours on DST days). */
export function dayBounds(date: string, zone: string): [number, number] {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return [start.toMillis(), start.plus({ days: 1 }).toMillis()];
}

/** The instant of a schedule's run on a local date. */
export function runInstant(schedule: Pick<Schedule, 'time' | 'zone'>, date: string): DateTime {
  return DateTime.fromISO(`${date}T${schedule.time}`, { zone: schedule.zone });
}

export interface RunSlot {
  date: string;
  at: DateTime;
  /** 'due': post now (possibly late, within grace); 'missed': too late, record a skip. */
  state: 'due' | 'missed';
}

/**
 * The runs of a schedule that are due or missed at `now`: the run of today or yesterday (local)
 * whose instant has passed, is not before the schedule was created, and (for 'missed') is
 * recent enough to be reported. Graces longer than a day are not supported by the config.
 */
export function slotsAt(schedule: Schedule, now: Date, graceMinutes: number): RunSlot[] {
  const nowDt = DateTime.fromJSDate(now, { zone: schedule.zone });
  const created = DateTime.fromISO(schedule.createdAt);
  const slots: RunSlot[] = [];
  for (const offset of [1, 0]) {
    const date = nowDt.minus({ days: offset }).toISODate()!;
    const at = runInstant(schedule, date);
    if (at > nowDt || at < created) continue;
    const late = nowDt.diff(at, 'minutes').minutes;
    slots.push({ date, at, state: late <= graceMinutes ? 'due' : 'missed' });
  }
  return slots;
}

/**
 * The next run instant after `now` whose date has no outcome yet; a run that is due right now
 * (within the grace period, not yet done) is returned as is.
 */
export function nextRun(
  schedule: Schedule,
  now: Date,
  graceMinutes: number,
  isDone: (date: string) => boolean,
): DateTime {
  const due = slotsAt(schedule, now, graceMinutes).find(
    (s) => s.state === 'due' && !isDone(s.date),
  );
  if (due) return due.at;
  const nowDt = DateTime.fromJSDate(now, { zone: schedule.zone });
  for (let offset = 0; ; offset++) {
    const date = nowDt.plus({ days: offset }).toISODate()!;
    const at = runInstant(schedule, date);
    if (at > nowDt && !isDone(date)) return at;
  }
}

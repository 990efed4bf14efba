import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  dayBounds,
  InvalidTimeError,
  nextRun,
  parseDate,
  parseTimeOfDay,
  parseZone,
  runInstant,
  slotsAt,
  UnknownZoneError,
} from '../../src/jobs/digest-times.js';
import type { Schedule } from '../../src/store/digests.js';

const schedule = (time: string, zone: string, createdAt = '2020-01-01T00:00:00Z'): Schedule => ({
  platform: 'discord',
  channelId: 'C1',
  time,
  zone,
  createdBy: 'U1',
  createdAt,
});

describe('parsing', () => {
  it('accepts 24-hour times and rejects impossible ones with a clear message', () => {
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay('23:59')).toBe('23:59');
    for (const bad of ['25:99', '24:00', '12:60', 'noon', '9am', '']) {
      expect(() => parseTimeOfDay(bad)).toThrow(InvalidTimeError);
    }
    expect(() => parseTimeOfDay('25:99')).toThrow(
      /"25:99" is not a time of day: use 24-hour HH:MM/,
    );
  });

  it('accepts IANA zones in any case and rejects unknown ones', () => {
    expect(parseZone('europe/london')).toBe('Europe/London');
    expect(parseZone('America/New_York')).toBe('America/New_York');
    expect(() => parseZone('Mars/Base')).toThrow(UnknownZoneError);
    expect(() => parseZone('Mars/Base')).toThrow(/"Mars\/Base" is not a time zone I know/);
  });

  it('accepts calendar dates only', () => {
    expect(parseDate('2026-03-08')).toBe('2026-03-08');
    expect(() => parseDate('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => parseDate('8 March')).toThrow(/not a calendar date/);
  });
});

describe('daylight saving', () => {
  it('has 23- and 25-hour days on the transition dates', () => {
    const [s0, s1] = dayBounds('2026-03-29', 'Europe/London');
    expect((s1 - s0) / 3_600_000).toBe(23);
    const [f0, f1] = dayBounds('2026-10-25', 'Europe/London');
    expect((f1 - f0) / 3_600_000).toBe(25);
  });

  it('runs a time in the skipped hour once, shifted past the gap', () => {
    const at = runInstant({ time: '02:30', zone: 'America/New_York' }, '2026-03-08');
    expect(at.toISO()).toBe('2026-03-08T03:30:00.000-04:00');
    const london = runInstant({ time: '01:30', zone: 'Europe/London' }, '2026-03-29');
    expect(london.toUTC().toISO()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('runs a time in the repeated hour once (its second occurrence)', () => {
    const at = runInstant({ time: '01:30', zone: 'America/New_York' }, '2026-11-01');
    expect(at.toUTC().toISO()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('is due in exactly one minute-long tick of each transition day, for 09:00 and 01:30', () => {
    for (const [zone, date] of [
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
    ] as const) {
      for (const time of ['09:00', '01:30']) {
        const s = schedule(time, zone);
        const [from, to] = dayBounds(date, zone);
        const dueTicks: string[] = [];
        // A replica with grace 0 must catch the run at exactly one tick of the local day.
        for (let t = from; t < to; t += 60_000) {
          if (slotsAt(s, new Date(t), 0).some((x) => x.state === 'due' && x.date === date)) {
            dueTicks.push(new Date(t).toISOString());
          }
        }
        expect(dueTicks, `${time} ${zone} ${date}`).toHaveLength(1);
      }
    }
  });
});

describe('grace period and next run', () => {
  const s = schedule('09:00', 'Europe/London');

  it('is due from the scheduled minute to the end of the grace period, then missed', () => {
    const state = (iso: string) =>
      slotsAt(s, new Date(iso), 120).map((x) => `${x.date} ${x.state}`);
    expect(state('2026-06-01T07:59:00Z')).toEqual(['2026-05-31 missed']);
    expect(state('2026-06-01T08:00:00Z')).toEqual(['2026-05-31 missed', '2026-06-01 due']);
    expect(state('2026-06-01T10:00:00Z')).toContain('2026-06-01 due');
    expect(state('2026-06-01T10:01:00Z')).toContain('2026-06-01 missed');
  });

  it('never counts runs from before the schedule existed', () => {
    const fresh = schedule('09:00', 'Europe/London', '2026-06-01T09:30:00Z');
    expect(slotsAt(fresh, new Date('2026-06-01T09:31:00Z'), 120)).toEqual([]);
  });

  it('gives the next run in the schedule zone', () => {
    const next = nextRun(s, new Date('2026-10-24T12:00:00Z'), 120, () => false);
    expect(next.toISO()).toBe('2026-10-25T09:00:00.000+00:00');
    expect(next.zoneName).toBe('Europe/London');
    const done = nextRun(s, new Date('2026-06-01T08:30:00Z'), 120, (d) => d === '2026-06-01');
    expect(done.toISODate()).toBe('2026-06-02');
    const due = nextRun(s, new Date('2026-06-01T08:30:00Z'), 120, () => false);
    expect(due.toMillis()).toBeLessThan(DateTime.fromISO('2026-06-01T08:30:00Z').toMillis());
  });
});

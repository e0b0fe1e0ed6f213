import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  compareCalendarDates,
  formatCalendarDate,
  getCalendarDate,
  getDaysBetween,
  getInstant,
  getInstantOnDate,
  getOffsetMinutes,
  getWallTime,
  getWeekday,
  isRealCalendarDate,
  parseCalendarDate,
  type WallTime,
} from '../../../src/domain/postmortem/zoned-time.js';

const wall = (iso: string): WallTime => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(iso);
  if (m === null) throw new Error(`bad wall time ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0), millisecond: 0 };
};
const instant = (local: string, zone: string) => getInstant(wall(local), zone).toISOString();

describe('getWallTime', () => {
  it('reads the clock in the zone, including across the date line', () => {
    const t = new Date('2026-11-22T20:15:30.250Z');
    expect(getWallTime(t, 'America/New_York')).toEqual({ year: 2026, month: 11, day: 22, hour: 15, minute: 15, second: 30, millisecond: 250 });
    expect(getWallTime(t, 'Asia/Kolkata')).toMatchObject({ day: 23, hour: 1, minute: 45 });
    expect(getWallTime(t, 'Pacific/Auckland')).toMatchObject({ day: 23, hour: 9, minute: 15 });
    expect(getWallTime(t, 'UTC')).toMatchObject({ day: 22, hour: 20, minute: 15 });
  });

  it('shows midnight as hour 0, never 24', () => {
    expect(getWallTime(new Date('2026-11-23T05:00:00Z'), 'America/New_York')).toMatchObject({ day: 23, hour: 0 });
  });

  it('refuses an unknown zone and an invalid date', () => {
    expect(() => getWallTime(new Date('2026-11-22T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(/unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => getWallTime(new Date('nope'), 'UTC')).toThrow(RangeError);
  });
});

describe('getOffsetMinutes', () => {
  it.each([
    ['America/New_York', '2026-01-15T12:00:00Z', -300],
    ['America/New_York', '2026-07-15T12:00:00Z', -240],
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 120],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 330],
    ['Pacific/Auckland', '2026-01-15T12:00:00Z', 780],
    ['Pacific/Auckland', '2026-07-15T12:00:00Z', 720],
  ])('%s at %s is %i minutes', (zone, at, offset) => {
    expect(getOffsetMinutes(new Date(at), zone)).toBe(offset);
  });
});

describe('getInstant', () => {
  it('turns 09:00 local into the right instant on both sides of a DST change', () => {
    expect(instant('2026-03-06T09:00', 'America/New_York')).toBe('2026-03-06T14:00:00.000Z');
    expect(instant('2026-03-09T09:00', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    expect(instant('2026-03-27T09:00', 'Europe/Berlin')).toBe('2026-03-27T08:00:00.000Z');
    expect(instant('2026-03-30T09:00', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    expect(instant('2026-09-25T09:00', 'Pacific/Auckland')).toBe('2026-09-24T21:00:00.000Z');
    expect(instant('2026-09-28T09:00', 'Pacific/Auckland')).toBe('2026-09-27T20:00:00.000Z');
    expect(instant('2026-11-24T09:00', 'Asia/Kolkata')).toBe('2026-11-24T03:30:00.000Z');
  });

  it('is exact on the day of the change itself, before and after the jump', () => {
    // New York springs forward at 02:00 on 2026-03-08.
    expect(instant('2026-03-08T01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(instant('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('2026-03-08T09:00', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
  });

  it('moves a skipped time forward by the gap', () => {
    expect(instant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(instant('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(instant('2026-09-27T02:30', 'Pacific/Auckland')).toBe('2026-09-26T14:30:00.000Z');
  });

  it('takes the earlier of a repeated time', () => {
    expect(instant('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(instant('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(instant('2026-04-05T02:30', 'Pacific/Auckland')).toBe('2026-04-04T13:30:00.000Z');
  });

  it('gives 09:00 on a date through getInstantOnDate', () => {
    expect(getInstantOnDate({ year: 2026, month: 11, day: 2 }, 9, 0, 'America/New_York').toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('round-trips any instant through its wall time, in every zone', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const shown = getWallTime(new Date(ms), zone);
        const back = getInstant(shown, zone);
        expect(getWallTime(back, zone)).toEqual(shown);
        // Only the second pass through a repeated hour resolves to another (earlier) instant.
        expect(back.getTime()).toBeLessThanOrEqual(ms);
        expect(ms - back.getTime()).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calendar dates', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addCalendarDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(addCalendarDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addCalendarDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('names weekdays like Date#getDay and compares and counts days', () => {
    expect(getWeekday({ year: 2026, month: 11, day: 22 })).toBe(0);
    expect(getWeekday({ year: 2026, month: 11, day: 20 })).toBe(5);
    expect(compareCalendarDates({ year: 2026, month: 11, day: 22 }, { year: 2026, month: 12, day: 1 })).toBeLessThan(0);
    expect(compareCalendarDates({ year: 2027, month: 1, day: 1 }, { year: 2026, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(compareCalendarDates({ year: 2026, month: 5, day: 5 }, { year: 2026, month: 5, day: 5 })).toBe(0);
    expect(getDaysBetween({ year: 2026, month: 3, day: 7 }, { year: 2026, month: 3, day: 9 })).toBe(2);
    expect(getDaysBetween({ year: 2026, month: 1, day: 1 }, { year: 2025, month: 12, day: 31 })).toBe(-1);
  });

  it('knows which dates are real', () => {
    expect(isRealCalendarDate({ year: 2026, month: 2, day: 30 })).toBe(false);
    expect(isRealCalendarDate({ year: 2026, month: 2, day: 29 })).toBe(false);
    expect(isRealCalendarDate({ year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isRealCalendarDate({ year: 2026, month: 4, day: 31 })).toBe(false);
    expect(isRealCalendarDate({ year: 2026, month: 13, day: 1 })).toBe(false);
    expect(isRealCalendarDate({ year: 2026, month: 1, day: 0 })).toBe(false);
  });

  it('parses and formats YYYY-MM-DD', () => {
    expect(parseCalendarDate('2026-11-24')).toEqual({ year: 2026, month: 11, day: 24 });
    expect(parseCalendarDate('2026-02-30')).toBeUndefined();
    expect(parseCalendarDate('2026-1-5')).toBeUndefined();
    expect(formatCalendarDate({ year: 2026, month: 1, day: 5 })).toBe('2026-01-05');
    expect(getCalendarDate(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 23 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addWorkingDates,
  getNextWorkingDate,
  getWorkdayStart,
  isWorkingDate,
  postmortemDueAt,
} from '../../../src/domain/postmortem/business-days.js';
import { getCalendarDate } from '../../../src/domain/postmortem/zoned-time.js';

const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('isWorkingDate', () => {
  it('is Monday to Friday', () => {
    expect(isWorkingDate({ year: 2026, month: 11, day: 20 })).toBe(true); // Friday
    expect(isWorkingDate({ year: 2026, month: 11, day: 21 })).toBe(false); // Saturday
    expect(isWorkingDate({ year: 2026, month: 11, day: 22 })).toBe(false); // Sunday
    expect(isWorkingDate({ year: 2026, month: 11, day: 23 })).toBe(true); // Monday
  });

  it("asks the calendar of the given zone, not UTC's", () => {
    // Saturday 04:30 UTC is still Friday evening in New York.
    expect(isWorkingDate(getCalendarDate(at('2026-11-21T04:30:00Z'), 'UTC'))).toBe(false);
    expect(isWorkingDate(getCalendarDate(at('2026-11-21T04:30:00Z'), NY))).toBe(true);
    // Sunday 20:00 UTC is already Monday morning in Auckland.
    expect(isWorkingDate(getCalendarDate(at('2026-11-22T20:00:00Z'), 'UTC'))).toBe(false);
    expect(isWorkingDate(getCalendarDate(at('2026-11-22T20:00:00Z'), 'Pacific/Auckland'))).toBe(true);
  });
});

describe('addWorkingDates', () => {
  it('skips weekends both ways and counts a weekend start from Monday', () => {
    expect(addWorkingDates({ year: 2026, month: 11, day: 20 }, 1)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(addWorkingDates({ year: 2026, month: 11, day: 21 }, 1)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(addWorkingDates({ year: 2026, month: 11, day: 18 }, 5)).toEqual({ year: 2026, month: 11, day: 25 });
    expect(addWorkingDates({ year: 2026, month: 11, day: 23 }, -1)).toEqual({ year: 2026, month: 11, day: 20 });
    expect(addWorkingDates({ year: 2026, month: 11, day: 21 }, 0)).toEqual({ year: 2026, month: 11, day: 21 });
    expect(addWorkingDates({ year: 2026, month: 11, day: 22 }, -1)).toEqual({ year: 2026, month: 11, day: 20 });
    expect(getNextWorkingDate({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('refuses a fraction of a day', () => {
    expect(() => addWorkingDates({ year: 2026, month: 11, day: 20 }, 1.5)).toThrow(/whole number/);
  });
});

describe('addBusinessDays', () => {
  it('keeps the wall-clock time and skips the weekend', () => {
    expect(iso(addBusinessDays(at('2026-11-20T20:00:00Z'), 1, NY))).toBe('2026-11-23T20:00:00.000Z'); // Fri 15:00 → Mon 15:00
    expect(iso(addBusinessDays(at('2026-11-18T20:00:00Z'), 5, NY))).toBe('2026-11-25T20:00:00.000Z'); // Wed → next Wed
    expect(iso(addBusinessDays(at('2026-11-23T20:00:00Z'), -1, NY))).toBe('2026-11-20T20:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-11-21T20:00:00Z'), 0, NY))).toBe('2026-11-21T20:00:00.000Z');
  });

  it('keeps 15:00 local across the end of daylight saving (an hour more in UTC)', () => {
    // Friday 2026-10-30 15:00 EDT → Monday 2026-11-02 15:00 EST.
    expect(iso(addBusinessDays(at('2026-10-30T19:00:00Z'), 1, NY))).toBe('2026-11-02T20:00:00.000Z');
  });

  it('counts days on the zone\'s calendar', () => {
    // 23:30 UTC Friday is Saturday morning in Auckland: one business day on is Monday there.
    expect(iso(addBusinessDays(at('2026-11-20T23:30:00Z'), 1, 'Pacific/Auckland'))).toBe('2026-11-22T23:30:00.000Z');
    expect(iso(addBusinessDays(at('2026-11-20T23:30:00Z'), 1, 'UTC'))).toBe('2026-11-23T23:30:00.000Z');
  });
});

describe('getWorkdayStart', () => {
  it('is 09:00 local', () => {
    expect(iso(getWorkdayStart({ year: 2026, month: 11, day: 24 }, 'Asia/Kolkata'))).toBe('2026-11-24T03:30:00.000Z');
    expect(iso(getWorkdayStart({ year: 2026, month: 11, day: 24 }, 'Europe/Berlin'))).toBe('2026-11-24T08:00:00.000Z');
  });
});

describe('postmortemDueAt', () => {
  it('is five business days after the resolve day, at 09:00 in the lead\'s zone, as a date', () => {
    expect(postmortemDueAt(at('2026-11-18T21:00:00Z'), NY)).toEqual({ dueAt: '2026-11-25T14:00:00.000Z', dueKind: 'date', dueDate: '2026-11-25' });
  });

  it('counts a weekend resolve from Monday', () => {
    expect(postmortemDueAt(at('2026-11-21T15:00:00Z'), NY)).toMatchObject({ dueDate: '2026-11-27' });
    expect(postmortemDueAt(at('2026-11-20T15:00:00Z'), NY)).toMatchObject({ dueDate: '2026-11-27' });
  });

  it("takes the resolve day from the lead's zone", () => {
    // Friday evening in New York is Saturday in Auckland; both land on Friday the 27th, 09:00 local.
    expect(postmortemDueAt(at('2026-11-20T23:30:00Z'), NY)).toEqual({ dueAt: '2026-11-27T14:00:00.000Z', dueKind: 'date', dueDate: '2026-11-27' });
    expect(postmortemDueAt(at('2026-11-20T23:30:00Z'), 'Pacific/Auckland')).toEqual({ dueAt: '2026-11-26T20:00:00.000Z', dueKind: 'date', dueDate: '2026-11-27' });
    // Thursday 20:00 UTC is already Friday in Kolkata: due a week on, the Friday.
    expect(postmortemDueAt(at('2026-11-19T20:00:00Z'), 'Asia/Kolkata')).toMatchObject({ dueDate: '2026-11-27', dueAt: '2026-11-27T03:30:00.000Z' });
    expect(postmortemDueAt(at('2026-11-19T20:00:00Z'), 'UTC')).toMatchObject({ dueDate: '2026-11-26' });
  });

  it('lands at 09:00 local after a DST change', () => {
    // Resolved Monday 2026-10-26 (EDT); due Monday 2026-11-02 09:00 EST.
    expect(postmortemDueAt(at('2026-10-26T16:00:00Z'), NY)).toMatchObject({ dueDate: '2026-11-02', dueAt: '2026-11-02T14:00:00.000Z' });
  });

  it('takes another number of business days', () => {
    expect(postmortemDueAt(at('2026-11-18T21:00:00Z'), NY, 10)).toMatchObject({ dueDate: '2026-12-02' });
  });
});

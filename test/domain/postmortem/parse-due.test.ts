import { describe, expect, it } from 'vitest';
import { parseDue } from '../../../src/domain/postmortem/parse-due.js';

// Wednesday 2026-11-18, 12:00 UTC: 07:00 in New York, 13:00 in Berlin, 17:30 in Kolkata and
// already Thursday 01:00 in Auckland.
const NOW = new Date('2026-11-18T12:00:00Z');
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const AUCKLAND = 'Pacific/Auckland';

const due = (input: string, timeZone = NY, now = NOW) => parseDue(input, { now, timeZone });
const errorOf = (input: string, timeZone = NY, now = NOW) => {
  const result = due(input, timeZone, now);
  if (!('error' in result)) throw new Error(`expected "${input}" to be refused, got ${JSON.stringify(result.ok)}`);
  return result.error;
};

describe('parseDue: dates', () => {
  it('is due at 09:00 local on the date, keeping the date', () => {
    expect(due('2026-11-24')).toEqual({ ok: { dueAt: '2026-11-24T14:00:00.000Z', dueKind: 'date', dueDate: '2026-11-24' } });
    expect(due('2026-11-24', BERLIN)).toEqual({ ok: { dueAt: '2026-11-24T08:00:00.000Z', dueKind: 'date', dueDate: '2026-11-24' } });
    expect(due('2026-11-24', 'Asia/Kolkata')).toEqual({ ok: { dueAt: '2026-11-24T03:30:00.000Z', dueKind: 'date', dueDate: '2026-11-24' } });
    expect(due('2026-11-24', AUCKLAND)).toEqual({ ok: { dueAt: '2026-11-23T20:00:00.000Z', dueKind: 'date', dueDate: '2026-11-24' } });
  });

  it('stays at 09:00 local on either side of a DST change', () => {
    const lateOctober = new Date('2026-10-28T12:00:00Z');
    expect(due('2026-10-30', NY, lateOctober)).toMatchObject({ ok: { dueAt: '2026-10-30T13:00:00.000Z' } });
    expect(due('2026-11-02', NY, lateOctober)).toMatchObject({ ok: { dueAt: '2026-11-02T14:00:00.000Z' } });
    expect(due('2026-11-01', NY, lateOctober)).toMatchObject({ ok: { dueAt: '2026-11-01T14:00:00.000Z' } }); // the change day itself
    const lateMarch = new Date('2026-03-20T12:00:00Z');
    expect(due('2026-03-27', BERLIN, lateMarch)).toMatchObject({ ok: { dueAt: '2026-03-27T08:00:00.000Z' } });
    expect(due('2026-03-30', BERLIN, lateMarch)).toMatchObject({ ok: { dueAt: '2026-03-30T07:00:00.000Z' } });
  });

  it('accepts today only while 09:00 is still ahead', () => {
    expect(due('2026-11-18')).toEqual({ ok: { dueAt: '2026-11-18T14:00:00.000Z', dueKind: 'date', dueDate: '2026-11-18' } });
    expect(errorOf('2026-11-18', BERLIN)).toMatch(/09:00 today in Europe\/Berlin, which has passed: give a time \(2026-11-18T17:00\) or a later day/);
  });

  it('refuses a date in the past, naming today in the zone', () => {
    expect(errorOf('2026-11-17')).toBe('"2026-11-17" is in the past: it is 2026-11-18 in America/New_York.');
    // Still the 18th in New York, already the 19th in Auckland.
    expect(errorOf('2026-11-18', AUCKLAND)).toMatch(/in the past: it is 2026-11-19 in Pacific\/Auckland/);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00'])('refuses the impossible date %s', (input) => {
    expect(errorOf(input)).toBe(`"${input}" is not a real date.`);
  });

  it('accepts 29 February in a leap year', () => {
    expect(due('2028-02-29')).toMatchObject({ ok: { dueDate: '2028-02-29' } });
  });

  it('refuses more than two years ahead', () => {
    expect(due('2028-11-18')).toMatchObject({ ok: { dueDate: '2028-11-18' } });
    expect(errorOf('2028-11-19')).toMatch(/more than 2 years ahead/);
    expect(errorOf('2126-01-01')).toMatch(/more than 2 years ahead/);
  });
});

describe('parseDue: date-times', () => {
  it('reads a date-time without an offset in the zone', () => {
    expect(due('2026-11-24T15:00')).toEqual({ ok: { dueAt: '2026-11-24T20:00:00.000Z', dueKind: 'date-time' } });
    expect(due('2026-11-24T15:00', BERLIN)).toEqual({ ok: { dueAt: '2026-11-24T14:00:00.000Z', dueKind: 'date-time' } });
    expect(due('2026-11-24T15:00:30', NY)).toMatchObject({ ok: { dueAt: '2026-11-24T20:00:30.000Z' } });
    expect(due('2026-11-24T15:00:30.25', NY)).toMatchObject({ ok: { dueAt: '2026-11-24T20:00:30.250Z' } });
  });

  it('keeps no dueDate for a date-time', () => {
    const result = due('2026-11-24T15:00');
    expect('ok' in result && 'dueDate' in result.ok).toBe(false);
  });

  it('honours Z and offsets whatever the zone', () => {
    for (const zone of [NY, AUCKLAND]) {
      expect(due('2026-11-24T15:00Z', zone)).toMatchObject({ ok: { dueAt: '2026-11-24T15:00:00.000Z', dueKind: 'date-time' } });
      expect(due('2026-11-24T15:00:00+05:30', zone)).toMatchObject({ ok: { dueAt: '2026-11-24T09:30:00.000Z' } });
      expect(due('2026-11-24T15:00-0800', zone)).toMatchObject({ ok: { dueAt: '2026-11-24T23:00:00.000Z' } });
      expect(due('2026-11-24T15:00+01', zone)).toMatchObject({ ok: { dueAt: '2026-11-24T14:00:00.000Z' } });
    }
    expect(due('2026-11-24t15:00z')).toMatchObject({ ok: { dueAt: '2026-11-24T15:00:00.000Z' } });
  });

  it('uses the offset in force on that day across a DST change', () => {
    const earlyMarch = new Date('2026-03-01T12:00:00Z');
    expect(due('2026-03-06T09:00', NY, earlyMarch)).toMatchObject({ ok: { dueAt: '2026-03-06T14:00:00.000Z' } });
    expect(due('2026-03-09T09:00', NY, earlyMarch)).toMatchObject({ ok: { dueAt: '2026-03-09T13:00:00.000Z' } });
    // The repeated hour when clocks go back: the earlier one, the safer deadline.
    expect(due('2026-11-01T01:30', NY, new Date('2026-10-28T12:00:00Z'))).toMatchObject({ ok: { dueAt: '2026-11-01T05:30:00.000Z' } });
  });

  it('refuses a local time the clocks skip', () => {
    expect(errorOf('2026-03-08T02:30', NY, new Date('2026-03-01T12:00:00Z'))).toMatch(/does not exist in America\/New_York: the clocks skip that hour/);
    expect(errorOf('2026-03-29T02:15', BERLIN, new Date('2026-03-01T12:00:00Z'))).toMatch(/does not exist in Europe\/Berlin/);
  });

  it('refuses a date-time in the past, even by a minute', () => {
    expect(errorOf('2026-11-18T06:59')).toBe('"2026-11-18T06:59" is in the past: it is 2026-11-18 07:00 in America/New_York.');
    expect(errorOf('2026-11-18T12:00Z')).toMatch(/in the past/);
    expect(due('2026-11-18T12:01Z')).toMatchObject({ ok: { dueAt: '2026-11-18T12:01:00.000Z' } });
  });

  it('refuses impossible dates, times and offsets', () => {
    expect(errorOf('2026-02-30T10:00')).toBe('"2026-02-30T10:00" is not a real date.');
    expect(errorOf('2026-11-24T24:00')).toBe('"2026-11-24T24:00" is not a real time of day.');
    expect(errorOf('2026-11-24T15:60')).toMatch(/not a real time of day/);
    expect(errorOf('2026-11-24T15:00:61')).toMatch(/not a real time of day/);
    expect(errorOf('2026-11-24T15:00+15:00')).toMatch(/offset that no place on Earth uses/);
    expect(errorOf('2026-11-24T15:00+05:75')).toMatch(/offset/);
  });

  it('refuses more than two years ahead to the minute', () => {
    expect(due('2028-11-18T06:59')).toMatchObject({ ok: { dueKind: 'date-time' } });
    expect(errorOf('2028-11-18T07:01')).toMatch(/more than 2 years ahead/);
  });
});

describe('parseDue: durations', () => {
  it.each([
    ['1d', '2026-11-19'],
    ['3d', '2026-11-21'],
    ['10d', '2026-11-28'],
    ['2w', '2026-12-02'],
    ['3D', '2026-11-21'],
    ['+2d', '2026-11-20'],
  ])('%s counts calendar days from today to %s, 09:00 local', (input, date) => {
    expect(due(input)).toEqual({ ok: { dueAt: `${date}T14:00:00.000Z`, dueKind: 'date', dueDate: date } });
  });

  it("counts from today in the zone, which may be tomorrow in UTC's eyes", () => {
    expect(due('3d', AUCKLAND)).toEqual({ ok: { dueAt: '2026-11-21T20:00:00.000Z', dueKind: 'date', dueDate: '2026-11-22' } });
  });

  it('keeps 09:00 local when the span crosses a DST change', () => {
    expect(due('1w', NY, new Date('2026-10-28T12:00:00Z'))).toEqual({ ok: { dueAt: '2026-11-04T14:00:00.000Z', dueKind: 'date', dueDate: '2026-11-04' } });
  });

  it('refuses zero, negative and far-off durations', () => {
    expect(errorOf('0d')).toBe('"0d" is no time at all: give at least 1d.');
    expect(errorOf('0w')).toMatch(/no time at all/);
    expect(errorOf('-3d')).toMatch(/points back in time/);
    expect(due('104w')).toMatchObject({ ok: { dueDate: '2028-11-15' } });
    expect(due('731d')).toMatchObject({ ok: { dueDate: '2028-11-18' } });
    expect(errorOf('732d')).toMatch(/more than 2 years ahead/);
    expect(errorOf('105w')).toMatch(/more than 2 years ahead/);
    expect(errorOf('99999999999999d')).toMatch(/more than 2 years ahead/);
  });
});

describe('parseDue: words', () => {
  it.each([
    ['friday', '2026-11-20'],
    ['fri', '2026-11-20'],
    ['FRIDAY', '2026-11-20'],
    ['Mon', '2026-11-23'],
    ['tuesday', '2026-11-24'],
    ['tue', '2026-11-24'],
    ['thursday', '2026-11-19'],
    ['sat', '2026-11-21'],
    ['sunday', '2026-11-22'],
    // Said on a Wednesday: next week's, never today.
    ['wednesday', '2026-11-25'],
    ['wed', '2026-11-25'],
    ['tomorrow', '2026-11-19'],
    ['Tomorrow', '2026-11-19'],
  ])('%s on Wednesday 2026-11-18 is %s', (input, date) => {
    expect(due(input)).toEqual({ ok: { dueAt: `${date}T14:00:00.000Z`, dueKind: 'date', dueDate: date } });
  });

  it("reads the weekday in the zone's calendar", () => {
    // Already Thursday in Auckland: "thursday" there is next week's.
    expect(due('thursday', AUCKLAND)).toMatchObject({ ok: { dueDate: '2026-11-26' } });
    expect(due('friday', AUCKLAND)).toMatchObject({ ok: { dueDate: '2026-11-20' } });
  });

  it('accepts today while 09:00 is ahead and refuses it after', () => {
    expect(due('today')).toEqual({ ok: { dueAt: '2026-11-18T14:00:00.000Z', dueKind: 'date', dueDate: '2026-11-18' } });
    expect(due(' TODAY ')).toMatchObject({ ok: { dueDate: '2026-11-18' } });
    expect(errorOf('today', BERLIN)).toMatch(/^"today" means 09:00 today in Europe\/Berlin, which has passed/);
    expect(errorOf('today', NY, new Date('2026-11-18T14:00:00Z'))).toMatch(/which has passed/);
  });
});

describe('parseDue: nonsense', () => {
  it.each(['soon', 'asap', 'next sprint', 'eventually', '11/24/2026', '24.11.2026', '2026-11-2', 'd', '3', '3 days', 'fridays', 'next friday'])(
    'refuses %s and lists the forms it takes',
    (input) => {
      expect(errorOf(input)).toBe(
        `"${input}" is not a deadline I can read. Give one of: YYYY-MM-DD, YYYY-MM-DDTHH:MM (local, or with Z or +01:00), 3d, 2w, a weekday (friday, fri), today, tomorrow.`,
      );
    },
  );

  it('asks for a deadline when there is none', () => {
    expect(errorOf('')).toMatch(/^A deadline is required\./);
    expect(errorOf('   ')).toMatch(/^A deadline is required\./);
  });

  it('shortens a long input in the message', () => {
    const error = errorOf('x'.repeat(500));
    expect(error.length).toBeLessThan(250);
    expect(error).toContain(`"${'x'.repeat(39)}…"`);
  });
});

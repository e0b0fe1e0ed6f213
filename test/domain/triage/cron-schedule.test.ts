import { describe, expect, it } from 'vitest';
import { countFireTimes, fireTimesBetween, parseCronSchedule } from '../../../src/domain/triage/cron-schedule.js';

/** Fire times of `schedule` after `from` and up to `to`, as ISO strings. */
function fires(schedule: string, from: string, to: string, timeZone?: string): string[] {
  const parsed = parseCronSchedule(schedule, timeZone);
  if (parsed === undefined) throw new Error(`unparsable in a test: ${schedule}`);
  return fireTimesBetween(parsed, new Date(from), new Date(to)).map((d) => d.toISOString());
}

describe('parseCronSchedule and fireTimesBetween', () => {
  it('reads a daily schedule in UTC and leaves out the start instant, keeping the end one', () => {
    expect(parseCronSchedule('30 1 * * *')?.timeZone).toBe('UTC');
    // From the last run (01:30 on the 19th) to the collection: the two runs after it.
    expect(fires('30 1 * * *', '2026-11-19T01:30:00Z', '2026-11-21T03:12:00Z')).toEqual(['2026-11-20T01:30:00.000Z', '2026-11-21T01:30:00.000Z']);
    expect(fires('0 * * * *', '2026-11-21T01:00:00Z', '2026-11-21T03:00:00Z')).toEqual(['2026-11-21T02:00:00.000Z', '2026-11-21T03:00:00.000Z']);
    // A start in the middle of a minute: that minute has begun, its fire time is not after it.
    expect(fires('0 * * * *', '2026-11-21T01:00:30Z', '2026-11-21T02:30:00Z')).toEqual(['2026-11-21T02:00:00.000Z']);
  });

  it('expands lists, ranges and steps as the CronJob controller does ("N/step" runs to the end of the field)', () => {
    expect(fires('*/15 9-10 * * *', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z').map((t) => t.slice(11, 16))).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45']);
    expect(fires('5/20 * * * *', '2026-06-01T00:00:00Z', '2026-06-01T01:00:00Z').map((t) => t.slice(11, 16))).toEqual(['00:05', '00:25', '00:45']);
    expect(fires('10-50/20 3 * * *', '2026-06-01T00:00:00Z', '2026-06-01T06:00:00Z').map((t) => t.slice(11, 16))).toEqual(['03:10', '03:30', '03:50']);
    expect(fires('0,30 6,18 * * *', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z').map((t) => t.slice(11, 16))).toEqual(['06:00', '06:30', '18:00', '18:30']);
  });

  it('reads month and day names in any case, and 7 as Sunday', () => {
    // 2026-06-01 is a Monday.
    expect(fires('0 0 * * mon-fri', '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z').map((t) => t.slice(0, 10))).toEqual(['2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-08']);
    expect(fires('0 0 * * SUN', '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z')).toEqual(['2026-06-07T00:00:00.000Z']);
    expect(fires('0 0 * * 7', '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z')).toEqual(['2026-06-07T00:00:00.000Z']);
    expect(parseCronSchedule('0 0 1 jan,JUL *')?.month.values).toEqual(new Set([1, 7]));
  });

  it('runs "1/2" in the day-of-week field on Monday, Wednesday and Friday only, never on Sunday', () => {
    // The controller's parser (robfig/cron) bounds the day of week at 0-6: "1/2" is 1-6/2.
    expect(fires('0 3 * * 1/2', '2026-05-31T00:00:00Z', '2026-06-07T12:00:00Z').map((t) => t.slice(0, 10))).toEqual(['2026-06-01', '2026-06-03', '2026-06-05']);
    expect(parseCronSchedule('0 3 * * 3/4')?.dayOfWeek.values).toEqual(new Set([3]));
    expect(parseCronSchedule('0 3 * * */2')?.dayOfWeek.values).toEqual(new Set([0, 2, 4, 6]));
  });

  it.each([
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
    ['@monthly', '0 0 1 * *'],
    ['@weekly', '0 0 * * 0'],
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@hourly', '0 * * * *'],
    ['@DAILY', '0 0 * * *'],
  ])('reads %s as "%s"', (macro, fields) => {
    expect(parseCronSchedule(macro)).toEqual(parseCronSchedule(fields));
  });

  it('runs either day field when both are restricted, both when one is "*" or "?"', () => {
    // 2026-06-08 and 06-15 are Mondays, 06-10 is a Wednesday.
    expect(fires('0 0 10 * MON', '2026-06-07T00:00:00Z', '2026-06-15T00:00:00Z').map((t) => t.slice(0, 10))).toEqual(['2026-06-08', '2026-06-10', '2026-06-15']);
    expect(fires('0 0 10 * *', '2026-06-07T00:00:00Z', '2026-06-15T00:00:00Z').map((t) => t.slice(0, 10))).toEqual(['2026-06-10']);
    expect(fires('0 0 ? * MON', '2026-06-07T00:00:00Z', '2026-06-15T00:00:00Z').map((t) => t.slice(0, 10))).toEqual(['2026-06-08', '2026-06-15']);
  });

  it('takes the zone of a CRON_TZ= or TZ= prefix over spec.timeZone', () => {
    const ny = parseCronSchedule('CRON_TZ=America/New_York 0 6 * * MON-FRI');
    expect(ny?.timeZone).toBe('America/New_York');
    // Friday the 20th and Monday the 23rd at 06:00 EST (UTC-5); not the weekend.
    expect(fires('CRON_TZ=America/New_York 0 6 * * MON-FRI', '2026-11-20T00:00:00Z', '2026-11-24T00:00:00Z')).toEqual(['2026-11-20T11:00:00.000Z', '2026-11-23T11:00:00.000Z']);
    expect(fires('TZ=Asia/Kolkata 0 6 * * *', '2026-11-20T00:00:00Z', '2026-11-21T12:00:00Z', 'UTC')).toEqual(['2026-11-20T00:30:00.000Z', '2026-11-21T00:30:00.000Z']);
    expect(parseCronSchedule('0 6 * * *', 'Etc/UTC')?.timeZone).toBe('Etc/UTC');
  });

  it('keeps 09:00 Europe/Berlin at 09:00 local across both DST changes', () => {
    // Summer time starts 2026-03-29 (UTC+1 → UTC+2) and ends 2026-10-25 (UTC+2 → UTC+1).
    expect(fires('0 9 * * *', '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(fires('0 9 * * *', '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', 'Europe/Berlin')).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
  });

  it('has no 02:30 Europe/Berlin on the night the clocks skip from 02:00 to 03:00', () => {
    expect(fires('30 2 * * *', '2026-03-28T00:00:00Z', '2026-03-30T01:00:00Z', 'Europe/Berlin')).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it.each([
    [''],
    ['* * * *'],
    ['0 0 * * * 2026'],
    ['60 * * * *'],
    ['* 24 * * *'],
    ['* * 0 * *'],
    ['* * 32 * *'],
    ['* * * 13 *'],
    ['* * * * 8'],
    ['*/0 * * * *'],
    ['30-10 * * * *'],
    ['1- * * * *'],
    ['x * * * *'],
    ['0 0 * FOO *'],
    ['@every 5m'],
    ['@reboot'],
  ])('cannot read %j', (schedule) => {
    expect(parseCronSchedule(schedule)).toBeUndefined();
  });

  it('cannot read a schedule in a zone that does not exist, from spec.timeZone or a prefix', () => {
    expect(parseCronSchedule('0 * * * *', 'Europe/Atlantis')).toBeUndefined();
    expect(parseCronSchedule('CRON_TZ=Europe/Atlantis 0 * * * *')).toBeUndefined();
  });

  it('stops at `limit` fire times, and walks a month of a daily schedule in full', () => {
    const everyMinute = parseCronSchedule('* * * * *');
    const daily = parseCronSchedule('0 12 * * *');
    if (!everyMinute || !daily) throw new Error('unparsable');
    expect(fireTimesBetween(everyMinute, new Date('2026-06-01T00:00:00Z'), new Date('2026-06-01T01:00:00Z'), 3).map((d) => d.toISOString())).toEqual([
      '2026-06-01T00:01:00.000Z',
      '2026-06-01T00:02:00.000Z',
      '2026-06-01T00:03:00.000Z',
    ]);
    expect(fireTimesBetween(daily, new Date('2026-06-01T00:00:00Z'), new Date('2026-07-01T00:00:00Z'))).toHaveLength(30);
  });

  it('counts fire times over long spans without keeping them: the first few, the last, and whether it stopped counting', () => {
    const fiveMinutes = parseCronSchedule('*/5 * * * *');
    const daily = parseCronSchedule('30 1 * * *', 'Europe/Berlin');
    if (!fiveMinutes || !daily) throw new Error('unparsable');
    // Two days of a */5 schedule: 576 runs, the newest just before the end.
    const two = countFireTimes(fiveMinutes, new Date('2026-11-19T03:00:00Z'), new Date('2026-11-21T03:00:00Z'));
    expect(two).toMatchObject({ count: 576, capped: false });
    expect(two.first.map((d) => d.toISOString())).toEqual(['2026-11-19T03:05:00.000Z', '2026-11-19T03:10:00.000Z', '2026-11-19T03:15:00.000Z']);
    expect(two.last?.toISOString()).toBe('2026-11-21T03:00:00.000Z');
    // Thirty days of a daily run in Berlin (01:30 CET is 00:30 UTC in November).
    const month = countFireTimes(daily, new Date('2026-10-22T03:00:00Z'), new Date('2026-11-21T03:00:00Z'));
    expect(month.count).toBe(30);
    expect(month.last?.toISOString()).toBe('2026-11-21T00:30:00.000Z');
    expect(countFireTimes(fiveMinutes, new Date('2026-11-19T03:00:00Z'), new Date('2026-11-21T03:00:00Z'), 10)).toMatchObject({ count: 10, capped: true });
  });

  it('reads */1 in a day field as * for the day-of-month / day-of-week rule', () => {
    // "*/1" day of month with Monday: every Monday only, not every day (Kubernetes' parser).
    const s = parseCronSchedule('0 9 */1 * 1');
    if (!s) throw new Error('unparsable');
    const runs = fireTimesBetween(s, new Date('2026-11-15T00:00:00Z'), new Date('2026-11-29T00:00:00Z'));
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-11-16T09:00:00.000Z', '2026-11-23T09:00:00.000Z']);
  });
});

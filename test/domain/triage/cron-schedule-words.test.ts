import { describe, expect, it } from 'vitest';
import { parseCronSchedule } from '../../../src/domain/triage/cron-schedule.js';
import { describeFiringDays, nameDayFields, ordinal } from '../../../src/domain/triage/cron-schedule-words.js';

function days(schedule: string): string | undefined {
  const parsed = parseCronSchedule(schedule);
  if (parsed === undefined) throw new Error(`unparsable in a test: ${schedule}`);
  return describeFiringDays(parsed);
}

describe('describeFiringDays', () => {
  it('reads a value in the day-of-month field as the day it restricts the schedule to', () => {
    expect(days('15 * 1 * *')).toBe('only on the 1st of the month');
    expect(days('0 3 1,15 * *')).toBe('only on the 1st and 15th of the month');
    expect(days('0 3 1-7 * *')).toBe('only on the 1st–7th of the month');
  });

  it('reads weekdays and months, and either day field when both are restricted', () => {
    expect(days('0 9 * * 1,5')).toBe('only on Mondays and Fridays');
    expect(days('0 9 * * MON-FRI')).toBe('only on Monday to Friday');
    expect(days('0 0 1 1 *')).toBe('only on the 1st of the month in January');
    expect(days('0 0 * 1,7 *')).toBe('only in January and July');
    expect(days('0 0 13 * 5')).toBe('only on the 13th of the month or on Fridays');
  });

  it('says nothing of a schedule that fires every day', () => {
    expect(days('15 * * * *')).toBeUndefined();
    expect(days('15 1 * * *')).toBeUndefined();
    expect(days('*/5 * ? * *')).toBeUndefined();
  });
});

describe('ordinal and nameDayFields', () => {
  it('writes English ordinals, the teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']);
  });

  it('names the day fields that are not `*`', () => {
    expect(nameDayFields('15 * 1 * *')).toBe('the day-of-month field `1`');
    expect(nameDayFields('CRON_TZ=Europe/Berlin 0 2 * 1 MON')).toBe('the month field `1` and the day-of-week field `MON`');
    expect(nameDayFields('15 1 * * *')).toBeUndefined();
    expect(nameDayFields('@monthly')).toBeUndefined();
  });
});

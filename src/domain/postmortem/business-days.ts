import type { ActionItem } from './action-item.js';
import {
  addCalendarDays,
  formatCalendarDate,
  getCalendarDate,
  getInstant,
  getInstantOnDate,
  getWallTime,
  getWeekday,
  type CalendarDate,
} from './zoned-time.js';

/**
 * Date-only deadlines and the daily reminders land at 09:00 local: the start of the owner's
 * working day, when a DM is read rather than buried under the night's messages.
 */
export const WORKDAY_START_HOUR = 9;

/** PRODUCT §6: the post-mortem is due this many business days after resolve. */
export const POSTMORTEM_BUSINESS_DAYS = 5;

/** The deadline fields of an action item, as `parseDue` and `postmortemDueAt` produce them. */
export type DueFields = Pick<ActionItem, 'dueAt' | 'dueKind' | 'dueDate'>;

/**
 * Monday to Friday. Public holidays are not known: no calendar source exists for them, and a
 * reminder on a holiday costs one unread DM.
 */
export function isWorkingDate(date: CalendarDate): boolean {
  const weekday = getWeekday(date);
  return weekday >= 1 && weekday <= 5;
}

/**
 * `days` working days after `date` (before it when negative), counting as a person does:
 * Friday + 1 is Monday, Saturday + 1 is Monday too. Zero returns `date` even on a weekend.
 */
export function addWorkingDates(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`business days must be a whole number, not ${days}`);
  const step = days < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(days); left > 0; ) {
    current = addCalendarDays(current, step);
    if (isWorkingDate(current)) left -= 1;
  }
  return current;
}

/** The first working day strictly after `date`. */
export function getNextWorkingDate(date: CalendarDate): CalendarDate {
  return addWorkingDates(date, 1);
}

/**
 * `days` business days after `from` in `timeZone`, at the same wall-clock time (so 15:00 on a
 * Friday plus one is 15:00 on Monday, even across a DST change).
 */
export function addBusinessDays(from: Date, days: number, timeZone: string): Date {
  const wall = getWallTime(from, timeZone);
  return getInstant({ ...wall, ...addWorkingDates(wall, days) }, timeZone);
}

/** 09:00 on `date` in `timeZone`. */
export function getWorkdayStart(date: CalendarDate, timeZone: string): Date {
  return getInstantOnDate(date, WORKDAY_START_HOUR, 0, timeZone);
}

/**
 * The post-mortem's deadline: `businessDays` (default 5) business days after the day the
 * incident was resolved, at 09:00 in the lead's zone. Stored as a date, so reminders follow the
 * lead's working day even if the lead changes zone.
 */
export function postmortemDueAt(resolvedAt: Date, timeZone: string, businessDays: number = POSTMORTEM_BUSINESS_DAYS): DueFields {
  const date = addWorkingDates(getCalendarDate(resolvedAt, timeZone), businessDays);
  return { dueAt: getWorkdayStart(date, timeZone).toISOString(), dueKind: 'date', dueDate: formatCalendarDate(date) };
}

/**
 * Wall-clock time in an IANA zone ↔ instants, with nothing but `Intl.DateTimeFormat`: the
 * deadlines and reminders of action items are "09:00 where the owner is", which only means
 * something once the zone's offset on that very day (DST included) is known.
 */

/** A day on the calendar, with no zone: `month` 1–12, `day` 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** What a clock on the wall shows in some zone. */
export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than using one; a plan walks many days.
const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}


/** The wall time in `timeZone` at `instant`. Throws RangeError on an unknown zone or an invalid date. */
export function getWallTime(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid date');
  const fields: Record<string, number> = {};
  for (const part of getFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? NaN,
    month: fields['month'] ?? NaN,
    day: fields['day'] ?? NaN,
    hour: fields['hour'] ?? NaN,
    minute: fields['minute'] ?? NaN,
    second: fields['second'] ?? NaN,
    // Offsets are whole seconds in every modern zone, so the sub-second part never shifts.
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (New York in winter: -300). */
export function getOffsetMinutes(instant: Date, timeZone: string): number {
  return Math.round((wallTimeAsUtcMs(getWallTime(instant, timeZone)) - instant.getTime()) / 60_000);
}

/**
 * The instant at which a clock in `timeZone` shows `wall`. Times that happen twice (the hour
 * repeated when clocks go back) resolve to the earlier one; times that never happen (the hour
 * skipped when clocks go forward) move forward by the length of the gap, so 02:30 on the
 * spring-forward night in New York is 03:30 EDT — the same as Temporal's "compatible".
 * Callers that must refuse a skipped time compare `getWallTime(result)` with what they asked for.
 */
export function getInstant(wall: WallTime, timeZone: string): Date {
  const asUtc = wallTimeAsUtcMs(wall);
  if (Number.isNaN(asUtc)) throw new RangeError('invalid wall time');
  // No zone changes its offset twice within two days, so the offsets a day either side are
  // the only candidates.
  const before = getOffsetMinutes(new Date(asUtc - DAY_MS), timeZone) * 60_000;
  const after = getOffsetMinutes(new Date(asUtc + DAY_MS), timeZone) * 60_000;
  const fits = (offset: number) => getOffsetMinutes(new Date(asUtc - offset), timeZone) * 60_000 === offset;
  const candidates = [before, after].filter(fits).map((offset) => asUtc - offset);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(asUtc - before);
}

/** `date` at `hour`:`minute` in `timeZone`, as an instant. */
export function getInstantOnDate(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  return getInstant({ ...date, hour, minute, second: 0, millisecond: 0 }, timeZone);
}

/** The calendar date in `timeZone` at `instant`. */
export function getCalendarDate(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = getWallTime(instant, timeZone);
  return { year, month, day };
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 for Sunday … 6 for Saturday, as `Date#getDay`. */
export function getWeekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Negative, zero or positive as `a` is before, the same day as, or after `b`. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function getDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS);
}

/** True when year, month and day name a day that exists (no 30 February, no 31 April). */
export function isRealCalendarDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD`. */
export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** `YYYY-MM-DD` to a date; undefined when malformed or not a real day. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealCalendarDate(date) ? date : undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function wallTimeAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

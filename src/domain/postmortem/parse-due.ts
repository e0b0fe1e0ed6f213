import { WORKDAY_START_HOUR, getWorkdayStart, type DueFields } from './business-days.js';
import {
  addCalendarDays,
  compareCalendarDates,
  formatCalendarDate,
  getCalendarDate,
  getDaysBetween,
  getInstant,
  getWallTime,
  getWeekday,
  isRealCalendarDate,
  type CalendarDate,
  type WallTime,
} from './zoned-time.js';
import { truncate } from '../text.js';

export interface ParseDueOptions {
  now: Date;
  /** The IANA zone a day or a local time is read in (Slack `users.info` → `tz`). */
  timeZone: string;
}

export type ParseDueResult = { ok: DueFields } | { error: string };

/** A deadline further out than this is a wish, not an action item. */
export const MAX_DUE_YEARS = 2;

const FORMS =
  'Give one of: YYYY-MM-DD, YYYY-MM-DDTHH:MM (local, or with Z or +01:00), 3d, 2w, a weekday (friday, fri), today, tomorrow.';

const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ...['sunday', 'sun'].map((w) => [w, 0] as const),
  ...['monday', 'mon'].map((w) => [w, 1] as const),
  ...['tuesday', 'tue', 'tues'].map((w) => [w, 2] as const),
  ...['wednesday', 'wed'].map((w) => [w, 3] as const),
  ...['thursday', 'thu', 'thur', 'thurs'].map((w) => [w, 4] as const),
  ...['friday', 'fri'].map((w) => [w, 5] as const),
  ...['saturday', 'sat'].map((w) => [w, 6] as const),
]);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(z|[+-]\d{2}(?::?\d{2})?)?$/;
const DURATION = /^([+-]?)(\d+)([dw])$/;

// Beyond this many days a duration is refused before any date arithmetic can overflow.
const MAX_DURATION_DAYS = 366 * MAX_DUE_YEARS + 1;

/**
 * The deadline typed after `/incident action @owner` (PRODUCT §5), or why it is refused. A day
 * (`2026-11-24`, `3d`, `friday`, `tomorrow`) is due at 09:00 in `timeZone` on that day; a
 * date-time is due at that instant, read in `timeZone` when it carries no offset.
 */
export function parseDue(input: string, opts: ParseDueOptions): ParseDueResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { error: `A deadline is required. ${FORMS}` };
  const today = getCalendarDate(opts.now, opts.timeZone);
  const shown = quote(input.trim());

  const date = DATE.exec(text);
  if (date !== null) {
    const day = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
    if (!isRealCalendarDate(day)) return { error: `${shown} is not a real date.` };
    return checkDueDate(day, shown, opts);
  }

  const dateTime = DATE_TIME.exec(text);
  if (dateTime !== null) return parseDateTime(dateTime, shown, opts);

  const duration = DURATION.exec(text);
  if (duration !== null) {
    const [, sign, amount = '', unit] = duration;
    const days = Number(amount) * (unit === 'w' ? 7 : 1);
    if (sign === '-') return { error: `${shown} points back in time: durations count forward from today, like 3d or 2w.` };
    if (days === 0) return { error: `${shown} is no time at all: give at least 1d.` };
    if (days > MAX_DURATION_DAYS) return { error: tooFar(shown) };
    return checkDueDate(addCalendarDays(today, days), shown, opts);
  }

  const weekday = WEEKDAYS.get(text);
  if (weekday !== undefined) {
    // Always the coming one: "friday" said on a Friday means next week, never a few hours away.
    const ahead = ((weekday - getWeekday(today) + 6) % 7) + 1;
    return checkDueDate(addCalendarDays(today, ahead), shown, opts);
  }

  if (text === 'tomorrow') return checkDueDate(addCalendarDays(today, 1), shown, opts);
  if (text === 'today') return checkDueDate(today, shown, opts);

  return { error: `${shown} is not a deadline I can read. ${FORMS}` };
}

/** A due day: 09:00 local on it, refused when that has passed or is too far away. */
function checkDueDate(day: CalendarDate, shown: string, opts: ParseDueOptions): ParseDueResult {
  const { now, timeZone } = opts;
  const today = getCalendarDate(now, timeZone);
  const dueDate = formatCalendarDate(day);
  const versusToday = compareCalendarDates(day, today);
  if (versusToday < 0) return { error: `${shown} is in the past: it is ${formatCalendarDate(today)} in ${timeZone}.` };
  if (compareCalendarDates(day, getLimitDate(today)) > 0) return { error: tooFar(shown) };
  const dueAt = getWorkdayStart(day, timeZone);
  if (dueAt.getTime() <= now.getTime()) {
    // Only today can get here: a day-deadline means the start of the working day, already gone.
    return {
      error: `${shown} means ${pad2(WORKDAY_START_HOUR)}:00 today in ${timeZone}, which has passed: give a time (${dueDate}T17:00) or a later day.`,
    };
  }
  return { ok: { dueAt: dueAt.toISOString(), dueKind: 'date', dueDate } };
}

function parseDateTime(match: RegExpExecArray, shown: string, opts: ParseDueOptions): ParseDueResult {
  const { now, timeZone } = opts;
  const [, y, mo, d, h, mi, s = '0', fraction = '', offset] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
  if (!isRealCalendarDate(wall)) return { error: `${shown} is not a real date.` };
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return { error: `${shown} is not a real time of day.` };

  let dueAt: Date;
  if (offset === undefined) {
    dueAt = getInstant(wall, timeZone);
    // getInstant moves a skipped time forward; a deadline should not silently move.
    if (!isSameWallTime(getWallTime(dueAt, timeZone), wall)) {
      return { error: `${shown} does not exist in ${timeZone}: the clocks skip that hour for daylight saving. Pick another time.` };
    }
  } else {
    const offsetMinutes = parseOffsetMinutes(offset);
    if (offsetMinutes === undefined) return { error: `${shown} has an offset that no place on Earth uses.` };
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
    dueAt = new Date(asUtc - offsetMinutes * 60_000);
  }

  if (dueAt.getTime() <= now.getTime()) {
    const wallNow = getWallTime(now, timeZone);
    return { error: `${shown} is in the past: it is ${formatCalendarDate(wallNow)} ${pad2(wallNow.hour)}:${pad2(wallNow.minute)} in ${timeZone}.` };
  }
  if (dueAt.getTime() > getLimitInstant(now, timeZone).getTime()) return { error: tooFar(shown) };
  return { ok: { dueAt: dueAt.toISOString(), dueKind: 'date-time' } };
}

/** `z`, `+05:30`, `+0530` or `+05` → minutes east of UTC; undefined beyond ±14:00. */
function parseOffsetMinutes(offset: string): number | undefined {
  if (offset === 'z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** The same day `MAX_DUE_YEARS` on; 29 February falls back to the 28th. */
function getLimitDate(today: CalendarDate): CalendarDate {
  const limit = { ...today, year: today.year + MAX_DUE_YEARS };
  return isRealCalendarDate(limit) ? limit : { ...limit, day: limit.day - 1 };
}

function getLimitInstant(now: Date, timeZone: string): Date {
  const wall = getWallTime(now, timeZone);
  return getInstant({ ...wall, ...getLimitDate(wall) }, timeZone);
}

function isSameWallTime(a: WallTime, b: WallTime): boolean {
  return getDaysBetween(a, b) === 0 && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

function tooFar(shown: string): string {
  return `${shown} is more than ${MAX_DUE_YEARS} years ahead: pick a nearer deadline, or split the work into steps.`;
}

function quote(text: string): string {
  return `"${truncate(text, 40)}"`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

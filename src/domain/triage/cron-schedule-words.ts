/**
 * A CronJob schedule's day fields in words: "only on the 1st of the month", "only on Mondays and
 * Fridays", "only in January". A 1 typed into the day-of-month field reads as `15 * 1 * *` and is
 * easy to miss; "fires only on the 1st of the month" is not.
 */
import { joinAnd } from '../text.js';
import type { CronSchedule } from './cron-schedule.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Sorted values as names, three or more consecutive ones as a range: "1st–7th and 15th", "Monday to Friday". */
function nameRuns(values: ReadonlySet<number>, name: (v: number) => string, range = (lo: number, hi: number) => `${name(lo)}–${name(hi)}`): string {
  const sorted = [...values].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    const [lo, hi] = [sorted[i] ?? 0, sorted[j] ?? 0];
    if (j - i >= 2) out.push(range(lo, hi));
    else for (let k = i; k <= j; k += 1) out.push(name(sorted[k] ?? 0));
    i = j + 1;
  }
  return joinAnd(out);
}

/**
 * The days a schedule fires on, when a day or month field restricts them ("only on the 1st of
 * the month"); undefined when it fires every day. Both day fields restricted: either matches, as
 * the controller reads them.
 */
export function describeFiringDays(s: CronSchedule): string | undefined {
  const dom = s.dayOfMonth.any ? undefined : `the ${nameRuns(s.dayOfMonth.values, ordinal)} of the month`;
  const dow = s.dayOfWeek.any ? undefined : nameRuns(s.dayOfWeek.values, (d) => `${WEEKDAY_NAMES[d] ?? d}s`, (lo, hi) => `${WEEKDAY_NAMES[lo] ?? lo} to ${WEEKDAY_NAMES[hi] ?? hi}`);
  const days = dom && dow ? `on ${dom} or on ${dow}` : dom ? `on ${dom}` : dow ? `on ${dow}` : undefined;
  const months = s.month.values.size < 12 ? `in ${nameRuns(s.month.values, (m) => MONTH_NAMES[m - 1] ?? String(m))}` : undefined;
  if (days === undefined && months === undefined) return undefined;
  return `only ${[days, months].filter((p) => p !== undefined).join(' ')}`;
}

const DAY_FIELDS: readonly [number, string][] = [[2, 'day-of-month'], [3, 'month'], [4, 'day-of-week']];

/** "the day-of-month field `1`": the day fields of a five-field schedule that are not `*`. */
export function nameDayFields(schedule: string): string | undefined {
  const parts = schedule.trim().replace(/^(?:CRON_TZ|TZ)=\S+\s+/, '').split(/\s+/);
  if (parts.length !== 5) return undefined;
  const set = DAY_FIELDS.flatMap(([i, name]) => {
    const v = parts[i] ?? '*';
    return v === '*' || v === '?' ? [] : [`the ${name} field \`${v}\``];
  });
  return set.length > 0 ? joinAnd(set) : undefined;
}

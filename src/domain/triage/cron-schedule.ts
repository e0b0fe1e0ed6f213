/**
 * When a CronJob should have run: the standard five-field schedule the CronJob controller
 * reads (minute hour day-of-month month day-of-week; `*`, lists, ranges, steps, month and day
 * names, the @daily family), in the CronJob's time zone. Only what triage needs: the fire times
 * between two instants, to tell a skipped run from a schedule that simply has not come round.
 */

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface Field {
  values: Set<number>;
  /** `*` (or `?`): the field does not restrict; matters for the day-of-month / day-of-week rule. */
  any: boolean;
}

export interface CronSchedule {
  minute: Field;
  hour: Field;
  dayOfMonth: Field;
  month: Field;
  dayOfWeek: Field;
  /** IANA zone from spec.timeZone or a `CRON_TZ=` / `TZ=` prefix; UTC when none. */
  timeZone: string;
}

function parseValue(token: string, names: readonly string[] | undefined, offset: number): number {
  const named = names?.indexOf(token.toUpperCase()) ?? -1;
  if (named >= 0) return named + offset;
  if (!/^\d+$/.test(token)) throw new Error(`not a number: ${token}`);
  return Number(token);
}

/**
 * `openMax`: where `*` and `N/step` end, when it differs from the largest value accepted (the
 * day of week takes 7 for Sunday, but its open ranges end at 6 as in the controller's parser).
 */
function parseField(text: string, min: number, max: number, names?: readonly string[], nameOffset = 0, openMax = max): Field {
  const values = new Set<number>();
  // `*/1` is `*` for the day-of-month / day-of-week rule too, as the controller's parser reads it.
  const any = text === '*' || text === '?' || text === '*/1';
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : parseValue(stepText, undefined, 0);
    if (step < 1) throw new Error(`bad step in ${part}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, openMax];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [lo, hi] = [parseValue(a, names, nameOffset), parseValue(b, names, nameOffset)];
    } else {
      lo = parseValue(range, names, nameOffset);
      hi = stepText === undefined ? lo : openMax;
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`out of range: ${part}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, any };
}

/** Parses a CronJob schedule; undefined when it cannot be read (the triage then says nothing about missed runs). */
export function parseCronSchedule(schedule: string, timeZone?: string): CronSchedule | undefined {
  let text = schedule.trim();
  let zone = timeZone;
  const prefix = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (prefix) [zone, text] = [prefix[1], prefix[2] ?? ''];
  text = MACROS[text.toLowerCase()] ?? text;
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return undefined;
  try {
    const dayOfWeek = parseField(parts[4] ?? '', 0, 7, DAYS, 0, 6);
    // 7 is Sunday too.
    if (dayOfWeek.values.delete(7)) dayOfWeek.values.add(0);
    const out: CronSchedule = {
      minute: parseField(parts[0] ?? '', 0, 59),
      hour: parseField(parts[1] ?? '', 0, 23),
      dayOfMonth: parseField(parts[2] ?? '', 1, 31),
      month: parseField(parts[3] ?? '', 1, 12, MONTHS, 1),
      dayOfWeek,
      timeZone: zone ?? 'UTC',
    };
    // Rejects an unknown zone here rather than on every call.
    wallClock(new Date(0), out.timeZone);
    return out;
  } catch {
    return undefined;
  }
}

interface WallClock {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string): WallClock {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return { minute: at.getUTCMinutes(), hour: at.getUTCHours(), day: at.getUTCDate(), month: at.getUTCMonth() + 1, weekday: at.getUTCDay() };
  }
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', minute: 'numeric', hour: 'numeric', day: 'numeric', month: 'numeric', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    minute: Number(parts['minute']),
    hour: Number(parts['hour']),
    day: Number(parts['day']),
    month: Number(parts['month']),
    weekday: DAYS.indexOf(String(parts['weekday']).toUpperCase()),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The day fields match, regardless of hour and minute. Vixie cron, as the controller's parser:
 * when both day-of-month and day-of-week are restricted, either may match.
 */
function dayMatches(s: CronSchedule, w: WallClock): boolean {
  if (!s.month.values.has(w.month)) return false;
  const dom = s.dayOfMonth.values.has(w.day);
  const dow = s.dayOfWeek.values.has(w.weekday);
  if (!s.dayOfMonth.any && !s.dayOfWeek.any) return dom || dow;
  return dom && dow;
}

/**
 * Walks the fire times after `from` and up to `to`, oldest first, calling `visit` for each
 * until it returns false. Skips whole hours whose day or hour cannot match, so a month of a
 * daily schedule is a few hundred steps, not forty thousand.
 */
function walkFireTimes(s: CronSchedule, from: Date, to: Date, visit: (at: Date) => boolean): void {
  const end = to.getTime();
  let t = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE;
  while (t <= end) {
    const at = new Date(t);
    const w = wallClock(at, s.timeZone);
    if (!dayMatches(s, w) || !s.hour.values.has(w.hour)) {
      // To the top of the next hour (hour jumps keep to the wall clock across DST changes).
      t += HOUR - w.minute * MINUTE - (t % MINUTE);
      continue;
    }
    if (s.minute.values.has(w.minute) && !visit(at)) return;
    t += MINUTE;
  }
}

/** Fire times after `from` and up to `to`, oldest first, at most `limit` of them. */
export function fireTimesBetween(s: CronSchedule, from: Date, to: Date, limit = 100): Date[] {
  const out: Date[] = [];
  walkFireTimes(s, from, to, (at) => {
    out.push(at);
    return out.length < limit;
  });
  return out;
}

export interface FireTimeCount {
  /** How many fire times lie in the span (counted up to `maxCount`). */
  count: number;
  /** True when counting stopped at `maxCount`: "more than". */
  capped: boolean;
  /** The oldest few, for the report. */
  first: Date[];
  /** The newest one. */
  last?: Date;
}

/** Counts the fire times after `from` and up to `to` without keeping them all. */
export function countFireTimes(s: CronSchedule, from: Date, to: Date, maxCount = 100_000, keepFirst = 3): FireTimeCount {
  const out: FireTimeCount = { count: 0, capped: false, first: [] };
  walkFireTimes(s, from, to, (at) => {
    out.count += 1;
    if (out.first.length < keepFirst) out.first.push(at);
    out.last = at;
    if (out.count >= maxCount) out.capped = true;
    return !out.capped;
  });
  return out;
}

/** "2026-11-20 01:30 UTC" in the schedule's zone name. */
export function formatRun(at: Date, timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${text} ${timeZone}`;
}

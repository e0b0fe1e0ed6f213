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

function parseField(text: string, min: number, max: number, names?: readonly string[], nameOffset = 0): Field {
  const values = new Set<number>();
  const any = text === '*' || text === '?';
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : parseValue(stepText, undefined, 0);
    if (step < 1) throw new Error(`bad step in ${part}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [lo, hi] = [parseValue(a, names, nameOffset), parseValue(b, names, nameOffset)];
    } else {
      lo = parseValue(range, names, nameOffset);
      hi = stepText === undefined ? lo : max;
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
    const dayOfWeek = parseField(parts[4] ?? '', 0, 7, DAYS);
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

function matches(s: CronSchedule, w: WallClock): boolean {
  if (!s.minute.values.has(w.minute) || !s.hour.values.has(w.hour) || !s.month.values.has(w.month)) return false;
  const dom = s.dayOfMonth.values.has(w.day);
  const dow = s.dayOfWeek.values.has(w.weekday);
  // Vixie cron, as the controller's parser: when both day fields are restricted, either may match.
  if (!s.dayOfMonth.any && !s.dayOfWeek.any) return dom || dow;
  return dom && dow;
}

const MINUTE = 60_000;

/**
 * Fire times after `from` and up to `to`, oldest first, at most `limit` of them. Walks minute by
 * minute (a week is ten thousand steps), so a span is capped by `limit` on the number found and
 * by `maxSpanMs` on the time walked.
 */
export function fireTimesBetween(s: CronSchedule, from: Date, to: Date, limit = 100, maxSpanMs = 8 * 24 * 3600_000): Date[] {
  const out: Date[] = [];
  const end = Math.min(to.getTime(), from.getTime() + maxSpanMs);
  for (let t = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE; t <= end && out.length < limit; t += MINUTE) {
    const at = new Date(t);
    if (matches(s, wallClock(at, s.timeZone))) out.push(at);
  }
  return out;
}

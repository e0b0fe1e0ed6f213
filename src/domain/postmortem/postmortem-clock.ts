/** Times and spans as a post-mortem shows them, in the reader's time zone (no wall clock). */
import { formatDuration } from 'date-fns';
import { makeReaderClock, zoneAbbreviation } from '../reader-clock.js';
import type { ReaderClock } from '../reader-clock.js';

export type PostmortemClock = ReaderClock;
export { makeReaderClock as makeClock, zoneAbbreviation };

/** "09:02", or "Sat, Nov 21 09:02" when the day matters. */
export function formatClockTime(clock: PostmortemClock, ms: number, withDay: boolean): string {
  return withDay ? `${clock.day.format(ms)} ${clock.time.format(ms)}` : clock.time.format(ms);
}

export function isSameDay(clock: PostmortemClock, a: number, b: number): boolean {
  return clock.dayKey.format(a) === clock.dayKey.format(b);
}

/** `YYYY-MM-DD` in the clock's zone. */
export function formatDayKey(clock: PostmortemClock, ms: number): string {
  return clock.dayKey.format(ms);
}

/**
 * "1 day 2 hours 5 minutes". Days are 24 hours here: intervalToDuration counts calendar days in
 * the process's own zone, so a DST change there would make one "day" 23 or 25 hours.
 */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    return seconds === 0 ? 'less than a minute' : formatDuration({ seconds });
  }
  const minutes = Math.floor(ms / 60_000);
  return formatDuration({ days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 }, { format: ['days', 'hours', 'minutes'] });
}

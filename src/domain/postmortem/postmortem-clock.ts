/** Times and spans as a post-mortem shows them, in the reader's time zone (no wall clock). */
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

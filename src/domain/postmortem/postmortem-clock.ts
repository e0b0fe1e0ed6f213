/** Times and spans as a post-mortem shows them, in the reader's time zone (no wall clock). */
import { makeReaderClock, zoneAbbreviation } from '../reader-clock.js';
import type { ReaderClock } from '../reader-clock.js';

export type PostmortemClock = ReaderClock;
export { makeReaderClock as makeClock, zoneAbbreviation };

export function isSameDay(clock: PostmortemClock, a: number, b: number): boolean {
  return clock.dayKey.format(a) === clock.dayKey.format(b);
}

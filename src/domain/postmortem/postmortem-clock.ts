/** Times and spans as a post-mortem shows them, in the reader's time zone (no wall clock). */
import { formatDuration } from 'date-fns';

export interface PostmortemClock {
  zone: string;
  /** Set when the requested zone was unknown (the fallback is UTC). */
  unknownZone?: string | undefined;
  time: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  dayKey: Intl.DateTimeFormat;
  zoneName: Intl.DateTimeFormat;
}

export function makeClock(requested: string): PostmortemClock {
  let zone = requested;
  let unknownZone: string | undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    unknownZone = requested;
    zone = 'UTC';
  }
  return {
    zone,
    unknownZone,
    time: new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    day: new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' }),
    date: new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }),
    dayKey: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    zoneName: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }),
  };
}

/** "CET", "PST", "GMT+5:30": the zone's own abbreviation at that instant. */
export function zoneAbbreviation(clock: PostmortemClock, ms: number): string {
  return clock.zoneName.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? clock.zone;
}

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

/** Formatting of instants in a reader's time zone (Slack users.info), shared by the timeline and the post-mortem. */

export interface ReaderClock {
  zone: string;
  /** Set when the requested zone was unknown (the fallback is UTC). */
  unknownZone?: string | undefined;
  time: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  dayKey: Intl.DateTimeFormat;
  zoneName: Intl.DateTimeFormat;
}

export function makeReaderClock(requested: string): ReaderClock {
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
export function zoneAbbreviation(clock: ReaderClock, ms: number | Date): string {
  return clock.zoneName.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? clock.zone;
}

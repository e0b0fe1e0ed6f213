import { readerTime } from '../time-ref.js';
import type { IsoTime } from './evidence.js';
import { formatSpan } from '../text.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** Milliseconds from `from` to `to`; NaN when either is not a date. */
export function msBetween(from: IsoTime, to: IsoTime): number {
  return Date.parse(to) - Date.parse(from);
}

/** `time` lies in the `windowMs` before `now` (a few seconds of clock skew after it allowed). */
export function isWithin(time: IsoTime | undefined, now: IsoTime, windowMs: number): boolean {
  if (time === undefined) return false;
  const age = msBetween(time, now);
  return age >= -5 * MINUTE_MS && age <= windowMs;
}

export { formatSpan };

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|µs|us|ns|m|s))+$/;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 };

/** A Go duration as the kubelet prints it ("9m41.204s", "850ms") in milliseconds; undefined if it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (!GO_DURATION.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|µs|us|ns|m|s)/g)) ms += Number(n) * (UNIT_MS[unit ?? ''] ?? 0);
  return ms;
}


export function formatAgo(time: IsoTime, now: IsoTime): string {
  return `${formatSpan(Math.max(0, msBetween(time, now)))} ago`;
}

/** The clock time as each reader's own (a time marker, see time-ref.ts): the domain never assumes a zone. */
export function formatClock(time: IsoTime): string {
  return readerTime(time, 'time');
}

/** "2026-11-21T00:00:00Z", "2026-11-20 01:30 UTC": a UTC clock as analyses write it in their sentences. */
const UTC_CLOCK = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z| UTC)(?![\w:])/g;

/**
 * Our own sentence with every UTC clock in it as a reader's time (a marker). Not for quoted log or
 * event lines: those keep the clock they were written with, shown as code.
 */
export function localizeUtcClocks(text: string): string {
  return text.replace(UTC_CLOCK, (clock) => readerTime(clock.replace(' UTC', 'Z').replace(' ', 'T')));
}

export function earliest(times: readonly (IsoTime | undefined)[]): IsoTime | undefined {
  let best: IsoTime | undefined;
  for (const t of times) {
    if (t === undefined || Number.isNaN(Date.parse(t))) continue;
    if (best === undefined || Date.parse(t) < Date.parse(best)) best = t;
  }
  return best;
}

export function latest(times: readonly (IsoTime | undefined)[]): IsoTime | undefined {
  let best: IsoTime | undefined;
  for (const t of times) {
    if (t === undefined || Number.isNaN(Date.parse(t))) continue;
    if (best === undefined || Date.parse(t) > Date.parse(best)) best = t;
  }
  return best;
}

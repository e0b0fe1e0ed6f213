/**
 * The timeline as the reader sees it (`/incident timeline`): key moments first, then every
 * entry in time order, in the reader's time zone, split over as many documents as it takes.
 */
import { makeReaderClock, zoneAbbreviation } from '../reader-clock.js';
import type { ReaderClock } from '../reader-clock.js';
import { packLines, splitDocument } from '../chat-document.js';
import type { ChatDocument } from '../ports.js';
import type { TimelineEntry, TimelineSource } from './timeline-entry.js';

export interface RenderTimelineOptions {
  /** The reader's IANA time zone (Slack users.info `tz`); an unknown one falls back to UTC, and the timeline says so. */
  timeZone: string;
  /** When the timeline is read: its "as of". */
  now: Date;
  /** Document title; default "Incident timeline". */
  title?: string | undefined;
}

const SOURCE_MARKER: Record<TimelineSource, string> = { pagerduty: '[PD]', bot: '[bot]', slack: '[slack]', cluster: '[k8s]' };
const KEY_MARK = '⭐';
/** A message can be 40,000 characters; a timeline line says what happened and the channel keeps the rest. */
export const TIMELINE_TEXT_MAX = 400;
/** Key moments stay short however many there are: how it started and where it stands. */
export const KEY_MOMENTS_FIRST = 10;
export const KEY_MOMENTS_LAST = 15;

interface Clock extends ReaderClock {
  /** Formatted times by minute: most entries share a minute with the one before. */
  minutes: Map<number, string>;
}

interface Placed {
  entry: TimelineEntry;
  /** Milliseconds since the epoch; NaN when `at` does not parse (such entries go last). */
  ms: number;
}

/** Renders the whole timeline; an empty one is a single short document. */
export function renderTimeline(entries: TimelineEntry[], opts: RenderTimelineOptions): ChatDocument[] {
  const title = opts.title ?? 'Incident timeline';
  if (entries.length === 0) return [{ title, paragraphs: [{ text: 'Nothing has been recorded on this timeline yet.' }] }];
  const clock = makeClock(opts.timeZone);
  const placed = sortByTime(entries);
  const dated = placed.filter((p) => !Number.isNaN(p.ms));
  const firstMs = dated[0]?.ms;
  const lastMs = dated.reduce((last, p) => Math.max(last, p.ms, untilMs(p.entry) ?? p.ms), Number.NEGATIVE_INFINITY);
  const severalDays = firstMs !== undefined && clock.dayKey.format(firstMs) !== clock.dayKey.format(lastMs);

  const lines = placed.map((p) => formatEntry(p, clock, severalDays));
  const keyLines = placed.flatMap((p, i) => (p.entry.important === true ? [lines[i]!] : []));
  const summary = [summarize(placed.length, keyLines.length, firstMs, lastMs, opts.now, clock, severalDays)];
  if (clock.unknownZone !== undefined) summary.push(`:warning: Your Slack time zone "${clock.unknownZone}" is not one I know, so times are in UTC.`);

  const paragraphs = [
    ...packLines(summary, 'text'),
    ...packLines(['*Key moments*', ...shortenKeyMoments(keyLines)], 'text'),
    ...packLines(['*Full timeline*', ...lines], 'text'),
  ];
  const zones = firstMs === undefined ? zoneName(clock, opts.now) : [...new Set([zoneName(clock, firstMs), zoneName(clock, lastMs)])].join('/');
  const days = firstMs === undefined ? '' : severalDays ? ` — ${clock.day.format(firstMs)} to ${clock.day.format(lastMs)}` : ` — ${clock.day.format(firstMs)}`;
  return splitDocument(`${title}${days} (times in ${zones})`, paragraphs);
}

function makeClock(requested: string): Clock {
  return { ...makeReaderClock(requested), minutes: new Map() };
}

function zoneName(clock: Clock, at: number | Date): string {
  return zoneAbbreviation(clock, at);
}

/** Time order; ties keep the order they came in; entries whose time does not parse go last. */
function sortByTime(entries: TimelineEntry[]): Placed[] {
  const placed = entries.map((entry) => ({ entry, ms: Date.parse(entry.at) }));
  return placed.sort((a, b) => (Number.isNaN(a.ms) ? Infinity : a.ms) - (Number.isNaN(b.ms) ? Infinity : b.ms) || 0);
}

function untilMs(entry: TimelineEntry): number | undefined {
  if (entry.until === undefined) return undefined;
  const ms = Date.parse(entry.until);
  return Number.isNaN(ms) ? undefined : ms;
}

function formatEntry({ entry, ms }: Placed, clock: Clock, severalDays: boolean): string {
  const when = Number.isNaN(ms) ? '--:--' : formatMinute(clock, ms, severalDays);
  const author = entry.author === undefined || entry.author === '' ? '' : `${formatAuthor(entry.author)}: `;
  const text = toPlainLine(entry.source === 'slack' ? decodeSlackText(entry.text) : entry.text);
  const line = `${when} ${SOURCE_MARKER[entry.source]} ${author}${text || '(no text)'}${formatRepeats(entry, ms)}`;
  // Slack's bold cannot hold an asterisk; the whole line is bold already.
  return entry.important === true ? `${KEY_MARK} *${line.replaceAll('*', '')}*` : line;
}

/** Formatting a time costs microseconds; busy incidents have many entries a minute (zone offsets are whole minutes). */
function formatMinute(clock: Clock, ms: number, withDay: boolean): string {
  const minute = Math.floor(ms / 60_000);
  let text = clock.minutes.get(minute);
  if (text === undefined) {
    text = withDay ? `${clock.day.format(ms)} ${clock.time.format(ms)}` : clock.time.format(ms);
    clock.minutes.set(minute, text);
  }
  return text;
}

function formatAuthor(author: string): string {
  return /^[UW][A-Z0-9]+$/.test(author) ? `<@${author}>` : author;
}

function formatRepeats(entry: TimelineEntry, ms: number): string {
  if (entry.count === undefined || entry.count <= 1) return '';
  const until = untilMs(entry);
  const span = until !== undefined && !Number.isNaN(ms) && until > ms ? ` over ${formatSpan(until - ms)}` : '';
  return ` ×${entry.count}${span}`;
}

/** "45s", "12m", "2h 5m", "1d 3h". */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/**
 * Slack's escaped message text as a reader would read it: user mentions keep their <@U…> form
 * (Slack shows it as the name), channels and links become their names and labels, and entities
 * are decoded, because whoever shows the document escapes the text again.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<([^>|]*)(?:\|([^>]*))?>/g, (_, target: string, label: string | undefined) => {
      const named = label !== undefined && label !== '';
      if (target.startsWith('@')) return `<${target}>`;
      if (target.startsWith('#')) return named ? `#${label}` : `<${target}>`;
      if (target.startsWith('!')) return named ? `@${label.replace(/^@/, '')}` : `@${target.slice(1).split('^')[0]}`;
      return named ? label : target;
    })
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** One line, at most TIMELINE_TEXT_MAX characters. */
function toPlainLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= TIMELINE_TEXT_MAX ? line : `${line.slice(0, TIMELINE_TEXT_MAX - 1)}…`;
}

function shortenKeyMoments(keyLines: string[]): string[] {
  if (keyLines.length === 0) return ['None yet: decisions, actions, hypotheses and :pushpin: messages show here.'];
  if (keyLines.length <= KEY_MOMENTS_FIRST + KEY_MOMENTS_LAST) return keyLines;
  const skipped = keyLines.length - KEY_MOMENTS_FIRST - KEY_MOMENTS_LAST;
  return [...keyLines.slice(0, KEY_MOMENTS_FIRST), `… ${skipped} more key moments, marked ${KEY_MARK} in the full timeline …`, ...keyLines.slice(-KEY_MOMENTS_LAST)];
}

function summarize(count: number, keyCount: number, firstMs: number | undefined, lastMs: number, now: Date, clock: Clock, severalDays: boolean): string {
  const entries = `${count} ${count === 1 ? 'entry' : 'entries'}, ${keyCount} key`;
  const nowMs = now.getTime();
  if (firstMs === undefined) return `${entries}.`;
  const stamp = (ms: number) => (severalDays || clock.dayKey.format(ms) !== clock.dayKey.format(firstMs) ? `${clock.day.format(ms)} ${clock.time.format(ms)}` : clock.time.format(ms));
  const span = lastMs > firstMs ? ` (${formatSpan(lastMs - firstMs)})` : '';
  const asOf = Number.isNaN(nowMs) ? '' : ` · as of ${stamp(nowMs)}`;
  return `${entries} · ${stamp(firstMs)} to ${stamp(lastMs)}${span}${asOf}`;
}

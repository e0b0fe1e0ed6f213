/**
 * The timeline as the reader sees it (`/incident timeline`): one list in time order, each entry
 * once. Key entries are marked where they happened (⭐ and their key phrase in bold), people's
 * decisions and hypotheses carry their label, and the routine chatter of a rollout (scaling,
 * pods created, images pulled) collapses into one line per burst. Times are markers the chat
 * draws in each reader's own zone; the reader's zone is only used to start a new day.
 */
import { makeReaderClock } from '../reader-clock.js';
import { packLines, splitDocument } from '../chat-document.js';
import { CHAT_PARAGRAPH_MAX } from '../ports.js';
import type { ChatDocument } from '../ports.js';
import { readerTime } from '../time-ref.js';
import { classifyMessage } from './classify-message.js';
import type { MessageKind } from './classify-message.js';
import { collapseRoutine } from './collapse-routine.js';
import type { Burst, Placed } from './collapse-routine.js';
import type { TimelineEntry, TimelineSource } from './timeline-entry.js';
import { formatSpan, truncate } from '../text.js';

export interface RenderTimelineOptions {
  /** The reader's IANA time zone, to split days where the reader's days split; default (and unknown zones) UTC. */
  timeZone?: string | undefined;
  /** When the timeline is read: its "as of". */
  now: Date;
  /** Document title; default "Incident timeline". */
  title?: string | undefined;
}

const SOURCE_MARKER: Record<TimelineSource, string> = { pagerduty: '[PD]', bot: '[bot]', slack: '[slack]', cluster: '[k8s]' };
export const KEY_MARK = '⭐';
/** A message can be 40,000 characters; a timeline line says what happened and the channel keeps the rest. */
export const TIMELINE_TEXT_MAX = 400;
/** The post-mortem's key moments stay short however many there are: how it started and where it ended. */
export const KEY_MOMENTS_FIRST = 10;
export const KEY_MOMENTS_LAST = 15;
const KIND_LABEL: Record<MessageKind, string> = {
  decision: 'Decision',
  action: 'Action',
  mitigation: 'Mitigation',
  hypothesis: 'Hypothesis',
  'root-cause': 'Root cause',
  status: 'Status',
};
const IN_THREAD = '(in thread) ';
/** A marker becomes a Slack date token up to this much longer (`<!date^…^{date_short_pretty} {time}|… UTC>`). */
const MARKER_GROWTH = 45;

/** Renders the whole timeline; an empty one is a single short document. */
export function renderTimeline(entries: TimelineEntry[], opts: RenderTimelineOptions): ChatDocument[] {
  const title = opts.title ?? 'Incident timeline';
  if (entries.length === 0) return [{ title, paragraphs: [{ text: 'Nothing has been recorded on this timeline yet.' }] }];
  const dayKey = makeReaderClock(opts.timeZone ?? 'UTC').dayKey;
  const placed = sortByTime(entries);
  const dated = placed.filter((p) => !Number.isNaN(p.ms));
  const firstMs = dated[0]?.ms;
  const lastMs = dated.reduce((last, p) => Math.max(last, p.ms, untilMs(p.entry) ?? p.ms), Number.NEGATIVE_INFINITY);
  const severalDays = firstMs !== undefined && dayKey.format(firstMs) !== dayKey.format(lastMs);

  const lines: string[] = [];
  let day: string | undefined;
  let keyCount = 0;
  for (const item of collapseRoutine(placed)) {
    const ms = 'burst' in item ? item.burst.firstMs : item.ms;
    if (severalDays && !Number.isNaN(ms) && dayKey.format(ms) !== day) {
      day = dayKey.format(ms);
      lines.push(`*${readerTime(ms, 'date')}*`);
    }
    if ('burst' in item) lines.push(formatBurst(item.burst));
    else {
      const key = isKey(item.entry);
      if (key) keyCount++;
      lines.push(formatEntry(item, key));
    }
  }
  const summary = [summarize(placed.length, keyCount, firstMs, lastMs, opts.now, severalDays), `${KEY_MARK} marks key moments: decisions, actions, hypotheses, root causes and :pushpin: messages.`];
  return splitDocument(title, [...packLines(summary, 'text'), ...packTimeLines(lines)]);
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

/** Stored by its source (collapseRoutine unmarks routine events an older version called key). */
function isKey(entry: TimelineEntry): boolean {
  return entry.important === true;
}

function formatEntry({ entry, ms }: Placed, key: boolean): string {
  const when = Number.isNaN(ms) ? '--:--' : readerTime(ms, 'time');
  const inThread = entry.source === 'slack' && entry.text.startsWith(IN_THREAD);
  const raw = inThread ? entry.text.slice(IN_THREAD.length) : entry.text;
  const text = toPlainLine(entry.source === 'slack' ? decodeSlackText(raw) : raw) || '(no text)';
  const label = entry.source === 'slack' ? messageLabel(raw, key) : undefined;
  const author = entry.author === undefined || entry.author === '' ? '' : `${formatAuthor(entry.author)}${inThread ? ' (in thread)' : ''}: `;
  // Only the key phrase is bold: the label a person's message earned, else the head of the line.
  const body = label !== undefined ? `${label} · ${author}${text}` : key ? `${author}${emphasizeHead(entry.source, text)}` : `${author}${text}`;
  const line = `${when} ${SOURCE_MARKER[entry.source]} ${body}${formatRepeats(entry, ms)}`;
  return key ? `${KEY_MARK} ${line}` : line;
}

/** "*Decision*", "*Hypothesis*", …: what a person's message is, so decisions stand out; undefined for chatter. */
function messageLabel(text: string, key: boolean): string | undefined {
  const kind = classifyMessage(text).kind;
  // A status someone marked key ("Resolved by …", a pinned update) gets its head in bold instead.
  if (kind === 'status') return key ? undefined : '_status_';
  if (kind !== undefined && key) return `*${KIND_LABEL[kind]}*`;
  if (kind !== undefined) return `_${KIND_LABEL[kind].toLowerCase()}_`;
  return key && /:pushpin:|📌/u.test(text) ? '*Pinned*' : undefined;
}

/**
 * Bold on what happened, not on the whole line: `pod/x: *OOMKilling* — …`, `*Resolved in
 * PagerDuty* by Alice`, `*Could not post the card*: …`.
 */
function emphasizeHead(source: TimelineSource, text: string): string {
  if (source === 'cluster') {
    const m = /^(\S+: )(\w+)(.*)$/.exec(text);
    if (m !== null) return `${m[1]}*${m[2]}*${m[3]}`;
  }
  const cut = /: | — | by | \(|\. /.exec(text);
  const at = cut === null || cut.index === 0 ? text.length : cut.index;
  const head = text.slice(0, at).replaceAll('*', '').trim();
  return head === '' ? text : `*${head}*${text.slice(at)}`;
}

function formatBurst(burst: Burst): string {
  const when = readerTime(burst.firstMs, 'time');
  // The line's own time is the burst's first event: only its end is said.
  const span = burst.lastMs - burst.firstMs >= 60_000 ? ` until ${readerTime(burst.lastMs, 'time')}` : '';
  const reasons = [...burst.reasons].map(([reason, n]) => `${reason} ×${n}`).join(', ');
  const last = burst.lastScaling === undefined ? '' : `; last: ${toPlainLine(burst.lastScaling)}`;
  return `${when} ${SOURCE_MARKER.cluster} ${burst.label} ×${burst.count}${span} (${reasons})${last}`;
}

function formatAuthor(author: string): string {
  return /^[UW][A-Z0-9]+$/.test(author) ? `<@${author}>` : author;
}

/** "×37 until 13:17" for collapsed repeats (the line's own time is the first). */
function formatRepeats(entry: TimelineEntry, ms: number): string {
  if (entry.count === undefined || entry.count <= 1) return '';
  const until = untilMs(entry);
  const span = until !== undefined && !Number.isNaN(ms) && until - ms >= 60_000 ? ` until ${readerTime(until, 'time')}` : '';
  return ` ×${entry.count}${span}`;
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

/** One line, at most TIMELINE_TEXT_MAX characters, without asterisks that would unbalance our bold. */
function toPlainLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').replaceAll('*', '').trim();
  return truncate(line, TIMELINE_TEXT_MAX);
}

/** Paragraphs that stay within Slack's limit once every time marker has become a date token. */
function packTimeLines(lines: string[]): ChatDocument['paragraphs'] {
  const room = CHAT_PARAGRAPH_MAX - 10;
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const weight = line.length + 1 + (line.match(/⟦time /g)?.length ?? 0) * MARKER_GROWTH;
    if (size + weight > room && current.length > 0) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += weight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks.flatMap((chunk) => packLines(chunk, 'text'));
}

function summarize(count: number, keyCount: number, firstMs: number | undefined, lastMs: number, now: Date, severalDays: boolean): string {
  const entries = `${count} ${count === 1 ? 'entry' : 'entries'}, ${keyCount} key`;
  if (firstMs === undefined) return `${entries}.`;
  const style = severalDays ? 'datetime' : 'time';
  const span = lastMs > firstMs ? ` (${formatSpan(lastMs - firstMs)})` : '';
  const asOf = Number.isNaN(now.getTime()) ? '' : ` · as of ${readerTime(now, style)}`;
  return `${entries} · ${readerTime(firstMs, style)} to ${readerTime(lastMs, style)}${span}${asOf}`;
}

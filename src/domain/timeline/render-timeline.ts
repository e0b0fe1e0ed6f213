/**
 * The timeline as the reader sees it (`/incident timeline`): one list in time order, each entry
 * once. Key entries are marked where they happened (⭐ and their key phrase in bold), people's
 * decisions and hypotheses carry their label, and the routine chatter of a rollout (scaling,
 * pods created, images pulled) collapses into one line per burst. Times are markers the chat
 * draws in each reader's own zone; the reader's zone is only used to start a new day.
 */
import { makeReaderClock } from '../reader-clock.js';
import { packInlineLines, splitDocument } from '../chat-document.js';
import { em, icon, mention, strong, time, withMentions } from '../document.js';
import type { Inline } from '../document.js';
import type { ChatDocument } from '../ports.js';
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

  const lines: Inline[] = [];
  let day: string | undefined;
  let keyCount = 0;
  for (const item of collapseRoutine(placed)) {
    const ms = 'burst' in item ? item.burst.firstMs : item.ms;
    if (severalDays && !Number.isNaN(ms) && dayKey.format(ms) !== day) {
      day = dayKey.format(ms);
      lines.push(strong(time(ms, 'date')));
    }
    if ('burst' in item) lines.push(formatBurst(item.burst));
    else {
      const key = isKey(item.entry);
      if (key) keyCount++;
      lines.push(formatEntry(item, key));
    }
  }
  const summary: Inline[] = [summarize(placed.length, keyCount, firstMs, lastMs, opts.now, severalDays), [`${KEY_MARK} marks key moments: decisions, actions, hypotheses, root causes and `, icon('pin'), ' messages.']];
  return splitDocument(title, [...packInlineLines(summary), ...packInlineLines(lines)]);
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

function formatEntry({ entry, ms }: Placed, key: boolean): Inline {
  const when: Inline = Number.isNaN(ms) ? '--:--' : time(ms, 'time');
  const inThread = entry.source === 'slack' && entry.text.startsWith(IN_THREAD);
  const raw = inThread ? entry.text.slice(IN_THREAD.length) : entry.text;
  const text = toPlainLine(raw) || '(no text)';
  const label = entry.source === 'slack' ? messageLabel(raw, key) : undefined;
  const author: Inline = entry.author === undefined || entry.author === '' ? '' : [formatAuthor(entry.author), inThread ? ' (in thread): ' : ': '];
  const said = (part: string) => withMentions(part, entry.mentions);
  // Only the key phrase is bold: the label a person's message earned, else the head of the line.
  const body: Inline = label !== undefined ? [label, ' · ', author, said(text)] : key ? [author, emphasizeHead(entry.source, text, said)] : [author, said(text)];
  const line: Inline = [when, ` ${SOURCE_MARKER[entry.source]} `, body, formatRepeats(entry, ms)];
  return key ? [`${KEY_MARK} `, line] : line;
}

/** "Decision" in bold, "hypothesis" in italics, …: what a person's message is, so decisions stand out; undefined for chatter. */
function messageLabel(text: string, key: boolean): Inline | undefined {
  const kind = classifyMessage(text).kind;
  // A status someone marked key ("Resolved by …", a pinned update) gets its head in bold instead.
  if (kind === 'status') return key ? undefined : em('status');
  if (kind !== undefined && key) return strong(KIND_LABEL[kind]);
  if (kind !== undefined) return em(KIND_LABEL[kind].toLowerCase());
  return key && /:pushpin:|📌/u.test(text) ? strong('Pinned') : undefined;
}

/**
 * Bold on what happened, not on the whole line: in `pod/x: OOMKilling — …` the reason, in
 * `Resolved in PagerDuty by Alice` the words before "by", in `Could not post the card: …` the
 * words before the colon.
 */
function emphasizeHead(source: TimelineSource, text: string, said: (part: string) => Inline): Inline {
  if (source === 'cluster') {
    const m = /^(\S+: )(\w+)(.*)$/.exec(text);
    if (m !== null) return [said(m[1]!), strong(m[2]!), said(m[3]!)];
  }
  const cut = /: | — | by | \(|\. /.exec(text);
  const at = cut === null || cut.index === 0 ? text.length : cut.index;
  const head = text.slice(0, at).replaceAll('*', '').trim();
  return head === '' ? said(text) : [strong(said(head)), said(text.slice(at))];
}

function formatBurst(burst: Burst): Inline {
  // The line's own time is the burst's first event: only its end is said.
  const span: Inline = burst.lastMs - burst.firstMs >= 60_000 ? [' until ', time(burst.lastMs, 'time')] : '';
  const reasons = [...burst.reasons].map(([reason, n]) => `${reason} ×${n}`).join(', ');
  const last = burst.lastScaling === undefined ? '' : `; last: ${toPlainLine(burst.lastScaling)}`;
  return [time(burst.firstMs, 'time'), ` ${SOURCE_MARKER.cluster} ${burst.label} ×${burst.count}`, span, ` (${reasons})${last}`];
}

function formatAuthor(author: string): Inline {
  return /^[UW][A-Z0-9]+$/.test(author) ? mention(author) : author;
}

/** "×37 until 13:17" for collapsed repeats (the line's own time is the first). */
function formatRepeats(entry: TimelineEntry, ms: number): Inline {
  if (entry.count === undefined || entry.count <= 1) return '';
  const until = untilMs(entry);
  const span: Inline = until !== undefined && !Number.isNaN(ms) && until - ms >= 60_000 ? [' until ', time(until, 'time')] : '';
  return [` ×${entry.count}`, span];
}

/** One line, at most TIMELINE_TEXT_MAX characters, without asterisks that would unbalance our bold. */
function toPlainLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').replaceAll('*', '').trim();
  return truncate(line, TIMELINE_TEXT_MAX);
}

function summarize(count: number, keyCount: number, firstMs: number | undefined, lastMs: number, now: Date, severalDays: boolean): Inline {
  const entries = `${count} ${count === 1 ? 'entry' : 'entries'}, ${keyCount} key`;
  if (firstMs === undefined) return `${entries}.`;
  const style = severalDays ? 'datetime' : 'time';
  const span = lastMs > firstMs ? ` (${formatSpan(lastMs - firstMs)})` : '';
  const asOf: Inline = Number.isNaN(now.getTime()) ? '' : [' · as of ', time(now, style)];
  return [`${entries} · `, time(firstMs, style), ' to ', time(lastMs, style), span, asOf];
}

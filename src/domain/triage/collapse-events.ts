import type { EventEvidence, IsoTime } from './evidence.js';
import { earliest, formatSpan, latest, msBetween } from './time-span.js';
import { truncate } from '../text.js';

/** Several reports of the same thing, folded into one with the total count and time span. */
export type CollapsedEvent = Pick<EventEvidence, 'type' | 'reason' | 'message' | 'count' | 'firstSeen' | 'lastSeen'> & {
  objectKind: string;
  /** Every object the folded events were about (one unless collapsed across objects). */
  objectNames: string[];
};

export interface CollapseOptions {
  /**
   * Also fold the same reason and message shape across objects of one kind (the BackOff of
   * five pods becomes one line "on 5 pods"). Default false: one group per object.
   */
  acrossObjects?: boolean;
}

/**
 * The message with its volatile parts masked, so "0/6 nodes are available" and "0/7 nodes are
 * available" or two pod names in a back-off message count as the same thing.
 */
export function toMessageShape(message: string, objectName?: string): string {
  let shape = message;
  if (objectName) shape = shape.split(objectName).join('<obj>');
  return shape
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uid>')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>')
    .replace(/\b(?=[0-9a-z]*\d)[0-9a-z]{5,10}\b/g, '<hash>')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Folds repeated events: same object (or kind, across objects), type, reason and message
 * shape. Counts add up, the span runs from the earliest first-seen to the latest last-seen.
 * Result is in order of first appearance.
 */
export function collapseEvents(events: readonly EventEvidence[], opts: CollapseOptions = {}): CollapsedEvent[] {
  const groups = new Map<string, { group: CollapsedEvent; latestAt: IsoTime }>();
  const sorted = [...events].sort((a, b) => msBetween(b.firstSeen, a.firstSeen));
  for (const e of sorted) {
    const objectKey = opts.acrossObjects ? e.object.kind : `${e.object.kind}/${e.object.name}`;
    const key = [objectKey, e.type, e.reason, toMessageShape(e.message, e.object.name)].join('\u0000');
    const found = groups.get(key);
    if (!found) {
      groups.set(key, {
        group: {
          objectKind: e.object.kind,
          objectNames: [e.object.name],
          type: e.type,
          reason: e.reason,
          message: e.message,
          count: Math.max(1, e.count),
          firstSeen: e.firstSeen,
          lastSeen: e.lastSeen,
        },
        latestAt: e.lastSeen,
      });
      continue;
    }
    const g = found.group;
    g.count += Math.max(1, e.count);
    g.firstSeen = earliest([g.firstSeen, e.firstSeen]) ?? g.firstSeen;
    g.lastSeen = latest([g.lastSeen, e.lastSeen]) ?? g.lastSeen;
    if (!g.objectNames.includes(e.object.name)) g.objectNames.push(e.object.name);
    if (msBetween(found.latestAt, e.lastSeen) > 0) {
      g.message = e.message;
      found.latestAt = e.lastSeen;
    }
  }
  return [...groups.values()].map((v) => v.group);
}

export interface EventLineOptions {
  /** Cut the message here (with "…"). Default 300 characters. */
  maxLength?: number;
  /** Prefix the object(s): "pod/payment-service-7c9d…" or "5 pods". Default false. */
  withObject?: boolean;
}

/** "FailedScheduling ×450 over 12m: 0/6 nodes are available: …" — one line per collapsed event. */
export function formatEventLine(e: CollapsedEvent | EventEvidence, opts: EventLineOptions = {}): string {
  const c = 'objectNames' in e ? e : collapseEvents([e])[0];
  if (c === undefined) return '';
  const maxLength = opts.maxLength ?? 300;
  const span = msBetween(c.firstSeen, c.lastSeen);
  let head = c.reason;
  if (c.count > 1) head += ` ×${c.count}`;
  if (c.count > 1 && span >= 1000) head += ` over ${formatSpan(span)}`;
  // The scheduler's "preemption: …" clause repeats that nothing can be evicted to make room: noise to a reader.
  const plain = c.reason === 'FailedScheduling' ? c.message.replace(/\.?\s*preemption:[\s\S]*$/, '.') : c.message;
  const message = clipMiddle(plain.replace(/\s+/g, ' ').trim(), maxLength);
  const line = message === '' ? head : `${head}: ${message}`;
  if (!opts.withObject) return line;
  const kind = c.objectKind.toLowerCase();
  const who = c.objectNames.length === 1 ? `${kind}/${c.objectNames[0] ?? ''}` : `${c.objectNames.length} ${kind}s`;
  return `[${who}] ${line}`;
}

/**
 * A long message cut in the middle: its head says what failed, its tail usually says why
 * (`failed to pull and unpack image "…": … no space left on device`).
 */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  // Too short to keep both ends readable: keep the head.
  if (max < 120) return truncate(text, max);
  const head = Math.floor(max * 0.4);
  return `${text.slice(0, head)} … ${text.slice(text.length - (max - head - 3))}`;
}

/**
 * The words that decide a message, strongest first: a quote cut for length keeps the one it
 * has in sight ("x509: certificate has expired", "failed calling webhook", "no space left").
 */
const DECIDING_WORDS = [
  /x509|certificate|\bTLS\b|handshake/i,
  /webhook|admission/i,
  /no space left|disk full|quota|out of memory/i,
  /\bOOM/,
  /no endpoints available|connection refused|no such host|could not resolve|not found|does not exist|permission denied|forbidden|unauthori[sz]ed/i,
  /\b\w+(Exception|Error)\b|panic|FATAL/,
  /timed? ?out|deadline exceeded/i,
];

/**
 * A long message cut to `max` around what decides it: its head (what failed), then the stretch
 * around the strongest deciding word; the middle cut of `clipMiddle` when it has none.
 */
export function clipAround(text: string, max: number): string {
  if (text.length <= max) return text;
  const hit = DECIDING_WORDS.map((re) => re.exec(text)).find((m) => m !== null);
  if (!hit || max < 120) return clipMiddle(text, max);
  const colon = text.indexOf(': ');
  const headLen = colon > 0 && colon < 50 ? colon + 1 : 40;
  // The word already shows in a clip of the head and tail.
  const tailStart = text.length - (max - Math.floor(max * 0.4) - 3);
  if (hit.index < Math.floor(max * 0.4) || hit.index >= tailStart) return clipMiddle(text, max);
  const window = max - headLen - 4;
  // What decides follows the word ("x509: cannot validate … IP SANs"): most of the window goes after it.
  let start = Math.max(headLen, hit.index - Math.floor(window * 0.15));
  if (start + window > text.length) start = text.length - window;
  const end = start + window;
  return `${text.slice(0, headLen)} … ${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

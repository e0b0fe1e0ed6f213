/**
 * A client's own command over a whole keyspace of a single-threaded key-value server (Redis,
 * Valkey, KeyDB): `KEYS <pattern>` walks every key of the database in one command, FLUSHALL or
 * FLUSHDB without ASYNC frees them all, SMEMBERS / HGETALL / LRANGE 0 -1 of a collection of millions
 * returns it whole. The server runs one command at a time, so while such a command runs every other
 * command of every client waits, and their reads pass their socket timeout ("i/o timeout",
 * "Timeout reading from …") while the server stays Running and Ready. A periodic job of the client
 * (a sweeper, a cleanup, a cache invalidation) logs it: the pattern it matches, how many keys it
 * got back, how long the command took. Seconds each time, the clients' timeouts inside those
 * seconds: the job is the mechanism, the release that brought it the trigger, and the fix is SCAN
 * with a COUNT in small batches (or a TTL on the keys) instead. Pure: reads log lines only.
 */
import type { IsoTime } from './evidence-spec.js';
import { readLogLineTime } from './log-line-time.js';
import { msBetween } from './time-span.js';

/** Commands that cost O(N) of the keyspace or of one collection, run whole on the server's one thread. */
const BLOCKING_COMMANDS = ['KEYS', 'FLUSHALL', 'FLUSHDB', 'SMEMBERS', 'HGETALL', 'SUNION', 'SINTER', 'SDIFF'] as const;
/** Commands that walk the keyspace in small steps: a pass of them is long, yet never holds the server. */
const INCREMENTAL = /\b(?:SCAN|SSCAN|HSCAN|ZSCAN)\b|"?\b(?:scan|sscan|hscan|zscan)_(?:ms|millis|took|seconds|s)\b/i;

/** The command named in a line: upper case as a command is written (`KEYS user:*`, `FLUSHALL`), not the word "keys". */
const NAMED_COMMAND = /\b(KEYS|FLUSHALL|FLUSHDB|SMEMBERS|HGETALL|SUNION|SINTER|SDIFF)\b(?!\s+ASYNC)(?:\s+["'`]?([^\s"'`,;)]+))?/;
/** A duration field named after the command it timed: `keys_ms`, `keysMs`, `flushall_took`. */
const COMMAND_DURATION = /["']?\b(keys|flushall|flushdb|smembers|hgetall|sunion|sinter|sdiff)_?(ms|millis|took|duration|seconds|secs|s)\b["']?\s*[:=]\s*"?(\d+(?:\.\d+)?)(ms|s)?"?/i;
/** A glob the job matches keys by: `"pattern":"user:*"`, `match=cache:*`. */
const PATTERN_FIELD = /["']?\b(?:pattern|match|glob|key_?pattern|keys_?pattern|prefix)["']?\s*[:=]\s*["']?([^\s"',}]*\*[^\s"',}]*)/i;
/** How many keys it got back: `"matched":5200000`, `keys=3200000`, `returned 3,200,000 keys`. */
const KEY_COUNT_FIELD = /["']?\b(?:matched|keys|key_count|keys_found|found|total_keys|keys_total|returned)["']?\s*[:=]\s*"?(\d[\d_,]*)"?(?![\d.])/i;
const KEY_COUNT_PROSE = /\b(\d[\d,_]*)\s+keys\b/i;
/** A duration of its own on the job's line: `"took":"4.8s"`, `elapsed_ms=4800`, `in 4800ms`. */
const ANY_DURATION = /["']?\b(?:took|elapsed|duration)(?:_?(ms|s|seconds))?["']?\s*[:=]\s*"?(\d+(?:\.\d+)?)(ms|s)?"?|\bin (\d+(?:\.\d+)?)\s?(ms|s)\b/i;
/** The job's message: JSON `msg`/`message`, logfmt `msg="…"`. */
const MESSAGE = /["']?\b(?:msg|message)["']?\s*[:=]\s*"([^"]{3,80})"/;

/** A command that runs this long holds every other client's command at least as long: clients' read timeouts are well under it. */
export const BLOCKING_MS = 1000;
/** Keys a KEYS walks before it takes longer than a client's read timeout (a few million a second). */
export const HUGE_KEYS = 2_000_000;
/** How long after a job's start line its result still belongs to that run. */
const PAIR_MS = 10 * 60_000;
/** Slack around a run's window for the clocks of two lines. */
const WINDOW_SLACK_MS = 2000;

export interface KeyspaceWalk {
  pod: string;
  /** The blocking command it ran, when a line names it or times it by name. */
  command?: (typeof BLOCKING_COMMANDS)[number];
  pattern?: string;
  keys?: number;
  /** How long the command (or, without one, the run) took. */
  ms?: number;
  /** The job's own words at the run's start (or on its result line). */
  message?: string;
  /** The run's start (its start line, or its end less its duration) and its end. */
  from?: IsoTime;
  to?: IsoTime;
  line: string;
}

function readNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s.replace(/[_,]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function toMs(value: string | undefined, unit: string | undefined, suffix: string | undefined): number | undefined {
  const n = readNumber(value);
  if (n === undefined) return undefined;
  const u = (suffix ?? unit ?? 'ms').toLowerCase();
  return /^(s|seconds|secs)$/.test(u) ? n * 1000 : n;
}

function asCommand(word: string | undefined): KeyspaceWalk['command'] {
  const upper = (word ?? '').toUpperCase();
  return (BLOCKING_COMMANDS as readonly string[]).includes(upper) ? (upper as KeyspaceWalk['command']) : undefined;
}

interface LineRead {
  command?: KeyspaceWalk['command'];
  pattern?: string;
  keys?: number;
  ms?: number;
  message?: string;
}

/** What one line says of a keyspace walk; undefined for lines that say none of it. */
export function readWalkLine(line: string): LineRead | undefined {
  if (INCREMENTAL.test(line)) return undefined;
  const named = NAMED_COMMAND.exec(line);
  const timed = COMMAND_DURATION.exec(line);
  const pattern = PATTERN_FIELD.exec(line)?.[1] ?? (named?.[1] === 'KEYS' && named[2]?.includes('*') ? named[2] : undefined);
  // KEYS names a pattern; a bare upper-case word elsewhere ("SMEMBERS") is a command only with its argument or its timing.
  const command = asCommand(timed?.[1]) ?? (named && (named[1] !== 'KEYS' || pattern !== undefined) && (named[2] !== undefined || /^FLUSH/.test(named[1] ?? '')) ? asCommand(named[1]) : undefined);
  const keys = readNumber(KEY_COUNT_FIELD.exec(line)?.[1] ?? KEY_COUNT_PROSE.exec(line)?.[1]);
  const any = ANY_DURATION.exec(line);
  const ms = timed ? toMs(timed[3], timed[2], timed[4]) : any ? toMs(any[2] ?? any[4], any[1], any[3] ?? any[5]) : undefined;
  if (command === undefined && pattern === undefined) {
    // A count of keys with no pattern and no command is a job's result only beside its start line.
    if (keys === undefined) return undefined;
  }
  const message = MESSAGE.exec(line)?.[1];
  return {
    ...(command ? { command } : {}),
    ...(pattern ? { pattern } : {}),
    ...(keys !== undefined ? { keys } : {}),
    ...(ms !== undefined && (command !== undefined || keys !== undefined) ? { ms } : {}),
    ...(message ? { message } : {}),
  };
}

/** A run holds the server: its command took seconds, or it walked millions of keys with KEYS. */
export function holdsServer(w: Pick<KeyspaceWalk, 'command' | 'keys' | 'ms'>): boolean {
  if (w.ms !== undefined) return w.ms >= BLOCKING_MS;
  return w.command === 'KEYS' && (w.keys ?? 0) >= HUGE_KEYS;
}

/**
 * The runs of keyspace walks in one pod's lines, in log order: a start line that names the pattern
 * (or the command) and the result line after it that counts the keys and times the command, read
 * as one run; a line that says all of it is a run by itself.
 */
export function findKeyspaceWalks(pod: string, lines: readonly string[], now: IsoTime): KeyspaceWalk[] {
  const out: KeyspaceWalk[] = [];
  let open: { read: LineRead; at?: IsoTime; line: string } | undefined;
  for (const line of lines) {
    const read = readWalkLine(line);
    if (read === undefined) continue;
    const at = readLogLineTime(line, now);
    const result = read.keys !== undefined || read.ms !== undefined;
    if (!result) {
      open = { read, ...(at ? { at } : {}), line: line.trim() };
      continue;
    }
    const paired = open !== undefined && (open.at === undefined || at === undefined || (msBetween(open.at, at) >= 0 && msBetween(open.at, at) <= PAIR_MS)) ? open : undefined;
    const command = read.command ?? paired?.read.command;
    const pattern = read.pattern ?? paired?.read.pattern;
    if (command === undefined && pattern === undefined) continue;
    const message = paired?.read.message ?? read.message;
    const to = at;
    const from = paired?.at ?? (to !== undefined && read.ms !== undefined ? new Date(Date.parse(to) - read.ms).toISOString() : undefined);
    out.push({
      pod,
      ...(command ? { command } : {}),
      ...(pattern ? { pattern } : {}),
      ...(read.keys !== undefined ? { keys: read.keys } : {}),
      ...(read.ms !== undefined ? { ms: read.ms } : {}),
      ...(message ? { message } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      line: line.trim(),
    });
    open = undefined;
  }
  return out;
}

/** The run whose window holds the time, if any (a couple of seconds of slack either side). */
export function isDuringWalk(time: IsoTime | undefined, walks: readonly KeyspaceWalk[]): boolean {
  if (time === undefined) return false;
  const t = Date.parse(time);
  return walks.some((w) => {
    if (w.from === undefined || w.to === undefined) return false;
    return t >= Date.parse(w.from) - WINDOW_SLACK_MS && t <= Date.parse(w.to) + WINDOW_SLACK_MS;
  });
}

/** The typical time between one pod's runs (the median gap), when it ran at least twice. */
export function readWalkInterval(walks: readonly KeyspaceWalk[]): number | undefined {
  const gaps: number[] = [];
  const byPod = new Map<string, number[]>();
  for (const w of walks) {
    const t = w.to ?? w.from;
    if (t !== undefined) byPod.set(w.pod, [...(byPod.get(w.pod) ?? []), Date.parse(t)]);
  }
  for (const times of byPod.values()) {
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) gaps.push((sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  }
  if (gaps.length === 0) return undefined;
  const sorted = gaps.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** "41.9 million", "3,200,000" below a million. */
export function formatKeyCount(n: number): string {
  if (n >= 1_000_000_000) return `${(n / 1_000_000_000).toFixed(1).replace(/\.0$/, '')} billion`;
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')} million`;
  return n.toLocaleString('en-US');
}

/** Fields of a JSON record that say where and when, not what the job did. */
const FRAME_FIELDS = new Set(['level', 'lvl', 'severity', 'ts', 'time', 'timestamp', '@timestamp', 'caller', 'logger', 'source', 'thread', 'pid', 'hostname']);

/** The run's line as quoted evidence: a JSON record as its message and its own fields (`sweep done matched=… keys_ms=…`), any other line as it is. */
export function quoteWalkLine(line: string): string {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    const record = JSON.parse(trimmed) as Record<string, unknown>;
    const message = typeof record['msg'] === 'string' ? record['msg'] : typeof record['message'] === 'string' ? record['message'] : '';
    const fields = Object.entries(record).filter(([k, v]) => !FRAME_FIELDS.has(k) && k !== 'msg' && k !== 'message' && (typeof v === 'number' || typeof v === 'string'));
    return [message, ...fields.map(([k, v]) => `${k}=${String(v)}`)].filter((x) => x !== '').join(' ');
  } catch {
    return trimmed;
  }
}

/**
 * The workload's own rate limiter refusing its callers (inbound throttling): the service answers
 * 429 itself — its limiter's line names the caller it refuses (a client id, a key, a tenant, a
 * stream) and the limit it enforces, its request log shows the 429 it served. That is the service
 * enforcing a limit, normal while it refuses one noisy caller; it is the fault when it refuses
 * many callers or more requests than it serves, usually because the limit was lowered: a config
 * file it reloads (a mounted ConfigMap, refreshed in place) now holds a smaller value. The limiter
 * often logs the reload with the values before and after. Not an outside API's budget: nothing it
 * calls refuses it.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { isOwnRateLimitAnswer } from './own-rate-limit-answers.js';
import { MIN_RATE_LIMITED, RATE_LIMITED } from './rate-limited-calls.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';
import { isInTriggerWindow } from './trigger-window.js';

const METHOD = '(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)';
/** A request it served, with the status it answered: an access-log line, or Go request middleware's `msg="POST /api/v1/push (429) 2.1ms"`. */
const SERVED_STATUS = [
  new RegExp(`"${METHOD} \\/\\S* HTTP\\/[\\d.]+"\\s+(\\d{3})\\b`),
  new RegExp(`\\b${METHOD} \\/\\S* \\((\\d{3})\\) [\\d.]+(?:ns|µs|us|ms|s)\\b`),
];
/** A request log's fields: its own path and the status it answered. */
const PATH_FIELD = /(?:^|[\s{,])"?(?:path|uri|route|request[_-]?uri)"?\s*[=:]\s*"?\//i;
const STATUS_FIELD = /(?:^|[\s{,])"?status(?:[_-]?code)?"?\s*[=:]\s*"?(\d{3})\b/i;

/** Who the limiter refuses, by how it names them; a stream's labels first (a log or metrics store limits per stream). */
const CALLERS: [kind: string, re: RegExp][] = [
  ['stream', /\bfor stream:?\s*'?(\{[^}]*\})/],
  ['client', /(?:^|[\s{,])"?client[_-]?id"?\s*[=:]\s*"?([^\s",}]+)/i],
  ['key', /(?:^|[\s{,])"?(?:api[_-]?)?key"?\s*[=:]\s*"?([^\s",}]+)/i],
  ['consumer', /(?:^|[\s{,])"?consumer(?:[_-]?id)?"?\s*[=:]\s*"?([^\s",}]+)/i],
  ['tenant', /(?:^|[\s{,])"?(?:tenant(?:[_-]?id)?|org[_-]?id|orgID)"?\s*[=:]\s*"?([^\s",}]+)/i],
  ['user', /(?:^|[\s{,])"?user(?:[_-]?id)?"?\s*[=:]\s*"?([^\s",}]+)/i],
  ['address', /(?:^|[\s{,])"?(?:client[_-]?ip|remote[_-]?(?:addr|ip)|ip)"?\s*[=:]\s*"?([^\s",}]+)/i],
];

/** The limit the refusal states: "(limit: 1MB/sec)", `"limit_rps":25`, `limit=50/s`. */
const LIMITS: [re: RegExp, say: (m: RegExpExecArray) => string][] = [
  [/\(limit:\s*([^)]+)\)/i, (m) => (m[1] ?? '').trim()],
  [/(?:^|[\s{,])"?limit[_-](rps|qps|rpm|rph)"?\s*[=:]\s*"?([\d.]+)/i, (m) => `${m[2] ?? ''} ${(m[1] ?? '').toLowerCase()}`],
  [/(?:^|[\s{,])"?(?:rate[_-]?)?limit"?\s*[=:]\s*"?(\d[\w.]*(?:\/\w+)?)/i, (m) => m[1] ?? ''],
];
const BURST = /(?:^|[\s{,])"?burst"?\s*[=:]\s*"?(\d[\w.]*)/i;

/** The limiter (or the config watcher) saying it took new settings. */
const RELOAD = /\breconfigured\b|\breload(?:ed|ing)?\b|\bconfig(?:uration)?(?: file)? (?:changed|updated)\b|\b(?:limits?|overrides?) (?:changed|updated)\b/i;
/** A field holding a limiter setting: its name speaks of a rate, a limit or a burst. */
const SETTING_FIELD = /(?:^|[\s{,])"?([A-Za-z][\w.-]*(?:rps|qps|rpm|rate|limit|burst)[\w.-]*)"?\s*[=:]\s*"?([\d.]+[A-Za-z/]*)/gi;
/** The same setting's value before, as the reload line gives it: `previous_max_rps=500`, `old_burst: 40`. */
const PREVIOUS_PREFIX = /^(?:previous|prev|old)[_-]/i;

export interface LimitChange {
  setting: string;
  was: string;
  now: string;
}

export interface OwnLimiterRefusals {
  /** The refusal lines (the limiter's and the 429s it served), by pod. */
  hits: { pod: string; container: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** What the callers it refuses are: clients, streams, tenants… */
  callerKind?: string;
  callers: string[];
  /** Requests it answered 2xx or 3xx in the same tails. */
  served: number;
  /** The limit as the refusals state it: "25 rps (burst 50)", "1MB/sec". */
  limit?: string;
  /** The limiter's newest line that states the limit: what decides it. */
  decisive: string;
  first?: IsoTime;
  /** The reload just before the refusals, as the pods logged it, and what it changed. */
  reload?: { pod: string; line: string; at?: IsoTime; change?: LimitChange };
}

/** Distinct refused callers from which the limiter refuses traffic at large, not one noisy caller. */
const MIN_CALLERS = 3;

function servedStatus(line: string): number | undefined {
  for (const re of SERVED_STATUS) {
    const m = re.exec(line);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  if (!PATH_FIELD.test(line)) return undefined;
  const s = STATUS_FIELD.exec(line)?.[1];
  return s === undefined ? undefined : Number(s);
}

/** A limiter's own words besides a 429's: a request throttled, a caller over its limit. */
const THROTTLED = /\bthrottled\b|\bover (?:the |its )?(?:rate )?limit\b/i;

/** A line of its own limiter refusing a caller, stating its words for "over the limit". */
function isLimiterRefusal(line: string): boolean {
  return (RATE_LIMITED.test(line) || THROTTLED.test(line)) && isOwnRateLimitAnswer(line);
}

function callerOf(line: string): { kind: string; id: string } | undefined {
  for (const [kind, re] of CALLERS) {
    const id = re.exec(line)?.[1];
    if (id !== undefined && id !== '') return { kind, id };
  }
  return undefined;
}

function limitOf(line: string): string | undefined {
  for (const [re, say] of LIMITS) {
    const m = re.exec(line);
    if (m === null) continue;
    const burst = BURST.exec(line)?.[1];
    return `${say(m)}${burst !== undefined ? ` (burst ${burst})` : ''}`;
  }
  return undefined;
}

function settingsOf(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of line.matchAll(SETTING_FIELD)) if (m[1] !== undefined && m[2] !== undefined && !out.has(m[1])) out.set(m[1], m[2]);
  return out;
}

/**
 * What the reload changed: a setting it gives with its previous value, else one an earlier line
 * of the same pod gave another value (the limiter's settings logged at start). The setting whose
 * new value is the limit the refusals state comes first.
 */
function readChange(lines: readonly string[], index: number, limit: string | undefined): LimitChange | undefined {
  const now = settingsOf(lines[index] ?? '');
  const changes: LimitChange[] = [];
  for (const [name, was] of now) {
    if (!PREVIOUS_PREFIX.test(name)) continue;
    const setting = name.replace(PREVIOUS_PREFIX, '');
    const value = now.get(setting);
    if (value !== undefined && value !== was) changes.push({ setting, was, now: value });
  }
  if (changes.length === 0) {
    for (const [setting, value] of now) {
      if (PREVIOUS_PREFIX.test(setting)) continue;
      for (let i = index - 1; i >= 0; i--) {
        const was = settingsOf(lines[i] ?? '').get(setting);
        if (was === undefined) continue;
        if (was !== value) changes.push({ setting, was, now: value });
        break;
      }
    }
  }
  const stated = limit?.split(/[\s(]/)[0];
  return changes.find((c) => c.now === stated) ?? changes[0];
}

/** The newest reload line of the refusing pods in the trigger window before the first refusal, with what it changed. */
function findReload(logs: readonly LogEvidence[], first: IsoTime | undefined, limit: string | undefined): OwnLimiterRefusals['reload'] {
  let best: OwnLimiterRefusals['reload'];
  for (const l of logs) {
    l.lines.forEach((raw, i) => {
      if (!RELOAD.test(raw)) return;
      const at = readLineTime(raw);
      // A reload long before the refusals (the settings it started with) changed nothing they meet.
      if (first !== undefined && at !== undefined && !isInTriggerWindow(at, first)) return;
      const change = readChange(l.lines, i, limit);
      const limiterWords = change !== undefined || /rate|limit/i.test(raw);
      if (!limiterWords) return;
      // A line that says what changed outweighs one that only says it reloaded.
      const better = best === undefined || (change !== undefined && best.change === undefined) || ((change !== undefined) === (best.change !== undefined) && (at ?? '') >= (best.at ?? ''));
      if (better) best = { pod: l.pod, line: raw.trim(), ...(at ? { at } : {}), ...(change ? { change } : {}) };
    });
  }
  return best;
}

/**
 * Whether the limiter refuses traffic at large: when it names whom it refuses, several callers and
 * at least half of all it logs (those it served too); when it names none, more requests refused than
 * served. One caller flooding it and refused is the limiter doing its job, however many lines it logs.
 */
function isWidespread(tails: readonly LogEvidence[], kind: string | undefined, refused: readonly string[], refusedRequests: number, served: number): boolean {
  if (kind === undefined) return refusedRequests > served;
  if (refused.length < MIN_CALLERS) return false;
  const servedCallers = tails.flatMap((l) => l.lines.flatMap((x) => {
    const status = servedStatus(x);
    const c = status !== undefined && status < 400 ? callerOf(x) : undefined;
    return c?.kind === kind ? [c.id] : [];
  }));
  return refused.length * 2 >= new Set([...refused, ...servedCallers]).size;
}

/**
 * The refusals of its own limiter in the current logs, when they are many and reach traffic at
 * large: several callers refused, or more requests refused than served. Undefined otherwise.
 */
export function findOwnLimiterRefusals(logs: readonly LogEvidence[]): OwnLimiterRefusals | undefined {
  const current = logs.filter((l) => !l.previous);
  const hits: OwnLimiterRefusals['hits'] = [];
  const limiterLines: string[] = [];
  for (const l of current) {
    for (const raw of l.lines) {
      const line = raw.trim();
      const limiter = isLimiterRefusal(line);
      if (!limiter && servedStatus(line) !== 429) continue;
      if (limiter) limiterLines.push(line);
      const at = readLineTime(line);
      hits.push({ pod: l.pod, container: l.container, line, ...(at ? { at } : {}) });
    }
  }
  if (hits.length < MIN_RATE_LIMITED) return undefined;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const tails = current.filter((l) => pods.includes(l.pod));
  const served = tails.reduce((n, l) => n + l.lines.filter((x) => { const s = servedStatus(x); return s !== undefined && s >= 200 && s < 400; }).length, 0);
  // The limiter's own lines name whom it refuses; the 429s it served, when it logs nothing else.
  const named = (limiterLines.length > 0 ? limiterLines : hits.map((h) => h.line)).flatMap((x) => callerOf(x) ?? []);
  const kinds = new Map<string, number>();
  for (const c of named) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const callerKind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const callers = [...new Set(named.filter((c) => c.kind === callerKind).map((c) => c.id))];
  if (!isWidespread(tails, callerKind, callers, hits.length - limiterLines.length || limiterLines.length, served)) return undefined;
  const stating = [...limiterLines].reverse().find((x) => limitOf(x) !== undefined);
  const limit = stating === undefined ? undefined : limitOf(stating);
  const first = earliest(hits.map((h) => h.at));
  const reload = findReload(tails, first, limit);
  return {
    hits,
    pods,
    ...(callerKind ? { callerKind } : {}),
    callers,
    served,
    ...(limit ? { limit } : {}),
    decisive: stating ?? limiterLines.at(-1) ?? hits.at(-1)?.line ?? '',
    ...(first ? { first } : {}),
    ...(reload ? { reload } : {}),
  };
}

/**
 * Lookups that take the resolver's timeout: an app that logs how long the DNS phase of its calls
 * took ("phases":{"dns":5003}, dns_ms=5003, "dns_p99_ms":5004, "DNS lookup took 5.01s") shows
 * most lookups in a few ms and some in exactly 5 s (or 10 s, 15 s) — glibc's and musl's resolver
 * timeout, after which they send the query again. A resolver that answers late would spread the
 * durations; a cluster at exactly the timeout means a reply was lost and the client waited it out.
 * In Kubernetes the usual loss is the A and AAAA queries sent in parallel from one UDP socket that
 * race in the node's conntrack (the kube-proxy DNAT insert race): one reply is dropped.
 */
import type { LogEvidence, PodEvidence, ResolverPeerEvidence, TriageEvidence } from './evidence.js';
import { findPod } from './evidence-lookup.js';
import { parseDependencyError } from './dependency-error-line.js';
import { unique } from './pod-status.js';

/** resolv.conf's default `timeout:` (seconds), glibc's and musl's alike. */
const RESOLVER_TIMEOUT_S = 5;
/** A lookup that waited the timeout out ends a little after it; a slow answer rarely lands there. */
const STALL_SLACK_MS = 300;
/** Lookups typical of a healthy resolver: the p50 or most samples stay below this. */
const FAST_MS = 500;
/** Stalled readings (samples, p99 or max figures) before it counts: one slow lookup is not a pattern. */
const MIN_STALLS = 3;
/** Options that stop the A/AAAA race: one query at a time, a new socket for the second, or TCP. */
const RACE_OPTIONS = ['single-request', 'single-request-reopen', 'use-vc'];

/**
 * A field or phrase naming the DNS phase and its duration: `"dns":5003`, `dns_ms=5003`,
 * `"lookup_ms": 5003`, `dns=5.003s`, `time_namelookup: 5.004`, `"dns_p99_ms":5004`.
 */
const DURATION_FIELD = /(?<![\w-])"?(?<key>[\w.]*(?:dns|lookup|resolv)[\w.]*)"?\s*[:=]\s*"?(?<num>\d+(?:\.\d+)?)\s*(?<unit>ms|s|us|µs)?(?![\w.])/gi;
/** "DNS lookup took 5.01s", "dns phase 5003 ms", "resolved host in 5003ms". */
const DURATION_PHRASE = /\b(?:dns|lookup|resolv\w*)\b[^"\n{}]{0,24}?\b(?:took|in|phase|after)\s+(?<num>\d+(?:\.\d+)?)\s*(?<unit>ms|s)\b/gi;
/** Keys that hold a count, a limit or a setting rather than how long one lookup took. */
const NOT_A_DURATION = /count|fail|error|timeout|attempt|retr|quer|lookups|hit|miss|cache|ttl|size|byte|server|port|host|name(?!lookup)|total|rate|avg|mean/i;

export interface LookupDuration {
  ms: number;
  /** A p50/median figure, a tail figure (p9x, max), or one lookup. */
  kind: 'typical' | 'tail' | 'sample';
  /** The field or phrase as logged: `"dns":5003`. */
  text: string;
}

/** The DNS-phase durations one log line reports. Epoch timestamps (got's timings.lookup) are not durations. */
export function readLookupDurations(line: string): LookupDuration[] {
  const out: LookupDuration[] = [];
  for (const m of line.matchAll(DURATION_FIELD)) {
    const key = m.groups?.['key'] ?? '';
    if (NOT_A_DURATION.test(key)) continue;
    const ms = toMs(m.groups?.['num'] ?? '', m.groups?.['unit'] ?? unitOfKey(key));
    if (ms !== undefined) out.push({ ms, kind: /p50|median/i.test(key) ? 'typical' : /p9\d|max/i.test(key) ? 'tail' : 'sample', text: m[0].trim() });
  }
  if (out.length === 0) {
    for (const m of line.matchAll(DURATION_PHRASE)) {
      const ms = toMs(m.groups?.['num'] ?? '', m.groups?.['unit'] ?? 'ms');
      if (ms !== undefined) out.push({ ms, kind: 'sample', text: m[0].trim() });
    }
  }
  return out;
}

function unitOfKey(key: string): string {
  if (/(?:_|\b|[a-z])(?:ms|Ms|millis)$/.test(key)) return 'ms';
  if (/(?:_s|_sec|_secs|_seconds|Seconds|namelookup)$/i.test(key)) return 's';
  return '';
}

function toMs(num: string, unit: string): number | undefined {
  const n = Number(num);
  if (!Number.isFinite(num === '' ? NaN : n)) return undefined;
  // Without a unit: a whole number is milliseconds, a decimal one seconds (curl's time_namelookup).
  const ms = unit === 's' ? n * 1000 : unit === 'us' || unit === 'µs' ? n / 1000 : unit === 'ms' ? n : num.includes('.') ? n * 1000 : n;
  // More than two minutes is a timestamp or a counter, not a lookup.
  return ms >= 0 && ms <= 120_000 ? ms : undefined;
}

export interface LookupStall {
  /** The resolver timeout the durations cluster at, in seconds (the pods' `timeout:` option, else 5). */
  timeoutS: number;
  /** Stalled readings, each within a moment after a multiple of the timeout. */
  stalled: number[];
  /** The typical lookup: the p50 the app reports, else the median of its samples. */
  typicalMs: number;
  /** Samples read in all (stalled and fast). */
  samples: number;
  /** A line that shows a stalled lookup, as logged, and its duration field (`"dns":5003`). */
  example: string;
  exampleField: string;
  pods: PodEvidence[];
  /** The pods' resolver options (spec.dnsConfig.options), and the one among them that stops the A/AAAA race. */
  options: string[];
  raceOption?: string;
  /** Calls of the same pods that timed out, and the client timeout they name when it is below the resolver's. */
  timeouts: { line: string; hosts: string[]; clientTimeout?: string };
  /** musl (Alpine) ignores single-request-reopen and use-vc; glibc honours them. */
  libc: 'glibc' | 'musl' | 'unknown';
  /** Other Deployments of the namespace whose pods already set an option that stops the race. */
  peers: ResolverPeerEvidence[];
}

/** Whether a duration sits just past a multiple (1–3) of the resolver timeout. */
function isStalled(ms: number, timeoutS: number): boolean {
  return [1, 2, 3].some((k) => ms >= k * timeoutS * 1000 - 10 && ms <= k * timeoutS * 1000 + STALL_SLACK_MS);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The pods' `timeout:` resolver option in seconds, when they set one. */
function readTimeoutOption(pods: readonly PodEvidence[]): number | undefined {
  const t = pods.flatMap((p) => p.dnsOptions ?? []).map((o) => /^timeout:(\d+)$/.exec(o)?.[1]).find((v) => v !== undefined);
  return t === undefined || Number(t) <= 0 ? undefined : Number(t);
}

interface StallTally {
  stalled: number[];
  samples: number;
  typicalMs: number;
  stalledLogs: LogEvidence[];
  example: { line: string; field: string };
}

/**
 * The lookups of these logs that waited out the resolver timeout while the typical one is fast.
 * Undefined unless at least MIN_STALLS readings sit at a multiple of the timeout and the typical
 * lookup (its p50, or the median sample) is fast: every lookup slow is another story (a dead
 * nameserver, a search-domain walk).
 */
function tallyStalls(logs: readonly LogEvidence[], timeoutS: number): StallTally | undefined {
  const stalled: number[] = [];
  const samples: number[] = [];
  const typical: number[] = [];
  const stalledLogs: LogEvidence[] = [];
  let example: { line: string; field: string } | undefined;
  for (const log of logs) {
    let mine = 0;
    for (const line of log.lines) {
      for (const d of readLookupDurations(line)) {
        if (d.kind === 'typical') typical.push(d.ms);
        if (d.kind === 'sample') samples.push(d.ms);
        if (d.kind !== 'typical' && isStalled(d.ms, timeoutS)) {
          stalled.push(d.ms);
          mine++;
          if (d.kind === 'sample' || example === undefined) example = { line: line.trim(), field: d.text };
        }
      }
    }
    if (mine > 0) stalledLogs.push(log);
  }
  if (stalled.length < MIN_STALLS || example === undefined) return undefined;
  if (typical.length === 0 && samples.length < 2 * MIN_STALLS) return undefined;
  const typicalMs = typical.length > 0 ? median(typical) : median(samples);
  return typicalMs >= FAST_MS ? undefined : { stalled, samples: samples.length, typicalMs, stalledLogs, example };
}

/** Whether the workload's lookups stall at the resolver timeout: the lead that reads the namespace's Deployments for one that already avoids it. */
export function needsResolverPeers(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): boolean {
  return tallyStalls(logs, readTimeoutOption(pods) ?? RESOLVER_TIMEOUT_S) !== undefined;
}

/** The workload's lookups that waited out the resolver timeout while its typical lookup is fast (see tallyStalls). */
export function findLookupStall(ev: TriageEvidence): LookupStall | undefined {
  const logs = ev.logs.filter((l) => findPod(ev, l.pod) !== undefined);
  const allPods = unique(logs.map((l) => l.pod)).flatMap((p) => findPod(ev, p) ?? []);
  const timeoutS = readTimeoutOption(allPods) ?? RESOLVER_TIMEOUT_S;
  const tally = tallyStalls(logs, timeoutS);
  if (tally === undefined) return undefined;
  const { stalled, typicalMs, stalledLogs, example } = tally;
  const pods = unique(stalledLogs.map((l) => l.pod)).flatMap((p) => findPod(ev, p) ?? []);
  const options = unique(pods.flatMap((p) => p.dnsOptions ?? []));
  const raceOption = options.find((o) => RACE_OPTIONS.includes(o));
  return {
    timeoutS,
    stalled,
    typicalMs,
    samples: tally.samples,
    example: example.line,
    exampleField: example.field,
    pods,
    options,
    ...(raceOption ? { raceOption } : {}),
    timeouts: findTimedOutCalls(stalledLogs, timeoutS),
    libc: readLibc(stalledLogs, pods),
    peers: (ev.resolverPeers ?? []).filter((p) => p.options.some((o) => RACE_OPTIONS.includes(o))),
  };
}

/** `"host":"api.example.com"` of a structured line: the host the call went to. */
const HOST_FIELD = /"host"\s*:\s*"([^"\s]+)"/;
/** "Timeout awaiting 'request' for 2500ms", "timeout of 2500ms exceeded", "Client.Timeout … (2.5s)". */
const CLIENT_TIMEOUT = /timeout[^\d\n"]{0,30}?(\d+(?:\.\d+)?) ?(ms|s)\b/i;

function findTimedOutCalls(logs: readonly LogEvidence[], timeoutS: number): LookupStall['timeouts'] {
  const lines = logs.flatMap((l) => l.lines.filter((line) => parseDependencyError(line)?.problem === 'timeout'));
  const hosts = unique(lines.flatMap((line) => {
    const named = parseDependencyError(line)?.dependency?.replace(/:\d+$/, '') ?? HOST_FIELD.exec(line)?.[1];
    return named === undefined ? [] : [named];
  }));
  const limit = lines.map((line) => CLIENT_TIMEOUT.exec(line)).find((m) => m !== null);
  const limitMs = limit ? Number(limit[1]) * (limit[2] === 's' ? 1000 : 1) : undefined;
  const last = lines[lines.length - 1];
  return {
    line: last?.trim() ?? '',
    hosts,
    ...(limit && limitMs !== undefined && limitMs < timeoutS * 1000 ? { clientTimeout: `${limit[1] ?? ''}${limit[2] === 's' ? ' s' : ' ms'}` } : {}),
  };
}

/** Which C library resolves: an Alpine image or a log naming musl, glibc or a glibc distribution. */
function readLibc(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): LookupStall['libc'] {
  const images = pods.flatMap((p) => p.containers.map((c) => c.image));
  const text = [...images, ...logs.flatMap((l) => l.lines.slice(0, 50))].join('\n');
  if (/\bmusl\b|\balpine\b/i.test(text)) return 'musl';
  if (/\bglibc\b|\b(?:debian|ubuntu|bookworm|bullseye|jammy|noble|ubi\d?|distroless\/(?:base|cc|java|python))\b/i.test(text)) return 'glibc';
  return 'unknown';
}

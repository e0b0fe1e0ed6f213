/**
 * Who sends the workload its requests, as its access-log lines say: the client address (a JSON or
 * key=value field, the leading address of a common-log line) and, when the line names one, the
 * caller (`"partner":"…"`, `client=…`, `tenant`). A source that arrived steadily until a moment
 * and never after, while other sources kept arriving, was cut off from the service by something in
 * front of the pods — they cannot log what never reached them.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { parseServedRequest, readLineTime } from './request-silence.js';
import { MINUTE_MS, msBetween } from './time-span.js';

/** The client address of a structured request line (`"remote_ip":"203.0.113.7"`, `client_ip=…`). */
const ADDRESS = /(?:^|[\s{,])"?(?:remote[_-]?(?:addr|ip|address)|client[_-]?(?:addr|ip|address)|src[_-]?ip|source[_-]?(?:ip|address)|peer[_-]?(?:addr|ip)|x[_-]forwarded[_-]for|ip)"?\s*[=:]\s*"?((?:\d{1,3}\.){3}\d{1,3})(?![\d.])/i;
/** The caller the line names, when it does: a word, not an object or an address. */
const CALLER = /(?:^|[\s{,])"?(partner|caller|client[_-]?name|client[_-]?id|tenant|customer|sender|integration)"?\s*[=:]\s*"?([A-Za-z][\w.-]{1,40})"?(?=[\s,}]|$)/;
/** Kubelet probes and local calls are not clients. */
const PROBE = /kube-probe|"\/(?:healthz?|readyz?|livez?)"|\/(?:healthz?|readyz?|livez?)(?:[\s"?]|$)/i;
const LOOPBACK = /^127\./;

export interface InboundRequest {
  at: IsoTime;
  address: string;
  caller?: string;
}

/** A request line with its time and client address; undefined for any other line. */
export function parseInboundRequest(line: string): InboundRequest | undefined {
  if (PROBE.test(line)) return undefined;
  const at = readLineTime(line);
  if (at === undefined) return undefined;
  const address = ADDRESS.exec(line)?.[1] ?? parseServedRequest(line)?.caller;
  if (address === undefined || LOOPBACK.test(address)) return undefined;
  const caller = CALLER.exec(line);
  return { at, address, ...(caller ? { caller: `${caller[1] ?? ''} ${caller[2] ?? ''}` } : {}) };
}

/** Dotted quads in numeric order. */
function compareAddresses(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export interface SilentSource {
  /** The caller the lines name ("partner acme"), else its one address. */
  name: string;
  /** Every client address its requests came from, in numeric order. */
  addresses: string[];
  /** Requests seen before the moment, and the last of them. */
  before: number;
  lastSeen: IsoTime;
  /** The mean gap between its requests before (over every pod: the rhythm the service saw). */
  meanGapMs: number;
}

export interface SourceSilence {
  silent: SilentSource[];
  /** Sources whose requests kept arriving after the moment, and how many requests they sent since. */
  continuing: { name: string; after: number }[];
}

/** A source is regular with this many requests before the moment. */
const MIN_BEFORE = 4;
/** The last request must come this close to the moment (or within a few of its usual gaps). */
const STEADY_MS = 15 * MINUTE_MS;
/** The silence must last this many of its usual gaps, and at least a few minutes. */
const SILENT_GAPS = 3;
const SETTLE_MS = 5 * MINUTE_MS;
/** A request stamped just after the moment was on its way before it (clocks differ a little). */
const GRACE_MS = MINUTE_MS;

/**
 * The sources that came regularly up to `since` and not after it, while the logs went on.
 * Undefined when no source went silent, or when no request at all arrived after `since` (a whole
 * silence is another reading: ingress-cutoff.ts).
 */
export function findSilentSources(logs: readonly LogEvidence[], since: IsoTime, now: IsoTime): SourceSilence | undefined {
  const bySource = new Map<string, InboundRequest[]>();
  for (const log of logs) {
    if (log.previous) continue;
    for (const line of log.lines) {
      const r = parseInboundRequest(line);
      if (r === undefined) continue;
      const key = r.caller ?? r.address;
      bySource.set(key, [...(bySource.get(key) ?? []), r]);
    }
  }
  const silent: SilentSource[] = [];
  const continuing: SourceSilence['continuing'] = [];
  for (const [name, requests] of bySource) {
    const after = requests.filter((r) => msBetween(since, r.at) > GRACE_MS).length;
    if (after > 0) {
      continuing.push({ name, after });
      continue;
    }
    const times = requests.map((r) => r.at).sort();
    const first = times[0];
    const last = times.at(-1);
    if (first === undefined || last === undefined || times.length < MIN_BEFORE) continue;
    const meanGapMs = msBetween(first, last) / (times.length - 1);
    if (msBetween(last, since) > Math.max(STEADY_MS, SILENT_GAPS * meanGapMs)) continue;
    if (msBetween(last, now) < Math.max(SETTLE_MS, SILENT_GAPS * meanGapMs)) continue;
    const addresses = [...new Set(requests.map((r) => r.address))].sort(compareAddresses);
    silent.push({ name, addresses, before: times.length, lastSeen: last, meanGapMs });
  }
  if (silent.length === 0 || continuing.length === 0) return undefined;
  return { silent, continuing: continuing.sort((a, b) => b.after - a.after) };
}

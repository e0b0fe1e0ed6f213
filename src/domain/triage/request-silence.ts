/**
 * Requests a server logged having served (access-log lines), before and after a moment: a
 * workload whose pods stay Ready and keep logging their own work (a refresh loop) but serve no
 * request at all after a change, having served them steadily before, is cut off from its callers.
 * Kubelet probes are not requests from callers (they pass a NetworkPolicy by design).
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { msBetween } from './time-span.js';

/** "GET /v1/x HTTP/1.1" 200 (common log format, uvicorn, gunicorn, nginx, envoy). */
const ACCESS = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/[\d.]+"\s+(\d{3})\b/;
const PROBE = /kube-probe|\/(healthz?|readyz?|livez?|ready|live|ping|status)(\/|\?|"|\s|$)/i;
const IPV4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/;
/** ISO 8601 or "2026-11-21 02:31:07,123": the line's own time, UTC when it gives no zone. */
const STAMP = /\b(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?/;
/** pino's `"time":1795000000000`: epoch milliseconds in a JSON field (13 digits, so no count or id passes for it). */
const EPOCH_MS = /"(?:time|ts|timestamp)"\s*:\s*(\d{13})\b/;
/** "[21/Nov/2026:02:31:07 +0000]" (common log format). */
const CLF = /\[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})\]/;
/** ClickHouse's server log: "2026.11.21 03:12:41.123456 [ 47 ] {…} <Error> …" (the server's time zone, UTC in its images). */
const DOTTED = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)? \[ ?\d+ ?\]/;
/** Go's standard logger (log.LstdFlags): "2026/11/21 02:31:07 …" at the line's start, in UTC as containers run. */
const GO_STD = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)?\s/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function readLineTime(line: string): IsoTime | undefined {
  const c = CLF.exec(line);
  if (c) {
    const month = MONTHS.indexOf(c[2] ?? '') + 1;
    const zone = (c[5] ?? '+0000').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const t = Date.parse(`${c[3] ?? ''}-${String(month).padStart(2, '0')}-${c[1] ?? ''}T${c[4] ?? ''}${zone}`);
    if (month > 0 && !Number.isNaN(t)) return new Date(t).toISOString();
  }
  const d = DOTTED.exec(line.trim());
  if (d) {
    const t = Date.parse(`${d[1] ?? ''}-${d[2] ?? ''}-${d[3] ?? ''}T${d[4] ?? ''}Z`);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  const g = GO_STD.exec(line.trim());
  if (g) {
    const t = Date.parse(`${g[1] ?? ''}-${g[2] ?? ''}-${g[3] ?? ''}T${g[4] ?? ''}Z`);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  const m = STAMP.exec(line);
  if (!m) {
    const e = EPOCH_MS.exec(line);
    return e ? new Date(Number(e[1])).toISOString() : undefined;
  }
  const t = Date.parse(`${m[1] ?? ''}T${m[2] ?? ''}${m[3] ?? 'Z'}`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** A request served to a caller, with its time and the caller's address when the line gives them. */
export function parseServedRequest(line: string): { at?: IsoTime; caller?: string } | undefined {
  const m = ACCESS.exec(line);
  if (!m || PROBE.test(line)) return undefined;
  const at = readLineTime(line);
  const caller = IPV4.exec(line.slice(0, m.index))?.[1];
  return { ...(at ? { at } : {}), ...(caller ? { caller } : {}) };
}

export interface RequestSilence {
  /** Requests served before the moment, and the last of them. */
  before: number;
  lastRequest: IsoTime;
  /** The callers of the requests before, most recent first. */
  callers: string[];
  /** Lines the same logs wrote after the moment (the process lived on). */
  linesAfter: number;
  /** The mean gap between one pod's requests before (the widest of the pods): a silence must be much longer to mean anything. */
  meanGapMs: number;
}

/**
 * Served requests before `since` and none after it, while the same logs kept writing after it.
 * Undefined when requests went on, when there were none to stop, or when the logs went quiet too.
 */
export function findRequestSilence(logs: readonly LogEvidence[], since: IsoTime): RequestSilence | undefined {
  let before = 0;
  let after = 0;
  let linesAfter = 0;
  let lastRequest: IsoTime | undefined;
  let meanGapMs = 0;
  const callers: string[] = [];
  for (const log of logs) {
    if (log.previous) continue;
    // Each pod's own rhythm: the same callers spread over several pods look more frequent than they are.
    const times: IsoTime[] = [];
    for (const line of log.lines) {
      const at = readLineTime(line);
      if (at === undefined) continue;
      const later = msBetween(since, at) > 0;
      const served = parseServedRequest(line);
      if (later) linesAfter++;
      if (served === undefined) continue;
      if (later) after++;
      else {
        before++;
        if (lastRequest === undefined || at > lastRequest) lastRequest = at;
        times.push(at);
        if (served.caller !== undefined) callers.unshift(served.caller);
      }
    }
    const sorted = times.sort();
    if (sorted.length >= 2) meanGapMs = Math.max(meanGapMs, msBetween(sorted[0] ?? '', sorted[sorted.length - 1] ?? '') / (sorted.length - 1));
  }
  if (after > 0 || before < 2 || lastRequest === undefined || linesAfter === 0) return undefined;
  return { before, lastRequest, callers: [...new Set(callers)], linesAfter, meanGapMs };
}

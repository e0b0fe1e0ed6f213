/**
 * Envoy refusing requests at its own circuit breaker: when a cluster's pending requests, active
 * requests or connections reach the thresholds its circuit_breakers set (max_pending_requests,
 * max_requests, max_connections), Envoy answers 503 at once without sending anything upstream —
 * the access log's response flag UO (upstream overflow, no upstream host) and the body "upstream
 * connect error or disconnect/reset before headers. reset reason: overflow". Again and again in a
 * sidecar in front of the app, it is thresholds below the concurrency the pods serve: callers get
 * 503 while the app behind the proxy is healthy and never sees the request. The thresholds live
 * in the proxy's config file, usually a mounted ConfigMap.
 */
import type { IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import type { CircuitBreakerThreshold } from './evidence-circuit-breakers.js';
import { readLogLineTime } from './log-line-time.js';
import { type MountedConfigRead, pickMountedConfigReads } from './mounted-config-reads.js';

/** Envoy's default access-log format: `[…] "POST /v2/quotes HTTP/1.1" 503 UO 0 91 0 - …` — the status, then the response flags. */
const TEXT_ACCESS = /"[A-Z]+ \S+ (?:HTTP\/[\d.]+|-)" (\d{3}) ([A-Z]{2,4}(?:,[A-Z]{2,4})*|-) /;
/** A JSON access log: `"response_code":503, … "response_flags":"UO"`. */
const JSON_CODE = /"response_code"\s*:\s*"?(\d{3})\b/;
const JSON_FLAGS = /"response_flags"\s*:\s*"([A-Z,-]*)"/;
/** The body Envoy answers when the breaker trips before the request is sent. */
const OVERFLOW_BODY = /reset reason: overflow\b/;
/** An Envoy container, by name or image: plain Envoy, or a mesh's (istio-proxy). */
const ENVOY_CONTAINER = /envoy|istio-proxy|proxyv2/i;
/** A mesh sidecar's call out to a dependency: its breaker guards that dependency, not the app behind it. */
const OUTBOUND = /\boutbound\|/;
/** Refusals it takes to call it thresholds the traffic keeps meeting, not one burst. */
export const MIN_OVERFLOWS = 3;
/** The thresholds that decide what Envoy lets through to a cluster; the only settings read from its config file. */
export const CIRCUIT_BREAKER_SETTINGS = ['max_connections', 'max_pending_requests', 'max_requests', 'max_retries'] as const;
/** What Envoy allows when a cluster sets no circuit breakers. */
export const ENVOY_DEFAULT_THRESHOLD = 1024;

export interface Overflow {
  pod: string;
  container: string;
  line: string;
  at?: IsoTime;
}

export interface Overflows {
  /** The container that refuses (the proxy), of the first refusal. */
  container: string;
  hits: Overflow[];
  pods: string[];
  /** Access-log lines of the refusing containers: every request they answered. */
  requests: number;
}

/** An access-log line's status and response flags (text or JSON format); undefined for other lines. */
export function readAccessLine(line: string): { status: string; flags: string[] } | undefined {
  const text = TEXT_ACCESS.exec(line);
  if (text !== null) return { status: text[1] ?? '', flags: (text[2] ?? '').split(',') };
  const code = JSON_CODE.exec(line)?.[1];
  return code === undefined ? undefined : { status: code, flags: (JSON_FLAGS.exec(line)?.[1] ?? '').split(',') };
}

/** Whether a line records a request Envoy refused at a circuit breaker: 503 flagged UO, or its "reset reason: overflow" body. */
export function isOverflowLine(line: string): boolean {
  const access = readAccessLine(line);
  return (access !== undefined && access.status === '503' && access.flags.includes('UO')) || OVERFLOW_BODY.test(line);
}

/** The workload's current logs where Envoy refuses requests at a circuit breaker again and again (MIN_OVERFLOWS); else undefined. */
export function findOverflows(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): Overflows | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: Overflow[] = [];
  let requests = 0;
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    // The app logging a 503 overflow it got is a client of some Envoy; only Envoy's own log says it refused.
    const c = pods.find((p) => p.name === log.pod)?.containers.find((x) => x.name === log.container);
    if (c === undefined || !(ENVOY_CONTAINER.test(c.name) || ENVOY_CONTAINER.test(c.image))) continue;
    const found = log.lines.filter((l) => isOverflowLine(l) && !OUTBOUND.test(l));
    if (found.length === 0) continue;
    requests += log.lines.filter((l) => readAccessLine(l) !== undefined).length;
    for (const line of found) {
      const at = readLogLineTime(line, now);
      hits.push({ pod: log.pod, container: log.container, line: line.trim(), ...(at !== undefined ? { at } : {}) });
    }
  }
  if (hits.length < MIN_OVERFLOWS) return undefined;
  return { container: hits[0]?.container ?? '', hits, pods: [...new Set(hits.map((h) => h.pod))], requests };
}

/** Where Envoy refuses at its breakers again and again: the ConfigMap its container mounts, and the one the revision before mounted there. */
export function pickCircuitBreakerReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[]; collectedAt: IsoTime }): MountedConfigRead[] {
  const found = findOverflows(ev.logs, ev.pods, ev.collectedAt);
  if (found === undefined) return [];
  return pickMountedConfigReads(ev.pods, ev.revisions, found.hits[0]?.pod, found.container);
}

const THRESHOLD = new RegExp(`"?\\b(${CIRCUIT_BREAKER_SETTINGS.join('|')})"?\\s*:\\s*"?(\\d+)`, 'g');
const NAME_KEY = /^"?name"?\s*:\s*"?([\w.:|-]+)"?/;

/** Leading spaces plus a list item's dash: where the line's key stands. */
function keyIndent(line: string): number {
  return /^(\s*(?:-\s+)?)/.exec(line)?.[1]?.length ?? 0;
}

/** The cluster a YAML circuit_breakers key at line `at` belongs to: the `name` of the same mapping. */
function clusterAbove(lines: readonly string[], at: number, indent: number): string | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const k = keyIndent(line);
    if (k < indent) return undefined;
    if (k > indent) continue;
    const name = NAME_KEY.exec(line.slice(k))?.[1];
    if (name !== undefined) return name;
    if (/^\s*-\s/.test(line)) return undefined;
  }
  return undefined;
}

/** The text of a flow (JSON) value from `start` to its matching bracket. */
function balanced(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return text.slice(start);
}

/** The lines nested under the key at line `at` (deeper than `indent`), comments and blanks left out. */
function yamlBlock(lines: readonly string[], at: number, indent: number): string[] {
  const out: string[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    if ((/^\s*/.exec(l)?.[0].length ?? 0) <= indent) break;
    out.push(l);
  }
  return out;
}

/** The name of the innermost object still open at the end of `before` (a JSON cluster). */
function clusterInFlow(before: string): string | undefined {
  const names: (string | undefined)[] = [undefined];
  for (const m of before.matchAll(/[{}]|"name"\s*:\s*"([^"]+)"/g)) {
    if (m[0] === '{') names.push(undefined);
    else if (m[0] === '}') names.pop();
    else names[names.length - 1] = m[1];
  }
  return names[names.length - 1];
}

/**
 * The thresholds an Envoy config file (YAML or JSON) sets under circuit_breakers, with the cluster
 * each belongs to; in a YAML block, HIGH-priority ones are left out (ordinary traffic meets DEFAULT).
 */
export function findCircuitBreakerThresholds(text: string): Omit<CircuitBreakerThreshold, 'key'>[] {
  const out: Omit<CircuitBreakerThreshold, 'key'>[] = [];
  const lines = text.split('\n');
  for (const m of text.matchAll(/"?circuit_breakers"?\s*:[ \t]*/g)) {
    const at = m.index ?? 0;
    const lineNo = text.slice(0, at).split('\n').length - 1;
    const line = lines[lineNo] ?? '';
    if (/^\s*#/.test(line)) continue;
    const rest = text.slice(at + m[0].length).split('\n')[0]?.replace(/\s+#.*$/, '').trim() ?? '';
    // A YAML block under the key, or a flow (JSON) value after it.
    const block = rest === '' ? yamlBlock(lines, lineNo, keyIndent(line)) : [balanced(text, at + m[0].length)];
    const cluster = clusterAbove(lines, lineNo, keyIndent(line)) ?? (rest === '' ? undefined : clusterInFlow(text.slice(0, at)));
    let priority = 'DEFAULT';
    for (const b of block) {
      if (/^\s*-\s/.test(b)) priority = 'DEFAULT';
      priority = /"?priority"?\s*:\s*"?(\w+)/.exec(b)?.[1] ?? priority;
      if (priority !== 'DEFAULT' && rest === '') continue;
      for (const t of b.matchAll(THRESHOLD)) out.push({ ...(cluster !== undefined ? { cluster } : {}), setting: t[1] ?? '', value: Number(t[2]) });
    }
  }
  return out;
}

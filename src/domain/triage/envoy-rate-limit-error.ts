/**
 * Envoy failing requests because its external rate-limit service cannot be asked. The ratelimit
 * HTTP filter calls the service for every request; when that call fails (no endpoints, timeout)
 * and the filter has `failure_mode_deny: true`, Envoy answers 500 with response flag RLSE
 * (response_code_details rate_limiter_error) instead of letting the request through — a fail-
 * closed gateway in front of healthy backends. It is not "rate limit exceeded" (429, flag RL).
 * With failure_mode_deny false the same failure lets requests pass, so RLSE itself says the filter
 * fails closed.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { RateLimitFilterSettings } from './evidence-rate-limit-service.js';
import { readAccessLine } from './envoy-circuit-breaker.js';
import { readLogLineTime } from './log-line-time.js';
import { type MountedConfigRead, pickMountedConfigReads } from './mounted-config-reads.js';

const ENVOY_CONTAINER = /envoy|istio-proxy|proxyv2/i;
const DETAILS = /"response_code_details"\s*:\s*"rate_limiter_error"/;
/** Refusals it takes to call it the service down, not one failed call. */
const MIN_ERRORS = 5;

export interface RateLimitErrors {
  container: string;
  pods: string[];
  /** Requests answered RLSE, and every request in the same logs since the first of them. */
  errors: number;
  requestsSince: number;
  onset?: IsoTime;
  lastLine: string;
}

/** The access line's time: a log-line stamp, or Envoy's %START_TIME% in a JSON format. */
function timeOf(line: string, now: IsoTime): IsoTime | undefined {
  const start = /"start_time"\s*:\s*"(\d{4}-\d\d-\d\dT[\d:.]+Z)"/.exec(line)?.[1];
  return readLogLineTime(line, now) ?? (start !== undefined && !Number.isNaN(Date.parse(start)) ? new Date(start).toISOString() : undefined);
}

function isRateLimitError(line: string): boolean {
  const a = readAccessLine(line);
  return (a !== undefined && a.flags.includes('RLSE')) || DETAILS.test(line);
}

/** The workload's Envoy access logs where most requests since the first RLSE failed at the rate-limit service. */
export function findRateLimitErrors(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): RateLimitErrors | undefined {
  const own = new Set(pods.map((p) => p.name));
  let errors = 0;
  let requestsSince = 0;
  let onset: IsoTime | undefined;
  let container: string | undefined;
  let lastLine = '';
  const hitPods = new Set<string>();
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    const c = pods.find((p) => p.name === log.pod)?.containers.find((x) => x.name === log.container);
    if (c === undefined || !(ENVOY_CONTAINER.test(c.name) || ENVOY_CONTAINER.test(c.image))) continue;
    // Logs may be newest first or oldest first: count from the first RLSE in time, not in order.
    const times = log.lines.map((l) => (isRateLimitError(l) ? timeOf(l, now) : undefined)).filter((t): t is IsoTime => t !== undefined).sort();
    const first = times[0];
    const firstIndex = log.lines.findIndex((l) => isRateLimitError(l));
    if (firstIndex < 0) continue;
    for (const [i, l] of log.lines.entries()) {
      if (readAccessLine(l) === undefined && !DETAILS.test(l)) continue;
      const t = timeOf(l, now);
      const since = first !== undefined && t !== undefined ? t >= first : i >= firstIndex;
      if (!since) continue;
      requestsSince++;
      if (isRateLimitError(l)) {
        errors++;
        lastLine = l.trim();
      }
    }
    hitPods.add(log.pod);
    container ??= log.container;
    if (first !== undefined && (onset === undefined || first < onset)) onset = first;
  }
  // A flaky call now and then is noise; a service that cannot be asked fails most requests.
  if (container === undefined || errors < MIN_ERRORS || errors * 2 < requestsSince) return undefined;
  return { container, pods: [...hitPods], errors, requestsSince, ...(onset !== undefined ? { onset } : {}), lastLine };
}

/** Where Envoy fails requests at its rate-limit service: the ConfigMap its container mounts now. */
export function pickRateLimitFilterRead(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): MountedConfigRead | undefined {
  const found = findRateLimitErrors(ev.logs, ev.pods, ev.collectedAt);
  return found === undefined ? undefined : pickMountedConfigReads(ev.pods, [], found.pods[0], found.container)[0];
}

/** Leading spaces plus a list item's dash: where the line's key stands. */
function indentOf(line: string): number {
  return /^(\s*(?:-\s+)?)/.exec(line)?.[1]?.length ?? 0;
}

/** The lines of the block that starts at `start` (its deeper-indented lines). */
function blockAt(lines: readonly string[], start: number): string[] {
  const base = /^\s*/.exec(lines[start] ?? '')?.[0].length ?? 0;
  const out = [lines[start] ?? ''];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() === '') continue;
    if ((/^\s*/.exec(l)?.[0].length ?? 0) <= base && !/^\s*-?\s*$/.test(l)) break;
    out.push(l);
  }
  return out;
}

/** The ratelimit filter's settings in an Envoy config file (YAML), or undefined when it has none. */
export function readRateLimitFilter(text: string): Omit<RateLimitFilterSettings, 'configMap' | 'key'> | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /envoy\.filters\.http\.ratelimit\b|extensions\.filters\.http\.ratelimit\.v3\.RateLimit\b/.test(l));
  if (at < 0) return undefined;
  // The filter's block: from its `- name:` line (or the type line) to the next sibling.
  let start = at;
  while (start > 0 && !/^\s*-\s/.test(lines[start] ?? '')) start--;
  const block = blockAt(lines, start).join('\n');
  const deny = /\bfailure_mode_deny\s*:\s*(true|false)\b/.exec(block)?.[1];
  const cluster = /\bcluster_name\s*:\s*"?([\w.-]+)"?/.exec(block)?.[1];
  let address: string | undefined;
  if (cluster !== undefined) {
    const def = lines.findIndex((l, i) => i !== start && indentOf(l) > 0 && new RegExp(`^\\s*-\\s*name\\s*:\\s*"?${cluster.replace(/[.]/g, '\\.')}"?\\s*$`).test(l));
    if (def >= 0) {
      const body = blockAt(lines, def).join('\n');
      const host = /\baddress\s*:\s*"?([\w.-]+)"?\s*,\s*port_value\s*:\s*(\d+)/.exec(body) ?? /\baddress\s*:\s*"?([a-z][\w.-]+)"?[\s\S]{0,80}?port_value\s*:\s*(\d+)/.exec(body);
      if (host !== null) address = `${host[1] ?? ''}:${host[2] ?? ''}`;
    }
  }
  return { ...(deny !== undefined ? { failureModeDeny: deny === 'true' } : {}), ...(cluster !== undefined ? { cluster } : {}), ...(address !== undefined ? { address } : {}) };
}

/** The Service name (and namespace) of an in-cluster address, `ratelimit.gateway.svc.cluster.local:8081` → ratelimit/gateway. */
export function serviceOfAddress(address: string | undefined, namespace: string): { name: string; namespace: string } | undefined {
  const host = address?.replace(/:\d+$/, '');
  if (host === undefined || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return undefined;
  const parts = host.split('.');
  const svc = parts.indexOf('svc');
  if (svc === 2 || (parts.length === 2 && svc < 0)) return { name: parts[0] ?? '', namespace: parts[1] ?? namespace };
  return parts.length === 1 ? { name: host, namespace } : undefined;
}

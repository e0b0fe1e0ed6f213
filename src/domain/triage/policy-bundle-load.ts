/**
 * An Open Policy Agent beside the app that never loaded its policy bundle. OPA answers a query for
 * a rule it has no policy for with an undefined decision, and the app's authorization middleware
 * turns undefined into deny: every request is refused (403) while both containers stay Ready. OPA
 * says why in its own log ("Bundle load failed: request failed: Get "<url>": … no such host"), a
 * log the app's tail never shows. A sidecar that once activated the bundle keeps it in memory
 * through later download failures, so only a log with no success since it started counts.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';

/** The OPA image (openpolicyagent/opa, any registry or tag flavour). */
export function isPolicyAgentImage(image: string): boolean {
  const name = image.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w.-]+$/, '').split('/').pop() ?? '';
  return /^opa(?:-envoy-plugin)?$/.test(name);
}

export interface BundleLoadFailure {
  pod: string;
  container: string;
  /** How many failed loads the tail holds. */
  failures: number;
  /** OPA's message of the last one, e.g. `Bundle load failed: request failed: Get "…": … no such host`. */
  message: string;
  /** The bundle URL it could not get, when the message quotes it. */
  url?: string;
  /** The host of that URL. */
  host?: string;
  /** Why, in a few words: "no such host", "connection refused", "404 Not Found"… */
  reason?: string;
  /** ConfigMaps the OPA container mounts (its config names the bundle service). */
  configMaps: string[];
  /** The log's first line is OPA's own start: the tail covers its whole life. */
  sinceStart: boolean;
  /** When the last failure was logged. */
  lastAt?: string;
}

const FAILED = /\bBundle (?:load|download) failed\b/i;
const ACTIVATED = /\bBundle (?:loaded|downloaded) and activated successfully\b|\bBundle activated\b/i;
const STARTED = /"msg":"(?:Initializing server\.|Starting bundle loader\.)"/;
const REASONS = /no such host|connection refused|i\/o timeout|context deadline exceeded|server misbehaving|certificate[^"]*|x509[^"]*|\b(?:401|403|404|500|502|503) [A-Z][\w ]+/i;

function fieldsOf(line: string): Record<string, unknown> | undefined {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function messageOf(line: string): string {
  const f = fieldsOf(line);
  return typeof f?.msg === 'string' ? f.msg : line;
}

/** The OPA sidecar logs (current run) that show no policy loaded since the sidecar started, one per pod. */
export function findBundleLoadFailures(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): BundleLoadFailure[] {
  const out: BundleLoadFailure[] = [];
  for (const log of logs) {
    if (log.previous) continue;
    const pod = pods.find((p) => p.name === log.pod);
    const c: ContainerEvidence | undefined = pod?.containers.find((x) => x.name === log.container);
    if (pod === undefined || c === undefined || !isPolicyAgentImage(c.image)) continue;
    if (log.lines.some((l) => ACTIVATED.test(l))) continue;
    const failed = log.lines.filter((l) => FAILED.test(l));
    const last = failed.at(-1);
    // One failure is a blip the next poll retries; a run of them with no success is no policy at all.
    if (last === undefined || failed.length < 2) continue;
    const message = messageOf(last);
    const url = /\b(?:Get|GET) \\?"?(https?:\/\/[^"\\\s]+)/.exec(message)?.[1];
    const host = url === undefined ? undefined : /^https?:\/\/([^/:]+)/.exec(url)?.[1];
    const reason = REASONS.exec(message)?.[0];
    const mounts = new Set((c.volumeMounts ?? []).map((m) => m.name));
    const configMaps = (pod.volumes ?? []).filter((v) => v.source === 'configMap' && mounts.has(v.name) && v.ref !== undefined).map((v) => v.ref ?? '');
    const time = fieldsOf(last)?.time;
    out.push({
      pod: log.pod,
      container: log.container,
      failures: failed.length,
      message,
      ...(url !== undefined ? { url } : {}),
      ...(host !== undefined ? { host } : {}),
      ...(reason !== undefined ? { reason } : {}),
      configMaps,
      sinceStart: log.lines.slice(0, 5).some((l) => STARTED.test(l)),
      ...(typeof time === 'string' ? { lastAt: time } : {}),
    });
  }
  return out;
}

/** App log lines that tell a request refused by the policy decision (403, "denied by policy", "default deny"). */
export function countPolicyDenials(logs: readonly LogEvidence[], pods: readonly string[]): { denied: number; allowed: number } {
  let refused = 0;
  let said = 0;
  let allowed = 0;
  for (const log of logs) {
    if (log.previous || !pods.includes(log.pod)) continue;
    for (const l of log.lines) {
      if (/"status":403\b|\bstatus[=:] ?403\b|" 403 /.test(l)) refused++;
      else if (/denied by (?:the )?policy|default[- ]deny|decision (?:is )?undefined/i.test(l)) said++;
      else if (/"status":2\d\d\b|\bstatus[=:] ?2\d\d\b|" 2\d\d /.test(l) && !/\/(?:ready|healthz?|livez|readyz)\b/.test(l)) allowed++;
    }
  }
  // An access line and a "denied" line per request: the larger count is the requests.
  return { denied: Math.max(refused, said), allowed };
}

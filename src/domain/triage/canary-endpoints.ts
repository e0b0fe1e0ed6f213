/**
 * A deliberate canary behind the workload's Service: a second Deployment of the same app, run
 * beside the stable one so that the Service sends it its share of real traffic. Its pods are
 * "foreign" endpoints by ownership, but that share is the point of a canary — not a
 * misconfiguration — as long as it serves normally.
 *
 * Heuristic, all of it required:
 *  - every foreign pod was read, and is told as a canary: its workload (or pod) name carries a
 *    `canary` word (`<app>-canary`), or one of its labels has the value `canary` (track=canary);
 *  - it is the same app: its image is from a repository the workload's own pods run;
 *  - it is not older than what it sits beside (when both tags read as versions): an older copy is
 *    a stale leftover, not a canary;
 *  - it serves normally: every foreign endpoint Ready and not terminating, no restart in the last
 *    hour, and no error line nor HTTP 5xx in the log lines read.
 * Anything short of that stays a foreign endpoint (the users routed there get what it does).
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import type { EndpointSliceEvidence } from './evidence-network.js';
import { isErrorLine } from './error-line.js';
import { RECENT_MS, getLastTermination, listContainers } from './pod-status.js';
import { splitImage } from './revision-diff.js';
import { isWithin } from './time-span.js';

type Endpoint = EndpointSliceEvidence['endpoints'][number];

export interface CanaryEndpoints {
  /** The canary's workload name (Deployment search-api-canary → "search-api-canary"). */
  name: string;
  /** What the canary runs and what the workload runs, as tags of the shared repository. */
  version: string;
  stableVersion?: string;
}

const CANARY_WORD = /(^|[-_.])canary([-_.]|$)/i;
/** A 5xx the request log reports: `"status":503`, `status=502`, `POST /v1/x 500 41ms`. */
const SERVER_ERROR = /"?\bstatus(?:_?code)?"?\s*[:=]\s*"?5\d\d\b|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+(?:\s+HTTP\/[\d.]+"?)?\s+5\d\d\b/;

function isToldCanary(pod: PodEvidence): boolean {
  const name = pod.ownerWorkload?.name ?? pod.name;
  return CANARY_WORD.test(name) || Object.entries(pod.labels).some(([k, v]) => v.toLowerCase() === 'canary' || (k.toLowerCase() === 'canary' && v === 'true'));
}

/** "2.32.0-rc.1" → [2, 32, 0] and its pre-release; undefined when the tag is not a version. */
function parseVersion(tag: string): { parts: number[]; pre: boolean } | undefined {
  const m = /^v?(\d+(?:\.\d+){0,3})(?:([-+])(.*))?$/.exec(tag);
  if (!m) return undefined;
  return { parts: (m[1] ?? '').split('.').map(Number), pre: m[2] === '-' };
}

/** Whether `a` is an older version than `b`; false when either is not a version. */
function isOlder(a: string, b: string): boolean {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) return false;
  for (let i = 0; i < Math.max(va.parts.length, vb.parts.length); i++) {
    const d = (va.parts[i] ?? 0) - (vb.parts[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return va.pre && !vb.pre;
}

function servesNormally(pod: PodEvidence, lines: readonly string[], endpoint: Endpoint | undefined, now: string): boolean {
  if (endpoint === undefined || !endpoint.ready || endpoint.terminating === true || endpoint.notServing === true || !pod.ready) return false;
  const restarted = listContainers(pod).some(({ container }) => container.restartCount > 0 && isWithin(getLastTermination(container)?.finishedAt, now, RECENT_MS));
  return !restarted && !lines.some((l) => isErrorLine(l) || SERVER_ERROR.test(l));
}

/** The canary the foreign endpoints are, when they are one (see the heuristic above). */
export function findCanaryEndpoints(ev: TriageEvidence, foreign: readonly Endpoint[]): CanaryEndpoints | undefined {
  const read = foreign.map((e) => ({ endpoint: e, seen: (ev.foreignPods ?? []).find((f) => f.pod.name === e.podName) }));
  if (read.length === 0 || read.some((r) => r.seen === undefined)) return undefined;
  const own = ev.pods.flatMap((p) => p.containers.map((c) => splitImage(c.image)));
  const owners = new Set<string>();
  const versions = new Set<string>();
  for (const { endpoint, seen } of read) {
    if (seen === undefined || !isToldCanary(seen.pod)) return undefined;
    const lines = seen.logs.filter((l) => !l.previous).flatMap((l) => l.lines);
    if (!servesNormally(seen.pod, lines, endpoint, ev.collectedAt)) return undefined;
    // The same app: a container of the canary runs an image of a repository the workload runs, never an older tag of it.
    const shared = seen.pod.containers.map((c) => splitImage(c.image)).find((img) => own.some((o) => o.repo === img.repo));
    if (shared === undefined || own.some((o) => o.repo === shared.repo && isOlder(shared.version, o.version))) return undefined;
    owners.add(seen.pod.ownerWorkload?.name ?? seen.pod.name);
    versions.add(shared.version);
  }
  const canaryRepos = new Set(read.flatMap(({ seen }) => (seen?.pod.containers ?? []).map((c) => splitImage(c.image).repo)));
  const stable = [...new Set(own.filter((o) => canaryRepos.has(o.repo)).map((o) => o.version))];
  return { name: [...owners].join(', '), version: [...versions].join(', '), ...(stable.length > 0 ? { stableVersion: stable.join(', ') } : {}) };
}

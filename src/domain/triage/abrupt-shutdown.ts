/**
 * Pods that die the moment they are told to stop, while the proxy in front still sends to them.
 * On a delete the kubelet sends SIGTERM at once (no preStop hook to wait in) and, in parallel, the
 * endpoint controller drops the pod and every proxy reloads its upstreams a moment later. An app
 * with no SIGTERM handler (Node's default, exit 143) or one that exits straight away (0) closes its
 * port before that update lands: in-flight requests are cut ("upstream prematurely closed
 * connection"), new ones are refused ("connect() failed (111: Connection refused)"), and what the
 * proxy cannot retry elsewhere is a 502. It happens at every stop — each scale-down of every
 * rollout — whatever the revision. Told only when the proxy's failures go to those pods' own
 * addresses while they were being deleted.
 */
import type { IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { findUpstreamErrors, listUpstreamNames, readProxyError, readProxyTries } from './ingress-upstream-errors.js';
import { DEFAULT_GRACE_SECONDS } from './prestop-grace.js';
import { sortRevisions } from './revision-diff.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** An app that stops this soon after the delete did not drain: it died on the signal. */
export const AT_ONCE_MS = 10_000;
/** Log lines have one-second stamps and clocks drift a little: a failure this early still belongs to the stop. */
const SKEW_MS = 2_000;
/** A burst at an earlier rollout is looked for in its first minutes. */
const ROLLOUT_SPAN_MS = 15 * MINUTE_MS;
/** nginx's words for a try at an endpoint that has just stopped. */
const STOPPED_ENDPOINT = /connection refused|prematurely closed|reset by peer|upstream connect error|no live upstreams/i;
/** Exit codes of a process that ended on SIGTERM: killed by it (128 + 15), or exiting by itself at once. */
const SIGTERM_EXITS = new Set([143, 0]);

/** A Terminating pod whose container ended on SIGTERM right after the delete, with no preStop hook. */
export interface StoppedAtOnce {
  pod: PodEvidence;
  container: string;
  exitCode: number;
  /** When the delete came: deletionTimestamp less the grace period. */
  deletedAt: IsoTime;
  finishedAt: IsoTime;
  graceSeconds: number;
  /** Revision number of the pod, when known. */
  revision?: number;
}

/** One failure the proxy logged: a try's error line or a 5xx answer. */
export interface ProxyFailure {
  at: IsoTime;
  line: string;
  /** The controller pod whose log says it. */
  pod: string;
  address: string;
  status?: number;
  message?: string;
}

export interface AbruptShutdown {
  controller: string;
  namespace: string;
  upstreams: string[];
  stopped: StoppedAtOnce[];
  /** Failures to the stopped pods' addresses between their delete and their deadline. */
  atStop: ProxyFailure[];
  /** Earlier scale-downs of the workload in the last hour with failures to pods that are gone now. */
  scaleDowns: { at: IsoTime; failures: number }[];
  /** An earlier rollout of the workload whose first minutes show the same failures. */
  earlierRollout?: { revision: RevisionEvidence; failures: number; first: IsoTime };
  /** The newest revision's pods that are Ready and take none of the failures. */
  newestReady: number;
  newest?: RevisionEvidence;
}

/** "Scaled down replica set web-7c9d from 6 to 5". */
const SCALED_DOWN = /^Scaled down replica set (\S+) from \d+ to \d+/;

function graceOf(pod: PodEvidence, revisions: readonly RevisionEvidence[]): { seconds: number; revision?: RevisionEvidence } {
  const revision = revisions.find((r) => r.hash !== undefined && r.hash === pod.revisionHash);
  return { seconds: revision?.template?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS, ...(revision ? { revision } : {}) };
}

/** The workload's Terminating pods whose container exited on SIGTERM within seconds of the delete, with no preStop hook to hold it. */
export function findStoppedAtOnce(pods: readonly PodEvidence[], revisions: readonly RevisionEvidence[]): StoppedAtOnce[] {
  return pods.flatMap((pod) => {
    if (pod.deletionTimestamp === undefined) return [];
    const grace = graceOf(pod, revisions);
    const deletedAt = new Date(Date.parse(pod.deletionTimestamp) - grace.seconds * 1000).toISOString();
    for (const c of pod.containers) {
      const t = c.state !== undefined && 'terminated' in c.state ? c.state.terminated : undefined;
      if (t?.finishedAt === undefined || c.hooks?.preStop !== undefined) continue;
      const onSigterm = SIGTERM_EXITS.has(t.exitCode) || t.signal === 15;
      const after = msBetween(deletedAt, t.finishedAt);
      if (onSigterm && after >= -SKEW_MS && after <= AT_ONCE_MS) {
        return [{ pod, container: c.name, exitCode: t.exitCode, deletedAt, finishedAt: t.finishedAt, graceSeconds: grace.seconds, ...(grace.revision ? { revision: grace.revision.revision } : {}) }];
      }
    }
    return [];
  });
}

/** Every failure the controller's log shows for the workload's upstreams: error lines that say the endpoint stopped, and 5xx answers per address tried. */
function readFailures(ev: TriageEvidence, upstreams: ReadonlySet<string>): ProxyFailure[] {
  const out: ProxyFailure[] = [];
  for (const log of ev.ingressController?.logs ?? []) {
    for (const raw of log.lines) {
      const line = raw.trim();
      const e = readProxyError(line);
      if (e !== undefined) {
        if (STOPPED_ENDPOINT.test(e.message)) out.push({ at: e.at, line, pod: log.pod, address: e.address, message: e.message });
        continue;
      }
      const a = readProxyTries(line);
      if (a?.at === undefined || !upstreams.has(a.upstream) || a.status < 500) continue;
      // The answer failed; each address it was tried at is where it failed (a retry on a dying pod too).
      for (const t of a.tries) out.push({ at: a.at, line, pod: log.pod, address: t.address, status: a.status });
    }
  }
  return out;
}

function within(at: IsoTime, from: IsoTime, spanMs: number): boolean {
  const d = msBetween(from, at);
  return d >= -SKEW_MS && d <= spanMs;
}

/** Distinct log lines among failures (one request may have failed at two tries). */
function countLines(failures: readonly ProxyFailure[]): number {
  return new Set(failures.map((f) => `${f.pod} ${f.line}`)).size;
}

export function findAbruptShutdown(ev: TriageEvidence): AbruptShutdown | undefined {
  const u = findUpstreamErrors(ev);
  if (u === undefined) return undefined;
  const stopped = findStoppedAtOnce(ev.pods, ev.revisions);
  if (stopped.length === 0) return undefined;
  const upstreams = listUpstreamNames(ev);
  const failures = readFailures(ev, upstreams);
  // The match that decides it: failures at the stopped pods' own addresses, after their delete and before their deadline.
  const atStop = failures.filter((f) => stopped.some((s) => (s.pod.podIPs ?? []).includes(f.address) && within(f.at, s.deletedAt, s.graceSeconds * 1000)));
  if (atStop.length === 0) return undefined;
  const now = ev.collectedAt;
  // Earlier stops of this hour: the pods are gone, so their addresses are no pod's now; the scale-down dates them.
  const current = new Set(ev.pods.flatMap((p) => p.podIPs ?? []));
  const names = new Set(ev.revisions.map((r) => r.name));
  const grace = Math.max(...stopped.map((s) => s.graceSeconds)) * 1000;
  const downs = ev.events.filter((e) => e.reason === 'ScalingReplicaSet' && names.has(SCALED_DOWN.exec(e.message)?.[1] ?? '') && msBetween(e.lastSeen, now) <= HOUR_MS);
  const firstStop = stopped.map((s) => s.deletedAt).sort()[0] ?? now;
  const scaleDowns = [...new Set(downs.flatMap((e) => [e.firstSeen, e.lastSeen]))]
    .filter((at) => msBetween(at, firstStop) > SKEW_MS)
    .sort()
    .flatMap((at) => {
      const n = countLines(failures.filter((f) => !current.has(f.address) && within(f.at, at, grace)));
      return n > 0 ? [{ at, failures: n }] : [];
    });
  const [newest] = sortRevisions(ev.revisions);
  // An earlier rollout with the same burst: the fault was there before the newest revision.
  const earlierRollout = sortRevisions(ev.revisions)
    .filter((r) => r !== newest && msBetween(r.createdAt, now) > HOUR_MS)
    .map((revision) => {
      const hits = failures.filter((f) => f.status !== undefined && within(f.at, revision.createdAt, ROLLOUT_SPAN_MS));
      return { revision, failures: countLines(hits), first: hits.map((f) => f.at).sort()[0] ?? revision.createdAt };
    })
    .find((r) => r.failures >= 2);
  const failing = new Set(failures.filter((f) => isWithinHour(f.at, now)).map((f) => f.address));
  const newestReady = newest === undefined ? 0 : ev.pods.filter((p) => p.revisionHash === newest.hash && p.ready && p.deletionTimestamp === undefined && !(p.podIPs ?? []).some((ip) => failing.has(ip))).length;
  return {
    controller: u.controller,
    namespace: u.namespace,
    upstreams: u.upstreams,
    stopped,
    atStop,
    scaleDowns,
    ...(earlierRollout ? { earlierRollout } : {}),
    newestReady,
    ...(newest ? { newest } : {}),
  };
}

function isWithinHour(at: IsoTime, now: IsoTime): boolean {
  const d = msBetween(at, now);
  return d >= -SKEW_MS && d <= HOUR_MS;
}

export { countLines as countFailureLines };

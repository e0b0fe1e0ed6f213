/**
 * Readiness not probed yet: the kubelet runs a container's first readiness check only
 * initialDelaySeconds after the container started, and until a check passes the pod is not Ready.
 * Pods Running for minutes, unready, with no failed probe and no restart have not been judged at
 * all: when the delay is longer than they have been up, the delay is what keeps them out of the
 * endpoints (and a rollout waiting on them), not the app. A delay is told apart from a normal
 * start by its length (LONG_DELAY_S) or by how far it grew over the revision before.
 */
import type { IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { listPodEvents } from './evidence-lookup.js';
import { STARTUP_GRACE_MS } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { msBetween } from './time-span.js';

/** A readiness delay this long (5 min) is past any normal start: a slow start is a startupProbe's job. */
export const LONG_DELAY_S = 300;
/** …or this many times the delay of the revision before (20 s → 120 s and more). */
const GROWTH = 4;

export interface UnprobedPod {
  pod: PodEvidence;
  /** When the container started (its current run). */
  startedAt: IsoTime;
  /** When the kubelet runs its first readiness check (startedAt + initialDelaySeconds). */
  firstCheckAt: IsoTime;
}

export interface UnprobedReadiness {
  container: string;
  delaySeconds: number;
  pods: UnprobedPod[];
  /** The revision of the pods, when the rollout history has it. */
  revision?: RevisionEvidence;
  /** The revision before it and its delay for the same container (0 when it set none), when known. */
  previous?: { revision: RevisionEvidence; delaySeconds: number };
}

/** A revision's rendered readiness probe ("GET :8080/ready, after 20s, every 10s, …") → its delay in seconds. */
function delayOf(r: RevisionEvidence, container: string): number | undefined {
  const probe = r.containers.find((c) => c.name === container)?.probes?.readiness;
  if (probe === undefined) return undefined;
  return Number(/\bafter (\d+)s\b/.exec(probe)?.[1] ?? 0);
}

/** The revision a pod belongs to and the one before it in the history. */
function revisionsOf(ev: TriageEvidence, pod: PodEvidence): { revision?: RevisionEvidence; before?: RevisionEvidence } {
  const sorted = sortRevisions(ev.revisions);
  const i = sorted.findIndex((r) => r.hash === pod.revisionHash);
  if (i < 0) return {};
  const before = sorted[i + 1];
  return { revision: sorted[i] as RevisionEvidence, ...(before ? { before } : {}) };
}

/**
 * Containers whose readiness probe has not run yet on pods that have been up past a normal start:
 * Running and unready, no restart, no Unhealthy event since the container started, and an
 * initialDelaySeconds longer than the container's age that is long (LONG_DELAY_S) or grew
 * GROWTH-fold over the previous revision's. One entry per container name.
 */
export function findUnprobedReadiness(ev: TriageEvidence): UnprobedReadiness[] {
  const byContainer = new Map<string, UnprobedReadiness>();
  for (const pod of ev.pods) {
    if (pod.phase !== 'Running' || pod.ready || pod.deletionTimestamp !== undefined) continue;
    const { revision, before } = revisionsOf(ev, pod);
    for (const c of pod.containers) {
      const delay = c.probes.readiness?.initialDelaySeconds;
      const startedAt = c.state !== undefined && 'running' in c.state ? c.state.running.startedAt : undefined;
      if (c.ready || delay === undefined || startedAt === undefined || c.restartCount > 0) continue;
      const up = msBetween(startedAt, ev.collectedAt);
      // Within a normal start an unready pod says nothing; past its delay the probe has run and its result decides.
      if (up < STARTUP_GRACE_MS || up >= delay * 1000) continue;
      // Any probe failure since the container started means a check ran: not this.
      const failed = listPodEvents(ev, ['Unhealthy'], [pod.name]).some((e) => msBetween(startedAt, e.lastSeen) >= 0);
      if (failed) continue;
      const was = before === undefined ? undefined : delayOf(before, c.name);
      const grew = was !== undefined && delay >= GROWTH * Math.max(was, 1);
      if (delay < LONG_DELAY_S && !grew) continue;
      const firstCheckAt = new Date(Date.parse(startedAt) + delay * 1000).toISOString();
      const key = `${c.name}/${delay}`;
      const entry = byContainer.get(key) ?? {
        container: c.name,
        delaySeconds: delay,
        pods: [],
        ...(revision ? { revision } : {}),
        ...(before !== undefined && was !== undefined ? { previous: { revision: before, delaySeconds: was } } : {}),
      };
      entry.pods.push({ pod, startedAt, firstCheckAt });
      byContainer.set(key, entry);
    }
  }
  return [...byContainer.values()];
}

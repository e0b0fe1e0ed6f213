/**
 * An HPA that scales on a resource's utilization measures it as a share of the pods' request: a
 * revision that raised that request makes the same load read as a smaller share, so the HPA scales
 * in — often to its minimum — until each pod's use reaches the target share of the new request.
 * The few pods left carry what many did, with the same threads and connections each: their slow
 * requests and probe timeouts are the scale-in, not the revision's code.
 */
import type { EventEvidence, IsoTime, TriageEvidence } from './evidence.js';
import { listEventsOf, listPodEvents } from './evidence-lookup.js';
import { parseQuantity } from './quantity.js';
import { sortRevisions } from './revision-diff.js';
import { msBetween } from './time-span.js';

/** A request raised by less than this changes little of what the HPA reads. */
const MIN_FACTOR = 1.5;
/** Probe failures since the scale-in before the pods count as strained. */
const STRAIN_MIN = 3;
/** The HPA reacts to a raised request within minutes of the rollout (its scale-down window is 5 minutes): a scale-in much later is the load's. */
const REACTS_WITHIN_MS = 60 * 60_000;

const SCALED = /^Scaled (?:up|down) replica set \S+?(?: from (\d+))? to (\d+)(?: from (\d+))?$/;
const NEW_SIZE = /New size: (\d+); reason: (.*below target.*)$/i;

export interface RaisedRequestScaleIn {
  hpa: string;
  resource: 'cpu' | 'memory';
  /** The utilization target, in percent of the request. */
  target: number;
  /** What the HPA reads now: "68%". */
  current?: string;
  revision: number;
  previous: number;
  revisionAt: IsoTime;
  container: string;
  was: string;
  now: string;
  /** now / was. */
  factor: number;
  /** The replicas the workload ran before the HPA scaled in, and now. */
  from: number;
  to: number;
  minReplicas: number;
  /** The HPA's scale-ins since the revision, oldest first. */
  scaleIns: EventEvidence[];
  /** Probe failures of the pods since the first scale-in. */
  strain: number;
  unready: number;
}

/** The replicas the workload ran before the scale-in: the most any ReplicaSet scaling since the revision started from or reached. */
function replicasBefore(ev: TriageEvidence, since: IsoTime, until: IsoTime): number | undefined {
  const w = ev.workload;
  if (!w) return undefined;
  const sizes = listEventsOf(ev, w.kind, w.name).flatMap((e) => {
    const m = e.reason === 'ScalingReplicaSet' ? SCALED.exec(e.message.trim()) : null;
    if (m === null || msBetween(since, e.lastSeen) < -60_000 || msBetween(e.lastSeen, until) < 0) return [];
    return [m[1], m[3]].filter((x): x is string => x !== undefined).map(Number);
  });
  return sizes.length === 0 ? undefined : Math.max(...sizes);
}

/**
 * The newest revision raised the request of a resource an HPA of the workload targets as a
 * utilization, the HPA then scaled in (its metrics below target) to fewer replicas than ran
 * before, and the pods left are strained (unready, or failing probes since).
 */
export function findRaisedRequestScaleIn(ev: TriageEvidence): RaisedRequestScaleIn | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined) return undefined;
  for (const hpa of ev.hpas) {
    for (const metric of hpa.metrics) {
      const resource = metric.name === 'cpu' || metric.name === 'memory' ? metric.name : undefined;
      const target = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(metric.target ?? '')?.[1];
      if (resource === undefined || target === undefined) continue;
      const raised = newest.containers.flatMap((c) => {
        const was = previous.containers.find((o) => o.name === c.name)?.resources.requests[resource];
        const now = c.resources.requests[resource];
        const factor = (parseQuantity(now) ?? 0) / (parseQuantity(was) ?? Infinity);
        return was !== undefined && now !== undefined && factor >= MIN_FACTOR ? [{ container: c.name, was, now, factor }] : [];
      })[0];
      if (raised === undefined) continue;
      const scaleIns = listEventsOf(ev, 'HorizontalPodAutoscaler', hpa.name)
        .filter((e) => e.reason === 'SuccessfulRescale' && NEW_SIZE.test(e.message) && msBetween(newest.createdAt, e.lastSeen) >= 0)
        .sort((a, b) => msBetween(b.lastSeen, a.lastSeen));
      const first = scaleIns[0];
      const last = scaleIns[scaleIns.length - 1];
      if (first === undefined || last === undefined || msBetween(newest.createdAt, first.lastSeen) > REACTS_WITHIN_MS) continue;
      const from = replicasBefore(ev, newest.createdAt, first.lastSeen);
      const to = hpa.currentReplicas;
      if (from === undefined || to >= from) continue;
      const strain = listPodEvents(ev, ['Unhealthy']).filter((e) => msBetween(first.firstSeen, e.lastSeen) >= 0).reduce((n, e) => n + e.count, 0);
      // Pods the scale-in is removing are not ready by design.
      const unready = ev.pods.filter((p) => !p.ready && p.deletionTimestamp === undefined).length;
      if (strain < STRAIN_MIN && unready === 0) continue;
      return {
        hpa: hpa.name, resource, target: Number(target), ...(metric.current !== undefined ? { current: metric.current } : {}),
        revision: newest.revision, previous: previous.revision, revisionAt: newest.createdAt,
        ...raised, from, to, minReplicas: hpa.minReplicas, scaleIns, strain, unready,
      };
    }
  }
  return undefined;
}

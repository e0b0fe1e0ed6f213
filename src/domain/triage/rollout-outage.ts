/**
 * A rollout that left the workload with no ready pod. With strategy Recreate (or a RollingUpdate
 * whose maxUnavailable covers every replica) the controller scales the old ReplicaSet to 0 before
 * any new pod is ready; while the new pods start and pass readiness nothing serves. The workload is
 * Ready afterwards and looks healthy, yet its callers had an outage — and get one on every rollout.
 * Measured from what the cluster keeps: the controller's ScalingReplicaSet event (when the old
 * ReplicaSet went to 0) and the new pods' Ready condition (when the first one passed readiness).
 */
import type { DeploymentRolloutEvidence, EventEvidence, IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { RECENT_MS } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { earliest, isWithin, MINUTE_MS, msBetween } from './time-span.js';

/** A shorter gap is a blip callers' retries absorb; a minute without a ready pod is an outage. */
export const MIN_OUTAGE_MS = MINUTE_MS;

/** The controller scaled a ReplicaSet to 0 ("Scaled down replica set web-7c9d from 4 to 0"). */
const SCALED_TO_ZERO = /^Scaled down replica set (\S+?) from (\d+) to 0\b/;

export interface RolloutGap {
  /** The revision the rollout brought (the newest). */
  revision: RevisionEvidence;
  /** The old ReplicaSet scaled to 0, and the event that says so. */
  scaledDown: string;
  event: EventEvidence;
  scaledDownAt: IsoTime;
  /** When the first pod of the new revision turned Ready. */
  firstReadyAt: IsoTime;
  gapMs: number;
  /** The shortest start-to-Ready of the new pods: how long one needs to pass readiness. */
  warmUpMs?: number;
  /** The new pods, Ready now. */
  pods: PodEvidence[];
  /** Their failed readiness probes (Unhealthy events) while they warmed up. */
  unhealthy: EventEvidence[];
}

export interface RolloutOutage extends RolloutGap {
  /** What in the Deployment's settings stops every old pod first: "strategy Recreate", "RollingUpdate with maxUnavailable 100%". */
  setting: string;
  strategy: DeploymentRolloutEvidence['strategy'];
  /** The revision whose change-cause says it set that strategy, when one does (ReplicaSets do not record the strategy). */
  setBy?: RevisionEvidence;
}

type GapInput = Pick<TriageEvidence, 'pods' | 'events' | 'revisions' | 'collectedAt'>;

function readySince(p: PodEvidence): IsoTime | undefined {
  const c = findCondition(p.conditions, 'Ready');
  return p.ready && c?.status === 'True' ? c.lastTransitionTime : undefined;
}

/** The newest rollout, in the last hour, whose old ReplicaSet went to 0 a minute or more before any new pod was Ready. */
export function findRolloutGap(ev: GapInput): RolloutGap | undefined {
  const now = ev.collectedAt;
  const [revision] = sortRevisions(ev.revisions);
  if (revision === undefined) return undefined;
  const current = ev.pods.filter((p) => p.deletionTimestamp === undefined);
  // A pod of another revision still serving: the rollout left something ready.
  if (current.some((p) => p.ready && p.revisionHash !== revision.hash)) return undefined;
  const pods = current.filter((p) => p.revisionHash === revision.hash && p.ready);
  const names = new Set(pods.map((p) => p.name));
  const unhealthy = ev.events.filter((e) => e.object.kind === 'Pod' && names.has(e.object.name) && e.reason === 'Unhealthy' && /^Readiness probe/.test(e.message));
  // A pod whose readiness probe still failed was not serving yet, whatever its Ready condition's time says.
  const servingSince = (p: PodEvidence): IsoTime | undefined => {
    const ready = readySince(p);
    const failed = unhealthy.filter((e) => e.object.name === p.name).map((e) => e.lastSeen);
    const lastFailed = failed.sort((a, b) => msBetween(a, b))[0];
    return ready === undefined || lastFailed === undefined || msBetween(ready, lastFailed) <= 0 ? ready : lastFailed;
  };
  const firstReadyAt = earliest(pods.map(servingSince));
  if (firstReadyAt === undefined) return undefined;
  const downs = ev.events.flatMap((e) => {
    const m = e.reason === 'ScalingReplicaSet' ? SCALED_TO_ZERO.exec(e.message) : null;
    const name = m?.[1];
    if (name === undefined || name === revision.name || Number(m?.[2]) === 0 || !isWithin(e.lastSeen, now, RECENT_MS)) return [];
    // This rollout's: not before the new ReplicaSet existed.
    return msBetween(revision.createdAt, e.lastSeen) >= -MINUTE_MS ? [{ e, name }] : [];
  });
  const last = downs.sort((a, b) => msBetween(b.e.lastSeen, a.e.lastSeen))[0];
  if (last === undefined) return undefined;
  const gapMs = msBetween(last.e.lastSeen, firstReadyAt);
  if (!(gapMs >= MIN_OUTAGE_MS)) return undefined;
  const warm = pods.flatMap((p) => {
    const started = p.startTime ?? p.createdAt;
    const ready = servingSince(p);
    return started === undefined || ready === undefined ? [] : [msBetween(started, ready)];
  }).filter((ms) => ms > 0);
  return {
    revision, scaledDown: last.name, event: last.e, scaledDownAt: last.e.lastSeen, firstReadyAt, gapMs,
    ...(warm.length > 0 ? { warmUpMs: Math.min(...warm) } : {}), pods, unhealthy,
  };
}

/** The pods a RollingUpdate's maxUnavailable lets go at once ("25%" rounds down, as the controller does). */
function resolveUnavailable(value: string, replicas: number): number | undefined {
  const pct = /^(\d+)%$/.exec(value.trim())?.[1];
  if (pct !== undefined) return Math.floor((Number(pct) * replicas) / 100);
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** The setting that stops every old pod before new ones are ready, when the Deployment has one. */
function describeAllAtOnce(settings: DeploymentRolloutEvidence, replicas: number): string | undefined {
  if (settings.strategy === 'Recreate') return 'strategy Recreate';
  const max = settings.maxUnavailable;
  const n = max === undefined ? undefined : resolveUnavailable(max, replicas);
  return n !== undefined && replicas > 0 && n >= replicas ? `RollingUpdate with maxUnavailable ${max}` : undefined;
}

/** A Deployment whose own strategy took every pod down in its rollout of the last hour, for a minute or more. */
export function findRolloutOutage(ev: TriageEvidence): RolloutOutage | undefined {
  const w = ev.workload;
  if (w?.kind !== 'Deployment' || w.rolloutSettings === undefined) return undefined;
  const setting = describeAllAtOnce(w.rolloutSettings, w.specReplicas);
  if (setting === undefined) return undefined;
  const gap = findRolloutGap(ev);
  if (gap === undefined) return undefined;
  // Heuristic: the change-cause is the only record of who set the strategy (ReplicaSets keep the pod template alone).
  const word = w.rolloutSettings.strategy === 'Recreate' ? /\brecreate\b/i : /maxunavailable/i;
  const setBy = sortRevisions(ev.revisions).find((r) => r.changeCause !== undefined && word.test(r.changeCause));
  return { ...gap, setting, strategy: w.rolloutSettings.strategy, ...(setBy ? { setBy } : {}) };
}

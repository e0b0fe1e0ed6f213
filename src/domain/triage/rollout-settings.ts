/**
 * Rollouts held by the Deployment's own settings, not by the new code:
 * - minReadySeconds not below progressDeadlineSeconds: a new pod counts as available only after it
 *   has been Ready that long, so no step can show progress within the deadline and the controller
 *   marks the rollout failed (ProgressDeadlineExceeded) while its new pods are Running and Ready;
 * - strategy Recreate behind a long drain: the controller creates no new pod until every old one
 *   is gone, so while the old pods drain (Terminating, out of the endpoints) nothing serves.
 * Either way the new revision is not shown faulty, and a rollback would change nothing (a
 * rollback is a rollout with the same settings: it waits on the same bake or the same drain).
 */
import type { IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { type DrainingPods, findDrainingPods } from './draining-pods.js';
import { isPodFailing } from './pod-status.js';
import { earliest, msBetween } from './time-span.js';

/** The API server's default progressDeadlineSeconds, for an object that lacks it. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

export interface BakeBeyondDeadline {
  kind: 'bake-beyond-deadline';
  minReadySeconds: number;
  deadlineSeconds: number;
  /** Whether progressDeadlineSeconds was written or is the API's default. */
  deadlineDefaulted: boolean;
  revision: RevisionEvidence;
  /** The new revision's pods: every one Running and Ready, none for minReadySeconds yet. */
  pods: PodEvidence[];
  /** When the first of them counts as available (Ready since + minReadySeconds). */
  availableAt: IsoTime;
}

export interface RecreateDrain {
  kind: 'recreate-drain';
  drain: DrainingPods;
  /** The revision the rollout waits to start; none of its pods exists yet. */
  revision?: RevisionEvidence;
}

function readySince(p: PodEvidence): IsoTime | undefined {
  const c = findCondition(p.conditions, 'Ready');
  return c?.status === 'True' ? c.lastTransitionTime : undefined;
}

function currentRevision(ev: TriageEvidence): RevisionEvidence | undefined {
  const w = ev.workload;
  return w?.currentRevision === undefined ? undefined : ev.revisions.find((r) => r.revision === w.currentRevision);
}

/** A stalled rollout whose new pods are all Ready and only wait out a minReadySeconds the deadline cannot hold. */
export function findBakeBeyondDeadline(ev: TriageEvidence): BakeBeyondDeadline | undefined {
  const w = ev.workload;
  const settings = w?.rolloutSettings;
  if (w?.kind !== 'Deployment' || settings?.minReadySeconds === undefined) return undefined;
  const progressing = findCondition(w.conditions, 'Progressing');
  if (progressing?.status !== 'False' || progressing.reason !== 'ProgressDeadlineExceeded') return undefined;
  const deadlineSeconds = settings.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
  if (settings.minReadySeconds < deadlineSeconds) return undefined;
  const revision = currentRevision(ev);
  if (revision === undefined) return undefined;
  const pods = ev.pods.filter((p) => p.revisionHash === revision.hash && p.deletionTimestamp === undefined);
  const bakeMs = settings.minReadySeconds * 1000;
  // Every new pod Ready, healthy, and Ready for less than minReadySeconds: that is all they wait for.
  const since = pods.map(readySince);
  const waiting = pods.length > 0 && pods.every((p, i) => {
    const t = since[i];
    return p.ready && !isPodFailing(p, ev.collectedAt) && t !== undefined && msBetween(t, ev.collectedAt) < bakeMs;
  });
  const first = earliest(since);
  if (!waiting || first === undefined) return undefined;
  const availableAt = new Date(Date.parse(first) + bakeMs).toISOString();
  return { kind: 'bake-beyond-deadline', minReadySeconds: settings.minReadySeconds, deadlineSeconds, deadlineDefaulted: settings.progressDeadlineSeconds === undefined, revision, pods, availableAt };
}

/** A Recreate rollout that has not started its new pods because old ones still drain a long grace period. */
export function findRecreateDrain(ev: TriageEvidence): RecreateDrain | undefined {
  const w = ev.workload;
  if (w?.kind !== 'Deployment' || w.rolloutSettings?.strategy !== 'Recreate') return undefined;
  const drain = findDrainingPods(ev);
  if (drain === undefined) return undefined;
  const revision = currentRevision(ev);
  // Draining pods of the current revision are a scale-down, not a rollout; new pods already there mean it went on.
  if (revision !== undefined && ev.pods.some((p) => p.revisionHash === revision.hash)) return undefined;
  return { kind: 'recreate-drain', drain, ...(revision ? { revision } : {}) };
}

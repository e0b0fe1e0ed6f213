/**
 * Old pods that are still shutting down on purpose: deleted, their containers still running, and a
 * long terminationGracePeriodSeconds (usually behind a preStop hook that drains connections). Until
 * they end they keep their requests on the node, so a rolling update with maxUnavailable 0 has no
 * room for its next surge pod: the rollout waits, it is not broken.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from './evidence.js';
import { hasStoppedContainers } from './terminating-pods.js';
import { latest, msBetween } from './time-span.js';
import { formatSpanLong } from '../text.js';

/** A grace period this long is a deliberate drain, not the default 30 s. */
export const LONG_GRACE_SECONDS = 300;

export interface DrainingPods {
  pods: PodEvidence[];
  graceSeconds: number;
  /** The preStop hook as told in the template, when there is one. */
  preStop?: string;
  /** When the last of them must be gone: the latest deletionTimestamp, when it is still ahead. */
  goneBy?: IsoTime;
}

function stillWithinGrace(pod: PodEvidence, graceSeconds: number, now: IsoTime): boolean {
  if (pod.deletionTimestamp === undefined) return false;
  const since = msBetween(pod.deletionTimestamp, now);
  // deletionTimestamp is the deadline (in the future while the pod drains); read as the moment of
  // the delete, it is still within the grace period while less than that has passed.
  return since <= 0 || since < graceSeconds * 1000;
}

/** The workload's pods draining within a long grace period, with that period and the hook. */
export function findDrainingPods(ev: TriageEvidence): DrainingPods | undefined {
  const out: PodEvidence[] = [];
  let graceSeconds = 0;
  let preStop: string | undefined;
  for (const p of ev.pods) {
    if (p.deletionTimestamp === undefined || hasStoppedContainers(p)) continue;
    const rev = ev.revisions.find((r) => r.hash === p.revisionHash);
    const grace = rev?.template?.terminationGracePeriodSeconds;
    if (grace === undefined || grace < LONG_GRACE_SECONDS || !stillWithinGrace(p, grace, ev.collectedAt)) continue;
    out.push(p);
    graceSeconds = Math.max(graceSeconds, grace);
    preStop ??= rev?.containers.map((c) => c.hooks?.preStop).find((h) => h !== undefined);
  }
  if (out.length === 0) return undefined;
  const last = latest(out.map((p) => p.deletionTimestamp));
  const goneBy = last !== undefined && msBetween(ev.collectedAt, last) > 0 ? last : undefined;
  return { pods: out, graceSeconds, ...(preStop === undefined ? {} : { preStop }), ...(goneBy === undefined ? {} : { goneBy }) };
}

/** "up to 1 hour (terminationGracePeriodSeconds 3600)". */
export function describeGrace(seconds: number): string {
  return `up to ${formatSpanLong(seconds * 1000)} (terminationGracePeriodSeconds ${seconds})`;
}

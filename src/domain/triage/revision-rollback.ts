/**
 * A rollback as the rollout history shows it. `kubectl rollout undo [--to-revision=N]` does not
 * make a new ReplicaSet: it scales an old one back up and gives it the next revision number, and
 * the controller records the numbers it had before in `deployment.kubernetes.io/revision-history`.
 * Its creationTimestamp stays weeks old, so the rollout time is when it was scaled back up — the
 * moment old code replaced what ran, a change like any rollout.
 */
import type { IsoTime, RevisionEvidence, TriageEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { earliest, msBetween } from './time-span.js';

export interface Rollback {
  /** The current revision: the re-used ReplicaSet under its new number. */
  revision: RevisionEvidence;
  /** The revision it was before (the undo's --to-revision), when the annotation says so. */
  to?: number;
  /** The revision that ran until the rollback: the one to roll forward to. */
  replaced: RevisionEvidence;
  /** When the re-used ReplicaSet was scaled back up; undefined when neither events nor pods show it. */
  at?: IsoTime;
}

/**
 * "a rollback restoring revision 12": what the undo did, worded so that it never reads as advice.
 * "a rollback to revision 12" next to a failing rollback reads as "roll back to 12", the one thing
 * not to do when the rollback itself broke the service.
 */
export function describeRollback(r: Pick<Rollback, 'to'>): string {
  return `a rollback${r.to !== undefined ? ` restoring revision ${r.to}` : ''}`;
}

const SCALED_UP = /^Scaled up replica set (\S+?) (?:from (\d+) )?to (\d+)/;

/** The newest revision when it is an older one brought back, else undefined. */
export function findRollback(ev: TriageEvidence): Rollback | undefined {
  const [newest, replaced] = sortRevisions(ev.revisions);
  if (newest === undefined || replaced === undefined) return undefined;
  const annotated = (newest.formerRevisions ?? []).length > 0;
  // A higher number on an older object can only be a re-used ReplicaSet, annotated or not.
  const older = newest.createdAt !== '' && replaced.createdAt !== '' && msBetween(newest.createdAt, replaced.createdAt) > 0;
  if (!annotated && !older) return undefined;
  const to = annotated ? Math.max(...(newest.formerRevisions ?? [])) : undefined;
  return { revision: newest, ...(to !== undefined ? { to } : {}), replaced, ...withTime(scaledBackAt(ev, newest, replaced)) };
}

function withTime(at: IsoTime | undefined): { at?: IsoTime } {
  return at === undefined ? {} : { at };
}

/**
 * When the re-used ReplicaSet came back: its first scale-up after the replaced revision was made,
 * else its oldest pod (an old ReplicaSet sits at zero until the undo, so all its pods are newer).
 */
function scaledBackAt(ev: TriageEvidence, r: RevisionEvidence, replaced: RevisionEvidence): IsoTime | undefined {
  const after = (t: IsoTime | undefined): boolean => t !== undefined && (replaced.createdAt === '' || msBetween(replaced.createdAt, t) >= 0);
  const ups = ev.events.filter((e) => e.reason === 'ScalingReplicaSet' && SCALED_UP.exec(e.message)?.[1] === r.name && after(e.firstSeen));
  const pods = ev.pods.filter((p) => p.revisionHash === r.hash && r.hash !== '' && after(p.createdAt));
  return earliest([...ups.map((e) => e.firstSeen), ...pods.map((p) => p.createdAt)]);
}

/** When a revision became current: its ReplicaSet's creation, or the rollback that brought it back. */
export function rolloutTimeOf(ev: TriageEvidence, r: RevisionEvidence): IsoTime {
  const rollback = findRollback(ev);
  return rollback?.revision.revision === r.revision && rollback.at !== undefined ? rollback.at : r.createdAt;
}

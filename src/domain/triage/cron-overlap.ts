/**
 * Runs of a CronJob that overlap: under concurrencyPolicy Allow the controller starts each run when
 * it is due, whether or not the earlier ones finished. Once a run outlasts the time between
 * schedules they pile up, and runs that work on the same data wait on each other's locks.
 */
import type { JobEvidence, LogEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { msBetween } from './time-span.js';

/** A process saying it waits on a lock someone else holds (Postgres, MySQL, advisory and file locks). */
const LOCK_WAIT = /\block wait|\bwait(s|ing|ed)? (on|for) (a |an |the )?([\w.-]+ )?lock\b|\b(held|blocked) by (pids?|process|transaction|session)\b|Lock wait timeout exceeded|could not obtain lock|LockNotAvailable|deadlock detected|still waiting for [\w.-]* ?lock/i;
/** A line that also names who holds the lock says more than one that only waits. */
const NAMES_HOLDER = /\b(held|blocked) by\b/i;

export interface Overlap {
  /** The runs still going that started after the last success, oldest first. */
  active: JobEvidence[];
  oldest: JobEvidence;
  /** Pods whose log says they wait on a lock, and the line that says it (the holder named when a line does). */
  lockWaits: { pod: string; line: string }[];
}

/** Two or more runs going at once, all started after `since` (the last success); undefined otherwise. */
export function findOverlap(jobs: readonly JobEvidence[], logs: readonly LogEvidence[], since: string): Overlap | undefined {
  const active = jobs
    .filter((j) => j.active > 0 && j.createdAt !== undefined && msBetween(since, j.createdAt) > 0)
    .sort((a, b) => msBetween(b.createdAt ?? since, a.createdAt ?? since));
  const [oldest] = active;
  if (oldest === undefined || active.length < 2) return undefined;
  const lockWaits = logs.flatMap((l) => {
    const waits = l.lines.filter((line) => LOCK_WAIT.test(line));
    const line = waits.find((w) => NAMES_HOLDER.test(w)) ?? waits.at(-1);
    return line === undefined ? [] : [{ pod: l.pod, line: condenseStructuredLine(line.trim()) }];
  });
  return { active, oldest, lockWaits };
}

/**
 * Transactions of the workload that lose a conflict with another writer of the same rows: Postgres
 * "deadlock detected" (SQLSTATE 40P01) or "could not serialize access" (40001), MySQL "Deadlock
 * found when trying to get lock" (1213). The database is healthy and aborts one side on purpose;
 * the question is who else writes those rows and what changed in how it writes them (its order,
 * its batch size). When the workload itself did not change, another Deployment writing to the same
 * database whose newest revision came just before the first conflict is the lead
 * (read-namespace-rollouts.ts lists the namespace's ReplicaSets only when this finds conflicts).
 * A lock wait timeout is left to database-locks.ts: one long holder, not two writers in conflict.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import { readLogLineTime } from './log-line-time.js';
import { HOUR_MS, earliest } from './time-span.js';
import { tieBySharedDatabase } from './database-address.js';
import { type TiedRollout, pickTiedRollout } from './tied-rollout.js';

export type ConflictKind = 'deadlock' | 'serialization';

const CONFLICTS: { kind: ConflictKind; re: RegExp }[] = [
  { kind: 'deadlock', re: /deadlock detected|Deadlock found when trying to get lock|ER_LOCK_DEADLOCK|DeadlockDetected|DeadlockLoserDataAccessException|\b40P01\b/i },
  { kind: 'serialization', re: /could not serialize access|SerializationFailure|SQLSTATE[\s:=]*40001|\(40001\)|RETRY_SERIALIZABLE/i },
];

/** Lines before a ready pod's conflicts count: a rare deadlock retried is normal life. */
const MIN_CONFLICTS = 3;
/** How far before the first conflict another workload's rollouts are worth listing. */
const WRITER_LOOKBACK_MS = 3 * HOUR_MS;
/** A change of a revision that bears on how it writes: its order, its batches, its transactions. */
const WRITE_CHANGE = /ORDER|SORT|BATCH|CHUNK|LIMIT|SIZE|ISOLATION|LOCK|TRANSACTION|TX|CONCURREN|WORKER|PARALLEL|THREAD|INTERVAL/i;

export interface WriterConflict {
  kind: ConflictKind;
  hits: { pod: string; line: string; at?: IsoTime }[];
  /** The SQLSTATE or error code the lines give ("SQLSTATE 40P01"). */
  code?: string;
  onset?: IsoTime;
}

export function findWriterConflicts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): WriterConflict | undefined {
  const own = new Set(seen.pods.map((p) => p.name));
  for (const { kind, re } of CONFLICTS) {
    const hits = seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line) => {
      if (!re.test(line)) return [];
      const at = readLogLineTime(line, seen.collectedAt);
      return [{ pod: l.pod, line: line.trim(), ...(at ? { at } : {}) }];
    }));
    if (hits.length < MIN_CONFLICTS) continue;
    const code = hits.map((h) => /SQLSTATE[\s:=]*(\w{5})|\((40P01|40001|1213)\b|\b(40P01)\b/.exec(h.line)).find((m) => m)?.slice(1).find((x) => x);
    const onset = earliest(hits.flatMap((h) => h.at ?? []));
    return { kind, hits, ...(code ? { code } : {}), ...(onset ? { onset } : {}) };
  }
  return undefined;
}

/** When to list the namespace's rollouts: conflicts seen, and since when (undefined: none). */
export function needsWriterRollouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findWriterConflicts(seen);
  if (found === undefined) return undefined;
  return { since: new Date(Date.parse(found.onset ?? seen.collectedAt) - WRITER_LOOKBACK_MS).toISOString() };
}

/** The other Deployment that writes to the same database and rolled out just before the first conflict. */
export function pickWriterRollout(ev: TriageEvidence, c: WriterConflict): TiedRollout | undefined {
  const namespace = ev.target.namespace;
  const p = pickTiedRollout(ev, {
    onset: c.onset ?? ev.collectedAt,
    pods: c.hits.map((h) => h.pod),
    lines: c.hits.map((h) => h.line),
    strongEnv: tieBySharedDatabase(namespace, 'write to'),
    bearing: WRITE_CHANGE,
  });
  // Only a writer something ties to the workload: the nearest rollout alone may write elsewhere.
  return p?.by === undefined ? undefined : p;
}

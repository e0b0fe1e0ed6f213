// The migration Jobs that may hold the lock the workload waits for at start-up (its log says it
// waits for Liquibase's changelog lock): for at most two runs (pickMigrationLockRuns: running, or
// failed within the day), the run's log (read-job-run-logs.ts) with how its container ended; only
// the lines about the lock and the run's last steps are kept. Read only then.
import type { MigrationLockRunEvidence } from '../../domain/triage/evidence-migration-lock-runs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepMigrationLockLines } from '../../domain/triage/migration-lock.js';
import type { CollectContext } from './collect-context.js';
import { type JobRunLog, readJobRunLogs } from './read-job-run-logs.js';

export async function readMigrationLockRuns(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<MigrationLockRunEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: 'the workload waits at start-up for its migration lock',
    readFor: (job) => `whether migration Job ${job} holds or left the lock`,
    keep: keepMigrationLockLines,
  });
  return logs.map(toLockRunEvidence);
}

/** One Job run's kept log, as the lock readings take it (this one and read-metadata-lock-runs.ts). */
export function toLockRunEvidence({ run, pod, container, lines, terminated }: JobRunLog): MigrationLockRunEvidence {
  return {
    job: run.name,
    pod,
    container,
    state: run.state,
    ...(run.createdAt ? { createdAt: run.createdAt } : {}),
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    ...(terminated ? { terminated } : {}),
    lines,
  };
}

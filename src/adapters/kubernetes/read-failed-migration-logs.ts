// What the migration Jobs that failed said, when the workload's log says a table or column it
// needs is missing: for at most two failed runs (pickFailedMigrationRuns), the run's log
// (read-job-run-logs.ts); only the lines carrying the migration's error and the database's refusal
// are kept, and a statement setting a role's or database's search_path. Read only then.
import type { FailedMigrationLogEvidence } from '../../domain/triage/evidence-failed-migration-logs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepMigrationFailureLines } from '../../domain/triage/failed-migration.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readFailedMigrationLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<FailedMigrationLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: 'the workload finds a table or column missing and this migration Job failed',
    readFor: (job) => `why migration Job ${job} failed`,
    keep: keepMigrationFailureLines,
  });
  return logs.map(({ run, pod, container, lines }) => ({ job: run.name, pod, container, ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}), lines }));
}

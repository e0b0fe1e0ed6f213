// What the migration Jobs that completed just before the workload's schema-change failures
// (prepared statements whose result type changed, 0A000; writes refused for a NULL in a NOT NULL
// column) applied: for at most two runs
// (pickMigrationJobRuns), the run's log (read-job-run-logs.ts); only the lines naming a migration
// applied or a DDL statement are kept. Read only then.
import type { MigrationJobLogEvidence } from '../../domain/triage/evidence-migration-job-logs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepMigrationLines } from '../../domain/triage/migration-job-log.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readMigrationJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<MigrationJobLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: 'it completed just before the schema-change failures',
    readFor: (job) => `what Job ${job} migrated`,
    keep: keepMigrationLines,
  });
  return logs.map(({ run, pod, container, lines }) => ({ job: run.name, pod, container, ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}), lines }));
}

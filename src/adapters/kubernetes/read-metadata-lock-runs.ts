// The schema changes of the namespace that may hold the workload's queries in a metadata-lock queue
// (its queries time out on locks): for at most two runs (pickMetadataLockRuns: running, by name or
// command), the run's log (read-job-run-logs.ts); only its DDL statements, its metadata-lock waits
// and the header and idle rows of the processlists it printed are kept. Read only then.
import type { MigrationLockRunEvidence } from '../../domain/triage/evidence-migration-lock-runs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepMetadataLockLines } from '../../domain/triage/metadata-lock.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';
import { toLockRunEvidence } from './read-migration-lock-runs.js';

export async function readMetadataLockRuns(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<MigrationLockRunEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: 'the workload\'s queries time out on locks',
    readFor: (job) => `whether schema change ${job} waits for a table's metadata lock`,
    keep: keepMetadataLockLines,
  });
  return logs.map(toLockRunEvidence);
}

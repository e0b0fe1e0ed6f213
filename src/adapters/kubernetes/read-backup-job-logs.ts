// Why a backup CronJob of the namespace fails, when the workload's writes are refused for a log
// that waits for a backup (needsBackupJobs): for its newest failed run only (pickBackupRuns), the
// run's log (read-job-run-logs.ts); only its error lines are kept. Read only then.
import type { BackupJobLogEvidence } from '../../domain/triage/evidence-backup-jobs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepBackupErrorLines } from '../../domain/triage/log-awaits-backup.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readBackupJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<BackupJobLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: "the workload's writes are refused for a log that waits for a backup and this backup run failed",
    readFor: (job) => `why backup Job ${job} failed`,
    keep: keepBackupErrorLines,
  });
  return logs.map(({ run, pod, container, lines, terminated }) => ({
    job: run.name,
    ...(run.owner ? { owner: run.owner } : {}),
    pod, container, lines,
    ...(terminated ? { terminated } : {}),
  }));
}

// What the Jobs of the namespace that ran within the day did to a database's read-only setting,
// when the workload's writes are refused as read-only (needsReadOnlyJobs): for at most three runs
// (pickReadOnlyRuns), the run's log (read-job-run-logs.ts); only the lines that set or reset a
// read-only setting (default_transaction_read_only, read_only) are kept. Read only then.
import type { ReadOnlyJobLogEvidence } from '../../domain/triage/evidence-read-only-jobs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepReadOnlySettingLines } from '../../domain/triage/read-only-setting.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readReadOnlyJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<ReadOnlyJobLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: "the workload's writes are refused as read-only and this Job ran within the day",
    readFor: (job) => `whether Job ${job} left a read-only setting on`,
    keep: keepReadOnlySettingLines,
  });
  return logs.map(({ run, pod, container, lines }) => ({
    job: run.name,
    ...(run.owner ? { owner: run.owner } : {}),
    pod, container,
    ...(run.createdAt ? { createdAt: run.createdAt } : {}),
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    state: run.state,
    lines,
  }));
}

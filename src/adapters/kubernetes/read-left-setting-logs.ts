// What the Jobs of the namespace that failed within the day did to a search index's settings, when
// the workload uses a search index and a Job gave up (needsLeftSettingJobs): for at most two failed
// runs (pickLeftSettingRuns), the run's log (read-job-run-logs.ts); only the lines that change an
// index's settings (refresh_interval, number_of_replicas, blocks) are kept. Read only then.
import type { LeftSettingJobLogEvidence } from '../../domain/triage/evidence-left-settings.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepIndexSettingLines } from '../../domain/triage/left-index-settings.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readLeftSettingLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<LeftSettingJobLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: 'the workload uses a search index and this Job failed',
    readFor: (job) => `which index settings Job ${job} changed before it failed`,
    keep: keepIndexSettingLines,
  });
  return logs.map(({ run, pod, container, lines, terminated }) => ({
    job: run.name, pod, container,
    ...(run.createdAt ? { createdAt: run.createdAt } : {}),
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    ...(terminated ? { terminated } : {}),
    lines,
  }));
}

// Why the CronJob that rewrites the workload's image pull secret fails, when the registry refuses
// the pods' pulls for their credentials (needsPullSecretRefresher): for its newest failed run only
// (pickRefresherRuns), the run's log (read-job-run-logs.ts); only its error lines are kept. Read only then.
import type { RefresherJobLogEvidence } from '../../domain/triage/evidence-refresher-jobs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepRefresherErrorLines } from '../../domain/triage/pull-secret-refresher.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readRefresherJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<RefresherJobLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: "the registry refuses the workload's pulls for their credentials and this run of the pull secret's refresher failed",
    readFor: (job) => `why refresher Job ${job} failed`,
    keep: keepRefresherErrorLines,
  });
  return logs.map(({ run, pod, container, lines, terminated }) => ({ job: run.name, pod, container, lines, ...(terminated ? { terminated } : {}) }));
}

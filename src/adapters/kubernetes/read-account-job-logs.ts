// What the directory told the runs of a Job that binds as the workload's locked-out account (AD
// data 775): for at most three of its newest failed runs (pickAccountJobRuns), the run's log
// (read-job-run-logs.ts); only the lines carrying a bind refusal are kept. Read only then.
import type { AccountJobLogEvidence } from '../../domain/triage/evidence-account-job-logs.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepBindRefusals } from '../../domain/triage/ad-bind-refusal.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readAccountJobLogs(ctx: CollectContext, runs: readonly NamespaceJobEvidence[]): Promise<AccountJobLogEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: 'it binds as the locked-out account',
    readFor: (job) => `what the directory told Job ${job}`,
    keep: keepBindRefusals,
  });
  return logs.map(({ run, pod, container, lines }) => ({ job: run.name, pod, container, lines }));
}

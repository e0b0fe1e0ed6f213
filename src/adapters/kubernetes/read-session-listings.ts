// What the database's sessions looked like within the hour, when the workload's statements time out
// on locks whose holder the database's own log names (lock-holder-sessions.ts): for at most two runs
// of the namespace's Jobs that print them with psql against that database (pickSessionListingRuns),
// the run's log (read-job-run-logs.ts); only the session tables' headers and rows are kept. Read only then.
import type { SessionListingEvidence } from '../../domain/triage/evidence-session-listings.js';
import type { NamespaceJobEvidence } from '../../domain/triage/evidence.js';
import { keepSessionLines } from '../../domain/triage/lock-holder-sessions.js';
import type { CollectContext } from './collect-context.js';
import { readJobRunLogs } from './read-job-run-logs.js';

export async function readSessionListings(ctx: CollectContext, database: string, runs: readonly NamespaceJobEvidence[]): Promise<SessionListingEvidence[]> {
  const logs = await readJobRunLogs(ctx, runs, {
    why: `the workload's statements time out on locks another session of ${database} holds, and this Job runs psql against it`,
    readFor: (job) => `whose sessions Job ${job} saw holding them`,
    keep: keepSessionLines,
  });
  return logs.map(({ run, pod, container, lines }) => ({
    database,
    job: run.name,
    ...(run.owner ? { owner: run.owner } : {}),
    pod, container,
    ...(run.createdAt ? { createdAt: run.createdAt } : {}),
    lines,
  }));
}

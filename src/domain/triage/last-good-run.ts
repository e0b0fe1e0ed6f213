/**
 * When a recurring run (a CronJob's, or a Job's earlier runs) last succeeded: a change of what it
 * depends on made after that and before its failure is news however old it is — a nightly run
 * meets a change of the day before only at its next start.
 */
import type { IsoTime, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';

/** The CronJob's lastSuccessfulTime, else the newest completed Job's completion. */
export function findLastGoodRun(ev: Pick<TriageEvidence, 'jobs' | 'workload'>): IsoTime | undefined {
  const lastOk = (ev.jobs ?? []).find((j) => findCondition(j.conditions, 'Complete')?.status === 'True');
  return ev.workload?.schedule?.lastSuccessfulTime ?? lastOk?.completionTime ?? findCondition(lastOk?.conditions ?? [], 'Complete')?.lastTransitionTime;
}

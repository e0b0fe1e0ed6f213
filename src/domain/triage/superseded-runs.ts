/**
 * A CronJob is judged by its latest runs. The controller keeps a failed Job (failedJobsHistoryLimit)
 * long after later runs have completed: that failure is history, and its pods' exit codes and log
 * lines are not the CronJob's state now. The Jobs themselves stay in the evidence, so the analyzers
 * of the run history (no success for a while, schedule) still see every run.
 * Within one run too: a Job that is Complete retried past its failed pods (within backoffLimit),
 * so those failed attempts are history as well; and so is the failed attempt of an index an Indexed
 * Job has since completed, while the Job still runs (the index is done, only the others remain).
 */
import type { IsoTime, JobEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { parseIndexList } from './job-indexes.js';

function startOf(j: JobEvidence): IsoTime | undefined {
  return j.startTime ?? j.createdAt;
}

function hasCompleted(j: JobEvidence): boolean {
  return findCondition(j.conditions, 'Complete')?.status === 'True';
}

/** Jobs that a run started after them has since completed: their failure is over. */
export function listSupersededJobs(jobs: readonly JobEvidence[]): Set<string> {
  const completedStarts = jobs.filter(hasCompleted).flatMap((j) => (startOf(j) === undefined ? [] : [Date.parse(startOf(j) ?? '')]));
  const superseded = jobs.filter((j) => {
    const start = startOf(j);
    return !hasCompleted(j) && start !== undefined && completedStarts.some((t) => t > Date.parse(start));
  });
  return new Set(superseded.map((j) => j.name));
}

/**
 * The indexes of a not-failed Indexed Job that are done: status.completedIndexes, or an index one of
 * its pods Succeeded for. Empty for a Job that failed: its failed pods are its story then.
 */
function listDoneIndexes(j: JobEvidence, pods: readonly PodEvidence[]): Set<number> {
  if (j.completionMode !== 'Indexed' || findCondition(j.conditions, 'Failed')?.status === 'True') return new Set();
  const succeeded = pods.filter((p) => p.jobName === j.name && p.phase === 'Succeeded' && p.completionIndex !== undefined).map((p) => p.completionIndex ?? -1);
  return new Set([...parseIndexList(j.completedIndexes), ...succeeded]);
}

/** Failed pods of Jobs that completed anyway, or of indexes completed since: attempts a later pod made good. */
function listRetriedPods(ev: TriageEvidence): Set<string> {
  const jobs = ev.jobs ?? [];
  const done = new Set(jobs.filter(hasCompleted).map((j) => j.name));
  const doneIndexes = new Map(jobs.map((j) => [j.name, listDoneIndexes(j, ev.pods)]));
  const retried = (p: PodEvidence) => p.jobName !== undefined && (done.has(p.jobName) || (p.completionIndex !== undefined && doneIndexes.get(p.jobName)?.has(p.completionIndex) === true));
  return new Set(ev.pods.filter((p) => p.phase === 'Failed' && retried(p)).map((p) => p.name));
}

/** The evidence of a CronJob or Job without the pods (and their logs and events) of superseded runs and retried attempts. */
export function dropSupersededRuns(ev: TriageEvidence): TriageEvidence {
  if ((ev.target.kind !== 'CronJob' && ev.target.kind !== 'Job') || ev.jobs === undefined) return ev;
  const old = ev.target.kind === 'CronJob' ? listSupersededJobs(ev.jobs) : new Set<string>();
  const gone = new Set([...ev.pods.filter((p) => p.jobName !== undefined && old.has(p.jobName)).map((p) => p.name), ...listRetriedPods(ev)]);
  if (gone.size === 0) return ev;
  return {
    ...ev,
    pods: ev.pods.filter((p) => !gone.has(p.name)),
    logs: ev.logs.filter((l) => !gone.has(l.pod)),
    events: ev.events.filter((e) => !(e.object.kind === 'Pod' && gone.has(e.object.name)) && !(e.object.kind === 'Job' && old.has(e.object.name))),
  };
}

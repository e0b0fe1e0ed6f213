/**
 * Why a Job whose container keeps crashing has neither failed nor finished: under restartPolicy
 * OnFailure the kubelet restarts the container in its own pod, so the Job's status shows the pod
 * active (failed 0) while the restart count climbs, and without activeDeadlineSeconds nothing in
 * the spec ends the run. Said from the objects only: the policy, the restarts, the Job's counts.
 */
import type { JobEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { getLastTermination, hasRecovered, listAllContainers } from './pod-status.js';
import { formatSpan, msBetween } from './time-span.js';

export interface RestartsInPlace {
  job: string;
  /** "the Job has been active 5h 12m: under restartPolicy OnFailure export restarts in the same pod (57 restarts), and the Job shows failed 0 (backoffLimit 4) and no activeDeadlineSeconds". */
  text: string;
  /** What makes such a run fail visibly: restartPolicy Never, and a deadline when it has none. */
  advice: string;
}

/**
 * The first active Job of the workload (the Job itself, or a CronJob's run) whose containers crash
 * and restart in place. `said`: the advice already given, so a deadline is not advised twice.
 */
export function findRestartsInPlace(ev: TriageEvidence, said = ''): RestartsInPlace | undefined {
  if (ev.target.kind !== 'Job' && ev.target.kind !== 'CronJob') return undefined;
  for (const job of ev.jobs ?? []) {
    if (!isStillRunning(job) || job.restartPolicy !== 'OnFailure') continue;
    const pods = ev.pods.filter((p) => p.jobName === job.name || (ev.target.kind === 'Job' && p.jobName === undefined));
    const crashing = listCrashingInPlace(ev, pods);
    if (crashing.length === 0) continue;
    return describe(ev, job, crashing, said.includes('activeDeadlineSeconds'));
  }
  return undefined;
}

function isStillRunning(job: JobEvidence): boolean {
  const ended = ['Complete', 'Failed', 'FailureTarget', 'SuccessCriteriaMet'].some((t) => findCondition(job.conditions, t)?.status === 'True');
  return job.active > 0 && !ended && job.suspended !== true;
}

/** Containers that restarted after failing and have not come back for good, in pods still meant to run. */
function listCrashingInPlace(ev: TriageEvidence, pods: readonly PodEvidence[]): { pod: string; container: string; restarts: number }[] {
  return listAllContainers(pods.filter((p) => p.phase === 'Running' || p.phase === 'Pending')).flatMap(({ pod, container }) => {
    const term = getLastTermination(container);
    if (container.restartCount === 0 || term === undefined || term.exitCode === 0 || hasRecovered(container, term, ev.collectedAt)) return [];
    return [{ pod: pod.name, container: container.name, restarts: container.restartCount }];
  });
}

function describe(ev: TriageEvidence, job: JobEvidence, crashing: readonly { pod: string; container: string; restarts: number }[], deadlineAdvised: boolean): RestartsInPlace {
  const own = ev.target.kind === 'Job';
  const who = own ? 'the Job' : `Job ${job.name}`;
  const since = job.startTime ?? job.createdAt;
  const active = since === undefined ? `${who} is still active` : `${who} has been active ${formatSpan(msBetween(since, ev.collectedAt))}`;
  const containers = [...new Set(crashing.map((c) => c.container))].join(', ');
  const pods = new Set(crashing.map((c) => c.pod)).size;
  const restarts = crashing.reduce((n, c) => n + c.restarts, 0);
  const where = pods === 1 ? 'the same pod' : 'the same pods';
  const count = `${restarts} restart${restarts === 1 ? '' : 's'}${pods === 1 ? '' : ` across ${pods} pods`}`;
  const limit = job.backoffLimit === undefined ? '' : ` (backoffLimit ${job.backoffLimit})`;
  const deadline = job.activeDeadlineSeconds === undefined ? 'no activeDeadlineSeconds' : `activeDeadlineSeconds ${job.activeDeadlineSeconds} (${formatSpan(job.activeDeadlineSeconds * 1000)})`;
  const text = `${active}: under restartPolicy OnFailure ${containers} restart${crashing.length === 1 ? 's' : ''} in ${where} (${count}), and ${own ? 'the Job' : 'it'} shows failed ${job.failed}${limit} and ${deadline}`;
  const on = own ? 'the Job' : "the CronJob's job template";
  const settings = job.activeDeadlineSeconds === undefined && !deadlineAdvised ? 'restartPolicy Never or an activeDeadlineSeconds' : 'restartPolicy Never';
  return { job: job.name, text, advice: `give ${on} ${settings}, so a run that keeps failing ends as failed instead of staying active` };
}

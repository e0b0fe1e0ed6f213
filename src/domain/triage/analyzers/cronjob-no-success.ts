import type { EventEvidence, JobEvidence, TriageEvidence, WorkloadEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { countFireTimes, fireTimesBetween, formatRun, parseCronSchedule } from '../cron-schedule.js';
import type { CronSchedule } from '../cron-schedule.js';
import { findOverlap } from '../cron-overlap.js';
import { findVanishedRuns } from '../cron-vanished-runs.js';
import type { VanishedRuns } from '../cron-vanished-runs.js';
import type { Overlap } from '../cron-overlap.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo, formatSpan, latest, msBetween } from '../time-span.js';

/** Schedules passed without a success before the CronJob is called failing: a slow run or two is not. */
const RUNS_WITHOUT_SUCCESS = 3;
/** Beyond this many, the work has been undone long enough to be critical. */
const CRITICAL_RUNS = 6;
/** The controller deletes the replaced run and creates the next one in the same sync. */
const SAME_SYNC_MS = 5_000;
const WEEK_MS = 7 * 24 * 3600_000;

type Schedule = NonNullable<WorkloadEvidence['schedule']>;

function completedAt(j: JobEvidence): string | undefined {
  const done = findCondition(j.conditions, 'Complete');
  return done?.status === 'True' ? (j.completionTime ?? done.lastTransitionTime) : undefined;
}

/**
 * "Deleted job X" beside "Created job Y" at the same moment, after `since`: under Replace the
 * controller deletes the Jobs still active when the next run is due, then creates that run. A
 * history clean-up deletes finished Jobs when one finishes, not when a run starts.
 */
function findReplacements(ev: TriageEvidence, cronJob: string, since: string): { deletes: EventEvidence[]; creates: EventEvidence[] } {
  const own = ev.events.filter((e) => e.object.kind === 'CronJob' && e.object.name === cronJob && msBetween(since, e.lastSeen) > 0);
  const creates = own.filter((e) => e.reason === 'SuccessfulCreate').sort((a, b) => msBetween(a.lastSeen, b.lastSeen));
  const deletes = own.filter((e) => e.reason === 'SuccessfulDelete' && creates.some((c) => Math.abs(msBetween(c.lastSeen, e.lastSeen)) <= SAME_SYNC_MS));
  return { deletes: deletes.sort((a, b) => msBetween(a.lastSeen, b.lastSeen)), creates };
}

/** "9m 36s": how close a run came to the period shows in its seconds. */
function formatRunTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 && seconds < 3600 && seconds % 60 !== 0 ? `${Math.floor(seconds / 60)}m ${seconds % 60}s` : formatSpan(ms);
}

/** The time between two runs, measured at the next two fire times (schedules can be irregular). */
function periodOf(parsed: CronSchedule, now: string): number | undefined {
  const [a, b] = fireTimesBetween(parsed, new Date(now), new Date(Date.parse(now) + WEEK_MS), 2);
  return a && b ? b.getTime() - a.getTime() : undefined;
}

/** How long the CronJob has gone without a success, in time and in runs started since. */
interface SinceSuccess {
  lastSuccess: string;
  /** Schedules from the last success (or a later resume) to the last run started. */
  schedules: number;
  /** The newest run, still going: it may yet finish. */
  current?: JobEvidence;
}

function measureSinceSuccess(schedule: Schedule, parsed: CronSchedule, jobs: readonly JobEvidence[]): SinceSuccess | undefined {
  const lastSuccess = latest([schedule.lastSuccessfulTime, ...jobs.map(completedAt)]);
  // Nothing says when a run last succeeded: no claim either way.
  if (lastSuccess === undefined) return undefined;
  // Schedules passed while suspended are not runs that failed: count from the resume.
  const from = latest([lastSuccess, schedule.suspendedAt]) ?? lastSuccess;
  const lastStarted = latest([schedule.lastScheduleTime, ...jobs.map((j) => j.createdAt)]);
  if (lastStarted === undefined || msBetween(from, lastStarted) <= 0) return undefined;
  const [newest] = jobs;
  const current = newest !== undefined && newest.active > 0 && newest.createdAt !== undefined && msBetween(from, newest.createdAt) > 0 ? newest : undefined;
  return { lastSuccess, schedules: countFireTimes(parsed, new Date(from), new Date(lastStarted), 10_000).count, ...(current ? { current } : {}) };
}

/**
 * A CronJob whose runs start and none completes: its last success (status.lastSuccessfulTime, or
 * the newest completed Job) is several schedules old. The kept history ("its last 3 runs
 * completed") can be hours stale, so it is no all-clear. Under concurrencyPolicy Replace the
 * controller's own events say how: each time a run is due it deletes the one still going, so a run
 * that outgrew the schedule period never finishes. Skipped runs (suspended, Forbid) are
 * cronjob-schedule's: only schedules up to the last run started are counted here.
 */
export function analyzeCronJobNoSuccess(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  const sched = w?.kind === 'CronJob' ? w.schedule : undefined;
  if (!w || sched === undefined || sched.suspended) return [];
  const parsed = parseCronSchedule(sched.cron, sched.timeZone);
  if (parsed === undefined) return [];
  const jobs = ev.jobs ?? [];
  const since = measureSinceSuccess(sched, parsed, jobs);
  const ended = since ? since.schedules - (since.current ? 1 : 0) : 0;
  if (since === undefined || ended < RUNS_WITHOUT_SUCCESS) return [];
  const { lastSuccess, schedules, current } = since;

  const tz = parsed.timeZone;
  const ref = `cronjob/${w.name}`;
  const period = periodOf(parsed, ev.collectedAt);
  const every = period === undefined ? '' : `, every ${formatSpan(period)}`;
  const took = jobs.flatMap((j) => { const done = completedAt(j); return done && j.startTime ? [formatRunTime(msBetween(j.startTime, done))] : []; });
  const replace = sched.concurrencyPolicy === 'Replace' ? findReplacements(ev, w.name, lastSuccess) : { deletes: [], creates: [] };
  const [lastDelete] = replace.deletes;
  const failed = jobs.filter((j) => findCondition(j.conditions, 'Failed')?.status === 'True' && j.createdAt !== undefined && msBetween(lastSuccess, j.createdAt) > 0);
  const stale = `no run has completed for ${formatSpan(msBetween(lastSuccess, ev.collectedAt))} (last success ${formatRun(new Date(lastSuccess), tz)}; ${schedules} schedules since)`;
  const next = fireTimesBetween(parsed, new Date(ev.collectedAt), new Date(Date.parse(ev.collectedAt) + WEEK_MS), 1)[0];
  const fromStatus = sched.lastSuccessfulTime === lastSuccess;
  const evidence = [
    `${fromStatus ? 'status.lastSuccessfulTime' : 'newest completed Job finished'} ${lastSuccess} (${formatAgo(lastSuccess, ev.collectedAt)})`,
    `schedule ${sched.cron} (${tz}${every}), concurrencyPolicy ${sched.concurrencyPolicy ?? 'Allow'}, lastScheduleTime ${sched.lastScheduleTime ?? 'unknown'}`,
    ...(took.length > 0 ? [`completed runs kept took ${took.join(', ')} (newest first)${period === undefined ? '' : ` against ${formatSpan(period)} between runs`}`] : []),
    ...(lastDelete ? [`CronJob events: at ${replace.deletes.length} of the last ${replace.creates.length} schedules "Deleted job …" came with "Created job …"; the newest ${formatAgo(lastDelete.lastSeen, ev.collectedAt)}: SuccessfulDelete "${lastDelete.message}"`] : []),
    ...failed.map((j) => `Job ${j.name} failed (${findCondition(j.conditions, 'Failed')?.reason ?? 'Failed'})`),
    ...(current?.startTime ? [`Job ${current.name} running for ${formatSpan(msBetween(current.startTime, ev.collectedAt))}${lastDelete && next ? `; the next schedule (${formatRun(next, tz)}) replaces it unless it finishes first` : ''}`] : []),
  ];
  const confirm = [
    formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.concurrencyPolicy} {.status.lastSuccessfulTime} {.status.lastScheduleTime}'`),
    formatKubectl(ev.target, `get events --field-selector involvedObject.kind=CronJob,involvedObject.name=${w.name} --sort-by=.lastTimestamp`),
    formatKubectl(ev.target, `get jobs -l batch.kubernetes.io/cronjob-name=${w.name} --sort-by=.metadata.creationTimestamp`),
  ];
  const base = { id: `cron-no-success/${w.name}`, kind: 'cron-no-success' as const, layer: 'container/process' as const, evidence, confirmCommands: confirm };

  if (lastDelete) {
    const when = replace.deletes.length >= replace.creates.length ? 'each time the next was due' : `at ${replace.deletes.length} of the last ${replace.creates.length} schedules`;
    const between = period === undefined ? 'the time between schedules' : `the ${formatSpan(period)} between schedules`;
    return [{
      ...base,
      title: `CronJob ${w.name}: ${stale}; concurrencyPolicy Replace deleted the run still going ${when}`,
      severity: 'critical',
      confidence: 'high',
      decisive: lastDelete.message,
      likelyCause: `A run now takes longer than ${between}${took.length > 0 ? ` (the last completed runs took ${took.join(', ')}, newest first)` : ''}, so under concurrencyPolicy Replace the CronJob controller deletes the running Job and its pod each time the next run is due and starts over: no run finishes.`,
      nextAction: `Let a run finish: set concurrencyPolicy Forbid (\`kubectl patch ${ref} -p '{"spec":{"concurrencyPolicy":"Forbid"}}'\` — the bot will not) or a schedule longer than a run; then find why runs outgrew ${between} (more data, a slower dependency) and make them fit.`,
      fix: 'set concurrencyPolicy Forbid (or a longer schedule) so a run can finish',
    }];
  }

  const overlap = (sched.concurrencyPolicy ?? 'Allow') === 'Allow' ? findOverlap(jobs, ev.logs, lastSuccess) : undefined;
  if (overlap) {
    const between = period === undefined ? 'the time between schedules' : `the ${formatSpan(period)} between schedules`;
    return [{ ...base, ...describeOverlap(ev, overlap, { stale, between, took, period }), severity: ended >= CRITICAL_RUNS ? 'critical' : 'warning', confidence: 'high' }];
  }

  const vanished = failed.length === 0 ? findVanishedRuns(ev, w.name, lastSuccess) : undefined;
  if (vanished) {
    return [{ ...base, ...describeVanished(ev, vanished, stale), evidence: [...evidence, ...vanished.failed.slice(0, 3).map((e) => `CronJob event ${e.reason} ${formatAgo(e.lastSeen, ev.collectedAt)}: "${e.message}"`), ...vanished.reasons.slice(0, 2).map((e) => `Job ${e.object.name}: ${e.reason} "${e.message}"`)], severity: ended >= CRITICAL_RUNS ? 'critical' : 'warning', confidence: 'high' }];
  }

  const cause = sched.concurrencyPolicy === 'Replace'
    ? 'Under concurrencyPolicy Replace a run still going when the next is due is deleted: if runs now take longer than the time between schedules, none finishes (the CronJob\'s SuccessfulDelete events, kept about an hour, would show it).'
    : failed.length > 0
      ? 'Runs since then failed: how the failed Jobs\' pods ended says why.'
      : 'The runs since then left no completed Job: they failed and were cleaned up (failedJobsHistoryLimit), were deleted, or are still going; the CronJob\'s events and its Jobs say how they ended.';
  return [{
    ...base,
    title: `CronJob ${w.name}: ${stale}${failed.length > 0 ? `; ${failed.length} kept run${failed.length === 1 ? '' : 's'} failed` : ''}`,
    severity: ended >= CRITICAL_RUNS ? 'critical' : 'warning',
    confidence: 'medium',
    decisive: `${fromStatus ? 'lastSuccessfulTime' : 'completionTime'}: ${lastSuccess}`,
    likelyCause: cause,
    nextAction: `Find how the runs since ${formatRun(new Date(lastSuccess), tz)} ended (the CronJob's events and Jobs); once fixed, run the missed work by hand (\`kubectl create job --from=${ref} ${w.name}-manual\`).`,
  }];
}

/** Runs Allow let pile up: how many go at once, the oldest, and the lock their logs wait on. */
function describeOverlap(ev: TriageEvidence, o: Overlap, c: { stale: string; between: string; took: string[]; period: number | undefined }): Pick<Finding, 'title' | 'evidence' | 'likelyCause' | 'nextAction' | 'fix'> & { decisive?: string } {
  const n = o.active.length;
  const runningFor = (j: JobEvidence) => formatSpan(msBetween(j.startTime ?? j.createdAt ?? ev.collectedAt, ev.collectedAt));
  const against = c.period === undefined ? '' : ` against ${formatSpan(c.period)} between schedules`;
  const [lock] = o.lockWaits;
  const waits = lock ? `, and ${o.lockWaits.length === 1 ? 'the log read shows its run' : `the ${o.lockWaits.length} logs read show their runs`} waiting on a lock` : '';
  const later = o.active.slice(1).map((j) => j.name);
  const remove = later.length <= 10 ? ` (\`${formatKubectl(ev.target, `delete job ${later.join(' ')}`)}\`)` : '';
  const ref = `cronjob/${ev.target.name}`;
  return {
    title: `CronJob ${ev.target.name}: ${c.stale}; concurrencyPolicy Allow let the runs pile up: ${n} Jobs active at once, the oldest for ${runningFor(o.oldest)}${against}${waits}`,
    evidence: [
      `${n} Jobs active, all started after the last success (oldest first): ${o.active.map((j) => `${j.name} (running ${runningFor(j)})`).join(', ')}`,
      ...o.lockWaits.map((w) => `log ${w.pod}: ${w.line}`),
    ],
    ...(lock ? { decisive: lock.line } : {}),
    likelyCause: `A run now takes longer than ${c.between}${c.took.length > 0 ? ` (the last completed runs took ${c.took.join(', ')}, newest first)` : ''}, and concurrencyPolicy Allow starts the next one anyway: ${n} runs go at once${lock ? ', and their logs show them waiting on a lock — most likely one the other runs hold, as they all work on the same data — so each is slower than a run alone' : ', competing for the same data and resources, so each is slower than a run alone'}, the pile grows with every schedule and none finishes.`,
    nextAction: `Stop the pile-up: set concurrencyPolicy Forbid (\`kubectl patch ${ref} -p '{"spec":{"concurrencyPolicy":"Forbid"}}'\` — the bot will not), delete the ${n - 1} runs started after the oldest (${o.oldest.name}) so it can finish alone${remove}, and give the Job an activeDeadlineSeconds; then find why runs outgrew ${c.between}.`,
    fix: `set concurrencyPolicy Forbid and delete the piled-up runs but the oldest (${o.oldest.name}) so it can finish alone`,
  };
}

/** Failed runs whose Jobs are gone: their end is in events, and a short TTL is why nothing else is left. */
function describeVanished(ev: TriageEvidence, v: VanishedRuns, stale: string): Pick<Finding, 'title' | 'likelyCause' | 'nextAction' | 'fix' | 'decisive'> {
  const name = ev.target.name;
  const n = v.failed.length;
  const [reason] = v.reasons;
  const how = reason ? ` (${reason.reason})` : '';
  const ttl = v.ttlSeconds;
  const deletes = ttl === undefined ? undefined : `ttlSecondsAfterFinished ${ttl} has the TTL controller delete each Job and its pods ${ttl === 0 ? 'the moment' : `${ttl}s after`} it ends`;
  const manual = `kubectl create job --from=cronjob/${name} ${name}-manual`;
  return {
    title: `CronJob ${name}: ${stale}; ${n === 1 ? 'the last run' : `the last ${n} runs`} failed${how}${deletes ? `, and ${deletes}` : ', and the Jobs are gone'}`,
    decisive: reason?.message ?? v.failed[0]?.message ?? '',
    likelyCause: `The runs since the last success ended Failed${reason ? ` — ${reason.reason}: "${reason.message}"` : ''} (the CronJob controller's SawCompletedJob events). ${deletes ? `The jobTemplate's ${deletes}, so no Job, pod or log is left to say why: only events remain.` : 'Their Jobs are already deleted, so their pods and logs are gone.'}`,
    nextAction: `${deletes ? 'Keep the evidence first: raise ttlSecondsAfterFinished in the jobTemplate (e.g. 86400), or a run started by hand is deleted the same way; then ' : ''}run it by hand (\`${formatKubectl(ev.target, manual)}\`) and read its logs while it runs (\`${formatKubectl(ev.target, `logs -f job/${name}-manual`)}\`) to see why it fails.`,
    fix: deletes ? 'raise ttlSecondsAfterFinished so failed runs stay to be read, then find why the runs fail' : 'run it by hand and read its logs to find why the runs fail',
  };
}

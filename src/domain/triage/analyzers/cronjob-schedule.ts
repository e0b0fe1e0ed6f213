import type { JobEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { countFireTimes, fireTimesBetween, formatRun, parseCronSchedule } from '../cron-schedule.js';
import type { FireTimeCount } from '../cron-schedule.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo, latest } from '../time-span.js';
import { explainRefusedRuns, findRefusedRuns } from '../cron-refused-runs.js';
import { describeJobsFillingQuota } from '../job-count-quota.js';
import { explainMissedStart, explainTooManyMissed, findMissedStart, findTooManyMissed } from '../cron-missed-start.js';
import { explainControllerRefusal, findControllerRefusal } from '../cron-controller-refusal.js';
import { findQuietSchedule } from '../cron-quiet-schedule.js';
import { describeQuietSchedule } from './cron-quiet-finding.js';

/** The controller starts a run within seconds of its time; later than this, it was not started. */
const START_GRACE_MS = 2 * 60_000;

/** Missed runs counted this far at most: "more than 10000" says enough. */
const MAX_COUNTED = 10_000;

/** "2026-11-20 01:30 UTC, 2026-11-21 01:30 UTC" or "… , … , … … <the newest>". */
function listRuns(runs: FireTimeCount, timeZone: string): string {
  const shown = runs.first.map((r) => formatRun(r, timeZone));
  return runs.count > runs.first.length && runs.last ? `${shown.join(', ')} … ${formatRun(runs.last, timeZone)}` : shown.join(', ');
}

/**
 * A CronJob whose runs did not happen: suspended (who paused it and when, from managedFields),
 * or due and not started (a run still active under concurrencyPolicy Forbid, or the controller
 * not starting it). "Its last runs completed" is no all-clear when the next ones never came.
 */
export function analyzeCronJobSchedule(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  const sched = w?.kind === 'CronJob' ? w.schedule : undefined;
  if (!w || sched === undefined) return [];
  // The controller cannot read the spec (its zone, its schedule): it says so and starts nothing.
  const refusal = sched.suspended ? undefined : findControllerRefusal(ev, w.name, sched);
  if (refusal) return [describeControllerRefusal(ev, refusal)];
  const parsed = parseCronSchedule(sched.cron, sched.timeZone);
  if (parsed === undefined) return [];
  const jobs = ev.jobs ?? [];
  const last = latest([sched.lastScheduleTime, ...jobs.map((j) => j.createdAt)]) ?? w.createdAt;
  if (last === undefined) return [];
  const now = new Date(Date.parse(ev.collectedAt) - START_GRACE_MS);
  const missed = countFireTimes(parsed, new Date(last), now, MAX_COUNTED);
  const upcoming = fireTimesBetween(parsed, new Date(ev.collectedAt), new Date(Date.parse(ev.collectedAt) + 8 * 24 * 3600_000), 1)[0];
  const tz = parsed.timeZone;
  const ranBefore = sched.lastScheduleTime !== undefined || jobs.length > 0;
  const lastText = ranBefore ? `the last one started ${formatRun(new Date(last), tz)} (${formatAgo(last, ev.collectedAt)})` : `none has run since it was created ${formatAgo(last, ev.collectedAt)}`;
  const ref = `cronjob/${w.name}`;
  const confirm = [formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.suspend} {.status.lastScheduleTime}'`), formatKubectl(ev.target, `get jobs -l batch.kubernetes.io/cronjob-name=${w.name} --sort-by=.metadata.creationTimestamp`)];
  const runsNoun = (r: FireTimeCount) => `${r.capped ? 'more than ' : ''}${r.count} scheduled run${r.count === 1 ? '' : 's'}`;

  if (sched.suspended) {
    const who = sched.suspendedAt ? `, set ${formatAgo(sched.suspendedAt, ev.collectedAt)}${sched.suspendedBy ? ` by ${sched.suspendedBy}` : ''}` : '';
    const skipped = missed.count > 0 ? `: ${runsNoun(missed)} skipped (${listRuns(missed, tz)}), ${lastText}` : upcoming ? `: the next run (${formatRun(upcoming, tz)}) will not happen` : '';
    return [
      {
        id: `cron-schedule/${w.name}`,
        kind: 'cron-schedule',
        title: `CronJob ${w.name} is suspended (spec.suspend: true${who})${skipped}`,
        layer: 'rollout/change',
        severity: missed.count > 0 ? 'critical' : 'warning',
        confidence: 'high',
        evidence: [
          `spec.suspend: true${sched.suspendedAt ? `, written ${formatAgo(sched.suspendedAt, ev.collectedAt)}${sched.suspendedBy ? ` by field manager ${sched.suspendedBy}` : ''}` : ''}`,
          `schedule ${sched.cron} (${tz}); ${lastText}`,
          ...(missed.count > 0 ? [`runs due since then and not started: ${listRuns(missed, tz)}`] : []),
        ],
        decisive: 'spec.suspend: true',
        likelyCause: 'Someone paused the CronJob (often during a migration or an incident) and it was not resumed; the controller starts no run while it is suspended, and skipped runs are not made up later.',
        nextAction: `Resume it (\`kubectl patch ${ref} -p '{"spec":{"suspend":false}}'\` — the bot will not), then run what was missed by hand (\`kubectl create job --from=${ref} ${w.name}-manual\`).`,
        fix: 'resume the CronJob and run the missed runs by hand',
        confirmCommands: confirm,
      },
    ];
  }

  if (missed.count === 0) {
    // Nothing was due: unless the schedule itself changed to fire far less often than it ran.
    const quiet = findQuietSchedule(ev);
    return quiet ? [describeQuietSchedule(ev, quiet)] : [];
  }
  // A run held at parallelism 0 has no pod, yet is unfinished: still the CronJob's active run.
  const blocking = sched.concurrencyPolicy === 'Forbid' ? jobs.find((j) => j.active > 0) ?? jobs.find(isHeldAtZero) : undefined;
  const held = blocking !== undefined && isHeldAtZero(blocking);
  // Without a deadline nothing ends a run that hangs (a read without timeout), and Forbid skips every run after it.
  const noDeadline = blocking !== undefined && blocking.activeDeadlineSeconds === undefined;
  const refused = blocking ? undefined : findRefusedRuns(ev, w.name);
  const filling = refused?.quota !== undefined && ev.namespaceJobs ? describeJobsFillingQuota(ev.namespaceJobs, refused.quota, ev.target, refused.event.firstSeen, ev.collectedAt) : undefined;
  const refusedTold = refused ? explainRefusedRuns(refused, filling) : undefined;
  // The controller reached the runs after their starting deadline: MissSchedule says so.
  // Or it gave up: more than 100 runs missed and no deadline to forget the older ones (a resume after a long suspension).
  const tooMany = blocking || refused || sched.startingDeadlineSeconds !== undefined ? undefined : findTooManyMissed(ev, w.name);
  const resumed = sched.resumedAt !== undefined && (sched.lastScheduleTime === undefined || sched.resumedAt > sched.lastScheduleTime) ? { at: sched.resumedAt, ...(sched.resumedBy ? { by: sched.resumedBy } : {}) } : undefined;
  const tooManyTold = tooMany ? explainTooManyMissed(tooMany, ref, w.name, ev.collectedAt, resumed) : undefined;
  const late = blocking || refused || tooMany ? undefined : findMissedStart(ev, w.name, sched.startingDeadlineSeconds, { ...(sched.deadlineWrittenAt ? { at: sched.deadlineWrittenAt } : {}), ...(sched.deadlineWrittenBy ? { by: sched.deadlineWrittenBy } : {}) });
  const lateExplained = late ? explainMissedStart(late, ref, w.name, ev.collectedAt) : undefined;
  const lateTold = lateExplained ?? tooManyTold;
  const told = refusedTold ?? lateTold;
  const cause = told ? told.cause : held && blocking
    ? `Job ${blocking.name} has parallelism 0, so the Job controller creates no pod for it: it never finishes nor fails, stays the CronJob's active run, and with concurrencyPolicy Forbid each run due since is skipped. parallelism 0 is how a Job is paused by hand (or by an overlay patch), and the CronJob's jobTemplate hands it to every new run.`
    : blocking
    ? `Job ${blocking.name} is still running${blocking.startTime ? ` (started ${formatAgo(blocking.startTime, ev.collectedAt)})` : ''} and concurrencyPolicy is Forbid, so each run due meanwhile is skipped.${noDeadline ? ' The Job has no activeDeadlineSeconds, so nothing ends a run that hangs (a call without a timeout).' : ''}`
    : 'The CronJob controller did not start them: look for FailedCreate or TooManyMissedTimes events on the CronJob, a startingDeadlineSeconds shorter than the controller\'s delay, or kube-controller-manager itself.';
  return [
    {
      id: `cron-schedule/${w.name}`,
      kind: 'cron-schedule',
      title: refused
        ? `CronJob ${w.name}: ${runsNoun(missed)} refused by ${refused.what} (${listRuns(missed, tz)}); ${lastText}`
        : `CronJob ${w.name}: ${runsNoun(missed)} did not start (${listRuns(missed, tz)})${lateTold ? `: ${lateTold.clause}` : ''}; ${lastText}${blocking ? `; run ${blocking.name} is still active (concurrencyPolicy Forbid)${held ? ' with parallelism: 0, so it never starts a pod' : ''}` : ''}`,
      layer: 'container/process',
      severity: missed.count > 1 ? 'critical' : 'warning',
      confidence: blocking || refused || late || tooMany ? 'high' : 'medium',
      ...(refused ? { decisive: refused.message } : lateExplained ? { decisive: lateExplained.decisive } : tooMany ? { decisive: tooMany.event.message } : {}),
      ...(tooManyTold?.since ? { datesChange: true as const } : {}),
      evidence: [
        ...(refused ? [`FailedCreate ×${refused.event.count} on the CronJob, last ${formatAgo(refused.event.lastSeen, ev.collectedAt)}: ${refused.message}`] : []),
        `schedule ${sched.cron} (${tz}), lastScheduleTime ${sched.lastScheduleTime ?? 'never'}`,
        ...(sched.startingDeadlineSeconds !== undefined ? [`startingDeadlineSeconds: ${sched.startingDeadlineSeconds}`] : []),
        `runs due and not started: ${listRuns(missed, tz)}`,
        ...(told ? told.evidence : []),
        ...(held && blocking ? [`Job ${blocking.name}: spec.parallelism 0, ${blocking.active} active pods, no Complete or Failed condition`] : []),
        ...(blocking && !held ? [`Job ${blocking.name}: ${blocking.activeDeadlineSeconds === undefined ? 'no activeDeadlineSeconds (no deadline)' : `activeDeadlineSeconds ${blocking.activeDeadlineSeconds}`}`] : []),
      ],
      likelyCause: cause,
      nextAction: told ? told.action : held && blocking ? `Set spec.jobTemplate.spec.parallelism back to 1 (or remove it) where the CronJob is defined, then delete Job ${blocking.name} so the next run can start; run the missed runs by hand (\`kubectl create job --from=${ref} ${w.name}-manual\` — the bot will not).` : blocking ? `Find why ${blocking.name} runs so long (its logs); delete it only if it is stuck, so the next run can start.${noDeadline ? ' Then set activeDeadlineSeconds on the job template (and timeouts on its calls), so a hung run ends by itself.' : ''}` : 'Read the CronJob\'s events and the controller\'s health; run a missed run by hand meanwhile.',
      ...(told ? { fix: told.fix } : {}),
      ...(held && blocking ? { fix: `set the job template's parallelism back to 1 and delete ${blocking.name}` } : {}),
      ...(blocking && !held ? { fix: `end the run that blocks the schedule (${blocking.name})${noDeadline ? ' and give the Job an activeDeadlineSeconds' : ''}` } : {}),
      confirmCommands: [...confirm, formatKubectl(ev.target, `describe ${ref}`)],
    },
  ];
}

/** A Job at parallelism 0 that has not finished: it has no pod and never will, yet counts as running. */
function isHeldAtZero(j: JobEvidence): boolean {
  return j.parallelism === 0 && j.completionTime === undefined && !j.conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/**
 * No Job since the controller refused the spec. The runs missed are not counted: in a zone the
 * controller cannot load there is no telling when they were due.
 */
function describeControllerRefusal(ev: TriageEvidence, refusal: NonNullable<ReturnType<typeof findControllerRefusal>>): Finding {
  const w = ev.workload;
  const sched = w?.schedule;
  const name = w?.name ?? ev.target.name;
  const ref = `cronjob/${name}`;
  const told = explainControllerRefusal(refusal, ref, name, ev.collectedAt);
  const last = latest([sched?.lastScheduleTime, ...(ev.jobs ?? []).map((j) => j.createdAt)]);
  const since = last ? `no Job created since the last run, ${formatRun(new Date(last), 'UTC')} (${formatAgo(last, ev.collectedAt)})` : 'no Job created';
  return {
    id: `cron-schedule/${name}`,
    kind: 'cron-schedule',
    title: `CronJob ${name}: ${told.clause}; ${since}`,
    layer: 'rollout/change',
    severity: 'critical',
    confidence: 'high',
    decisive: refusal.event.message,
    evidence: [told.evidence, `schedule ${sched?.cron ?? '?'}${sched?.timeZone ? `, timeZone ${sched.timeZone}` : ''}, lastScheduleTime ${sched?.lastScheduleTime ?? 'never'}`],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    confirmCommands: [formatKubectl(ev.target, `describe ${ref}`), formatKubectl(ev.target, `get jobs -l batch.kubernetes.io/cronjob-name=${name} --sort-by=.metadata.creationTimestamp`)],
  };
}

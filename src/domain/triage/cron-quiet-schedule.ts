/**
 * A CronJob gone quiet because its schedule changed: its kept runs came at a steady pace (or the
 * schedule as last applied fires often), they fall at times the live schedule does not fire (or
 * the live one differs from the one applied), and nothing has run for many times that pace. The
 * live schedule missed no run — it simply fires rarely now (a 1 typed into the day-of-month field:
 * `15 * 1 * *`, only on the 1st) — so nothing failed and "its last runs completed" reads healthy.
 *
 * A schedule that has always been sparse (a monthly job whose kept runs are a month apart) or
 * quiet by its own design (a weekday job over the weekend: its kept runs are its own fire times)
 * is not this: the schedule explains the gap.
 */
import type { IsoTime, JobEvidence, TriageEvidence } from './evidence.js';
import { countFireTimes, fireTimesBetween, parseCronSchedule } from './cron-schedule.js';
import type { CronSchedule, FireTimeCount } from './cron-schedule.js';
import { describeFiringDays } from './cron-schedule-words.js';
import { MINUTE_MS, latest } from './time-span.js';

/** Quiet for this many times the pace it ran at before: no longer a late or skipped run. */
export const QUIET_FACTOR = 4;
/** Shorter gaps are not called at all (a minutely job a few minutes late). */
const MIN_QUIET_MS = 30 * MINUTE_MS;
/** The controller starts a run within seconds of its time; a Job created later is still that run. */
const START_GRACE_MS = 5 * MINUTE_MS;
/** The next fire time is looked for this far ahead: any valid schedule but Feb 29 fires within it. */
const NEXT_HORIZON_MS = 366 * 24 * 60 * MINUTE_MS;
/** The applied schedule's runs since the last one are counted this far at most. */
const MAX_COUNTED = 10_000;

export interface QuietSchedule {
  /** The newest scheduled run (lastScheduleTime or the newest kept Job). */
  lastRun: IsoTime;
  quietMs: number;
  /** The pace it ran at before: the widest gap between kept runs, or the applied schedule's interval. */
  paceMs: number;
  paceFrom: 'kept runs' | 'applied schedule';
  /** Scheduled times of the kept runs (not the manual ones), oldest first. */
  keptRuns: Date[];
  /** Those of them the live schedule does not fire at: it changed after they ran. */
  offSchedule: Date[];
  /** The live schedule's next fire time; undefined when none within a year. */
  next?: Date;
  /** "only on the 1st of the month" when a day or month field restricts it. */
  days?: string;
  /** The schedule as last applied, when it differs from the live one, and its runs since the last. */
  applied?: { cron: string; due: FireTimeCount };
  /** spec.schedule last written after the last run: when and by which field manager. */
  editedAfter?: { at: IsoTime; by: string };
}

/** The run's scheduled time: the controller names a Job `<cronjob>-<minutes since the epoch>`. */
function scheduledAt(job: JobEvidence, cronJob: string): Date | undefined {
  const created = job.createdAt === undefined ? NaN : Date.parse(job.createdAt);
  const m = new RegExp(`^${cronJob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(job.name);
  const named = m ? Number(m[1]) * MINUTE_MS : NaN;
  // A name that is not the run's minute (a Job named by hand) does not date it.
  if (Number.isFinite(named) && (!Number.isFinite(created) || Math.abs(created - named) <= 24 * 60 * MINUTE_MS)) return new Date(named);
  return Number.isFinite(created) ? new Date(created) : undefined;
}

/** A fire time of `s` at `at` or in the grace before it. */
function firesAt(s: CronSchedule, at: Date): boolean {
  return fireTimesBetween(s, new Date(at.getTime() - START_GRACE_MS - MINUTE_MS), new Date(at.getTime()), 1).length > 0;
}

/** The interval between the first two fire times after `from`. */
function intervalOf(s: CronSchedule, from: Date): number | undefined {
  const [a, b] = fireTimesBetween(s, from, new Date(from.getTime() + NEXT_HORIZON_MS), 2);
  return a && b ? b.getTime() - a.getTime() : undefined;
}

/** The scheduled runs the kept Jobs and lastScheduleTime tell, oldest first, one per minute. */
function listRuns(jobs: readonly JobEvidence[], cronJob: string, lastScheduleTime: IsoTime | undefined): Date[] {
  const times = jobs.filter((j) => !j.manual).flatMap((j) => scheduledAt(j, cronJob) ?? []);
  if (lastScheduleTime !== undefined && !Number.isNaN(Date.parse(lastScheduleTime))) times.push(new Date(lastScheduleTime));
  const sorted = times.sort((a, b) => a.getTime() - b.getTime());
  return sorted.filter((t, i) => i === 0 || t.getTime() - (sorted[i - 1]?.getTime() ?? 0) >= MINUTE_MS);
}

export function findQuietSchedule(ev: TriageEvidence): QuietSchedule | undefined {
  const w = ev.workload;
  const sched = w?.kind === 'CronJob' ? w.schedule : undefined;
  if (!w || !sched || sched.suspended) return undefined;
  const live = parseCronSchedule(sched.cron, sched.timeZone);
  if (live === undefined) return undefined;
  const runs = listRuns(ev.jobs ?? [], w.name, sched.lastScheduleTime);
  const lastRun = latest([sched.lastScheduleTime, ...runs.map((r) => r.toISOString())]);
  if (lastRun === undefined) return undefined;
  const now = Date.parse(ev.collectedAt);
  const quietMs = now - Date.parse(lastRun);
  // Runs the live schedule had due and did not start are another story (cronjob-schedule.ts).
  if (countFireTimes(live, new Date(lastRun), new Date(now - START_GRACE_MS), 1).count > 0) return undefined;

  const spacings = runs.slice(1).map((r, i) => r.getTime() - (runs[i]?.getTime() ?? 0));
  const keptPace = spacings.length > 0 ? Math.max(...spacings) : undefined;
  const appliedText = sched.appliedCron?.trim();
  const appliedParsed = appliedText !== undefined && appliedText.split(/\s+/).join(' ') !== sched.cron.trim().split(/\s+/).join(' ') ? parseCronSchedule(appliedText, sched.timeZone) : undefined;
  const appliedPace = appliedParsed ? intervalOf(appliedParsed, new Date(lastRun)) : undefined;
  // The slower of the two: a schedule applied long ago and edited since is not the pace it ran at.
  const paceMs = Math.max(keptPace ?? 0, appliedPace ?? 0);
  if (paceMs <= 0 || quietMs < QUIET_FACTOR * paceMs || quietMs < MIN_QUIET_MS) return undefined;

  const offSchedule = runs.filter((r) => !firesAt(live, r));
  const due = appliedParsed ? countFireTimes(appliedParsed, new Date(lastRun), new Date(now - START_GRACE_MS), MAX_COUNTED) : undefined;
  // The schedule changed (else the gap is its own design): kept runs off the live schedule, or an applied one that would have run.
  const changed = offSchedule.length > 0 || (due !== undefined && due.count >= QUIET_FACTOR);
  if (!changed) return undefined;

  const next = fireTimesBetween(live, new Date(now), new Date(now + NEXT_HORIZON_MS), 1)[0];
  const days = describeFiringDays(live);
  const writtenAt = sched.scheduleWrittenAt;
  const editedAfter = writtenAt !== undefined && sched.scheduleWrittenBy !== undefined && Date.parse(writtenAt) > Date.parse(lastRun) ? { at: writtenAt, by: sched.scheduleWrittenBy } : undefined;
  return {
    lastRun,
    quietMs,
    paceMs,
    paceFrom: keptPace !== undefined && keptPace >= (appliedPace ?? 0) ? 'kept runs' : 'applied schedule',
    keptRuns: runs,
    offSchedule,
    ...(next ? { next } : {}),
    ...(days ? { days } : {}),
    ...(appliedText !== undefined && due !== undefined ? { applied: { cron: appliedText, due } } : {}),
    ...(editedAfter ? { editedAfter } : {}),
  };
}

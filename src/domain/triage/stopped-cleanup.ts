/**
 * A data store whose disk fills up (Elasticsearch past its flood-stage watermark, a server that logs
 * No space left on device) usually fills because what deleted its old data stopped: a retention or
 * cleanup CronJob left suspended (spec.suspend, after a migration or an incident) or failing for days.
 * That stop is the trigger of the fill, days before the refusals: the "since" to name, dated as it is.
 */
import type { IsoTime } from './evidence-spec.js';
import type { CleanupCronJobEvidence } from './evidence-cronjob-schedule.js';
import { formatAgo, formatSpan, msBetween } from './time-span.js';
import { truncate } from '../text.js';
import type { LogEvidence } from './evidence.js';
import { ES_DISK_BLOCK } from './es-index-block.js';
import { DISK_FULL } from './server-disk-full.js';

/** The words of a job that deletes old data: retention, cleanup, curator, prune, purge, "--older-than". */
const CLEANUP = /retention|clean-?up|curator|prune|purge|housekeep|(?:delete|drop)[-_ ]?(?:old|expired|indices|partitions)|older[-_ ]than|\bexpire\b/i;

/** Longer than this without a success, a daily cleanup has missed its runs. */
const STALE_MS = 2 * 24 * 60 * 60 * 1000;

export function isCleanupCronJob(name: string, command: string): boolean {
  return CLEANUP.test(name) || CLEANUP.test(command);
}

/** The cleanup CronJob that stopped deleting: suspended first, else the one whose last success is oldest while it still ran since. */
export function findStoppedCleanup(cronJobs: readonly CleanupCronJobEvidence[] | undefined, now: IsoTime): CleanupCronJobEvidence | undefined {
  const cleanups = (cronJobs ?? []).filter((c) => isCleanupCronJob(c.name, c.command));
  const suspended = cleanups.filter((c) => c.suspended).sort((a, b) => (a.suspendedAt ?? '').localeCompare(b.suspendedAt ?? ''))[0];
  if (suspended !== undefined) return suspended;
  // Failing: scheduled since its last success, which is days old.
  return cleanups
    .filter((c) => c.lastSuccessfulTime !== undefined && msBetween(c.lastSuccessfulTime, now) > STALE_MS && c.lastScheduleTime !== undefined && c.lastScheduleTime > c.lastSuccessfulTime)
    .sort((a, b) => (a.lastSuccessfulTime ?? '').localeCompare(b.lastSuccessfulTime ?? ''))[0];
}

/** "cleanup CronJob orders-retention was suspended 9d ago by kubectl-patch and not resumed, its last success 10d ago"; `withCommand` adds what it runs. */
export function describeStoppedCleanup(c: CleanupCronJobEvidence, now: IsoTime, withCommand = false): string {
  const what = withCommand && c.command !== '' ? ` (${truncate(c.command, 120)})` : '';
  const success = c.lastSuccessfulTime ? `its last success ${formatAgo(c.lastSuccessfulTime, now)}` : 'no success on record';
  const state = `was suspended${c.suspendedAt ? ` ${formatAgo(c.suspendedAt, now)}` : ''}${c.suspendedBy ? ` by ${c.suspendedBy}` : ''} and not resumed`;
  if (c.suspended) return `cleanup CronJob ${c.name}${what} ${state}, ${success}`;
  return `cleanup CronJob ${c.name}${what} has not succeeded for ${formatSpan(msBetween(c.lastSuccessfulTime ?? now, now))} though it ran since (${success})`;
}

/** Why the stop is the trigger, though it came days before the refusals. */
export function explainStoppedCleanup(c: CleanupCronJobEvidence): string {
  return `Nothing has deleted old data since CronJob ${c.name} ${c.suspended ? 'was suspended' : 'stopped succeeding'}: the store kept every day's new data on the same volumes until they filled, so the stop is the trigger even though it came days before the first refusal.`;
}

/** What frees the disk for good: resume it (or fix its runs), and delete the old data by hand meanwhile. */
export function fixStoppedCleanup(c: CleanupCronJobEvidence, resume: string): string {
  return c.suspended
    ? `resume CronJob ${c.name} (${resume}) so it deletes the old data again, or run it once by hand now`
    : `fix CronJob ${c.name}'s failing runs (its newest Job's log says why) so it deletes the old data again`;
}

/** A store's full disk in the workload's own logs: an index blocked read-only at the flood stage, No space left on device. */
const STORE_FULL = [ES_DISK_BLOCK, DISK_FULL];

/** Lines enough that a store's disk is full, not one stray write: the namespace's cleanup CronJobs are then worth a list. */
export function needsCleanupCronJobs(logs: readonly LogEvidence[]): boolean {
  return logs.filter((l) => !l.previous).flatMap((l) => l.lines).filter((x) => STORE_FULL.some((re) => re.test(x))).length >= 2;
}

/**
 * A CronJob whose runs overlap and trip a unique index: under concurrencyPolicy Allow a run starts
 * when due even while the last one still goes; runs that insert "since the last run" then insert
 * the same rows, and the later one dies on a duplicate key (MongoDB E11000, SQL unique violations).
 * The store is fine and runs alone succeed. Usually an edit of the CronJob (concurrencyPolicy
 * Forbid → Allow, a shorter schedule) named by its managedFields, just before the failures.
 */
import type { JobEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { fireTimesBetween, parseCronSchedule } from '../cron-schedule.js';
import { isUniqueViolation } from '../idempotent-replay.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo, formatSpan, latest, msBetween } from '../time-span.js';

/** An edit this long before the first failure can still be what let the runs overlap. */
const EDIT_WINDOW_MS = 6 * 3600_000;

const failedAt = (j: JobEvidence) => { const c = findCondition(j.conditions, 'Failed'); return c?.status === 'True' ? (c.lastTransitionTime ?? j.completionTime) : undefined; };
const completedAt = (j: JobEvidence) => { const c = findCondition(j.conditions, 'Complete'); return c?.status === 'True' ? (j.completionTime ?? c.lastTransitionTime) : undefined; };
const startOf = (j: JobEvidence) => j.startTime ?? j.createdAt;

/** "7m 24s": how a run compares with the period shows in its seconds. */
function formatMinSec(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 && seconds < 3600 && seconds % 60 !== 0 ? `${Math.floor(seconds / 60)}m ${seconds % 60}s` : formatSpan(ms);
}

/** Did `b` run at some moment while `a` ran (a ended at `aEnd`)? */
function ranTogether(a: JobEvidence, aEnd: string, b: JobEvidence, now: string): boolean {
  const aStart = startOf(a); const bStart = startOf(b);
  if (aStart === undefined || bStart === undefined || a.name === b.name) return false;
  const bEnd = failedAt(b) ?? completedAt(b) ?? (b.active > 0 ? now : undefined);
  return bEnd !== undefined && msBetween(bStart, aEnd) > 0 && msBetween(aStart, bEnd) > 0;
}

export function analyzeCronJobOverlapDuplicate(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  const sched = w?.kind === 'CronJob' ? w.schedule : undefined;
  if (!w || sched === undefined || (sched.concurrencyPolicy ?? 'Allow') !== 'Allow') return [];
  const jobs = ev.jobs ?? [];
  const dup = ev.logs.flatMap((l) => l.lines.filter((line) => isUniqueViolation(line)).map((line) => ({ pod: l.pod, line })))[0];
  if (dup === undefined) return [];
  const now = ev.collectedAt;
  const failed = jobs.filter((j) => failedAt(j) !== undefined && jobs.some((o) => ranTogether(j, failedAt(j) ?? now, o, now)));
  const active = jobs.filter((j) => j.active > 0);
  if (failed.length === 0 && active.length < 2) return [];
  const parsed = parseCronSchedule(sched.cron, sched.timeZone);
  const [a, b] = parsed ? fireTimesBetween(parsed, new Date(now), new Date(Date.parse(now) + 7 * 24 * 3600_000), 2) : [];
  const period = a && b ? b.getTime() - a.getTime() : undefined;
  const took = jobs.flatMap((j) => { const done = completedAt(j); const s = startOf(j); return done && s ? [msBetween(s, done)] : []; });
  const shortest = Math.min(...took); const longest = Math.max(...took);
  const runs = took.length > 0 ? `a run takes ${formatMinSec(shortest)}${longest - shortest >= 1000 ? `–${formatMinSec(longest)}` : ''}` : undefined;
  const onset = failed.map(failedAt).filter((t): t is string => t !== undefined).sort()[0] ?? now;
  const editAt = latest([sched.concurrencyWrittenAt, sched.scheduleWrittenAt]);
  const edited = editAt !== undefined && msBetween(editAt, onset) > 0 && msBetween(editAt, onset) <= EDIT_WINDOW_MS;
  const by = sched.concurrencyWrittenAt === editAt ? sched.concurrencyWrittenBy : sched.scheduleWrittenBy;
  const changes = [
    ...(sched.appliedConcurrencyPolicy && sched.appliedConcurrencyPolicy !== 'Allow' ? [`concurrencyPolicy ${sched.appliedConcurrencyPolicy} → Allow`] : []),
    ...(sched.appliedCron && sched.appliedCron.trim() !== sched.cron.trim() ? [`schedule ${sched.appliedCron} → ${sched.cron}`] : []),
  ];
  const edit = edited ? `since ${by ?? 'an edit'} wrote the CronJob ${formatAgo(editAt, now)}${changes.length > 0 ? ` (${changes.join(', ')})` : ''}` : undefined;
  const every = period !== undefined ? `every ${formatSpan(period)}` : `on schedule ${sched.cron}`;
  const together = active.length >= 2 ? `${active.length} Jobs active at once` : `Job ${failed[0]?.name ?? ''} ran beside another`;
  const failedNames = failed.map((j) => j.name);
  const quote = dup.line.match(/(E11000 duplicate key[^"\\]*|duplicate key value violates unique constraint[^,"]*|Duplicate entry '[^']*' for key[^"]*|UNIQUE constraint failed[^"]*|Cannot insert duplicate key[^"]*)/)?.[1] ?? dup.line.slice(0, 200);
  const ref = `cronjob/${w.name}`;
  const title = `CronJob ${w.name}: runs overlap — concurrencyPolicy Allow starts one ${every}${runs ? ` while ${runs}` : ''}, ${together}${edit ? `, ${edit}` : ''}; ${failedNames.length > 0 ? `${failedNames.length === 1 ? `Job ${failedNames[0]}` : `${failedNames.length} Jobs`} failed` : 'a run fails'} on a duplicate key ("${quote.trim()}")`;
  const fix = `set concurrencyPolicy Forbid${sched.appliedCron && sched.appliedCron.trim() !== sched.cron.trim() ? ` (and the schedule back to ${sched.appliedCron})` : ''}, or make the run's inserts idempotent (upserts)`;
  return [{
    id: `cron-overlap-duplicate/${w.name}`,
    kind: 'cron-no-success',
    layer: 'container/process',
    title,
    severity: 'critical',
    confidence: edited || changes.length > 0 ? 'high' : 'medium',
    decisive: quote.trim(),
    onset,
    evidence: [
      `schedule ${sched.cron}${period !== undefined ? ` (every ${formatSpan(period)})` : ''}, concurrencyPolicy ${sched.concurrencyPolicy ?? 'Allow'}${sched.appliedConcurrencyPolicy ? ` (last applied: concurrencyPolicy ${sched.appliedConcurrencyPolicy}${sched.appliedCron ? `, schedule ${sched.appliedCron}` : ''})` : ''}`,
      ...(editAt !== undefined ? [`managedFields: ${by ?? 'a field manager'} wrote ${sched.concurrencyWrittenAt === editAt ? 'concurrencyPolicy' : 'the schedule'} at ${editAt} (${formatAgo(editAt, now)})`] : []),
      ...(runs ? [`completed runs: ${runs}${period !== undefined ? ` against ${formatSpan(period)} between schedules` : ''}, so runs overlap`] : []),
      ...(active.length >= 2 ? [`${active.length} Jobs active at once: ${active.map((j) => j.name).join(', ')}`] : []),
      ...failed.map((j) => `Job ${j.name} failed (${findCondition(j.conditions, 'Failed')?.reason ?? 'Failed'}) while another run was going`),
      `log ${dup.pod}: ${quote.trim()}`,
    ],
    likelyCause: `Under concurrencyPolicy Allow the CronJob controller starts a run when due even while the last one still runs${runs && period !== undefined ? `; ${runs} and runs start every ${formatSpan(period)}` : ''}. Overlapping runs work on the same window of data and insert the same keys, so the later one dies on the unique index — the store is healthy and a run alone succeeds.`,
    nextAction: `Stop the overlap: ${fix} (\`kubectl patch ${ref} -p '{"spec":{"concurrencyPolicy":"Forbid"}}'\` — the bot will not); then re-run the failed window once the running Jobs finish.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.concurrencyPolicy} {.spec.schedule}' --show-managed-fields`),
      formatKubectl(ev.target, `get jobs -l batch.kubernetes.io/cronjob-name=${w.name} --sort-by=.metadata.creationTimestamp`),
    ],
  }];
}

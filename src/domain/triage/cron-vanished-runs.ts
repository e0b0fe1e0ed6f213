import type { EventEvidence, TriageEvidence } from './evidence.js';
import { msBetween } from './time-span.js';

/** How a CronJob's runs since its last success ended, told by events after the Jobs are gone. */
export interface VanishedRuns {
  /** "Saw completed job: X, condition: Failed" of runs no longer listed, newest first. */
  failed: EventEvidence[];
  /** The Jobs' own failure events that remain (BackoffLimitExceeded, DeadlineExceeded), newest first. */
  reasons: EventEvidence[];
  /** ttlSecondsAfterFinished of the jobTemplate, when it is what deleted them. */
  ttlSeconds?: number;
}

/** The controller's words: "Saw completed job: X, status: Failed" (some versions say "condition:"). */
const SAW = /^Saw completed job: ([^,\s]+), (?:status|condition): Failed/;
/** A TTL this short leaves a failed run no time to be looked at. */
const SHORT_TTL_SECONDS = 3600;

/**
 * A CronJob's runs since its last success can vanish (the TTL controller, or history limits,
 * delete the finished Jobs and their pods), but the CronJob controller's SawCompletedJob events
 * still say each run's final condition, and the Jobs' own events their reason. Failed runs the
 * Job list no longer holds are how the runs ended; a short ttlSecondsAfterFinished is why no Job,
 * pod or log is left to read. Undefined unless a short TTL or a Job's own failure event backs it.
 */
export function findVanishedRuns(ev: TriageEvidence, cronJob: string, since: string): VanishedRuns | undefined {
  const listed = new Set((ev.jobs ?? []).map((j) => j.name));
  const newestFirst = (a: EventEvidence, b: EventEvidence) => msBetween(b.lastSeen, a.lastSeen);
  const failed = ev.events
    .filter((e) => e.object.kind === 'CronJob' && e.object.name === cronJob && e.reason === 'SawCompletedJob' && msBetween(since, e.lastSeen) > 0)
    .filter((e) => { const job = SAW.exec(e.message)?.[1]; return job !== undefined && !listed.has(job); })
    .sort(newestFirst);
  if (failed.length === 0) return undefined;
  const names = new Set(failed.map((e) => SAW.exec(e.message)?.[1]));
  const reasons = ev.events.filter((e) => e.object.kind === 'Job' && names.has(e.object.name) && e.type === 'Warning').sort(newestFirst);
  const ttl = ev.workload?.schedule?.jobTtlSeconds;
  const short = ttl !== undefined && ttl < SHORT_TTL_SECONDS;
  // Without a short TTL or the Jobs' own reason, a history clean-up may have removed them: a hint, not how they ended.
  if (!short && reasons.length === 0) return undefined;
  return { failed, reasons, ...(short ? { ttlSeconds: ttl } : {}) };
}

/**
 * Runs a CronJob's controller tried to start and the API server refused: the FailedCreate events
 * on the CronJob say why. The common one is a ResourceQuota, often an object count
 * (count/jobs.batch) filled by finished Jobs nobody cleans up (no ttlSecondsAfterFinished).
 */
import type { EventEvidence, TriageEvidence } from './evidence.js';
import { HISTORY_MS } from './pod-status.js';
import { isWithin } from './time-span.js';
import { isJobCountRefusal } from './job-count-quota.js';
import type { JobsFillingQuota } from './job-count-quota.js';

export interface RefusedRuns {
  /** "ResourceQuota object-counts (count/jobs.batch: 12 used of 12)", or the message's reason. */
  what: string;
  quota?: string;
  /** The resource the quota ran out of, "count/jobs.batch". */
  resource?: string;
  event: EventEvidence;
  /** The refusal without the "Error creating job: jobs.batch "x" is forbidden:" preamble. */
  message: string;
}

export function findRefusedRuns(ev: TriageEvidence, cronJob: string): RefusedRuns | undefined {
  const refused = ev.events
    .filter((e) => e.reason === 'FailedCreate' && e.object.kind === 'CronJob' && e.object.name === cronJob && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS))
    .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))[0];
  if (refused === undefined) return undefined;
  const message = refused.message.replace(/^Error creating job: /, '').replace(/^jobs(?:\.batch)? "[^"]*" is forbidden: /, '');
  const quota = /exceeded quota: ([\w.-]+)/.exec(message)?.[1];
  if (quota === undefined) return { what: message, event: refused, message };
  const resource = /requested: ([\w./-]+)=/.exec(message)?.[1];
  const used = resource === undefined ? undefined : new RegExp(`used: [^\\n]*?${resource.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}=([\\w.]+)`).exec(message)?.[1];
  const limited = resource === undefined ? undefined : new RegExp(`limited: [^\\n]*?${resource.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}=([\\w.]+)`).exec(message)?.[1];
  const amounts = resource === undefined ? '' : ` (${resource}${used !== undefined && limited !== undefined ? `: ${used} used of ${limited}` : ''})`;
  return { what: `ResourceQuota ${quota}${amounts}`, quota, ...(resource === undefined ? {} : { resource }), event: refused, message };
}

/** Why such a quota fills, and what frees it; for a count of Jobs, the namespace's Jobs say which fill it. */
export function explainRefusedRuns(r: RefusedRuns, filling?: JobsFillingQuota): { cause: string; action: string; fix: string; evidence: string[] } {
  if (r.quota === undefined) return { cause: `The API server refuses to create the CronJob's Jobs: ${r.message}`, action: 'Fix what the refusal names; run a missed run by hand once it is fixed.', fix: 'fix what the refusal names', evidence: [] };
  if (r.resource !== undefined && isJobCountRefusal(r.message)) {
    const general = `ResourceQuota ${r.quota} caps how many Jobs the namespace may hold, finished ones included, and it is full: every run the controller starts is refused. Finished Jobs count until deleted; Jobs without ttlSecondsAfterFinished (ad-hoc runs, other CronJobs with a long history limit) fill it.`;
    if (filling) return filling;
    return {
      evidence: [],
      cause: general,
      action: `Delete the finished Jobs that fill ${r.quota} (kubectl get jobs, oldest first), give them a ttlSecondsAfterFinished, or raise the quota; then run a missed run by hand.`,
      fix: `delete finished Jobs to free ResourceQuota ${r.quota} (and give them a TTL), or raise the quota`,
    };
  }
  return {
    evidence: [],
    cause: `ResourceQuota ${r.quota} has no room for another run${r.resource ? ` (${r.resource})` : ''}: every run the controller starts is refused.`,
    action: `Free room in ${r.quota} or raise it; then run a missed run by hand.`,
    fix: `free room in ResourceQuota ${r.quota} or raise it`,
  };
}

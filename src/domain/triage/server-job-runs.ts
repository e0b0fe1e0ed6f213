/**
 * Jobs of the namespace that work on a server the workload uses: their pods name its Service in
 * their command, args or literal env (REDIS_URL=redis://cart-redis…). When something another
 * client does inside the server blocks it for everyone (a long script), the run that started just
 * before the refusals began is the trigger, and a run going on now is what to stop.
 */
import type { IsoTime, NamespaceJobEvidence } from './evidence.js';
import { JOB_LEAD_MS } from './jobs-before-onset.js';
import { formatAgo, formatSpan, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

export interface ServerJobRuns {
  /** The run that started nearest before the first refusal, within the lead window. */
  first: NamespaceJobEvidence;
  /** A later run of the same owner that is still running. */
  running?: NamespaceJobEvidence;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function talksTo(j: NamespaceJobEvidence, server: RegExp): boolean {
  return (j.commandAndEnv ?? []).some((t) => server.test(t));
}

/** The runs of Jobs that talk to Service `service` around the onset, or undefined when none started just before it. */
export function findServerJobRuns(jobs: readonly NamespaceJobEvidence[], service: string, onset: IsoTime | undefined): ServerJobRuns | undefined {
  if (onset === undefined) return undefined;
  // The Service's name as a whole word of a host ("cart-redis", "cart-redis.cart.svc"): not "old-cart-redis".
  const server = new RegExp(`(^|[^\\w-])${escape(service)}([^\\w-]|$)`);
  const mine = jobs.filter((j) => j.createdAt !== undefined && talksTo(j, server));
  const first = mine
    .filter((j) => {
      const lead = msBetween(j.createdAt ?? onset, onset);
      return lead >= -TRIGGER_SKEW_MS && lead <= JOB_LEAD_MS;
    })
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
  if (first === undefined) return undefined;
  const sameOwner = (j: NamespaceJobEvidence) => (first.owner ? j.owner?.name === first.owner.name : j.name === first.name);
  const running = mine.filter((j) => j !== first && j.state === 'running' && sameOwner(j) && (j.createdAt ?? '') > (first.createdAt ?? '')).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
  return { first, ...(running ? { running } : {}) };
}

/** What the verdict names as the Jobs' owner: the CronJob, else the Job itself. */
export function namesOfRuns(runs: ServerJobRuns): string[] {
  return [runs.first.owner?.name ?? runs.first.name];
}

/** "since Job x-1 (CronJob x) started 18s before the first refusal (29m ago) and completed 20m ago; its next run, Job x-2, started 14m ago and still runs". */
export function describeServerJobRuns(runs: ServerJobRuns, onset: IsoTime, now: IsoTime, what: string): string {
  const { first, running } = runs;
  const owner = first.owner ? ` (${first.owner.kind} ${first.owner.name})` : '';
  const start = first.createdAt ?? onset;
  const gap = msBetween(start, onset);
  const when = gap > 0 ? `${formatSpan(gap)} before the first ${what}` : `as the first ${what} came`;
  const state = first.state === 'running' ? ', still running' : first.finishedAt ? ` and ${first.state === 'failed' ? 'failed' : 'ended'} ${formatAgo(first.finishedAt, now)}` : '';
  const next = running?.createdAt ? `; its next run, Job ${running.name}, started ${formatAgo(running.createdAt, now)} and still runs` : '';
  return `since Job ${first.name}${owner} started ${when} (${formatAgo(start, now)})${state}${next}`;
}

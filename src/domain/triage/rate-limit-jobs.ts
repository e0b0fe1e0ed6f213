/**
 * Which Jobs of the namespace spend the rate budget the workload is refused on: those that ran
 * while its calls were refused (429) and take the same credential (a Secret, or a ConfigMap key in
 * a credential-named env var) from their pod template. An API counts requests per key, so a batch
 * job on the workload's key takes its budget; the Job is named with its CronJob and when its runs
 * start (every hour, on the hour), which is when the refusals come back.
 */
import type { ConfigRefEvidence } from './evidence-config-refs.js';
import type { IsoTime, NamespaceJobEvidence, TriageEvidence } from './evidence.js';
import { findSharedCredentials, listConfigRefs } from './config-refs.js';
import { findRateLimitedCalls } from './rate-limited-calls.js';
import type { RateLimitedCalls } from './rate-limited-calls.js';
import { sortRevisions } from './revision-diff.js';
import { MINUTE_MS, formatAgo, formatClock, formatSpan, msBetween } from './time-span.js';

/** A Job that ended this long before the first refusal seen, or began this long after the last, did not overlap them. */
const SKEW_MS = 2 * MINUTE_MS;
/** Gaps between a CronJob's runs within this share of their median are one cadence. */
const CADENCE_TOLERANCE = 0.05;

export interface SharingJobs {
  /** The CronJob that makes them, or the lone Job's own name. */
  owner: { kind: string; name: string };
  /** Its Jobs that ran while the calls were refused, newest first. */
  during: NamespaceJobEvidence[];
  /** All its Jobs in the list, oldest first: their starts give the cadence. */
  runs: NamespaceJobEvidence[];
  shared: ConfigRefEvidence[];
}

/** The Secrets and ConfigMaps the workload's pods take (their live spec), else its newest revision's template. */
export function listWorkloadConfigRefs(ev: Pick<TriageEvidence, 'pods' | 'revisions'>): ConfigRefEvidence[] {
  const fromPods = ev.pods.flatMap((p) => listConfigRefs({ containers: [...p.containers, ...p.initContainers], volumes: p.volumes ?? [] }));
  if (fromPods.length > 0) return fromPods;
  const [newest] = sortRevisions(ev.revisions);
  return newest === undefined ? [] : listConfigRefs({ containers: [...newest.containers, ...(newest.template?.initContainers ?? [])], volumes: newest.template?.volumes ?? [] });
}

function overlaps(j: NamespaceJobEvidence, from: IsoTime, to: IsoTime, now: IsoTime): boolean {
  if (j.createdAt === undefined) return false;
  const end = j.finishedAt ?? now;
  return msBetween(j.createdAt, to) >= -SKEW_MS && msBetween(from, end) >= -SKEW_MS;
}

/** Jobs that ran during the refusals and share a credential with the workload, by owner (the CronJob first that ran most). */
export function findSharingJobs(ev: Pick<TriageEvidence, 'pods' | 'revisions' | 'namespaceJobs' | 'collectedAt'>, calls: RateLimitedCalls): SharingJobs[] {
  const jobs = ev.namespaceJobs?.jobs ?? [];
  const from = calls.first ?? calls.tailStart;
  const to = calls.last ?? ev.collectedAt;
  if (jobs.length === 0 || from === undefined) return [];
  const ours = listWorkloadConfigRefs(ev);
  if (ours.length === 0) return [];
  const byOwner = new Map<string, SharingJobs>();
  for (const j of jobs) {
    if (!overlaps(j, from, to, ev.collectedAt)) continue;
    const shared = findSharedCredentials(ours, j.configRefs ?? []);
    if (shared.length === 0) continue;
    const owner = j.owner ?? { kind: 'Job', name: j.name };
    const key = `${owner.kind}/${owner.name}`;
    const entry = byOwner.get(key) ?? { owner, during: [], runs: jobs.filter((x) => (j.owner ? x.owner?.kind === owner.kind && x.owner.name === owner.name : x.name === j.name)).sort((a, b) => msBetween(b.createdAt ?? '', a.createdAt ?? '')), shared };
    entry.during.push(j);
    byOwner.set(key, entry);
  }
  return [...byOwner.values()]
    .map((s) => ({ ...s, during: s.during.sort((a, b) => msBetween(a.createdAt ?? '', b.createdAt ?? '')) }))
    .sort((a, b) => b.during.length - a.during.length);
}


/** "every hour, on the hour (3 runs since 01:00)": the runs' starts, when they keep one cadence. */
export function describeCadence(runs: readonly NamespaceJobEvidence[]): string | undefined {
  const starts = runs.flatMap((r) => (r.createdAt ? [r.createdAt] : []));
  if (starts.length < 2) return undefined;
  const gaps = starts.slice(1).map((t, i) => msBetween(starts[i] ?? t, t));
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  if (median < MINUTE_MS || gaps.some((g) => Math.abs(g - median) > median * CADENCE_TOLERANCE + MINUTE_MS)) return undefined;
  const hourly = Math.abs(median - 60 * MINUTE_MS) <= 2 * MINUTE_MS;
  const every = hourly ? 'every hour' : `every ${formatSpan(Math.round(median / MINUTE_MS) * MINUTE_MS)}`;
  // The controller creates a run within seconds of its scheduled minute: starts at :00 are on the hour.
  const onTheHour = starts.every((t) => new Date(t).getUTCMinutes() === 0);
  return `${every}${onTheHour ? ', on the hour' : ''} (${starts.length} runs since ${formatClock(starts[0] ?? '')})`;
}

/** "Job x-29… of CronJob x (started 03:00 UTC, 14m ago, still running)". */
export function describeRun(j: NamespaceJobEvidence, now: IsoTime): string {
  const started = j.createdAt ? `started ${formatClock(j.createdAt)}, ${formatAgo(j.createdAt, now)}` : 'start unknown';
  const state = j.state === 'running' ? 'still running' : j.finishedAt ? `${j.state === 'failed' ? 'failed' : 'ended'} ${formatAgo(j.finishedAt, now)}` : j.state;
  return `${started}, ${state}`;
}

/** Whether the namespace's Jobs are worth one list: the workload's own logs show its calls refused for their rate. */
export function needsRateLimitJobs(target: Pick<TriageEvidence['target'], 'kind'>, logs: TriageEvidence['logs']): boolean {
  if (target.kind === 'Job' || target.kind === 'CronJob') return false;
  return findRateLimitedCalls(logs) !== undefined;
}

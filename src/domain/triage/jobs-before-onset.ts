/**
 * What ran just before the failures began: a Job of the namespace (a retention cleanup, a
 * migration, a backfill) that started or ended shortly before the first failure is a change a
 * senior SRE checks when the workload itself did not change (no rollout, or one the evidence
 * clears). It is named as a change to check, never as the cause: a Job that ran then may have
 * nothing to do with it. Read only in that case (needsJobsBeforeOnset), one bounded list.
 */
import type { IsoTime, NamespaceJobEvidence, NamespaceJobsEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { CronJobScheduleEvidence } from './evidence-cronjob-schedule.js';
import type { ConfigRefEvidence } from './evidence-config-refs.js';
import { findOnset } from './failure-onset.js';
import { describeLateLogErrors } from './late-log-errors.js';
import { isPodFailing } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { sortRevisions } from './revision-diff.js';
import { MINUTE_MS, earliest, formatAgo, formatSpan, msBetween } from './time-span.js';
import { ERROR_LINES_THRESHOLD } from './unexplained.js';
import { listErrorLines } from './error-line.js';
import { TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from './trigger-window.js';

/** A Job that started or ended this long before the first failure is a change to check. */
export const JOB_LEAD_MS = 30 * MINUTE_MS;
/** Clock skew and log batching: a Job this much "after" the first failure still counts. */
const SKEW_MS = TRIGGER_SKEW_MS;
/** The verdict's trigger window: a rollout this long before the onset is the suspect. */
const ROLLOUT_SUSPECT_MS = TRIGGER_WINDOW_MS;
/** Named in the verdict: the nearest few, the thread has the rest in the list. */
const MAX_NAMED = 2;

type OnsetInput = Pick<TriageEvidence, 'target' | 'pods' | 'events' | 'logs' | 'revisions' | 'collectedAt'>;

/** Pods whose current log carries a run of error lines (ready pods fail there and nowhere else). */
function erroringPods(ev: OnsetInput): PodEvidence[] {
  const names = new Set(ev.logs.filter((l) => !l.previous && listErrorLines(l.lines).length >= ERROR_LINES_THRESHOLD).map((l) => l.pod));
  return ev.pods.filter((p) => names.has(p.name));
}

/** When the trouble began: failing pods' first failure, else the first stamped error line of pods that log errors. */
function findFailureOnset(ev: OnsetInput): { at: IsoTime; pods: PodEvidence[] } | undefined {
  const full: TriageEvidence = { ...ev, workload: null, nodes: [], services: [], endpointSlices: [], hpas: [], pvcs: [], readFailures: [] };
  const failing = ev.pods.filter((p) => isPodFailing(p, ev.collectedAt));
  const fromPods = failing.length > 0 ? findOnset(full, failing) : undefined;
  if (fromPods !== undefined) return { at: fromPods, pods: failing };
  const logging = erroringPods(ev);
  const names = new Set(logging.map((p) => p.name));
  const at = earliest(ev.logs.filter((l) => !l.previous && names.has(l.pod)).flatMap((l) => listErrorLines(l.lines).map(readLineTime)));
  return at === undefined ? undefined : { at, pods: logging };
}

/**
 * Whether the namespace's Jobs are worth one list: the workload's failures have an onset, and no
 * rollout of its own came shortly before it (or the logs clear the one that did). A Job or CronJob
 * target reads its own Jobs already.
 */
export function needsJobsBeforeOnset(ev: OnsetInput): boolean {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return false;
  const onset = findFailureOnset(ev);
  if (onset === undefined) return false;
  const [newest] = sortRevisions(ev.revisions);
  if (newest === undefined) return true;
  const gap = msBetween(newest.createdAt, onset.at);
  if (gap < -SKEW_MS || gap > ROLLOUT_SUSPECT_MS) return true;
  return describeLateLogErrors({ ...ev, workload: null, nodes: [], services: [], endpointSlices: [], hpas: [], pvcs: [], readFailures: [] }, onset.pods, newest) !== undefined;
}

function startOf(j: NamespaceJobEvidence): IsoTime | undefined {
  return j.createdAt;
}

/** How far before the onset the Job started or ended: within the lead window, never after the onset (skew aside). */
function leadOf(j: NamespaceJobEvidence, onset: IsoTime): number | undefined {
  const leads = [startOf(j), j.finishedAt].flatMap((t) => (t === undefined ? [] : [msBetween(t, onset)])).filter((g) => g >= -SKEW_MS && g <= JOB_LEAD_MS);
  return leads.length === 0 ? undefined : Math.min(...leads.map(Math.abs));
}

/** Jobs that started or ended within the lead window before the onset, nearest first (at most two). */
export function findJobsBeforeOnset(all: NamespaceJobsEvidence | undefined, onset: IsoTime | undefined, exclude?: string): NamespaceJobEvidence[] {
  if (all === undefined || onset === undefined) return [];
  // A Job that started after the onset did not bring it on, even if it ended before we looked.
  const fits = all.jobs.flatMap((j) => {
    const start = startOf(j);
    // A Job made by hand or by a tool has no owner: only the CronJob being triaged is left out.
    if (start === undefined || msBetween(start, onset) < -SKEW_MS || (exclude !== undefined && j.owner?.name === exclude)) return [];
    const lead = leadOf(j, onset);
    return lead === undefined ? [] : [{ j, lead }];
  });
  return fits.sort((a, b) => a.lead - b.lead).slice(0, MAX_NAMED).map((f) => f.j);
}

function describeState(j: NamespaceJobEvidence, now: IsoTime): string {
  if (j.state === 'running') return 'still running';
  if (j.state === 'suspended') return 'suspended';
  const ended = j.finishedAt === undefined ? '' : ` ${formatAgo(j.finishedAt, now)}`;
  return j.state === 'complete' ? `and completed${ended}` : `and failed${ended}`;
}

/**
 * The CronJobs whose Jobs ran just before the onset, by name (at most two): when they run is part of
 * why, so each is read once (its schedule and zone). None when no such Job is found.
 */
export function pickCronJobsBeforeOnset(ev: OnsetInput & Pick<TriageEvidence, 'namespaceJobs'>): string[] {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob' || ev.namespaceJobs === undefined) return [];
  const onset = findFailureOnset(ev)?.at;
  const jobs = findJobsBeforeOnset(ev.namespaceJobs, onset);
  return [...new Set(jobs.flatMap((j) => (j.owner?.kind === 'CronJob' ? [j.owner.name] : [])))];
}

/** An edit of the schedule older than this before the run is no longer news. */
const EDIT_RECENT_MS = 7 * 24 * 60 * MINUTE_MS;

/**
 * Whether the schedule was edited shortly before this run: after the CronJob's previous run (this is
 * the first run on the new schedule) or, with no earlier run known, within a week; never after it started.
 */
function editedBefore(j: NamespaceJobEvidence, s: CronJobScheduleEvidence, all: NamespaceJobsEvidence | undefined): boolean {
  const start = startOf(j);
  if (s.scheduleEditedAt === undefined || start === undefined || msBetween(s.scheduleEditedAt, start) < 0) return false;
  const earlier = (all?.jobs ?? []).flatMap((o) => (o.owner?.name === s.name && o.name !== j.name && o.createdAt !== undefined && msBetween(o.createdAt, start) > 0 ? [o.createdAt] : []));
  const previous = earlier.sort().at(-1);
  return previous === undefined ? msBetween(s.scheduleEditedAt, start) <= EDIT_RECENT_MS : msBetween(previous, s.scheduleEditedAt) > 0;
}

/** "CronJob x: schedule "0 3 * * *" in UTC, no timeZone set; its first run since the schedule was edited 14h ago by kubectl-edit". */
function describeOwner(j: NamespaceJobEvidence, ctx: JobContext): string {
  if (!j.owner) return '';
  const s = j.owner.kind === 'CronJob' ? ctx.schedules?.find((c) => c.name === j.owner?.name) : undefined;
  if (s === undefined) return ` (${j.owner.kind} ${j.owner.name})`;
  const zone = s.timeZone === undefined ? 'in UTC, no timeZone set' : `in ${s.timeZone}`;
  const edit = s.scheduleEditedAt !== undefined && editedBefore(j, s, ctx.all)
    ? `; its first run since the schedule was edited ${formatAgo(s.scheduleEditedAt, ctx.now)}${s.scheduleEditedBy ? ` by ${s.scheduleEditedBy}` : ''}`
    : '';
  return ` (CronJob ${s.name}: schedule "${s.schedule}" ${zone}${edit})`;
}

interface JobContext {
  now: IsoTime;
  schedules?: readonly CronJobScheduleEvidence[] | undefined;
  all?: NamespaceJobsEvidence | undefined;
  /** The Secrets and ConfigMaps the workload's pods take. */
  ours?: readonly ConfigRefEvidence[] | undefined;
}

/** Cluster-made ConfigMaps every pod may mount (the API server's CA): sharing them says nothing. */
const CLUSTER_MADE = /^kube-root-ca\.crt$|ca-root-cert$/;

/**
 * "; it takes ConfigMap x (envFrom), as the pods do": a Job on the same settings or credentials uses
 * the same account or endpoint, so what it spends there (a sending quota, a rate budget, connections)
 * the pods lose. Names only, at most two.
 */
function describeSharedConfig(j: NamespaceJobEvidence, ours: readonly ConfigRefEvidence[] | undefined): string {
  if (ours === undefined || ours.length === 0) return '';
  const seen = new Set<string>();
  const shared = (j.configRefs ?? []).filter((t) => {
    const k = `${t.kind}/${t.name}`;
    if (CLUSTER_MADE.test(t.name) || seen.has(k) || !ours.some((o) => o.kind === t.kind && o.name === t.name)) return false;
    seen.add(k);
    return true;
  });
  if (shared.length === 0) return '';
  const names = shared.slice(0, 2).map((r) => `${r.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${r.name} (${r.via})`).join(' and ');
  return `; it takes ${names}, as the pods do: an account, quota or endpoint those name is shared`;
}

/** "Job x-123 (CronJob x) started 8m before the first failure (20m ago) and completed 15m ago". */
function describeJob(j: NamespaceJobEvidence, onset: IsoTime, ctx: JobContext): string {
  const now = ctx.now;
  const owner = describeOwner(j, ctx);
  const start = startOf(j) ?? onset;
  const gap = msBetween(start, onset);
  const when = gap > 0 ? `${formatSpan(gap)} before the first failure` : 'as the failures began';
  const state = describeState(j, now);
  return `Job ${j.name}${owner} started ${when} (${formatAgo(start, now)})${state.startsWith('and') ? ' ' : ', '}${state}${describeSharedConfig(j, ctx.ours)}`;
}

/** The verdict's words for the Jobs that ran just before the onset, or undefined when none did. */
export function describeJobsBeforeOnset(jobs: readonly NamespaceJobEvidence[], onset: IsoTime | undefined, now: IsoTime, schedules?: readonly CronJobScheduleEvidence[], all?: NamespaceJobsEvidence, ours?: readonly ConfigRefEvidence[]): string | undefined {
  if (jobs.length === 0 || onset === undefined) return undefined;
  const ctx: JobContext = { now, schedules, all, ours };
  return `what ran just before: ${jobs.map((j) => describeJob(j, onset, ctx)).join('; ')} — a change to check (what did it do to what the pods use?), not a verdict`;
}

/**
 * What to do about a CronJob whose run came just before the failures, when its schedule is known: a
 * schedule read in UTC by default (or just edited) lands where it lands; move it off the busy hour, say
 * the zone, and make the run lighter. Undefined when none of the Jobs has a known schedule.
 */
export function adviseScheduledJobs(jobs: readonly NamespaceJobEvidence[], schedules?: readonly CronJobScheduleEvidence[]): string | undefined {
  const named = jobs.flatMap((j) => schedules?.find((s) => j.owner?.kind === 'CronJob' && s.name === j.owner.name) ?? []);
  const [s] = named;
  if (s === undefined) return undefined;
  const zone = s.timeZone === undefined ? 'set its spec.timeZone explicitly' : `check its spec.timeZone (${s.timeZone})`;
  return `if its run is what loads them, move CronJob ${s.name}'s schedule off the busy hour, ${zone}, and throttle the job`;
}

/** "Job x-123 (CronJob x) ran 2m before the first failure (14m ago) and completed 13m ago": the trigger when it deleted what the pods read. */
export function describeJobDeleted(j: NamespaceJobEvidence, onset: IsoTime, now: IsoTime): string {
  const start = startOf(j) ?? onset;
  const gap = msBetween(start, onset);
  const when = gap > 0 ? `${formatSpan(gap)} before the first failure` : 'as the failures began';
  const owner = j.owner ? ` (${j.owner.kind} ${j.owner.name})` : '';
  const state = describeState(j, now);
  return `Job ${j.name}${owner} ran ${when} (${formatAgo(start, now)})${state.startsWith('and') ? ' ' : ', '}${state}`;
}

/** Stop the Job from running again, read what it removed, and bring the data back. */
export function adviseDeletedData(j: NamespaceJobEvidence, gone: string): string {
  const stop = j.owner?.kind === 'CronJob' ? `suspend CronJob ${j.owner.name} (spec.suspend: true) before its next run` : `keep Job ${j.name} from running again`;
  return `${stop}, read its log for what it deleted and fix its selection, and restore ${gone} (from a snapshot or backup, or recreate and refill it)`;
}

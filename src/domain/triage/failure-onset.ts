import type { ContainerEvidence, IsoTime, PodEvidence, TerminatedStateEvidence, TriageEvidence } from './evidence.js';
import { listPodEvents } from './evidence-lookup.js';
import { HISTORY_MS, RECENT_MS, classifyTermination, getLastTermination, isPodFailing, listContainers } from './pod-status.js';
import { HOUR_MS, MINUTE_MS, earliest, isWithin, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

const FAILURE_EVENT_REASONS = ['BackOff', 'Failed', 'Unhealthy', 'FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'Evicted', 'Killing', 'FailedCreatePodSandBox'];

/**
 * When this pod started failing: its first warning event, last bad exit, or — for a failing pod
 * with neither — when its Ready condition turned False (a pod that served for days and went not
 * ready when its node stopped reporting began failing then, not when it was made), else its
 * creation. A pod that is not failing has no onset.
 */
export function findFirstFailure(ev: TriageEvidence, pod: PodEvidence): IsoTime | undefined {
  if (!isPodFailing(pod, ev.collectedAt)) return undefined;
  // The current episode only: a warning that stopped hours ago belongs to an earlier one.
  const warnings = listPodEvents(ev, FAILURE_EVENT_REASONS, [pod.name]).filter((e) => e.type === 'Warning');
  const current = warnings.filter((e) => isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  const events = current.length > 0 ? current : warnings.filter((e) => isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS));
  // A completed init container ran as meant to; any other termination of this episode is a failure.
  const exits = listContainers(pod).flatMap((r) => {
    const t = getLastTermination(r.container);
    return t !== undefined && (t.exitCode !== 0 || (!r.init && r.container.restartCount > 0)) && classifyTermination(r.container, t, ev.collectedAt) === 'recent' ? [{ c: r.container, t }] : [];
  });
  const repeats = exits.map(({ c, t }) => findFirstRepeat(pod, c, t));
  return earliest([...events.map((e) => e.firstSeen), ...exits.map(({ t }) => t.finishedAt), ...repeats]) ?? turnedNotReady(pod) ?? pod.createdAt ?? pod.startTime;
}

/** When a not-ready pod's Ready condition turned False, if that came after the pod was made (a never-ready pod's did not). */
function turnedNotReady(pod: PodEvidence): IsoTime | undefined {
  const at = pod.ready ? undefined : pod.conditions.find((c) => c.type === 'Ready' && c.status !== 'True')?.lastTransitionTime;
  const born = pod.createdAt ?? pod.startTime;
  return at !== undefined && born !== undefined && msBetween(born, at) > 0 ? at : undefined;
}

/** Runs this long or shorter make a failure that repeats within the trigger window (kills every 20 minutes). */
const REPEAT_MAX_RUN_MS = 2 * HOUR_MS;
const REPEAT_MIN_RESTARTS = 3;

/**
 * A failure that recurs — a heap that reaches the limit every 20 minutes — began with its first
 * occurrence, not the last one the status shows: restarts × the last run's length back from the
 * last exit, never before the pod started. Only when the restarts fit that period in the pod's
 * life, so old unrelated restarts do not drag the onset back.
 */
function findFirstRepeat(pod: PodEvidence, c: ContainerEvidence, t: TerminatedStateEvidence): IsoTime | undefined {
  const born = pod.startTime ?? pod.createdAt;
  if (born === undefined || t.startedAt === undefined || t.finishedAt === undefined || c.restartCount < REPEAT_MIN_RESTARTS) return undefined;
  const run = msBetween(t.startedAt, t.finishedAt);
  if (run <= 0 || run > REPEAT_MAX_RUN_MS) return undefined;
  const back = (c.restartCount - 1) * run;
  const life = msBetween(born, t.finishedAt);
  // Every restart a run of about that length: together they must fill most of the pod's life.
  if (back < life / 2 || back > life * 1.5) return undefined;
  return back >= life ? born : new Date(Date.parse(t.finishedAt) - back).toISOString();
}

/** When the trouble of these pods began: the earliest of their first failures. */
export function findOnset(ev: TriageEvidence, pods: readonly PodEvidence[]): IsoTime | undefined {
  return earliest(pods.map((p) => findFirstFailure(ev, p)));
}

/** A pod this long after the rollout was not made by it (a replacement, a scale-up). */
const ROLLOUT_POD_MAX_MS = 30 * MINUTE_MS;

/**
 * The pod was made by the rollout at `rolledOut` and its failing container has restarted again and
 * again since: its restarts, each about as long as the last bad run, fill most of its life (a heap
 * that reaches the limit every 40 minutes since the new image). Then the failure began with the
 * pod, however long ago — not after a healthy stretch, which would leave its life half empty.
 */
export function recursSinceRollout(ev: TriageEvidence, pod: PodEvidence, rolledOut: IsoTime): boolean {
  const born = pod.createdAt ?? pod.startTime;
  if (born === undefined) return false;
  const lag = msBetween(rolledOut, born);
  if (lag < -TRIGGER_SKEW_MS || lag > ROLLOUT_POD_MAX_MS) return false;
  const life = msBetween(born, ev.collectedAt);
  return listContainers(pod).some(({ container: c, init }) => {
    const t = getLastTermination(c);
    if (init || t === undefined || t.exitCode === 0 || t.startedAt === undefined || t.finishedAt === undefined || c.restartCount < REPEAT_MIN_RESTARTS - 1) return false;
    const run = msBetween(t.startedAt, t.finishedAt);
    const current = c.state !== undefined && 'running' in c.state && c.state.running.startedAt !== undefined ? msBetween(c.state.running.startedAt, ev.collectedAt) : 0;
    const filled = c.restartCount * run + current;
    return run > 0 && filled >= life / 2 && filled <= life * 1.5;
  });
}

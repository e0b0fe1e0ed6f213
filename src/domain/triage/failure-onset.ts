import type { IsoTime, PodEvidence, TriageEvidence } from './evidence.js';
import { listPodEvents } from './evidence-lookup.js';
import { HISTORY_MS, RECENT_MS, classifyTermination, getLastTermination, isPodFailing, listContainers } from './pod-status.js';
import { earliest, isWithin } from './time-span.js';

const FAILURE_EVENT_REASONS = ['BackOff', 'Failed', 'Unhealthy', 'FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'Evicted', 'Killing', 'FailedCreatePodSandBox'];

/**
 * When this pod started failing: its first warning event, last bad exit, or — for a failing pod
 * with neither — its creation. A pod that is not failing has no onset.
 */
export function findFirstFailure(ev: TriageEvidence, pod: PodEvidence): IsoTime | undefined {
  if (!isPodFailing(pod, ev.collectedAt)) return undefined;
  // The current episode only: a warning that stopped hours ago belongs to an earlier one.
  const warnings = listPodEvents(ev, FAILURE_EVENT_REASONS, [pod.name]).filter((e) => e.type === 'Warning');
  const current = warnings.filter((e) => isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  const events = current.length > 0 ? current : warnings.filter((e) => isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS));
  // A completed init container ran as meant to; any other termination of this episode is a failure.
  const exits = listContainers(pod).filter((r) => {
    const t = getLastTermination(r.container);
    return t !== undefined && (t.exitCode !== 0 || (!r.init && r.container.restartCount > 0)) && classifyTermination(r.container, t, ev.collectedAt) === 'recent';
  }).map((r) => getLastTermination(r.container)?.finishedAt);
  return earliest([...events.map((e) => e.firstSeen), ...exits]) ?? pod.createdAt ?? pod.startTime;
}

/** When the trouble of these pods began: the earliest of their first failures. */
export function findOnset(ev: TriageEvidence, pods: readonly PodEvidence[]): IsoTime | undefined {
  return earliest(pods.map((p) => findFirstFailure(ev, p)));
}

import type { PodCensus, PodEvidence } from './evidence.js';

/**
 * A pod's state in the words of `kubectl get pods`' STATUS column: the pod's reason (Evicted),
 * Terminating, an init container's trouble (`Init:CrashLoopBackOff`), a waiting or terminated
 * container's reason, else the phase. "Pending" is split into why it is pending, so a count of
 * 260 Unschedulable is not read as 260 pods merely starting.
 */
export function podState(pod: PodEvidence): string {
  if (pod.deletionTimestamp !== undefined) return 'Terminating';
  if (pod.reason) return pod.reason;
  for (const c of pod.initContainers) {
    if (c.sidecar) continue;
    const s = c.state;
    if (s && 'waiting' in s && s.waiting.reason && s.waiting.reason !== 'PodInitializing') return `Init:${s.waiting.reason}`;
    if (s && 'terminated' in s && s.terminated.exitCode !== 0) return `Init:${s.terminated.reason ?? 'Error'}`;
    if (s && 'running' in s) return 'Init:Running';
  }
  for (const c of pod.containers) {
    const s = c.state;
    if (s && 'waiting' in s && s.waiting.reason) return s.waiting.reason;
    if (s && 'terminated' in s) return s.terminated.reason ?? (s.terminated.exitCode === 0 ? 'Completed' : 'Error');
  }
  if (pod.phase === 'Pending') {
    const scheduled = pod.conditions.find((c) => c.type === 'PodScheduled');
    return scheduled?.status === 'False' ? `Pending (${scheduled.reason ?? 'not scheduled'})` : 'Pending';
  }
  if (pod.phase === 'Running' && !pod.ready) return 'Running, not ready';
  return pod.phase;
}

/** Counts pods by state. `complete` is false when the caller stopped counting at a cap. */
export function countPods(pods: readonly PodEvidence[], complete: boolean): PodCensus {
  const byState: Record<string, number> = {};
  let ready = 0;
  for (const p of pods) {
    const state = podState(p);
    byState[state] = (byState[state] ?? 0) + 1;
    if (p.ready && p.deletionTimestamp === undefined) ready++;
  }
  return { total: pods.length, complete, ready, byState };
}

/** "260 Pending (Unschedulable), 40 Running" — largest first. */
export function formatCensus(census: PodCensus): string {
  const parts = Object.entries(census.byState)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([state, n]) => `${n} ${state}`);
  return `${census.complete ? '' : 'at least '}${census.total} pods: ${parts.join(', ')}`;
}

// A Job's pods ended from outside (preempted, evicted by a drain, a NoExecute taint): what a reader
// of its events sees on a healthy Job, and whether its podFailurePolicy keeps them from counting
// against backoffLimit (a rule with action Ignore on DisruptionTarget) or not (the default).
import type { JobEvidence, TriageEvidence } from './evidence.js';
import { findDisruption } from './pod-disruption.js';
import { RECENT_MS } from './pod-status.js';
import { isWithin } from './time-span.js';

/** How a disruption reads, by the DisruptionTarget reason. */
function wordFor(reason: string, drained: boolean): string {
  if (reason === 'PreemptionByScheduler') return 'preempted';
  if (reason === 'EvictionByEvictionAPI') return drained ? 'evicted by a node drain' : 'evicted through the API';
  if (reason === 'DeletionByTaintManager') return 'evicted by a NoExecute taint';
  return `ended by ${reason}`;
}

/** True when the first rule that matches a DisruptionTarget pod ignores it. */
export function ignoresDisruptions(job: JobEvidence): boolean {
  const rule = (job.podFailureRules ?? []).find((r) => r.onPodConditions?.includes('DisruptionTarget'));
  return rule?.action === 'Ignore';
}

/** "2 pods disrupted (1 preempted, 1 evicted by a node drain) are replaced, not counted: …"; undefined when none was. */
export function describeJobDisruptions(ev: TriageEvidence, job: JobEvidence): string | undefined {
  const words: string[] = [];
  const seen = new Set<string>();
  let ended = false;
  for (const p of ev.pods) {
    const d = findDisruption(p);
    if (d === undefined || d.nodeShutdown) continue;
    const drained = ev.nodes.some((n) => n.name === p.nodeName && n.unschedulable);
    words.push(wordFor(d.reason, drained));
    seen.add(p.name);
    if (p.deletionTimestamp === undefined) ended = true;
  }
  // Pods already gone keep their scheduler's Preempted event for a while.
  for (const e of ev.events) {
    if (e.object.kind === 'Pod' && e.reason === 'Preempted' && !seen.has(e.object.name) && isWithin(e.lastSeen, ev.collectedAt, 3 * RECENT_MS)) {
      words.push('preempted');
      seen.add(e.object.name);
      ended = true;
    }
  }
  if (words.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const parts = [...counts.entries()].map(([w, n]) => `${n} ${w}`).join(', ');
  const n = words.length;
  const counted = ignoresDisruptions(job)
    ? 'not counted against backoffLimit: its podFailurePolicy ignores DisruptionTarget'
    : `each counted against backoffLimit${job.backoffLimit !== undefined ? ` ${job.backoffLimit}` : ''} (no podFailurePolicy ignores DisruptionTarget)`;
  // A pod still terminating is replaced once it is gone.
  return `${n} pod${n === 1 ? '' : 's'} disrupted (${parts}), ${ended ? 'replaced' : 'to be replaced'} by the Job, ${counted}`;
}

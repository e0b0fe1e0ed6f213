/**
 * Nodes a live pod of the workload ran on before: the scheduler's "Successfully assigned ns/pod to
 * node" events of a pod that keeps its name (a StatefulSet's) name each node it was placed on, and
 * the ones other than its node now are nodes it had to leave. What took those nodes away (a spot
 * interruption, a termination notice) is in their own events. Pure: the adapter reads those events
 * only when this names such nodes.
 */
import type { EventEvidence, IsoTime, PodEvidence } from './evidence.js';
import { msBetween } from './time-span.js';

export interface FormerNode {
  pod: string;
  node: string;
  /** When the pod was placed there. */
  scheduledAt: IsoTime;
}

const ASSIGNED = /^Successfully assigned \S+?\/(\S+) to (\S+)$/;

/** Newest first, one entry per node. */
export function listFormerNodes(events: readonly EventEvidence[], pods: readonly PodEvidence[]): FormerNode[] {
  const current = new Map(pods.map((p) => [p.name, p.nodeName]));
  const out = new Map<string, FormerNode>();
  for (const e of events) {
    if (e.object.kind !== 'Pod' || e.reason !== 'Scheduled') continue;
    const m = ASSIGNED.exec(e.message.trim());
    const pod = m?.[1];
    const node = m?.[2];
    if (pod === undefined || node === undefined || pod !== e.object.name || !current.has(pod) || current.get(pod) === node) continue;
    const seen = out.get(node);
    if (seen === undefined || msBetween(seen.scheduledAt, e.lastSeen) > 0) out.set(node, { pod, node, scheduledAt: e.lastSeen });
  }
  return [...out.values()].sort((a, b) => msBetween(a.scheduledAt, b.scheduledAt));
}

/** At most `max` former nodes, newest first: their events are worth one read each. */
export function pickFormerNodes(events: readonly EventEvidence[], pods: readonly PodEvidence[], max = 3): string[] {
  return listFormerNodes(events, pods).slice(0, max).map((f) => f.node);
}

/**
 * A node's event that says its machine was taken back: Karpenter (SpotInterrupted,
 * TerminatingOnInterruption), the AWS node termination handler (SpotInterruption, RebalanceRecommendation,
 * ScheduledEvent), GKE/Azure preemption notices.
 */
export const RECLAIM_REASON = /SpotInterrupt|Interruption|RebalanceRecommendation|InstanceStateChange|ScheduledChange|ScheduledEvent|TerminationNotice|Preempt/i;

/** Node events of those reasons about the given nodes, newest first. */
export function listReclaimEvents(events: readonly EventEvidence[], nodes: ReadonlySet<string>): EventEvidence[] {
  return events
    .filter((e) => e.object.kind === 'Node' && nodes.has(e.object.name) && (RECLAIM_REASON.test(e.reason) || /spot interruption|interruption warning/i.test(e.message)))
    .sort((a, b) => msBetween(a.lastSeen, b.lastSeen));
}

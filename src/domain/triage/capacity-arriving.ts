import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { EventEvidence } from './evidence-pod.js';
import { findCondition } from './evidence-lookup.js';
import { earliest, formatAgo, isWithin, latest, msBetween } from './time-span.js';

/**
 * Pods Pending for want of room while the cluster autoscaler is adding it: it triggered a
 * scale-up minutes ago and nothing since says it cannot (NotTriggerScaleUp, a failed scale-up are
 * read elsewhere). That is capacity arriving, not a failure, as long as the wait is not longer
 * than a node takes to boot and join; past that, the scale-up is not delivering.
 */
export interface CapacityArriving {
  /** When the autoscaler first triggered the scale-up for these pods. */
  triggeredAt: string;
  /** The node group's move as the autoscaler wrote it ("7->10"), when it did. */
  step?: string;
  /** Nodes created since the scale-up began, and how many of them are Ready already. */
  newNodes: NodeEvidence[];
  readyNew: number;
}

/** A cloud node boots and joins in a few minutes; a scale-up still waiting after this is not one. */
export const SCALE_UP_MS = 10 * 60_000;

export function findCapacityArriving(ev: TriageEvidence, pending: readonly PodEvidence[], autoscaler: readonly EventEvidence[]): CapacityArriving | undefined {
  const triggered = autoscaler.filter((e) => e.reason === 'TriggeredScaleUp');
  const triggeredAt = earliest(triggered.map((e) => e.firstSeen));
  const lastTrigger = latest(triggered.map((e) => e.lastSeen));
  if (triggeredAt === undefined || lastTrigger === undefined) return undefined;
  // A refusal after the trigger: the autoscaler no longer brings room for these pods.
  if (autoscaler.some((e) => e.reason === 'NotTriggerScaleUp' && msBetween(lastTrigger, e.lastSeen) >= 0)) return undefined;
  if (!isWithin(triggeredAt, ev.collectedAt, SCALE_UP_MS)) return undefined;
  // The pods have waited no longer than a scale-up takes.
  const since = earliest(pending.map((p) => p.createdAt ?? p.startTime));
  if (since !== undefined && !isWithin(since, ev.collectedAt, SCALE_UP_MS)) return undefined;
  const step = /(\d+)\s*-(?:>|&gt;)\s*(\d+)/.exec(triggered[0]?.message ?? '');
  const newNodes = (ev.clusterNodes ?? ev.nodes).filter((n) => n.createdAt !== undefined && msBetween(triggeredAt, n.createdAt) >= -60_000);
  const readyNew = newNodes.filter((n) => findCondition(n.conditions, 'Ready')?.status === 'True').length;
  return { triggeredAt, ...(step ? { step: `${step[1]}->${step[2]}` } : {}), newNodes, readyNew };
}

/** "the cluster autoscaler triggered a scale-up (7->10 nodes) 2m ago; 3 new nodes joined, 2 Ready" */
export function describeCapacityArriving(ev: TriageEvidence, c: CapacityArriving): string {
  const step = c.step ? ` (${c.step.replace('->', ' → ')} nodes)` : '';
  const n = c.newNodes.length;
  const joined = n === 0 ? '; the new nodes are still booting' : `; ${n} new node${n === 1 ? '' : 's'} joined since, ${c.readyNew} Ready`;
  return `the cluster autoscaler triggered a scale-up${step} ${formatAgo(c.triggeredAt, ev.collectedAt)}${joined}`;
}

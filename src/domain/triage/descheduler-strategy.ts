/**
 * The descheduler's words for why it evicted a pod, and what to change in its policy. Its
 * events.k8s.io events carry the strategy (plugin) as the reason and "pod evicted from <node> node
 * by sigs.k8s.io/descheduler" as the note; older releases put the strategy in the message. The
 * fault is then in the policy (kube-system), not in the evicted workload: nothing of it changed.
 */
import type { EventEvidence } from './evidence-pod.js';

/** The descheduler plugins that evict (v0.2x–v0.3x names). */
const STRATEGY =
  /\b(RemovePodsViolatingTopologySpreadConstraint|RemovePodsViolatingInterPodAntiAffinity|RemovePodsViolatingNodeAffinity|RemovePodsViolatingNodeTaints|RemovePodsHavingTooManyRestarts|RemoveDuplicates|RemoveFailedPods|LowNodeUtilization|HighNodeUtilization|PodLifeTime)\b/;

export function isDeschedulerEvent(e: EventEvidence): boolean {
  return /descheduler/i.test(`${e.source ?? ''} ${e.message}`);
}

/** The strategy that evicted, from the event's reason or message; undefined when it does not say. */
export function readDeschedulerStrategy(e: EventEvidence): string | undefined {
  return STRATEGY.exec(e.reason)?.[1] ?? STRATEGY.exec(e.message)?.[1];
}

/**
 * What to change in the descheduler's policy for a workload it keeps evicting. Each plugin takes
 * `namespaces.exclude` (and most a `labelSelector`); the topology-spread plugin also balances soft
 * (ScheduleAnyway) spreads unless left out of its `constraints`, and without topologyBalanceNodeFit
 * it evicts pods the scheduler can only put back in the same zone, so the skew never resolves.
 */
export function decideDeschedulerFix(strategy: string | undefined, namespace: string): string {
  const exclude = `exclude namespace ${namespace} from ${strategy ?? 'the evicting plugin'} in the descheduler's policy (its namespaces.exclude, or a labelSelector), not in the workload, which did not change`;
  if (strategy === 'RemovePodsViolatingTopologySpreadConstraint') {
    return `${exclude}; or stop it fighting the scheduler: leave ScheduleAnyway out of its constraints (soft spreads are the scheduler's best effort) or set topologyBalanceNodeFit: true, so it evicts only pods that can land in another zone`;
  }
  if (strategy === 'PodLifeTime') return `${exclude}; or raise its maxPodLifeTimeSeconds`;
  return exclude;
}

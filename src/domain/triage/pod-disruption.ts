// Why a pod was ended from outside its own process: the DisruptionTarget condition the control
// plane and kubelet set (Kubernetes ≥ 1.26), or the kubelet's node-shutdown status message.
import type { PodEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';

export interface PodDisruption {
  /** DisruptionTarget reason: TerminationByKubelet, PreemptionByScheduler, EvictionByEvictionAPI, … */
  reason: string;
  /** What ended the pod, in words: "the graceful shutdown of its node". */
  cause: string;
  /** The node went down (shutdown/reboot): the run was fine, the machine went away. */
  nodeShutdown: boolean;
  message?: string;
}

const SHUTDOWN = /node shutdown|shutting down|imminent shutdown/i;

const CAUSES: Record<string, string> = {
  PreemptionByScheduler: 'preemption by a higher-priority pod',
  DeletionByTaintManager: 'a NoExecute taint on its node',
  EvictionByEvictionAPI: 'an eviction through the API (a drain or a descheduler)',
  DeletionByPodGC: 'pod garbage collection after its node went away',
};

/** The disruption that ended `pod`, or undefined when nothing outside its process is recorded. */
export function findDisruption(pod: PodEvidence): PodDisruption | undefined {
  const c = findCondition(pod.conditions, 'DisruptionTarget');
  const message = c?.status === 'True' ? (c.message ?? pod.message) : pod.message;
  const shutdown = SHUTDOWN.test(message ?? '') || (pod.reason === 'Terminated' && pod.phase === 'Failed' && c?.status === 'True' && c.reason === 'TerminationByKubelet' && !/evict|low on resource|preempt/i.test(message ?? ''));
  if (c?.status !== 'True' && !shutdown) return undefined;
  const reason = c?.status === 'True' ? (c.reason ?? 'DisruptionTarget') : 'TerminationByKubelet';
  const cause = shutdown ? 'the graceful shutdown of its node (the kubelet terminated it before a reboot or power-off)' : CAUSES[reason] ?? (reason === 'TerminationByKubelet' ? 'the kubelet (node-pressure eviction or critical-pod preemption)' : `a disruption (${reason})`);
  return { reason, cause, nodeShutdown: shutdown, ...(message ? { message } : {}) };
}

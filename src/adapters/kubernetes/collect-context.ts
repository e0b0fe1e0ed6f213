// What every step of collectEvidence shares: the clients of the target's context, the reads
// (deadline + failures), the limits, and the concurrency gates for per-object reads.
import type * as k8s from '@kubernetes/client-node';
import type { KubeClients } from './kube-clients.js';
import type { Limiter } from './limit-concurrency.js';
import type { Reads } from './reads.js';

/** Bounds on what one triage reads; each default keeps a triage of a huge workload bounded. */
export interface CollectLimits {
  /** Pods read and counted (pages of 500) before choosing which to keep. Default 5000. */
  maxPodsScanned: number;
  /** Pods kept in the evidence, the least healthy first. Default 200. */
  maxPods: number;
  /** Pods whose events are read (one field-selector query each). Default 50. */
  maxPodsWithEvents: number;
  /** Nodes read (get + events), those under the least healthy pods first. Default 20. */
  maxNodes: number;
  /** PVCs read (get + events). Default 20. */
  maxPvcs: number;
  /** Log tails read (crashed, stuck, unready containers, then a sample of ready pods). Default 8. */
  maxLogs: number;
  /** Nodes listed when pods cannot be placed (placement is checked against them). Default 2000. */
  maxClusterNodes: number;
  /** ReplicaSets whose events are read: the newest ones and any still running pods. Default 5. */
  maxRevisionsWithEvents: number;
  /** Per-object reads in flight at once, per gate (events; objects and logs). Default 8. */
  concurrency: number;
}

export const DEFAULT_LIMITS: CollectLimits = {
  maxPodsScanned: 5000,
  maxPods: 200,
  maxPodsWithEvents: 50,
  maxNodes: 20,
  maxPvcs: 20,
  maxLogs: 8,
  maxClusterNodes: 2000,
  maxRevisionsWithEvents: 5,
  concurrency: 8,
};

export interface CollectContext {
  clients: KubeClients;
  /** The triage's clock (old terminations are history, not evidence worth a log read). */
  now: () => Date;
  reads: Reads;
  namespace: string;
  limits: CollectLimits;
  /** Gate for event queries. */
  eventGate: Limiter;
  /** Gate for gets of nodes and PVCs and for log reads. */
  objectGate: Limiter;
  /**
   * A node's pods (all namespaces), listed once per triage whichever read needs them first (port
   * holders, preemptors, node agents, node network, node memory): two leads to the same node cost one list.
   */
  podsOnNode: Map<string, Promise<{ items: k8s.V1Pod[]; failed: boolean }>>;
  /** The namespace's Deployments, listed once per triage by whichever lead needs them first (list-namespace-deployments.ts). */
  namespaceDeployments?: Promise<{ items: k8s.V1Deployment[]; more: boolean; failed: boolean }>;
}

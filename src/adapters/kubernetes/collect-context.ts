// What every step of collectEvidence shares: the clients of the target's context, the reads
// (deadline + failures), the limits, and the concurrency gates for per-object reads.
import type { KubeClients } from './kube-clients.js';
import type { Limiter } from './limit-concurrency.js';
import type { Reads } from './reads.js';

/** Bounds on what one triage reads; each default keeps a triage of a huge workload bounded. */
export interface CollectLimits {
  /** Pods read from the API (pages of 500) before choosing which to keep. Default 1000. */
  maxPodsScanned: number;
  /** Pods kept in the evidence, the least healthy first. Default 200. */
  maxPods: number;
  /** Pods whose events are read (one field-selector query each). Default 50. */
  maxPodsWithEvents: number;
  /** Nodes read (get + events), those under the least healthy pods first. Default 20. */
  maxNodes: number;
  /** PVCs read (get + events). Default 20. */
  maxPvcs: number;
  /** Containers whose previous logs are read. Default 6. */
  maxLogs: number;
  /** ReplicaSets whose events are read: the newest ones and any still running pods. Default 5. */
  maxRevisionsWithEvents: number;
  /** Per-object reads in flight at once, per gate (events; objects and logs). Default 8. */
  concurrency: number;
}

export const DEFAULT_LIMITS: CollectLimits = {
  maxPodsScanned: 1000,
  maxPods: 200,
  maxPodsWithEvents: 50,
  maxNodes: 20,
  maxPvcs: 20,
  maxLogs: 6,
  maxRevisionsWithEvents: 5,
  concurrency: 8,
};

export interface CollectContext {
  clients: KubeClients;
  reads: Reads;
  namespace: string;
  limits: CollectLimits;
  /** Gate for event queries. */
  eventGate: Limiter;
  /** Gate for gets of nodes and PVCs and for log reads. */
  objectGate: Limiter;
}

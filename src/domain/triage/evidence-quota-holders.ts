// Who holds a ResourceQuota that refuses the workload's pods: the namespace's pods summed by the
// workload that owns them, for the resources the refusal says are full (quota-holders.ts).

/** One workload of the namespace and what its pods count against the quota. */
export interface QuotaHolderEvidence {
  /** The owning workload ("Deployment", "StatefulSet", "Job"…), or "Pod" for a bare pod. */
  kind: string;
  name: string;
  /** Its pods the quota counts (not Succeeded or Failed). */
  pods: number;
  /** Per quota resource ("limits.memory", "requests.cpu"): the sum over those pods, in bytes or cores. */
  amounts: Record<string, number>;
  /** The HPA that scales it, when one of the namespace does: its bounds, replicas and metrics (as HpaEvidence has them). */
  hpa?: QuotaHolderHpa;
  /** Its pods run a JVM (java on the command line, or a JAVA_TOOL_OPTIONS / JAVA_OPTS env): a runtime that keeps the heap it committed. */
  jvm?: true;
}

export interface QuotaHoldersEvidence {
  /** The quota the refusal names. */
  quota: string;
  /** The resources the refusal says are full, as the quota names them. */
  resources: string[];
  /** Holders, most of the first resource first (at most five). */
  holders: QuotaHolderEvidence[];
  /** Every pod of the namespace was listed. */
  complete: boolean;
}

/** The part of an HPA that says whether it keeps its workload at its ceiling, and on what metric. */
export interface QuotaHolderHpa {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  metrics: { name: string; current?: string; target?: string }[];
}

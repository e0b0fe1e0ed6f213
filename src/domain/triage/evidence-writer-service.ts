// The pods beside the one pod a store's writer Service selects by name (statefulset.kubernetes.io/
// pod-name=mysql-0), read when its clients' writes are refused as read-only: their role labels say
// which member is the primary now, and that the pinned pod is not.
import type { PodEvidence } from './evidence-pod.js';

export interface WriterServiceEvidence {
  namespace: string;
  service: string;
  /** The selector's pair that names one pod. */
  pin: { key: string; value: string };
  /** The pods the rest of its selector selects (one page, a few dozen): the pinned pod and its fellow members. */
  pods: PodEvidence[];
}

/**
 * The pods a pending pod's required pod affinity asks to join, read when the scheduler says
 * "didn't match pod affinity rules": whether any pod carries the labels the term selects, and, when
 * none does, the pods of the namespace that carry something close (the likely relabel).
 */
import type { IsoTime, PodAffinityTermEvidence } from './evidence-spec.js';

/** A pod of the namespace whose labels come close to what a term selects. */
export interface AffinityNearPodEvidence {
  name: string;
  /** The labels that come close: the term's value under another key, or the term's key with a similar value. */
  nearLabels: string[];
  node?: string;
  createdAt?: IsoTime;
  /** Its controller (StatefulSet, ReplicaSet, DaemonSet…), with when it was created and the Helm chart its labels name. */
  owner?: { kind: string; name: string; createdAt?: IsoTime; chart?: string };
}

export interface AffinityTermPeersEvidence {
  term: PodAffinityTermEvidence;
  /** The namespaces the term was checked in (its own list, else the pod's namespace). */
  namespaces: string[];
  /** Pods the term's selector matches there (at most 5 read); absent when it could not be checked. */
  matching?: { name: string; namespace: string; node?: string }[];
  /** Why the term was not checked: a namespaceSelector, too many namespaces, a read that failed. */
  unchecked?: string;
  /** Only when no pod matches: pods of the pod's namespace whose labels come close (at most 3). */
  near?: AffinityNearPodEvidence[];
}

/**
 * The client source ranges a Service's cloud load balancer admits: spec.loadBalancerSourceRanges
 * (or the older `service.beta.kubernetes.io/load-balancer-source-ranges` annotation). The cloud
 * provider turns them into the balancer's firewall (an AWS security group, a GCP firewall rule):
 * a client whose address falls outside every range is dropped before any pod sees it, so the pods
 * stay healthy and log nothing about it.
 */
import type { IsoTime } from './evidence-spec.js';

export interface SourceRangesEvidence {
  /** The CIDRs as written ("203.0.113.0/24"). */
  ranges: string[];
  /** Where they are set: the spec field or the annotation. */
  from: 'spec' | 'annotation';
  /** The newest managedFields write of that field (or annotation), and its manager. */
  setAt?: IsoTime;
  setBy?: string;
}

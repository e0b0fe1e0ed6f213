/**
 * How a cloud load balancer in front of a Service reaches its pods, as the Service's annotations
 * set it (AWS Load Balancer Controller): instance targets send traffic to every node's NodePort,
 * ip targets to the pods. With instance targets and the client's IP preserved, a caller inside the
 * cluster whose connection the NLB sends to its own node never gets the reply (no hairpinning).
 */
import type { IsoTime } from './evidence-spec.js';

export interface LoadBalancerTargetsEvidence {
  /** `aws-load-balancer-nlb-target-type` (or the in-tree `aws-load-balancer-type: nlb`, which targets instances). */
  targetType?: 'instance' | 'ip';
  /** `preserve_client_ip.enabled` in `aws-load-balancer-target-group-attributes`, when set. */
  preserveClientIp?: boolean;
  /** The names it is reached by: external-dns's hostname annotation, then status.loadBalancer.ingress. */
  hostnames: string[];
  /** The newest managedFields write of the Service's annotations, and its manager. */
  annotationsChangedAt?: IsoTime;
  annotationsChangedBy?: string;
}

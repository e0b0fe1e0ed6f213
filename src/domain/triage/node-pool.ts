// Which node pool a node belongs to, by the label each provider's autoscaler or node group sets.
import type { NodeEvidence } from './evidence.js';

/** Managed node groups and their tools (EKS, eksctl, GKE, AKS, Karpenter old and new, kops), then generic ones. */
const POOL_LABELS = [
  'eks.amazonaws.com/nodegroup',
  'alpha.eksctl.io/nodegroup-name',
  'cloud.google.com/gke-nodepool',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'karpenter.sh/nodepool',
  'karpenter.sh/provisioner-name',
  'kops.k8s.io/instancegroup',
  'node.kubernetes.io/instance-group',
  'node.kubernetes.io/pool',
];

/** The label key names a node pool (so a reading says "node pool", not the key). */
export function isPoolLabel(key: string): boolean {
  return POOL_LABELS.includes(key);
}

/** The node's pool ("general-2026"); undefined when no known label names one. */
export function nodePoolOf(node: NodeEvidence | undefined): string | undefined {
  return POOL_LABELS.map((l) => node?.labels?.[l]).find((v) => v !== undefined);
}

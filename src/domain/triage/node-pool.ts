// Which node pool a node belongs to, by the label each provider's autoscaler or node group sets.
import type { NodeEvidence } from './evidence.js';

const POOL_LABELS = ['eks.amazonaws.com/nodegroup', 'karpenter.sh/nodepool', 'cloud.google.com/gke-nodepool', 'kubernetes.azure.com/agentpool', 'node.kubernetes.io/pool'];

/** The node's pool ("general-2026"); undefined when no known label names one. */
export function nodePoolOf(node: NodeEvidence | undefined): string | undefined {
  return POOL_LABELS.map((l) => node?.labels?.[l]).find((v) => v !== undefined);
}

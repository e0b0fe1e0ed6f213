import { describe, expect, it } from 'vitest';
import { nodePoolOf } from '../../../src/domain/triage/node-pool.js';
import { node } from './scenarios/builders.js';

describe('nodePoolOf', () => {
  it('reads the pool from the label each provider, autoscaler or node-group tool sets', () => {
    const labelled = (key: string) => nodePoolOf(node('n', { labels: { [key]: 'workers-b' } }));
    for (const key of ['eks.amazonaws.com/nodegroup', 'alpha.eksctl.io/nodegroup-name', 'cloud.google.com/gke-nodepool', 'kubernetes.azure.com/agentpool', 'agentpool', 'karpenter.sh/nodepool', 'karpenter.sh/provisioner-name', 'kops.k8s.io/instancegroup', 'node.kubernetes.io/instance-group', 'node.kubernetes.io/pool']) {
      expect(labelled(key), key).toBe('workers-b');
    }
  });

  it('reads none from labels that name no pool', () => {
    expect(nodePoolOf(node('n'))).toBeUndefined();
    expect(nodePoolOf(undefined)).toBeUndefined();
  });
});

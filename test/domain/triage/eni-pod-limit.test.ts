import { describe, expect, it } from 'vitest';
import { findEniPodOvercommit, lookupEniLimits } from '../../../src/domain/triage/eni-pod-limit.js';
import { node } from './scenarios/builders.js';

describe('the VPC CNI pod IP limit of an instance type', () => {
  it('knows the ENIs of common Nitro and t3 sizes', () => {
    expect(lookupEniLimits('r6a.4xlarge')).toEqual([8, 30]);
    expect(lookupEniLimits('t3a.medium')).toEqual([3, 6]);
    expect(lookupEniLimits('x2gd.large')).toBeUndefined();
  });

  it('finds a max-pods above ENIs × (IPs − 1) + 2, and nothing within it or for an unknown type', () => {
    const over = node('worker-1', { labels: { 'node.kubernetes.io/instance-type': 't3.large' }, allocatable: { cpu: '1930m', memory: '7Gi', pods: '64' } });
    expect(findEniPodOvercommit(over)).toEqual({ instanceType: 't3.large', enis: 3, ipsPerEni: 12, limit: 35, maxPods: 64 });
    expect(findEniPodOvercommit({ ...over, allocatable: { ...over.allocatable, pods: '35' } })).toBeUndefined();
    expect(findEniPodOvercommit({ ...over, labels: { 'node.kubernetes.io/instance-type': 'x2gd.large' } })).toBeUndefined();
  });
});

// node-feature-discovery's CPU labels survive the mapping: they tell nodes whose CPUs lack an
// instruction set (AVX-512) from the ones that have it, for a build that dies with SIGILL.
import { describe, expect, it } from 'vitest';
import { mapNode } from '../../../src/adapters/kubernetes/map-node.js';
import { node } from '../../triage-corpus/kit/index.js';

describe('mapNode, CPU features', () => {
  it('keeps the CPU instruction-set and model labels and drops unrelated feature labels', () => {
    const n = node({ name: 'ip-10-0-96-88.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'general-m7i', instanceType: 'm7i.2xlarge', createdAgo: 26, labels: { 'feature.node.kubernetes.io/cpu-cpuid.AVX512F': 'true', 'feature.node.kubernetes.io/cpu-model.vendor_id': 'Intel', 'feature.node.kubernetes.io/pci-0300_1af4.present': 'true' } });
    const labels = mapNode(n).labels ?? {};
    expect(labels['feature.node.kubernetes.io/cpu-cpuid.AVX512F']).toBe('true');
    expect(labels['feature.node.kubernetes.io/cpu-model.vendor_id']).toBe('Intel');
    expect(labels['feature.node.kubernetes.io/pci-0300_1af4.present']).toBeUndefined();
  });
});

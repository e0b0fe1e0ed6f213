import { describe, expect, it } from 'vitest';
import { listExtendedRequests } from '../../../src/domain/triage/extended-resources.js';
import { container, pod } from './scenarios/builders.js';

describe('listExtendedRequests', () => {
  it('sums the containers\' extended resources, takes a larger init container\'s, and leaves out what Kubernetes accounts for itself', () => {
    const p = pod(0, {
      containers: [
        container({ resources: { requests: { cpu: '2', memory: '8Gi', 'hugepages-2Mi': '1Gi', 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } } }),
        // A limit alone is the request for an extended resource.
        container({ name: 'sidecar', resources: { requests: {}, limits: { 'nvidia.com/gpu': '1', 'smarter-devices/fuse': '1' } } }),
      ],
      initContainers: [container({ name: 'warmup', resources: { requests: { 'nvidia.com/gpu': '4', 'example.kubernetes.io/thing': '1' }, limits: {} } })],
    });
    expect(listExtendedRequests(p)).toEqual([{ resource: 'nvidia.com/gpu', amount: 4 }, { resource: 'smarter-devices/fuse', amount: 1 }]);
    expect(listExtendedRequests(pod(1))).toEqual([]);
  });
});

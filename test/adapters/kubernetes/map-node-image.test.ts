// A node's image labels (an AMI, a node image version) survive the mapping: they tell the new
// nodes of a rotation from the old ones.
import { describe, expect, it } from 'vitest';
import { mapNode } from '../../../src/adapters/kubernetes/map-node.js';
import { node } from '../../triage-corpus/kit/index.js';

describe('mapNode', () => {
  it('keeps labels that name the machine image and drops unrelated custom labels', () => {
    const n = node({ name: 'ip-10-0-44-230.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'general', instanceType: 'm6i.xlarge', createdAgo: 39, labels: { 'acme.io/ami': 'acme-eks-al2023-v20261118', 'kubernetes.azure.com/node-image-version': 'AKSUbuntu-2204gen2-202411.12.0', 'acme.io/team': 'risk' } });
    const labels = mapNode(n).labels ?? {};
    expect(labels['acme.io/ami']).toBe('acme-eks-al2023-v20261118');
    expect(labels['kubernetes.azure.com/node-image-version']).toBe('AKSUbuntu-2204gen2-202411.12.0');
    expect(labels['acme.io/team']).toBeUndefined();
  });
});

describe('mapNode, GPU nodes', () => {
  it('keeps GPU feature discovery\'s driver and CUDA labels: they tell a pool with an older NVIDIA driver apart', () => {
    const n = node({ name: 'ip-10-0-97-14.eu-west-1.compute.internal', zone: 'eu-west-1a', pool: 'gpu', instanceType: 'g5.2xlarge', createdAgo: 49, labels: { 'nvidia.com/cuda.driver.major': '470', 'nvidia.com/cuda.driver.minor': '256', 'nvidia.com/cuda.driver-version.full': '470.256.02', 'nvidia.com/cuda.runtime.major': '11', 'nvidia.com/gpu.memory': '23028' } });
    const labels = mapNode(n).labels ?? {};
    expect(labels['nvidia.com/cuda.driver.major']).toBe('470');
    expect(labels['nvidia.com/cuda.driver.minor']).toBe('256');
    expect(labels['nvidia.com/cuda.driver-version.full']).toBe('470.256.02');
    expect(labels['nvidia.com/cuda.runtime.major']).toBe('11');
    expect(labels['nvidia.com/gpu.memory']).toBeUndefined();
  });
});

describe('mapNode, workload identity', () => {
  it('keeps GKE\'s gke-metadata-server-enabled label: a pool without it hands pods the node\'s service account', () => {
    const n = node({ name: 'gke-east-web-pool-1a2b3c4d-x7kq', zone: 'us-east1-b', instanceType: 'e2-standard-4', createdAgo: 90, labels: { 'iam.gke.io/gke-metadata-server-enabled': 'true', 'acme.io/team': 'web' } });
    const labels = mapNode(n).labels ?? {};
    expect(labels['iam.gke.io/gke-metadata-server-enabled']).toBe('true');
    expect(labels['acme.io/team']).toBeUndefined();
  });
});

describe('mapNode, capacity', () => {
  it('keeps status.capacity beside allocatable: what the kubelet reserves is their difference', () => {
    const n = node({ name: 'ip-10-0-61-44.eu-west-1.compute.internal', allocatable: { cpu: '7910m', memory: '6063860Ki', pods: '58' } });
    if (n.status) n.status.capacity = { cpu: '8', memory: '64886516Ki', pods: '58' };
    const m = mapNode(n);
    expect(m.capacity).toEqual({ cpu: '8', memory: '64886516Ki', pods: '58' });
    expect(m.allocatable['memory']).toBe('6063860Ki');
  });
});

describe('mapNode, what the cloud provider sets', () => {
  it('keeps spec.providerID and status.addresses: their absence says the cloud-controller-manager never initialized the node', () => {
    const n = node({ name: 'ip-10-0-61-44.eu-west-1.compute.internal' });
    const m = mapNode(n);
    expect(m.providerID).toMatch(/^aws:\/\/\/eu-west-1a\/i-0/);
    expect(m.addresses?.some((a) => a.type === 'InternalIP')).toBe(true);
    if (n.spec) delete n.spec.providerID;
    if (n.status) n.status.addresses = [{ type: 'Hostname', address: 'ip-10-0-61-44.eu-west-1.compute.internal' }];
    const bare = mapNode(n);
    expect(bare.providerID).toBeUndefined();
    expect(bare.addresses).toEqual([{ type: 'Hostname', address: 'ip-10-0-61-44.eu-west-1.compute.internal' }]);
  });
});

describe('mapNode, the kubelet\'s clock', () => {
  it('keeps the Ready condition\'s lastHeartbeatTime: the kubelet stamps it with the node\'s own clock', () => {
    const n = node({ name: 'ip-10-0-61-44.eu-west-1.compute.internal' });
    for (const c of n.status?.conditions ?? []) c.lastHeartbeatTime = c.type === 'Ready' ? new Date('2026-11-21T03:40:12Z') : new Date('2026-11-21T03:10:00Z');
    expect(mapNode(n).heartbeatAt).toBe('2026-11-21T03:40:12Z');
    if (n.status) n.status.conditions = [];
    expect(mapNode(n).heartbeatAt).toBeUndefined();
  });
});

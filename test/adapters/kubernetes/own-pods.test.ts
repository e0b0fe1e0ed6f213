import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { isWorkloadPod, ownerWorkloadOf } from '../../../src/adapters/kubernetes/own-pods.js';

const podOf = (rs: string, hash: string): k8s.V1Pod => ({
  metadata: { name: `${rs}-x1y2z`, labels: { app: 'pricing', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: 'u', controller: true }] },
});

describe('which pods a selector matched are the workload\'s', () => {
  it('keeps the Deployment\'s own ReplicaSet pods and leaves out a copy\'s that kept its labels, naming the copy', () => {
    const own = podOf('pricing-7d9f8c6b5d', '7d9f8c6b5d');
    const copy = podOf('pricing-legacy-bh75b8bnx6', 'bh75b8bnx6');
    expect(isWorkloadPod(own, 'Deployment', 'pricing', 'd-uid')).toBe(true);
    expect(isWorkloadPod(copy, 'Deployment', 'pricing', 'd-uid')).toBe(false);
    expect(ownerWorkloadOf(copy)).toEqual({ kind: 'Deployment', name: 'pricing-legacy' });
  });

  it('keeps a bare pod (nothing says whose it is) and a StatefulSet\'s own pod by uid', () => {
    expect(isWorkloadPod({ metadata: { name: 'debug', labels: { app: 'pricing' } } }, 'Deployment', 'pricing', undefined)).toBe(true);
    const sts: k8s.V1Pod = { metadata: { name: 'db-0', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 's-uid', controller: true }] } };
    expect(isWorkloadPod(sts, 'StatefulSet', 'db', 's-uid')).toBe(true);
    expect(isWorkloadPod(sts, 'StatefulSet', 'db', 'other-uid')).toBe(false);
  });
});

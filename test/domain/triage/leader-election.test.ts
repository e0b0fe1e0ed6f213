import { describe, expect, it } from 'vitest';
import { findLeaseLoss, isLeaseCall } from '../../../src/domain/triage/leader-election.js';
import { LEASE_LOST_RUN } from './scenarios/leader-election-logs.js';

describe('findLeaseLoss', () => {
  it('finds a run that acquired its lease and ends on losing it, with the lease it names', () => {
    const loss = findLeaseLoss(LEASE_LOST_RUN);
    expect(loss?.lease).toBe('tenant-system/tenant-operator.platform.acme.io');
    expect(loss?.line).toMatch(/failed to renew lease tenant-system\/tenant-operator\.platform\.acme\.io: context deadline exceeded$/);
  });

  it('says nothing of a run that never held the lease, or that lost it long before it ended', () => {
    // Never acquired: the API server may well be unreachable (a policy, the network).
    expect(findLeaseLoss(LEASE_LOST_RUN.filter((l) => !/successfully acquired/.test(l)))).toBeUndefined();
    const recovered = [...LEASE_LOST_RUN, ...Array.from({ length: 12 }, (_, i) => `{"level":"info","msg":"reconciled","tenant":"t-${i}"}`)];
    expect(findLeaseLoss(recovered)).toBeUndefined();
    expect(findLeaseLoss(['{"level":"info","msg":"Starting workers"}'])).toBeUndefined();
  });

  it('tells client-go lease calls apart from other API calls', () => {
    expect(isLeaseCall(LEASE_LOST_RUN[5] ?? '')).toBe(true);
    expect(isLeaseCall(LEASE_LOST_RUN[6] ?? '')).toBe(true);
    expect(isLeaseCall('W1121 03:12:30.100000       1 reflector.go:547] failed to list *v1.Namespace: Get "https://172.20.0.1:443/api/v1/namespaces": context deadline exceeded')).toBe(false);
  });
});

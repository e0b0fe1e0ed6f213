// A ResourceQuota counts only the pods its scopes select: the scopes are part of what it limits.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { mapQuota } from '../../../src/adapters/kubernetes/map-context.js';

describe('mapQuota scopes', () => {
  const base: k8s.V1ResourceQuota = { metadata: { name: 'critical-pods' }, spec: { hard: { pods: '10' } }, status: { hard: { pods: '10' }, used: { pods: '10' } } };

  it('keeps a scopeSelector expression and plain scopes', () => {
    const q = mapQuota({ ...base, spec: { ...base.spec, scopes: ['NotTerminating'], scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['critical', 'high'] }] } } });
    expect(q.scopes).toEqual([{ name: 'NotTerminating' }, { name: 'PriorityClass', operator: 'In', values: ['critical', 'high'] }]);
  });

  it('has no scopes when the quota counts every pod', () => {
    expect(mapQuota(base).scopes).toBeUndefined();
  });
});

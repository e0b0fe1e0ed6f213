// A Deployment's own rollout settings, copied as the API gives them: they decide whether old pods
// serve while new ones start (strategy) and how long a rollout may take (minReadySeconds, deadline).
import { describe, expect, it } from 'vitest';
import { mapWorkload } from '../../../src/adapters/kubernetes/map-workload.js';

const template = { metadata: { labels: { app: 'ledger' } }, spec: { containers: [{ name: 'app', image: 'ledger:2.1.0' }] } };
const deployment = (spec: Record<string, unknown>) => mapWorkload({ kind: 'Deployment', obj: { metadata: { name: 'ledger', namespace: 'finance' }, spec: { selector: { matchLabels: { app: 'ledger' } }, template, ...spec } } });

describe('mapWorkload: a Deployment\'s rollout settings', () => {
  it('reads strategy Recreate, minReadySeconds and progressDeadlineSeconds', () => {
    expect(deployment({ strategy: { type: 'Recreate' }, minReadySeconds: 1200, progressDeadlineSeconds: 300 }).rolloutSettings).toEqual({ strategy: 'Recreate', minReadySeconds: 1200, progressDeadlineSeconds: 300 });
  });

  it('reads a RollingUpdate\'s maxUnavailable and maxSurge as written, numbers as text', () => {
    expect(deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '100%', maxSurge: 0 } } }).rolloutSettings).toEqual({ strategy: 'RollingUpdate', maxUnavailable: '100%', maxSurge: '0' });
  });

  it('leaves out what the API did not report, and reads nothing for other kinds', () => {
    expect(deployment({ strategy: { type: 'RollingUpdate' } }).rolloutSettings).toEqual({ strategy: 'RollingUpdate' });
    expect(deployment({ minReadySeconds: 0 }).rolloutSettings).toEqual({ strategy: 'RollingUpdate', minReadySeconds: 0 });
    const sts = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'ledger', namespace: 'finance' }, spec: { selector: { matchLabels: { app: 'ledger' } }, serviceName: 'ledger', template, minReadySeconds: 30 } } });
    expect(sts.rolloutSettings).toBeUndefined();
  });
});

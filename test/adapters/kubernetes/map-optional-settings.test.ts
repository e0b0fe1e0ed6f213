import { describe, expect, it } from 'vitest';
import { mapEnvVar } from '../../../src/adapters/kubernetes/map-spec.js';
import { mapWorkload } from '../../../src/adapters/kubernetes/map-workload.js';

describe('mapEnvVar: optional references', () => {
  it('keeps optional: true on a Secret or ConfigMap key reference (the kubelet leaves the variable unset when the key is missing)', () => {
    expect(mapEnvVar({ name: 'S', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: true } } })).toEqual({ name: 'S', ref: { kind: 'secret', name: 'db', key: 'password', optional: true } });
    expect(mapEnvVar({ name: 'C', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k', optional: true } } })).toEqual({ name: 'C', ref: { kind: 'configMap', name: 'cfg', key: 'k', optional: true } });
    expect(mapEnvVar({ name: 'S', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: false } } })).toEqual({ name: 'S', ref: { kind: 'secret', name: 'db', key: 'password' } });
  });
});

describe('mapWorkload: a CronJob\'s starting deadline', () => {
  it('keeps spec.startingDeadlineSeconds, and nothing when unset', () => {
    const jobTemplate = { spec: { template: { spec: { containers: [{ name: 'close', image: 'close:1.0.0' }] } } } };
    const tight = mapWorkload({ kind: 'CronJob', obj: { metadata: { name: 'close', namespace: 'ledger' }, spec: { schedule: '20 * * * *', startingDeadlineSeconds: 15, jobTemplate } } });
    expect(tight.schedule?.startingDeadlineSeconds).toBe(15);
    const open = mapWorkload({ kind: 'CronJob', obj: { metadata: { name: 'close', namespace: 'ledger' }, spec: { schedule: '20 * * * *', jobTemplate } } });
    expect(open.schedule).not.toHaveProperty('startingDeadlineSeconds');
  });
});

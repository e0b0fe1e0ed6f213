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

describe('mapWorkload: a StatefulSet\'s volumeClaimTemplates', () => {
  it('keeps each template\'s name, storage request and class, and nothing for a set without templates', () => {
    const template = { spec: { containers: [{ name: 'postgres', image: 'postgres:16.4' }] } };
    const set = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'ledger-pg', namespace: 'ledger' }, spec: { selector: {}, serviceName: 'ledger-pg', template, volumeClaimTemplates: [
      { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: '200Gi' } } } },
      { metadata: { name: 'wal' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } } },
    ] } } });
    expect(set.claimTemplates).toEqual([{ name: 'data', storage: '200Gi', storageClass: 'gp3' }, { name: 'wal', storage: '20Gi' }]);
    const bare = mapWorkload({ kind: 'StatefulSet', obj: { metadata: { name: 'cache', namespace: 'ledger' }, spec: { selector: {}, serviceName: 'cache', template } } });
    expect(bare).not.toHaveProperty('claimTemplates');
  });
});

// A CronJob that deletes old data, by its name or command: its suspension (and who wrote spec.suspend,
// from managedFields), its last schedule and success, its command clipped; any other CronJob is left out.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { mapCleanupCronJob } from '../../../src/adapters/kubernetes/read-cleanup-cronjobs.js';

const cron = (name: string, args: string[], over: Partial<k8s.V1CronJobSpec> = {}, status: k8s.V1CronJobStatus = {}, managedFields: k8s.V1ManagedFieldsEntry[] = []): k8s.V1CronJob => ({
  metadata: { name, managedFields, creationTimestamp: new Date('2026-01-01T00:00:00Z') },
  spec: { schedule: '30 1 * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'job', image: 'tools:1', args }] } } } }, ...over },
  status,
});

describe('mapCleanupCronJob', () => {
  it('keeps a suspended cleanup with who suspended it and when it last succeeded', () => {
    const c = mapCleanupCronJob(cron('orders-cleanup', ['--delete-older-than', '30d'], { suspend: true }, { lastSuccessfulTime: new Date('2026-11-11T01:31:00Z'), lastScheduleTime: new Date('2026-11-11T01:30:00Z') }, [
      { manager: 'helm', operation: 'Update', time: new Date('2026-01-01T00:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {} } } },
      { manager: 'kubectl-patch', operation: 'Update', time: new Date('2026-11-12T20:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:suspend': {} } } },
    ]));
    expect(c).toEqual({
      name: 'orders-cleanup', schedule: '30 1 * * *', suspended: true, command: '--delete-older-than 30d',
      suspendedAt: '2026-11-12T20:00:00Z', suspendedBy: 'kubectl-patch',
      lastScheduleTime: '2026-11-11T01:30:00Z', lastSuccessfulTime: '2026-11-11T01:31:00Z', createdAt: '2026-01-01T00:00:00Z',
    });
  });

  it('knows a cleanup by its command when its name does not say', () => {
    expect(mapCleanupCronJob(cron('nightly-es', ['curator', '--config', '/etc/curator.yml']))?.name).toBe('nightly-es');
  });

  it('leaves out a CronJob that deletes nothing', () => {
    expect(mapCleanupCronJob(cron('nightly-export', ['export', '--to', 's3://bucket']))).toBeUndefined();
  });
});

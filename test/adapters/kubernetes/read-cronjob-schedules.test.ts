// A CronJob's schedule, its zone (none set: UTC) and the newest write of spec.schedule from managedFields.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { mapCronJobSchedule } from '../../../src/adapters/kubernetes/read-cronjob-schedules.js';

const cron = (over: Partial<k8s.V1CronJobSpec> = {}, managedFields: k8s.V1ManagedFieldsEntry[] = []): k8s.V1CronJob => ({
  metadata: { name: 'nightly-export', managedFields },
  spec: { schedule: '0 3 * * *', jobTemplate: {}, ...over },
});

describe('mapCronJobSchedule', () => {
  it('keeps the schedule, no zone when none is set, and the newest write of the schedule', () => {
    const s = mapCronJobSchedule(cron({}, [
      { manager: 'argocd-controller', operation: 'Apply', time: new Date('2026-07-01T00:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:jobTemplate': {} } } },
      { manager: 'kubectl-edit', operation: 'Update', time: new Date('2026-11-20T12:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {} } } },
    ]));
    expect(s).toEqual({ name: 'nightly-export', schedule: '0 3 * * *', scheduleEditedAt: '2026-11-20T12:00:00Z', scheduleEditedBy: 'kubectl-edit' });
  });

  it('keeps the zone it sets', () => {
    expect(mapCronJobSchedule(cron({ timeZone: 'Asia/Kolkata' }))).toEqual({ name: 'nightly-export', schedule: '0 3 * * *', timeZone: 'Asia/Kolkata' });
  });
});

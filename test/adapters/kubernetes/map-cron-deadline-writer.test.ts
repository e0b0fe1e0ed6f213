import { describe, expect, it } from 'vitest';
import { mapWorkload } from '../../../src/adapters/kubernetes/map-workload.js';

describe('mapping who set a CronJob\'s startingDeadlineSeconds', () => {
  it('keeps when spec.startingDeadlineSeconds was last written, and by which field manager', () => {
    const w = mapWorkload({
      kind: 'CronJob',
      obj: {
        metadata: {
          name: 'invoice-rollup',
          namespace: 'billing',
          managedFields: [
            { manager: 'argocd-controller', operation: 'Update', apiVersion: 'batch/v1', time: new Date('2026-08-02T07:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {}, 'f:startingDeadlineSeconds': {} } } },
            { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'batch/v1', time: new Date('2026-10-11T14:25:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:startingDeadlineSeconds': {} } } },
          ],
        },
        spec: { schedule: '0 * * * *', startingDeadlineSeconds: 3, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'rollup', image: 'rollup:3.1.0' }] } } } } },
      },
    });
    expect(w.schedule).toMatchObject({ startingDeadlineSeconds: 3, deadlineWrittenAt: '2026-10-11T14:25:00Z', deadlineWrittenBy: 'kubectl-patch' });
  });
});

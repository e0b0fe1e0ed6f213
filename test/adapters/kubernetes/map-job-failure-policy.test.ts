import { describe, expect, it } from 'vitest';
import { mapJob } from '../../../src/adapters/kubernetes/map-workload.js';

describe("mapping a Job's podFailurePolicy", () => {
  it('keeps its rules in order: the action, the pod conditions and the exit codes they match', () => {
    const job = mapJob({
      metadata: { name: 'backfill' },
      spec: {
        template: { spec: { containers: [] } },
        podFailurePolicy: {
          rules: [
            { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
            { action: 'FailJob', onExitCodes: { containerName: 'embed', operator: 'In', values: [42] } },
            { action: 'Count', onPodConditions: [{ type: 'ConfigIssue', status: 'False' }] },
          ],
        },
      },
    });
    expect(job.podFailureRules).toEqual([
      { action: 'Ignore', onPodConditions: ['DisruptionTarget'] },
      { action: 'FailJob', onExitCodes: 'embed In (42)' },
      { action: 'Count', onPodConditions: ['ConfigIssue=False'] },
    ]);
    expect(mapJob({ metadata: { name: 'plain' } }).podFailureRules).toBeUndefined();
  });
});

describe("mapping a Job's restartPolicy", () => {
  it("keeps its pod template's restartPolicy", () => {
    const job = mapJob({ metadata: { name: 'export' }, spec: { template: { spec: { containers: [], restartPolicy: 'OnFailure' } } } });
    expect(job.restartPolicy).toBe('OnFailure');
    expect(mapJob({ metadata: { name: 'plain' } }).restartPolicy).toBeUndefined();
  });
});

describe("mapping a Job's projected token audiences", () => {
  it('keeps each projected volume that asks for a ServiceAccount token audience', () => {
    const job = mapJob({
      metadata: { name: 'sync' },
      spec: {
        template: {
          spec: {
            containers: [],
            volumes: [
              { name: 'cloud-token', projected: { sources: [{ serviceAccountToken: { audience: 'api.partner.example', path: 'token' } }] } },
              { name: 'kube-api', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
              { name: 'scratch', emptyDir: {} },
            ],
          },
        },
      },
    });
    expect(job.tokenAudiences).toEqual([{ volume: 'cloud-token', audience: 'api.partner.example' }]);
    expect(mapJob({ metadata: { name: 'plain' } }).tokenAudiences).toBeUndefined();
  });
});

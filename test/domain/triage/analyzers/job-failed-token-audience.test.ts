import { describe, expect, it } from 'vitest';
import { analyzeFailedJobs } from '../../../../src/domain/triage/analyzers/job-failed.js';
import type { JobEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, minutesAgo, pod, terminated, workload } from '../scenarios/builders.js';

const CRON = 'ledger-sync';
const JOB = `${CRON}-31000100`;
const REFUSAL = 'botocore.errorfactory.InvalidIdentityTokenException: An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience';

function scenario(audience: string, earlier: JobEvidence[] = []): TriageEvidence {
  const job: JobEvidence = {
    name: JOB, createdAt: minutesAgo(12), startTime: minutesAgo(12), active: 0, succeeded: 0, failed: 2, backoffLimit: 1,
    conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(10) }],
  };
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, {
    name: `${JOB}-p${i}`, jobName: JOB, phase: 'Failed', ready: false, revisionHash: undefined,
    volumes: [{ name: 'cloud-token', source: 'projected', audience }],
    containers: [container({ name: 'sync', image: 'registry.example/ledger-sync:2.0.1', ports: [], probes: {}, ready: false, state: terminated(1, 'Error', 11 - i, { runSeconds: 3 }), volumeMounts: [{ name: 'cloud-token', mountPath: '/var/run/secrets/cloud/token', readOnly: true }] })],
  }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'sync', previous: false, lines: ['Traceback (most recent call last):', REFUSAL] })), services: [], endpointSlices: [], hpas: [], revisions: [], jobs: [job, ...earlier] });
  return {
    ...base,
    target: { service: CRON, namespace: NS, kind: 'CronJob', name: CRON, context: 'prod' },
    workload: workload({ kind: 'CronJob', name: CRON, specReplicas: 1, replicas: 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0, selector: {}, templateLabels: {}, conditions: [] }),
  };
}

describe('analyzeFailedJobs: STS refuses the projected token for its audience', () => {
  it('names the audience the pod spec gives the token and the one STS expects', () => {
    const [f] = analyzeFailedJobs(scenario('internal-gateway'));
    expect(f?.title).toMatch(/: STS refuses the projected ServiceAccount token \(Incorrect token audience\): volume cloud-token sets its audience to "internal-gateway", and STS expects sts\.amazonaws\.com$/);
    expect(f?.evidence).toContain('projected volume cloud-token: serviceAccountToken audience "internal-gateway"');
    expect(f?.fix).toBe('set the serviceAccountToken audience of volume cloud-token back to sts.amazonaws.com in the pod template (or give that other audience its own projected volume) and re-run the Job');
  });

  it('says the audience of the last successful run when it differs, and no longer that nothing changed', () => {
    const done = minutesAgo(70);
    const ok: JobEvidence = { name: `${CRON}-31000040`, createdAt: minutesAgo(72), completionTime: done, active: 0, succeeded: 1, failed: 0, conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: done }], tokenAudiences: [{ volume: 'cloud-token', audience: 'sts.amazonaws.com' }] };
    const [f] = analyzeFailedJobs(scenario('internal-gateway', [ok]));
    expect(f?.title).toMatch(/; the last successful run \(Job ledger-sync-31000040\) had audience "sts\.amazonaws\.com"$/);
    expect(f?.evidence).toContain('Job ledger-sync-31000040 (last successful run): token audience "sts.amazonaws.com"');
    expect(f?.datesChange).toBe(true);
  });

  it('points at the OIDC provider when the token already carries the STS audience', () => {
    const [f] = analyzeFailedJobs(scenario('sts.amazonaws.com'));
    expect(f?.title).toMatch(/the IAM OIDC provider does not list that audience$/);
  });
});

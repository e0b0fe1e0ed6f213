import { describe, expect, it } from 'vitest';
import { explainCloudDataPlaneDenial } from '../../../src/domain/triage/cloud-data-plane-denial.js';
import { diagnose } from '../../../src/domain/triage/verdict/diagnose.js';
import { acquitRollout, findTrigger } from '../../../src/domain/triage/verdict/trigger.js';
import { compareFailingHealthy } from '../../../src/domain/triage/verdict/differential.js';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, podName, revision, revisionContainer } from './scenarios/builders.js';

// A cloud storage service that accepts the pods' identity and refuses the data call: the identity's
// role or policy lacks the data permission. Neutral fixtures.
const AZURE_LINES = [
  'INFO app starting account=https://examplestore01.blob.core.windows.net container=items',
  'ERROR app.worker upload failed blob=items/a.bin',
  'azure.core.exceptions.HttpResponseError: This request is not authorized to perform this operation using this permission.',
  'ErrorCode:AuthorizationPermissionMismatch',
];
const WI = [{ name: 'app', env: [{ name: 'AZURE_CLIENT_ID', value: '00000000-1111-2222-3333-444444444444' }] }];

describe('explainCloudDataPlaneDenial', () => {
  it('reads Azure AuthorizationPermissionMismatch as a missing data-plane role of the workload identity', () => {
    const told = explainCloudDataPlaneDenial(AZURE_LINES.slice(1, 3), AZURE_LINES, WI);
    expect(told?.summary).toBe("Azure Storage refuses the blob calls with 403 AuthorizationPermissionMismatch: the pods' managed identity (workload identity, AZURE_CLIENT_ID 00000000-1111-2222-3333-444444444444) has no data-plane role on storage account examplestore01");
    expect(told?.fix).toContain('Storage Blob Data Contributor');
    expect(told?.noRollback).toMatch(/^no rollback/);
    expect(told?.nextAction).not.toMatch(/roll(ing)? ?back to/i);
  });

  it('reads a GCS storage.objects refusal with the service account it names', () => {
    const line = 'ERROR upload: 403 POST https://storage.googleapis.com/upload/storage/v1/b/example-bucket/o: app-sa@example-project.iam.gserviceaccount.com does not have storage.objects.create access to the Google Cloud Storage object.';
    const told = explainCloudDataPlaneDenial([line], [line], []);
    expect(told?.summary).toBe('GCS refuses storage.objects.create (403): service account app-sa@example-project.iam.gserviceaccount.com lacks the data permission');
  });

  it('reads an S3 refusal of an action to a role', () => {
    const line = 'ERROR put: AccessDenied: User: arn:aws:sts::111122223333:assumed-role/app-role/session is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::example-bucket/x"';
    expect(explainCloudDataPlaneDenial([line], [line], [])?.summary).toBe('S3 refuses s3:PutObject (AccessDenied, 403): role app-role lacks the permission');
  });

  it('reads nothing into other errors', () => {
    const line = 'ERROR app: connection reset by peer';
    expect(explainCloudDataPlaneDenial([line], [line], WI)).toBeUndefined();
  });
});

describe('a mechanism that says no rollback is the way back', () => {
  it('keeps the revision as the since and advises the fix, not the rollback', () => {
    const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(30), startTime: minutesAgo(30) }));
    const base = baseEvidence({ pods });
    const ev = { ...base, revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(30), { replicas: 2, containers: [revisionContainer({ image: 'registry.example.com/team/app:9.9.9' })] })] };
    const mechanism: Finding = {
      id: 'unexplained/log-errors', kind: 'unexplained', title: 'Logs of 2 ready pods carry 10 error lines in their last lines: storage refuses the calls', layer: 'container/process', severity: 'warning', confidence: 'medium',
      evidence: [], likelyCause: '', nextAction: 'Grant the role.', fix: 'grant the identity the data role', noRollback: 'no rollback: the role assignment refuses', confirmCommands: [], affected: { pods: [0, 1].map((i) => podName(REV7.hash, i)) }, onset: minutesAgo(29),
    };
    const d = diagnose(ev, [mechanism]);
    expect(d?.headline).toMatch(/^Since revision 7/);
    expect(d?.action).toBe('Grant the identity the data role; no rollback: the role assignment refuses');
    const t = findTrigger(ev, mechanism, compareFailingHealthy(ev));
    const rollout: Finding = { id: 'recent-rollout', kind: 'recent-rollout', title: 'Revision 7 rolled out', layer: 'rollout/change', severity: 'warning', confidence: 'medium', evidence: [], likelyCause: '', nextAction: 'Roll back to revision 6.', confirmCommands: [] };
    expect(acquitRollout([rollout], t, mechanism)[0]?.nextAction).not.toMatch(/roll back to/i);
  });
});

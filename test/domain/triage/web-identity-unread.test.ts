import { describe, expect, it } from 'vitest';
import { findUnreadWebIdentity, tellUnreadWebIdentity } from '../../../src/domain/triage/web-identity-unread.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { PodTemplateEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { NOW, REV6, REV7, baseEvidence, crashLooping, minutesAgo, pod, podName, revision, terminated, workload } from './scenarios/builders.js';

const IRSA = [
  { name: 'AWS_REGION', value: 'us-east-2' },
  { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::210987654321:role/archive-sync-prod' },
  { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
];
const BANNER = '2026-11-21 03:12:01,114 INFO archive_sync.main archive-sync 4.1.0 starting (python 3.7.9, boto3 1.9.130, botocore 1.12.130)';
const NO_CREDENTIALS = '2026-11-21 03:12:02,870 CRITICAL archive_sync.main start-up check failed: botocore.exceptions.NoCredentialsError: Unable to locate credentials';
const TEMPLATE: PodTemplateEvidence = { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
const MOVED = [revision(REV6, minutesAgo(12 * 24 * 60), { template: TEMPLATE }), revision(REV7, minutesAgo(35), { replicas: 2, template: { ...TEMPLATE, serviceAccountName: 'archive-sync' } })];

/** Two pods of revision 7 (which moved the pods to their own service account) crash-looping with `lines` as their previous log. */
function movedToIrsa(lines: string[]): TriageEvidence {
  const pods = [0, 1].map((i) => {
    const name = podName(REV7.hash, i);
    return pod(i, { name, revisionHash: REV7.hash, ready: false, serviceAccountName: 'archive-sync', createdAt: minutesAgo(34 - i), startTime: minutesAgo(34 - i), containers: [crashLooping(name, terminated(1, 'Error', 2), 9, { env: IRSA })] });
  });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines })),
    revisions: MOVED,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 2, currentRevision: 7 }),
  });
}

describe('findUnreadWebIdentity', () => {
  it('reads a credential chain with no provider in a pod with web identity env as an SDK that does not read the token, naming the old version and the move', () => {
    const found = findUnreadWebIdentity({ lines: [BANNER, NO_CREDENTIALS], container: { env: IRSA }, revisions: MOVED, revisionHash: REV7.hash });
    expect(found?.line).toBe(NO_CREDENTIALS);
    expect(found?.moved).toEqual({ revision: 7, before: 6, change: 'serviceAccountName default → archive-sync' });
    const told = found && tellUnreadWebIdentity(found);
    expect(told?.title).toBe(": its AWS SDK finds no credentials, as boto3 1.9.130 / botocore 1.12.130 predate web identity (since 1.9.220 / 1.12.200) and ignore the pod's IRSA token");
    expect(told?.fix).toBe("rebuild the image with a current boto3 / botocore (web identity since 1.9.220 / 1.12.200) so it reads the pod's web identity token");
    expect(told?.noRollback).toMatch(/^going back to revision 6 only returns the pods to the node's instance role/);
    expect(told?.noRollback).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
    expect(told?.sure).toBe(true);
  });

  it('says the SDK is too old or the chain is the code\'s own when no version is logged, and offers no reason against a rollback without a move', () => {
    const line = 'panic: list objects: NoCredentialProviders: no valid providers in chain. Deprecated.';
    const found = findUnreadWebIdentity({ lines: [line], container: { env: IRSA }, revisions: [] });
    const told = found && tellUnreadWebIdentity(found);
    expect(told?.cause).toMatch(/too old to know web identity \(aws-sdk-go before 1\.23\.13/);
    expect(told?.noRollback).toBeUndefined();
    expect(told?.sure).toBe(false);
  });

  it('reads nothing without web identity env, or when the SDK did try the token', () => {
    expect(findUnreadWebIdentity({ lines: [NO_CREDENTIALS], container: { env: [] }, revisions: MOVED, revisionHash: REV7.hash })).toBeUndefined();
    const tried = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity';
    expect(findUnreadWebIdentity({ lines: [tried, NO_CREDENTIALS], container: { env: IRSA }, revisions: MOVED, revisionHash: REV7.hash })).toBeUndefined();
  });
});

describe('a crash of an SDK that does not read the pod\'s web identity', () => {
  it('is the crash\'s reading, held as sure, with the rollback refused', () => {
    const [f] = analyzeExitCodes(movedToIrsa([BANNER, NO_CREDENTIALS]));
    expect(f?.title).toContain('its AWS SDK finds no credentials, as boto3 1.9.130');
    expect(f?.decisive).toBe(NO_CREDENTIALS);
    expect(f?.confidence).toBe('high');
    expect(f?.noRollback).toMatch(/node's instance role/);
  });

  it('keeps the revision as the since and advises the rebuild, not a rollback', () => {
    const r = buildTriageReport(movedToIrsa([BANNER, NO_CREDENTIALS]), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(/^Since revision 7/);
    expect(r.headline).toMatch(/Rebuild the image with a current boto3/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });
});

import { describe, expect, it } from 'vitest';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number): RevisionEvidence => ({ revision, name: `worker-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [] });

describe('pickChange for calls refused to the identity the pods run as', () => {
  const diff = ['pod label helm.sh/chart: worker-2.0.0 → jobs-1.0.0', 'serviceAccountName: worker → jobs-worker'];

  it('leads with the ServiceAccount switch when a readiness probe fails on a permission denial', () => {
    const finding = { kind: 'readiness-probe', title: 'Readiness probe failing for app on 1/3 pods: HTTP 503 on GET :8080/ready (worker-abc) — "rpc error: code = PermissionDenied desc = caller lacks access."', decisive: 'rpc error: code = PermissionDenied desc = caller lacks access.' } as Finding;
    expect(pickChange(finding, diff, rev(1), rev(2))).toBe('serviceAccountName: worker → jobs-worker');
  });

  it('leads with it on a cloud 403 naming the default compute identity', () => {
    const finding = { kind: 'readiness-probe', title: 'Readiness probe failing for app on 1/3 pods', decisive: 'googleapi: Error 403: 1234-compute@developer.gserviceaccount.com does not have storage.objects.get access to the bucket.' } as Finding;
    expect(pickChange(finding, diff, rev(1), rev(2))).toBe('serviceAccountName: worker → jobs-worker');
  });

  it('keeps the readiness probe lead when the failure is no denial', () => {
    const finding = { kind: 'readiness-probe', title: 'Readiness probe failing for app on 1/3 pods: HTTP 503 on GET :8080/ready (worker-abc) — "database not reachable"', decisive: 'database not reachable' } as Finding;
    expect(pickChange(finding, diff, rev(1), rev(2))).not.toBe('serviceAccountName: worker → jobs-worker');
  });
});

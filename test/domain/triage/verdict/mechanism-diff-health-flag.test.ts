import { describe, expect, it } from 'vitest';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number): RevisionEvidence => ({ revision, name: `api-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [] });

describe('pickChange for a liveness probe tied to a dependency', () => {
  it('leads with the args line that made the health check follow a dependency, over the image bump beside it', () => {
    const finding = { kind: 'liveness-dependency', title: 'Liveness probe of app checks a dependency: the gRPC health service on :9090 answers NOT_SERVING' } as Finding;
    const diff = ['app image: orders-api:1.4.0 → orders-api:1.5.0', 'app args: added "--healthz-deps=rates-api"'];
    expect(pickChange(finding, diff, rev(1), rev(2))).toBe('app args: added "--healthz-deps=rates-api"');
  });
});

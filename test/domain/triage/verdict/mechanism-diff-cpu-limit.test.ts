import { describe, expect, it } from 'vitest';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number): RevisionEvidence => ({ revision, name: `api-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [] });

describe('pickChange for a container starved by a CPU limit cut', () => {
  it('leads with the line that cut the limit, over the request lowered beside it', () => {
    const finding = { kind: 'cpu-starved', title: 'Container app is starved of CPU since revision 2 (3h ago) cut its CPU limit 2 → 500m (request 1 → 300m)' } as Finding;
    expect(pickChange(finding, ['app cpu request: 1 → 300m', 'app cpu limit: 2 → 500m'], rev(1), rev(2))).toBe('app cpu limit: 2 → 500m');
    expect(pickChange(finding, ['app cpu request: 1 → 300m'], rev(1), rev(2))).toBe('app cpu request: 1 → 300m');
  });
});

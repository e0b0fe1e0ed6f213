import { describe, expect, it } from 'vitest';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number): RevisionEvidence => ({ revision, name: `render-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [] });

describe('pickChange for pods Pending under a RuntimeClass overhead', () => {
  it('leads with the line that set the RuntimeClass, over the nodeSelector beside it', () => {
    const finding = { kind: 'failed-scheduling', title: '1 pod Pending: each pod needs 4Gi memory: its 3Gi request plus the 1Gi pod overhead of RuntimeClass sandboxed-vm', decisive: 'render-1: runtimeClassName sandboxed-vm, overhead memory 1Gi' } as Finding;
    const diff = ['nodeSelector: (none) → "pool=sandbox"', 'runtimeClassName: (none) → sandboxed-vm'];
    expect(pickChange(finding, diff, rev(1), rev(2))).toBe('runtimeClassName: (none) → sandboxed-vm');
  });
});

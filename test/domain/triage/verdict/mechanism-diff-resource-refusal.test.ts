import { describe, expect, it } from 'vitest';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number, image: string): RevisionEvidence => ({
  revision, name: `thumbnailer-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z',
  containers: [{ name: 'worker', image: `registry.local/media/thumbnailer:${image}` }],
} as RevisionEvidence);

describe('pickChange for pods refused for lack of a resource', () => {
  it('leads with the request of the refused resource, over an image bump of the same revision', () => {
    const finding = { kind: 'placement', title: 'Template pinned by nodeName to node-b7 bypasses the scheduler: its kubelet rejected 4 pods at admission, out of memory (OutOfmemory)', decisive: 'OutOfmemory: Node didn\'t have enough resource: memory, requested: 4294967296' } as Finding;
    const diff = ['worker image: registry.local/media/thumbnailer:4.1.0 → registry.local/media/thumbnailer:4.2.0', 'worker cpu request: 250m → 300m', 'worker memory request: 1Gi → 4Gi'];
    expect(pickChange(finding, diff, rev(3, '4.1.0'), rev(4, '4.2.0'))).toBe('worker memory request: 1Gi → 4Gi');
  });

  it('leads with the refused resource\'s request for a scheduler refusal too', () => {
    const finding = { kind: 'failed-scheduling', title: '3 pods Pending: 0/6 nodes are available: 6 Insufficient cpu', decisive: '0/6 nodes are available: 6 Insufficient cpu.' } as Finding;
    const diff = ['worker memory request: 512Mi → 768Mi', 'worker cpu request: 1 → 3'];
    expect(pickChange(finding, diff, rev(3, '4.1.0'), rev(4, '4.1.0'))).toBe('worker cpu request: 1 → 3');
  });

  it('keeps the image bump when the revision left the requests alone', () => {
    const finding = { kind: 'placement', title: 'Template pinned by nodeName to node-b7 bypasses the scheduler: its kubelet rejected 2 pods at admission, out of cpu (OutOfcpu)', decisive: 'OutOfcpu: Node didn\'t have enough resource: cpu' } as Finding;
    const diff = ['worker image: registry.local/media/thumbnailer:4.1.0 → registry.local/media/thumbnailer:4.2.0'];
    expect(pickChange(finding, diff, rev(3, '4.1.0'), rev(4, '4.2.0'))).toBe('worker image 4.1.0 → 4.2.0');
  });
});

import { describe, expect, it } from 'vitest';
import { describeChange, rolloutEntries } from '../../../src/domain/postmortem/record-rollouts.js';
import type { TriageReport } from '../../../src/domain/triage/triage-report.js';

const revision = (n: number, createdAt: string, changes: string[]) => ({ revision: n, name: `payment-service-${n}`, createdAt, age: '', current: false, images: [], changes });

const report = (rollout: ReturnType<typeof revision>[]): TriageReport =>
  ({
    target: { service: 'payment-service', namespace: 'payments', kind: 'Deployment', name: 'payment-service' },
    collectedAt: '2026-12-03T12:00:00Z',
    sections: { rollout },
  }) as unknown as TriageReport;

describe('rollouts on the timeline', () => {
  it('records the recent revisions, newest first, keyed by revision, with what each changed', () => {
    const entries = rolloutEntries(
      report([
        revision(14, '2026-12-03T11:40:00Z', ['app image: registry.example.com/payments:1.8.2 → registry.example.com/payments:1.9.0', 'app env added STRIPE_API_KEY']),
        revision(13, '2026-12-03T08:00:00Z', []),
        revision(12, '2026-11-20T08:00:00Z', ['app memory limit: 256Mi → 512Mi']),
      ]),
    );
    expect(entries).toEqual([
      {
        key: 'rollout/payments/deployment/payment-service/14',
        at: '2026-12-03T11:40:00Z',
        source: 'cluster',
        text: 'deployment/payment-service: revision 14 rolled out (app image payments:1.8.2 → 1.9.0 and 1 more change)',
        important: true,
        rollout: { workload: 'deployment/payment-service', revision: 14, change: 'app image payments:1.8.2 → 1.9.0 and 1 more change' },
      },
      expect.objectContaining({ key: 'rollout/payments/deployment/payment-service/13', rollout: { workload: 'deployment/payment-service', revision: 13, change: 'no template change (a restart)' } }),
    ]);
  });

  it('says what changed when it is not an image, and when there is nothing before', () => {
    expect(describeChange(['app memory limit: 512Mi → 256Mi'], true)).toBe('app memory limit: 512Mi → 256Mi');
    expect(describeChange([], false)).toBe('first revision');
    expect(describeChange(['app image: a.io/x:1 → b.io/x:2'], true)).toBe('app image a.io/x:1 → b.io/x:2');
  });
});

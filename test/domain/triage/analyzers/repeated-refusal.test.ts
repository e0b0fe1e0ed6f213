import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV7, baseEvidence, minutesAgo, pod, workload } from '../scenarios/builders.js';

const py = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace(/\.\d+$/, '');

/** Three Ready pods; pod k logs `lineOf(i)` `repeats` times among ordinary request lines. */
function ready(lineOf: (m: number) => string, repeats: number, podsLogging = 3): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(120), startTime: minutesAgo(120) }));
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    logs: pods.map((p, k) => ({
      pod: p.name, container: 'app', previous: false,
      lines: Array.from({ length: 8 }, (_, i) => [`INFO ${py(40 - i * 5)} request served 200`, ...(k < podsLogging && i < repeats ? [lineOf(39 - i * 5)] : [])]).flat(),
    })),
  });
}

const LEASE = (m: number) => `${minutesAgo(m)} warn: Worker.Election[0] Could not acquire lease on locks/example.lock: Status: 409 (There is already a lease present.) ErrorCode: LeaseAlreadyPresent. Lease state=leased, duration=infinite, holder=worker-abc-1. Retrying in 15s.`;
const SESSION = (m: number) => `WARNING ${py(m)} django.security.SuspiciousSession Session data corrupted`;

describe('analyzeRepeatedRefusal', () => {
  it('names a blob lease no replica can take instead of calling the Ready pods healthy', () => {
    const report = buildTriageReport(ready(LEASE, 8), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/409 LeaseAlreadyPresent on an infinite lease held by worker-abc-1, so no leader/);
  });

  it('names sessions refused as corrupted (a rotated secret key) instead of healthy', () => {
    const report = buildTriageReport(ready(SESSION, 8), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/"Session data corrupted" .*SECRET_KEY/);
  });

  it('says nothing of a stray warning or one pod of three', () => {
    expect(buildTriageReport(ready(SESSION, 1), { startedAt: NOW, finishedAt: NOW }).headline).not.toMatch(/Session data corrupted/);
    expect(buildTriageReport(ready(LEASE, 8, 1), { startedAt: NOW, finishedAt: NOW }).headline).not.toMatch(/LeaseAlreadyPresent/);
  });
});

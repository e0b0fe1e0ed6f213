// Far fewer pods listed than the workload runs (a list cut short, the least healthy few kept): the
// pods not listed are not unready. Readiness then comes from the workload's status (or from every pod
// counted), never "3/1400 ready" for a workload whose 1400 replicas are all ready.
import { describe, expect, it } from 'vitest';
import { analyzeUnreadyReplicas } from '../../../src/domain/triage/analyzers/unready-replicas.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, pod, workload } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

function sampled(readyReplicas: number) {
  const pods = [pod(0), pod(1), pod(2)];
  return baseEvidence({
    pods,
    census: { total: 3, complete: true, ready: 3, byState: { Running: 3 } },
    workload: workload({ specReplicas: 1400, replicas: 1400, readyReplicas, availableReplicas: readyReplicas, updatedReplicas: 1400 }),
  });
}

describe('readiness of a workload far larger than the pods listed', () => {
  it('does not call the pods that were not listed unready: an all-clear with its own count', () => {
    expect(analyzeUnreadyReplicas(sampled(1400))).toEqual([]);
    const r = buildTriageReport(sampled(1400), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toContain('1400/1400 ready');
    expect(r.headline).not.toContain('3/1400');
  });

  it("takes a real gap from the workload's status, not from the pods listed", () => {
    const [f] = analyzeUnreadyReplicas(sampled(1100));
    expect(f?.title).toBe('1100/1400 replicas of payment-service ready');
    expect(f?.likelyCause).not.toMatch(/Fewer pods exist/);
  });

  it('counts every pod the census counted, not only the least healthy kept', () => {
    const ev = baseEvidence({
      pods: [pod(0), pod(1), pod(2)],
      census: { total: 400, complete: true, ready: 400, byState: { Running: 400 } },
      workload: workload({ specReplicas: 400, replicas: 400, readyReplicas: 400, availableReplicas: 400, updatedReplicas: 400 }),
    });
    expect(analyzeUnreadyReplicas(ev)).toEqual([]);
    expect(buildTriageReport(ev, times).headline).toContain('400/400 ready');
  });
});

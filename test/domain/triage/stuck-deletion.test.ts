// A pod deleted long ago that has not gone holds a replica back: never a "looks healthy" report,
// even when no analyzer knows why it is stuck (no finalizer named, no node finding).
import { describe, expect, it } from 'vitest';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, running, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/** Pod 2, deleted `minutes` ago (its grace period long past), its container still reported running. */
function deleted(minutes: number): PodEvidence {
  return pod(2, { deletionTimestamp: minutesAgo(minutes), ready: false, containers: [container({ ready: false, state: running(3 * 24 * 60) })] });
}

describe('a pod stuck in deletion', () => {
  it('is a problem, named with how long it has been stuck, when no analyzer explains it', () => {
    const ev = baseEvidence({ pods: [pod(0), pod(1), deleted(38)], workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2 }) });
    const report = buildTriageReport(ev, times);
    expect(report.verdict).toBe('problems');
    expect(report.headline).toContain(ev.pods[2]?.name ?? '?');
    expect(report.headline).toMatch(/Terminating for 38m/);
    expect(report.headline).not.toMatch(/looks healthy/);
  });

  it('is not a problem while the deletion is still within its grace period', () => {
    const ev = baseEvidence({ pods: [pod(0), pod(1), deleted(-0.5)], workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2 }) });
    const report = buildTriageReport(ev, times);
    expect(report.findings.some((f) => /Terminating/.test(f.title))).toBe(false);
  });
});

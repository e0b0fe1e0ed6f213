import { describe, expect, it } from 'vitest';
import { analyzeWorkflowNondeterminism } from '../../../../src/domain/triage/analyzers/workflow-nondeterminism.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

/** Go SDK's WARN line for a workflow task failing replay. */
const replayFailure = (m: number, wf: string, attempt: number): string =>
  `2026/11/21 03:${String(m).padStart(2, '0')}:41 WARN  Failed to process workflow task. Namespace prod TaskQueue orders WorkflowType CheckoutWorkflow WorkflowID ${wf} RunID 1f0c Attempt ${attempt} Error [TMPRL1100] nondeterministic workflow: history event is ActivityTaskScheduled: (ActivityType:(Name:Charge)), replay command is ScheduleActivityTask: (ActivityType:(Name:Screen))`;

/** Workers of revision 7 (2.15.0, rolled out 30m ago) logging `failures` replay failures over `workflows` workflows. */
function workers(failures: number, workflows: number, revisionAgo = 30): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, name: `payment-service-${REV7.hash}-w${i}` }));
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(revisionAgo), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    logs: pods.map((p, k) => ({
      pod: p.name, container: 'app', previous: false,
      lines: [
        '2026/11/21 02:45:00 INFO  Started Worker Namespace prod TaskQueue orders',
        ...Array.from({ length: failures }, (_, i) => (i + k) % 2 === k ? replayFailure(50 + i, `order-${(i % workflows) + 1}`, 2 + i) : '2026/11/21 03:00:00 INFO  order fulfilled'),
      ],
    })),
  });
}

describe('analyzeWorkflowNondeterminism', () => {
  it('counts a replay nondeterminism failure as an error, whatever level the SDK logs it at', () => {
    expect(isErrorLine(replayFailure(10, 'order-1', 3))).toBe(true);
    expect(isErrorLine('12:00:01 WARN io.temporal.internal.worker.WorkflowWorker - Workflow task failure: io.temporal.worker.NonDeterministicException: Failure handling event 7')).toBe(true);
    expect(isErrorLine('2026/11/21 03:00:00 INFO  order fulfilled WorkflowID order-9')).toBe(false);
  });

  it('names stuck workflows failing replay since the revision that changed workflow code, and rolling back then versioning', () => {
    const [f] = analyzeWorkflowNondeterminism(workers(12, 4));
    expect(f?.title).toMatch(/CheckoutWorkflow workflows started before the change fail replay with a nondeterminism error \(\[TMPRL1100\] nondeterministic workflow\)/);
    expect(f?.title).toMatch(/since revision 7 \(2\.15\.0\), rolled out 30m ago, changed the workflow code without versioning/);
    expect(f?.fix).toMatch(/roll the workers back to revision 6 \(2\.14\.0\).*GetVersion\/patched\(\).*reset/);
    const report = buildTriageReport(workers(12, 4), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/nondeterminism/);
    expect(report.headline).toMatch(/revision 7/);
  });

  it('does not blame an old revision: it says to version the change', () => {
    const [f] = analyzeWorkflowNondeterminism(workers(12, 4, 5 * 24 * 60));
    expect(f?.title).not.toMatch(/revision 7/);
    expect(f?.fix).not.toMatch(/roll/);
  });

  it('says nothing of a single workflow task failing once', () => {
    expect(analyzeWorkflowNondeterminism(workers(1, 1))).toEqual([]);
  });
});

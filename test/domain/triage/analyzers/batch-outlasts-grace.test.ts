import { describe, expect, it } from 'vitest';
import { analyzeBatchOutlastsGrace } from '../../../../src/domain/triage/analyzers/batch-outlasts-grace.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV6, baseEvidence, minutesAgo, pod, revision, workload } from '../scenarios/builders.js';

const stamp = (m: number): string => minutesAgo(m).replace('Z', '').replace(/(\.\d{3})?$/, '.000Z');

/** Consumer pods committing batches of 1500 records that take `took` s; `duplicates` adds the downstream's 409s after a restart. */
function consumer(took: number, opts: { grace?: number; duplicates?: boolean; stopped?: boolean } = {}): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, i === 2 && opts.stopped !== false ? { deletionTimestamp: minutesAgo(0.3) } : {}));
  const template = opts.grace === undefined ? {} : { terminationGracePeriodSeconds: opts.grace };
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template as never })],
    logs: pods.map((p, k) => ({
      pod: p.name, container: 'app', previous: false,
      lines: [
        ...(opts.duplicates !== false && k === 0 ? [`${stamp(9)}  WARN 1 --- [ntainer#0-0-C-1] c.a.w.PickClient : warehouse rejected pick request as duplicate order=ORD-1 status=409`] : []),
        ...Array.from({ length: 4 }, (_, i) => `${stamp(8 - i)}  INFO 1 --- [ntainer#0-0-C-1] c.a.c.Listener : batch committed partition=events-${k} records=1500 warehouseDuplicates=0 took=${(took + i * 0.4).toFixed(1)}s`),
      ],
    })),
  });
}

describe('analyzeBatchOutlastsGrace', () => {
  it('names pods killed at the grace period before their batch commits, and the work redone', () => {
    const [f] = analyzeBatchOutlastsGrace(consumer(45));
    expect(f?.title).toMatch(/SIGKILLed at the 30 s grace period \(terminationGracePeriodSeconds unset: the default\) before their in-flight batch commits \(batches of 1500 records take ~4\d s\)/);
    expect(f?.title).toMatch(/re-reads it from the last committed offset/);
    expect(f?.fix).toMatch(/raise terminationGracePeriodSeconds above the batch time \(e\.g\. 120 s\)/);
    expect(f?.outsideWorkload).toBeDefined();
    const report = buildTriageReport(consumer(45), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/grace period/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('stays quiet when batches commit within the grace period', () => {
    expect(analyzeBatchOutlastsGrace(consumer(12))).toEqual([]);
    expect(analyzeBatchOutlastsGrace(consumer(45, { grace: 120 }))).toEqual([]);
  });

  it('stays quiet without work redone or without a stop', () => {
    expect(analyzeBatchOutlastsGrace(consumer(45, { duplicates: false }))).toEqual([]);
    expect(analyzeBatchOutlastsGrace(consumer(45, { stopped: false }))).toEqual([]);
  });
});

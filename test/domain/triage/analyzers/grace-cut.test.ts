import { describe, expect, it } from 'vitest';
import { analyzeBatchOutlastsGrace } from '../../../../src/domain/triage/analyzers/batch-outlasts-grace.js';
import { analyzeGraceCut } from '../../../../src/domain/triage/analyzers/grace-cut.js';
import { findGraceCut } from '../../../../src/domain/triage/grace-cut.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, terminated } from '../scenarios/builders.js';

const stamp = (m: number): string => minutesAgo(m).replace('T', ' ').replace('Z', '').replace(/(\.\d{3})?$/, '.000');
const RS7 = `${APP}-${REV7.hash}`;
const template = (grace: number) => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, terminationGracePeriodSeconds: grace });

/**
 * A queue consumer whose revision 7 (`cutAgo` minutes ago) set terminationGracePeriodSeconds
 * `from` → `to`; the HPA scaled it in at 70 and 25 minutes ago, and the pods left logged work
 * redone `redoneAfter` minutes after each scale-in (none when `redone` is false).
 */
function consumer(opts: { image?: string; from?: number; to?: number; cutAgo?: number; redone?: boolean; redoneAfter?: number; scaleIns?: boolean } = {}): TriageEvidence {
  const { from = 60, to = 5, cutAgo = 190, redone = true, redoneAfter = 0.3, scaleIns = true } = opts;
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(cutAgo - 2), startTime: minutesAgo(cutAgo - 2) }));
  const stops = scaleIns ? [70, 25] : [];
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { template: template(from) }),
      revision(REV7, minutesAgo(cutAgo), { replicas: 3, template: template(to), ...(opts.image ? { containers: [revisionContainer({ image: opts.image })] } : {}) }),
    ],
    events: [
      ...stops.map((t) => event({ object: { kind: 'Deployment', name: APP }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${RS7} from 5 to 3`, firstSeen: minutesAgo(t), lastSeen: minutesAgo(t), source: 'deployment-controller' })),
      ...stops.map((t) => event({ object: { kind: 'HorizontalPodAutoscaler', name: APP }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 3; reason: All metrics below target', firstSeen: minutesAgo(t), lastSeen: minutesAgo(t), source: 'horizontal-pod-autoscaler' })),
      ...stops.map((t) => event({ object: { kind: 'HorizontalPodAutoscaler', name: APP }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstSeen: minutesAgo(t + 20), lastSeen: minutesAgo(t + 20), source: 'horizontal-pod-autoscaler' })),
    ],
    logs: pods.map((p, k) => ({
      pod: p.name, container: 'app', previous: false,
      lines: [
        `${stamp(cutAgo - 3)} INFO  [main] Consumer - joined group, assigned partitions: events-${k}, events-${k + 3}`,
        ...(!redone ? [] : [70, 25].flatMap((t) => [
          `${stamp(t - redoneAfter)} INFO  [main] Consumer - Setting offset for partition events-${k} to the committed offset 1882${k}`,
          `${stamp(t - redoneAfter - 0.05)} WARN  [main] Sink - ERROR: duplicate key value violates unique constraint "events_pkey"`,
          `${stamp(t - redoneAfter - 0.1)} WARN  [main] Sink - re-processed batch from events-${k}: 500 records, 200 duplicates`,
        ])),
        `${stamp(1)} INFO  [main] Sink - committed batch partition=events-${k} records=500`,
      ],
    })),
  });
}

describe('analyzeGraceCut', () => {
  it('names the revision that cut the grace period when work is redone right after the stops, though it rolled out hours before', () => {
    const [f] = analyzeGraceCut(consumer());
    expect(f?.title).toMatch(/^Revision 7 \(3h 10m ago\) cut terminationGracePeriodSeconds 60 → 5 s: at every stop since \(2 HPA scale-ins stopping 4 pods, 1h 10m ago and 25m ago\)/);
    expect(f?.title).toMatch(/SIGKILLed before they finish their batch, commit their offsets/);
    expect(f?.title).toMatch(/re-process from the last committed offsets — 12 duplicate\/re-processed lines in 3 pods/);
    expect(f?.fix).toMatch(/restore terminationGracePeriodSeconds to 60 s/);
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('leads the verdict over the HPA flapping that only occasions the stops', () => {
    const report = buildTriageReport(consumer(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Revision 7 \(3h 10m ago\) cut terminationGracePeriodSeconds 60 → 5 s/);
    expect(report.headline).not.toMatch(/no change found/);
    expect(report.headline).toMatch(/Restore terminationGracePeriodSeconds to 60 s/);
  });

  it('lets the verdict name a revision inside the trigger window as its since', () => {
    const [f] = analyzeGraceCut(consumer({ cutAgo: 100 }));
    expect(f?.title).toMatch(/^Pods stopped with the 5 s grace period \(terminationGracePeriodSeconds, 60 s before revision 7\) are SIGKILLed/);
    expect(f?.datesChange).toBeUndefined();
  });

  it('has the verdict name the grace line of a revision inside the trigger window, over its image bump', () => {
    const report = buildTriageReport(consumer({ cutAgo: 100, image: IMAGE_V15 }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(1h 40m ago: terminationGracePeriodSeconds: 60 → 5\): Pods stopped with the 5 s grace period/);
  });

  it('tells a stopping container killed at its deadline', () => {
    const ev = consumer({ redone: false, scaleIns: false });
    const deadline = minutesAgo(0.1);
    const stopping = pod(3, { revisionHash: REV7.hash, deletionTimestamp: deadline, containers: [container({ state: terminated(137, 'Error', 0.1) })] });
    const c = findGraceCut({ ...ev, pods: [...ev.pods, stopping] });
    expect(c?.killed.map((k) => k.pod)).toEqual([stopping.name]);
  });

  it('tells a stopping pod whose log began the shutdown and never ended it, not one that ended it', () => {
    const ev = consumer({ redone: false, scaleIns: false });
    const stopping = pod(3, { revisionHash: REV7.hash, deletionTimestamp: minutesAgo(-0.05) });
    const log = (lines: string[]) => [...ev.logs, { pod: stopping.name, container: 'app', previous: false, lines }];
    const cut = findGraceCut({ ...ev, pods: [...ev.pods, stopping], logs: log([`${stamp(0.1)} INFO  [main] App - Received SIGTERM, shutting down`, `${stamp(0.09)} INFO  [main] Sink - flushing batch of 500 records`]) });
    expect(cut?.interrupted.map((i) => i.pod)).toEqual([stopping.name]);
    expect(findGraceCut({ ...ev, pods: [...ev.pods, stopping], logs: log([`${stamp(0.1)} INFO  [main] App - Received SIGTERM, shutting down`, `${stamp(0.09)} INFO  [main] Consumer - committed offsets, left group`]) })).toBeUndefined();
  });

  it('has the batch-time reading of the same pods name the cut too, not a stop "whatever the revision"', () => {
    const ev = consumer();
    // The logs also state each batch's time: 12 s, longer than the 5 s left after the cut.
    const logs = ev.logs.map((l, k) => ({ ...l, lines: [...l.lines, ...[4, 3, 2].map((m) => `${stamp(m)} INFO  [main] Sink - batch committed partition=events-${k} records=500 took=12.${m}s`)] }));
    const stopping = pod(3, { revisionHash: REV7.hash, deletionTimestamp: minutesAgo(0.3) });
    const [f] = analyzeBatchOutlastsGrace({ ...ev, pods: [...ev.pods, stopping], logs });
    expect(f?.title).toMatch(/SIGKILLed at the 5 s grace period/);
    expect(f?.likelyCause).toMatch(/Revision 7 cut it from 60 s to 5 s/);
    expect(f?.likelyCause).not.toMatch(/whatever the revision/);
    expect(f?.nextAction).not.toMatch(/rollback does not help/i);
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('stays quiet when the grace period was not lowered, or was lowered long ago', () => {
    expect(analyzeGraceCut(consumer({ from: 30, to: 30 }))).toEqual([]);
    expect(analyzeGraceCut(consumer({ from: 5, to: 60 }))).toEqual([]);
    expect(analyzeGraceCut(consumer({ cutAgo: 10 * 24 * 60 }))).toEqual([]);
  });

  it('stays quiet when nothing is redone after the stops, or no pod stopped', () => {
    expect(analyzeGraceCut(consumer({ redone: false }))).toEqual([]);
    expect(analyzeGraceCut(consumer({ redoneAfter: 15 }))).toEqual([]);
    expect(analyzeGraceCut(consumer({ scaleIns: false }))).toEqual([]);
  });
});

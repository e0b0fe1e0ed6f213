import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const SET = 'nats';
const OLD = { revision: 8, hash: 'nats-5d8f7c9b6' };
const NEW = { revision: 9, hash: 'nats-7b4c9d5f8' };
const image = (v: string) => `docker.io/library/nats:${v}-alpine`;

/** Three Ready members; ordinals at or above `partition` run revision 9 (2.10.24), the rest revision 8 (2.10.22). */
function staged(partition: number | undefined, onNew: (ordinal: number) => boolean): TriageEvidence {
  const pods = [0, 1, 2].map((i) => {
    const rev = onNew(i) ? NEW : OLD;
    return pod(i, { name: `${SET}-${i}`, ordinal: i, revisionHash: rev.hash, labels: { app: SET, 'controller-revision-hash': rev.hash }, containers: [container({ name: 'nats', image: image(rev === NEW ? '2.10.24' : '2.10.22') })] });
  });
  return {
    ...baseEvidence({ pods, services: [], endpointSlices: [], hpas: [] }),
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, selector: { app: SET }, podManagementPolicy: 'Parallel', currentRevision: 9, ...(partition !== undefined ? { partition } : {}), conditions: [] }),
    revisions: [
      revision(OLD, minutesAgo(41 * 24 * 60), { name: `${SET}-${OLD.hash}`, containers: [revisionContainer({ name: 'nats', image: image('2.10.22') })] }),
      revision(NEW, minutesAgo(210), { name: `${SET}-${NEW.hash}`, containers: [revisionContainer({ name: 'nats', image: image('2.10.24') })] }),
    ],
  };
}

describe('the all-clear of a StatefulSet whose update a partition holds', () => {
  it('says the update is staged: which ordinals run the update revision and which the previous one', () => {
    const report = buildTriageReport(staged(2, (i) => i >= 2), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    expect(report.headline).toContain('update held at partition 2 by design: nats-2 runs revision 9 (2.10.24-alpine), nats-0 and nats-1 revision 8 (2.10.22-alpine)');
    expect(report.headline).not.toMatch(/stuck|roll ?back/i);
  });

  it('says nothing of a partition once every pod runs the update revision', () => {
    const report = buildTriageReport(staged(2, () => true), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/partition/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { IMAGE_V14, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, running, terminated, workload } from '../scenarios/builders.js';

const HOUR = 60;

/** OOM-killed (`ready` false: at its limit again now) every `runMin` minutes: `restarts` kills since the pod started `bornAgo` minutes ago, the last `lastAgo` minutes ago. */
function oomPod(i: number, hash: string, bornAgo: number, restarts: number, runMin: number, lastAgo: number, ready = true) {
  return pod(i, {
    ready,
    revisionHash: hash,
    createdAt: minutesAgo(bornAgo),
    startTime: minutesAgo(bornAgo),
    containers: [container({ state: running(lastAgo - 0.1), lastState: terminated(137, 'OOMKilled', lastAgo, { runSeconds: runMin * 60 }), restartCount: restarts, ready })],
  });
}

/** Revision 7 rolled out `rolledOut` minutes ago (revision 6 nine days before) with the pods given. */
function onRevision7(rolledOut: number, pods: TriageEvidence['pods']): TriageEvidence {
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: pods.length, replicas: pods.length, readyReplicas: pods.length, availableReplicas: pods.length, updatedReplicas: pods.length, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * HOUR), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: pods.length, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

function oom(pods: readonly string[]): Finding {
  return { id: 'oom-killed/app', kind: 'oom-killed', title: 'Container app OOMKilled at its 512Mi memory limit', layer: 'container/process', severity: 'critical', confidence: 'high', evidence: [], likelyCause: '', nextAction: '', confirmCommands: [], affected: { pods: [...pods] } };
}

function since(ev: TriageEvidence): string {
  return findTrigger(ev, oom(ev.pods.map((p) => p.name)), compareFailingHealthy(ev)).text;
}

describe('findTrigger: a failure that recurs for hours since a revision older than the window', () => {
  it('names the revision when every pod of it has been killed again and again since the rollout made it', () => {
    const pods = [oomPod(0, REV7.hash, 5 * HOUR + 39, 6, 38, 11), oomPod(1, REV7.hash, 5 * HOUR + 37, 7, 31, 3), oomPod(2, REV7.hash, 5 * HOUR + 35, 5, 44, 24)];
    expect(since(onRevision7(5 * HOUR + 40, pods))).toMatch(/^revision 7 \(5h 40m ago/);
  });

  it('keeps "no change found" when the pods ran cleanly for hours after the rollout before the kills began', () => {
    const pods = [0, 1, 2].map((i) => oomPod(i, REV7.hash, 8 * HOUR - i, 3, 20, 5 + i));
    expect(since(onRevision7(8 * HOUR, pods))).toMatch(/^no change found/);
  });

  it('keeps "no change found" when a pod of the revision before is still there', () => {
    const pods = [oomPod(0, REV7.hash, 5 * HOUR + 39, 6, 38, 11), oomPod(1, REV7.hash, 5 * HOUR + 37, 7, 31, 3), pod(2, { revisionHash: REV6.hash, createdAt: minutesAgo(9 * 24 * HOUR) })];
    expect(since(onRevision7(5 * HOUR + 40, pods))).toMatch(/^no change found/);
  });

  it('names the revision when the kills come hours apart, each run longer than the window', () => {
    const pods = [oomPod(0, REV7.hash, 14 * HOUR + 4, 3, 4 * HOUR + 20, 111), oomPod(1, REV7.hash, 14 * HOUR + 2, 2, 4 * HOUR + 40, 253, false)];
    const ev = onRevision7(14 * HOUR + 5, pods);
    const unready = event({ object: { kind: 'Pod', name: pods[1]?.name ?? '', namespace: NS }, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: context deadline exceeded', count: 50, firstSeen: minutesAgo(11), lastSeen: minutesAgo(0.2) });
    expect(since({ ...ev, events: [unready] })).toMatch(/^revision 7 \(14h 5m ago/);
  });

  it('keeps "no change found" for a revision days old', () => {
    const pods = [0, 1].map((i) => oomPod(i, REV7.hash, 3 * 24 * HOUR - i, 23, 3 * HOUR, 5 + i));
    expect(since(onRevision7(3 * 24 * HOUR, pods))).toMatch(/^no change found/);
  });
});

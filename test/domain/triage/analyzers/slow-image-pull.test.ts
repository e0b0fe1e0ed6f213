import { describe, expect, it } from 'vitest';
import type { EventEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeSlowImagePulls, parseGoDuration } from '../../../../src/domain/triage/analyzers/slow-image-pull.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { acquitRollout } from '../../../../src/domain/triage/verdict/trigger.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { APP, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, podName, revision, revisionContainer, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const PULLED = `Successfully pulled image "${IMAGE_V15}" in 9m41.204s (9m41.204s including waiting). Image size: 15247892480 bytes.`;
const done = podName(REV7.hash, 0);
const pulling = podName(REV7.hash, 1);

const onPod = (name: string, reason: string, message: string, ago: number): EventEvidence =>
  event({ object: { kind: 'Pod', name, namespace: NS, fieldPath: 'spec.containers{app}' }, type: 'Normal', reason, message, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago) });

/** Revision 7's image is huge: its first pod pulled it in 9m41s, the second has been pulling for 11 minutes; no error anywhere. */
function hugeImageScenario(): TriageEvidence {
  const base = baseEvidence({
    pods: [
      pod(0, { revisionHash: REV7.hash, createdAt: minutesAgo(24), startTime: minutesAgo(24), containers: [container({ image: IMAGE_V15 })] }),
      pod(1, { revisionHash: REV7.hash, phase: 'Pending', ready: false, createdAt: minutesAgo(12), startTime: minutesAgo(12), containers: [container({ image: IMAGE_V15, ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] }),
      pod(2), pod(3),
    ],
    events: [
      onPod(done, 'Pulling', `Pulling image "${IMAGE_V15}"`, 23.9),
      onPod(done, 'Pulled', PULLED, 14.3),
      onPod(pulling, 'Pulling', `Pulling image "${IMAGE_V15}"`, 11.6),
    ],
  });
  return {
    ...base,
    workload: workload({
      specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 2, currentRevision: 7,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${APP}-${REV7.hash}" has timed out progressing.`, lastTransitionTime: minutesAgo(2) }],
    }),
    revisions: [...base.revisions.filter((r) => r.revision === REV6.revision), revision(REV7, minutesAgo(24), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })],
  };
}

describe('analyzeSlowImagePulls', () => {
  it('reads a pull still running after minutes, with the size and time of a finished pull of the same image', () => {
    const [f, ...rest] = analyzeSlowImagePulls(hugeImageScenario());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('image-pull');
    expect(f?.title).toBe('Image payments/payment-service:2.15.0 is slow to pull (15.2 GB): 1 pod still pulling after 11m, no pull error; a finished pull of it took 9m41s');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toBe(PULLED);
    expect(f?.likelyCause).toMatch(/outlasted the progress deadline \(ProgressDeadlineExceeded\)/);
    expect(f?.nextAction).toMatch(/^Let the pull finish/);
    expect(f?.passesBy).toBeDefined();
    expect(f?.affected?.pods).toEqual([pulling]);
  });

  it('says less when no pull of the image has finished yet', () => {
    const ev = hugeImageScenario();
    ev.events = ev.events.filter((e) => e.reason !== 'Pulled');
    const [f] = analyzeSlowImagePulls(ev);
    expect(f?.title).toBe('Image payments/payment-service:2.15.0 is slow to pull: 1 pod still pulling after 11m, no pull error');
    expect(f?.confidence).toBe('medium');
    // Nothing says this pull will ever finish: no promise that it passes, no advice to wait.
    expect(f?.passesBy).toBeUndefined();
    expect(f?.nextAction).not.toMatch(/Let the pull finish/);
  });

  it('stays silent on a pull that ended (pulled or failed) or began minutes ago, and on a healthy workload', () => {
    const finished = hugeImageScenario();
    finished.events.push(onPod(pulling, 'Pulled', PULLED, 1));
    expect(analyzeSlowImagePulls(finished)).toEqual([]);
    const failed = hugeImageScenario();
    failed.events.push({ ...onPod(pulling, 'Failed', `Failed to pull image "${IMAGE_V15}": rpc error: code = Canceled desc = context canceled`, 1), type: 'Warning' });
    expect(analyzeSlowImagePulls(failed)).toEqual([]);
    const young = hugeImageScenario();
    young.events = young.events.map((e) => (e.object.name === pulling ? { ...e, firstSeen: minutesAgo(3), lastSeen: minutesAgo(3) } : e));
    expect(analyzeSlowImagePulls(young)).toEqual([]);
    expect(analyzeSlowImagePulls(healthyScenario())).toEqual([]);
  });

  it('parses the kubelet\'s Go durations', () => {
    expect(parseGoDuration('9m41.204s')).toBeCloseTo(581_204);
    expect(parseGoDuration('1h2m')).toBe(3_720_000);
    expect(parseGoDuration('850ms')).toBe(850);
    expect(parseGoDuration('soon')).toBeUndefined();
  });

  it('makes the verdict wait for the pull rather than roll the revision back, and the rollout finding says so', () => {
    const ev = hugeImageScenario();
    const slow = analyzeSlowImagePulls(ev);
    const rollout: Finding = { id: 'recent-rollout/7', kind: 'recent-rollout', title: 'Revision 7 rolled out 24m ago', layer: 'rollout/change', severity: 'warning', confidence: 'high', evidence: [], likelyCause: '', nextAction: 'Mitigate: roll back to revision 6.', confirmCommands: [] };
    const d = diagnose(ev, [...slow, rollout]);
    expect(d?.trigger.kind).toBe('revision');
    expect(d?.actionCommand).toBeUndefined();
    expect(d?.action).toBe('Let the pull finish and raise progressDeadlineSeconds above the pull time; then shrink the image');
    expect(d?.headline).not.toMatch(/roll back/i);
    const [, cleared] = acquitRollout([...slow, rollout], d?.trigger ?? { kind: 'none', text: '' }, d?.mechanism);
    expect(cleared?.nextAction).toMatch(/^No rollback needed: it lasts until the pull completes/);
  });
});

import { describe, expect, it } from 'vitest';
import type { EventEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeSlowImagePulls, parseGoDuration } from '../../../../src/domain/triage/analyzers/slow-image-pull.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { acquitRollout } from '../../../../src/domain/triage/verdict/trigger.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { APP, IMAGE_V15, NODE_B, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, podName, revision, revisionContainer, workload } from '../scenarios/builders.js';
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

describe('analyzeSlowImagePulls: a small pull queued behind a huge one on the same node', () => {
  const TRITON = 'nvcr.io/nvidia/tritonserver:24.08-py3';
  const FAST = `Successfully pulled image "${IMAGE_V15}" in 1.688s (1.688s including waiting). Image size: 41822316 bytes.`;
  const ranker = 'ranker-triton-6f7d8c9b5-x2k4q';

  /** Revision 7's 42 MB image pulled in under 2 s on another node; on NODE_B it has waited 16 minutes behind a triton pull asked for first. */
  function queuedScenario(aheadAgo = 17.1): TriageEvidence {
    const ev = hugeImageScenario();
    ev.events = [onPod(done, 'Pulled', FAST, 23), onPod(pulling, 'Pulling', `Pulling image "${IMAGE_V15}"`, 16.8)];
    const big = pod(9, {
      name: ranker, nodeName: NODE_B, phase: 'Pending', ready: false, createdAt: minutesAgo(17.3), labels: { app: 'ranker-triton', 'pod-template-hash': '6f7d8c9b5' },
      containers: [container({ name: 'triton', image: TRITON, ready: false, state: { waiting: { reason: 'ContainerCreating' } } })],
    });
    const pullingTriton = event({ object: { kind: 'Pod', name: ranker, namespace: NS, fieldPath: 'spec.containers{triton}' }, type: 'Normal', reason: 'Pulling', message: `Pulling image "${TRITON}"`, firstSeen: minutesAgo(aheadAgo), lastSeen: minutesAgo(aheadAgo) });
    return { ...ev, pullQueue: [{ node: NODE_B, waiting: [{ namespace: NS, owner: 'ReplicaSet ranker-triton-6f7d8c9b5', pod: big, events: [pullingTriton] }] }] };
  }

  it('names the pull ahead of it on the node and the kubelet pulling one image at a time, not a slow image', () => {
    const [f, ...rest] = analyzeSlowImagePulls(queuedScenario());
    expect(rest).toEqual([]);
    expect(f?.title).toBe(`Image payments/payment-service:2.15.0 waits behind another image's pull on its node (the kubelet pulls one image at a time): Deployment ${NS}/ranker-triton has been pulling ${TRITON} for 17m; 1 pod waiting 16m`);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toMatch(/serializeImagePulls/);
    expect(f?.likelyCause).toMatch(/1\.688s/);
    expect(f?.nextAction).toMatch(/serializeImagePulls: false/);
    expect(f?.nextAction).toMatch(/maxParallelImagePulls/);
    expect(f?.nextAction).toMatch(/delete the stuck pod/);
    expect(f?.outsideWorkload).toMatch(/one image at a time/);
    expect(f?.evidence.join('\n')).toMatch(new RegExp(`${ranker}.*Pulling image "${TRITON.replace(/\./g, '\\.')}"`));
    expect(f?.affected?.nodes).toEqual([NODE_B]);
  });

  it('blames no queue when the other pull began after this one, or finished', () => {
    const [later] = analyzeSlowImagePulls(queuedScenario(10));
    expect(later?.title).toMatch(/is slow to pull/);
    const finished = queuedScenario();
    const entry = finished.pullQueue?.[0]?.waiting[0];
    entry?.events.push({ ...(entry.events[0] as EventEvidence), reason: 'Pulled', message: `Successfully pulled image "${TRITON}" in 16m2s`, firstSeen: minutesAgo(1), lastSeen: minutesAgo(1) });
    expect(analyzeSlowImagePulls(finished)[0]?.title).toMatch(/is slow to pull/);
  });
});

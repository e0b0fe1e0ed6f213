import { describe, expect, it } from 'vitest';
import { findTagMoved } from '../../../src/domain/triage/job-tag-moved.js';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, event, pod, terminated } from './scenarios/builders.js';

const IMAGE = 'registry.example.com/team/worker:latest';

function runPod(name: string, job: string, phase: PodEvidence['phase'], imageID?: string): PodEvidence {
  return pod(0, { name, jobName: job, phase, containers: [container({ name: 'work', image: IMAGE, state: terminated(phase === 'Succeeded' ? 0 : 128, phase === 'Succeeded' ? 'Completed' : 'StartError', 5), ...(imageID ? { imageID } : {}) })] });
}

function pulled(podName: string, bytes: number) {
  return event({ object: { kind: 'Pod', name: podName, namespace: 'ns' }, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${IMAGE}" in 1.2s (1.2s including waiting). Image size: ${bytes} bytes.` });
}

describe('findTagMoved', () => {
  it('tells the pulled size apart when the pods carry no digest', () => {
    const failing = [runPod('worker-2-a', 'worker-2', 'Failed')];
    const good = runPod('worker-1-a', 'worker-1', 'Succeeded');
    const ev = baseEvidence({ pods: [...failing, good], events: [pulled('worker-2-a', 31_000_000), pulled('worker-1-a', 52_000_000)] });
    expect(findTagMoved(ev, failing, 'work', IMAGE)).toEqual({ image: IMAGE, now: 'pulled size 31000000 bytes', before: '52000000 bytes', goodPod: 'worker-1-a' });
    // Same size pulled: nothing moved.
    expect(findTagMoved({ ...ev, events: [pulled('worker-2-a', 31_000_000), pulled('worker-1-a', 31_000_000)] }, failing, 'work', IMAGE)).toBeUndefined();
  });

  it('claims nothing without a good run kept, or for an image pinned by digest', () => {
    const failing = [runPod('worker-2-a', 'worker-2', 'Failed', 'registry.example.com/team/worker@sha256:aaaaaaaaaaaaaaaa')];
    expect(findTagMoved(baseEvidence({ pods: failing }), failing, 'work', IMAGE)).toBeUndefined();
    expect(findTagMoved(baseEvidence({ pods: failing }), failing, 'work', 'registry.example.com/team/worker@sha256:aaaaaaaaaaaaaaaa')).toBeUndefined();
  });
});

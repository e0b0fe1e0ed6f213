import { describe, expect, it } from 'vitest';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';
import { isLeftoverPullSecretWarning } from '../../../src/domain/triage/leftover-pull-secret.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, baseEvidence, container, event, minutesAgo, pod, podName } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const MESSAGE = 'Unable to retrieve some image pull secrets (oldcreds); attempting to pull the image may not succeed.';

/** The kubelet's warning on every sync of each pod whose spec names a Secret that is gone. */
function missingSecretWarnings(pods: number[]): EventEvidence[] {
  return pods.map((i) => event({ object: { kind: 'Pod', name: podName(REV6.hash, i), namespace: NS }, reason: 'FailedToRetrieveImagePullSecret', message: MESSAGE, count: 300, firstSeen: minutesAgo(3 * 24 * 60), lastSeen: minutesAgo(1), source: 'kubelet' }));
}

describe('a missing pull Secret on pods that run their image', () => {
  it('keeps a healthy workload healthy: the warnings are noted beside the count, never the verdict', () => {
    const r = buildTriageReport(baseEvidence({ events: missingSecretWarnings([0, 1, 2, 3, 4]) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/looks healthy: 5\/5 ready, no restarts, no warning events besides 5 kubelet warnings about an image pull secret/);
    expect(r.headline).not.toMatch(/FailedToRetrieveImagePullSecret|roll(ing)? ?back|oldcreds/i);
    expect(r.findings.map((f) => f.id)).not.toContain('unexplained/FailedToRetrieveImagePullSecret');
  });

  it('stays part of a pull failure when a pod of the workload cannot pull', () => {
    const pulling = pod(4, { ready: false, containers: [container({ ready: false, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } } })] });
    const pods = [0, 1, 2, 3].map((i) => pod(i)).concat(pulling);
    const ev = baseEvidence({ pods, events: missingSecretWarnings([0, 4]) });
    expect(ev.events.some((e) => isLeftoverPullSecretWarning(ev, e))).toBe(false);
    expect(buildTriageReport(ev, times).verdict).not.toBe('healthy');
  });

  it('does not excuse a pod still waiting for its first start', () => {
    const creating = pod(0, { ready: false, containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
    const ev = baseEvidence({ pods: [creating], events: missingSecretWarnings([0]) });
    expect(isLeftoverPullSecretWarning(ev, ev.events[0] as EventEvidence)).toBe(false);
  });
});

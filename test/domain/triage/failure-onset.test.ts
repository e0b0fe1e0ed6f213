import { describe, expect, it } from 'vitest';
import { findFirstFailure, findOnset } from '../../../src/domain/triage/failure-onset.js';
import { NS, baseEvidence, container, crashLooping, event, minutesAgo, pod, running, terminated } from './scenarios/builders.js';

const DAY = 24 * 60;

describe('findFirstFailure', () => {
  it('is the first warning of the current episode when it precedes the last bad exit', () => {
    const p = pod(0, { ready: false, containers: [crashLooping('p', terminated(1, 'Error', 2), 9)] });
    const ev = baseEvidence({
      pods: [p],
      events: [event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: 'Back-off restarting failed container app', count: 38, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) })],
    });
    expect(findFirstFailure(ev, p)).toBe(minutesAgo(34));
  });

  it('is the last bad exit when no warning was recorded', () => {
    const p = pod(0, { ready: false, containers: [crashLooping('p', terminated(1, 'Error', 3), 2)] });
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBe(minutesAgo(3));
  });

  it('ignores warnings of an earlier episode when current ones exist', () => {
    const p = pod(0, { ready: false, containers: [container({ ready: false })] });
    const unhealthy = (firstSeen: number, lastSeen: number) =>
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', firstSeen: minutesAgo(firstSeen), lastSeen: minutesAgo(lastSeen) });
    const ev = baseEvidence({ pods: [p], events: [unhealthy(6 * 60, 5 * 60), unhealthy(12, 0.5)] });
    expect(findFirstFailure(ev, p)).toBe(minutesAgo(12));
  });

  it('falls back to warnings of the last day when none is current', () => {
    const p = pod(0, { ready: false, containers: [container({ ready: false })] });
    const ev = baseEvidence({
      pods: [p],
      events: [event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', firstSeen: minutesAgo(5 * 60), lastSeen: minutesAgo(3 * 60) })],
    });
    expect(findFirstFailure(ev, p)).toBe(minutesAgo(5 * 60));
  });

  it('ignores Normal events and events of other pods', () => {
    const p = pod(0, { phase: 'Pending', ready: false, createdAt: minutesAgo(15), startTime: minutesAgo(15), containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
    const ev = baseEvidence({
      pods: [p, pod(1)],
      events: [
        event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstSeen: minutesAgo(40) }),
        event({ object: { kind: 'Pod', name: pod(1).name, namespace: NS }, reason: 'BackOff', message: 'Back-off restarting failed container app', firstSeen: minutesAgo(50) }),
      ],
    });
    // Neither counts; the pod has been failing since it was created.
    expect(findFirstFailure(ev, p)).toBe(minutesAgo(15));
  });

  it('does not count a completed init container, but counts a clean exit of the app that restarted it', () => {
    const init = container({ name: 'migrate', state: terminated(0, 'Completed', 30), ready: false });
    const p = pod(0, { ready: false, initContainers: [init], containers: [crashLooping('p', terminated(0, 'Completed', 4), 3)] });
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBe(minutesAgo(4));
  });

  it('is when a long-running pod turned not ready, with no warning or exit of its own (its node stopped reporting it ready)', () => {
    const p = pod(0, { ready: false, createdAt: minutesAgo(5 * DAY), startTime: minutesAgo(5 * DAY), containers: [container({ ready: false })] });
    p.conditions = p.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: minutesAgo(7) } : c));
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBe(minutesAgo(7));
  });

  it('is the pod\'s creation when it was never ready (its Ready condition turned False as it was made)', () => {
    const p = pod(0, { ready: false, createdAt: minutesAgo(15), startTime: minutesAgo(15), containers: [container({ ready: false })] });
    p.conditions = p.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: minutesAgo(15) } : c));
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBe(minutesAgo(15));
  });

  it('has no onset for a healthy pod', () => {
    const p = pod(0);
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBeUndefined();
  });

  it('has no onset for a healthy pod that restarted days ago', () => {
    const p = pod(0, { containers: [container({ state: running(3 * DAY), restartCount: 1, lastState: terminated(137, 'OOMKilled', 3 * DAY) })] });
    expect(findFirstFailure(baseEvidence({ pods: [p] }), p)).toBeUndefined();
  });

  it('does not let a restart from days ago move the onset of a failure that began minutes ago', () => {
    // Readiness began failing 25 minutes ago; the container last restarted three days ago.
    const p = pod(0, { ready: false, containers: [container({ ready: false, state: running(3 * DAY), restartCount: 1, lastState: terminated(137, 'OOMKilled', 3 * DAY) })] });
    const ev = baseEvidence({
      pods: [p],
      events: [event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.104:8080/ready": context deadline exceeded', count: 150, firstSeen: minutesAgo(25), lastSeen: minutesAgo(0.2) })],
    });
    expect(findFirstFailure(ev, p)).toBe(minutesAgo(25));
  });
});

describe('findOnset', () => {
  it('is the earliest first failure of the pods, ignoring pods without one', () => {
    const a = pod(0, { ready: false, containers: [crashLooping('a', terminated(1, 'Error', 7), 2)] });
    const b = pod(1, { ready: false, containers: [crashLooping('b', terminated(1, 'Error', 12), 4)] });
    const healthy = pod(2);
    expect(findOnset(baseEvidence({ pods: [a, b, healthy] }), [a, b, healthy])).toBe(minutesAgo(12));
    expect(findOnset(baseEvidence({ pods: [healthy] }), [healthy])).toBeUndefined();
  });
});

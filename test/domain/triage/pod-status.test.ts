import { describe, expect, it } from 'vitest';
import type { ContainerStateEvidence, TerminatedStateEvidence } from '../../../src/domain/triage/evidence.js';
import { classifyTermination, hasRecovered, isPodFailing, severityForPods } from '../../../src/domain/triage/pod-status.js';
import { NOW, baseEvidence, container, minutesAgo, pod, running, terminated } from './scenarios/builders.js';

describe('isPodFailing', () => {
  it('is false for a running pod whose init container once failed and then completed', () => {
    const init = container({ name: 'migrate', state: terminated(0, 'Completed', 30), lastState: terminated(1, 'Error', 31), restartCount: 1, ready: false });
    expect(isPodFailing(pod(0, { initContainers: [init] }), NOW)).toBe(false);
  });

  it('is true for an init container stuck in CrashLoopBackOff', () => {
    const init = container({ name: 'migrate', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminated(1, 'Error', 1), restartCount: 4, ready: false });
    expect(isPodFailing(pod(0, { phase: 'Pending', ready: false, initContainers: [init] }), NOW)).toBe(true);
  });

  it('allows a fresh pod to be unready or creating, but not for long', () => {
    const creating = container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } });
    expect(isPodFailing(pod(0, { ready: false, phase: 'Pending', createdAt: minutesAgo(1), startTime: minutesAgo(1), containers: [creating] }), NOW)).toBe(false);
    expect(isPodFailing(pod(0, { ready: false, phase: 'Pending', createdAt: minutesAgo(9), startTime: minutesAgo(9), containers: [creating] }), NOW)).toBe(true);
  });

  it('gives a container its startup probe budget to start, and no more', () => {
    // 40 × 10 s = 400 s of startup probe: a slow starter is still within it after 4 minutes.
    const slow = (runningFor: number) => container({
      ready: false,
      state: running(runningFor),
      probes: { ...container().probes, startup: { type: 'http', path: '/started', port: 8080, periodSeconds: 10, failureThreshold: 40 } },
    });
    const fresh = (runningFor: number) => pod(0, { ready: false, createdAt: minutesAgo(runningFor + 0.3), startTime: minutesAgo(runningFor + 0.3), containers: [slow(runningFor)] });
    expect(isPodFailing(fresh(4), NOW)).toBe(false);
    expect(isPodFailing(fresh(9), NOW)).toBe(true);
    // Without a startup probe, the ordinary grace applies.
    const plain = container({ ready: false, state: running(4) });
    expect(isPodFailing(pod(0, { ready: false, createdAt: minutesAgo(4.3), startTime: minutesAgo(4.3), containers: [plain] }), NOW)).toBe(true);
  });

  it('counts a restart in the last hour of a running container, not one from yesterday', () => {
    expect(isPodFailing(pod(0, { containers: [container({ state: running(5), restartCount: 1, lastState: terminated(1, 'Error', 5) })] }), NOW)).toBe(true);
    expect(isPodFailing(pod(0, { containers: [container({ state: running(20 * 60), restartCount: 1, lastState: terminated(1, 'Error', 20 * 60) })] }), NOW)).toBe(false);
  });
});

describe('severityForPods', () => {
  it('is critical at half the replicas or when nothing is ready, a warning below', () => {
    const ev = baseEvidence();
    expect(severityForPods(ev, 2)).toBe('warning');
    expect(severityForPods(ev, 3)).toBe('critical');
    ev.pods = ev.pods.map((p) => ({ ...p, ready: false }));
    expect(severityForPods(ev, 1)).toBe('critical');
  });
});

/** The terminated state a builder made. */
function endOf(state: ContainerStateEvidence): TerminatedStateEvidence {
  if (!('terminated' in state)) throw new Error('not a terminated state');
  return state.terminated;
}

describe('hasRecovered', () => {
  // A Kafka restart: the run that crashed lasted 30 s, 26 minutes ago; the container is back and ready since.
  const blip = terminated(1, 'Error', 26, { runSeconds: 30 });
  const term = endOf(blip);

  it('counts a container up and ready far longer than the run that crashed as recovered, and its crash as earlier', () => {
    const c = container({ ready: true, restartCount: 2, state: running(25.5), lastState: blip });
    expect(hasRecovered(c, term, NOW)).toBe(true);
    expect(classifyTermination(c, term, NOW)).toBe('earlier');
    expect(isPodFailing(pod(0, { containers: [c] }), NOW)).toBe(false);
  });

  it('does not call a leak that kills every 30 minutes recovered, 16 minutes into its next run', () => {
    const leak = terminated(137, 'OOMKilled', 16, { runSeconds: 30 * 60 });
    const c = container({ ready: true, restartCount: 9, state: running(16), lastState: leak });
    expect(hasRecovered(c, endOf(leak), NOW)).toBe(false);
    expect(classifyTermination(c, endOf(leak), NOW)).toBe('recent');
  });

  it('calls one kill after a long healthy run, up and ready since, a blip — but not a single OOM kill', () => {
    const probeKill = terminated(137, 'Error', 17, { runSeconds: 4 * 24 * 3600 });
    expect(hasRecovered(container({ ready: true, restartCount: 1, state: running(16.5), lastState: probeKill }), endOf(probeKill), NOW)).toBe(true);
    const oom = terminated(137, 'OOMKilled', 17, { runSeconds: 24 * 3600 });
    expect(hasRecovered(container({ ready: true, restartCount: 1, state: running(16.5), lastState: oom }), endOf(oom), NOW)).toBe(false);
    expect(hasRecovered(container({ ready: true, restartCount: 3, state: running(16.5), lastState: probeKill }), endOf(probeKill), NOW)).toBe(false);
  });

  it('does not call a container recovered before it has been up a while, nor when it is not ready', () => {
    expect(hasRecovered(container({ ready: true, state: running(5), lastState: blip }), term, NOW)).toBe(false);
    expect(hasRecovered(container({ ready: false, state: running(25.5), lastState: blip }), term, NOW)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { countPods, formatCensus, podState } from '../../../src/domain/triage/pod-state.js';
import { container, crashLooping, minutesAgo, pod, running, terminated } from './scenarios/builders.js';

const unscheduled = (reason?: string) =>
  pod(0, {
    phase: 'Pending',
    ready: false,
    nodeName: undefined,
    containers: [container({ state: undefined, ready: false })],
    conditions: [{ type: 'PodScheduled', status: 'False', ...(reason ? { reason } : {}), message: '0/6 nodes are available: 6 Insufficient memory.' }],
  });

describe('podState', () => {
  it('reads like the STATUS column of kubectl get pods', () => {
    expect(podState(pod(0))).toBe('Running');
    expect(podState(pod(0, { ready: false, containers: [container({ ready: false })] }))).toBe('Running, not ready');
    expect(podState(pod(0, { ready: false, containers: [crashLooping('p', terminated(1, 'Error', 1), 5)] }))).toBe('CrashLoopBackOff');
    expect(podState(pod(0, { ready: false, containers: [container({ ready: false, state: { waiting: { reason: 'ImagePullBackOff' } } })] }))).toBe('ImagePullBackOff');
  });

  it('splits Pending by why the pod is pending', () => {
    expect(podState(unscheduled('Unschedulable'))).toBe('Pending (Unschedulable)');
    expect(podState(unscheduled())).toBe('Pending (not scheduled)');
    expect(podState(pod(0, { phase: 'Pending', ready: false, containers: [container({ state: undefined, ready: false })] }))).toBe('Pending');
  });

  it('puts Terminating and the pod reason before anything the containers say', () => {
    expect(podState(pod(0, { deletionTimestamp: minutesAgo(1), reason: 'Evicted' }))).toBe('Terminating');
    expect(podState(pod(0, { phase: 'Failed', reason: 'Evicted', ready: false, containers: [container({ state: terminated(137, 'ContainerStatusUnknown', 20) })] }))).toBe('Evicted');
  });

  it('names the terminated state of a container, with Completed and Error for a missing reason', () => {
    expect(podState(pod(0, { phase: 'Running', ready: false, containers: [container({ state: terminated(137, 'OOMKilled', 1) })] }))).toBe('OOMKilled');
    expect(podState(pod(0, { phase: 'Succeeded', ready: false, containers: [container({ state: terminated(0, undefined, 1) })] }))).toBe('Completed');
    expect(podState(pod(0, { phase: 'Failed', ready: false, containers: [container({ state: terminated(2, undefined, 1) })] }))).toBe('Error');
  });

  it('prefixes the trouble of an init container with Init:', () => {
    const init = (state: Parameters<typeof container>[0]) => pod(0, { phase: 'Pending', ready: false, initContainers: [container({ name: 'migrate', ready: false, ...state })], containers: [container({ state: { waiting: { reason: 'PodInitializing' } }, ready: false })] });
    expect(podState(init({ state: { waiting: { reason: 'CrashLoopBackOff' } } }))).toBe('Init:CrashLoopBackOff');
    expect(podState(init({ state: terminated(1, undefined, 1) }))).toBe('Init:Error');
    expect(podState(init({ state: terminated(1, 'OOMKilled', 1) }))).toBe('Init:OOMKilled');
    expect(podState(init({ state: running(1) }))).toBe('Init:Running');
    expect(podState(init({ state: { waiting: { reason: 'PodInitializing' } } }))).toBe('PodInitializing');
  });

  it('looks past completed init containers and native sidecars to the app container', () => {
    const done = container({ name: 'migrate', state: terminated(0, 'Completed', 60), ready: false });
    const sidecar = container({ name: 'istio-proxy', sidecar: true, state: running(60) });
    expect(podState(pod(0, { initContainers: [done, sidecar] }))).toBe('Running');
    expect(podState(pod(0, { ready: false, initContainers: [done, sidecar], containers: [crashLooping('p', terminated(1, 'Error', 1), 3)] }))).toBe('CrashLoopBackOff');
  });
});

describe('countPods', () => {
  it('counts pods by state and the ready ones, never a terminating pod as ready', () => {
    const pods = [pod(0), pod(1), pod(2, { deletionTimestamp: minutesAgo(1) }), unscheduled('Unschedulable'), unscheduled('Unschedulable'), pod(3, { ready: false, containers: [crashLooping('p', terminated(1, 'Error', 1), 5)] })];
    expect(countPods(pods, true)).toEqual({
      total: 6,
      complete: true,
      ready: 2,
      byState: { Running: 2, Terminating: 1, 'Pending (Unschedulable)': 2, CrashLoopBackOff: 1 },
    });
  });

  it('says whether the count is complete', () => {
    expect(countPods([], false)).toEqual({ total: 0, complete: false, ready: 0, byState: {} });
  });
});

describe('formatCensus', () => {
  it('lists states largest first, ties alphabetically', () => {
    expect(formatCensus({ total: 304, complete: true, ready: 40, byState: { Running: 40, 'Pending (Unschedulable)': 260, CrashLoopBackOff: 2, Terminating: 2 } })).toBe(
      '304 pods: 260 Pending (Unschedulable), 40 Running, 2 CrashLoopBackOff, 2 Terminating',
    );
  });

  it('says "at least" when the count stopped at a cap', () => {
    expect(formatCensus({ total: 5000, complete: false, ready: 0, byState: { 'Pending (Unschedulable)': 5000 } })).toBe('at least 5000 pods: 5000 Pending (Unschedulable)');
  });
});

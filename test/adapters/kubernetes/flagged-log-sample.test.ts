// A ready pod whose probes the kubelet reports failing (Unhealthy warnings) is the one replica
// that struggles: when the healthy sample missed it, its log is read too (one more log, at most),
// so a hot consumer or a stalled worker among idle ones is not called healthy from its idle peers.
import { describe, expect, it } from 'vitest';
import { pickFlaggedSamples } from '../../../src/adapters/kubernetes/read-pod-details.js';
import type { EventEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';

const pod = (name: string, ready = true): PodEvidence => ({
  name, phase: 'Running', labels: {}, ready, conditions: [], initContainers: [],
  containers: [{ name: 'app', image: 'i', ports: [], resources: { requests: {}, limits: {} }, probes: {}, restartCount: 0, ready, state: { running: {} } }],
});
const unhealthy = (name: string, type: 'Warning' | 'Normal' = 'Warning'): EventEvidence => ({
  object: { kind: 'Pod', name, fieldPath: 'spec.containers{app}' }, type, reason: 'Unhealthy', message: 'Readiness probe failed: context deadline exceeded', count: 7, firstSeen: '2026-11-21T02:00:00Z', lastSeen: '2026-11-21T03:05:00Z',
});

describe('pickFlaggedSamples', () => {
  const pods = [pod('a'), pod('b'), pod('c'), pod('d', false)];
  const picked = [{ pod: 'a', container: 'app', previous: false, why: 'sample' as const, restarts: 0 }];

  it('adds one ready pod that probe warnings name and the sample missed', () => {
    expect(pickFlaggedSamples(pods, picked, [unhealthy('c'), unhealthy('b')])).toEqual([{ pod: 'c', container: 'app', previous: false, why: 'sample', restarts: 0 }]);
  });

  it('adds none when the sample already holds it, when the pod is not ready, or for Normal events', () => {
    expect(pickFlaggedSamples(pods, picked, [unhealthy('a')])).toEqual([]);
    expect(pickFlaggedSamples(pods, picked, [unhealthy('d')])).toEqual([]);
    expect(pickFlaggedSamples(pods, picked, [unhealthy('c', 'Normal')])).toEqual([]);
  });
});

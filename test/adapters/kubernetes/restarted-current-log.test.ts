// A restarted container whose crashed run the kubelet no longer has: its current run, on the same
// node, is read in its place (at most two), so the limit it runs into again is not missed.
import { describe, expect, it } from 'vitest';
import { pickRestartedCurrentLogs } from '../../../src/adapters/kubernetes/read-restarted-current-log.js';
import type { LogEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';

const pod = (name: string, state: PodEvidence['containers'][number]['state']): PodEvidence => ({
  name, phase: 'Running', labels: {}, ready: true, conditions: [], initContainers: [],
  containers: [{ name: 'app', image: 'i', ports: [], resources: { requests: {}, limits: {} }, probes: {}, restartCount: 12, ready: true, state }],
});
const crashed = (name: string) => ({ pod: name, container: 'app', previous: true, why: 'crashed' as const, restarts: 12 });
const log = (name: string): LogEvidence => ({ pod: name, container: 'app', previous: true, lines: ['accept4: too many open files'] });

describe('pickRestartedCurrentLogs', () => {
  const pods = [pod('a', { running: {} }), pod('b', { running: {} }), pod('c', { waiting: { reason: 'CrashLoopBackOff' } }), pod('d', { running: {} }), pod('e', { running: {} })];

  it('reads the current run of a running container whose crashed run was not read', () => {
    expect(pickRestartedCurrentLogs(pods, [crashed('a'), crashed('b')], [log('a')])).toEqual([{ pod: 'b', container: 'app', previous: false, why: 'crashed', restarts: 12 }]);
  });

  it('reads none for a container that waits to start, and at most two', () => {
    expect(pickRestartedCurrentLogs(pods, [crashed('c')], [])).toEqual([]);
    expect(pickRestartedCurrentLogs(pods, [crashed('b'), crashed('d'), crashed('e')], []).map((t) => t.pod)).toEqual(['b', 'd']);
  });
});

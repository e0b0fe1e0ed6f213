import { describe, expect, it } from 'vitest';
import {
  clusterEntryKey,
  emptyScope,
  happenedSince,
  isAboutWorkload,
  isImportantEvent,
  learnFromEvent,
  mergeScope,
  toTimelineEntry,
} from '../../../src/domain/timeline/cluster-events.js';
import type { WatchScope } from '../../../src/domain/timeline/cluster-events.js';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';

function ev(kind: string, name: string, reason: string, message: string, extra: Partial<EventEvidence> = {}): EventEvidence {
  return {
    object: { kind, name, ...(kind === 'Node' ? {} : { namespace: 'payments' }) },
    type: 'Warning',
    reason,
    message,
    count: 1,
    firstSeen: '2026-11-21T02:00:00Z',
    lastSeen: '2026-11-21T02:00:00Z',
    ...extra,
  };
}

function deploymentScope(): WatchScope {
  const scope = emptyScope({ namespace: 'payments', kind: 'Deployment', name: 'payment' });
  scope.replicaSetNames.add('payment-7c9d');
  scope.podNames.add('payment-7c9d-q2w3e');
  scope.nodeNames.add('node-a');
  scope.hpaNames.add('payment');
  return scope;
}

describe('isAboutWorkload', () => {
  const scope = deploymentScope();

  it('keeps the workload, its ReplicaSets, pods, HPA and nodes', () => {
    expect(isAboutWorkload(ev('Deployment', 'payment', 'ScalingReplicaSet', 'Scaled up replica set payment-7c9d to 3'), scope)).toBe(true);
    expect(isAboutWorkload(ev('ReplicaSet', 'payment-7c9d', 'SuccessfulCreate', 'Created pod: payment-7c9d-q2w3e'), scope)).toBe(true);
    expect(isAboutWorkload(ev('Pod', 'payment-7c9d-q2w3e', 'BackOff', 'Back-off restarting failed container app'), scope)).toBe(true);
    expect(isAboutWorkload(ev('HorizontalPodAutoscaler', 'payment', 'SuccessfulRescale', 'New size: 5'), scope)).toBe(true);
    expect(isAboutWorkload(ev('Node', 'node-a', 'NodeNotReady', 'Node node-a status is now: NodeNotReady'), scope)).toBe(true);
  });

  it('keeps a pod of a known ReplicaSet that was not read yet', () => {
    expect(isAboutWorkload(ev('Pod', 'payment-7c9d-zzzzz', 'Scheduled', 'Successfully assigned payments/payment-7c9d-zzzzz to node-b'), scope)).toBe(true);
  });

  it('drops everything else from the namespace, and other nodes', () => {
    expect(isAboutWorkload(ev('Pod', 'payment-api-5f5f-abcde', 'BackOff', 'x'), scope)).toBe(false);
    expect(isAboutWorkload(ev('Deployment', 'payment-api', 'ScalingReplicaSet', 'x'), scope)).toBe(false);
    expect(isAboutWorkload(ev('StatefulSet', 'payment', 'SuccessfulCreate', 'x'), scope)).toBe(false);
    expect(isAboutWorkload(ev('ReplicaSet', 'payment-1111', 'SuccessfulCreate', 'x'), scope)).toBe(false);
    expect(isAboutWorkload(ev('PersistentVolumeClaim', 'payment', 'ProvisioningFailed', 'x'), scope)).toBe(false);
    expect(isAboutWorkload(ev('Node', 'node-b', 'NodeNotReady', 'x'), scope)).toBe(false);
    const elsewhere = ev('Pod', 'payment-7c9d-q2w3e', 'BackOff', 'x');
    elsewhere.object.namespace = 'staging';
    expect(isAboutWorkload(elsewhere, scope)).toBe(false);
  });

  it('knows a StatefulSet pod by its ordinal', () => {
    const sts = emptyScope({ namespace: 'payments', kind: 'StatefulSet', name: 'ledger' });
    expect(isAboutWorkload(ev('Pod', 'ledger-0', 'BackOff', 'x'), sts)).toBe(true);
    expect(isAboutWorkload(ev('Pod', 'ledger-12', 'BackOff', 'x'), sts)).toBe(true);
    expect(isAboutWorkload(ev('Pod', 'ledger-db-0', 'BackOff', 'x'), sts)).toBe(false);
    expect(isAboutWorkload(ev('StatefulSet', 'ledger', 'SuccessfulCreate', 'create Pod ledger-0 in StatefulSet ledger successful'), sts)).toBe(true);
  });
});

describe('learnFromEvent', () => {
  it('learns the new ReplicaSet of a rollout and the node a pod was put on', () => {
    const scope = deploymentScope();
    expect(learnFromEvent(ev('Deployment', 'payment', 'ScalingReplicaSet', 'Scaled up replica set payment-5f7b9 from 0 to 1'), scope)).toBe(true);
    expect(scope.replicaSetNames.has('payment-5f7b9')).toBe(true);
    expect(isAboutWorkload(ev('Pod', 'payment-5f7b9-abcde', 'Pulling', 'x'), scope)).toBe(true);
    expect(learnFromEvent(ev('Pod', 'payment-5f7b9-abcde', 'Scheduled', 'Successfully assigned payments/payment-5f7b9-abcde to node-c'), scope)).toBe(true);
    expect(scope.nodeNames.has('node-c')).toBe(true);
    expect(learnFromEvent(ev('Pod', 'payment-5f7b9-abcde', 'Scheduled', 'Successfully assigned payments/payment-5f7b9-abcde to node-c'), scope)).toBe(false);
  });

  it('does not take a ReplicaSet of another Deployment from a message', () => {
    const scope = deploymentScope();
    expect(learnFromEvent(ev('Deployment', 'payment', 'ScalingReplicaSet', 'Scaled up replica set billing-5f7b9 to 1'), scope)).toBe(false);
  });
});

describe('mergeScope', () => {
  it('adds names and says whether anything was new', () => {
    const scope = deploymentScope();
    const names = { podNames: new Set(['payment-7c9d-q2w3e']), replicaSetNames: new Set<string>(), nodeNames: new Set(['node-a']), hpaNames: new Set<string>() };
    expect(mergeScope(scope, names)).toBe(false);
    names.nodeNames.add('node-b');
    expect(mergeScope(scope, names)).toBe(true);
    expect(scope.nodeNames.has('node-b')).toBe(true);
  });
});

describe('toTimelineEntry', () => {
  it('writes object, reason and message on one line, with the span and count', () => {
    const e = ev('Pod', 'payment-7c9d-q2w3e', 'BackOff', 'Back-off restarting failed container app', {
      count: 42,
      firstSeen: '2026-11-21T02:00:00Z',
      lastSeen: '2026-11-21T02:17:00.123456Z',
    });
    expect(toTimelineEntry(e)).toEqual({
      key: clusterEntryKey(e),
      at: '2026-11-21T02:00:00Z',
      source: 'cluster',
      text: 'pod/payment-7c9d-q2w3e: BackOff — Back-off restarting failed container app',
      important: false,
      count: 42,
      until: '2026-11-21T02:17:00Z',
    });
  });

  it('gives repeats of one thing on one object the same key, whatever numbers and ids vary', () => {
    const a = ev('Pod', 'payment-7c9d-q2w3e', 'FailedScheduling', '0/6 nodes are available: 6 Insufficient memory.');
    const b = ev('Pod', 'payment-7c9d-q2w3e', 'FailedScheduling', '0/7 nodes are available: 7 Insufficient memory.');
    expect(clusterEntryKey(a)).toBe(clusterEntryKey(b));
    const otherPod = ev('Pod', 'payment-7c9d-zzzzz', 'FailedScheduling', '0/6 nodes are available: 6 Insufficient memory.');
    expect(clusterEntryKey(otherPod)).not.toBe(clusterEntryKey(a));
    const otherReason = ev('Pod', 'payment-7c9d-q2w3e', 'BackOff', '0/6 nodes are available: 6 Insufficient memory.');
    expect(clusterEntryKey(otherReason)).not.toBe(clusterEntryKey(a));
    const otherShape = ev('Pod', 'payment-7c9d-q2w3e', 'FailedScheduling', '0/6 nodes are available: 6 node(s) had untolerated taint.');
    expect(clusterEntryKey(otherShape)).not.toBe(clusterEntryKey(a));
  });

  it('keeps each rollout and scaling step apart', () => {
    const up = ev('Deployment', 'payment', 'ScalingReplicaSet', 'Scaled up replica set payment-7c9d to 3', { type: 'Normal' });
    const newRevision = ev('Deployment', 'payment', 'ScalingReplicaSet', 'Scaled up replica set payment-5f7b9 to 1', { type: 'Normal' });
    expect(clusterEntryKey(up)).not.toBe(clusterEntryKey(newRevision));
    const rescale3 = ev('HorizontalPodAutoscaler', 'payment', 'SuccessfulRescale', 'New size: 3; reason: cpu above target');
    const rescale5 = ev('HorizontalPodAutoscaler', 'payment', 'SuccessfulRescale', 'New size: 5; reason: cpu above target');
    expect(clusterEntryKey(rescale3)).not.toBe(clusterEntryKey(rescale5));
  });

  it('marks autoscaling, kills, evictions, node trouble and scheduling failures important, not a rollout’s routine steps', () => {
    const important = [
      ev('HorizontalPodAutoscaler', 'payment', 'SuccessfulRescale', 'New size: 5'),
      ev('Node', 'node-a', 'OOMKilling', 'Memory cgroup out of memory: Killed process 4242 (java)'),
      ev('Pod', 'payment-7c9d-q2w3e', 'Killing', 'Container app failed liveness probe, will be restarted'),
      ev('Pod', 'payment-7c9d-q2w3e', 'Evicted', 'The node was low on resource: memory.'),
      ev('Node', 'node-a', 'NodeNotReady', 'Node node-a status is now: NodeNotReady'),
      ev('Node', 'node-a', 'NodeHasDiskPressure', 'Node node-a status is now: NodeHasDiskPressure'),
      ev('Pod', 'payment-7c9d-q2w3e', 'FailedScheduling', '0/6 nodes are available'),
    ];
    for (const e of important) expect(isImportantEvent(e), e.reason).toBe(true);
    expect(isImportantEvent(ev('Pod', 'payment-7c9d-q2w3e', 'BackOff', 'Back-off restarting failed container'))).toBe(false);
    expect(isImportantEvent(ev('Pod', 'payment-7c9d-q2w3e', 'Pulled', 'Container image already present'))).toBe(false);
    expect(isImportantEvent(ev('ReplicaSet', 'payment-7c9d', 'ScalingReplicaSet', 'x'))).toBe(false);
    expect(isImportantEvent(ev('Deployment', 'payment', 'ScalingReplicaSet', 'Scaled up replica set payment-5f7b9 to 1'))).toBe(false);
    expect(isImportantEvent(ev('StatefulSet', 'ledger', 'SuccessfulDelete', 'delete Pod ledger-2 in StatefulSet ledger successful'))).toBe(false);
  });

  it('cuts long messages and falls back when the event has no time', () => {
    const e = ev('Pod', 'p', 'Failed', 'x'.repeat(1000), { firstSeen: '', lastSeen: '' });
    const entry = toTimelineEntry(e, '2026-11-21T03:00:00.500Z');
    expect(entry.text.length).toBeLessThan(340);
    expect(entry.text.endsWith('…')).toBe(true);
    expect(entry.at).toBe('2026-11-21T03:00:00Z');
    expect(entry.until).toBe('2026-11-21T03:00:00Z');
  });
});

describe('happenedSince', () => {
  it('keeps events still happening at or after the start', () => {
    const since = '2026-11-21T02:10:00Z';
    expect(happenedSince(ev('Pod', 'p', 'BackOff', 'x', { firstSeen: '2026-11-21T01:00:00Z', lastSeen: '2026-11-21T02:10:00Z' }), since)).toBe(true);
    expect(happenedSince(ev('Pod', 'p', 'BackOff', 'x', { firstSeen: '2026-11-21T01:00:00Z', lastSeen: '2026-11-21T02:09:59Z' }), since)).toBe(false);
    expect(happenedSince(ev('Pod', 'p', 'BackOff', 'x', { firstSeen: '', lastSeen: '' }), since)).toBe(true);
  });
});

// Pods that fit on no node while the cluster autoscaler cannot add one: its status names the
// cloud's refusal (no capacity for the instance type in the zone), and the advice is more
// instance types and zones, not "add nodes" nor a quota.
import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../src/domain/triage/analyzers/failed-scheduling.js';
import { listBackedOffGroups } from '../../../src/domain/triage/scale-up-failure.js';
import { NS, REV6, baseEvidence, event, minutesAgo, pod, podName, unscheduledPod } from './scenarios/builders.js';

const PENDING = '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
const ICE = 'InsufficientInstanceCapacity: We currently do not have sufficient r6i.2xlarge capacity in the Availability Zone you requested (eu-west-1b).';
const STATUS = [
  'time: 2026-11-21 03:14:05.118 +0000 UTC',
  'autoscalerStatus: Running',
  'clusterWide:',
  '  scaleUp:',
  '    status: NoActivity',
  'nodeGroups:',
  '- name: memory-opt-r6i',
  '  scaleUp:',
  '    status: Backoff',
  '    backoffInfo:',
  '      errorCode: placeholder-cannot-be-fulfilled',
  `      errorMessage: '${ICE}'`,
  '- name: general',
  '  scaleUp:',
  '    status: NoActivity',
].join('\n');

function pendingEvidence() {
  const pending = [5, 6].map((i) => unscheduledPod(i, PENDING, 20));
  const backoff = pending.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: "pod didn't trigger scale-up: 1 Insufficient memory, 1 in backoff after failed scale-up", count: 14, firstSeen: minutesAgo(18), lastSeen: minutesAgo(1), source: 'cluster-autoscaler' }));
  return baseEvidence({ pods: [pod(0), pod(1), pod(2), ...pending], events: backoff });
}

describe('a scale-up the cloud refuses', () => {
  it('names the node group and the cloud\'s error, and advises more instance types and zones', () => {
    const ev = { ...pendingEvidence(), autoscalerStatus: { namespace: 'kube-system', name: 'cluster-autoscaler-status', status: STATUS, updatedAt: minutesAgo(0.2) } };
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toBe('2 pods Pending, 0/3 nodes available: 3 Insufficient memory (HPA wants 5); the cluster autoscaler cannot add nodes to group memory-opt-r6i (InsufficientInstanceCapacity)');
    expect(f?.decisive).toBe(ICE);
    expect(f?.evidence).toContain(`kube-system/cluster-autoscaler-status, written 12s ago: node group memory-opt-r6i scale-up Backoff (placeholder-cannot-be-fulfilled): ${ICE}`);
    expect(f?.fix).toContain('more instance types and other availability zones');
    expect(f?.nextAction).toContain('other zones (subnets) than eu-west-1b');
    expect([f?.title, f?.likelyCause, f?.nextAction, f?.fix].join('\n')).not.toMatch(/quota|Mitigate: add nodes/i);
  });

  it('says the scale-up failed from the pods\' events alone when the status could not be read', () => {
    const [f] = analyzeFailedScheduling(pendingEvidence());
    expect(f?.title).toContain("the cluster autoscaler's scale-up failed and is backed off");
    expect(f?.nextAction).toContain('cluster-autoscaler-status');
  });

  it('reads node groups in backoff from the older text format too', () => {
    const old = 'Cluster-wide:\n  Health: Healthy (ready=9)\nNodeGroups:\n  Name:        memory-opt-r6i\n  Health:      Healthy (ready=4)\n  ScaleUp:     Backoff (ready=4 cloudProviderTarget=4)\n  Name:        general\n  ScaleUp:     NoActivity (ready=5)';
    expect(listBackedOffGroups(old)).toEqual([{ name: 'memory-opt-r6i' }]);
    expect(listBackedOffGroups(STATUS)).toEqual([{ name: 'memory-opt-r6i', errorCode: 'placeholder-cannot-be-fulfilled', errorMessage: ICE }]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { StorageClassEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, event, minutesAgo, node, unscheduledPod } from '../scenarios/builders.js';

const NO_VOLUME = "0/3 nodes are available: 1 node(s) didn't find available persistent volumes to bind, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const CLAIM = 'payment-cache-data';
const ZONE = 'topology.kubernetes.io/zone';

/**
 * One pod pinned to eu-west-1c by its nodeSelector; its claim waits for its first consumer and the
 * scheduler finds no volume for it on the one node the selector admits.
 */
function pinnedPod(storageClasses?: StorageClassEvidence[]): TriageEvidence {
  const pod = unscheduledPod(0, NO_VOLUME, 34, {
    placement: { nodeSelector: { [ZONE]: 'eu-west-1c' }, requiredNodeAffinity: [], tolerations: [] },
    volumes: [{ name: 'cache', source: 'pvc', ref: CLAIM }],
  });
  const onClaim = { kind: 'PersistentVolumeClaim', name: CLAIM, namespace: NS };
  const nodes = [node(NODE_A), node(NODE_B, { labels: { [ZONE]: 'eu-west-1b' } }), node(NODE_C, { labels: { [ZONE]: 'eu-west-1c' } })];
  return baseEvidence({
    pods: [pod],
    nodes: [],
    clusterNodes: nodes,
    pvcs: [{ name: CLAIM, phase: 'Pending', storageClass: 'gp3-zonal-ab', accessModes: ['ReadWriteOnce'], requested: '200Gi', usedByPods: [pod.name] }],
    events: [
      event({ object: { kind: 'Pod', name: pod.name, namespace: NS }, reason: 'FailedScheduling', message: NO_VOLUME, count: 21, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1.5), source: 'default-scheduler' }),
      event({ object: onClaim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 2, firstSeen: minutesAgo(34), lastSeen: minutesAgo(34), source: 'persistentvolume-controller' }),
      event({ object: onClaim, type: 'Normal', reason: 'WaitForPodScheduled', message: `waiting for pod ${pod.name} to be scheduled`, count: 137, firstSeen: minutesAgo(33.9), lastSeen: minutesAgo(0.2), source: 'persistentvolume-controller' }),
    ],
    ...(storageClasses ? { storageClasses } : {}),
  });
}

describe('analyzeFailedScheduling: a claim whose StorageClass does not provision in the zone the pod is pinned to', () => {
  const ZONAL_AB: StorageClassEvidence = { name: 'gp3-zonal-ab', provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer', allowedZones: ['eu-west-1a', 'eu-west-1b'] };

  it('names the class, the zones it allows and the zone the pods are pinned to, and advises a class allowed there or dropping the pin', () => {
    const [f] = analyzeFailedScheduling(pinnedPod([ZONAL_AB]));
    expect(f?.title).toContain(`; StorageClass gp3-zonal-ab of claim ${CLAIM} provisions only in eu-west-1a, eu-west-1b, and the pods' nodeSelector admits only eu-west-1c`);
    expect(f?.evidence).toContain(`the pods' nodeSelector ${ZONE}=eu-west-1c admits node ${NODE_C} (eu-west-1c) only`);
    expect(f?.evidence).toContain(`StorageClass gp3-zonal-ab: provisioner ebs.csi.aws.com, volumeBindingMode WaitForFirstConsumer, allowedTopologies zones eu-west-1a, eu-west-1b`);
    expect(f?.evidence.some((l) => l.startsWith(`PVC ${CLAIM}: Pending, 200Gi, StorageClass gp3-zonal-ab`) && l.includes('waiting for first consumer'))).toBe(true);
    expect(f?.likelyCause).toMatch(/first consumer/);
    expect(f?.fix).toBe(`give claim ${CLAIM} a StorageClass that provisions in eu-west-1c (recreate the Pending claim: it holds no data yet), or drop the pods' pin to eu-west-1c`);
    expect(f?.confirmCommands).toContain('kubectl get storageclass gp3-zonal-ab -o yaml --context prod-eu-west-1');
  });

  it('without the class read, still names the class and the pinned zone, and says the class does not provision there', () => {
    const [f] = analyzeFailedScheduling(pinnedPod());
    expect(f?.title).toContain(`; claim ${CLAIM} (StorageClass gp3-zonal-ab) gets no volume in eu-west-1c, the only zone the pods' nodeSelector admits`);
    expect(f?.likelyCause).toMatch(/allowedTopologies/);
    expect(f?.fix).toBe(`give claim ${CLAIM} a StorageClass that provisions in eu-west-1c (recreate the Pending claim: it holds no data yet), or drop the pods' pin to eu-west-1c`);
  });

  it('says nothing of the class when it allows the pinned zone, or sets no allowedTopologies', () => {
    const [f] = analyzeFailedScheduling(pinnedPod([{ ...ZONAL_AB, allowedZones: ['eu-west-1a', 'eu-west-1c'] }]));
    expect(f?.title).not.toContain('StorageClass');
    const [open] = analyzeFailedScheduling(pinnedPod([{ name: 'gp3-zonal-ab', provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer' }]));
    expect(open?.title).not.toContain('StorageClass');
  });

  it('says nothing of the class when the claim is bound', () => {
    const ev = pinnedPod();
    ev.pvcs = ev.pvcs.map((c) => ({ ...c, phase: 'Bound' as const, volumeName: 'pvc-1' }));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).not.toContain('StorageClass');
  });
});


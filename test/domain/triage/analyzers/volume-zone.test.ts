import { describe, expect, it } from 'vitest';
import { analyzeVolumeZones } from '../../../../src/domain/triage/analyzers/volume-zone.js';
import type { NodeEvidence, PersistentVolumeEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, container, event, minutesAgo, node, pod, withCondition, workload } from '../scenarios/builders.js';

const LEDGER = 'ledger';
const PV = 'pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e';
const NODE_D = 'ip-10-0-1-56.eu-west-1.compute.internal';
const EBS_ZONE = 'topology.ebs.csi.aws.com/zone';

/** An EKS node in `zone`: it carries both the well-known zone label and the EBS driver's. */
function zonalNode(name: string, zone: string, over: Partial<NodeEvidence> = {}): NodeEvidence {
  return node(name, { labels: { 'topology.kubernetes.io/zone': zone, [EBS_ZONE]: zone, 'node.kubernetes.io/instance-type': 'r6i.2xlarge' }, ...over });
}

function ebsVolume(zone: string, over: Partial<PersistentVolumeEvidence> = {}): PersistentVolumeEvidence {
  return {
    name: PV,
    claim: `${NS}/data-${LEDGER}-0`,
    phase: 'Bound',
    storageClass: 'gp3',
    nodeAffinity: [[{ key: EBS_ZONE, operator: 'In', values: [zone] }]],
    driver: 'ebs.csi.aws.com',
    ...over,
  };
}

/**
 * ledger-0 (one replica) was evicted by a drain of eu-west-1a; its gp3 volume lives in 1a, so
 * it can only come back on a node in 1a.
 */
function zoneScenario(clusterNodes: NodeEvidence[], volume: PersistentVolumeEvidence = ebsVolume('eu-west-1a')): TriageEvidence {
  const p = pod(0, {
    name: `${LEDGER}-0`,
    nodeName: undefined,
    phase: 'Pending',
    ready: false,
    revisionHash: `${LEDGER}-5d8c7b9f64`,
    labels: { app: LEDGER, 'controller-revision-hash': `${LEDGER}-5d8c7b9f64` },
    createdAt: minutesAgo(11),
    startTime: undefined,
    ordinal: 0,
    volumes: [
      { name: 'data', source: 'pvc', ref: `data-${LEDGER}-0` },
      { name: 'config', source: 'configMap', ref: 'ledger-config' },
    ],
    containers: [container({ name: 'ledger', image: 'postgres:16.4', state: undefined, ready: false })],
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
        lastTransitionTime: minutesAgo(11),
      },
    ],
  });
  const base = baseEvidence({ pods: [p], services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: LEDGER, namespace: NS, kind: 'StatefulSet', name: LEDGER, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: LEDGER, specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 1, selector: { app: LEDGER }, templateLabels: { app: LEDGER }, podManagementPolicy: 'OrderedReady', conditions: [] }),
    pvcs: [{ name: `data-${LEDGER}-0`, phase: 'Bound', storageClass: 'gp3', volumeName: PV, accessModes: ['ReadWriteOnce'], requested: '100Gi', usedByPods: [`${LEDGER}-0`] }],
    volumes: [volume],
    clusterNodes,
  };
}

describe('analyzeVolumeZones', () => {
  it('names the claim, the volume, its zone and the cordoned node that was the only one there', () => {
    const ev = zoneScenario([zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true }), zonalNode(NODE_B, 'eu-west-1b'), zonalNode(NODE_C, 'eu-west-1c')]);
    const findings = analyzeVolumeZones(ev);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('volume-zone/data-ledger-0');
    expect(f?.kind).toBe('volume-zone');
    expect(f?.title).toBe(`ledger-0 cannot be placed: its volume ${PV} (claim data-ledger-0) is pinned to zone eu-west-1a and the only node in eu-west-1a is cordoned (${NODE_A})`);
    expect(f?.layer).toBe('storage');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      `PVC data-ledger-0 → PersistentVolume ${PV} (ebs.csi.aws.com), node affinity zone eu-west-1a`,
      `node ${NODE_A} in eu-west-1a: cordoned`,
      'schedulable nodes are in: eu-west-1b, eu-west-1c',
    ]);
    expect(f?.decisive).toBe('volume node affinity: zone eu-west-1a');
    expect(f?.fix).toBe('get a schedulable node into eu-west-1a');
    expect(f?.nextAction).toBe('Bring back a schedulable node in eu-west-1a (uncordon it, or scale the node group there). Do not delete the claim: the data lives on that volume.');
    expect(f?.confirmCommands).toEqual([
      'kubectl describe pod ledger-0 -n payments --context prod-eu-west-1',
      `kubectl get pv ${PV} -o jsonpath='{.spec.nodeAffinity}' --context prod-eu-west-1`,
      'kubectl get nodes -L topology.kubernetes.io/zone --context prod-eu-west-1',
    ]);
    expect(f?.affected).toEqual({ pods: ['ledger-0'] });
  });

  it('says which nodes of the zone are cordoned and which are not ready', () => {
    const ev = zoneScenario([
      zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true }),
      withCondition(zonalNode(NODE_D, 'eu-west-1a'), 'Ready', 'False', 'KubeletNotReady', 'PLEG is not healthy: pleg was last seen active 3m0s ago', 6),
      zonalNode(NODE_B, 'eu-west-1b'),
    ]);
    const [f] = analyzeVolumeZones(ev);
    expect(f?.title).toBe(`ledger-0 cannot be placed: its volume ${PV} (claim data-ledger-0) is pinned to zone eu-west-1a and the 2 nodes in eu-west-1a are cordoned (${NODE_A}), not ready (${NODE_D})`);
    expect(f?.evidence).toEqual([
      `PVC data-ledger-0 → PersistentVolume ${PV} (ebs.csi.aws.com), node affinity zone eu-west-1a`,
      `node ${NODE_A} in eu-west-1a: cordoned`,
      `node ${NODE_D} in eu-west-1a: not ready`,
      'schedulable nodes are in: eu-west-1b',
    ]);
  });

  it('says when the zone has no node left at all (the node group was scaled in)', () => {
    const ev = zoneScenario([zonalNode(NODE_B, 'eu-west-1b'), zonalNode(NODE_C, 'eu-west-1c')]);
    const [f] = analyzeVolumeZones(ev);
    expect(f?.title).toBe(`ledger-0 cannot be placed: its volume ${PV} (claim data-ledger-0) is pinned to zone eu-west-1a and no node is in eu-west-1a`);
    expect(f?.evidence).toEqual([`PVC data-ledger-0 → PersistentVolume ${PV} (ebs.csi.aws.com), node affinity zone eu-west-1a`, 'schedulable nodes are in: eu-west-1b, eu-west-1c']);
  });

  it('treats a node the lifecycle controller tainted unschedulable as unusable', () => {
    const tainted = zonalNode(NODE_A, 'eu-west-1a', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    expect(analyzeVolumeZones(zoneScenario([tainted, zonalNode(NODE_B, 'eu-west-1b')])).map((f) => f.id)).toEqual(['volume-zone/data-ledger-0']);
  });

  it('names the zone and the only node there when that node has no volume attachment slot left (max volume count)', () => {
    const ev = zoneScenario([zonalNode(NODE_A, 'eu-west-1a'), zonalNode(NODE_B, 'eu-west-1b'), zonalNode(NODE_C, 'eu-west-1c')]);
    const full = '0/3 nodes are available: 1 node(s) exceed max volume count, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.';
    ev.pods = ev.pods.map((p) => ({ ...p, conditions: p.conditions.map((c) => ({ ...c, message: full })) }));
    ev.events = [event({ object: { kind: 'Pod', name: 'ledger-0', namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: "pod didn't trigger scale-up: 2 node(s) had volume node affinity conflict, 1 max node group size reached", source: 'cluster-autoscaler' })];
    const [f] = analyzeVolumeZones(ev);
    expect(f?.title).toBe(`ledger-0 cannot be placed: its volume ${PV} (claim data-ledger-0) is pinned to zone eu-west-1a, and the only node there, ${NODE_A} (r6i.2xlarge), has no free volume attachment slot (max volume count reached)`);
    expect(f?.evidence).toEqual([
      `PVC data-ledger-0 → PersistentVolume ${PV} (ebs.csi.aws.com), node affinity zone eu-west-1a`,
      `schedulable in eu-west-1a: ${NODE_A}; refused there: 1 node(s) exceed max volume count`,
      'the 2 other nodes (eu-west-1b, eu-west-1c) refuse it: volume node affinity conflict',
      'scheduler: 0/3 nodes are available: 1 node(s) exceed max volume count, 2 node(s) had volume node affinity conflict.',
    ]);
    expect(f?.likelyCause).toMatch(/attach limit allows \(the CSI driver's count in CSINode\)\. CPU and memory do not show it/);
    expect(f?.likelyCause).toMatch(/EBS volumes share 28 attachment slots/);
    expect(f?.nextAction).toMatch(new RegExp(`^Free an attachment slot in eu-west-1a: move pods with volumes off ${NODE_A}`));
    expect(f?.nextAction).toMatch(/add a node in eu-west-1a \(the cluster autoscaler reports max node group size reached: raise the node group's maximum\)/);
    expect(f?.confirmCommands).toContain(`kubectl get csinode ${NODE_A} -o jsonpath='{.spec.drivers[*].allocatable.count}' --context prod-eu-west-1`);
    expect(f?.affected).toEqual({ pods: ['ledger-0'], nodes: [NODE_A] });
  });

  it('names the zone and what its nodes lack when they refuse the pod for another reason', () => {
    const ev = zoneScenario([zonalNode(NODE_A, 'eu-west-1a'), zonalNode(NODE_D, 'eu-west-1a'), zonalNode(NODE_B, 'eu-west-1b')]);
    const short = '0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 Insufficient memory.';
    ev.pods = ev.pods.map((p) => ({ ...p, conditions: p.conditions.map((c) => ({ ...c, message: short })) }));
    const [f] = analyzeVolumeZones(ev);
    expect(f?.title).toBe(`ledger-0 cannot be placed: its volume ${PV} (claim data-ledger-0) is pinned to zone eu-west-1a, and the 2 nodes there (${NODE_A}, ${NODE_D}) refuse it (2 Insufficient memory)`);
    expect(f?.fix).toBe('make room for the pod in eu-west-1a');
  });

  it('does not say which nodes refuse for what when the zone conflict does not account for every node outside the zone', () => {
    const ev = zoneScenario([zonalNode(NODE_A, 'eu-west-1a'), zonalNode(NODE_B, 'eu-west-1b'), zonalNode(NODE_C, 'eu-west-1c')]);
    const mixed = '0/3 nodes are available: 2 node(s) exceed max volume count, 1 node(s) had volume node affinity conflict.';
    ev.pods = ev.pods.map((p) => ({ ...p, conditions: p.conditions.map((c) => ({ ...c, message: mixed })) }));
    expect(analyzeVolumeZones(ev)).toEqual([]);
  });

  it('says nothing while a schedulable node is left in the volume zone', () => {
    const ev = zoneScenario([zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true }), zonalNode(NODE_D, 'eu-west-1a'), zonalNode(NODE_B, 'eu-west-1b')]);
    expect(analyzeVolumeZones(ev)).toEqual([]);
  });

  it('says nothing about a volume that is not pinned to a zone', () => {
    const nfs = ebsVolume('eu-west-1a', { nodeAffinity: [], driver: 'nfs', storageClass: 'efs-sc' });
    expect(analyzeVolumeZones(zoneScenario([zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true })], nfs))).toEqual([]);
    const hostPinned = ebsVolume('eu-west-1a', { nodeAffinity: [[{ key: 'kubernetes.io/hostname', operator: 'In', values: [NODE_A] }]], driver: 'local' });
    // Its node still exists (cordoned): a hostname pin is not a zone (a node that is gone is below).
    expect(analyzeVolumeZones(zoneScenario([zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true }), zonalNode(NODE_B, 'eu-west-1b')], hostPinned))).toEqual([]);
  });

  it('says nothing about a pod that is already scheduled or was created a minute ago', () => {
    const nodes = [zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true }), zonalNode(NODE_B, 'eu-west-1b')];
    const scheduled = zoneScenario(nodes);
    scheduled.pods = scheduled.pods.map((p) => ({ ...p, nodeName: NODE_A }));
    expect(analyzeVolumeZones(scheduled)).toEqual([]);
    const fresh = zoneScenario(nodes);
    fresh.pods = fresh.pods.map((p) => ({ ...p, createdAt: minutesAgo(1) }));
    expect(analyzeVolumeZones(fresh)).toEqual([]);
  });

  it('says nothing without the cluster nodes, the volumes, or a claim bound to a known volume', () => {
    const nodes = [zonalNode(NODE_A, 'eu-west-1a', { unschedulable: true }), zonalNode(NODE_B, 'eu-west-1b')];
    expect(analyzeVolumeZones({ ...zoneScenario(nodes), clusterNodes: [] })).toEqual([]);
    expect(analyzeVolumeZones({ ...zoneScenario(nodes), volumes: undefined })).toEqual([]);
    const unbound = zoneScenario(nodes);
    unbound.pvcs = unbound.pvcs.map((c) => ({ ...c, phase: 'Pending' as const, volumeName: undefined }));
    expect(analyzeVolumeZones(unbound)).toEqual([]);
  });
});

describe('a volume pinned by hostname to a node that is gone', () => {
  const GONE = 'ip-10-0-9-14.eu-west-1.compute.internal';
  const local = (host: string) => ebsVolume('eu-west-1a', { storageClass: 'local-path', driver: 'hostPath', reclaimPolicy: 'Delete', nodeAffinity: [[{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }]] });
  const hosts = (names: string[]) => names.map((n) => zonalNode(n, 'eu-west-1a', { labels: { 'kubernetes.io/hostname': n } }));

  it('names the volume, its claim, the missing node, and that a new claim is the way out', () => {
    const [f, ...rest] = analyzeVolumeZones(zoneScenario(hosts([NODE_A, NODE_B, NODE_C]), local(GONE)));
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe(`ledger-0 cannot be placed: its volume ${PV} (claim data-ledger-0, StorageClass local-path) is pinned to node ${GONE}, which no longer exists`);
    expect(f?.evidence).toContain(`no node named ${GONE} among the 3 nodes of the cluster`);
    expect(f?.likelyCause).toMatch(/data that lived on .* is gone/);
    expect(f?.nextAction).toContain('kubectl delete pvc data-ledger-0 -n payments');
  });

  it('says nothing while the node the volume is pinned to is still there', () => {
    expect(analyzeVolumeZones(zoneScenario(hosts([NODE_A, NODE_B, GONE]), local(GONE)))).toEqual([]);
  });
});

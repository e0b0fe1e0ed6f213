import { describe, expect, it } from 'vitest';
import { analyzePlacement, matchesPlacement, meetsRequirement, pickDeviceNodes, untoleratedTaints } from '../../../../src/domain/triage/analyzers/placement.js';
import type { NodeAgentsEvidence, NodeEvidence, PlacementEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, REV6, baseEvidence, container, crashLooping, minutesAgo, node, pod, podName, terminated, withCondition, workload } from '../scenarios/builders.js';

const NODE_D = 'ip-10-0-4-88.eu-west-1.compute.internal';
const UNSCHEDULABLE = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

function placement(over: Partial<PlacementEvidence> = {}): PlacementEvidence {
  return { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], ...over };
}

/** Three general-purpose nodes, one per zone, as `kubectl get nodes --show-labels` shows them. */
function generalNodes(): NodeEvidence[] {
  return [NODE_A, NODE_B, NODE_C].map((name, i) =>
    node(name, {
      labels: {
        'topology.kubernetes.io/zone': `eu-west-1${'abc'[i] ?? 'a'}`,
        'node.kubernetes.io/instance-type': 'm6i.xlarge',
        'eks.amazonaws.com/nodegroup': 'general-2024',
        'disk-type': 'ssd',
      },
    }),
  );
}

/** A pod the scheduler has been refusing for 15 minutes. */
function pendingPod(i: number, p: PlacementEvidence): PodEvidence {
  return pod(i, {
    nodeName: undefined,
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(15),
    startTime: undefined,
    placement: p,
    containers: [container({ state: undefined, ready: false })],
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: UNSCHEDULABLE, lastTransitionTime: minutesAgo(15) }],
  });
}

/** Three pods run; `pending` more wait with the given placement; the cluster has `clusterNodes`. */
function scenario(p: PlacementEvidence, clusterNodes: NodeEvidence[], pending = 2): TriageEvidence {
  const running = [0, 1, 2].map((i) => pod(i, { placement: placement() }));
  const waiting = Array.from({ length: pending }, (_, k) => pendingPod(3 + k, p));
  return baseEvidence({
    pods: [...running, ...waiting],
    clusterNodes,
    workload: workload({ specReplicas: 3 + pending, replicas: 3 + pending, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 + pending }),
  });
}

describe('meetsRequirement', () => {
  const labels = { 'topology.kubernetes.io/zone': 'eu-west-1a', 'example.com/generation': '6' };

  it.each([
    ['In with the value', { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a', 'eu-west-1b'] }, true],
    ['In without the value', { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1c'] }, false],
    ['In on a missing label', { key: 'disktype', operator: 'In', values: ['ssd'] }, false],
    ['NotIn with the value', { key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['eu-west-1a'] }, false],
    ['NotIn on a missing label', { key: 'disktype', operator: 'NotIn', values: ['hdd'] }, true],
    ['Exists on a present label', { key: 'topology.kubernetes.io/zone', operator: 'Exists', values: [] }, true],
    ['Exists on a missing label', { key: 'disktype', operator: 'Exists', values: [] }, false],
    ['DoesNotExist on a missing label', { key: 'disktype', operator: 'DoesNotExist', values: [] }, true],
    ['DoesNotExist on a present label', { key: 'topology.kubernetes.io/zone', operator: 'DoesNotExist', values: [] }, false],
    ['Gt compares numbers, not strings (6 > 10 is false)', { key: 'example.com/generation', operator: 'Gt', values: ['10'] }, false],
    ['Gt below the value', { key: 'example.com/generation', operator: 'Gt', values: ['5'] }, true],
    ['Lt compares numbers, not strings (6 < 10 is true)', { key: 'example.com/generation', operator: 'Lt', values: ['10'] }, true],
    ['Gt on a missing label', { key: 'example.com/cores', operator: 'Gt', values: ['1'] }, false],
  ] as const)('%s', (_name, requirement, expected) => {
    expect(meetsRequirement(labels, { ...requirement, values: [...requirement.values] })).toBe(expected);
  });
});

describe('matchesPlacement', () => {
  const n = node(NODE_A, { labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'eks.amazonaws.com/nodegroup': 'general-2024' } });

  it('matches a node carrying every nodeSelector label, and no node missing one', () => {
    expect(matchesPlacement(n, placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2024', 'topology.kubernetes.io/zone': 'eu-west-1a' } }))).toBe(true);
    expect(matchesPlacement(n, placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2024', disktype: 'ssd' } }))).toBe(false);
  });

  it('ORs affinity terms and ANDs the requirements within a term', () => {
    const zoneB = { key: 'topology.kubernetes.io/zone', operator: 'In' as const, values: ['eu-west-1b'] };
    const general = { key: 'eks.amazonaws.com/nodegroup', operator: 'In' as const, values: ['general-2024'] };
    const zoneA = { key: 'topology.kubernetes.io/zone', operator: 'In' as const, values: ['eu-west-1a'] };
    expect(matchesPlacement(n, placement({ requiredNodeAffinity: [[zoneB], [general, zoneA]] }))).toBe(true);
    expect(matchesPlacement(n, placement({ requiredNodeAffinity: [[general, zoneB]] }))).toBe(false);
  });

  it('lets a pod without selector or affinity run on a node without labels', () => {
    expect(matchesPlacement(node(NODE_B, { labels: undefined }), placement())).toBe(true);
  });
});

describe('untoleratedTaints', () => {
  const gpu = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' as const };
  const spot = { key: 'example.com/spot', effect: 'PreferNoSchedule' as const };
  const draining = { key: 'example.com/draining', value: 'true', effect: 'NoExecute' as const };
  const n = node(NODE_D, { taints: [gpu, spot, draining] });

  it('lists NoSchedule and NoExecute taints the pods do not tolerate, never PreferNoSchedule', () => {
    expect(untoleratedTaints(n, placement())).toEqual([gpu, draining]);
  });

  it('honours Exists by key, Equal by value, and a toleration limited to one effect', () => {
    expect(untoleratedTaints(n, placement({ tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }] }))).toEqual([draining]);
    expect(untoleratedTaints(n, placement({ tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'absent' }] }))).toEqual([gpu, draining]);
    expect(untoleratedTaints(n, placement({ tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }] }))).toEqual([draining]);
    expect(untoleratedTaints(n, placement({ tolerations: [{ key: 'example.com/draining', operator: 'Exists', effect: 'NoSchedule' }] }))).toEqual([gpu, draining]);
  });

  it('treats a keyless Exists toleration as tolerating everything', () => {
    expect(untoleratedTaints(n, placement({ tolerations: [{ operator: 'Exists' }] }))).toEqual([]);
  });
});

describe('analyzePlacement', () => {
  it('names a nodeSelector no node carries, with the look-alike label the nodes do carry', () => {
    const ev = scenario(placement({ nodeSelector: { disktype: 'ssd' } }), generalNodes());
    const findings = analyzePlacement(ev);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('placement/nodeSelector disktype=ssd');
    expect(f?.kind).toBe('placement');
    expect(f?.title).toBe('2 pods cannot be placed: nodeSelector disktype=ssd matches none of the 3 nodes (nodes carry disk-type=ssd)');
    expect(f?.layer).toBe('capacity');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual(['nodeSelector: disktype=ssd', 'nodes: 3 (3 schedulable)']);
    expect(f?.decisive).toBe('nodeSelector disktype=ssd');
    expect(f?.fix).toBe('make the nodeSelector and the node labels agree (disk-type=ssd vs disktype=ssd)');
    expect(f?.nextAction).toBe('Make the nodeSelector and the node labels agree (disk-type=ssd vs disktype=ssd); the pods schedule on their own once a node fits.');
    expect(f?.likelyCause).toBe(
      'The scheduler only places a pod on a node that matches its nodeSelector and required affinity; nodeSelector disktype=ssd matches none of the 3 nodes (nodes carry disk-type=ssd). A renamed label, a node group that was replaced, or a template change on one side only.',
    );
    expect(f?.confirmCommands).toEqual([
      `kubectl describe pod ${podName(REV6.hash, 3)} -n payments --context prod-eu-west-1`,
      'kubectl get nodes --show-labels --context prod-eu-west-1',
    ]);
    expect(f?.affected).toEqual({ pods: [podName(REV6.hash, 3), podName(REV6.hash, 4)] });
  });

  it('shows the values the nodes have when the selector key exists with another value', () => {
    const [f] = analyzePlacement(scenario(placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2023' } }), generalNodes()));
    expect(f?.title).toBe('2 pods cannot be placed: nodeSelector eks.amazonaws.com/nodegroup=general-2023 matches none of the 3 nodes (nodes carry eks.amazonaws.com/nodegroup=general-2024)');
    expect(f?.fix).toBe('make the nodeSelector and the node labels agree (eks.amazonaws.com/nodegroup=general-2024 vs eks.amazonaws.com/nodegroup=general-2023)');
  });

  it('asks to fix the selector or add nodes when no node label resembles it', () => {
    const [f] = analyzePlacement(scenario(placement({ nodeSelector: { 'example.com/pci': 'true' } }), generalNodes()));
    expect(f?.title).toBe('2 pods cannot be placed: nodeSelector example.com/pci=true matches none of the 3 nodes');
    expect(f?.fix).toBe('fix the nodeSelector example.com/pci=true or add nodes that carry it');
  });

  it('names a required node affinity that no node satisfies, with the values the nodes have', () => {
    const p = placement({ requiredNodeAffinity: [[{ key: 'eks.amazonaws.com/nodegroup', operator: 'In', values: ['gpu-a100'] }]] });
    const [f] = analyzePlacement(scenario(p, generalNodes()));
    expect(f?.id).toBe('placement/requiredDuringScheduling node affinity eks.amazonaws.com/nodegroup=gpu-a100');
    expect(f?.title).toBe('2 pods cannot be placed: required node affinity eks.amazonaws.com/nodegroup=gpu-a100 matches none of the 3 nodes (nodes have eks.amazonaws.com/nodegroup=general-2024)');
    expect(f?.evidence).toEqual(['nodeSelector: (none)', 'required node affinity: eks.amazonaws.com/nodegroup=gpu-a100', 'nodes: 3 (3 schedulable)']);
    expect(f?.fix).toBe('point the affinity at an existing node group, or bring back nodes with eks.amazonaws.com/nodegroup=gpu-a100');
  });

  it('spells out a multi-value affinity and ORed terms in its evidence', () => {
    const p = placement({
      requiredNodeAffinity: [
        [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['c7g.2xlarge', 'c7g.4xlarge'] }],
        [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }, { key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['eu-west-1c'] }],
      ],
    });
    const [f] = analyzePlacement(scenario(p, generalNodes()));
    expect(f?.title).toBe('2 pods cannot be placed: required node affinity node.kubernetes.io/instance-type In (c7g.2xlarge, c7g.4xlarge) matches none of the 3 nodes (nodes have node.kubernetes.io/instance-type=m6i.xlarge)');
    expect(f?.evidence[1]).toBe('required node affinity: node.kubernetes.io/instance-type In (c7g.2xlarge, c7g.4xlarge) or kubernetes.io/arch=arm64 and topology.kubernetes.io/zone NotIn (eu-west-1c)');
  });

  it('names the taint the pods no longer tolerate on the only node they may use', () => {
    const gpuNode = node(NODE_D, { labels: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' }, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });
    const ev = scenario(placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' } }), [...generalNodes(), gpuNode], 1);
    const [f] = analyzePlacement(ev);
    expect(f?.id).toBe('placement/untolerated taint nvidia.com/gpu=present:NoSchedule');
    expect(f?.decisive).toBe('untolerated taint nvidia.com/gpu=present:NoSchedule');
    expect(f?.likelyCause.startsWith('The scheduler only places a pod on a node that it tolerates; ')).toBe(true);
    expect(f?.fix).toBe('add the toleration the pods lost, or schedule them where they belong');
    expect(f?.nextAction).toBe('Add the toleration the pods lost, or schedule them where they belong; the pods schedule on their own once a node fits.');
    expect(f?.evidence).toEqual(['nodeSelector: eks.amazonaws.com/nodegroup=gpu-a100', 'nodes: 4 (4 schedulable)']);
    expect(f?.affected).toEqual({ pods: [podName(REV6.hash, 3)] });
  });

  it('words the taint title in the singular for the one node the pods may use', () => {
    const gpuNode = node(NODE_D, { labels: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' }, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });
    const [f] = analyzePlacement(scenario(placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' } }), [...generalNodes(), gpuNode], 1));
    expect(f?.title).toBe('1 pod cannot be placed: the 1 node it may use carries taint nvidia.com/gpu=present:NoSchedule, which the pods do not tolerate');
  });

  it('lists every untolerated taint on several matching nodes', () => {
    const taint = (value: string) => [{ key: 'dedicated', value, effect: 'NoSchedule' as const }];
    const batch = [
      node(NODE_C, { labels: { pool: 'batch' }, taints: taint('batch') }),
      node(NODE_D, { labels: { pool: 'batch' }, taints: [...taint('batch-spot'), { key: 'example.com/spot', effect: 'PreferNoSchedule' }] }),
    ];
    const [f] = analyzePlacement(scenario(placement({ nodeSelector: { pool: 'batch' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'batch-ondemand', effect: 'NoSchedule' }] }), batch));
    expect(f?.title).toBe('2 pods cannot be placed: the 2 nodes it may use carry taint dedicated=batch:NoSchedule, dedicated=batch-spot:NoSchedule, which the pods do not tolerate');
  });

  it('says nothing when the pods tolerate the taint of the node they select (they wait for something else)', () => {
    const gpuNode = node(NODE_D, { labels: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' }, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });
    const p = placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-a100' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(analyzePlacement(scenario(p, [...generalNodes(), gpuNode]))).toEqual([]);
  });

  it('says the nodes the pods may use are all cordoned or not ready', () => {
    const batch = [
      node(NODE_C, { labels: { pool: 'batch' }, unschedulable: true }),
      withCondition(node(NODE_D, { labels: { pool: 'batch' } }), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 30),
    ];
    const ev = scenario(placement({ nodeSelector: { pool: 'batch' } }), [...generalNodes().slice(0, 2), ...batch], 3);
    const [f] = analyzePlacement(ev);
    expect(f?.id).toBe(`placement/only ${NODE_C}, ${NODE_D} match, none schedulable`);
    expect(f?.title).toBe(`3 pods cannot be placed: the 2 nodes it may use are cordoned or not ready (${NODE_C}, ${NODE_D})`);
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toEqual(['nodeSelector: pool=batch', 'nodes: 4 (2 schedulable)']);
    expect(f?.fix).toBe('uncordon or repair those nodes, or widen where the pods may run');
  });

  describe('an extended resource (a GPU) the nodes the pods may use do not advertise', () => {
    const GPU_TAINT = { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' as const };
    const gpuPlacement = placement({ nodeSelector: { workload: 'gpu' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] });
    /** One pending pod asking for `gpus` nvidia.com/gpu, with the given cluster nodes. */
    function gpuScenario(nodes: NodeEvidence[], gpus = '1'): TriageEvidence {
      const ev = scenario(gpuPlacement, nodes, 1);
      const waiting = ev.pods[3] as PodEvidence;
      waiting.containers = [container({ state: undefined, ready: false, resources: { requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': gpus }, limits: { memory: '16Gi', 'nvidia.com/gpu': gpus } } })];
      return ev;
    }
    const g5 = (allocatable: Record<string, string>) => node(NODE_D, { labels: { workload: 'gpu', 'k8s.amazonaws.com/accelerator': 'nvidia-a10g' }, taints: [GPU_TAINT], allocatable });

    it('names the node the pods may use, says it advertises none of the resource, and points at its device plugin', () => {
      const [f] = analyzePlacement(gpuScenario([...generalNodes(), g5({ cpu: '7910m', memory: '31482916Ki', pods: '58' })]));
      expect(f?.title).toBe(`1 pod cannot be placed: the 1 node it may use (${NODE_D}) advertises no nvidia.com/gpu in its allocatable: no device plugin serves it there`);
      expect(f?.decisive).toBe('allocatable: cpu=7910m, memory=31482916Ki, pods=58 (no nvidia.com/gpu)');
      expect(f?.evidence).toEqual([
        'nodeSelector: workload=gpu',
        'nodes: 4 (4 schedulable)',
        'each pod requests 1 nvidia.com/gpu',
        `node ${NODE_D} (matches the pods' placement): allocatable cpu=7910m, memory=31482916Ki, pods=58; no nvidia.com/gpu`,
        'no node of the 4 advertises nvidia.com/gpu',
      ]);
      expect(f?.likelyCause).toMatch(/^A node offers nvidia\.com\/gpu only while a device plugin on it registers the devices with the kubelet/);
      expect(f?.fix).toBe(`make the device plugin that provides nvidia.com/gpu run on ${NODE_D} (its DaemonSet's nodeSelector, affinity or tolerations must cover that node), or check why its pod fails there`);
      expect(f?.confirmCommands.slice(1)).toEqual([
        `kubectl get node ${NODE_D} -o jsonpath='{.status.allocatable}' --context prod-eu-west-1`,
        `kubectl get pods -A -o wide --field-selector spec.nodeName=${NODE_D} --context prod-eu-west-1`,
      ]);
    });

    it('dates the fault by the node that joined just before (or while) the pods waited: its arrival is the change, not the pods\' spec', () => {
      const ev = gpuScenario([...generalNodes(), { ...g5({ cpu: '7910m', memory: '31482916Ki', pods: '58' }), createdAt: minutesAgo(40) }]);
      (ev.pods[3] as PodEvidence).createdAt = minutesAgo(50);
      const [f] = analyzePlacement(ev);
      expect(f?.title).toBe(`1 pod cannot be placed: the 1 node it may use (${NODE_D}) advertises no nvidia.com/gpu in its allocatable: no device plugin serves it there, since that node joined 40m ago (a new or replacement node)`);
      expect(f?.datesChange).toBe(true);
      expect(f?.evidence.at(-1)).toBe(`node ${NODE_D} created ${minutesAgo(40)} (40m ago)`);
      // A node that was there long before the pods began to wait is no change.
      const old = gpuScenario([...generalNodes(), { ...g5({ cpu: '7910m', memory: '31482916Ki', pods: '58' }), createdAt: minutesAgo(30 * 24 * 60) }]);
      (old.pods[3] as PodEvidence).createdAt = minutesAgo(50);
      const [g] = analyzePlacement(old);
      expect(g?.title).not.toMatch(/joined/);
      expect(g?.datesChange).toBeUndefined();
    });

    it('counts an allocatable of 0 as none, and names the nodes outside the placement that do advertise it', () => {
      const t4 = node(NODE_C, { labels: { workload: 'gpu-old' }, taints: [GPU_TAINT], allocatable: { cpu: '3920m', memory: '15136204Ki', pods: '29', 'nvidia.com/gpu': '1' } });
      const [f] = analyzePlacement(gpuScenario([...generalNodes().slice(0, 2), t4, g5({ cpu: '7910m', 'nvidia.com/gpu': '0' })]));
      expect(f?.title).toContain('advertises no nvidia.com/gpu in its allocatable');
      expect(f?.evidence.at(-1)).toBe(`nvidia.com/gpu is advertised only by ${NODE_C}, outside the pods' placement`);
    });

    /** The node agents read on NODE_D: the device plugin crash-looping with its log, or only another agent. */
    function agentsOnD(plugin: boolean): NodeAgentsEvidence {
      const name = plugin ? 'nvidia-device-plugin-daemonset-vwzfj' : 'fluent-bit-8kq2d';
      const image = plugin ? 'nvcr.io/nvidia/k8s-device-plugin:v0.14.5' : 'cr.fluentbit.io/fluent/fluent-bit:3.0.4';
      const agent = pod(9, { name, nodeName: NODE_D, ready: !plugin, createdAt: minutesAgo(60 * 24 * 21), containers: [plugin ? crashLooping(name, terminated(1, 'Error', 3), 12, { name: 'nvidia-device-plugin-ctr', image }) : container({ name: 'fluent-bit', image })] });
      return {
        node: NODE_D,
        agents: [{ namespace: 'kube-system', owner: plugin ? 'DaemonSet nvidia-device-plugin-daemonset' : 'DaemonSet fluent-bit', pod: agent }],
        logs: plugin ? [{ pod: name, container: 'nvidia-device-plugin-ctr', previous: true, lines: ['I1121 03:11:12.000201       1 main.go:279] Retrieving plugins.', 'E1121 03:11:12.000311       1 factory.go:68] Failed to initialize NVML: Driver/library version mismatch.', 'E1121 03:11:12.000377       1 main.go:149] error starting plugins: error creating plugin manager: unable to create plugin manager: nvml init failed: ERROR_LIB_RM_VERSION_MISMATCH'] }] : [],
      };
    }

    it('says why when the device plugin on the node the pods may use is failing: its state and its own log', () => {
      const ev = { ...gpuScenario([...generalNodes(), g5({ cpu: '7910m', 'nvidia.com/gpu': '0' })]), nodeAgents: [agentsOnD(true)] };
      const [f] = analyzePlacement(ev);
      expect(f?.title).toBe(`1 pod cannot be placed: the 1 node it may use (${NODE_D}) advertises no nvidia.com/gpu in its allocatable: the device plugin there (kube-system/nvidia-device-plugin-daemonset-vwzfj, DaemonSet nvidia-device-plugin-daemonset) is crash-looping (exit 1, 12 restarts): "E1121 03:11:12.000377       1 main.go:149] error starting plugins: error creating plugin manager: unable to create plugin manager: nvml init failed: ERROR_LIB_RM_VERSION_MISMATCH"`);
      expect(f?.decisive).toMatch(/ERROR_LIB_RM_VERSION_MISMATCH/);
      expect(f?.evidence).toContain(`device plugin kube-system/nvidia-device-plugin-daemonset-vwzfj on ${NODE_D}: crash-looping (exit 1, 12 restarts)`);
      expect(f?.fix).toBe(`make DaemonSet nvidia-device-plugin-daemonset run again on ${NODE_D}: fix what its log says (a driver, a runtime or a config it cannot load on those nodes); it registers the devices once it starts`);
      expect(f?.fix).not.toMatch(/nodeSelector/);
    });

    it('says no device plugin runs on the node when its agents were read and none is one', () => {
      const [f] = analyzePlacement({ ...gpuScenario([...generalNodes(), g5({ cpu: '7910m' })]), nodeAgents: [agentsOnD(false)] });
      expect(f?.title).toMatch(/advertises no nvidia\.com\/gpu in its allocatable: no device plugin pod runs there$/);
      expect(f?.evidence).toContain(`no device plugin among the DaemonSet pods of ${NODE_D}`);
      expect(f?.likelyCause).toMatch(/its DaemonSet does not select that node/);
    });

    it('says the nodes advertise the devices under another name of the same vendor (GPUs split into MIG partitions), not a missing plugin', () => {
      const [f] = analyzePlacement(gpuScenario([...generalNodes(), g5({ cpu: '7910m', 'nvidia.com/gpu': '0', 'nvidia.com/mig-1g.10gb': '7' })]));
      expect(f?.title).toBe(`1 pod cannot be placed: the 1 node it may use (${NODE_D}) advertises no nvidia.com/gpu in its allocatable but nvidia.com/mig-1g.10gb=7: its GPUs were split into MIG partitions, and the pods still ask for whole GPUs`);
      expect(f?.title).not.toMatch(/device plugin/);
      expect(f?.fix).toBe(`request nvidia.com/mig-1g.10gb (a MIG profile that fits) instead of nvidia.com/gpu in the pods, or give whole GPUs back on part of the pool (its MIG configuration)`);
      expect(f?.evidence).toContain(`${NODE_D} advertises nvidia.com/mig-1g.10gb=7 of the same vendor`);
    });

    it('says nothing when a node the pods may use advertises the resource (they wait for a free one: capacity)', () => {
      expect(analyzePlacement(gpuScenario([...generalNodes(), g5({ cpu: '7910m', 'nvidia.com/gpu': '1' })], '1'))).toEqual([]);
    });

    it('picks the nodes the pending pods may use for their agents to be read, only when none advertises the resource', () => {
      const off = { ...g5({ cpu: '7910m', 'nvidia.com/gpu': '0' }), name: 'ip-10-0-4-89.eu-west-1.compute.internal' };
      const third = { ...off, name: 'ip-10-0-4-90.eu-west-1.compute.internal' };
      const starved = gpuScenario([...generalNodes(), g5({ cpu: '7910m', 'nvidia.com/gpu': '0' }), off, third]);
      expect(pickDeviceNodes(starved.clusterNodes ?? [], starved.pods)).toEqual([{ node: NODE_D, resource: 'nvidia.com/gpu' }, { node: off.name, resource: 'nvidia.com/gpu' }]);
      const served = gpuScenario([...generalNodes(), g5({ cpu: '7910m', 'nvidia.com/gpu': '0' }), { ...off, allocatable: { 'nvidia.com/gpu': '1' } }]);
      expect(pickDeviceNodes(served.clusterNodes ?? [], served.pods)).toEqual([]);
      const noDevice = scenario(placement({ nodeSelector: { disktype: 'ssd' } }), generalNodes());
      expect(pickDeviceNodes(noDevice.clusterNodes ?? [], noDevice.pods)).toEqual([]);
    });
  });

  it('says nothing when a schedulable node fits the placement (the pods wait for capacity, not placement)', () => {
    expect(analyzePlacement(scenario(placement({ nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2024' } }), generalNodes()))).toEqual([]);
  });

  it('says nothing without the list of cluster nodes', () => {
    const ev = scenario(placement({ nodeSelector: { disktype: 'ssd' } }), []);
    expect(analyzePlacement(ev)).toEqual([]);
    expect(analyzePlacement({ ...ev, clusterNodes: undefined })).toEqual([]);
  });

  it('ignores pods that are scheduled, have no placement read, or were created a minute ago', () => {
    const p = placement({ nodeSelector: { disktype: 'ssd' } });
    const ev = scenario(p, generalNodes(), 0);
    ev.pods.push(
      { ...pendingPod(3, p), nodeName: NODE_A },
      { ...pendingPod(4, p), placement: undefined },
      { ...pendingPod(5, p), createdAt: minutesAgo(1) },
    );
    expect(analyzePlacement(ev)).toEqual([]);
  });

  it('counts every unschedulable pod of the census, not only the pods read in detail', () => {
    const ev = scenario(placement({ nodeSelector: { disktype: 'ssd' } }), generalNodes());
    ev.census = { total: 300, complete: true, ready: 3, byState: { 'Pending (Unschedulable)': 297, Running: 3 } };
    ev.workload = workload({ specReplicas: 300, replicas: 300, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 300 });
    const [f] = analyzePlacement(ev);
    expect(f?.title).toBe('297 pods cannot be placed: nodeSelector disktype=ssd matches none of the 3 nodes (nodes carry disk-type=ssd)');
    expect(f?.severity).toBe('critical');
    expect(f?.affected?.pods).toHaveLength(2);
  });

  it('reports two placements separately, each with its own pods', () => {
    const ssd = placement({ nodeSelector: { disktype: 'ssd' } });
    const gpu = placement({ requiredNodeAffinity: [[{ key: 'eks.amazonaws.com/nodegroup', operator: 'In', values: ['gpu-a100'] }]] });
    const ev = scenario(ssd, generalNodes(), 1);
    ev.pods.push(pendingPod(4, gpu), pendingPod(5, gpu));
    ev.census = { total: 6, complete: true, ready: 3, byState: { 'Pending (Unschedulable)': 3, Running: 3 } };
    const findings = analyzePlacement(ev);
    expect(findings.map((f) => f.title)).toEqual([
      '1 pod cannot be placed: nodeSelector disktype=ssd matches none of the 3 nodes (nodes carry disk-type=ssd)',
      '2 pods cannot be placed: required node affinity eks.amazonaws.com/nodegroup=gpu-a100 matches none of the 3 nodes (nodes have eks.amazonaws.com/nodegroup=general-2024)',
    ]);
    expect(findings.map((f) => f.affected?.pods)).toEqual([[podName(REV6.hash, 3)], [podName(REV6.hash, 4), podName(REV6.hash, 5)]]);
  });

  it('blames the nodeSelector when each of its labels exists but no node carries them all', () => {
    // The batch pool is amd64; the arm64 nodes belong to the general pool.
    const nodes = [
      node(NODE_A, { labels: { pool: 'batch', 'kubernetes.io/arch': 'amd64' } }),
      node(NODE_B, { labels: { pool: 'general', 'kubernetes.io/arch': 'arm64' } }),
    ];
    const [f] = analyzePlacement(scenario(placement({ nodeSelector: { pool: 'batch', 'kubernetes.io/arch': 'arm64' } }), nodes));
    expect(f?.decisive).toMatch(/^nodeSelector /);
    expect(f?.title).not.toContain('affinity');
  });
});

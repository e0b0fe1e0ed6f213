import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, REV6, baseEvidence, container, crashLooping, event, minutesAgo, node, pod, podName, running, terminated, withCondition, workload } from './builders.js';

/** Six pods, two per node; the two on NODE_C are the ones in trouble. */
function sixPods() {
  return [0, 1, 2, 3, 4, 5].map((i) => pod(i));
}

/** NODE_C stopped reporting 12 minutes ago; its two pods show not ready. */
export function nodeNotReadyScenario(): TriageEvidence {
  const pods = sixPods().map((p) => (p.nodeName === NODE_C ? { ...p, ready: false, containers: [container({ ready: false })] } : p));
  const nodeC = {
    ...withCondition(node(NODE_C), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 12),
    taints: [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' as const },
    ],
  };
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 6, replicas: 6, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 6 }),
    nodes: [node(NODE_A), node(NODE_B), nodeC],
    events: [
      event({ object: { kind: 'Node', name: NODE_C }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${NODE_C} status is now: NodeNotReady`, firstSeen: minutesAgo(12), lastSeen: minutesAgo(12), source: 'node-controller' }),
    ],
  });
}

/**
 * The two pods on NODE_C crash-loop (exit 1, no logs) while the four elsewhere, same image
 * and revision, are fine; NODE_C's conditions still say Ready.
 */
export function nodeConcentrationScenario(): TriageEvidence {
  const pods = sixPods().map((p) =>
    p.nodeName === NODE_C ? { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 2, { runSeconds: 1 }), 9)] } : p,
  );
  return baseEvidence({ pods, workload: workload({ specReplicas: 6, replicas: 6, readyReplicas: 4, availableReplicas: 4 }) });
}

export const EVICTION_MESSAGE =
  'The node was low on resource: memory. Threshold quantity: 100Mi, available: 61148Ki. Container app was using 1843596Ki, request is 512Mi, has larger consumption of memory. ';

/** NODE_B hit memory pressure 20 minutes ago and evicted two pods; replacements run elsewhere. */
export function evictionScenario(): TriageEvidence {
  const evicted = [0, 1].map((i) =>
    pod(10 + i, {
      name: podName(REV6.hash, 6 + i),
      nodeName: NODE_B,
      phase: 'Failed',
      reason: 'Evicted',
      message: EVICTION_MESSAGE,
      ready: false,
      containers: [container({ ready: false, state: terminated(137, 'ContainerStatusUnknown', 20) })],
      conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: 'The node was low on resource: memory.', lastTransitionTime: minutesAgo(20) }],
    }),
  );
  const replacements = [0, 1, 2, 3, 4].map((i) => pod(i, { nodeName: i % 2 === 0 ? NODE_A : NODE_C, containers: [container({ state: running(19) })], startTime: minutesAgo(19) }));
  return baseEvidence({
    pods: [...replacements, ...evicted],
    nodes: [node(NODE_A), withCondition(node(NODE_B), 'MemoryPressure', 'True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available', 21), node(NODE_C)],
    events: [
      ...evicted.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Evicted', message: EVICTION_MESSAGE, firstSeen: minutesAgo(20), lastSeen: minutesAgo(20) })),
      event({ object: { kind: 'Node', name: NODE_B }, reason: 'EvictionThresholdMet', message: 'Attempting to reclaim memory', firstSeen: minutesAgo(21), lastSeen: minutesAgo(20) }),
    ],
  });
}

import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NS, baseEvidence, container, event, minutesAgo, node, pod, withCondition, workload } from './builders.js';

const LEDGER = 'ledger';

/** A one-replica StatefulSet-like workload whose pod waits on a volume. */
function ledgerBase(): TriageEvidence {
  const p = pod(0, {
    name: `${LEDGER}-0`,
    nodeName: NODE_B,
    phase: 'Pending',
    ready: false,
    revisionHash: `${LEDGER}-5d8c7b9f64`,
    labels: { app: LEDGER, 'controller-revision-hash': `${LEDGER}-5d8c7b9f64` },
    createdAt: minutesAgo(9),
    startTime: minutesAgo(9),
    containers: [container({ name: 'ledger', image: 'postgres:16.4', ready: false, state: { waiting: { reason: 'ContainerCreating' } } })],
  });
  const base = baseEvidence({ pods: [p], services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: LEDGER, namespace: NS, kind: 'StatefulSet', name: LEDGER, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: LEDGER, specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 1, selector: { app: LEDGER }, templateLabels: { app: LEDGER }, conditions: [], currentRevision: 3 }),
    pvcs: [{ name: `data-${LEDGER}-0`, phase: 'Bound', storageClass: 'gp3', volumeName: 'pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e', accessModes: ['ReadWriteOnce'], requested: '100Gi', usedByPods: [`${LEDGER}-0`] }],
  };
}

export const MULTI_ATTACH_MESSAGE =
  'Multi-Attach error for volume "pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e" Volume is already exclusively attached to one node and can\'t be attached to another';

/** ledger-0 was rescheduled from NODE_A (NotReady) to NODE_B; its RWO volume is still attached to NODE_A. */
export function multiAttachScenario(): TriageEvidence {
  const ev = ledgerBase();
  return {
    ...ev,
    nodes: [withCondition(node(NODE_A), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 15), node(NODE_B)],
    events: [
      event({ object: { kind: 'Pod', name: `${LEDGER}-0`, namespace: NS }, reason: 'FailedAttachVolume', message: MULTI_ATTACH_MESSAGE, count: 1, firstSeen: minutesAgo(9), lastSeen: minutesAgo(9), source: 'attachdetach-controller' }),
      event({ object: { kind: 'Pod', name: `${LEDGER}-0`, namespace: NS }, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data kube-api-access-7xk2p]: timed out waiting for the condition', count: 4, firstSeen: minutesAgo(7), lastSeen: minutesAgo(1) }),
    ],
  };
}

/** The claim names a StorageClass that exists in staging only. */
export function pvcPendingScenario(): TriageEvidence {
  const ev = ledgerBase();
  return {
    ...ev,
    pods: ev.pods.map((p) => ({ ...p, nodeName: undefined, conditions: [{ type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: '0/6 nodes are available: 6 pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.' }] })),
    pvcs: [{ name: `data-${LEDGER}-0`, phase: 'Pending', storageClass: 'fast-ssd', accessModes: ['ReadWriteOnce'], requested: '100Gi', usedByPods: [`${LEDGER}-0`] }],
    events: [
      event({ object: { kind: 'PersistentVolumeClaim', name: `data-${LEDGER}-0`, namespace: NS }, reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "fast-ssd" not found', count: 38, firstSeen: minutesAgo(9), lastSeen: minutesAgo(0.5), source: 'persistentvolume-controller' }),
      event({ object: { kind: 'Pod', name: `${LEDGER}-0`, namespace: NS }, reason: 'FailedScheduling', message: '0/6 nodes are available: 6 pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.', count: 9, firstSeen: minutesAgo(9), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
    ],
  };
}

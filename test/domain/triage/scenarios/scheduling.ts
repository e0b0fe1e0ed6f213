import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NS, REV6, baseEvidence, event, hpa, minutesAgo, pod, podName, workload } from './builders.js';

export const INSUFFICIENT_MEMORY_AND_TAINT =
  '0/6 nodes are available: 3 Insufficient memory, 3 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }. ' +
  'preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';

/**
 * Traffic spike: the HPA scaled from 8 to 12; the four new pods stay Pending because no node
 * has memory left and the others are under disk pressure.
 */
export function hpaPendingScenario(message = INSUFFICIENT_MEMORY_AND_TAINT): TriageEvidence {
  const placed = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => pod(i));
  const pending = [8, 9, 10, 11].map((i) =>
    pod(i, {
      nodeName: undefined,
      phase: 'Pending',
      ready: false,
      qosClass: 'Burstable',
      createdAt: minutesAgo(12),
      startTime: undefined,
      containers: [{ ...pod(0).containers[0]!, state: undefined, ready: false }],
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: minutesAgo(12) }],
    }),
  );
  const events = [
    ...pending.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'FailedScheduling', message, count: 112, firstSeen: minutesAgo(12), lastSeen: minutesAgo(0.3), source: 'default-scheduler' })),
    event({ object: { kind: 'Pod', name: podName(REV6.hash, 8), namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: "pod didn't trigger scale-up: 2 max node group size reached", count: 60, firstSeen: minutesAgo(12), lastSeen: minutesAgo(1), source: 'cluster-autoscaler' }),
    event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: cpu resource utilization (percentage of request) above target', firstSeen: minutesAgo(12), lastSeen: minutesAgo(12), source: 'horizontal-pod-autoscaler' }),
  ];
  return baseEvidence({
    pods: [...placed, ...pending],
    events,
    workload: workload({ specReplicas: 12, replicas: 12, readyReplicas: 8, availableReplicas: 8, updatedReplicas: 12 }),
    hpas: [
      hpa({
        maxReplicas: 12,
        currentReplicas: 12,
        desiredReplicas: 12,
        metrics: [{ name: 'cpu', current: '131%', target: '70%' }],
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' },
          { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound' },
          { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' },
        ],
        lastScaleTime: minutesAgo(12),
      }),
    ],
  });
}

import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { GO_DNS_LOG } from './crashes.js';
import {
  APP, IMAGE_V15, NS, REV6, REV7, baseEvidence, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload,
} from './builders.js';

/**
 * Revision 7 (image 2.15.0, DB_HOST typo, memory limit lowered) was rolled out 25 minutes
 * ago. Its three pods crash-loop with exit 1 and "no such host" in their logs; two pods of
 * revision 6 still serve.
 */
export function badRolloutScenario(): TriageEvidence {
  const newPods = [0, 1, 2].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(24 - i), startTime: minutesAgo(24 - i) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1 + i, { runSeconds: 5 }), 9, { image: IMAGE_V15 })] };
  });
  const oldPods = [3, 4].map((i) => pod(i));
  const events = [
    event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV7.hash} to 3`, firstSeen: minutesAgo(25), lastSeen: minutesAgo(24), source: 'deployment-controller' }),
    ...newPods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 95, firstSeen: minutesAgo(23), lastSeen: minutesAgo(0.2) })),
  ];
  const logs = newPods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: GO_DNS_LOG }));
  const base = baseEvidence({ pods: [...newPods, ...oldPods], events, logs });
  return {
    ...base,
    workload: workload({
      replicas: 5, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3, currentRevision: 7,
      conditions: [
        { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
        { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${APP}-${REV7.hash}" has timed out progressing.`, lastTransitionTime: minutesAgo(14) },
      ],
    }),
    revisions: [
      ...base.revisions.map((r) => (r.revision === REV6.revision ? { ...r, replicas: 2 } : r)),
      revision(REV7, minutesAgo(25), {
        replicas: 3,
        changeCause: 'deploy payment-service 2.15.0 (pipeline #4812)',
        containers: [
          revisionContainer({
            image: IMAGE_V15,
            env: [
              { name: 'DB_HOST', value: 'postgress.payments.svc.cluster.local' },
              { name: 'DB_PORT', value: '5432' },
              { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'payment-db', key: 'password' } },
              { name: 'LOG_LEVEL', value: 'debug' },
            ],
            resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '384Mi' } },
          }),
        ],
      }),
    ],
  };
}

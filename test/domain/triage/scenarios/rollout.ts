import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { GO_DNS_LOG } from './crashes.js';
import {
  APP, IMAGE_V14, IMAGE_V15, NODE_A, NODE_B, NODE_C, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload,
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

/** Revision 7 rolled out 30 minutes ago; its two pods on NODE_C crash since 20 minutes, `fine` more of its pods run elsewhere. */
export function sameRevisionElsewhereScenario(fine = 2): TriageEvidence {
  const onC = [0, 1].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, nodeName: NODE_C, createdAt: minutesAgo(29), startTime: minutesAgo(29) });
    return { ...p, ready: false, containers: [crashLooping(p.name, terminated(139, 'Error', 2, { runSeconds: 1 }), 6, { image: IMAGE_V15 })] };
  });
  const others = Array.from({ length: fine }, (_, k) => pod(2 + k, { revisionHash: REV7.hash, nodeName: k % 2 === 0 ? NODE_A : NODE_B, createdAt: minutesAgo(29), startTime: minutesAgo(29), containers: [container({ image: IMAGE_V15 })] }));
  const base = baseEvidence({
    pods: [...onC, ...others],
    events: onC.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 40, firstSeen: minutesAgo(20), lastSeen: minutesAgo(0.5) })),
    workload: workload({ specReplicas: 2 + fine, replicas: 2 + fine, readyReplicas: fine, availableReplicas: fine, updatedReplicas: 2 + fine, currentRevision: 7 }),
  });
  return { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(30), { replicas: 2 + fine, containers: [revisionContainer({ image: IMAGE_V15 })] })] };
}

/** The re-used ReplicaSet of old revision 2 (2.13.2, 41 days old), current again as revision 7. */
export const UNDONE = { revision: 7, hash: '6d4f8b7c9a' };

/**
 * Revision 6 (2.15.0, 3 days) ran fine until someone ran `rollout undo --to-revision=2` 23 minutes
 * ago: the ReplicaSet of 2.13.2 (41 days old) came back as revision 7. Its three pods are Ready,
 * but every query they make fails: the schema was migrated since 2.13.2 (a column renamed).
 */
export function rolledBackScenario(over: { history?: boolean; events?: boolean; logs?: boolean } = {}): TriageEvidence {
  const old = revisionContainer({ image: IMAGE_V14.replace('2.14.0', '2.13.2') });
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: UNDONE.hash, createdAt: minutesAgo(22 - i), startTime: minutesAgo(22 - i), containers: [container({ image: old.image, state: { running: { startedAt: minutesAgo(22 - i) } } })] }));
  const stamp = (m: number) => minutesAgo(m).replace(/\.\d+Z$/, 'Z');
  const failure = (m: number) => [
    `${stamp(m)} ERROR 1 --- [nio-8080-exec-4] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception [Request processing failed: org.springframework.jdbc.BadSqlGrammarException: PreparedStatementCallback; bad SQL grammar [select p.id, p.customer_id from payments p where p.customer_id = ?]] with root cause`,
    'org.postgresql.util.PSQLException: ERROR: column p.customer_id does not exist',
    '  Hint: Perhaps you meant to reference the column "p.account_id".',
  ];
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [`${stamp(21)}  INFO 1 --- [main] c.a.PaymentServiceApplication : Started PaymentServiceApplication in 9.4 seconds`, ...failure(6), ...failure(3), ...failure(1)] }));
  const scaled = (message: string, m: number) => event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message, firstSeen: minutesAgo(m), lastSeen: minutesAgo(m), source: 'deployment-controller' });
  return baseEvidence({
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: UNDONE.revision }),
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV6, minutesAgo(3 * 24 * 60), { replicas: 0, containers: [revisionContainer({ image: IMAGE_V15 })] }),
      revision(UNDONE, minutesAgo(41 * 24 * 60), { name: `${APP}-${UNDONE.hash}`, replicas: 3, containers: [old], ...(over.history === false ? {} : { formerRevisions: [2] }) }),
    ],
    pods,
    events: over.events === false ? [] : [scaled(`Scaled up replica set ${APP}-${UNDONE.hash} from 0 to 1`, 23), scaled(`Scaled down replica set ${APP}-${REV6.hash} from 3 to 2`, 21)],
    logs: over.logs === false ? [] : logs,
  });
}

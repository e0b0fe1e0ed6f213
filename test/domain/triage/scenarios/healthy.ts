import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NODE_A, NS, REV6, baseEvidence, event, minutesAgo, podName } from './builders.js';

/**
 * The control: five ready pods on three nodes, last rollout nine days ago, Service with five
 * ready endpoints, HPA comfortably below target. Only routine Normal events.
 */
export function healthyScenario(): TriageEvidence {
  return baseEvidence({
    events: [
      event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} to 5`, firstSeen: minutesAgo(50), lastSeen: minutesAgo(50), source: 'deployment-controller' }),
      event({ object: { kind: 'Pod', name: podName(REV6.hash, 0), namespace: NS }, type: 'Normal', reason: 'Pulled', message: 'Container image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.14.0" already present on machine', firstSeen: minutesAgo(55), lastSeen: minutesAgo(55) }),
      event({ object: { kind: 'Node', name: NODE_A }, type: 'Normal', reason: 'NodeHasSufficientMemory', message: `Node ${NODE_A} status is now: NodeHasSufficientMemory`, firstSeen: minutesAgo(40), lastSeen: minutesAgo(40) }),
    ],
  });
}

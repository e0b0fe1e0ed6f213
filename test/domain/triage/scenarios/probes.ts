import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, event, minutesAgo, pod, running, workload } from './builders.js';

/**
 * Three of five pods run but fail readiness with 503 (their database check fails); the
 * Service routes to the remaining two.
 */
export function readiness503Scenario(message = 'Readiness probe failed: HTTP probe failed with statuscode: 503'): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => (i < 3 ? pod(i, { ready: false, containers: [container({ ready: false, state: running(40) })] }) : pod(i)));
  const events = pods.slice(0, 3).map((p) =>
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message, count: 80, firstSeen: minutesAgo(25), lastSeen: minutesAgo(0.5) }),
  );
  return baseEvidence({ pods, events, workload: workload({ readyReplicas: 2, availableReplicas: 2 }) });
}

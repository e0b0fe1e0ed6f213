// A consumer that silently misses messages because another workload joined its Kafka consumer
// group (the same group id, copied with a configuration): at a rebalance none of its own pods
// caused, its consumers give up part of the partitions they held. Nothing crashes and nothing logs
// an error, so it must never read as healthy; a rebalance its own new pod caused is not it.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, minutesAgo, pod, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const CLIENT = (k: number) => `[Consumer clientId=consumer-shipping-${k + 1}, groupId=shipping-consumers]`;
const at = (m: number) => minutesAgo(m);
const parts = (from: number, n: number) => Array.from({ length: n }, (_, i) => `shipment-events-${from + i}`).join(', ');

/** Each of two pods held 4 of the 8 partitions; at the rebalance 90 minutes ago each keeps 2. */
function consumerLog(podName: string, k: number): LogEvidence {
  return {
    pod: podName, container: 'app', previous: false,
    lines: [
      `${at(5000)}  INFO 1 --- [main] o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT(k)} Notifying assignor about the new Assignment(partitions=[${parts(k * 4, 4)}])`,
      `${at(90)}  INFO 1 --- [C-1] o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT(k)} Request joining group due to: group is already rebalancing`,
      `${at(90)}  INFO 1 --- [C-1] o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT(k)} Revoke previously assigned partitions ${parts(k * 4, 4)}`,
      `${at(90)}  INFO 1 --- [C-1] o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT(k)} Notifying assignor about the new Assignment(partitions=[${parts(k * 2, 2)}])`,
      `${at(1)}  INFO 1 --- [C-1] c.e.shipping.Listener : shipment recorded offset=${1000 + k}`,
    ],
  };
}

function scenario(opts: { ownPodStartedMinutesAgo?: number } = {}) {
  const pods = [0, 1].map((i) => pod(i, i === 1 && opts.ownPodStartedMinutesAgo !== undefined
    ? { createdAt: at(opts.ownPodStartedMinutesAgo), startTime: at(opts.ownPodStartedMinutesAgo) }
    : { createdAt: at(6000), startTime: at(6000) }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }),
    logs: pods.map((p, k) => consumerLog(p.name, k)),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'audit-sink-config', createdAt: at(95) }],
  });
}

describe('another member joined the workload\'s consumer group', () => {
  it('is a problem, never an all-clear: the group, the partitions given up and the arrival named', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/consumer group shipping-consumers/);
    expect(r.headline).toMatch(/from 8 partitions of shipment-events to 4/);
    expect(r.headline).toMatch(/audit-sink-config/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back|rollout undo/i);
    expect(r.findings[0]?.nextAction).toMatch(/group id of its own/);
  });

  it('a rebalance one of its own pods caused (it started then) is not another member', () => {
    const r = buildTriageReport(scenario({ ownPodStartedMinutesAgo: 92 }), times);
    expect(r.findings.some((f) => f.id.startsWith('consumer-group/shared'))).toBe(false);
  });
});

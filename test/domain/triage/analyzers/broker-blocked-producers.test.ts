// An Artemis address full under policy BLOCK: the workload's sends block (AMQ212054), its request
// threads hang and readiness times out; the only consumer Deployment of the address was scaled to 0.
import { describe, expect, it } from 'vitest';
import { analyzeBrokerBlockedProducers } from '../../../../src/domain/triage/analyzers/broker-blocked-producers.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod, running } from '../scenarios/builders.js';

const BLOCKED = (m: number, k: number) => `${minutesAgo(m)}  WARN 1 --- [payment-service] [io-8080-exec-4${k}] o.a.a.a.c.c.impl.ClientProducerCreditsImpl : AMQ212054: Destination address=payments.settled is blocked. If the system is configured to block make sure you consume messages on this configuration.`;

function scenario(consumerReplicas: number): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { ready: i === 2, containers: [container({ ready: i === 2, state: running() })] }));
  return baseEvidence({
    pods,
    events: pods.slice(0, 2).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.5:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 40, firstSeen: minutesAgo(10), lastSeen: minutesAgo(0.3) })),
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3].map((i) => BLOCKED(18 - i * 3, k)) })),
    queueConsumers: [{ deployment: 'settlement-worker', address: 'payments.settled', env: 'QUEUE', replicas: consumerReplicas, readyReplicas: consumerReplicas, replicasOwners: [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', at: minutesAgo(58) }] }],
  });
}

describe('a broker that blocks the workload\'s sends on a full address', () => {
  it('names the blocked address and the consumer Deployment at 0 replicas, and says to scale it back up', () => {
    const r = buildTriageReport(scenario(0), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/blocks producers on address payments\.settled/);
    expect(r.headline).toMatch(/settlement-worker is at 0 replicas \(scaled to 0 by kubectl 58m ago\)/);
    expect(r.headline).toMatch(/Scale settlement-worker back up/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|liveness/i);
  });

  it('still names the blocked address when its consumers run', () => {
    const [f] = analyzeBrokerBlockedProducers(scenario(2));
    expect(f?.title).toMatch(/payments\.settled[^\n]*settlement-worker \(2\/2 ready\)/);
  });
});

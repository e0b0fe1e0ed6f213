// An Artemis address full under policy BLOCK: the workload's sends block (AMQ212054), its request
// threads hang and readiness times out; the only consumer Deployment of the address was scaled to 0.
import { describe, expect, it } from 'vitest';
import { analyzeBrokerBlockedProducers } from '../../../../src/domain/triage/analyzers/broker-blocked-producers.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { namesAddress } from '../../../../src/domain/triage/broker-flow-block.js';
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

// Pulsar refuses producers on a topic whose backlog quota is exceeded: the topic's only
// subscription is drained by a Deployment that was scaled to 0.
const TOPIC = 'persistent://shop/billing/invoice-events';
const QUOTA = (m: number, k: number) => `${minutesAgo(m)} WARN 1 --- [pulsar-client-io-1-1] o.a.pulsar.client.impl.ProducerImpl : [${TOPIC}] [invoice-producer-${k}] Failed to create producer: {"errorMsg":"Cannot create producer on topic with backlog quota exceeded","reqId":${40 + m}, "remote":"pulsar.messaging.internal/10.1.2.3:6651", "local":"/10.0.1.${k}:51000"}`;

function pulsarScenario(consumerReplicas: number): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, state: running() })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2].map((i) => QUOTA(20 - i * 5, k)) })),
    queueConsumers: [{ deployment: 'invoice-archiver', address: TOPIC, env: 'PULSAR_TOPIC', replicas: consumerReplicas, readyReplicas: consumerReplicas, replicasOwners: [] }],
  });
}

describe('a Pulsar broker that refuses producers on a topic over its backlog quota', () => {
  it('names the topic, the quota and the consumer Deployment at 0 replicas, and says to scale it back up', () => {
    const r = buildTriageReport(pulsarScenario(0), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/Pulsar broker refuses producers on topic persistent:\/\/shop\/billing\/invoice-events: its backlog quota is exceeded/);
    expect(r.headline).toMatch(/invoice-archiver is at 0 replicas/);
    expect(r.headline).toMatch(/Scale invoice-archiver back up[^\n]*clear-backlog/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|AMQ|max-size-bytes/i);
  });

  it('a consumer env names the topic by its URL or by its local name', () => {
    expect(namesAddress('persistent://shop/billing/invoice-events', TOPIC)).toBe(true);
    expect(namesAddress('invoice-events', TOPIC)).toBe(true);
    expect(namesAddress('persistent://shop/billing/invoice-events-dlq', TOPIC)).toBe(false);
  });
});

// JetStream refuses publishes to a stream at max_bytes under discard: new; its consumer runs but falls behind.
describe('a JetStream stream full under discard: new', () => {
  const FULL = (m: number) => `{"level":"error","time":"${minutesAgo(m)}","msg":"publish order failed","subject":"orders.created.eu","stream":"ORDERS","error":"nats: maximum bytes exceeded"}`;
  function jetstream(): TriageEvidence {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ state: running() })] }));
    return baseEvidence({
      pods,
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [9, 6, 3].map(FULL) })),
      queueConsumers: [{ deployment: 'order-processor', address: 'ORDERS', env: 'JS_STREAM', replicas: 1, readyReplicas: 1, replicasOwners: [] }],
    });
  }

  it('names the full stream, the refused publishes and the consumer that falls behind', () => {
    const [f] = analyzeBrokerBlockedProducers(jetstream());
    expect(f?.title).toMatch(/^JetStream stream ORDERS is full: the server refuses new messages \(maximum bytes exceeded under discard: new\)[^\n]*order-processor \(1\/1 ready\)[^\n]*6 refused publishes/);
    expect(f?.evidence.join('\n')).toMatch(/order-processor names ORDERS \(JS_STREAM\) and runs 1 replica/);
    expect(f?.fix).toMatch(/pending backlog/);
  });
});

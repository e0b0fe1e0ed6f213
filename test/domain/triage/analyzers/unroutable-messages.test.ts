// A publisher whose mandatory publishes the broker returns 312 NO_ROUTE: every request succeeds and
// the pods are Ready, yet each returned message is lost. Two or three WARN lines are not "too few
// to call failing". With the broker's definitions read, the queue they declare with no binding is
// named, and the fix is the binding, not a rollback.
import { describe, expect, it } from 'vitest';
import { analyzeUnroutableMessages } from '../../../../src/domain/triage/analyzers/unroutable-messages.js';
import { matchesBindingKey } from '../../../../src/domain/triage/unroutable-messages.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { BrokerTopologyEvidence } from '../../../../src/domain/triage/evidence-broker-topology.js';
import { NOW, baseEvidence, minutesAgo, pod, workload } from '../scenarios/builders.js';

const json = (o: Record<string, unknown>): string => JSON.stringify(o);
const TOPOLOGY: BrokerTopologyEvidence = {
  configMap: 'rabbitmq-definitions',
  key: 'definitions.json',
  exchanges: ['orders', 'orders.dlx'],
  queues: ['fulfilment.orders', 'billing.invoices', 'orders.dead-letter'],
  bindings: [
    { source: 'orders', destination: 'billing.invoices', destinationType: 'queue', routingKey: 'order.paid', vhost: 'shop' },
    { source: 'orders.dlx', destination: 'orders.dead-letter', destinationType: 'queue', routingKey: '', vhost: 'shop' },
  ],
};

/** A pino publisher's log: POST /v1/orders answered 201, then the broker's return of its order.created message. */
function publisherLog(k: number, orders: number): string[] {
  return Array.from({ length: orders }, (_, i) => [
    json({ level: 30, time: Date.parse(minutesAgo(20 - i * 2 - k * 0.3)), msg: 'request completed', req: { method: 'POST', url: '/v1/orders' }, res: { statusCode: 201 }, responseTime: 44 }),
    json({ level: 40, time: Date.parse(minutesAgo(20 - i * 2 - k * 0.3)) + 1, msg: 'message returned by broker (unroutable)', exchange: 'orders', routingKey: 'order.created', replyCode: 312, replyText: 'NO_ROUTE', orderId: `ORD-${k}-${i}` }),
  ]).flat();
}

function publisher(orders: number, topology?: BrokerTopologyEvidence): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i));
  const broker = [0, 1, 2].map((i) => pod(i, { name: `rabbitmq-${i}`, createdAt: minutesAgo(130) }));
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    logs: pods.slice(0, 2).map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: publisherLog(k, orders) })),
    ...(topology ? { dependencyMembers: [{ namespace: 'payments', service: 'rabbitmq', pods: broker, nodeLosses: [], topology: [topology] }] } : {}),
  });
}

describe('analyzeUnroutableMessages', () => {
  it('names the returns, the exchange and key, and the queue the definitions declare with no binding', () => {
    const [f] = analyzeUnroutableMessages(publisher(4, TOPOLOGY));
    expect(f?.title).toMatch(/^RabbitMQ \(rabbitmq\) returns every order\.created message published to exchange orders unroutable \(312 NO_ROUTE\): exchange orders has no binding to queue fulfilment\.orders — the definitions in ConfigMap rabbitmq-definitions/);
    expect(f?.fix).toMatch(/add the binding orders → fulfilment\.orders \(routing key order\.created\) to definitions in ConfigMap rabbitmq-definitions/);
    expect(f?.nextAction).toMatch(/Rolling back this workload will not help/);
  });

  it('makes a ready publisher with a few returned messages failing, not healthy', () => {
    const report = buildTriageReport(publisher(2, TOPOLOGY), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/NO_ROUTE.*binding to queue fulfilment\.orders/);
    expect(report.headline).not.toMatch(/roll back/i);
    expect(report.headline.length).toBeLessThan(700);
  });

  it('still tells the returns without the definitions, and nothing for a single one', () => {
    expect(analyzeUnroutableMessages(publisher(2))[0]?.title).toMatch(/^The broker returns every order\.created message published to exchange orders unroutable \(312 NO_ROUTE\): 4 returned/);
    expect(analyzeUnroutableMessages({ ...publisher(1), logs: publisher(1).logs.slice(0, 1) })).toEqual([]);
  });

  it('matches topic binding keys the way the broker does', () => {
    expect(matchesBindingKey('order.*', 'order.created')).toBe(true);
    expect(matchesBindingKey('order.paid', 'order.created')).toBe(false);
    expect(matchesBindingKey('#', 'order.created')).toBe(true);
    expect(matchesBindingKey('order.#', 'order.created.eu')).toBe(true);
  });
});

// Sends blocked by an Artemis broker on a full address (AMQ212054): the adapter lists the
// namespace's Deployments once (bounded) and keeps those whose env names that address, with their
// replicas. Nothing of the namespace's Deployments is read when no send blocks.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, batchContainer, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'orders';
const target = { service: 'order-api', namespace: NS, kind: 'Deployment' as const, name: 'order-api' };
const BLOCKED = (i: number) => `2026-11-21T03:0${i}:24.000Z  WARN 1 --- [order-api] [io-8080-exec-4${i}] o.a.a.a.c.c.impl.ClientProducerCreditsImpl : AMQ212054: Destination address=orders.created is blocked. If the system is configured to block make sure you consume messages on this configuration.`;

function cluster(log: string) {
  const api = deploymentApp({
    namespace: NS, name: 'order-api', replicas: 2,
    revisions: [{ revision: 81, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/order-api:5.9.2', env: [{ name: 'SPRING_ARTEMIS_BROKER_URL', value: 'tcp://artemis-0.artemis-headless.orders.svc.cluster.local:61616' }] })] } }],
    pods: [{ revision: 81, node: NODE_A, createdAgo: 2 * DAYS }, { revision: 81, node: NODE_B, createdAgo: 2 * DAYS }],
  });
  const worker = deploymentApp({
    namespace: NS, name: 'order-fulfillment-worker', replicas: 0,
    revisions: [{ revision: 27, createdAgo: 8 * DAYS, template: { containers: [batchContainer({ image: 'registry.example.com/order-fulfillment-worker:2.14.0', env: [{ name: 'QUEUE', value: 'orders.created' }] })] } }],
    pods: [],
  });
  const mailer = deploymentApp({
    namespace: NS, name: 'order-mailer', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'registry.example.com/order-mailer:1.2.0', env: [{ name: 'QUEUE', value: 'orders.cancelled' }] })] } }],
    pods: [{ revision: 4, node: NODE_B, createdAgo: 30 * DAYS }],
  });
  for (const o of [...threeNodes(), ...api.objects, ...worker.objects, ...mailer.objects]) h.fake.add(o);
  for (const p of api.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const deploymentLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/deployments`);

describe('the consumers of the address a broker blocks the workload\'s sends on', () => {
  it('lists the namespace\'s Deployments once, bounded, and keeps the one whose env names the address, at 0 replicas', async () => {
    cluster([0, 1, 2, 3].map(BLOCKED).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.queueConsumers).toMatchObject([{ deployment: 'order-fulfillment-worker', address: 'orders.created', env: 'QUEUE', replicas: 0 }]);
    expect(deploymentLists()).toHaveLength(1);
    expect(Number(deploymentLists()[0]?.query.limit)).toBeLessThanOrEqual(200);
  });

  it('reads no Deployments of the namespace when no send blocks', async () => {
    cluster('2026-11-21T03:01:00.000Z  INFO 1 --- [order-api] [nio-8080-exec-4] c.acme.orders.web.OrderController : order created id=ord_9XF21 took=41ms\n');
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).queueConsumers).toBeUndefined();
    expect(deploymentLists()).toEqual([]);
  });

  it('keeps the Deployment whose env names, by its URL, the Pulsar topic whose backlog quota refuses the producers', async () => {
    const topic = 'persistent://acme/orders/orders-created';
    const refused = (i: number) => `2026-11-21T03:0${i}:24.000Z  WARN 1 --- [pulsar-client-io-1-1] o.a.pulsar.client.impl.ProducerImpl : [${topic}] [order-api-${i}] Failed to create producer: {"errorMsg":"Cannot create producer on topic with backlog quota exceeded","reqId":${i}, "remote":"pulsar/10.20.4.17:6651", "local":"/10.0.40.6:48812"}`;
    const sink = deploymentApp({
      namespace: NS, name: 'orders-warehouse-sink', replicas: 0,
      revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [batchContainer({ image: 'registry.example.com/orders-warehouse-sink:0.4.1', env: [{ name: 'PULSAR_TOPIC', value: topic }, { name: 'PULSAR_SUBSCRIPTION', value: 'warehouse' }] })] } }],
      pods: [],
    });
    for (const o of sink.objects) h.fake.add(o);
    cluster([0, 1, 2].map(refused).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.queueConsumers).toMatchObject([{ deployment: 'orders-warehouse-sink', address: topic, env: 'PULSAR_TOPIC', replicas: 0 }]);
    expect(deploymentLists()).toHaveLength(1);
  });
});

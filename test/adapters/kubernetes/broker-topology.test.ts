// Publishes the broker returns unroutable (RabbitMQ 312 NO_ROUTE), as the adapter reads the broker:
// a get of the Service the publisher's amqp address names, one page of its pods, and a get of each
// ConfigMap one serving member mounts (at most two, never a Secret), keeping only the names of
// exchanges and queues and the bindings of its definitions. Nothing of it while the logs carry no
// return; a failed get is told, not guessed.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const target = { service: 'checkout', namespace: NS, kind: 'Deployment' as const, name: 'checkout' };
const returned = (i: number) => `{"level":40,"time":1795000000${String(100 + i)},"msg":"message returned by broker (unroutable)","exchange":"checkout","routingKey":"checkout.completed","replyCode":312,"replyText":"NO_ROUTE","id":"c-${i}"}`;
const DEFINITIONS = JSON.stringify({
  users: [{ name: 'checkout', password_hash: 'hash-looking-value', tags: [] }],
  exchanges: [{ name: 'checkout', vhost: '/', type: 'topic' }],
  queues: [{ name: 'shipping.checkouts', vhost: '/' }, { name: 'mail.receipts', vhost: '/' }],
  bindings: [{ source: 'checkout', vhost: '/', destination: 'mail.receipts', destination_type: 'queue', routing_key: 'checkout.paid', arguments: {} }],
});

function cluster(log: string) {
  const mq = statefulSetApp({
    namespace: NS,
    name: 'mq',
    replicas: 2,
    revisions: [{
      revision: 1,
      createdAgo: 2 * DAYS,
      template: {
        containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management', ports: [5672], volumeMounts: [{ name: 'config', mountPath: '/etc/rabbitmq' }, { name: 'tls', mountPath: '/tls' }] })],
        volumes: [{ name: 'config', configMap: { name: 'mq-definitions' } }, { name: 'tls', secret: { secretName: 'mq-tls' } }],
      },
    }],
    pods: [0, 1].map((k) => ({ revision: 1, ordinal: k, node: k === 1 ? NODE_B : NODE_A, createdAgo: 2 * DAYS })),
  });
  const app = deploymentApp({
    namespace: NS,
    name: 'checkout',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/checkout:3.1.0', env: [{ name: 'AMQP_URL', value: 'amqp://checkout@mq.shop.svc.cluster.local:5672/' }] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 5 * DAYS }, { revision: 3, node: NODE_B, createdAgo: 5 * DAYS }],
  });
  const defs = configMap({ namespace: NS, name: 'mq-definitions', createdAgo: 2 * DAYS, data: { 'definitions.json': DEFINITIONS, 'rabbitmq.conf': 'load_definitions = /etc/rabbitmq/definitions.json\n' } });
  for (const x of [...threeNodes(), ...app.objects, ...mq.objects, defs, ...exposed({ namespace: NS, name: 'mq', selector: { app: 'mq' }, pods: mq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }], endpointPort: 5672 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const configReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${NS}/configmaps/`));

describe('the broker that returns the workload\'s publishes unroutable', () => {
  it('is read with the exchanges, queues and bindings of its definitions, and nothing else of the ConfigMap', async () => {
    cluster([0, 1, 2, 3].map(returned).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const m = (ev.dependencyMembers ?? []).find((x) => x.service === 'mq');
    expect(m?.pods).toHaveLength(2);
    expect(m?.topology).toEqual([{
      configMap: 'mq-definitions',
      key: 'definitions.json',
      exchanges: ['checkout'],
      queues: ['shipping.checkouts', 'mail.receipts'],
      bindings: [{ source: 'checkout', destination: 'mail.receipts', destinationType: 'queue', routingKey: 'checkout.paid', vhost: '/' }],
    }]);
    expect(JSON.stringify(ev)).not.toContain('hash-looking-value');
    expect(configReads().map((r) => r.path)).toContain(`/api/v1/namespaces/${NS}/configmaps/mq-definitions`);
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('is not read while the logs carry no return (or a single one)', async () => {
    cluster(`${returned(0)}\n{"level":30,"msg":"request completed","res":{"statusCode":201}}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect((ev.dependencyMembers ?? []).some((x) => x.topology !== undefined)).toBe(false);
    expect(configReads().map((r) => r.path)).not.toContain(`/api/v1/namespaces/${NS}/configmaps/mq-definitions`);
  });

  it('says the ConfigMap was not read when its get fails, and keeps the members', async () => {
    cluster([0, 1, 2].map(returned).join('\n') + '\n');
    h.fake.failWith(new RegExp(`^/api/v1/namespaces/${NS}/configmaps/mq-definitions$`), 403);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const m = (ev.dependencyMembers ?? []).find((x) => x.service === 'mq');
    expect(m?.pods).toHaveLength(2);
    expect(m?.topology).toBeUndefined();
    expect(ev.readFailures.some((f) => f.source === 'dependencyMembers' && /mq-definitions/.test(f.what))).toBe(true);
  });
});

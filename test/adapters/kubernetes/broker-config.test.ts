// Producers told their Kafka topic does not exist, as the adapter reads the brokers: a get of the
// Service the bootstrap address names (any namespace), one page of its pods, and a get of each
// ConfigMap one serving broker mounts (at most two, never a Secret), keeping auto.create.topics.enable
// only. Nothing of it while the logs carry no such answer; a failed get is told, not guessed.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const KNS = 'streaming';
const target = { service: 'cart', namespace: NS, kind: 'Deployment' as const, name: 'cart' };
const UNKNOWN = '[Producer clientId=cart-producer-1] Error while fetching metadata with correlation id 41 : {cart.events.v2=UNKNOWN_TOPIC_OR_PARTITION}';
const TIMEOUT = 'org.apache.kafka.common.errors.TimeoutException: Topic cart.events.v2 not present in metadata after 60000 ms.';

function cluster(log: string) {
  const bus = statefulSetApp({
    namespace: KNS,
    name: 'bus',
    replicas: 3,
    revisions: [{
      revision: 9,
      createdAgo: 30 * DAYS,
      template: {
        containers: [container({ name: 'kafka', image: 'docker.io/apache/kafka:3.8.1', ports: [9092], volumeMounts: [{ name: 'config', mountPath: '/config' }, { name: 'tls', mountPath: '/tls' }] })],
        volumes: [{ name: 'config', configMap: { name: 'bus-config' } }, { name: 'tls', secret: { secretName: 'bus-tls' } }],
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 9, ordinal: k, node: k === 1 ? NODE_B : NODE_A, createdAgo: 30 * DAYS })),
  });
  const app = deploymentApp({
    namespace: NS,
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1', env: [{ name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'bus-0.bus-headless.streaming.svc.cluster.local:9092' }, { name: 'CART_TOPIC', value: 'cart.events.v2' }] })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const config = configMap({ namespace: KNS, name: 'bus-config', createdAgo: 30 * DAYS, data: { 'server.properties': 'num.partitions=6\nauto.create.topics.enable=false\nsasl.jaas.config=secret-looking-value\n' } });
  for (const x of [...threeNodes(), ...app.objects, ...bus.objects, config, ...exposed({ namespace: KNS, name: 'bus-headless', selector: { app: 'bus' }, pods: bus.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], headless: true, endpointPort: 9092 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const configReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${KNS}/configmaps`));

describe('the brokers of a Kafka topic its clients are told does not exist', () => {
  it('are read in their namespace, with the setting that says whether they create topics, and nothing else of the ConfigMap', async () => {
    cluster(`${UNKNOWN}\n${TIMEOUT}\n${UNKNOWN}\n${TIMEOUT}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.namespace).toBe(KNS);
    expect(m?.service).toBe('bus-headless');
    expect(m?.pods).toHaveLength(3);
    expect(m?.config).toEqual([{ configMap: 'bus-config', key: 'server.properties', setting: 'auto.create.topics.enable', value: 'false' }]);
    expect(JSON.stringify(ev)).not.toContain('secret-looking-value');
    expect(configReads().map((r) => r.path)).toEqual([`/api/v1/namespaces/${KNS}/configmaps/bus-config`]);
    // Never a Secret.
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('are not read while the logs carry no answer from them (a producer that reaches no broker)', async () => {
    cluster(`${TIMEOUT}\n${TIMEOUT}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${KNS}/`))).toEqual([]);
  });

  it('say the ConfigMap was not read when its get fails, and keep the brokers', async () => {
    cluster(`${UNKNOWN}\n${UNKNOWN}\n`);
    h.fake.failWith(new RegExp(`^/api/v1/namespaces/${KNS}/configmaps/bus-config$`), 403);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.pods).toHaveLength(3);
    expect(ev.dependencyMembers?.[0]?.config).toBeUndefined();
    expect(ev.readFailures.some((f) => f.source === 'dependencyMembers' && /bus-config/.test(f.what))).toBe(true);
  });
});

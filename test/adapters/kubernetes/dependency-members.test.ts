// A clustered dependency its clients say is down (Redis CLUSTERDOWN), as the adapter reads it: a get
// of the Service their env names (any namespace), one page of its pods and — only while one of them
// is not running — the cluster's node-loss events (two field-selected lists) and the events of at
// most one lost node. Nothing of it while the logs carry no such line; a failed read is told, not guessed.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, configMap, container, crashLoop, deploymentApp, event, exposed, nameOf, node, nodeEvent, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const CACHE = 'cache';
const LOST = 'ip-10-0-3-99.eu-west-1.compute.internal';
const DOWN = 'ReplyError: CLUSTERDOWN The cluster is down';
const PENDING = "0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const target = { service: 'cart', namespace: NS, kind: 'Deployment' as const, name: 'cart' };

function cluster(log: string, o: { allUp?: boolean } = {}) {
  const redis = statefulSetApp({
    namespace: CACHE,
    name: 'cart-redis',
    replicas: 3,
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis-cluster:7.2.5', ports: [6379] })] } }],
    pods: [
      { revision: 2, ordinal: 0, node: NODE_A, createdAgo: 40 * DAYS },
      { revision: 2, ordinal: 1, node: NODE_B, createdAgo: 40 * DAYS },
      o.allUp ? { revision: 2, ordinal: 2, node: NODE_B, createdAgo: 40 * DAYS } : { revision: 2, ordinal: 2, node: null, createdAgo: 12, unschedulable: PENDING },
    ],
  });
  const app = deploymentApp({
    namespace: NS,
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1', env: [{ name: 'REDIS_CLUSTER_NODES', value: 'cart-redis.cache.svc.cluster.local:6379' }] })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const objects = [
    ...threeNodes(), ...app.objects, ...redis.objects,
    ...exposed({ namespace: CACHE, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
    event({ on: { kind: 'Node', name: LOST }, type: 'Warning', reason: 'SpotInterruption', message: 'Spot Interruption notice for instance i-0f00 was sent', firstAgo: 14, lastAgo: 14, component: 'aws-node-termination-handler' }),
    nodeEvent(LOST, 'NodeNotReady', `Node ${LOST} status is now: NodeNotReady`, { firstAgo: 11.5, component: 'node-controller' }),
    nodeEvent(LOST, 'RemovingNode', `Node ${LOST} event: Removing Node ${LOST} from Controller`, { firstAgo: 11, component: 'node-controller' }),
  ];
  for (const x of objects) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const cacheReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${CACHE}/`));
/** Node events read for the members: by loss reason, or of the lost node (the nodes under the workload's own pods are read anyway). */
const nodeEventReads = () => h.fake.requests.filter((r) => r.path === '/api/v1/events' && /involvedObject\.kind=Node,(reason=|involvedObject\.name=ip-10-0-3-99)/.test(String(r.query?.['fieldSelector'] ?? '')));

describe('the members of a clustered dependency its clients say is down', () => {
  it('reads its Service and pods in their namespace, and the node lost as a member was re-created', async () => {
    cluster(`${DOWN}\n${DOWN}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.namespace).toBe(CACHE);
    expect(m?.service).toBe('cart-redis');
    expect(m?.pods.map((p) => p.name).sort()).toEqual(['cart-redis-0', 'cart-redis-1', 'cart-redis-2']);
    expect(m?.nodeLosses.map((e) => `${e.object.name} ${e.reason}`)).toEqual(expect.arrayContaining([`${LOST} RemovingNode`, `${LOST} SpotInterruption`]));
    expect(cacheReads().length).toBeLessThanOrEqual(2);
    expect(nodeEventReads().length).toBeGreaterThan(0);
    expect(nodeEventReads().length).toBeLessThanOrEqual(3);
  });

  it('reads no node event while every member runs', async () => {
    cluster(`${DOWN}\n${DOWN}\n`, { allUp: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.pods).toHaveLength(3);
    expect(ev.dependencyMembers?.[0]?.nodeLosses).toEqual([]);
    expect(nodeEventReads().filter((r) => String(r.query?.['fieldSelector']).includes('reason='))).toEqual([]);
  });

  it('reads nothing of it while the logs say no such thing', async () => {
    cluster('GET /cart 200\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers).toBeUndefined();
    expect(cacheReads()).toEqual([]);
  });

  it('says its pods were not read when the list fails, and keeps no members', async () => {
    cluster(`${DOWN}\n${DOWN}\n`);
    h.fake.failWith(new RegExp(`^/api/v1/namespaces/${CACHE}/pods$`), 503);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers).toBeUndefined();
    expect(ev.readFailures.some((f) => f.source === 'dependencyMembers' && /cart-redis/.test(f.what))).toBe(true);
  });

  it('finds a MongoDB replica set with no primary by its Service\'s port when the address is in a Secret, and reads the node holding its members', async () => {
    const dead = node({ name: 'ip-10-0-8-51.eu-west-1.compute.internal', ready: 'Unknown', readySince: 20 });
    const deadName = dead.metadata?.name ?? '';
    const mongo = statefulSetApp({
      namespace: NS,
      name: 'cart-mongo',
      replicas: 3,
      revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'mongod', image: 'docker.io/library/mongo:7.0.14', ports: [27017] })] } }],
      pods: [
        { revision: 3, ordinal: 0, node: NODE_A, createdAgo: 60 * DAYS },
        { revision: 3, ordinal: 1, node: deadName, createdAgo: 60 * DAYS, ready: false, deletingAgo: 15 },
        { revision: 3, ordinal: 2, node: deadName, createdAgo: 60 * DAYS, ready: false, deletingAgo: 15 },
      ],
    });
    const app = deploymentApp({
      namespace: NS,
      name: 'cart',
      replicas: 2,
      revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1', env: [{ name: 'MONGODB_URI', valueFrom: { secretKeyRef: { name: 'cart-mongo', key: 'uri' } } }] })] } }],
      pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
    });
    const noPrimary = '{"level":50,"err":{"type":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","reason":{"type":"ReplicaSetNoPrimary","setName":"rs0"}},"msg":"could not save cart"}';
    for (const x of [...threeNodes(), dead, ...app.objects, ...mongo.objects, ...exposed({ namespace: NS, name: 'cart-mongo', selector: { app: 'cart-mongo' }, pods: mongo.pods, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], headless: true, endpointPort: 27017 })]) h.fake.add(x);
    for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${noPrimary}\n${noPrimary}\n` });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.service).toBe('cart-mongo');
    expect(m?.pods).toHaveLength(3);
    expect(m?.nodes?.map((n) => n.name)).toEqual([deadName]);
    expect(m?.nodes?.[0]?.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
  });

  it('reads the previous log of a member that keeps crashing, and of no member that runs', async () => {
    const ring = statefulSetApp({
      namespace: NS,
      name: 'ring',
      replicas: 3,
      revisions: [{ revision: 6, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'cassandra', image: 'docker.io/library/cassandra:4.1.7', ports: [9042] })] } }],
      pods: [
        { revision: 6, ordinal: 0, node: NODE_A, createdAgo: 9 * DAYS },
        { revision: 6, ordinal: 1, node: NODE_B, createdAgo: 9 * DAYS },
        { revision: 6, ordinal: 2, node: NODE_B, createdAgo: 9 * DAYS, containers: { cassandra: crashLoop({ exitCode: 100, finishedAgo: 2, ranSeconds: 31 }, 9) } },
      ],
    });
    const app = deploymentApp({
      namespace: NS,
      name: 'cart',
      replicas: 2,
      revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1' })] } }],
      pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
    });
    const refused = 'com.datastax.oss.driver.api.core.servererrors.UnavailableException: Not enough replicas available for query at consistency QUORUM (2 required but only 1 alive)';
    for (const x of [...threeNodes(), ...app.objects, ...ring.objects, ...exposed({ namespace: NS, name: 'ring', selector: { app: 'ring' }, pods: ring.pods, ports: [{ name: 'cql', port: 9042, targetPort: 9042 }], headless: true, endpointPort: 9042 })]) h.fake.add(x);
    for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${refused}\n${refused}\n` });
    h.fake.setLogs(NS, 'ring-2', 'cassandra', { previous: 'ERROR [main] Exiting due to error while processing commit log during initialization.\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.service).toBe('ring');
    expect(m?.logs?.map((l) => `${l.pod}/${l.container} ${l.previous}`)).toEqual(['ring-2/cassandra true']);
    expect(m?.logs?.[0]?.lines.join('\n')).toMatch(/commit log/);
  });

  it('finds a Kafka cluster through the bootstrap address of a ConfigMap the client takes whole, and reads its brokers in their namespace', async () => {
    const kns = 'streaming';
    const bus = statefulSetApp({
      namespace: kns,
      name: 'bus',
      replicas: 3,
      revisions: [{ revision: 9, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'kafka', image: 'docker.io/apache/kafka:3.8.1', ports: [9092] })] } }],
      pods: [
        { revision: 9, ordinal: 0, node: NODE_A, createdAgo: 30 * DAYS },
        { revision: 9, ordinal: 1, node: NODE_B, createdAgo: 30 * DAYS, containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 24 }, 7) } },
        { revision: 9, ordinal: 2, node: null, createdAgo: 40, unschedulable: PENDING },
      ],
    });
    const app = deploymentApp({
      namespace: NS,
      name: 'cart',
      replicas: 2,
      revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1', envFrom: [{ configMapRef: { name: 'cart-config' } }, { secretRef: { name: 'cart-secret' } }] })] } }],
      pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
    });
    const refused = 'WARN Got error produce response with correlation id 7 on topic-partition orders-0, retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS';
    const config = configMap({ namespace: NS, name: 'cart-config', createdAgo: 30 * DAYS, data: { KAFKA_BOOTSTRAP_SERVERS: 'bus-0.bus-headless.streaming.svc.cluster.local:9092,bus-1.bus-headless.streaming.svc.cluster.local:9092', ORDERS_TOPIC: 'orders' } });
    const topicsFile = configMap({ namespace: kns, name: 'bus-topic-defs', createdAgo: 30 * DAYS, data: { 'defs.yaml': '- name: orders\n  replicationFactor: 2\n  config: { min.insync.replicas: "2" }\n- name: audit\n  replicationFactor: 3' } });
    for (const x of [...threeNodes(), ...app.objects, ...bus.objects, config, topicsFile, ...exposed({ namespace: kns, name: 'bus-headless', selector: { app: 'bus' }, pods: bus.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], headless: true, endpointPort: 9092 })]) h.fake.add(x);
    for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${refused}\n${refused}\n` });
    h.fake.setLogs(kns, 'bus-1', 'kafka', { previous: 'java.io.IOException: No space left on device\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.namespace).toBe(kns);
    expect(m?.service).toBe('bus-headless');
    expect(m?.address).toEqual({ env: 'KAFKA_BOOTSTRAP_SERVERS', host: 'bus-0.bus-headless.streaming.svc.cluster.local', configMap: 'cart-config' });
    expect(m?.logs?.map((l) => l.pod)).toEqual(['bus-1']);
    // The refused topic's replication, from the topic definitions of the brokers' namespace.
    expect(m?.topicReplication).toEqual([{ configMap: 'bus-topic-defs', key: 'defs.yaml', topic: 'orders', replicationFactor: 2, minInsyncReplicas: 2 }]);
    // Never a Secret.
    expect(h.fake.requests.some((r) => /\/secrets\//.test(r.path))).toBe(false);
  });
});

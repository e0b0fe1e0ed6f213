// A clustered dependency that answers "the cluster is down" (Redis CLUSTERDOWN): the workload's pods
// stay Ready while every call fails; the cause is in the cluster's own members — which of them are
// gone, Pending with the scheduler's reason, and the node lost under them.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { NOW, baseEvidence, container, event, minutesAgo, node, pod, unscheduledPod, withCondition } from '../scenarios/builders.js';

const DOWN = '{"level":50,"err":{"type":"ReplyError","message":"CLUSTERDOWN The cluster is down"},"msg":"session lookup failed"}';
const ENV = [{ name: 'REDIS_CLUSTER_NODES', value: 'sessions-redis.cache.svc.cluster.local:6379' }];
const LOST = 'ip-10-0-9-77.eu-west-1.compute.internal';
const PENDING = "0/5 nodes are available: 2 node(s) had volume node affinity conflict, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.";

function member(i: number, o: { pending?: boolean } = {}) {
  const name = `sessions-redis-${i}`;
  const labels = { app: 'sessions-redis' };
  return o.pending ? unscheduledPod(i, PENDING, 14, { name, labels }) : pod(i, { name, labels, containers: [container({ name: 'redis' })] });
}

const nodeEvent = (reason: string, message: string, ago: number) =>
  event({ object: { kind: 'Node', name: LOST }, type: 'Normal', reason, message, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'node-controller' });

function members(over: Partial<DependencyMembersEvidence> = {}): DependencyMembersEvidence {
  return {
    namespace: 'cache',
    service: 'sessions-redis',
    pods: [member(0), member(1), member(2, { pending: true }), member(3), member(4), member(5, { pending: true })],
    nodeLosses: [
      nodeEvent('SpotInterruption', 'Spot Interruption notice for instance i-0abc was sent', 16),
      nodeEvent('NodeNotReady', `Node ${LOST} status is now: NodeNotReady`, 13),
      nodeEvent('RemovingNode', `Node ${LOST} event: Removing Node ${LOST} from Controller`, 12.9),
    ],
    ...over,
  };
}

/** Three ready pods of the workload; `lines` is the log of the first `logged` of them. */
function scenario(lines: readonly string[], dependencyMembers?: DependencyMembersEvidence[], logged = 3) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, logged).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('a Redis Cluster that answers CLUSTERDOWN', () => {
  it('is followed to its Service, wherever its address env var is named', () => {
    expect(pickClusterDownService(scenario([DOWN, DOWN]))).toEqual({ namespace: 'cache', name: 'sessions-redis' });
    expect(pickClusterDownService(scenario([DOWN], undefined, 1))).toBeUndefined();
    expect(pickClusterDownService(scenario(['GET /v1/session 200', 'GET /v1/session 200']))).toBeUndefined();
  });

  it('names the cluster, its Pending members with the scheduler\'s reason and the node lost under them', () => {
    const ev = scenario([DOWN, DOWN, DOWN], [members()]);
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^Redis Cluster sessions-redis is down \(CLUSTERDOWN\)/);
    expect(f?.title).toMatch(/sessions-redis-2 and sessions-redis-5 Pending/);
    expect(f?.title).toContain(LOST);
    expect(f?.title).toMatch(/volume node affinity conflict/);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toMatch(/hash slots?/);
    expect(f?.likelyCause).toMatch(/no replica/);
    expect(f?.evidence.join('\n')).toMatch(/SpotInterruption/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    expect(f?.nextAction).toMatch(/sessions-redis-2/);
    // Every pod with the cluster's address is its client, not only those whose logs were read.
    const one = analyzeDependencyClusterDown(scenario([DOWN, DOWN], [members()], 1))[0];
    expect(one?.affected?.pods).toHaveLength(3);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Redis Cluster sessions-redis is down/);
    expect(report.headline).toContain(LOST);
  });

  it('does not name a node whose loss is hours away from the members\' re-creation', () => {
    const old = members({ nodeLosses: [nodeEvent('RemovingNode', `Node ${LOST} event: Removing Node ${LOST} from Controller`, 300)] });
    const [f] = analyzeDependencyClusterDown(scenario([DOWN, DOWN], [old]));
    expect(f?.title).not.toContain(LOST);
    expect(f?.title).toMatch(/sessions-redis-2 and sessions-redis-5 Pending/);
  });

  it('says the members are up when they are, and asks for the cluster\'s own state', () => {
    const up = members({ pods: [0, 1, 2, 3, 4, 5].map((i) => member(i)), nodeLosses: [] });
    const [f] = analyzeDependencyClusterDown(scenario([DOWN, DOWN], [up]));
    expect(f?.title).toMatch(/all 6 of its pods are Running and ready/);
    expect(f?.confidence).toBe('medium');
    expect(f?.nextAction).toMatch(/cluster info|cluster nodes/);
  });

  it('without its pods read, still names the cluster but lowers confidence and asks to look at them', () => {
    const [f] = analyzeDependencyClusterDown(scenario([DOWN, DOWN]));
    expect(f?.title).toMatch(/^Redis Cluster sessions-redis is down \(CLUSTERDOWN\)/);
    expect(f?.title).toMatch(/its pods were not read/);
    expect(f?.confidence).toBe('medium');
    expect(f?.nextAction).toMatch(/get pods/);
  });

  it('takes one CLUSTERDOWN line for noise', () => {
    expect(analyzeDependencyClusterDown(scenario([DOWN], [members()], 1))).toEqual([]);
  });
});

describe('an Elasticsearch cluster with no master', () => {
  const NO_MASTER = '2026-11-21T03:12:44.118Z ERROR 1 --- [nio-8080-exec-2] c.a.search.IndexWriter : bulk index failed: co.elastic.clients.elasticsearch._types.ElasticsearchException: [es/bulk] failed: [master_not_discovered_exception] null';
  const esEnv = [{ name: 'ELASTICSEARCH_URL', value: 'http://catalog-es.search.svc.cluster.local:9200' }];

  it('is named the same way, with its own word and check, from the client\'s ELASTICSEARCH_URL', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: esEnv })] }));
    const esMember = (i: number, pending: boolean) => {
      const name = `catalog-es-master-${i}`;
      const labels = { app: 'catalog-es' };
      return pending ? unscheduledPod(10 + i, PENDING, 14, { name, labels }) : pod(10 + i, { name, labels, containers: [container({ name: 'elasticsearch' })] });
    };
    const ev = baseEvidence({
      pods,
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [NO_MASTER, NO_MASTER] })),
      dependencyMembers: [{ namespace: 'search', service: 'catalog-es', pods: [esMember(0, false), esMember(1, true), esMember(2, true)], nodeLosses: [] }],
    });
    expect(pickClusterDownService(ev)).toEqual({ namespace: 'search', name: 'catalog-es' });
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^Elasticsearch cluster catalog-es is down \(no master\)/);
    expect(f?.title).toMatch(/catalog-es-master-1 and catalog-es-master-2 Pending/);
    expect(f?.likelyCause).toMatch(/quorum of its master-eligible nodes/);
    expect(f?.nextAction).toMatch(/_cluster\/health|catalog-es-master-1/);
  });
});

describe('a Kafka cluster with fewer brokers up than the replication factor of the topics its clients create', () => {
  const SHORT = 'Caused by: org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 2.';
  const kafkaEnv = [{ name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'events-kafka.streams.svc.cluster.local:9092' }];

  it('names the brokers available against the replication factor and the broker that is down, with no rollback', () => {
    const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: kafkaEnv })] }));
    const broker = (i: number) => pod(10 + i, { name: `events-kafka-${i}`, labels: { app: 'events-kafka' }, ready: i !== 2, containers: [container({ name: 'kafka', ready: i !== 2 })] });
    const ev = baseEvidence({
      pods,
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [SHORT, SHORT] })),
    });
    expect(pickClusterDownService(ev)).toEqual({ namespace: 'streams', name: 'events-kafka' });
    ev.dependencyMembers = [{ namespace: 'streams', service: 'events-kafka', pods: [broker(0), broker(1), broker(2)], nodeLosses: [] }];
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^Kafka cluster events-kafka has 2 brokers available, fewer than the replication factor 3/);
    expect(f?.title).toContain('events-kafka-2');
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
  });
});

describe('Kafka consumers whose group coordinator is down (its __consumer_offsets partition has no other replica)', () => {
  const env = [{ name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'events-kafka.streams.svc.cluster.local:9092' }];
  const tag = '[Consumer clientId=consumer-audit-sink-1, groupId=audit-sink]';
  const host = 'events-kafka-1.events-kafka-headless.streams.svc.cluster.local:9092';
  const lost = `INFO o.a.k.c.c.internals.ConsumerCoordinator : ${tag} Group coordinator ${host} (id: 2147483646 rack: null) is unavailable or invalid due to cause: coordinator unavailable. isDisconnected: true. Rediscovery will be attempted.`;
  const lookup = `INFO o.a.k.c.c.internals.ConsumerCoordinator : ${tag} Group coordinator lookup failed: The coordinator is not available.`;
  const commit = `WARN o.a.k.c.c.internals.ConsumerCoordinator : ${tag} Offset commit failed on partition audit.events-0 at offset 7731: The coordinator is not available.`;
  const found = `INFO o.a.k.c.c.internals.ConsumerCoordinator : ${tag} Discovered group coordinator events-kafka-0.events-kafka-headless.streams.svc.cluster.local:9092 (id: 2147483647 rack: null)`;
  const DEAD = 'ip-10-0-33-91.eu-west-1.compute.internal';
  const consumers = (lines: readonly string[]) => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
    return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })) });
  };
  const broker = (i: number) => pod(10 + i, {
    name: `events-kafka-${i}`, labels: { app: 'events-kafka' }, ready: i !== 1, containers: [container({ name: 'kafka', ready: i !== 1 })],
    ...(i === 1 ? { nodeName: DEAD, deletionTimestamp: minutesAgo(30) } : {}),
  });
  const deadNode = withCondition(node(DEAD), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 36);

  it('is followed to the brokers, with the offsets topic\'s replication factor asked of their config', () => {
    expect(pickClusterDownService(consumers([lost, lookup, commit, lookup]))).toEqual({ namespace: 'streams', name: 'events-kafka', settings: ['offsets.topic.replication.factor'] });
  });

  it('is not a coordinator that moved: the consumers found the new one after losing the old', () => {
    expect(pickClusterDownService(consumers([lost, commit, found, 'INFO Successfully joined group with generation Generation{generationId=12}']))).toBeUndefined();
  });

  it('names the broker that held the coordinator, the node under it, and the single-replica offsets topic', () => {
    const ev = consumers([lost, lookup, commit, lookup]);
    ev.dependencyMembers = [{
      namespace: 'streams', service: 'events-kafka', pods: [broker(0), broker(1), broker(2)], nodeLosses: [], nodes: [deadNode],
      config: [{ configMap: 'events-kafka-config', key: 'server.properties', setting: 'offsets.topic.replication.factor', value: '1' }],
    }];
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^Kafka cluster events-kafka has no coordinator for its clients' consumer group/);
    expect(f?.title).toMatch(/__consumer_offsets/);
    expect(f?.title).toMatch(/offsets\.topic\.replication\.factor 1/);
    expect(f?.title).toMatch(new RegExp(`events-kafka-1 Terminating on node ${DEAD}, not Ready \\(Unknown\\)`));
    expect(f?.nextAction).toMatch(/force-delete events-kafka-1/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toContain(DEAD);
  });
});

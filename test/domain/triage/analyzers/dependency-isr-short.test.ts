// Kafka producers refused with NOT_ENOUGH_REPLICAS: the partition's ISR is smaller than
// min.insync.replicas because brokers are down (one Pending on a volume node affinity conflict, one
// crash-looping on a full disk). The producer logs the code at WARN while it retries; the client
// pods stay Ready. The bootstrap address is kept in a ConfigMap the client takes whole (envFrom).
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { findClusterDown, pickClusterDownConfigMaps } from '../../../../src/domain/triage/cluster-down.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { findServerAddressIn } from '../../../../src/domain/triage/server-address.js';
import { findRefusedTopics, findTopicReplication } from '../../../../src/domain/triage/topic-replication.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, crashLooping, minutesAgo, pod } from '../scenarios/builders.js';

const RETRY = '2026-11-21T03:13:24.000Z  WARN 1 --- [ledger] [ad | producer-1] o.a.k.c.p.internals.Sender : [Producer clientId=producer-1] Got error produce response with correlation id 48213 on topic-partition payments.ledger-3, retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS';
const EXCEPTION = 'org.apache.kafka.common.errors.NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.';
const CONFLICT = '0/4 nodes are available: 4 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
const FULL = [
  '[2026-11-21 03:11:02,118] ERROR Error while writing to checkpoint file /var/lib/kafka/data/payments.ledger-4/leader-epoch-checkpoint (org.apache.kafka.storage.internals.log.LogDirFailureChannel)',
  'java.io.IOException: No space left on device',
  '\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)',
  '[2026-11-21 03:11:04,502] ERROR Shutdown broker because all log dirs in /var/lib/kafka/data have failed (kafka.log.LogManager)',
];

function broker(i: number, o: { pending?: boolean; crashing?: boolean } = {}) {
  return pod(i, {
    name: `bus-${i}`,
    labels: { app: 'bus' },
    ...(o.pending
      ? { nodeName: undefined, phase: 'Pending' as const, ready: false, createdAt: minutesAgo(47), conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: CONFLICT, lastTransitionTime: minutesAgo(47) }], containers: [container({ name: 'kafka', state: { waiting: { reason: 'ContainerCreating' } }, ready: false })] }
      : {}),
    ...(o.crashing ? { ready: false, containers: [crashLooping(`bus-${i}`, { terminated: { exitCode: 1, reason: 'Error', finishedAt: minutesAgo(2) } }, 7, { name: 'kafka' })] } : {}),
  });
}

function members(over: Partial<DependencyMembersEvidence> = {}): DependencyMembersEvidence {
  return {
    namespace: 'streaming',
    service: 'bus-headless',
    pods: [broker(0), broker(1, { crashing: true }), broker(2, { pending: true })],
    nodeLosses: [],
    logs: [{ pod: 'bus-1', container: 'kafka', previous: true, lines: FULL }],
    address: { env: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', host: 'bus-0.bus-headless.streaming.svc.cluster.local', configMap: 'writer-config' },
    ...over,
  };
}

function scenario(dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'writer-config' }, { kind: 'secret', name: 'writer-secret' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [RETRY, EXCEPTION, RETRY] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('Kafka producers refused for too few in-sync replicas', () => {
  it('counts the producer\'s NOT_ENOUGH_REPLICAS retry as an error line, though logged at WARN', () => {
    expect(isErrorLine(RETRY)).toBe(true);
    expect(isErrorLine('2026-11-21T03:13:24.000Z  WARN 1 --- [x] Sender : Got error produce response, retrying. Error: NOT_LEADER_OR_FOLLOWER')).toBe(false);
  });

  it('asks for the ConfigMaps the client takes whole when nothing else names the cluster, never a Secret', () => {
    expect(pickClusterDownConfigMaps(scenario())).toEqual({ server: 'Kafka', configMaps: ['writer-config'], topics: ['payments.ledger'] });
    expect(findServerAddressIn({ SPRING_KAFKA_BOOTSTRAP_SERVERS: 'bus-0.bus-headless.streaming.svc.cluster.local:9092,bus-1.bus-headless.streaming.svc.cluster.local:9092', LEDGER_TOPIC: 'payments.ledger' }, 'Kafka'))
      .toEqual({ env: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', host: 'bus-0.bus-headless.streaming.svc.cluster.local' });
  });

  it('follows the address read from that ConfigMap to the members read with it', () => {
    expect(findClusterDown(scenario([members()]))?.service).toEqual({ name: 'bus-headless', namespace: 'streaming' });
  });

  it('names the ISR lost and each down broker with its own reason', () => {
    const [f] = analyzeDependencyClusterDown(scenario([members()]));
    expect(f?.title).toMatch(/^Kafka cluster bus-headless has too few in-sync replicas \(NOT_ENOUGH_REPLICAS\)/);
    expect(f?.title).toMatch(/bus-1 crash-looping \(exit 1\): (IOException: No space left on device|Shutdown broker because all log dirs)/);
    expect(f?.title).toMatch(/bus-2 Pending[^;]*volume node affinity conflict/);
    expect(f?.likelyCause).toMatch(/min\.insync\.replicas/);
    expect(f?.evidence.join('\n')).toMatch(/SPRING_KAFKA_BOOTSTRAP_SERVERS=bus-0\.bus-headless/);
    expect(f?.nextAction).toMatch(/fix what stops bus-1 at every start/i);
  });

  it('reads the ISR and min.isr from a broker\'s own refusal', () => {
    const broker0 = 'org.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR Set(0) is insufficient to satisfy the min.isr requirement of 2 for partition payments.ledger-0';
    const ev = scenario([members()]);
    const [f] = analyzeDependencyClusterDown({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [RETRY, broker0] })) });
    expect(f?.title).toMatch(/NOT_ENOUGH_REPLICAS; ISR Set\(0\) against min\.insync\.replicas 2/);
  });

  it('puts the short ISR and the down brokers in the headline, and never blames the client', () => {
    const report = buildTriageReport(scenario([members()]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/in-sync replicas/);
    expect(report.headline).toMatch(/bus-1/);
    expect(report.headline).toMatch(/bus-2/);
    expect(report.headline).not.toMatch(/payment-service[^\n]*(crash|restart)/i);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });
});

describe('a topic whose replication factor leaves no replica to spare', () => {
  const yaml = ['topics:', '  - name: payments.audit', '    replicationFactor: 3', '  - name: payments.ledger', '    partitions: 12', '    replicationFactor: 2', '    config:', '      min.insync.replicas: "2"'].join('\n');
  const script = 'kafka-topics.sh --create --if-not-exists --topic payments.ledger --partitions 12 --replication-factor 2\nkafka-topics.sh --create --topic payments.audit --replication-factor 3';

  it('reads the topics a refusal names and their replication from a topics file or a creation script', () => {
    expect(findRefusedTopics([RETRY, EXCEPTION])).toEqual(['payments.ledger']);
    expect(findTopicReplication('bus-topics', { 'topic-defs.yaml': yaml }, ['payments.ledger'])).toEqual([{ configMap: 'bus-topics', key: 'topic-defs.yaml', topic: 'payments.ledger', replicationFactor: 2, minInsyncReplicas: 2 }]);
    expect(findTopicReplication('bus-init', { 'create.sh': script }, ['payments.ledger', 'payments.audit']).map((t) => [t.topic, t.replicationFactor])).toEqual([['payments.ledger', 2], ['payments.audit', 3]]);
    expect(findTopicReplication('other', { 'app.properties': 'ledger.topic=payments.ledger\nretries=5' }, ['payments.ledger'])).toEqual([]);
  });

  it('says one broker down stops the writes of a topic whose replication factor equals min.insync.replicas, and to raise it', () => {
    const [f] = analyzeDependencyClusterDown(scenario([members({ topicReplication: findTopicReplication('bus-topics', { 'topic-defs.yaml': yaml }, ['payments.ledger']) })]));
    expect(f?.title).toMatch(/^Kafka cluster bus-headless has too few in-sync replicas \(NOT_ENOUGH_REPLICAS; topic payments\.ledger has replication factor 2, equal to min\.insync\.replicas 2, so one broker down stops its acks=all writes\)/);
    expect(f?.fix).toMatch(/then raise topic payments\.ledger's replication factor to 3/);
    expect(f?.evidence).toContain('ConfigMap bus-topics (topic-defs.yaml): topic payments.ledger replication factor 2, min.insync.replicas 2');
  });

  it('says nothing of a topic with a replica to spare', () => {
    const spare = [{ configMap: 'bus-topics', key: 'topic-defs.yaml', topic: 'payments.ledger', replicationFactor: 3, minInsyncReplicas: 2 }];
    const [f] = analyzeDependencyClusterDown(scenario([members({ topicReplication: spare })]));
    expect(f?.title).not.toMatch(/replication factor/);
    expect(f?.fix).not.toMatch(/replication factor/);
  });
});

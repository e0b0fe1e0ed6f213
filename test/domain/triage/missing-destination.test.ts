// A broker that answers but has no topic (or queue) by the name the client uses: the name, where
// the client takes it from, and whether Kafka brokers would have created it on first use.
import { describe, expect, it } from 'vitest';
import type { DependencyMembersEvidence } from '../../../src/domain/triage/evidence-dependency-members.js';
import { findAutoCreate, findMissingDestination, listBrokerConfigMaps, pickMissingDestinationServers } from '../../../src/domain/triage/missing-destination.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const META = (n: number) => `2026-11-21T03:1${n}:04.936Z  WARN 1 --- [order-service] [vice-producer-1] org.apache.kafka.clients.NetworkClient   : [Producer clientId=order-service-producer-1] Error while fetching metadata with correlation id 8${n}1 : {orders.v2=UNKNOWN_TOPIC_OR_PARTITION}`;
const SEND = 'org.apache.kafka.common.errors.TimeoutException: Topic orders.v2 not present in metadata after 60000 ms.';
const ENV = [
  { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.kafka.svc.cluster.local:9092,kafka-1.kafka-headless.kafka.svc.cluster.local:9092' },
  { name: 'ORDERS_TOPIC', value: 'orders.v2' },
];

function scenario(lines: readonly string[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })) });
}

function brokers(over: Partial<DependencyMembersEvidence> = {}): DependencyMembersEvidence {
  const volumes = [{ name: 'data', source: 'pvc' as const, ref: 'data-kafka-0' }, { name: 'kafka-config', source: 'configMap' as const, ref: 'kafka-configuration' }, { name: 'tls', source: 'secret' as const, ref: 'kafka-tls' }];
  return { namespace: 'kafka', service: 'kafka-headless', pods: [0, 1, 2].map((i) => pod(i, { name: `kafka-${i}`, labels: { app: 'kafka' }, volumes })), nodeLosses: [], ...over };
}

describe('findMissingDestination', () => {
  it('reads the broker\'s UNKNOWN_TOPIC_OR_PARTITION with the topic, the env var naming it and the producer\'s timeout as the quote', () => {
    const found = findMissingDestination(scenario([META(0), SEND, META(1), SEND]));
    expect(found).toMatchObject({ server: 'Kafka', kind: 'topic', name: 'orders.v2', answer: 'UNKNOWN_TOPIC_OR_PARTITION', count: 4, env: { name: 'ORDERS_TOPIC', container: 'app' } });
    expect(found?.quote).toBe('TimeoutException: Topic orders.v2 not present in metadata after 60000 ms.');
    expect(found?.since).toBe('2026-11-21T03:10:04.000Z');
  });

  it('needs the broker\'s own answer: a producer that reaches no broker also says "not present in metadata"', () => {
    expect(findMissingDestination(scenario([SEND, SEND, SEND]))).toBeUndefined();
    // One answer in all is a partition moving, not a missing topic.
    const one = scenario([META(0)]);
    expect(findMissingDestination({ ...one, logs: one.logs.slice(0, 1) })).toBeUndefined();
  });

  it('reads other clients\' words: the Java consumer\'s fetcher, librdkafka, RabbitMQ\'s NOT_FOUND', () => {
    const fetch = '[Consumer clientId=projector-0, groupId=projector] Received unknown topic or partition error in fetch for partition shipments.v3-4';
    expect(findMissingDestination(scenario([fetch]))).toMatchObject({ name: 'shipments.v3', count: 2, quote: 'Received unknown topic or partition error in fetch for partition shipments.v3-4' });
    expect(findMissingDestination(scenario(['%3|1732158784.123|ERROR|rdkafka#producer-1| [thrd:app]: Broker: Unknown topic or partition']))).toMatchObject({ server: 'Kafka', kind: 'topic' });
    const amqp = "Shutdown Signal: channel error; protocol method: #method<channel.close>(reply-code=404, reply-text=NOT_FOUND - no queue 'billing.invoices' in vhost '/', class-id=50, method-id=10)";
    expect(findMissingDestination(scenario([amqp]))).toMatchObject({ server: 'RabbitMQ', kind: 'queue', name: 'billing.invoices', answer: 'NOT_FOUND' });
  });
});

describe('the brokers of a missing Kafka topic', () => {
  it('are followed to the Service the client\'s bootstrap address names, only when a topic is missing', () => {
    expect(pickMissingDestinationServers(scenario([META(0), META(1)]))).toEqual({ name: 'kafka-headless', namespace: 'kafka' });
    expect(pickMissingDestinationServers(scenario([SEND, SEND]))).toBeUndefined();
  });

  it('say whether they create topics on first use: a mounted ConfigMap\'s setting, else their env', () => {
    expect(findAutoCreate(brokers({ config: [{ configMap: 'kafka-configuration', key: 'server.properties', setting: 'auto.create.topics.enable', value: 'false' }] }))).toEqual({ value: 'false', where: 'ConfigMap kafka/kafka-configuration (server.properties)' });
    const bitnami = brokers({ pods: [pod(0, { name: 'kafka-0', containers: [container({ env: [{ name: 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE', value: 'false' }] })] })] });
    expect(findAutoCreate(bitnami)).toEqual({ value: 'false', where: 'env KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE of kafka-0' });
    expect(findAutoCreate(brokers())).toBeUndefined();
  });

  it('have the ConfigMaps one of them mounts read, never a Secret, and none when their env says it already', () => {
    expect(listBrokerConfigMaps(brokers())).toEqual(['kafka-configuration']);
    const bitnami = brokers({ pods: [pod(0, { name: 'kafka-0', volumes: brokers().pods[0]?.volumes ?? [], containers: [container({ env: [{ name: 'KAFKA_AUTO_CREATE_TOPICS_ENABLE', value: 'false' }] })] })] });
    expect(listBrokerConfigMaps(bitnami)).toEqual([]);
  });
});

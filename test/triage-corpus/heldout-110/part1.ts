// Held-out stories, round 110, part one: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// (network) an order-publisher producing with acks=all to a topic created with replication factor 2
// and min.insync.replicas=2, while broker kafka-2 of the Kafka StatefulSet crash-loops because its
// data volume is full ("No space left on device", all log dirs failed), so every partition with a
// replica on broker 2 answers NOT_ENOUGH_REPLICAS — the producer did not change;
// (rollout) an invoice-publisher revision whose new Avro schema (a field without a default) the
// schema registry refuses with 409 "incompatible with an earlier schema", so every produce fails;
// (rollout) a quote-engine revision whose upstream base image changed its ENTRYPOINT to a launcher
// CLI, so the pod's unchanged args reach the launcher, which exits 1 on "unknown flag: --config";
// (containers) an inventory-api revision that releases a pooled Postgres client without ROLLBACK on
// one early-return path, leaving sessions "idle in transaction" holding row locks, so other requests
// fail with "canceling statement due to lock timeout" (55P03);
// (nodes, my choice) a node of a new node group whose launch template sets --max-pods=110 on an
// m5.large, whose VPC CNI can only hand out 29 pod IPs, so the HPA's two new recs-api pods sit in
// ContainerCreating on FailedCreatePodSandBox "failed to assign an IP address to container";
// (probes, my choice) a Spring Boot cart-api whose liveness probe is the aggregate /actuator/health,
// which includes the Elasticsearch health indicator of a non-critical audit OpenSearch domain that
// went red: the kubelet kills every pod again and again (exit 143) though the app itself is fine;
// and a healthy control: a Deployment rolled out ten minutes ago whose new pods failed readiness
// during warm-up and have all been ready since.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, epochMs, backOff, boundClaim, configMap, container, crashLoop, daemonSetApp, deploymentApp, event, exposed,
  hpa, httpProbe, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, waiting, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  WARN 1 --- [app] [thread] logger : msg`. */
const spring = (t: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40)} : ${msg}`;
/** Postgres' log_line_prefix '%m [%p] %q%u@%d ': `2026-11-21 03:12:41.563 UTC [48211] app@db `. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. Kafka broker down with RF 2 / min.insync.replicas 2: NOT_ENOUGH_REPLICAS ------------------

function kafkaNotEnoughReplicas(): CorpusScenario {
  const ns = 'orders';
  const kns = 'kafka';
  const { nodes, names } = threeEksNodes('10.0.96', ['12', '140', '229']);
  const kafkaImage = 'docker.io/bitnami/kafka:3.7.1-debian-12-r4';
  const kafkaTpl = {
    containers: [container({
      name: 'kafka', image: kafkaImage,
      ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }, { name: 'interbroker', containerPort: 9094 }],
      cpu: '1', memory: '4Gi',
      env: [{ name: 'KAFKA_HEAP_OPTS', value: '-Xmx2g -Xms2g' }, { name: 'KAFKA_CFG_LOG_DIRS', value: '/bitnami/kafka/data' }],
      readiness: tcpProbe('client', { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }),
      liveness: tcpProbe('controller', { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }, { name: 'kafka-config', mountPath: '/opt/bitnami/kafka/config/server.properties', subPath: 'server.properties' }],
    })],
    volumes: [{ name: 'kafka-config', configMap: { name: 'kafka-broker-config' } }],
  };
  const crashed = { exitCode: 1, finishedAgo: 3.9, ranSeconds: 41 };
  const kafka = statefulSetApp({
    namespace: kns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 33 * DAYS, template: kafkaTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 33 * DAYS - 3 },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 12 * DAYS, containers: { kafka: crashLoop(crashed, 12) } },
    ],
  });
  const [k0, k1, k2] = [podOf(kafka, 0), podOf(kafka, 1), podOf(kafka, 2)];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: kns, name: `data-kafka-${i}`, storage: '100Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 210 * DAYS, storageClass: 'gp3', labels: { app: 'kafka' } }));
  const brokerConfig = configMap({
    namespace: kns, name: 'kafka-broker-config', createdAgo: 210 * DAYS, updatedAgo: 33 * DAYS,
    data: {
      'server.properties': [
        'process.roles=broker,controller',
        'controller.quorum.voters=0@kafka-0.kafka-headless.kafka.svc.cluster.local:9093,1@kafka-1.kafka-headless.kafka.svc.cluster.local:9093,2@kafka-2.kafka-headless.kafka.svc.cluster.local:9093',
        'listeners=CLIENT://:9092,CONTROLLER://:9093,INTERBROKER://:9094',
        'log.dirs=/bitnami/kafka/data',
        'num.partitions=6',
        'default.replication.factor=3',
        'min.insync.replicas=2',
        'auto.create.topics.enable=false',
        'log.retention.hours=168',
        'log.retention.bytes=-1',
        'unclean.leader.election.enable=false',
      ].join('\n'),
    },
  });
  const topics = configMap({
    namespace: kns, name: 'kafka-topics', createdAgo: 140 * DAYS, updatedAgo: 9 * DAYS,
    data: {
      'topics.yaml': [
        '# applied by the kafka-topics-sync job (kafka-topics.sh --create --if-not-exists)',
        '- name: orders.created',
        '  partitions: 6',
        '  replicationFactor: 2',
        '  config: { min.insync.replicas: "2", retention.ms: "604800000" }',
        '- name: orders.cancelled',
        '  partitions: 3',
        '  replicationFactor: 3',
        '  config: { min.insync.replicas: "2" }',
        '- name: clickstream.raw',
        '  partitions: 24',
        '  replicationFactor: 3',
        '  config: { retention.ms: "1209600000", retention.bytes: "-1" }',
      ].join('\n'),
    },
  });
  const image = (v: string) => `${ECR}/orders/order-publisher:${v}`;
  const pubTpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.kafka.svc.cluster.local:9092,kafka-1.kafka-headless.kafka.svc.cluster.local:9092,kafka-2.kafka-headless.kafka.svc.cluster.local:9092' },
        { name: 'SPRING_KAFKA_PRODUCER_ACKS', value: 'all' },
        { name: 'SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE', value: 'true' },
        { name: 'ORDERS_TOPIC', value: 'orders.created' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'order-publisher', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, changeCause: 'argocd: order-publisher 5.2.0', template: pubTpl('5.2.0') },
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: order-publisher 5.2.1', template: pubTpl('5.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const other = bystander(ns, 'order-history', names, 3 * HOURS, { revisions: [40, 41], versions: ['2.8.0', '2.9.0'], olderAgo: 12 * DAYS });
  const pubLog = (k: number) => {
    const out: string[] = [
      spring(6 * DAYS - k - 0.5, 'INFO', 'order-publisher', 'main', 'c.a.orders.OrderPublisherApplication', 'Started OrderPublisherApplication in 14.2 seconds (process running for 15.1)'),
      spring(50 + k * 0.1, 'INFO', 'order-publisher', 'nio-8080-exec-4', 'c.a.orders.api.OrderController', 'POST /v1/orders 202 order=ord-7Q2K41 dur_ms=31'),
    ];
    for (let i = 0; i < 9; i++) {
      const t = 44 - i * 5 - k * 0.3;
      const part = [1, 4, 5][(i + k) % 3] ?? 1;
      out.push(spring(t, 'WARN', 'order-publisher', 'ad | producer-1', 'o.a.k.c.p.internals.Sender', `[Producer clientId=producer-1] Got error produce response with correlation id ${88213 + i * 517 + k * 31} on topic-partition orders.created-${part}, retrying (${2147483646 - i} attempts left). Error: NOT_ENOUGH_REPLICAS`));
      out.push(spring(t - 2, 'ERROR', 'order-publisher', 'ad | producer-1', 'o.s.k.support.LoggingProducerListener', `Exception thrown when sending a message with key='ord-${(9311 + i * 7 + k).toString(36).toUpperCase()}' and payload='OrderCreated(orderId=ord-${(9311 + i * 7 + k).toString(36).toUpperCase()}, ...)' to topic orders.created and partition ${part}:`));
      out.push('org.apache.kafka.common.errors.NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.');
      out.push(spring(t - 2.01, 'ERROR', 'order-publisher', 'nio-8080-exec-7', 'c.a.orders.api.OrderController', `POST /v1/orders 503 publish failed: NotEnoughReplicasException dur_ms=120004`));
      if (i % 3 === 1) out.push(spring(t - 2.5, 'INFO', 'order-publisher', 'nio-8080-exec-2', 'c.a.orders.api.OrderController', 'POST /v1/orders 202 order=ord-' + (7000 + i) + ' dur_ms=24'));
    }
    return lines(...out);
  };
  const k2Previous = lines(
    `[${pyTime(4.6)}] INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
    `[${pyTime(4.6)}] INFO [ControllerServer id=2] Starting controller (kafka.server.ControllerServer)`,
    `[${pyTime(4.5)}] INFO [BrokerServer id=2] Transition from SHUTDOWN to STARTING (kafka.server.BrokerServer)`,
    `[${pyTime(4.5)}] INFO Loading logs from log dirs ArraySeq(/bitnami/kafka/data) (kafka.log.LogManager)`,
    `[${pyTime(4.2)}] INFO [LogLoader partition=clickstream.raw-17, dir=/bitnami/kafka/data] Recovering unflushed segment 418842213. 0/1 recovered for clickstream.raw-17. (kafka.log.LogLoader)`,
    `[${pyTime(4.0)}] ERROR Error while writing to checkpoint file /bitnami/kafka/data/clickstream.raw-17/leader-epoch-checkpoint (kafka.server.LogDirFailureChannel)`,
    'java.io.IOException: No space left on device',
    '\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)',
    '\tat java.base/sun.nio.ch.FileChannelImpl.write(FileChannelImpl.java:285)',
    '\tat org.apache.kafka.server.common.CheckpointFile.write(CheckpointFile.java:85)',
    `[${pyTime(3.95)}] ERROR There was an error in one of the threads during logs loading: org.apache.kafka.common.errors.KafkaStorageException: Error while writing to checkpoint file /bitnami/kafka/data/clickstream.raw-17/leader-epoch-checkpoint (kafka.log.LogManager)`,
    `[${pyTime(3.95)}] ERROR Shutdown broker because all log dirs in /bitnami/kafka/data have failed (kafka.log.LogManager)`,
  );
  const leaderLog = (broker: number, t0: number) => lines(
    `[${pyTime(52)}] INFO [Partition orders.created-${broker === 0 ? 1 : 4} broker=${broker}] Shrinking ISR from ${broker},2 to ${broker}. Leader: (highWatermark: 48811230, endOffset: 48811236). Out of sync replicas: (brokerId: 2, endOffset: 48811230, lastCaughtUpTimeMs: ${epochMs(52.2)}). (kafka.cluster.Partition)`,
    `[${pyTime(51.5)}] WARN [Partition clickstream.raw-17 broker=${broker}] Shrinking ISR from ${broker},1,2 to ${broker},1 (kafka.cluster.Partition)`,
    ...[0, 1, 2, 3].map((i) => `[${pyTime(t0 - i * 9)}] ERROR [ReplicaManager broker=${broker}] Error processing append operation on partition orders.created-${broker === 0 ? [1, 5][i % 2] : 4} (kafka.server.ReplicaManager)\norg.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR Set(${broker}) is insufficient to satisfy the min.isr requirement of 2 for partition orders.created-${broker === 0 ? [1, 5][i % 2] : 4}`),
    `[${pyTime(0.8)}] INFO [GroupCoordinator ${broker}]: Member consumer-order-history-1-b3f1 in group order-history has left, removing it from the group (kafka.coordinator.group.GroupCoordinator)`,
  );
  return {
    id: 'heldout110-kafka-broker-down-not-enough-replicas',
    class: 'network',
    truth: 'Broker kafka-2 of the Kafka StatefulSet (namespace kafka) has been crash-looping for about 50 minutes: its 100Gi data volume filled up (clickstream.raw has retention.bytes -1), Kafka fails to write a checkpoint with "No space left on device", marks its only log dir failed and shuts down on every start. The topic orders.created was created with replication factor 2 and min.insync.replicas=2, so every partition with a replica on broker 2 has an ISR of one and rejects the order-publisher\'s acks=all writes with NOT_ENOUGH_REPLICAS; the producer (unchanged for six days) is the victim. Fix: free or grow kafka-2\'s volume so the broker rejoins, then give orders.created a replication factor of 3.',
    ask: { service: 'order-publisher', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, ...claims, brokerConfig, topics, ...app.objects, ...other.objects,
      service({ namespace: kns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }, { name: 'interbroker', port: 9094, targetPort: 'interbroker' }] }),
      ...exposed({ namespace: kns, name: 'kafka', selector: { app: 'kafka' }, pods: kafka.pods, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'order-publisher', selector: { app: 'order-publisher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: other.pods }),
      backOff(k2, 'kafka', { count: 187, firstAgo: 49, lastAgo: 0.4 }),
      ...restartedAgain(k2, 'kafka', kafkaImage, { count: 12, firstAgo: 50, lastAgo: 4.6 }),
      probeFailed(k2, 'kafka', 'Readiness', `dial tcp ${ipOfPod(k2)}:9092: connect: connection refused`, { count: 96, firstAgo: 50, lastAgo: 4.2 }),
      event({ on: k0, type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: dial tcp ${ipOfPod(k0)}:9092: i/o timeout`, firstAgo: 1 * DAYS + 200, lastAgo: 1 * DAYS + 200, fieldPath: 'spec.containers{kafka}' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
    ],
    logs: [
      logsFor(k2, 'kafka', { previous: k2Previous }),
      logsFor(k0, 'kafka', { current: leaderLog(0, 40) }),
      logsFor(k1, 'kafka', { current: leaderLog(1, 38) }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: pubLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-2|broker 2/i, /NOT_ENOUGH_REPLICAS|NotEnoughReplicas|in-?sync replicas|min\.?insync|min\.isr/i],
      facts: [/No space left on device|disk (is )?full|log dirs? .*failed/i, /min\.insync\.replicas|min\.isr|fewer in-sync|ISR/i, /replication ?factor|replicationFactor: 2|RF ?=? ?2/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /order-history/],
    },
  };
}

// ---- 2. schema registry refuses the new revision's Avro schema (409) --------------------------------

function schemaRegistryIncompatible(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['7', '118', '203']);
  const image = (v: string) => `${ECR}/billing/invoice-publisher:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.kafka.svc.cluster.local:9092' },
        { name: 'SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL', value: 'http://schema-registry.kafka.svc.cluster.local:8081' },
        { name: 'SPRING_KAFKA_PRODUCER_VALUE_SERIALIZER', value: 'io.confluent.kafka.serializers.KafkaAvroSerializer' },
        { name: 'SPRING_KAFKA_PRODUCER_PROPERTIES_AUTO_REGISTER_SCHEMAS', value: 'true' },
        { name: 'INVOICES_TOPIC', value: 'billing.invoices' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-publisher', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 11 * DAYS, changeCause: 'argocd: invoice-publisher 1.8.4', template: tpl('1.8.4') },
      { revision: 19, createdAgo: 27, changeCause: 'argocd: invoice-publisher 1.9.0', template: tpl('1.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 27 - k * 0.9 })),
    settled: { available: true, availableSince: 25, progressingSince: 27, progressingUpdatedAgo: 25 },
  });
  const regImage = 'docker.io/confluentinc/cp-schema-registry:7.6.1';
  const registry = deploymentApp({
    namespace: 'kafka', name: 'schema-registry', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 48 * DAYS, template: { containers: [container({ image: regImage, ports: [8081], memory: '1Gi', env: [{ name: 'SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL', value: 'BACKWARD' }, { name: 'SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS', value: 'PLAINTEXT://kafka.kafka.svc.cluster.local:9092' }], readiness: httpProbe('/subjects', 8081), liveness: httpProbe('/', 8081, { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 48 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const other = bystander(ns, 'invoice-pdf', names, 90, { revisions: [12, 13], versions: ['0.14.2', '0.15.0'], olderAgo: 30 * DAYS });
  const subject = 'billing.invoices-value';
  const detail = `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'taxRegion' at path '/fields/11' in the new schema has no default value and is missing in the old schema', additionalInfo:'taxRegion'}, {oldSchemaVersion: 7}, {oldSchema: '{"type":"record","name":"InvoiceIssued","namespace":"com.acme.billing.events","fields":[...]}'}, {validateFields: 'false', compatibility: 'BACKWARD'}]; error code: 409`;
  const appLog = (k: number) => {
    const out: string[] = [
      spring(26.5 - k * 0.9, 'INFO', 'invoice-publisher', 'main', 'c.a.b.InvoicePublisherApplication', 'Started InvoicePublisherApplication in 11.8 seconds (process running for 12.6)'),
      spring(26.4 - k * 0.9, 'INFO', 'invoice-publisher', 'main', 'o.a.k.clients.producer.ProducerConfig', 'ProducerConfig values: acks = -1, ... value.serializer = class io.confluent.kafka.serializers.KafkaAvroSerializer'),
    ];
    for (let i = 0; i < 10; i++) {
      const t = 25.8 - i * 2.4 - k * 0.2;
      const inv = `INV-2026-${String(418220 + i * 13 + k).padStart(7, '0')}`;
      out.push(spring(t, 'ERROR', 'invoice-publisher', 'nio-8080-exec-' + ((i % 9) + 1), 'c.a.b.events.InvoiceEventPublisher', `failed to publish InvoiceIssued for ${inv}`));
      out.push(`org.apache.kafka.common.errors.SerializationException: Error registering Avro schema{"type":"record","name":"InvoiceIssued","namespace":"com.acme.billing.events","fields":[{"name":"invoiceId","type":"string"},...,{"name":"taxRegion","type":"string"}]}`);
      out.push(`Caused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: ${detail}`);
      out.push('\tat io.confluent.kafka.schemaregistry.client.rest.RestService.sendHttpRequest(RestService.java:336)');
      out.push('\tat io.confluent.kafka.schemaregistry.client.rest.RestService.registerSchema(RestService.java:594)');
      out.push(spring(t - 0.01, 'WARN', 'invoice-publisher', 'nio-8080-exec-' + ((i % 9) + 1), 'c.a.b.api.InvoiceController', `POST /v1/invoices/${inv}/issue 500 dur_ms=${41 + i}`));
    }
    return lines(...out);
  };
  const regLog = lines(
    ...[0, 1, 2, 3, 4, 5].map((i) => `[${pyTime(25 - i * 4)}] INFO 10.0.${[31, 8, 44][i % 3]}.${[17, 203, 96][i % 3]} - - [${at(25 - i * 4).slice(8, 10)}/Nov/2026:${at(25 - i * 4).slice(11, 19)} +0000] "POST /subjects/${subject}/versions?normalize=false HTTP/1.1" 409 1187 "-" "Java/17.0.12" ${3 + i} (io.confluent.rest-utils.requests)`),
    `[${pyTime(2)}] INFO 10.0.12.88 - - [21/Nov/2026:${at(2).slice(11, 19)} +0000] "GET /subjects/billing.credit-notes-value/versions/latest HTTP/1.1" 200 2411 "-" "Java/17.0.12" 2 (io.confluent.rest-utils.requests)`,
  );
  return {
    id: 'heldout110-schema-registry-incompatible-avro-schema',
    class: 'rollout',
    truth: 'invoice-publisher revision 19 (1.9.0, rolled out 27 minutes ago) added a required field taxRegion (no default) to the InvoiceIssued Avro schema. With auto.register.schemas the serializer tries to register the new schema under billing.invoices-value on every send, and the schema registry (BACKWARD compatibility) refuses it with 409 "Schema being registered is incompatible with an earlier schema" (READER_FIELD_MISSING_DEFAULT_VALUE), so every publish fails and POST /issue answers 500. The registry and Kafka are healthy. Fix: roll back to revision 18, then give taxRegion a default before re-releasing.',
    ask: { service: 'invoice-publisher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...registry.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-publisher', selector: { app: 'invoice-publisher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      ...exposed({ namespace: 'kafka', name: 'schema-registry', selector: { app: 'schema-registry' }, pods: registry.pods, ports: [{ name: 'http', port: 8081, targetPort: 'http' }], endpointPort: 8081 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 3, 26.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 25.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 2, 25),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('1.9.0'), 27 - k * 0.9)),
      probeFailed(podOf(app, 0), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 0))}:8080/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 0))}:8080: connect: connection refused`, { count: 1, firstAgo: 26.8, lastAgo: 26.8 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 90),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(registry, 0), 'app', { current: regLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/revision 19|1\.9\.0/i, /incompatible|409|schema/i],
      facts: [/incompatible with an earlier schema|READER_FIELD_MISSING_DEFAULT_VALUE/i, /billing\.invoices-value|taxRegion/, /409/],
      never: [/schema-registry[^\n]*(down|unavailable|unreachable|crash)/i, /\bOOM/, /invoice-pdf/],
    },
  };
}

// ---- 3. base image bump changed ENTRYPOINT: args reach a launcher CLI ---------------------------------

function baseImageEntrypointChanged(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.160', ['21', '87', '250']);
  const image = (v: string) => `${ECR}/pricing/quote-engine:${v}`;
  const tpl = (v: string, base: string) => ({
    annotations: { 'acme.io/base-image': base },
    containers: [container({
      image: image(v), args: ['--config', '/etc/quote-engine/config.yaml', '--log-format', 'json'], ports: [8080], cpu: '300m', memory: '256Mi',
      env: [{ name: 'GOMAXPROCS', value: '2' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/quote-engine', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'quote-engine-config' } }],
  });
  const newPodAgo = 15.5;
  const app = deploymentApp({
    namespace: ns, name: 'quote-engine', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 7, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-engine 3.4.0', template: tpl('3.4.0', 'registry.acme.internal/base/go-runtime:1.9') },
      { revision: 8, createdAgo: 16, changeCause: 'argocd: quote-engine 3.4.1 (renovate: bump base/go-runtime 1.9 -> 2.0)', template: tpl('3.4.1', 'registry.acme.internal/base/go-runtime:2.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 8, node: names[1] ?? '', createdAgo: newPodAgo, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 0.1 }, 7) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cm = configMap({ namespace: ns, name: 'quote-engine-config', createdAgo: 80 * DAYS, updatedAgo: 9 * DAYS, data: { 'config.yaml': 'listen: ":8080"\nrates:\n  source: http://fx-rates.pricing.svc.cluster.local/v2\n  refresh: 30s\ncache:\n  size: 50000\n' } });
  const other = bystander(ns, 'fx-rates', names, 2 * HOURS, { revisions: [30, 31], versions: ['1.22.0', '1.22.1'], olderAgo: 20 * DAYS });
  const usage = lines(
    'Error: unknown flag: --config',
    'Usage:',
    '  svc-launcher [command]',
    '',
    'Available Commands:',
    '  completion  Generate the autocompletion script for the specified shell',
    '  help        Help about any command',
    '  run         Run a service binary under the platform supervisor',
    '  version     Print the launcher version',
    '',
    'Flags:',
    '  -h, --help   help for svc-launcher',
    '',
    'Use "svc-launcher [command] --help" for more information about a command.',
  );
  return {
    id: 'heldout110-base-image-entrypoint-changed',
    class: 'rollout',
    truth: 'quote-engine revision 8 (3.4.1, 16 minutes ago) only rebuilt the service on the platform base image go-runtime 2.0, whose ENTRYPOINT is now the svc-launcher CLI instead of the service binary. The pod spec\'s unchanged args (--config /etc/quote-engine/config.yaml …) are therefore passed to svc-launcher, which exits 1 with "Error: unknown flag: --config" at once; the new pod crash-loops and the rollout is stuck (maxUnavailable 0) with the three revision-7 pods serving. The ConfigMap is fine. Fix: roll back to revision 7, then set command to the service binary (or use "run") for the new base image.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 1, 0, 16),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 2 * HOURS),
      scheduled(fresh, newPodAgo),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.4.1')}"`, firstAgo: newPodAgo - 0.05, lastAgo: newPodAgo - 0.05, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.4.1')}" in 3.102s (3.102s including waiting). Image size: 31877410 bytes.`, firstAgo: newPodAgo - 0.1, lastAgo: newPodAgo - 0.1, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.4.1'), { count: 8, firstAgo: newPodAgo - 0.1, lastAgo: 1.3 }).filter((e) => e.reason !== 'Pulled'),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('3.4.1')}" already present on machine`, count: 7, firstAgo: newPodAgo - 0.3, lastAgo: 1.3, fieldPath: 'spec.containers{app}' }),
      backOff(fresh, 'app', { count: 68, firstAgo: newPodAgo - 0.2, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: usage, current: usage }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`{"time":"${at(9 * DAYS - k - 0.4)}","level":"INFO","msg":"quote-engine 3.4.0 starting","config":"/etc/quote-engine/config.yaml","addr":":8080"}`, `{"time":"${at(1.1 + k * 0.2)}","level":"INFO","msg":"POST /v1/quotes","status":200,"dur_ms":${9 + k}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unknown flag|--config|entry ?point|args/i],
      facts: [/revision 8|3\.4\.1/, /unknown flag: --config|svc-launcher/, /entry ?point|base image|go-runtime|command/i],
      never: [/\bOOM/, /quote-engine-config[^\n]*(missing|not found|invalid)/i, /fx-rates/],
    },
  };
}

// ---- 4. a code path leaves a transaction open: idle in transaction, lock timeouts ------------------

function idleInTransactionLocks(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.36', ['44', '171', '9']);
  const image = (v: string) => `${ECR}/warehouse/inventory-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '400m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PGHOST', value: 'inventory-db.warehouse.svc.cluster.local' },
        { name: 'PGDATABASE', value: 'inventory' },
        { name: 'PGUSER', value: 'inventory' },
        { name: 'PG_POOL_MAX', value: '10' },
        { name: 'PGOPTIONS', value: '-c lock_timeout=5s -c statement_timeout=15s' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'inventory-api', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: inventory-api 2.16.3', template: tpl('2.16.3') },
      { revision: 42, createdAgo: 38, changeCause: 'argocd: inventory-api 2.17.0', template: tpl('2.17.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 38 - k * 0.7 })),
    settled: { available: true, availableSince: 36, progressingSince: 38, progressingUpdatedAgo: 36 },
  });
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns, name: 'inventory-db', replicas: 1, createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, args: ['-c', 'log_lock_waits=on', '-c', 'deadlock_timeout=1s', '-c', "log_line_prefix=%m [%p] %q%u@%d "], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 10 }), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 70 * DAYS, containers: { postgres: running({ sinceAgo: 70 * DAYS, restarts: 1, last: { exitCode: 0, reason: 'Completed', finishedAgo: 70 * DAYS + 1, ranSeconds: 86400 } }) } }],
  });
  const dbPod = podOf(db, 0);
  const other = bystander(ns, 'pick-list-worker', names, 4 * HOURS, { revisions: [15, 16], versions: ['1.3.0', '1.3.1'], olderAgo: 25 * DAYS });
  const rid = (i: number, k: number) => `req-${(48213 + i * 97 + k * 13).toString(16)}`;
  const apiLog = (k: number) => {
    const out: string[] = [
      JSON.stringify({ level: 30, time: Date.parse(at(37.8 - k * 0.7)), pid: 1, hostname: nameOf(podOf(app, k)), msg: 'inventory-api 2.17.0 listening on :3000' }),
    ];
    for (let i = 0; i < 12; i++) {
      const t = 33 - i * 2.6 - k * 0.15;
      if (i % 4 === 0) out.push(JSON.stringify({ level: 40, time: Date.parse(at(t + 0.4)), pid: 1, reqId: rid(i + 100, k), msg: 'bulk reservation rejected', route: 'POST /v2/reservations/bulk', reason: 'sku_not_in_warehouse', sku: `SKU-${40113 + i}`, status: 409, responseTime: 18 }));
      out.push(JSON.stringify({ level: 50, time: Date.parse(at(t)), pid: 1, reqId: rid(i, k), route: 'POST /v2/reservations', msg: 'reservation failed', err: { type: 'DatabaseError', message: 'canceling statement due to lock timeout', code: '55P03', severity: 'ERROR', where: 'while updating tuple (1824,17) in relation "stock_levels"', stack: 'error: canceling statement due to lock timeout\n    at /app/node_modules/pg/lib/client.js:535:17\n    at async ReservationRepo.reserve (/app/dist/repo/reservations.js:71:9)' }, status: 500, responseTime: 5012 + i }));
      if (i % 3 === 2) out.push(JSON.stringify({ level: 50, time: Date.parse(at(t - 0.2)), pid: 1, reqId: rid(i + 200, k), route: 'PATCH /v2/stock/:sku', msg: 'stock adjustment failed', err: { type: 'DatabaseError', message: 'canceling statement due to lock timeout', code: '55P03' }, status: 500, responseTime: 5007 }));
      out.push(JSON.stringify({ level: 30, time: Date.parse(at(t - 0.3)), pid: 1, reqId: rid(i + 300, k), msg: 'request completed', route: 'GET /v2/stock/:sku', status: 200, responseTime: 7 }));
    }
    return lines(...out);
  };
  const pgLog = (() => {
    const out: string[] = [
      `${pgTime(70 * DAYS)} [1] LOG:  database system is ready to accept connections`,
      `${pgTime(2 * DAYS)} [201877] LOG:  checkpoint complete: wrote 4811 buffers (3.7%); 0 WAL file(s) added, 0 removed, 3 recycled; write=269.812 s, sync=0.011 s, total=269.871 s`,
    ];
    const holders = [47790, 47791, 47802, 47822];
    for (let i = 0; i < 10; i++) {
      const t = 33 - i * 3 - 0.08;
      const pid = 48211 + i * 37;
      const holder = holders[Math.min(3, Math.floor(i / 3))] ?? 47790;
      const xid = 9182734 + Math.min(3, Math.floor(i / 3)) * 211;
      out.push(`${pgTime(t + 0.07)} [${pid}] inventory@inventory LOG:  process ${pid} still waiting for ShareLock on transaction ${xid} after 1000.0${40 + i} ms`);
      out.push(`${pgTime(t + 0.07)} [${pid}] inventory@inventory DETAIL:  Process holding the lock: ${holder}. Wait queue: ${pid}.`);
      out.push(`${pgTime(t + 0.07)} [${pid}] inventory@inventory CONTEXT:  while updating tuple (1824,17) in relation "stock_levels"`);
      out.push(`${pgTime(t + 0.07)} [${pid}] inventory@inventory STATEMENT:  UPDATE stock_levels SET reserved = reserved + $1, updated_at = now() WHERE sku = $2 AND warehouse_id = $3`);
      out.push(`${pgTime(t)} [${pid}] inventory@inventory ERROR:  canceling statement due to lock timeout`);
      out.push(`${pgTime(t)} [${pid}] inventory@inventory CONTEXT:  while updating tuple (1824,17) in relation "stock_levels"`);
      out.push(`${pgTime(t)} [${pid}] inventory@inventory STATEMENT:  UPDATE stock_levels SET reserved = reserved + $1, updated_at = now() WHERE sku = $2 AND warehouse_id = $3`);
    }
    for (const [i, holder] of holders.entries()) {
      const t = 35 - i * 8;
      out.push(`${pgTime(t)} [${holder}] inventory@inventory WARNING:  there is already a transaction in progress`);
      out.push(`${pgTime(t)} [${holder}] inventory@inventory STATEMENT:  BEGIN`);
    }
    out.push(`${pgTime(4)} [49102] postgres@inventory LOG:  statement: SELECT pid, state, xact_start, left(query, 60) FROM pg_stat_activity WHERE state = 'idle in transaction'`);
    return lines(...out);
  })();
  const dbSvc = [service({ namespace: ns, name: 'inventory-db', selector: { app: 'inventory-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] })];
  const dbSlice = endpointSliceFor(dbSvc[0] as k8s.V1Service, db.pods, 5432);
  const claims = boundClaim({ namespace: ns, name: 'data-inventory-db-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS, storageClass: 'gp3' });
  return {
    id: 'heldout110-idle-in-transaction-lock-timeouts',
    class: 'containers',
    truth: 'inventory-api revision 42 (2.17.0, 38 minutes ago) added an early return on the bulk-reservation path that releases its pooled pg client after BEGIN and SELECT … FOR UPDATE without COMMIT or ROLLBACK. Those Postgres sessions stay "idle in transaction" holding row locks on stock_levels, so the other requests that update the same rows wait 5 s (lock_timeout) and fail with "canceling statement due to lock timeout" (55P03, HTTP 500). The database itself is healthy. Fix: roll back to revision 41 (and terminate the idle-in-transaction backends), then release the client with ROLLBACK on every path and set idle_in_transaction_session_timeout.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...claims, ...other.objects, ...dbSvc, dbSlice,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'pick-list-worker', selector: { app: 'pick-list-worker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 2, 3, 37.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 3, 2, 36.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 1, 36),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 16), 2, 0, 4 * HOURS),
      probeFailed(podOf(app, 1), 'app', 'Liveness', `Get "http://${ipOfPod(podOf(app, 1))}:3000/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 12, lastAgo: 12 }),
      event({ on: dbPod, reason: 'Unhealthy', message: 'Readiness probe failed: /var/run/postgresql:5432 - no response', firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(dbPod, 'postgres', { current: pgLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lock[_ ]timeout|55P03|idle in transaction|lock/i, /revision 42|2\.17\.0/],
      facts: [/canceling statement due to lock timeout|55P03/, /idle in transaction|holding the lock|open transaction|transaction (left )?open/i, /stock_levels|FOR UPDATE|row lock/i],
      never: [/inventory-db[^\n]*\b(is down|crash|disk full|unreachable)/i, /\bOOM/, /pick-list-worker/],
    },
  };
}

// ---- 5. (nodes) max-pods 110 on an m5.large: the VPC CNI runs out of pod IPs ------------------------

function cniOutOfPodIps(): CorpusScenario {
  const ns = 'personalization';
  const { nodes, names } = threeEksNodes('10.0.120', ['33', '164', '5']);
  const newNodeName = eksNodeName('10.0.141.9');
  const newNode = node({ name: newNodeName, zone: 'eu-west-1b', instanceType: 'm5.large', pool: 'general-v2', createdAgo: 3 * HOURS + 10, allocatable: { cpu: '1930m', 'ephemeral-storage': '76224326324', memory: '7291852Ki', pods: '110' }, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0c7a4976cb6a1d2f3', 'acme.io/launch-template': 'general-v2-lt:4' } });
  if (newNode.status?.capacity) newNode.status.capacity = { cpu: '2', 'ephemeral-storage': '83873772Ki', memory: '7934412Ki', pods: '110' };
  const image = (v: string) => `${ECR}/personalization/recs-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '250m', memory: '384Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const stuckAgo = 19;
  const app = deploymentApp({
    namespace: ns, name: 'recs-api', replicas: 6,
    revisions: [
      { revision: 22, createdAgo: 20 * DAYS, changeCause: 'argocd: recs-api 7.0.2', template: tpl('7.0.2') },
      { revision: 23, createdAgo: 6 * DAYS, changeCause: 'argocd: recs-api 7.1.0', template: tpl('7.1.0') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 23, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 23, node: newNodeName, createdAgo: stuckAgo, containers: { app: waiting('ContainerCreating') } },
      { revision: 23, node: newNodeName, createdAgo: stuckAgo, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const stuck = [podOf(app, 4), podOf(app, 5)];
  const awsNodeImage = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.5-eksbuild.1';
  const allNodes = [...names, newNodeName];
  const awsNode = daemonSetApp({
    namespace: 'kube-system', name: 'aws-node',
    revisions: [{ revision: 9, createdAgo: 24 * DAYS, template: { containers: [container({ name: 'aws-node', image: awsNodeImage, ports: [{ name: 'metrics', containerPort: 61678 }], cpu: '25m', memory: '128Mi', memoryLimit: null, readiness: execProbe(['/app/grpc-health-probe', '-addr=:50051', '-connect-timeout=5s', '-rpc-timeout=5s'], { timeoutSeconds: 10 }), liveness: execProbe(['/app/grpc-health-probe', '-addr=:50051', '-connect-timeout=5s', '-rpc-timeout=5s'], { initialDelaySeconds: 60, timeoutSeconds: 10 }), env: [{ name: 'ENABLE_PREFIX_DELEGATION', value: 'false' }, { name: 'WARM_ENI_TARGET', value: '1' }] })] } }],
    pods: allNodes.map((n, i) => ({ revision: 9, node: n, createdAgo: i === 3 ? 3 * HOURS + 8 : 24 * DAYS - i })),
  });
  const h = hpa({ namespace: ns, name: 'recs-api', target: { kind: 'Deployment', name: 'recs-api' }, min: 4, max: 12, current: 6, desired: 6, cpu: { current: 81, target: 70, averageValue: '203m' }, lastScaleAgo: stuckAgo });
  const other = bystander(ns, 'feature-store-sync', names, 5 * HOURS, { revisions: [8, 9], versions: ['0.9.1', '0.9.2'], olderAgo: 40 * DAYS });
  const sandboxMsg = (i: number) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${(i === 0 ? '4f1c9b2e7d' : '9a03e6c1b8').repeat(6).slice(0, 64)}": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container`;
  return {
    id: 'heldout110-vpc-cni-out-of-pod-ips-max-pods',
    class: 'nodes',
    truth: `The node ${newNodeName} of the new node group general-v2 is an m5.large whose launch template sets --max-pods=110, but without prefix delegation the VPC CNI can give an m5.large only 29 pod IPs. The scheduler sees free pod slots and puts pods there; the two recs-api pods the HPA added 19 minutes ago sit in ContainerCreating with FailedCreatePodSandBox "failed to assign an IP address to container" while the four pods on the other nodes serve. recs-api itself is fine. Fix: cordon the node and set max-pods from the ENI limit (or enable prefix delegation) in the launch template.`,
    ask: { service: 'recs-api', namespace: ns },
    objects: [
      ...nodes, newNode, ...app.objects, ...awsNode.objects, h, ...other.objects,
      ...exposed({ namespace: ns, name: 'recs-api', selector: { app: 'recs-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'feature-store-sync', selector: { app: 'feature-store-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 6, 4, stuckAgo),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'recs-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: stuckAgo, lastAgo: stuckAgo, component: 'horizontal-pod-autoscaler' }),
      ...stuck.flatMap((p, i) => [
        scheduled(p, stuckAgo - 0.02),
        event({ on: p, reason: 'FailedCreatePodSandBox', message: sandboxMsg(i), count: 83 - i * 4, firstAgo: stuckAgo - 0.05, lastAgo: 0.2 + i * 0.1 }),
      ]),
      event({ on: { kind: 'Node', name: newNodeName }, type: 'Normal', reason: 'NodeReady', message: `Node ${newNodeName} status is now: NodeReady`, firstAgo: 3 * HOURS + 8, lastAgo: 3 * HOURS + 8 }),
      event({ on: podOf(app, 2), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 2))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 9 * HOURS, lastAgo: 9 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 5 * HOURS),
    ],
    logs: [
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`{"ts":"${at(6 * DAYS - k - 0.4)}","level":"info","msg":"recs-api 7.1.0 serving on :8080"}`, `{"ts":"${at(0.5 + k * 0.1)}","level":"info","msg":"GET /v1/recommendations","status":200,"latency_ms":${48 + k * 5},"model":"two-tower-2026-11-18"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit('ip-10-0-141-9'), /IP address|pod IPs?|\bIPs?\b|aws-cni|max-?pods|sandbox/i],
      facts: [/FailedCreatePodSandBox|failed to assign an IP address/i, /110|max-?pods|m5\.large/i],
      never: [/Insufficient (cpu|memory)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. (probes) liveness on the aggregate /actuator/health includes a non-critical Elasticsearch ---

function livenessChecksDependency(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.200', ['14', '96', '180']);
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const es = 'https://vpc-audit-logs-x7k2qf4m3n.eu-west-1.es.amazonaws.com:443';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_ELASTICSEARCH_URIS', value: es },
        { name: 'AUDIT_INDEX', value: 'cart-audit' },
        { name: 'SPRING_DATA_REDIS_HOST', value: 'cart-redis.shop.svc.cluster.local' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health', 8080, { initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
    })],
  });
  const finished = [6.6, 4.6, 5.9, 3.2];
  const last = (k: number) => ({ exitCode: 143, finishedAgo: finished[k] ?? 1, ranSeconds: 93 });
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 4,
    revisions: [
      { revision: 55, createdAgo: 16 * DAYS, changeCause: 'argocd: cart-api 12.3.0', template: tpl('12.3.0') },
      { revision: 56, createdAgo: 2 * DAYS, changeCause: 'argocd: cart-api 12.3.1', template: tpl('12.3.1') },
    ],
    pods: [
      { revision: 56, node: names[0] ?? '', createdAgo: 2 * DAYS, containers: { app: running({ sinceAgo: 1.3, restarts: 8, last: last(0) }) } },
      { revision: 56, node: names[1] ?? '', createdAgo: 2 * DAYS - 1, containers: { app: crashLoop(last(1), 7) } },
      { revision: 56, node: names[2] ?? '', createdAgo: 2 * DAYS - 2, containers: { app: running({ sinceAgo: 0.8, restarts: 8, last: last(2) }) } },
      { revision: 56, node: names[0] ?? '', createdAgo: 2 * DAYS - 3, containers: { app: crashLoop(last(3), 7) } },
    ],
    settled: { available: false, availableSince: 31, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 4 },
  });
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const redis = statefulSetApp({
    namespace: ns, name: 'cart-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 20 * DAYS }],
  });
  const other = bystander(ns, 'checkout-web', names, 70, { revisions: [90, 91], versions: ['3.30.0', '3.30.1'], olderAgo: 6 * DAYS });
  const esFail = (t: number, thread: string) => [
    spring(t, 'WARN', 'cart-api', thread, 'o.s.b.a.e.ElasticsearchRestClientHealthIndicator', 'Elasticsearch health check failed'),
    `org.elasticsearch.client.ResponseException: method [GET], host [${es}], URI [/_cluster/health/], status line [HTTP/1.1 503 Service Unavailable]`,
    '{"error":{"root_cause":[{"type":"master_not_discovered_exception","reason":null}],"type":"master_not_discovered_exception","reason":null},"status":503}',
    '\tat org.elasticsearch.client.RestClient.convertResponse(RestClient.java:347)',
    '\tat org.springframework.boot.actuate.elasticsearch.ElasticsearchRestClientHealthIndicator.doHealthCheck(ElasticsearchRestClientHealthIndicator.java:61)',
  ];
  const run = (start: number, killed: number | null) => {
    const out: string[] = [
      spring(start, 'INFO', 'cart-api', 'main', 'c.a.shop.cart.CartApiApplication', 'Starting CartApiApplication v12.3.1 using Java 21.0.5 with PID 1'),
      spring(start - 0.38, 'INFO', 'cart-api', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(start - 0.39, 'INFO', 'cart-api', 'main', 'c.a.shop.cart.CartApiApplication', 'Started CartApiApplication in 22.871 seconds (process running for 23.6)'),
      spring(start - 0.5, 'WARN', 'cart-api', 'audit-1', 'c.a.shop.cart.audit.AuditSink', 'audit event buffered, index cart-audit unavailable (503); 212 events pending'),
      spring(start - 0.6, 'INFO', 'cart-api', 'nio-8080-exec-5', 'c.a.shop.cart.api.CartController', 'PUT /v1/carts/c-81f2/items 200 dur_ms=14'),
    ];
    if (killed !== null) {
      for (const d of [0, 10, 20]) out.push(...esFail(start - 1.0 - d / 60, `nio-8080-exec-${(d / 10) + 2}`));
      out.push(spring(killed, 'INFO', 'cart-api', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'));
      out.push(spring(killed - 0.01, 'INFO', 'cart-api', 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'));
    }
    return out;
  };
  const startOf = [1.3, 4.6 + 93 / 60, 0.8, 3.2 + 93 / 60];
  const prevStart = finished.map((f) => f + 93 / 60);
  const logs = app.pods.map((p, k) => {
    const isRunning = k === 0 || k === 2;
    return logsFor(p, 'app', {
      previous: lines(...run(prevStart[k] ?? 2, (prevStart[k] ?? 2) - 93 / 60)),
      ...(isRunning ? { current: lines(...run(startOf[k] ?? 1, null)) } : {}),
    });
  });
  return {
    id: 'heldout110-liveness-probe-checks-elasticsearch',
    class: 'probes',
    truth: 'cart-api\'s liveness probe points at the aggregate /actuator/health, which includes Spring Boot\'s Elasticsearch health indicator for the non-critical audit OpenSearch domain (audit-logs). That domain lost its master about 35 minutes ago and answers 503, so /actuator/health is DOWN (503) on every pod, and the kubelet kills each container after three failed liveness checks (exit 143, SIGTERM) and restarts it with growing back-off: all four pods cycle, the service is mostly down, though carts and Redis work. Nothing in cart-api changed (revision 56 is two days old). Fix: point the liveness probe at /actuator/health/liveness (or take elasticsearch out of the health group).',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: other.pods }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 91), 2, 0, 70),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 3 * ([8, 7, 8, 7][k] ?? 7), firstAgo: 34 - k * 0.3, lastAgo: (finished[k] ?? 1) + 0.01 }),
        probeKilling(p, 'app', 'liveness', { count: [8, 7, 8, 7][k] ?? 7, firstAgo: 33.8 - k * 0.3, lastAgo: finished[k] ?? 1 }),
        ...restartedAgain(p, 'app', image('12.3.1'), { count: [8, 7, 8, 7][k] ?? 7, firstAgo: 33.7 - k * 0.3, lastAgo: startOf[k] ?? 1 }),
        backOff(p, 'app', { count: 31 + k, firstAgo: 32 - k * 0.3, lastAgo: [1.35, 0.3, 0.85, 0.4][k] ?? 0.5 }),
      ]),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:8080/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 1))}:8080: connect: connection refused`, count: 14, firstAgo: 33, lastAgo: 6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...logs,
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M 21 Nov 2026 ${at(20).slice(11, 23)} * 100 changes in 300 seconds. Saving...`, `1:M 21 Nov 2026 ${at(20).slice(11, 23)} * Background saving started by pid 8812`, `8812:C 21 Nov 2026 ${at(19.9).slice(11, 23)} * DB saved on disk`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /elasticsearch|opensearch|audit|actuator\/health|dependenc|503/i],
      facts: [/503/, /143|SIGTERM|failed liveness probe|restart/i, /\/actuator\/health(\/liveness)?/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /cart-redis[^\n]*(down|unavailable|crash)/i],
    },
  };
}

// ---- 7. healthy control: a rollout ten minutes ago, warm-up readiness failures, ready since -------

function healthyRolloutWarmup(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.84', ['61', '190', '38']);
  const image = (v: string) => `${ECR}/messaging/notifications-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '512Mi', readiness: httpProbe('/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })] });
  const created = [10, 9.2, 8.4];
  const app = deploymentApp({
    namespace: ns, name: 'notifications-api', replicas: 3,
    revisions: [
      { revision: 12, createdAgo: 8 * DAYS, changeCause: 'argocd: notifications-api 4.6.0', template: tpl('4.6.0') },
      { revision: 13, createdAgo: 10, changeCause: 'argocd: notifications-api 4.7.0', template: tpl('4.7.0') },
    ],
    pods: created.map((c, k) => ({ revision: 13, node: names[k] ?? '', createdAgo: c, containers: { app: running({ sinceAgo: c - 0.1 }) } })),
  });
  const other = bystander(ns, 'sms-gateway', names, 2 * DAYS, { revisions: [5, 6], versions: ['1.1.0', '1.2.0'], olderAgo: 50 * DAYS });
  const dep = deploymentOf(app);
  return {
    id: 'heldout110-healthy-rollout-warmup-readiness',
    class: 'healthy',
    truth: 'notifications-api revision 13 (4.7.0) rolled out ten minutes ago; each new pod failed its readiness probe a few times while it warmed its template cache (connection refused, then 503), which is expected, and all three pods have been ready and serving since about eight minutes ago. Nothing is wrong.',
    ask: { service: 'notifications-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notifications-api', selector: { app: 'notifications-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'sms-gateway', selector: { app: 'sms-gateway' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 13), 1, 0, 10),
      scaledReplicaSet(dep, rsOf(app, 12), 2, 3, 9.3),
      scaledReplicaSet(dep, rsOf(app, 13), 2, 1, 9.2),
      scaledReplicaSet(dep, rsOf(app, 12), 1, 2, 8.5),
      scaledReplicaSet(dep, rsOf(app, 13), 3, 2, 8.4),
      scaledReplicaSet(dep, rsOf(app, 12), 0, 1, 7.7),
      ...app.pods.flatMap((p, k) => {
        const c = created[k] ?? 10;
        return [
          ...startedNormally(p, 'app', image('4.7.0'), c),
          probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2, firstAgo: c - 0.03, lastAgo: c - 0.08 }),
          probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 3, firstAgo: c - 0.12, lastAgo: c - 0.25 }),
        ];
      }),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(other, 0))}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 14 * HOURS, lastAgo: 14 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => {
      const c = created[k] ?? 10;
      return logsFor(p, 'app', {
        current: lines(
          `{"level":"info","ts":"${at(c - 0.1)}","msg":"notifications-api 4.7.0 starting","addr":":8080"}`,
          `{"level":"info","ts":"${at(c - 0.11)}","msg":"warming template cache","templates":1843}`,
          `{"level":"info","ts":"${at(c - 0.27)}","msg":"template cache warm","templates":1843,"took_ms":9614}`,
          `{"level":"info","ts":"${at(c - 0.28)}","msg":"ready"}`,
          `{"level":"info","ts":"${at(2.1 + k * 0.3)}","msg":"POST /v1/notifications","status":202,"dur_ms":${19 + k}}`,
          `{"level":"info","ts":"${at(0.4 + k * 0.1)}","msg":"POST /v1/notifications","status":202,"dur_ms":${16 + k}}`,
        ),
      });
    }),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|ready|fine|ok\b/i],
      facts: [/notifications-api/, /revision 13|4\.7\.0|3\/3|ready/i],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/, /sms-gateway/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  kafkaNotEnoughReplicas(),
  schemaRegistryIncompatible(),
  baseImageEntrypointChanged(),
  idleInTransactionLocks(),
  cniOutOfPodIps(),
  livenessChecksDependency(),
  healthyRolloutWarmup(),
];

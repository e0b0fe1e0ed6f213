// Held-out stories, sixty-ninth round, part one: a Debezium Postgres connector whose replication
// slot Postgres 16 invalidated (max_slot_wal_keep_size) while the connector was paused; a Kafka
// Connect JDBC sink task killed by "Tolerance exceeded in error handler" on a record that is not
// Avro; a topic's retention cut to one hour by a ConfigMap-driven topic-config CronJob while a
// consumer lagged, so it hit "out of range" and auto.offset.reset=latest skipped the backlog; a
// MySQL server still at max_allowed_packet=4M when a release began storing rendered PDFs; a
// Deployment whose minReadySeconds (600) is above its progressDeadlineSeconds (300), so a healthy
// rollout reports ProgressDeadlineExceeded; a revision that added a second -javaagent (Datadog
// through JAVA_TOOL_OPTIONS beside OpenTelemetry) so the JVM dies on a VerifyError; and a healthy
// control: a uvicorn API behind an NLB whose TCP health checks log "Invalid HTTP request received.".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  exposed, httpProbe, nameOf, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp,
  tcpProbe, boundClaim, jobEvent, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time (`%m`): `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** log4j's `[%d]` as Kafka and Kafka Connect print it: `[2026-11-21 03:12:41,563]`. */
const l4j = (minutes: number): string => `[${pyTime(minutes)}]`;
/** Logback's default Spring Boot time: `2026-11-21T03:12:41.563Z`. */
const sb = (minutes: number): string => at(minutes);
/** MySQL 8's error-log time: `2026-11-21T03:12:41.563412Z`. */
const myTime = (minutes: number): string => at(minutes).replace('Z', '412Z');

// ---- 1. Debezium: the replication slot invalidated by max_slot_wal_keep_size ----------------------

function debeziumSlotInvalidated(): CorpusScenario {
  const ns = 'cdc';
  const dbNs = 'orders';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '220']);
  const connectImage = 'quay.io/debezium/connect:2.7.3.Final';
  const connectTpl = {
    containers: [container({
      name: 'connect', image: connectImage, ports: [{ name: 'rest', containerPort: 8083 }], cpu: '500m', memory: '2Gi',
      env: [
        { name: 'BOOTSTRAP_SERVERS', value: 'kafka-bootstrap.kafka.svc.cluster.local:9092' },
        { name: 'GROUP_ID', value: 'cdc-connect' },
        { name: 'CONFIG_STORAGE_TOPIC', value: 'cdc-connect.configs' },
        { name: 'OFFSET_STORAGE_TOPIC', value: 'cdc-connect.offsets' },
        { name: 'STATUS_STORAGE_TOPIC', value: 'cdc-connect.status' },
        { name: 'HEAP_OPTS', value: '-Xms1g -Xmx1536m' },
      ],
      readiness: httpProbe('/', 'rest', { periodSeconds: 15, timeoutSeconds: 5 }),
      liveness: httpProbe('/', 'rest', { initialDelaySeconds: 60, periodSeconds: 30, timeoutSeconds: 5 }),
    })],
  };
  const connect = deploymentApp({
    namespace: ns,
    name: 'debezium-connect',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 34 * DAYS, changeCause: 'argocd: debezium-connect 2.7.1.Final', template: { containers: [{ ...connectTpl.containers[0]!, image: 'quay.io/debezium/connect:2.7.1.Final' }] } },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: debezium-connect 2.7.3.Final', template: connectTpl },
    ],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 12, node: names[1] ?? '', createdAgo: 6 * DAYS - 2 }],
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const pg = statefulSetApp({
    namespace: dbNs,
    name: 'orders-db',
    replicas: 1,
    serviceName: 'orders-db-headless',
    revisions: [{
      revision: 1, createdAgo: 210 * DAYS, template: {
        containers: [container({
          name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 },
          liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'orders-db-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: names[2] ?? '', createdAgo: 23 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: dbNs, name: 'data-orders-db-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  const pgConf = configMap({
    namespace: dbNs, name: 'orders-db-config', createdAgo: 210 * DAYS, updatedAgo: 64 * DAYS, data: {
      'postgresql.conf': [
        "listen_addresses = '*'", 'max_connections = 300', 'shared_buffers = 2GB', 'effective_cache_size = 6GB',
        'wal_level = logical', 'max_wal_senders = 10', 'max_replication_slots = 10', 'max_wal_size = 4GB', 'min_wal_size = 1GB',
        'max_slot_wal_keep_size = 8GB', 'wal_keep_size = 512MB', "log_line_prefix = '%m [%p] %q%u@%d '", 'log_min_duration_statement = 2000',
        "hba_file = '/etc/postgresql/pg_hba.conf'", '',
      ].join('\n'),
    },
  });
  const archive = cronJob({
    namespace: dbNs, name: 'orders-archive', schedule: '30 0 * * *',
    template: { containers: [batchContainer({ name: 'archive', image: `${ECR}/orders/orders-archiver:1.9.0`, args: ['--older-than=400d', '--batch=50000'] })] },
    jobs: [{ createdAgo: 2 * HOURS + 44, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 2 * HOURS + 44, containers: { archive: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(2 * HOURS + 43.8), finishedAt: ago(HOURS + 52), containerID: 'containerd://8d1f0c9a7e3b' } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: HOURS + 52 } }],
    lastSuccessfulAgo: HOURS + 52,
  });
  const indexer = bystander(ns, 'orders-search-indexer', names, 3 * HOURS, { revisions: [20, 21], versions: ['3.2.0', '3.2.1'], olderAgo: 12 * DAYS });
  const [w0, w1] = [podOf(connect, 0), podOf(connect, 1)];
  const pgPod = podOf(pg, 0);
  const slot = 'debezium_orders';
  const w0Log = lines(
    `${l4j(6 * DAYS - 1)} INFO Kafka Connect started (org.apache.kafka.connect.runtime.Connect:57)`,
    `${l4j(6 * DAYS - 1)} WARN The configuration 'offset.flush.timeout.ms' was supplied but isn't a known config. (org.apache.kafka.clients.admin.AdminClientConfig:385)`,
    `${l4j(3 * HOURS + 10)} INFO [orders-cdc|worker] Setting connector orders-cdc state to PAUSED (org.apache.kafka.connect.runtime.Worker:1420)`,
    `${l4j(3 * HOURS + 10)} INFO [orders-cdc|task-0] WorkerSourceTask{id=orders-cdc-0} Committing offsets for 1183 acknowledged messages (org.apache.kafka.connect.runtime.WorkerSourceTask:233)`,
    `${l4j(52)} INFO [orders-cdc|worker] Setting connector orders-cdc state to STARTED (org.apache.kafka.connect.runtime.Worker:1420)`,
    `${l4j(51.9)} INFO [orders-cdc|task-0] Obtained valid replication slot ReplicationSlot [active=false, latestFlushedLsn=LSN{3/1A0004F8}, catalogXmin=918274] (io.debezium.connector.postgresql.connection.PostgresConnection:327)`,
    `${l4j(51.9)} INFO [orders-cdc|task-0] Processing messages (io.debezium.connector.postgresql.PostgresStreamingChangeEventSource:243)`,
    `${l4j(51.8)} ERROR [orders-cdc|task-0] Producer failure (io.debezium.pipeline.ErrorHandler:52)`,
    `org.postgresql.util.PSQLException: ERROR: can no longer get changes from replication slot "${slot}"`,
    '  Detail: This slot has been invalidated because it exceeded the maximum reserved size.',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.processCopyResults(QueryExecutorImpl.java:1318)',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.readFromCopy(QueryExecutorImpl.java:1204)',
    '\tat org.postgresql.core.v3.replication.V3PGReplicationStream.receiveNextData(V3PGReplicationStream.java:161)',
    '\tat io.debezium.connector.postgresql.connection.PostgresReplicationConnection$1.readPending(PostgresReplicationConnection.java:619)',
    '\tat io.debezium.connector.postgresql.PostgresStreamingChangeEventSource.processMessages(PostgresStreamingChangeEventSource.java:255)',
    '\tat io.debezium.connector.postgresql.PostgresStreamingChangeEventSource.execute(PostgresStreamingChangeEventSource.java:176)',
    '\tat io.debezium.pipeline.ChangeEventSourceCoordinator.streamEvents(ChangeEventSourceCoordinator.java:323)',
    `${l4j(51.8)} INFO [orders-cdc|task-0] Finished streaming (io.debezium.pipeline.ChangeEventSourceCoordinator:325)`,
    `${l4j(51.7)} ERROR [orders-cdc|task-0] WorkerSourceTask{id=orders-cdc-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted (org.apache.kafka.connect.runtime.WorkerTask:234)`,
    'org.apache.kafka.connect.errors.ConnectException: An exception occurred in the change event producer. This connector will be stopped.',
    '\tat io.debezium.pipeline.ErrorHandler.setProducerThrowable(ErrorHandler.java:67)',
    '\tat io.debezium.connector.postgresql.PostgresStreamingChangeEventSource.execute(PostgresStreamingChangeEventSource.java:196)',
    '\tat io.debezium.pipeline.ChangeEventSourceCoordinator.streamEvents(ChangeEventSourceCoordinator.java:323)',
    `Caused by: org.postgresql.util.PSQLException: ERROR: can no longer get changes from replication slot "${slot}"`,
    '  Detail: This slot has been invalidated because it exceeded the maximum reserved size.',
    '\t... 12 more',
    `${l4j(51.7)} INFO [orders-cdc|task-0] Stopping down connector (io.debezium.connector.common.BaseSourceTask:287)`,
    `${l4j(51.6)} INFO [orders-cdc|task-0] Connection gracefully closed (io.debezium.jdbc.JdbcConnection:988)`,
    `${l4j(20)} INFO [AdminClient clientId=cdc-connect-shared-admin] Node 2 disconnected. (org.apache.kafka.clients.NetworkClient:977)`,
  );
  const w1Log = lines(
    `${l4j(6 * DAYS - 3)} INFO Kafka Connect started (org.apache.kafka.connect.runtime.Connect:57)`,
    `${l4j(6 * DAYS - 3)} WARN The configuration 'offset.flush.timeout.ms' was supplied but isn't a known config. (org.apache.kafka.clients.admin.AdminClientConfig:385)`,
    `${l4j(9)} INFO [Worker clientId=connect-10.0.96.140:8083, groupId=cdc-connect] Session key updated (org.apache.kafka.connect.runtime.distributed.DistributedHerder:2411)`,
  );
  const pgLog = lines(
    `${pgTime(2 * HOURS + 43)} [40211] archiver@orders LOG:  duration: 2412.553 ms  statement: UPDATE orders SET archived_at = now() WHERE id IN (SELECT id FROM orders WHERE created_at < now() - interval '400 days' AND archived_at IS NULL LIMIT 50000)`,
    `${pgTime(2 * HOURS + 20)} [61] LOG:  checkpoint starting: wal`,
    `${pgTime(2 * HOURS + 18)} [61] LOG:  checkpoint complete: wrote 182330 buffers (69.5%); 0 WAL file(s) added, 0 removed, 256 recycled; write=98.144 s, sync=0.412 s, total=99.021 s; sync files=412, longest=0.088 s, average=0.002 s; distance=4194304 kB, estimate=4194304 kB; lsn=3/BC000060, redo lsn=3/9C0001B8`,
    `${pgTime(2 * HOURS + 2)} [61] LOG:  checkpoint starting: wal`,
    `${pgTime(2 * HOURS + 1)} [61] LOG:  invalidating obsolete replication slot "${slot}"`,
    `${pgTime(2 * HOURS + 1)} [61] DETAIL:  The slot's restart_lsn 3/1A0004F8 exceeds the limit by 201326592 bytes.`,
    `${pgTime(2 * HOURS + 1)} [61] HINT:  You might need to increase max_slot_wal_keep_size.`,
    `${pgTime(2 * HOURS)} [61] LOG:  checkpoint complete: wrote 171802 buffers (65.5%); 0 WAL file(s) added, 528 removed, 0 recycled; write=93.880 s, sync=0.377 s, total=94.610 s; sync files=398, longest=0.071 s, average=0.002 s; distance=4194304 kB, estimate=4194304 kB; lsn=3/FC000028, redo lsn=3/DC000110`,
    `${pgTime(51.8)} [88412] debezium@orders LOG:  starting logical decoding for slot "${slot}"`,
    `${pgTime(51.8)} [88412] debezium@orders ERROR:  can no longer get changes from replication slot "${slot}"`,
    `${pgTime(51.8)} [88412] debezium@orders DETAIL:  This slot has been invalidated because it exceeded the maximum reserved size.`,
    `${pgTime(51.8)} [88412] debezium@orders STATEMENT:  START_REPLICATION SLOT "${slot}" LOGICAL 3/1A0004F8 ("proto_version" '1', "publication_names" 'dbz_publication', "messages" 'true')`,
    `${pgTime(12)} [61] LOG:  checkpoint starting: time`,
    `${pgTime(10)} [61] LOG:  checkpoint complete: wrote 3120 buffers (1.2%); 0 WAL file(s) added, 0 removed, 2 recycled; write=119.811 s, sync=0.051 s, total=119.902 s; sync files=88, longest=0.009 s, average=0.001 s; distance=31240 kB, estimate=3778028 kB; lsn=4/0A1E2C40, redo lsn=4/09F11A08`,
  );
  return {
    id: 'heldout69-debezium-replication-slot-invalidated',
    class: 'config',
    truth: 'The orders-cdc Debezium connector on debezium-connect was paused for about two hours overnight. Meanwhile the nightly orders-archive job updated millions of rows, and the WAL kept for the slot passed the database\'s max_slot_wal_keep_size = 8GB, so Postgres 16 invalidated the replication slot "debezium_orders". When the connector resumed 52 minutes ago, Postgres answered "can no longer get changes from replication slot" and the task died (it waits for a manual restart), so no change events have reached Kafka or the consumers since. The Connect pods stay Running and Ready. The slot has to be dropped and re-created, and a new snapshot taken. max_slot_wal_keep_size has to be raised, or the connector must not be left paused this long.',
    ask: { service: 'debezium-connect', namespace: ns },
    objects: [
      ...nodes, ...connect.objects, ...pg.objects, claim, vol, pgConf, ...archive.objects, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'debezium-connect', selector: { app: 'debezium-connect' }, ports: [{ name: 'rest', port: 8083, targetPort: 'rest' }], pods: connect.pods, endpointPort: 8083 }),
      ...exposed({ namespace: dbNs, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: pg.pods, endpointPort: 5432 }),
      jobEvent(archive.jobs[0]?.objects[0], 'Completed', 'Job completed', HOURS + 52),
      event({ on: indexer.pods[0]!, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 3 * HOURS - 1, lastAgo: 3 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(w0, 'connect', { current: w0Log }),
      logsFor(w1, 'connect', { current: w1Log }),
      logsFor(pgPod, 'postgres', { current: pgLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_slot_wal_keep_size|invalidated|debezium_orders/i],
      facts: [/debezium_orders/, /can no longer get changes|invalidated/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /orders-search-indexer/],
    },
  };
}

// ---- 2. Kafka Connect sink: Tolerance exceeded on a non-Avro record -----------------------------

function sinkToleranceExceeded(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '161', '230']);
  const image = 'confluentinc/cp-kafka-connect:7.7.1';
  const tpl = {
    containers: [container({
      name: 'connect', image, ports: [{ name: 'rest', containerPort: 8083 }], cpu: '1', memory: '3Gi',
      env: [
        { name: 'CONNECT_BOOTSTRAP_SERVERS', value: 'kafka-bootstrap.kafka.svc.cluster.local:9092' },
        { name: 'CONNECT_GROUP_ID', value: 'warehouse-connect' },
        { name: 'CONNECT_KEY_CONVERTER', value: 'org.apache.kafka.connect.storage.StringConverter' },
        { name: 'CONNECT_VALUE_CONVERTER', value: 'io.confluent.connect.avro.AvroConverter' },
        { name: 'CONNECT_VALUE_CONVERTER_SCHEMA_REGISTRY_URL', value: 'http://schema-registry.kafka.svc.cluster.local:8081' },
        { name: 'KAFKA_HEAP_OPTS', value: '-Xms2g -Xmx2g' },
      ],
      readiness: httpProbe('/connectors', 'rest', { periodSeconds: 15, timeoutSeconds: 5 }),
      liveness: httpProbe('/', 'rest', { initialDelaySeconds: 90, periodSeconds: 30, timeoutSeconds: 5 }),
    })],
  };
  const connect = deploymentApp({
    namespace: ns, name: 'warehouse-connect', replicas: 3,
    revisions: [{ revision: 8, createdAgo: 19 * DAYS, changeCause: 'argocd: warehouse-connect 7.7.1', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 19 * DAYS - k })),
  });
  const connectors = configMap({
    namespace: ns, name: 'warehouse-connectors', createdAgo: 120 * DAYS, updatedAgo: 19 * DAYS, data: {
      'orders-jdbc-sink.json': JSON.stringify({
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'tasks.max': '3', topics: 'orders.v2',
        'connection.url': 'jdbc:postgresql://warehouse-pg.analytics.svc.cluster.local:5432/warehouse', 'connection.user': 'connect',
        'insert.mode': 'upsert', 'pk.mode': 'record_key', 'pk.fields': 'order_id', 'auto.create': 'false', 'table.name.format': 'fact_orders',
        'errors.tolerance': 'none', 'errors.log.enable': 'true', 'errors.log.include.messages': 'false',
      }, null, 2),
    },
  });
  const checkout = bystander('shop', 'checkout-api', names, 3 * HOURS + 5, { revisions: [63, 64], versions: ['5.18.0', '5.19.0'], olderAgo: 6 * DAYS });
  const dashboards = bystander(ns, 'revenue-dashboard', names, 26 * HOURS, { revisions: [14, 15], versions: ['2.0.3', '2.1.0'], olderAgo: 20 * DAYS });
  const pods = connect.pods;
  const failedAt = 3 * HOURS + 1;
  const task0 = lines(
    `${l4j(19 * DAYS - 1)} INFO Kafka Connect started (org.apache.kafka.connect.runtime.Connect:57)`,
    `${l4j(19 * DAYS - 1)} INFO [orders-jdbc-sink|task-0] Starting JDBC Sink task (io.confluent.connect.jdbc.sink.JdbcSinkTask:48)`,
    `${l4j(failedAt + 2)} INFO [orders-jdbc-sink|task-0] Completed write operation for 500 records to the database (io.confluent.connect.jdbc.sink.JdbcDbWriter:97)`,
    `${l4j(failedAt)} ERROR [orders-jdbc-sink|task-0] Error encountered in task orders-jdbc-sink-0. Executing stage 'VALUE_CONVERTER' with class 'io.confluent.connect.avro.AvroConverter', where consumed record is {topic='orders.v2', partition=1, offset=918273, timestamp=${ago(failedAt).getTime()}, timestampType=CreateTime}. (org.apache.kafka.connect.runtime.errors.LogReporter:66)`,
    'org.apache.kafka.connect.errors.DataException: Failed to deserialize data for topic orders.v2 to Avro: ',
    '\tat io.confluent.connect.avro.AvroConverter.toConnectData(AvroConverter.java:148)',
    '\tat org.apache.kafka.connect.storage.Converter.toConnectData(Converter.java:88)',
    '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.lambda$convertAndTransformRecord$4(WorkerSinkTask.java:536)',
    'Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!',
    '\tat io.confluent.kafka.serializers.AbstractKafkaSchemaSerDe.getByteBuffer(AbstractKafkaSchemaSerDe.java:638)',
    `${l4j(failedAt)} ERROR [orders-jdbc-sink|task-0] WorkerSinkTask{id=orders-jdbc-sink-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted (org.apache.kafka.connect.runtime.WorkerTask:234)`,
    'org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler',
    '\tat org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.execAndHandleError(RetryWithToleranceOperator.java:244)',
    '\tat org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.execute(RetryWithToleranceOperator.java:166)',
    '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.convertAndTransformRecord(WorkerSinkTask.java:536)',
    '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.convertMessages(WorkerSinkTask.java:513)',
    '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.poll(WorkerSinkTask.java:349)',
    'Caused by: org.apache.kafka.connect.errors.DataException: Failed to deserialize data for topic orders.v2 to Avro: ',
    '\t... 14 more',
    'Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!',
    `${l4j(failedAt)} INFO [orders-jdbc-sink|task-0] Stopping task (io.confluent.connect.jdbc.sink.JdbcSinkTask:161)`,
    `${l4j(40)} INFO [Consumer clientId=connector-consumer-orders-jdbc-sink-1, groupId=connect-orders-jdbc-sink] Node 0 disconnected. (org.apache.kafka.clients.NetworkClient:977)`,
  );
  const otherTask = (k: number) => lines(
    `${l4j(19 * DAYS - 1 - k)} INFO Kafka Connect started (org.apache.kafka.connect.runtime.Connect:57)`,
    `${l4j(3)} INFO [orders-jdbc-sink|task-${k}] Completed write operation for 0 records to the database (io.confluent.connect.jdbc.sink.JdbcDbWriter:97)`,
    `${l4j(1)} INFO [Worker clientId=connect-1, groupId=warehouse-connect] Session key updated (org.apache.kafka.connect.runtime.distributed.DistributedHerder:2411)`,
  );
  return {
    id: 'heldout69-connect-sink-tolerance-exceeded',
    class: 'config',
    truth: 'About three hours ago checkout-api 5.19.0 began writing some orders to orders.v2 as plain JSON instead of through the Avro serializer. The first such record (partition 1, offset 918273) reached task 0 of the orders-jdbc-sink connector on warehouse-connect. The AvroConverter failed with "Unknown magic byte!", and since errors.tolerance is none the task died ("Tolerance exceeded in error handler") and will not recover until restarted. No orders from that partition have reached fact_orders since. The Connect workers are all Running and Ready. The fix is to skip or dead-letter the poison record (errors.tolerance=all with a DLQ, or move the offset past it), fix the producer, then restart the task.',
    ask: { service: 'warehouse-connect', namespace: ns },
    objects: [
      ...nodes, ...connect.objects, connectors, ...checkout.objects, ...dashboards.objects,
      ...exposed({ namespace: ns, name: 'warehouse-connect', selector: { app: 'warehouse-connect' }, ports: [{ name: 'rest', port: 8083, targetPort: 'rest' }], pods, endpointPort: 8083 }),
      scaledReplicaSet(deploymentOf(dashboards), rsOf(dashboards, 15), 2, 0, 26 * HOURS),
    ],
    logs: [
      logsFor(pods[0], 'connect', { current: task0 }),
      logsFor(pods[1], 'connect', { current: otherTask(1) }),
      logsFor(pods[2], 'connect', { current: otherTask(2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders-jdbc-sink|Tolerance exceeded|magic byte|orders\.v2/i],
      facts: [/Unknown magic byte|Tolerance exceeded/, /918273|orders\.v2/],
      never: [/\bOOM/, /crash ?loop/i, /revenue-dashboard/, /readiness probe/i],
    },
  };
}

// ---- 3. retention.ms cut to one hour while the consumer lagged: out of range, reset to latest ------

function retentionCutOffsetReset(): CorpusScenario {
  const ns = 'metering';
  const kns = 'kafka';
  const { nodes, names } = threeEksNodes('10.0.48', ['21', '99', '204']);
  const appImage = (v: string) => `${ECR}/metering/usage-aggregator:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: appImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-bootstrap.kafka.svc.cluster.local:9092' },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'usage-aggregator' },
        { name: 'SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET', value: 'latest' },
        { name: 'USAGE_TOPIC', value: 'usage-events' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'usage-aggregator', replicas: 2,
    revisions: [
      { revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: usage-aggregator 2.8.4', template: tpl('2.8.4') },
      { revision: 34, createdAgo: 2 * HOURS + 30, changeCause: 'argocd: usage-aggregator 2.9.0', template: tpl('2.9.0') },
    ],
    pods: [{ revision: 34, node: names[0] ?? '', createdAgo: 2 * HOURS + 30 }, { revision: 34, node: names[1] ?? '', createdAgo: 2 * HOURS + 29 }],
    settled: { available: true, availableSince: 2 * HOURS + 28, progressingSince: 2 * HOURS + 30, progressingUpdatedAgo: 2 * HOURS + 28 },
  });
  const kImage = 'docker.io/apache/kafka:3.8.1';
  const kafka = statefulSetApp({
    namespace: kns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 5, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'kafka', image: kImage, ports: [{ name: 'broker', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '2', memory: '8Gi', readiness: tcpProbe('broker'), liveness: tcpProbe('broker', { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 5, ordinal: i, node: names[i] ?? '', createdAgo: 80 * DAYS - i * 3 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: kns, name: `data-kafka-${i}`, storage: '500Gi', zone: `eu-west-1${'abc'[i]}`, createdAgo: 80 * DAYS, storageClass: 'gp3' }));
  const topics = configMap({
    namespace: kns, name: 'kafka-topics', createdAgo: 150 * DAYS, updatedAgo: 3 * HOURS + 12, data: {
      'topics.yaml': [
        'topics:',
        '  - name: usage-events', '    partitions: 12', '    replicationFactor: 3', '    config:', '      retention.ms: "3600000"', '      cleanup.policy: delete', '      min.insync.replicas: "2"',
        '  - name: usage-events-dlq', '    partitions: 3', '    replicationFactor: 3', '    config:', '      retention.ms: "1209600000"',
        '  - name: invoices', '    partitions: 6', '    replicationFactor: 3', '    config:', '      retention.ms: "604800000"', '',
      ].join('\n'),
    },
  });
  const sync = cronJob({
    namespace: kns, name: 'kafka-topic-sync', schedule: '0 * * * *',
    template: { containers: [batchContainer({ name: 'sync', image: 'docker.io/apache/kafka:3.8.1', command: ['/bin/sh', '-c', '/scripts/apply-topics.sh /config/topics.yaml'], volumeMounts: [{ name: 'topics', mountPath: '/config' }] })], volumes: [{ name: 'topics', configMap: { name: 'kafka-topics' } }] },
    jobs: [2 * HOURS, HOURS, 0].map((a) => ({ createdAgo: a + 14, pods: [{ node: names[2] ?? '', phase: 'Succeeded' as const, createdAgo: a + 14, containers: { sync: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(a + 13.9), finishedAt: ago(a + 13.5), containerID: `containerd://${a}f3e1` } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: a + 13.5 } })),
    lastSuccessfulAgo: 13.5,
  });
  // The cron runs on the hour (NOW is 03:14): 01:00, 02:00 and 03:00; the 01:00 run applied the edit of 00:02.
  const syncJob = sync.jobs[0]!;
  const syncPod = syncJob.pods[0]!;
  const broker = podOf(kafka, 1);
  const [a0, a1] = [podOf(app, 0), podOf(app, 1)];
  const consumer = (k: number, parts: number[]) => {
    const out = [
      `${sb(2 * HOURS + 29.5 - k)}  INFO 1 --- [usage-aggregator] [           main] c.a.metering.UsageAggregatorApplication  : Started UsageAggregatorApplication in 11.84 seconds (process running for 12.61)`,
      `${sb(2 * HOURS + 29.4 - k)}  INFO 1 --- [usage-aggregator] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-usage-aggregator-1, groupId=usage-aggregator] Adding newly assigned partitions: ${parts.map((p) => `usage-events-${p}`).join(', ')}`,
      `${sb(2 * HOURS + 29 - k)}  INFO 1 --- [usage-aggregator] [ntainer#0-0-C-1] c.a.metering.ingest.UsageListener         : backfill: consumer lag 2214093 records, processing at ~900 rec/s`,
    ];
    for (const p of parts) {
      const off = 4_118_000 + p * 7919;
      out.push(
        `${sb(2 * HOURS + 8 - p * 0.01)}  INFO 1 --- [usage-aggregator] [ntainer#0-0-C-1] o.a.k.c.c.internals.Fetcher             : [Consumer clientId=consumer-usage-aggregator-1, groupId=usage-aggregator] Fetch position FetchPosition{offset=${off}, offsetEpoch=Optional[9], currentLeader=LeaderAndEpoch{leader=Optional[kafka-${p % 3}.kafka-headless.kafka.svc.cluster.local:9092 (id: ${p % 3} rack: eu-west-1${'abc'[p % 3]})], epoch=9}} is out of range for partition usage-events-${p}, resetting offset`,
        `${sb(2 * HOURS + 8 - p * 0.01)}  INFO 1 --- [usage-aggregator] [ntainer#0-0-C-1] o.a.k.c.c.internals.SubscriptionState    : [Consumer clientId=consumer-usage-aggregator-1, groupId=usage-aggregator] Resetting offset for partition usage-events-${p} to position FetchPosition{offset=${off + 311_406 + p * 13}, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[kafka-${p % 3}.kafka-headless.kafka.svc.cluster.local:9092 (id: ${p % 3} rack: eu-west-1${'abc'[p % 3]})], epoch=9}}.`,
      );
    }
    out.push(`${sb(2)}  INFO 1 --- [usage-aggregator] [ntainer#0-0-C-1] c.a.metering.ingest.UsageListener         : flushed 5712 usage rows for window 2026-11-21T03:10Z (lag 0)`);
    return lines(...out);
  };
  const brokerLog = lines(
    `${l4j(2 * HOURS + 13.6)} INFO [QuorumController id=1] ConfigResource(type=TOPIC, name='usage-events'): set configuration retention.ms to 3600000 (org.apache.kafka.controller.ConfigurationControlManager)`,
    `${l4j(2 * HOURS + 10)} INFO [UnifiedLog partition=usage-events-1, dir=/var/lib/kafka/data] Deleting segment LogSegment(baseOffset=3804211, size=1073741617, lastModifiedTime=${ago(3 * HOURS + 55).getTime()}, largestRecordTimestamp=${ago(3 * HOURS + 55).getTime()}) due to log retention time 3600000ms breach based on the largest record timestamp in the segment (kafka.log.UnifiedLog)`,
    `${l4j(2 * HOURS + 10)} INFO [UnifiedLog partition=usage-events-4, dir=/var/lib/kafka/data] Deleting segment LogSegment(baseOffset=3829017, size=1073740982, lastModifiedTime=${ago(3 * HOURS + 50).getTime()}, largestRecordTimestamp=${ago(3 * HOURS + 50).getTime()}) due to log retention time 3600000ms breach based on the largest record timestamp in the segment (kafka.log.UnifiedLog)`,
    `${l4j(2 * HOURS + 9)} INFO [LocalLog partition=usage-events-1, dir=/var/lib/kafka/data] Deleting segment files LogSegment(baseOffset=3804211, size=1073741617, lastModifiedTime=${ago(3 * HOURS + 55).getTime()}, largestRecordTimestamp=${ago(3 * HOURS + 55).getTime()}) (kafka.log.LocalLog$)`,
    `${l4j(30)} INFO [GroupCoordinator 1]: Stabilized group usage-aggregator generation 188 (__consumer_offsets-17) with 2 members (kafka.coordinator.group.GroupCoordinator)`,
  );
  const syncLog = lines(
    'applying /config/topics.yaml to kafka-bootstrap.kafka.svc.cluster.local:9092',
    'Completed updating config for topic usage-events.',
    'Completed updating config for topic usage-events-dlq.',
    'Completed updating config for topic invoices.',
  );
  return {
    id: 'heldout69-topic-retention-cut-offset-reset-latest',
    class: 'config',
    truth: 'At 00:02 someone edited the kafka-topics ConfigMap and set retention.ms of usage-events to 3600000 (one hour; it was seven days). The 01:00 run of the hourly kafka-topic-sync CronJob applied it, and the brokers deleted every segment older than an hour. usage-aggregator had been stopped for a migration and came back with its 2.9.0 rollout (revision 34) 2.2 million records behind, so its fetch positions fell below the new log start: "Fetch position … is out of range for partition usage-events-N, resetting offset". With auto.offset.reset=latest the consumer jumped to the end of every partition and silently skipped its whole backlog, about 3.7 million usage records that will be missing from invoices. The pods are healthy and revision 34 is not the cause. Restore the retention in the ConfigMap, and re-ingest the skipped window from its source (or use auto.offset.reset=earliest).',
    ask: { service: 'usage-aggregator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...kafka.objects, ...claims, topics, ...sync.objects,
      ...exposed({ namespace: ns, name: 'usage-aggregator', selector: { app: 'usage-aggregator' }, pods: app.pods }),
      ...exposed({ namespace: kns, name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'broker', port: 9092, targetPort: 'broker' }], pods: kafka.pods, headless: true, endpointPort: 9092 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 2, 0, 2 * HOURS + 30),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 2, 2 * HOURS + 28),
      ...sync.jobs.map((j, i) => jobEvent(j.objects[0], 'Completed', 'Job completed', [2, 1, 0][i]! * HOURS + 13.5)),
    ],
    logs: [
      logsFor(a0, 'app', { current: consumer(0, [0, 1, 2, 3, 4, 5]) }),
      logsFor(a1, 'app', { current: consumer(0.5, [6, 7, 8, 9, 10, 11]) }),
      logsFor(broker, 'kafka', { current: brokerLog }),
      logsFor(syncPod, 'sync', { current: syncLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/retention\.ms|3600000|retention|out of range|auto\.offset\.reset/i],
      facts: [/out of range/i, /retention\.ms|3600000/, /latest|auto\.offset\.reset/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 4. MySQL max_allowed_packet=4M, and a release that stores rendered PDFs ----------------------

function mysqlMaxAllowedPacket(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.160', ['30', '117', '244']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string, pdf: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://billing-mysql.billing.svc.cluster.local:3306/billing?useSSL=true&serverTimezone=UTC' },
        { name: 'SPRING_DATASOURCE_USERNAME', value: 'invoice' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
        ...(pdf ? [{ name: 'INVOICE_STORE_RENDERED_PDF', value: 'true' }] : []),
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-service 4.3.2', template: tpl('4.3.2', false) },
      { revision: 28, createdAgo: 55, changeCause: 'argocd: invoice-service 4.4.0', template: tpl('4.4.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 55 - k * 1.5 })),
  });
  const myImage = 'docker.io/library/mysql:8.0.40';
  const db = statefulSetApp({
    namespace: ns, name: 'billing-mysql', replicas: 1, serviceName: 'billing-mysql-headless',
    revisions: [{
      revision: 2, createdAgo: 300 * DAYS, template: {
        containers: [container({
          name: 'mysql', image: myImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi',
          readiness: { exec: { command: ['mysqladmin', 'ping', '-h', '127.0.0.1'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }],
        })],
        volumes: [{ name: 'conf', configMap: { name: 'billing-mysql-conf' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 17 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-billing-mysql-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS, storageClass: 'gp3' });
  const conf = configMap({
    namespace: ns, name: 'billing-mysql-conf', createdAgo: 300 * DAYS, data: {
      'my.cnf': ['[mysqld]', 'character-set-server = utf8mb4', 'collation-server = utf8mb4_0900_ai_ci', 'max_connections = 400', 'innodb_buffer_pool_size = 2G', 'innodb_log_file_size = 512M', 'max_allowed_packet = 4M', 'slow_query_log = ON', 'long_query_time = 2', 'skip-name-resolve', ''].join('\n'),
    },
  });
  const mailer = bystander(ns, 'invoice-mailer', names, 70, { revisions: [9, 10], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const appLog = (k: number) => {
    const out = [
      `${sb(54 - k * 1.5)}  INFO 1 --- [invoice-service] [           main] c.a.billing.InvoiceServiceApplication    : Started InvoiceServiceApplication in 14.207 seconds (process running for 15.1)`,
      `${sb(50 - k)}  INFO 1 --- [invoice-service] [nio-8080-exec-3] c.a.billing.invoice.InvoiceController     : POST /v1/invoices customer=C-20${k}117 lines=4 -> 201`,
    ];
    for (let i = 0; i < 5; i++) {
      const t = 40 - i * 8 - k;
      const size = 5_241_877 + i * 311_219 + k * 7_451;
      const fmt = size.toLocaleString('en-US');
      out.push(
        `${sb(t)}  WARN 1 --- [invoice-service] [nio-8080-exec-${i + 1}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: S1000`,
        `${sb(t)} ERROR 1 --- [invoice-service] [nio-8080-exec-${i + 1}] o.h.engine.jdbc.spi.SqlExceptionHelper   : Packet for query is too large (${fmt} > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.`,
        `${sb(t)} ERROR 1 --- [invoice-service] [nio-8080-exec-${i + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: could not execute statement [Packet for query is too large (${fmt} > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.] [insert into invoice_documents (content,content_type,created_at,invoice_id) values (?,?,?,?)]] with root cause`,
        '',
        `com.mysql.cj.jdbc.exceptions.PacketTooBigException: Packet for query is too large (${fmt} > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.`,
        '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:941)',
        '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeUpdateInternal(ClientPreparedStatement.java:1098)',
        '\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeLargeUpdate(ClientPreparedStatement.java:1046)',
        '\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)',
        '\tat org.hibernate.engine.jdbc.internal.ResultSetReturnImpl.executeUpdate(ResultSetReturnImpl.java:194)',
        `${sb(t - 0.5)}  INFO 1 --- [invoice-service] [nio-8080-exec-${i + 2}] c.a.billing.invoice.InvoiceController     : POST /v1/invoices customer=C-31${i}${k}4 lines=2 -> 201`,
      );
    }
    return lines(...out);
  };
  const myLog = lines(
    `${myTime(17 * DAYS - 0.5)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${myTime(17 * DAYS - 0.4)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${myTime(17 * DAYS - 0.4)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${myTime(17 * DAYS - 0.4)} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${myTime(17 * DAYS - 0.3)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
  );
  return {
    id: 'heldout69-mysql-max-allowed-packet',
    class: 'config',
    truth: 'invoice-service 4.4.0 (revision 28, 55 minutes ago) began storing each invoice\'s rendered PDF in invoice_documents (INSERT of a LONGBLOB). billing-mysql still runs with max_allowed_packet = 4M from its ConfigMap billing-mysql-conf, so every invoice whose PDF is over 4 MB fails with Connector/J\'s PacketTooBigException ("Packet for query is too large (… > 4,194,304)") and the request returns 500. Smaller invoices still succeed, and the pods stay Running and Ready. Fix: raise max_allowed_packet on the server (e.g. 64M, MySQL 8\'s default) or store the PDFs outside the database.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, claim, vol, conf, ...mailer.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-mysql', selector: { app: 'billing-mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], pods: db.pods, endpointPort: 3306 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 3, 2, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 0, 1, 51),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(db, 0), 'mysql', { current: myLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_allowed_packet|Packet for query is too large|PacketTooBig/i],
      facts: [/max_allowed_packet/, /4,?194,?304|4M/],
      never: [/\bOOM/, /crash ?loop/i, /invoice-mailer/, /CA certificate/i],
    },
  };
}

// ---- 5. minReadySeconds 600 above progressDeadlineSeconds 300 ------------------------------------

function minReadyAboveDeadline(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.200', ['12', '88', '176']);
  const image = (v: string) => `${ECR}/pricing/pricing-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '512Mi', env: [{ name: 'GOMEMLIMIT', value: '450MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'pricing-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 4 * DAYS, changeCause: 'argocd: pricing-api 3.11.0', template: tpl('3.11.0') },
      { revision: 19, createdAgo: 8, changeCause: 'argocd: pricing-api 3.12.0', template: tpl('3.12.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 19, node: names[1] ?? '', createdAgo: 7.9 },
    ],
    conditions: [],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  const newRs = rsOf(app, 19);
  dep.spec = { ...dep.spec!, minReadySeconds: 600, progressDeadlineSeconds: 300 };
  dep.status = {
    observedGeneration: dep.metadata?.generation ?? 21,
    replicas: 4, updatedReplicas: 1, readyReplicas: 4, availableReplicas: 3, unavailableReplicas: 1,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(4 * DAYS - 2), lastTransitionTime: ago(4 * DAYS - 2) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs}" has timed out progressing.`, lastUpdateTime: ago(2.8), lastTransitionTime: ago(2.8) },
    ],
  };
  for (const o of app.objects) {
    if (o.kind !== 'ReplicaSet') continue;
    const rs = o as k8s.V1ReplicaSet;
    rs.spec = { ...rs.spec!, minReadySeconds: 600 };
    if (rs.metadata?.name === newRs) rs.status = { ...rs.status!, availableReplicas: 0 };
  }
  const fresh = podOf(app, 3);
  const cache = bystander(ns, 'pricing-rules-cache', names, 3 * HOURS, { revisions: [6, 7], versions: ['1.4.2', '1.5.0'], olderAgo: 40 * DAYS });
  const goLog = (mins: number[], version: string) => lines(
    ...mins.flatMap((m, i) => [
      `{"time":"${at(m)}","level":"INFO","msg":"GET /v2/quote","status":200,"dur_ms":${11 + i},"version":"${version}"}`,
    ]),
  );
  return {
    id: 'heldout69-min-ready-above-progress-deadline',
    class: 'rollout',
    truth: 'pricing-api has minReadySeconds: 600 (a "soak" setting added last week) while its progressDeadlineSeconds is 300. The revision 19 pod (3.12.0) started 8 minutes ago and has been Ready since, but a pod only counts as available after 600 seconds, so the rollout (maxUnavailable 0) could not make progress within 300 seconds and the Deployment reports ProgressDeadlineExceeded. The team reads this as a broken 3.12.0. Nothing is wrong with the new version: it serves traffic and will become available two minutes from now. The fix is to make progressDeadlineSeconds larger than minReadySeconds (or shorten the soak). Rolling back is not needed.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cache.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      scaledReplicaSet(dep, newRs, 1, 0, 8),
      scheduled(fresh, 7.9),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.12.0')}"`, firstAgo: 7.9, lastAgo: 7.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.12.0')}" in 1.874s (1.874s including waiting). Image size: 19820411 bytes.`, firstAgo: 7.85, lastAgo: 7.85, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 7.85, lastAgo: 7.85, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 7.85, lastAgo: 7.85, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${fresh.status?.podIP ?? ''}:8080/readyz": dial tcp ${fresh.status?.podIP ?? ''}:8080: connect: connection refused`, firstAgo: 7.8, lastAgo: 7.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(`{"time":"${at(7.84)}","level":"INFO","msg":"pricing-api starting","version":"3.12.0","addr":":8080"}`, `{"time":"${at(7.7)}","level":"INFO","msg":"rules loaded","count":4182,"source":"pricing-rules-cache"}`) + goLog([5, 3.2, 1.1, 0.3], '3.12.0') }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: goLog([2.5, 1.4, 0.2], '3.11.0') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/minReadySeconds|progressDeadlineSeconds/],
      facts: [/600/, /300|ProgressDeadlineExceeded/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /readiness probe fail/i, /3\.12\.0[^\n]*(broken|bug|fail)/i],
    },
  };
}

// ---- 6. a second -javaagent through JAVA_TOOL_OPTIONS: VerifyError at start -----------------------

function twoJavaAgents(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.24', ['40', '131', '210']);
  const image = `${ECR}/catalog/product-api:7.2.1`;
  const otel = ['java', '-javaagent:/otel/opentelemetry-javaagent.jar', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'];
  const otelEnv = [
    { name: 'OTEL_SERVICE_NAME', value: 'product-api' },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' },
  ];
  const base = (dd: boolean) => ({
    initContainers: [
      batchContainer({ name: 'otel-agent', image: 'ghcr.io/open-telemetry/opentelemetry-operator/autoinstrumentation-java:2.10.0', command: ['cp', '/javaagent.jar', '/otel/opentelemetry-javaagent.jar'], cpu: '50m', memory: '64Mi', volumeMounts: [{ name: 'otel', mountPath: '/otel' }] }),
      ...(dd ? [batchContainer({ name: 'dd-agent', image: 'gcr.io/datadoghq/dd-lib-java-init:v1.42.1', command: ['sh', '-c', 'cp /datadog-init/dd-java-agent.jar /datadog/dd-java-agent.jar'], cpu: '50m', memory: '64Mi', volumeMounts: [{ name: 'datadog', mountPath: '/datadog' }] })] : []),
    ],
    containers: [container({
      image, command: otel, ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        ...otelEnv,
        ...(dd ? [
          { name: 'JAVA_TOOL_OPTIONS', value: '-javaagent:/datadog/dd-java-agent.jar' },
          { name: 'DD_SERVICE', value: 'product-api' }, { name: 'DD_ENV', value: 'prod' },
          { name: 'DD_AGENT_HOST', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
        ] : []),
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'otel', mountPath: '/otel' }, ...(dd ? [{ name: 'datadog', mountPath: '/datadog' }] : [])],
    })],
    volumes: [{ name: 'otel', emptyDir: {} }, ...(dd ? [{ name: 'datadog', emptyDir: {} }] : [])],
  });
  const app = deploymentApp({
    namespace: ns, name: 'product-api', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 5 * DAYS, changeCause: 'argocd: product-api 7.2.1', template: base(false) },
      { revision: 42, createdAgo: 24, changeCause: 'argocd: product-api 7.2.1 (enable Datadog APM)', template: base(true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
      { revision: 42, node: names[2] ?? '', createdAgo: 23.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 4 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const search = bystander(ns, 'catalog-search', names, 2 * HOURS, { revisions: [12, 13], versions: ['2.0.4', '2.0.5'], olderAgo: 9 * DAYS });
  const t = (m: number) => at(m).replace('T', ' ').replace(/\.(\d{3})Z$/, ':$1 +0000');
  const crash = lines(
    'Picked up JAVA_TOOL_OPTIONS: -javaagent:/datadog/dd-java-agent.jar',
    `[otel.javaagent ${t(1.68)}] [main] INFO io.opentelemetry.javaagent.tooling.VersionLogger - opentelemetry-javaagent - version: 2.10.0`,
    `[dd.trace ${t(1.67)}] [main] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"1.42.1~5f7e2b1","os_name":"Linux","os_version":"6.1.112-124.190.amzn2023.x86_64","architecture":"amd64","lang":"jvm","lang_version":"21.0.5","jvm_vendor":"Eclipse Adoptium","jvm_version":"21.0.5+11-LTS","java_class_version":"65.0","service":"product-api","env":"prod","agent_url":"http://10.0.24.131:8126","sampling_rules":[{},{}],"priority_sampling_enabled":true,"logs_correlation_enabled":true,"profiling_enabled":false,"appsec_enabled":false,"dd_version":"1.42.1~5f7e2b1"}`,
    'Exception in thread "main" java.lang.VerifyError: Inconsistent stackmap frames at branch target 94',
    'Exception Details:',
    '  Location:',
    '    org/apache/catalina/core/StandardHostValve.invoke(Lorg/apache/catalina/connector/Request;Lorg/apache/catalina/connector/Response;)V @91: goto',
    '  Reason:',
    '    Type top (current frame, locals[4]) is not assignable to \'io/opentelemetry/context/Scope\' (stack map, locals[4])',
    '  Current Frame:',
    '    bci: @91',
    "    flags: { }",
    "    locals: { 'org/apache/catalina/core/StandardHostValve', 'org/apache/catalina/connector/Request', 'org/apache/catalina/connector/Response', 'org/apache/catalina/Context' }",
    '    stack: { }',
    '\tat org.apache.catalina.core.StandardEngine.<init>(StandardEngine.java:68)',
    '\tat org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory.getWebServer(TomcatServletWebServerFactory.java:205)',
    '\tat org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext.createWebServer(ServletWebServerApplicationContext.java:199)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.catalog.ProductApiApplication.main(ProductApiApplication.java:12)',
  );
  return {
    id: 'heldout69-second-javaagent-verifyerror',
    class: 'containers',
    truth: 'Revision 42 of product-api ("enable Datadog APM") added an init container that copies dd-java-agent.jar and set JAVA_TOOL_OPTIONS=-javaagent:/datadog/dd-java-agent.jar. The container\'s command already loads the OpenTelemetry java agent. With both agents rewriting the same Tomcat classes, the JVM rejects the instrumented StandardHostValve with java.lang.VerifyError (inconsistent stackmap frames) at start. The new pod exits 1 within seconds and crash-loops, and the rollout is stuck while the three revision-41 pods keep serving. Fix: run one tracing agent only (remove JAVA_TOOL_OPTIONS or the OTel agent).',
    ask: { service: 'product-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'product-api', selector: { app: 'product-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 24),
      scheduled(fresh, 23.5),
      ...restartedAgain(fresh, 'app', image, { count: 10, firstAgo: 23.2, lastAgo: 1.7 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 23 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${sb(1.2)}  INFO 1 --- [product-api] [nio-8080-exec-4] c.a.catalog.web.ProductController        : GET /v3/products/88213 200 in 14 ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/JAVA_TOOL_OPTIONS|javaagent|dd-java-agent|VerifyError/i],
      facts: [/VerifyError/, /JAVA_TOOL_OPTIONS|dd-java-agent|revision 42/],
      never: [/\bOOM/, /probe/i, /catalog-search/, /image[^\n]*(missing|not found|pull)/i],
    },
  };
}

// ---- 7. healthy control: an NLB's TCP health checks make uvicorn log "Invalid HTTP request" --------

function healthyUvicornNlbNoise(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.132', ['7', '119', '243']);
  const image = (v: string) => `${ECR}/search/suggest-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['uvicorn', 'suggest.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '2', '--proxy-headers'], ports: [8000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'suggest-api', replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 11 * DAYS, changeCause: 'argocd: suggest-api 6.3.0', template: tpl('6.3.0') },
      { revision: 53, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: 'argocd: suggest-api 6.3.1', template: tpl('6.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 53, node: names[k] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - k })),
  });
  const svc = exposed({ namespace: ns, name: 'suggest-api', selector: { app: 'suggest-api' }, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 });
  const lb = svc[0] as k8s.V1Service;
  lb.metadata = { ...lb.metadata, annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip', 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'TCP', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } };
  lb.status = { loadBalancer: { ingress: [{ hostname: 'k8s-search-suggesta-5e1c2a7d90-1b2c3d4e5f6a7b8c.elb.eu-west-1.amazonaws.com' }] } };
  const indexer = bystander(ns, 'suggest-indexer', names, 5 * HOURS, { revisions: [30, 31], versions: ['4.1.0', '4.1.1'], olderAgo: 15 * DAYS });
  const logOf = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const ip = `10.0.${[7, 119, 243][i % 3]}.${40 + ((i * 37 + k * 11) % 200)}`;
      if (i % 2 === 0) out.push('WARNING:  Invalid HTTP request received.');
      out.push(`INFO:     ${ip}:${40000 + i * 131 + k} - "GET /v1/suggest?q=${['run', 'wint', 'lapt', 'head', 'bik', 'tent', 'gar'][i % 7]}&limit=8 HTTP/1.1" 200 OK`);
      if (i % 4 === 1) out.push(`INFO:     10.0.${[7, 119, 243][k]}.1:${51000 + i} - "GET /health/ready HTTP/1.1" 200 OK`);
    }
    return lines('INFO:     Started server process [1]', 'INFO:     Waiting for application startup.', `${pyTime(2 * DAYS + 3 * HOURS - k - 0.2)} suggest.main INFO loaded prefix index: 1842211 terms, 61.3 MiB`, 'INFO:     Application startup complete.', 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)', ...out);
  };
  return {
    id: 'heldout69-healthy-uvicorn-nlb-invalid-http',
    class: 'healthy',
    truth: 'suggest-api is healthy: three revision-53 pods running for two days, all Ready and in the EndpointSlice, serving 200s. It sits behind an internet-facing NLB whose health checks are plain TCP connects (aws-load-balancer-healthcheck-protocol: TCP). Each of those connects opens and closes without sending a byte, and uvicorn logs "WARNING:  Invalid HTTP request received." for it. This is benign and has always been there. Nothing to fix.',
    ask: { service: 'suggest-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...svc, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'suggest-indexer', selector: { app: 'suggest-indexer' }, pods: indexer.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/suggest-api|healthy|no (problems|issues)/i],
      facts: [/suggest-api/],
      never: [/Invalid HTTP request/i, /\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /load ?balancer[^\n]*(fail|broken|misconfig)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  debeziumSlotInvalidated(),
  sinkToleranceExceeded(),
  retentionCutOffsetReset(),
  mysqlMaxAllowedPacket(),
  minReadyAboveDeadline(),
  twoJavaAgents(),
  healthyUvicornNlbNoise(),
];


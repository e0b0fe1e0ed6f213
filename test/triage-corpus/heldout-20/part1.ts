// Held-out stories, twentieth round, part one: failures written without reading the analysis code,
// to measure how the triage generalizes to causes it was not built against.
//
// A migration Job whose table rewrite holds an AccessExclusiveLock the API's queries queue behind,
// a Kafka producer rejecting records larger than max.request.size after a payload change, a
// Secrets Store CSI mount denied after an IAM policy change, a validating webhook whose CA bundle
// went stale when its certificate was rotated, Envoy outlier detection ejecting every upstream
// host, a rollout stuck behind hour-long terminations, and a healthy control: an HPA scale-down.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, batchContainer, boundClaim, clusterIpOf, container, daemonSetApp, deploymentApp, event, exposed,
  failedScheduling, hpa, httpProbe, job, jobEvent, nameOf, node, notTriggerScaleUp, nodeEvent, rsOf,
  replicaSetOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, waiting,
  exited, every, epochMs, configMap, ago, containerStatus, uidOf, kubeProxy,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/workloads.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects.find((o) => o.kind === 'Deployment') ?? {};
const LOOK = { revisions: [22, 23] as const, versions: ['2.7.0', '2.7.1'] as const, olderAgo: 9 * DAYS };
/** A Spring Boot 3 log line: `2026-11-21T03:12:58.412Z ERROR 1 --- [app] [thread] logger : message`. */
const spring = (t: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
/** PostgreSQL's default log_line_prefix '%m [%p] ': `2026-11-21 02:56:43.512 UTC [4711] `. */
const pgTime = (t: number): string => `${at(t).replace('T', ' ').replace('Z', '')} UTC`;

// ---- 1. a migration Job's table rewrite holds the lock the API's queries wait on --------------------

function migrationJobLockStallsApi(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.96');
  const image = `${ECR}/catalog/catalog-api:4.12.3`;
  const tpl = {
    containers: [container({
      image, ports: [8080, { name: 'management', containerPort: 8081 }], memory: '1536Mi', cpu: '500m',
      env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://catalog-db:5432/catalog?options=-c%20statement_timeout=30000' }, { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '20' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 30 }),
    })],
  };
  const api = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 16 * DAYS, changeCause: 'argocd: catalog-api 4.12.2', template: { containers: [container({ image: `${ECR}/catalog/catalog-api:4.12.2` })] } },
      { revision: 57, createdAgo: 7 * DAYS, changeCause: 'argocd: catalog-api 4.12.3', template: tpl },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 57, node: names[k % 3] ?? '', createdAgo: 7 * DAYS - k })),
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'catalog-db', replicas: 1, serviceName: 'catalog-db', createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 }, liveness: tcpProbe(5432, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 12 * DAYS }],
  });
  const migrateName = 'catalog-migrate-20261121';
  const flywayImage = 'docker.io/flyway/flyway:10.21.0';
  const migrate = job({
    namespace: ns, name: migrateName, backoffLimit: 0, createdAgo: 19,
    template: { containers: [batchContainer({ name: 'flyway', image: flywayImage, args: ['-url=jdbc:postgresql://catalog-db:5432/catalog', '-locations=filesystem:/flyway/sql', 'migrate'], cpu: '100m', memory: '256Mi', volumeMounts: [{ name: 'sql', mountPath: '/flyway/sql' }] })], volumes: [{ name: 'sql', configMap: { name: 'catalog-migrations-4-13' } }] },
    pods: [{ node: names[0] ?? '', createdAgo: 19, containers: { flyway: running({ sinceAgo: 18.8 }) } }],
  });
  const migratePod = migrate.pods[0];
  const other = bystander(ns, 'catalog-search-indexer', names, 55, LOOK);
  const dbPod = podOf(db, 0);
  const select = 'select p1_0.id,p1_0.sku,p1_0.title,p1_0.price_cents,p1_0.currency,p1_0.updated_at from products p1_0 where p1_0.sku=$1';
  const waitLines = (t: number, pid: number, queue: string) => [
    `${pgTime(t)} [${pid}] LOG:  process ${pid} still waiting for AccessShareLock on relation 16402 of database 16384 after 1000.${String(100 + pid % 900).padStart(3, '0')} ms`,
    `${pgTime(t)} [${pid}] DETAIL:  Process holding the lock: 4682. Wait queue: ${queue}.`,
    `${pgTime(t)} [${pid}] STATEMENT:  ${select}`,
  ];
  const timeoutLines = (t: number, pid: number) => [`${pgTime(t)} [${pid}] ERROR:  canceling statement due to statement timeout`, `${pgTime(t)} [${pid}] STATEMENT:  ${select}`];
  const hikari = (t: number, waiting: number) => spring(t, 'ERROR', 'catalog-api', `nio-8080-exec-${10 + waiting % 40}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause\n\njava.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=${waiting})\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)\n\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)`);
  const stmtTimeout = (t: number) => [
    spring(t, 'WARN', 'catalog-api', 'nio-8080-exec-7', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 57014'),
    spring(t, 'ERROR', 'catalog-api', 'nio-8080-exec-7', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'ERROR: canceling statement due to statement timeout'),
    spring(t, 'ERROR', 'catalog-api', 'nio-8080-exec-7', 'c.a.catalog.web.ProductController', 'GET /v1/products/SKU-88123-BLK failed: org.springframework.dao.QueryTimeoutException: JDBC exception executing SQL [select p1_0.id,p1_0.sku,p1_0.title,p1_0.price_cents,p1_0.currency,p1_0.updated_at from products p1_0 where p1_0.sku=?] [ERROR: canceling statement due to statement timeout] [n/a]\nCaused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)\n\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)'),
  ];
  return {
    id: 'heldout20-migration-job-lock-stalls-api',
    class: 'config',
    truth: 'The Job catalog-migrate-20261121 (Flyway, started 19 minutes ago ahead of the 4.13 release) runs migration V142, `ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()`: a volatile default forces a full rewrite of the 40 GB products table under an AccessExclusiveLock held by backend 4682. Every catalog-api query on products queues behind that lock (AccessShareLock waits in the Postgres log), hits the 30 s statement_timeout, and the 20-connection HikariPool is exhausted, so the API times out and returns 5xx while its pods stay Ready (the readiness probe does not touch the database). catalog-api 4.12.3, unchanged for a week, is not the cause. Fix: cancel the migration (pg_cancel_backend(4682), delete the Job) and redo it in steps (nullable column, batched backfill, then the default) with a lock_timeout, off-peak.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...db.objects, ...migrate.objects, ...other.objects,
      configMap({ namespace: ns, name: 'catalog-migrations-4-13', createdAgo: 19.5, data: { 'V142__add_products_public_id.sql': 'ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();\n', 'V143__products_public_id_index.sql': 'CREATE UNIQUE INDEX CONCURRENTLY products_public_id_key ON products (public_id);\n' } }),
      ...boundClaim({ namespace: ns, name: 'data-catalog-db-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'catalog-db', selector: { app: 'catalog-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'catalog-search-indexer', selector: { app: 'catalog-search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 23), 2, 0, 55),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 0, 2, 54),
      jobEvent(migrate.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migratePod)}`, 19),
      ...(migratePod === undefined ? [] : [
        scheduled(migratePod, 19),
        event({ on: migratePod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${flywayImage}"`, firstAgo: 18.95, lastAgo: 18.95, fieldPath: 'spec.containers{flyway}' }),
        event({ on: migratePod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${flywayImage}" in 7.104s (7.104s including waiting). Image size: 312883721 bytes.`, firstAgo: 18.85, lastAgo: 18.85, fieldPath: 'spec.containers{flyway}' }),
        event({ on: migratePod, type: 'Normal', reason: 'Created', message: 'Created container flyway', firstAgo: 18.85, lastAgo: 18.85, fieldPath: 'spec.containers{flyway}' }),
        event({ on: migratePod, type: 'Normal', reason: 'Started', message: 'Started container flyway', firstAgo: 18.8, lastAgo: 18.8, fieldPath: 'spec.containers{flyway}' }),
      ]),
      // Yesterday's noise: one readiness blip during a node's kernel patching.
      event({ on: dbPod, reason: 'Unhealthy', message: 'Readiness probe failed: /var/run/postgresql:5432 - rejecting connections', count: 2, firstAgo: 21 * 60, lastAgo: 20.9 * 60, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      logsFor(migratePod, 'flyway', { current: lines(
        'Flyway OSS Edition 10.21.0 by Redgate',
        '',
        'See release notes here: https://rd.gt/416ObMi',
        'Database: jdbc:postgresql://catalog-db:5432/catalog (PostgreSQL 16.4)',
        'Successfully validated 142 migrations (execution time 00:00.187s)',
        'Current version of schema "public": 141',
        'Migrating schema "public" to version "142 - add products public id"',
        'Executing SQL: ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()',
      ) }),
      logsFor(dbPod, 'postgres', { current: lines(
        `${pgTime(48)} [61] LOG:  checkpoint starting: time`,
        `${pgTime(46.2)} [61] LOG:  checkpoint complete: wrote 18233 buffers (1.7%); 0 WAL file(s) added, 0 removed, 9 recycled; write=107.912 s, sync=0.021 s, total=107.981 s; sync files=212, longest=0.004 s, average=0.001 s; distance=151034 kB, estimate=160112 kB; lsn=3A/9F1C2E08, redo lsn=3A/98D31F70`,
        `${pgTime(18.6)} [4682] LOG:  statement: ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()`,
        ...waitLines(18.5, 4711, '4711'),
        ...waitLines(18.48, 4713, '4711, 4713'),
        ...waitLines(18.45, 4716, '4711, 4713, 4716'),
        ...timeoutLines(18.0, 4711),
        ...timeoutLines(17.98, 4713),
        `${pgTime(14)} [61] LOG:  checkpoint starting: wal`,
        ...waitLines(1.4, 5120, '4711, 4713, 4716, 4790, 4802, 4803, 4811, 4866, 4901, 4902, 4990, 5012, 5044, 5067, 5101, 5120'),
        ...timeoutLines(0.9, 4990),
        ...timeoutLines(0.88, 5012),
        ...waitLines(0.6, 5133, '4790, 4802, 4803, 4811, 4866, 4901, 4902, 5044, 5067, 5101, 5120, 5133'),
      ) }),
      ...api.pods.map((p, i) => logsFor(p, 'app', { current: lines(
        spring(22, 'INFO', 'catalog-api', 'nio-8080-exec-3', 'c.a.catalog.web.ProductController', `GET /v1/products/SKU-1100${i}-RED 200 in 8 ms`),
        ...stmtTimeout(17.9 - i * 0.05),
        hikari(12 - i, 31 + i),
        ...stmtTimeout(3.2),
        hikari(0.7, 44 + i),
      ) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"indexed batch","docs":500,"took_ms":412}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/catalog-migrate|migration|ALTER TABLE|flyway/i, /lock/i],
      facts: [/AccessExclusiveLock|AccessShareLock|lock/i, /4682|catalog-migrate-20261121/, /statement timeout|Connection is not available|HikariPool/i, /products/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /catalog-search-indexer/, /not ready|readiness probe fail/i],
    },
  };
}

// ---- 2. a Kafka producer rejects records over max.request.size after a payload change ---------------

function kafkaRecordTooLarge(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.140');
  const image = (v: string) => `${ECR}/orders/order-events:${v}`;
  const env = (embed: boolean): k8s.V1EnvVar[] => [
    { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'orders-kafka-bootstrap.kafka.svc:9092' },
    { name: 'ORDER_EVENTS_TOPIC', value: 'orders.events.v2' },
    { name: 'EMBED_SNAPSHOT', value: embed ? 'true' : 'false' },
  ];
  const tpl = (v: string, embed: boolean) => ({ containers: [container({ image: image(v), memory: '1Gi', env: env(embed), readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'order-events', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: order-events 3.8.0', template: tpl('3.8.0', false) },
      { revision: 19, createdAgo: 40, changeCause: 'argocd: order-events 3.9.0 (order snapshots in events)', template: tpl('3.9.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 40 - k * 1.2 })),
  });
  const projector = deploymentApp({
    namespace: ns, name: 'order-projector', replicas: 2,
    revisions: [{ revision: 7, createdAgo: 12 * DAYS, template: { containers: [container({ image: `${ECR}/orders/order-projector:1.4.1`, memory: '768Mi' })] } }],
    pods: [
      { revision: 7, node: names[0] ?? '', createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 22 * 60, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 22 * 60, ranSeconds: 9 * 86400 } }) } },
      { revision: 7, node: names[1] ?? '', createdAgo: 12 * DAYS },
    ],
  });
  const tooLarge = (t: number, order: number, bytes: number) => spring(t, 'ERROR', 'order-events', 'ad | producer-1', 'o.s.k.support.LoggingProducerListener', `Exception thrown when sending a message with key='ord-${order}' and payload='{"type":"order.updated","orderId":"ord-${order}","version":7,"snapshot":{"id":"ord-${order}","lines":[{"sku":"SKU-...' to topic orders.events.v2:\n\norg.apache.kafka.common.errors.RecordTooLargeException: The message is ${bytes} bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.`);
  const dropped = (t: number, order: number) => spring(t, 'WARN', 'order-events', 'ad | producer-1', 'c.a.orders.events.OrderEventPublisher', `dropping event order.updated for ord-${order} after send failure (RecordTooLargeException); outbox row marked FAILED`);
  const ok = (t: number, order: number) => spring(t, 'INFO', 'order-events', 'ad | producer-1', 'c.a.orders.events.OrderEventPublisher', `published order.created for ord-${order} to orders.events.v2-${order % 12}@${48812200 + order % 1000}`);
  const fresh = app.pods;
  return {
    id: 'heldout20-kafka-record-too-large-after-payload-change',
    class: 'containers',
    truth: 'Revision 19 of order-events (3.9.0, 40 minutes ago, with EMBED_SNAPSHOT=true) embeds the full order snapshot in every order event. Events of large orders now serialize to 1.2–1.6 MB, above the Java producer\'s max.request.size of 1048576 bytes, so KafkaProducer rejects them with RecordTooLargeException before they reach the brokers and the publisher drops them (outbox rows marked FAILED); small orders still publish and the pods stay Ready because the health endpoint does not send to Kafka. Fix: roll back to revision 18 (or set EMBED_SNAPSHOT=false), or raise max.request.size together with the topic\'s max.message.bytes (and the consumers\' fetch sizes), then replay the FAILED outbox rows.',
    ask: { service: 'order-events', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...projector.objects,
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-projector', selector: { app: 'order-projector' }, pods: projector.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 40),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 3, 39.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 1, 39.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 2, 38.1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 38.1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 36.9),
      ...fresh.flatMap((p, i) => startedAt(p, 'app', image('3.9.0'), 40 - i * 1.2)),
    ],
    logs: [
      ...fresh.map((p, i) => logsFor(p, 'app', { current: lines(
        spring(39.5 - i, 'INFO', 'order-events', 'main', 'o.a.k.clients.producer.ProducerConfig', 'ProducerConfig values: \n\tacks = -1\n\tbatch.size = 16384\n\tbootstrap.servers = [orders-kafka-bootstrap.kafka.svc:9092]\n\tcompression.type = none\n\tenable.idempotence = true\n\tlinger.ms = 5\n\tmax.request.size = 1048576\n\tretries = 2147483647'),
        spring(39.4 - i, 'INFO', 'order-events', 'main', 'c.a.orders.events.OrderEventsApplication', 'Started OrderEventsApplication in 9.412 seconds (process running for 10.118)'),
        spring(39.3 - i, 'INFO', 'order-events', 'main', 'c.a.orders.events.SnapshotConfig', 'EMBED_SNAPSHOT=true: events carry the full order snapshot'),
        ok(30, 7712001 + i),
        tooLarge(28 - i, 7711877 + i, 1572864),
        dropped(28 - i, 7711877 + i),
        ok(12, 7712950 + i),
        tooLarge(6.5, 7712301 + i, 1288402 + i * 1117),
        dropped(6.5, 7712301 + i),
        tooLarge(0.8, 7713044 + i, 1610233 - i * 4012),
        dropped(0.8, 7713044 + i),
      ) })),
      logsFor(podOf(projector, 0), 'app', { current: lines(spring(1, 'INFO', 'order-projector', 'ntainer#0-0-C-1', 'c.a.orders.projector.OrderProjector', 'projected 212 events from orders.events.v2 (lag 0)')) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RecordTooLarge|too large|max\.request\.size|1048576/i, /revision 19|EMBED_SNAPSHOT|3\.9\.0|snapshot/i],
      facts: [/1572864|1048576|max\.request\.size/i, /EMBED_SNAPSHOT/, /max\.message\.bytes|max\.request\.size|roll(ing)? ?back|revision 18/i],
      never: [/\bOOM/, /order-projector/, /crash ?loop/i, /not ready/i, /broker[^\n]*(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 3. the Secrets Store CSI mount is denied after the IRSA role lost GetSecretValue ------------------

function secretsStoreCsiAccessDenied(): CorpusScenario {
  const ns = 'payments';
  const old = ['31', '152', '77'].map((h) => eksNodeName(`10.0.64.${h}`));
  const fresh = ['12', '203'].map((h) => eksNodeName(`10.0.64.${h}`));
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = [
    node({ name: old[0] ?? '', zone: 'eu-west-1a', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(21.5) }] }),
    node({ name: old[1] ?? '', zone: 'eu-west-1b' }),
    node({ name: old[2] ?? '', zone: 'eu-west-1c' }),
    ...fresh.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a', createdAgo: 23, readySince: 22.4 })),
  ];
  const image = `${ECR}/payments/ledger-api:1.14.2`;
  const csiVolume: k8s.V1Volume = { name: 'secrets-store-inline', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'ledger-aws-secrets' } } };
  const tpl = {
    serviceAccountName: 'ledger-api',
    volumes: [csiVolume],
    containers: [container({ image, ports: [8080], memory: '384Mi', env: [{ name: 'DB_CREDENTIALS_FILE', value: '/mnt/secrets-store/ledger_db' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'secrets-store-inline', mountPath: '/mnt/secrets-store', readOnly: true }] })],
  };
  const app = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 19 * DAYS, changeCause: 'argocd: ledger-api 1.14.1', template: { ...tpl, containers: [container({ image: `${ECR}/payments/ledger-api:1.14.1` })] } },
      { revision: 31, createdAgo: 5 * DAYS, changeCause: 'argocd: ledger-api 1.14.2', template: tpl },
    ],
    pods: [
      { revision: 31, node: old[1] ?? '', createdAgo: 5 * DAYS },
      { revision: 31, node: old[2] ?? '', createdAgo: 5 * DAYS - 1 },
      { revision: 31, node: fresh[0] ?? '', createdAgo: 21.2, phase: 'Pending', containers: { app: waiting('ContainerCreating') } },
      { revision: 31, node: fresh[1] ?? '', createdAgo: 21.1, phase: 'Pending', containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const other = bystander(ns, 'ledger-reconciler', [fresh[0] ?? '', old[1] ?? ''], 21.2, { revisions: [22, 23], versions: ['0.9.3', '0.9.4'], olderAgo: 30 * DAYS });
  const providerImage = 'public.ecr.aws/aws-secrets-manager/secrets-store-csi-driver-provider-aws:1.0.r2-80-g3a4bb0e-2024.10.15.21.28';
  const provider = daemonSetApp({
    namespace: 'kube-system', name: 'csi-secrets-store-provider-aws', selector: { app: 'csi-secrets-store-provider-aws' },
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { serviceAccountName: 'csi-secrets-store-provider-aws', containers: [container({ name: 'provider-aws-installer', image: providerImage, args: ['--provider-volume=/var/run/secrets-store-csi-providers'], ports: [], cpu: '50m', memory: '100Mi', readiness: null, liveness: null })] } }],
    pods: [...old, ...fresh].map((n, i) => ({ revision: 4, node: n, createdAgo: i < 3 ? 40 * DAYS : 22.8 })),
  });
  const driverImage = 'registry.k8s.io/csi-secrets-store/driver:v1.4.6';
  const driver = daemonSetApp({
    namespace: 'kube-system', name: 'secrets-store-csi-driver', selector: { app: 'secrets-store-csi-driver' },
    revisions: [{ revision: 6, createdAgo: 60 * DAYS, template: { serviceAccountName: 'secrets-store-csi-driver', containers: [container({ name: 'secrets-store', image: driverImage, args: ['--endpoint=$(CSI_ENDPOINT)', '--nodeid=$(KUBE_NODE_NAME)', '--provider-volume=/var/run/secrets-store-csi-providers', '--enable-secret-rotation=false'], ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '50m', memory: '100Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz', { initialDelaySeconds: 30, timeoutSeconds: 10, periodSeconds: 15 }) })] } }],
    pods: [...old, ...fresh].map((n, i) => ({ revision: 6, node: n, createdAgo: i < 3 ? 40 * DAYS : 22.8 })),
  });
  const stuck = [podOf(app, 2), podOf(app, 3)];
  const arn = (session: string) => `arn:aws:sts::123456789012:assumed-role/ledger-api-irsa/${session}`;
  const denied = (session: string, req: string) => `eu-west-1: Failed fetching secret ledger/db: AccessDeniedException: User: ${arn(session)} is not authorized to perform: secretsmanager:GetSecretValue on resource: ledger/db because no identity-based policy allows the secretsmanager:GetSecretValue action\n\tstatus code: 400, request id: ${req}`;
  const mountFailed = (p: k8s.V1Pod, session: string, req: string) => `MountVolume.SetUp failed for volume "secrets-store-inline" : rpc error: code = Unknown desc = failed to mount secrets store objects for pod ${ns}/${nameOf(p)}, err: rpc error: code = Unknown desc = ${denied(session, req)}`;
  const klog = (t: number, level: 'I' | 'E', file: string, msg: string) => {
    const d = at(t);
    return `${level}${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}000       1 ${file}] ${msg}`;
  };
  const providerOn = (n: string) => provider.pods.find((p) => p.spec?.nodeName === n);
  const driverOn = (n: string) => driver.pods.find((p) => p.spec?.nodeName === n);
  const sessions = ['1763695094812563021', '1763695101377204118'];
  return {
    id: 'heldout20-secrets-store-csi-iam-access-denied',
    class: 'storage',
    truth: 'Twenty-five minutes ago an infrastructure change (Terraform, outside the cluster) rewrote the IAM policy of the ledger-api-irsa role and dropped secretsmanager:GetSecretValue on ledger/*. The ledger-api pods already running keep the secret files the Secrets Store CSI driver mounted when they started, but the two pods recreated on new nodes by the node-group rotation (21 minutes ago) cannot mount the secrets-store-inline volume (SecretProviderClass ledger-aws-secrets, AWS provider): FailedMount with AccessDeniedException, so they stay ContainerCreating and ledger-api runs on 2 of 4 pods. Neither the nodes nor revision 31 are the cause. Fix: restore secretsmanager:GetSecretValue (and kms:Decrypt) for the role on ledger/db; the kubelet then retries the mount.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...provider.objects, ...driver.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-reconciler', selector: { app: 'ledger-reconciler' }, pods: other.pods }),
      nodeEvent(old[0] ?? '', 'NodeNotSchedulable', `Node ${old[0] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 21.5 }),
      ...fresh.flatMap((n) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 22.9 }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 22.8, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 22.4 }),
      ]),
      ...stuck.flatMap((p, i) => [
        scheduled(p, 21.2 - i * 0.1),
        event({ on: p, reason: 'FailedMount', message: mountFailed(p, sessions[i] ?? '', i === 0 ? '2f6a1c0e-8d4b-4a57-b1e2-6c9d0f3a7e51' : 'c81e3d2a-5b7f-4e09-9a16-0d4f2b8c6e93'), count: 14, firstAgo: 21.1 - i * 0.1, lastAgo: 1.1 + i * 0.3 }),
        event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[secrets-store-inline], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 9, firstAgo: 19.1 - i * 0.1, lastAgo: 1.6 + i * 0.2 }),
      ]),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 23), 2, 0, 21.2),
    ],
    logs: [
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.4)}","level":"INFO","msg":"POST /v1/entries","status":201,"dur_ms":11}`, `{"time":"${at(0.3)}","level":"INFO","msg":"GET /v1/balances","status":200,"dur_ms":5}`) })),
      ...fresh.map((n, i) => logsFor(providerOn(n), 'provider-aws-installer', { current: lines(
        klog(22.7, 'I', 'main.go:87', 'Starting secrets-store-csi-driver-provider-aws version 1.0.r2-80-g3a4bb0e-2024.10.15.21.28'),
        klog(22.7, 'I', 'main.go:131', 'Listening for connections on address: /etc/kubernetes/secrets-store-csi-providers/aws.sock'),
        klog(21.1 - i * 0.1, 'I', 'server.go:124', `Servicing mount request for pod ${nameOf(stuck[i])} in namespace ${ns} using service account ledger-api with region(s) eu-west-1`),
        klog(21.1 - i * 0.1, 'E', 'server.go:158', `Failure to fetch secrets for pod ${ns}/${nameOf(stuck[i])}: ${denied(sessions[i] ?? '', '2f6a1c0e-8d4b-4a57-b1e2-6c9d0f3a7e51').replace('\n\t', ' ')}`),
        klog(1.1 + i * 0.3, 'I', 'server.go:124', `Servicing mount request for pod ${nameOf(stuck[i])} in namespace ${ns} using service account ledger-api with region(s) eu-west-1`),
        klog(1.1 + i * 0.3, 'E', 'server.go:158', `Failure to fetch secrets for pod ${ns}/${nameOf(stuck[i])}: ${denied(sessions[i] ?? '', '77b0e5d9-1c2a-4f38-8e6b-a3d91f0c4b27').replace('\n\t', ' ')}`),
      ) })),
      ...fresh.map((n, i) => logsFor(driverOn(n), 'secrets-store', { current: lines(
        klog(1.1 + i * 0.3, 'E', 'nodeserver.go:235', `"failed to mount secrets store object content" err="rpc error: code = Unknown desc = ${denied(sessions[i] ?? '', '77b0e5d9-1c2a-4f38-8e6b-a3d91f0c4b27').replace('\n\t', ' ')}" pod="${ns}/${nameOf(stuck[i])}"`),
        klog(1.1 + i * 0.3, 'I', 'nodeserver.go:81', `"unmounting target path as node publish volume failed" targetPath="/var/lib/kubelet/pods/${stuck[i]?.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/secrets-store-inline/mount" pod="${ns}/${nameOf(stuck[i])}"`),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GetSecretValue|AccessDenied|not authori[sz]ed/i],
      facts: [/ledger-api-irsa/, /FailedMount|ContainerCreating|secrets-store-inline/i, /IAM|polic(y|ies)|role/i, /ledger\/db/],
      never: [/node[^\n]*(not ready|NotReady|unhealthy|down)/i, ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /secret "?[\w-]+"? not found/i],
    },
  };
}

// ---- 4. a validating webhook whose CA bundle went stale when its certificates were renewed ----------

function webhookStaleCaBundle(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.112');
  const image = (v: string) => `${ECR}/accounts/profile-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'profile-api', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 8 * DAYS, changeCause: 'argocd: profile-api 2.18.4', template: tpl('2.18.4') },
      { revision: 42, createdAgo: 5, changeCause: 'argocd: profile-api 2.19.0', template: tpl('2.19.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
  });
  const webhookErr = 'Internal error occurred: failed calling webhook "validate.policy.acme.io": failed to call webhook: Post "https://policy-webhook.policy-system.svc:443/validate?timeout=10s": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "policy-webhook-ca")';
  const newRs = replicaSetOf(app, 42) as k8s.V1ReplicaSet;
  if (newRs.spec) newRs.spec.replicas = 1;
  if (newRs.status) newRs.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: webhookErr, lastTransitionTime: new Date(Date.parse(at(5))) }];
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) dep.status.conditions = [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: new Date(Date.parse(at(8 * DAYS))), lastTransitionTime: new Date(Date.parse(at(8 * DAYS))) },
    { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsOf(app, 42)}" is progressing.`, lastUpdateTime: new Date(Date.parse(at(5))), lastTransitionTime: new Date(Date.parse(at(5))) },
    { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: webhookErr, lastUpdateTime: new Date(Date.parse(at(5))), lastTransitionTime: new Date(Date.parse(at(5))) },
  ];
  const worker = bystander(ns, 'profile-worker', names, 2 * DAYS, { revisions: [15, 16], versions: ['1.3.0', '1.3.1'], olderAgo: 20 * DAYS });
  const whImage = 'registry.platform.acme.internal/policy/policy-webhook:0.14.2';
  const wh = deploymentApp({
    namespace: 'policy-system', name: 'policy-webhook', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 29.5, changeCause: 'reloader: secret policy-webhook-tls changed', template: { serviceAccountName: 'policy-webhook', volumes: [{ name: 'tls', secret: { secretName: 'policy-webhook-tls' } }], annotations: { 'reloader.stakater.com/last-reloaded-from': '{"type":"SECRET","name":"policy-webhook-tls","namespace":"policy-system"}' }, containers: [container({ image: whImage, ports: [{ name: 'https', containerPort: 9443 }], cpu: '100m', memory: '128Mi', readiness: { httpGet: { path: '/healthz', port: 9443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null, volumeMounts: [{ name: 'tls', mountPath: '/etc/webhook/certs', readOnly: true }] })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 29.5 }, { revision: 9, node: names[2] ?? '', createdAgo: 29.2 }],
  });
  const certEvent = (name: string, reason: string, message: string, t: number, component: string) => {
    const e = event({ on: { kind: 'Certificate', name, namespace: 'policy-system' }, type: 'Normal', reason, message, firstAgo: t, lastAgo: t, component });
    e.involvedObject.apiVersion = 'cert-manager.io/v1';
    return e;
  };
  const apiServers = ['10.0.112.201', '10.0.113.38'];
  const goLog = (t: number, msg: string) => `${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} ${msg}`;
  return {
    id: 'heldout20-validating-webhook-stale-ca-bundle',
    class: 'rollout',
    truth: 'Thirty minutes ago cert-manager renewed the policy webhook\'s self-signed CA (policy-webhook-ca, with a new private key) and the serving certificate policy-webhook-tls it issues, and Reloader restarted policy-webhook with the new certificate. The ValidatingWebhookConfiguration of validate.policy.acme.io carries a caBundle rendered once by Helm at install (no cainjector annotation), so the API server no longer trusts the webhook: every pod creation it intercepts fails with "x509: certificate signed by unknown authority" (failurePolicy Fail). Revision 42 of profile-api (2.19.0, 5 minutes ago) cannot create its first pod (FailedCreate on the new ReplicaSet), the three revision-41 pods keep serving and the rollout does not progress. Nothing in revision 42 is wrong: rolling back would hit the same webhook. Fix: update the caBundle (add the cert-manager.io/inject-ca-from annotation so the cainjector keeps it current).',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects, ...wh.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'profile-worker', selector: { app: 'profile-worker' }, pods: worker.pods }),
      ...exposed({ namespace: 'policy-system', name: 'policy-webhook', selector: { app: 'policy-webhook' }, pods: wh.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 9443 }),
      scaledReplicaSet(dep, rsOf(app, 42), 1, 0, 5),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${webhookErr}`, count: 15, firstAgo: 5, lastAgo: 0.2, component: 'replicaset-controller' }),
      certEvent('policy-webhook-ca', 'Issuing', 'Renewing certificate as renewal was scheduled at 2026-11-21 02:43:47 +0000 UTC', 30.4, 'cert-manager-certificates-trigger'),
      certEvent('policy-webhook-ca', 'Generated', 'Stored new private key in temporary Secret resource "policy-webhook-ca-7xq2t"', 30.4, 'cert-manager-certificates-key-manager'),
      certEvent('policy-webhook-ca', 'Requested', 'Created new CertificateRequest resource "policy-webhook-ca-2"', 30.4, 'cert-manager-certificates-request-manager'),
      certEvent('policy-webhook-ca', 'Issuing', 'The certificate has been successfully issued', 30.3, 'cert-manager-certificates-issuing'),
      certEvent('policy-webhook-tls', 'Issuing', 'Renewing certificate as renewal was scheduled at 2026-11-21 02:43:52 +0000 UTC', 30.2, 'cert-manager-certificates-trigger'),
      certEvent('policy-webhook-tls', 'Requested', 'Created new CertificateRequest resource "policy-webhook-tls-2"', 30.2, 'cert-manager-certificates-request-manager'),
      certEvent('policy-webhook-tls', 'Issuing', 'The certificate has been successfully issued', 30.1, 'cert-manager-certificates-issuing'),
      ...wh.pods.flatMap((p, i) => startedAt(p, 'app', whImage, 29.5 - i * 0.3)),
    ],
    logs: [
      ...wh.pods.map((p, i) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(29.4 - i * 0.3)}","msg":"loaded serving certificate","file":"/etc/webhook/certs/tls.crt","subject":"CN=policy-webhook.policy-system.svc","issuer":"CN=policy-webhook-ca","notBefore":"2026-11-21T02:43:52Z","notAfter":"2027-02-19T02:43:52Z"}`,
        `{"level":"info","ts":"${at(29.4 - i * 0.3)}","msg":"serving webhook","addr":":9443","paths":["/validate","/healthz"]}`,
        goLog(4.9 - i * 0.1, `http: TLS handshake error from ${apiServers[i] ?? ''}:${41230 + i * 77}: remote error: tls: bad certificate`),
        goLog(3.1 - i * 0.1, `http: TLS handshake error from ${apiServers[1 - i] ?? ''}:${52818 + i * 31}: remote error: tls: bad certificate`),
        goLog(0.2 + i * 0.1, `http: TLS handshake error from ${apiServers[i] ?? ''}:${38004 + i * 5}: remote error: tls: bad certificate`),
      ) })),
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${epochMs(0.6)},"msg":"request completed","req":{"method":"GET","url":"/v1/profiles/me"},"res":{"statusCode":200},"responseTime":7}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/validate\.policy\.acme\.io|policy-webhook|webhook/i, /x509|certificate|CA ?bundle|unknown authority|tls/i],
      facts: [/unknown authority|x509/i, /FailedCreate|Error creating|failed calling webhook/i, /policy-system|policy-webhook/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /quota/i, /profile-worker/],
    },
  };
}

// ---- 5. Envoy outlier detection ejected every pricing host after a short burst of 500s --------------

const PROXY_IMAGE = 'docker.io/istio/proxyv2:1.23.2';

/** What Istio's sidecar injector adds to a pod at admission (not in the ReplicaSet's template). */
function injectIstio(p: k8s.V1Pod, app: string, version: string): void {
  const proxy = container({
    name: 'istio-proxy', image: PROXY_IMAGE, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4, timeoutSeconds: 3 }), liveness: null,
    securityContext: { runAsUser: 1337, runAsGroup: 1337, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  });
  const init = batchContainer({ name: 'istio-init', image: PROXY_IMAGE, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] }, runAsUser: 0, runAsNonRoot: false } });
  const created = Date.parse(p.metadata?.creationTimestamp?.toString() ?? at(0));
  const sinceAgo = Math.max(0, (Date.parse(at(0)) - created) / 60_000 - 0.3);
  p.metadata = {
    ...p.metadata,
    labels: { ...p.metadata?.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': app, 'service.istio.io/canonical-revision': version },
    annotations: { ...p.metadata?.annotations, 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}', 'kubectl.kubernetes.io/default-container': 'app', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true' },
  };
  if (p.spec) p.spec = { ...p.spec, initContainers: [init], containers: [...p.spec.containers, proxy], volumes: [...(p.spec.volumes ?? []), { name: 'istio-envoy', emptyDir: { medium: 'Memory' } }, { name: 'istio-token', projected: { sources: [{ serviceAccountToken: { audience: 'istio-ca', expirationSeconds: 43200, path: 'istio-token' } }] } }, { name: 'istiod-ca-cert', configMap: { name: 'istio-ca-root-cert' } }] };
  const seed = `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`;
  p.status?.containerStatuses?.push(containerStatus(proxy, running({ sinceAgo }), seed));
  if (p.status) p.status.initContainerStatuses = [containerStatus(init, { state: exited({ exitCode: 0, finishedAgo: sinceAgo + 0.05, ranSeconds: 1 }, `${seed}/init`), ready: true, restartCount: 0, started: false }, seed)];
}

function outlierDetectionEjectedAllHosts(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.48');
  const coImage = (v: string) => `${ECR}/shop/checkout:${v}`;
  const coTpl = (v: string) => ({ containers: [container({ image: coImage(v), ports: [8080], memory: '512Mi', env: [{ name: 'PRICING_URL', value: 'http://pricing.shop.svc.cluster.local:8080' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }) })] });
  const checkout = deploymentApp({
    namespace: ns, name: 'checkout', replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 4 * DAYS, changeCause: 'argocd: checkout 5.31.0', template: coTpl('5.31.0') },
      { revision: 88, createdAgo: 70, changeCause: 'argocd: checkout 5.31.1', template: coTpl('5.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 70 - k * 0.8 })),
  });
  const prImage = `${ECR}/shop/pricing:2.4.7`;
  const pricing = deploymentApp({
    namespace: ns, name: 'pricing', replicas: 3,
    revisions: [{ revision: 31, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing 2.4.7', template: { containers: [container({ image: prImage, ports: [8080], memory: '256Mi', env: [{ name: 'RATES_REDIS_ADDR', value: 'pricing-rates-redis:6379' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[(k + 1) % 3] ?? '', createdAgo: 6 * DAYS - k })),
  });
  checkout.pods.forEach((p) => injectIstio(p, 'checkout', '5.31.1'));
  pricing.pods.forEach((p) => injectIstio(p, 'pricing', '2.4.7'));
  const svcs = [
    ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: checkout.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
    ...exposed({ namespace: ns, name: 'pricing', selector: { app: 'pricing' }, pods: pricing.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
  ];
  const pricingIp = clusterIpOf(svcs, 'pricing');
  const rid = (t: number, i: number) => uidOf(`rid/${t}/${i}`);
  const envoyOut = (t: number, i: number, p: k8s.V1Pod, code: number, flags: string, details: string, upstream: string, dur: number) =>
    `[${at(t)}] "GET /v2/quote?cart=c_${8812 + i} HTTP/1.1" ${code} ${flags} ${details} - "-" 0 ${code === 503 ? 19 : code === 500 ? 21 : 312} ${dur} ${code === 503 ? '-' : dur - 1} "-" "undici" "${rid(t, i)}" "pricing.shop.svc.cluster.local:8080" "${upstream}" outbound|8080||pricing.shop.svc.cluster.local ${upstream === '-' ? '-' : `${ipOfPod(p)}:${40112 + i}`} ${pricingIp}:8080 ${ipOfPod(p)}:${51200 + i} - default`;
  const envoyIn = (t: number, i: number, p: k8s.V1Pod, code: number) =>
    `[${at(t)}] "POST /v1/checkout HTTP/1.1" ${code} - via_upstream - "-" 1184 ${code === 200 ? 402 : 96} ${code === 200 ? 88 : 4} ${code === 200 ? 87 : 3} "10.0.48.${20 + i}" "Mozilla/5.0" "${rid(t + 1, i)}" "checkout.shop.svc.cluster.local:8080" "${ipOfPod(p)}:8080" inbound|8080|| 127.0.0.6:${47001 + i} ${ipOfPod(p)}:8080 10.0.48.${20 + i}:0 outbound_.8080_._.checkout.shop.svc.cluster.local default`;
  const pino = (t: number, p: k8s.V1Pod, level: number, msg: string, extra = '') => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}"${extra},"msg":"${msg}"}`;
  const prJson = (t: number, level: string, msg: string, extra = '') => `{"level":"${level}","ts":"${at(t)}","caller":"quote/handler.go:88","msg":"${msg}"${extra}}`;
  return {
    id: 'heldout20-envoy-outlier-detection-ejected-all-hosts',
    class: 'network',
    truth: 'The pricing DestinationRule sets outlierDetection with consecutive5xxErrors 1, baseEjectionTime 30m and maxEjectionPercent 100 (and Istio disables Envoy\'s panic threshold). A 90-second burst of 500s from pricing 21 minutes ago (its Redis rates cache timed out; it recovered on its own and all pricing pods stayed Ready) made every checkout sidecar eject every pricing host, so since then checkout\'s calls to pricing fail fast in its own istio-proxy with 503 UH no_healthy_upstream and no request reaches pricing, while all pods are Ready and the pricing endpoints are ready. Neither pricing nor checkout revision 88 (70 minutes ago) is the cause. Fix: relax the outlier detection (consecutive5xxErrors 5 or more, maxEjectionPercent below 100, a short baseEjectionTime), which also ends the ejections.',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...checkout.objects, ...pricing.objects, ...svcs,
      scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 88), 1, 0, 70),
      scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 87), 2, 3, 69.2),
      scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 88), 3, 1, 69.2),
      scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 87), 0, 2, 68.4),
      event({ on: podOf(pricing, 1), reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 2, firstAgo: 21, lastAgo: 20.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...checkout.pods.flatMap((p, i) => [
        logsFor(p, 'app', { current: lines(
          pino(22.5, p, 30, 'checkout completed', `,"cartId":"c_77${i}1","ms":91`),
          pino(21.4 - i * 0.1, p, 50, 'pricing quote failed: upstream returned 500: {"error":"internal"}', `,"cartId":"c_77${i}4","url":"http://pricing.shop.svc.cluster.local:8080/v2/quote"`),
          pino(20.6, p, 50, 'pricing quote failed: upstream returned 503: no healthy upstream', `,"cartId":"c_77${i}9","url":"http://pricing.shop.svc.cluster.local:8080/v2/quote"`),
          pino(11.2, p, 50, 'pricing quote failed: upstream returned 503: no healthy upstream', `,"cartId":"c_81${i}2","url":"http://pricing.shop.svc.cluster.local:8080/v2/quote"`),
          pino(11.2, p, 40, 'POST /v1/checkout 502', `,"reason":"pricing unavailable"`),
          pino(0.4, p, 50, 'pricing quote failed: upstream returned 503: no healthy upstream', `,"cartId":"c_90${i}7","url":"http://pricing.shop.svc.cluster.local:8080/v2/quote"`),
          pino(0.4, p, 40, 'POST /v1/checkout 502', `,"reason":"pricing unavailable"`),
        ) }),
        logsFor(p, 'istio-proxy', { current: lines(
          `${at(69.9)}\tinfo\tEnvoy proxy is ready`,
          envoyOut(22.5, i, p, 200, '-', 'via_upstream', `${ipOfPod(podOf(pricing, i))}:8080`, 14),
          envoyIn(22.5, i, p, 200),
          envoyOut(21.4 - i * 0.1, i, p, 500, '-', 'via_upstream', `${ipOfPod(podOf(pricing, (i + 1) % 3))}:8080`, 12),
          envoyOut(20.6, i + 3, p, 503, 'UH', 'no_healthy_upstream', '-', 0),
          envoyOut(11.2, i + 6, p, 503, 'UH', 'no_healthy_upstream', '-', 0),
          envoyIn(11.2, i, p, 502),
          envoyOut(0.4, i + 9, p, 503, 'UH', 'no_healthy_upstream', '-', 0),
          envoyIn(0.4, i + 9, p, 502),
        ) }),
      ]),
      ...pricing.pods.map((p, i) => logsFor(p, 'app', { current: lines(
        prJson(22.4, 'info', 'quote served', `,"path":"/v2/quote","status":200,"dur_ms":9`),
        prJson(21.5 - i * 0.1, 'error', 'quote failed', `,"path":"/v2/quote","status":500,"error":"rates cache: dial tcp 172.20.91.7:6379: i/o timeout"`),
        prJson(20.9, 'error', 'quote failed', `,"path":"/v2/quote","status":500,"error":"rates cache: redis: connection pool timeout"`),
        prJson(20.0, 'info', 'rates cache reconnected', `,"addr":"pricing-rates-redis:6379"`),
        prJson(1.0, 'info', 'rates refreshed', `,"skus":48211,"dur_ms":412`),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/outlier|eject|no[ _]healthy[ _]upstream|\bUH\b/i, /pricing/i],
      facts: [/no[ _]healthy[ _]upstream|\bUH\b/i, /outlier|eject|DestinationRule|circuit ?break/i, /pricing/],
      never: [/\bOOM/, /crash ?loop/i, /NetworkPolicy/i, ADVISES_ROLLBACK, /pricing[^\n]*(is down|not ready|crash|no (ready )?endpoints)/i],
    },
  };
}

// ---- 6. a rollout waits behind old pods that take an hour to terminate --------------------------------

function rolloutStuckBehindLongTermination(): CorpusScenario {
  const ns = 'realtime';
  const { nodes, names } = threeEksNodes('10.0.200');
  const image = (v: string) => `${ECR}/realtime/ws-gateway:${v}`;
  const tpl = (v: string) => ({
    terminationGracePeriodSeconds: 3600,
    containers: [{
      ...container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }) }),
      lifecycle: { preStop: { exec: { command: ['/usr/local/bin/ws-gateway', 'drain', '--deadline=3500s'] } } },
    }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'ws-gateway', replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: ws-gateway 1.22.0', template: tpl('1.22.0') },
      { revision: 12, createdAgo: 15, changeCause: 'argocd: ws-gateway 1.22.1', template: tpl('1.22.1') },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 9 * DAYS, deletingAgo: 14.1, containers: { app: running({ sinceAgo: 9 * DAYS - 0.5, ready: false }) } },
      { revision: 11, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 11, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 11, node: names[1] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 11, node: names[2] ?? '', createdAgo: 9 * DAYS - 4 },
      { revision: 11, node: names[2] ?? '', createdAgo: 9 * DAYS - 5 },
      { revision: 12, node: names[2] ?? '', createdAgo: 15 },
      { revision: 12, node: null, createdAgo: 14.1, unschedulable: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', containers: { app: waiting('ContainerCreating') } },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: new Date(Date.parse(at(9 * DAYS))), lastTransitionTime: new Date(Date.parse(at(9 * DAYS))) },
    ],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) dep.status.conditions = [...(dep.status.conditions ?? []), { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsOf(app, 12)}" has timed out progressing.`, lastUpdateTime: new Date(Date.parse(at(4.1))), lastTransitionTime: new Date(Date.parse(at(4.1))) }];
  const presence = deploymentApp({
    namespace: ns, name: 'presence-api', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 21 * DAYS, template: { containers: [container({ image: `${ECR}/realtime/presence-api:0.8.2`, cpu: '1', memory: '1Gi' })] } }],
    pods: [{ revision: 5, node: names[0] ?? '', createdAgo: 21 * DAYS }, { revision: 5, node: names[1] ?? '', createdAgo: 21 * DAYS }],
  });
  const proxy = kubeProxy(names.map((n) => ({ node: n })));
  const fluent = daemonSetApp({
    namespace: 'logging', name: 'fluent-bit', selector: { 'app.kubernetes.io/name': 'fluent-bit' },
    revisions: [{ revision: 3, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', ports: [2020], cpu: '200m', memory: '128Mi', readiness: httpProbe('/api/v1/health', 2020), liveness: httpProbe('/', 2020) })] } }],
    pods: names.map((n) => ({ revision: 3, node: n, createdAgo: 40 * DAYS })),
  });
  const leaving = podOf(app, 0);
  const surge = podOf(app, 6);
  const pending = podOf(app, 7);
  const zl = (t: number, msg: string, extra = '') => `{"level":"info","time":"${at(t)}"${extra},"message":"${msg}"}`;
  let open = 4213;
  return {
    id: 'heldout20-rollout-stuck-behind-hour-long-terminations',
    class: 'rollout',
    truth: 'ws-gateway holds long-lived websocket connections: its preStop hook drains them for up to 3500 s and terminationGracePeriodSeconds is 3600. Revision 12 (1.22.1, 15 minutes ago) rolls with maxSurge 1 / maxUnavailable 0 on nodes whose CPU is fully requested (the node group is at its maximum size): the first surge pod fit and became ready, the controller then deleted one old pod, which stays Terminating, draining and still holding its 1 CPU request for up to an hour, so the next surge pod is Pending with Insufficient cpu. Each of the six steps waits up to an hour; nothing is broken in revision 12. Fix: let it proceed (or shorten the drain, add capacity, or use maxUnavailable 1 so the rollout does not need room for a surge pod); do not roll back.',
    ask: { service: 'ws-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...presence.objects, ...proxy.objects, ...fluent.objects,
      ...exposed({ namespace: ns, name: 'ws-gateway', selector: { app: 'ws-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'presence-api', selector: { app: 'presence-api' }, pods: presence.pods }),
      scaledReplicaSet(dep, rsOf(app, 12), 1, 0, 15),
      scaledReplicaSet(dep, rsOf(app, 11), 5, 6, 14.1),
      scaledReplicaSet(dep, rsOf(app, 12), 2, 1, 14.1),
      ...startedAt(surge, 'app', image('1.22.1'), 15),
      event({ on: leaving, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 14.1, lastAgo: 14.1, fieldPath: 'spec.containers{app}' }),
      event({ on: leaving, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 84, firstAgo: 14, lastAgo: 0.1, fieldPath: 'spec.containers{app}' }),
      failedScheduling(pending, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 11, firstAgo: 14.1, lastAgo: 0.9 }),
      notTriggerScaleUp(pending, '1 max node group size reached', { count: 84, firstAgo: 14, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(leaving, 'app', { current: lines(
        zl(15.5, 'connections', ',"open":4198'),
        zl(14.1, 'drain requested (preStop): readiness now failing, no new websocket upgrades', ',"open":4213,"deadline":"3500s"'),
        zl(14.1, 'sending close frames (1001 going away) in batches', ',"batch":100,"interval":"80s"'),
      ) + every(12, 0.5, 120, (t) => { open -= 230; return zl(t, 'draining', `,"open":${open}`) + '\n'; }) }),
      ...app.pods.slice(1, 7).map((p) => logsFor(p, 'app', { current: lines(zl(1, 'connections', `,"open":${4300 + nameOf(p).charCodeAt(nameOf(p).length - 1) * 7}`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/terminat|grace ?period|preStop|drain/i],
      facts: [/3600|1 ?h(ou)?r|60 ?min/i, /Insufficient cpu/i, /Terminating|deletionTimestamp|Stopping container|being deleted|draining/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /FailedPreStopHook|preStop hook (failed|error)/i, /presence-api/],
    },
  };
}

// ---- 7. healthy control: the HPA scaled search-api down for the night ---------------------------------

function healthyHpaScaleDown(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.160');
  const image = `${ECR}/search/search-api:3.2.5`;
  const tpl = {
    terminationGracePeriodSeconds: 330,
    containers: [{
      ...container({ image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '2Gi', env: [{ name: 'SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE', value: '5m' }, { name: 'SERVER_SHUTDOWN', value: 'graceful' }], readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }) }),
      lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } },
    }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 4,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: search-api 3.2.4', template: { ...tpl, containers: [container({ image: `${ECR}/search/search-api:3.2.4` })] } },
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: search-api 3.2.5', template: tpl },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 20 * 60, restarts: 1, last: { exitCode: 143, finishedAgo: 20 * 60, ranSeconds: 5 * 86400 - 20 * 3600 } }) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 14, node: names[2] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 14, node: names[0] ?? '', createdAgo: 6 * DAYS - 3 },
      ...[0, 1, 2, 3, 4, 5].map((k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: 5 * 60 - k * 3, deletingAgo: 3, containers: { app: running({ sinceAgo: 5 * 60 - k * 3 - 0.7, ready: false }) } })),
    ],
  });
  const dep = deploymentOf(app);
  const scaler = hpa({ namespace: ns, name: 'search-api', target: { kind: 'Deployment', name: 'search-api' }, min: 4, max: 12, current: 4, desired: 4, cpu: { current: 31, target: 65, averageValue: '310m' }, lastScaleAgo: 3 });
  const web = deploymentApp({
    namespace: ns, name: 'search-web', replicas: 2,
    revisions: [{ revision: 40, createdAgo: 3 * DAYS, changeCause: 'argocd: search-web 7.9.0', template: { containers: [container({ image: `${ECR}/search/search-web:7.9.0`, memory: '256Mi', env: [{ name: 'SEARCH_API_URL', value: 'http://search-api.search.svc.cluster.local' }] })] } }],
    pods: [{ revision: 40, node: names[1] ?? '', createdAgo: 3 * DAYS }, { revision: 40, node: names[2] ?? '', createdAgo: 3 * DAYS }],
  });
  const svcs = [
    ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
    ...exposed({ namespace: ns, name: 'search-web', selector: { app: 'search-web' }, pods: web.pods }),
  ];
  const apiIp = clusterIpOf(svcs, 'search-api');
  const goLog = (t: number, msg: string) => `${at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/')} ${msg}`;
  const leaving = app.pods.slice(4);
  return {
    id: 'heldout20-healthy-hpa-night-scale-down',
    class: 'healthy',
    truth: 'Nothing is wrong. Evening traffic fell and the search-api HPA scaled the Deployment from 10 to 4 replicas three minutes ago (SuccessfulRescale, "All metrics below target", CPU 31% of a 65% target). The six removed pods are still Terminating because Spring Boot\'s graceful shutdown lets in-flight export streams finish (terminationGracePeriodSeconds 330); the four remaining pods are Ready and serve. Two "connection reset by peer" lines in search-web at the moment of the scale-down were keep-alive connections to the leaving pods, retried successfully; the restart of one pod is from yesterday.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, ...svcs, scaler,
      event({ on: { kind: 'HorizontalPodAutoscaler', metadata: scaler.metadata }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: All metrics below target', firstAgo: 3, lastAgo: 3, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rsOf(app, 14), 4, 10, 3),
      ...leaving.map((p) => event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 3, lastAgo: 3, fieldPath: 'spec.containers{app}' })),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8081/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 20 * 60 + 0.6, lastAgo: 20 * 60 + 0.1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.slice(0, 4).map((p, i) => logsFor(p, 'app', { current: lines(
        spring(2.5, 'INFO', 'search-api', `nio-8080-exec-${i + 3}`, 'c.a.search.web.SearchController', `GET /v1/search q=“winter boots” hits=412 took=38ms`),
        spring(0.3, 'INFO', 'search-api', `nio-8080-exec-${i + 9}`, 'c.a.search.web.SearchController', `GET /v1/search q=“usb-c hub” hits=97 took=22ms`),
      ) })),
      ...leaving.map((p, i) => logsFor(p, 'app', { current: lines(
        spring(2.8, 'INFO', 'search-api', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
        spring(2.1 - i * 0.1, 'INFO', 'search-api', `nio-8080-exec-${i + 2}`, 'c.a.search.export.ExportController', `export stream exp_${5510 + i} still running: 184220 of 400000 rows sent`),
      ) })),
      ...web.pods.map((p, i) => logsFor(p, 'app', { current: lines(
        goLog(3.0, `search: Get "http://search-api.search.svc.cluster.local/v1/search?q=winter+boots": read tcp ${ipOfPod(p)}:${51230 + i}->${apiIp}:80: read: connection reset by peer (retrying 1/2)`),
        goLog(2.9, 'GET /search?q=winter+boots 200 41ms'),
        goLog(0.4, 'GET /search?q=usb-c+hub 200 25ms'),
      ) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|all (\d+ )?(pods )?(are )?ready|\d\/\d/i],
      facts: [/4\/4|4 of 4|all 4|four/i, /HPA|autoscal|scal(ed|ing) (down|in)/i],
      never: [/\bOOM/, /crash ?loop/i, /stuck[^\n]*terminat|terminat[^\n]*stuck/i, /connection reset/i, ADVISES_ROLLBACK, /liveness probe (is )?failing/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  migrationJobLockStallsApi(),
  kafkaRecordTooLarge(),
  secretsStoreCsiAccessDenied(),
  webhookStaleCaBundle(),
  outlierDetectionEjectedAllHosts(),
  rolloutStuckBehindLongTermination(),
  healthyHpaScaleDown(),
];

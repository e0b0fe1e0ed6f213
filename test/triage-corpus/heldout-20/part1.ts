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
  failedScheduling, hpa, httpProbe, job, jobEvent, nameOf, node, notTriggerScaleUp, nodeEvent, pyTime, rsOf,
  replicaSetOf, running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, tcpProbe, waiting,
  exited, clfTime, every, epochMs, configMap,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
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
    node({ name: old[0] ?? '', zone: 'eu-west-1a', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(21.5))) }] }),
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
      { revision: 31, node: fresh[0] ?? '', createdAgo: 21.2, containers: { app: waiting('ContainerCreating') } },
      { revision: 31, node: fresh[1] ?? '', createdAgo: 21.1, containers: { app: waiting('ContainerCreating') } },
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

export const PART_ONE: CorpusScenario[] = [
  migrationJobLockStallsApi(),
  kafkaRecordTooLarge(),
  secretsStoreCsiAccessDenied(),
  webhookStaleCaBundle(),
];

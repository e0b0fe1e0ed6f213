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

export const PART_ONE: CorpusScenario[] = [
  migrationJobLockStallsApi(),
  kafkaRecordTooLarge(),
];

// Held-out stories, seventy-sixth round, part two: a Django release whose migrate init container
// hits InconsistentMigrationHistory after a partial (one-app) database restore; a Java service
// whose CPU limit cut to 1 leaves the ForkJoinPool common pool with one worker, so blocking
// CompletableFuture fan-outs queue and time out; a Debezium CDC connector refused by Postgres
// because stale slots fill max_replication_slots; a Java 8 service whose rotated keystore is now
// PKCS12 while it still loads it as JKS ("Invalid keystore format"); a Celery worker whose
// task_time_limit was lowered to 300 s so long transcodes are SIGKILLed; a Rails app whose
// RACK_TIMEOUT_SERVICE_TIMEOUT dropped to 5 s; and a healthy control: a Spring Boot service that
// logs Tomcat's APR-not-found and Lettuce's missing epoll/kqueue lines at every start.
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, job, jobEvent, nameOf, probeFailed, pyTime, rsOf, running, scaledReplicaSet,
  statefulSetApp, tcpProbe, waiting, boundClaim, restartedAgain,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Spring Boot 3's console time: `2026-11-21T03:12:41.563Z`. */
const sbTime = (minutes: number): string => at(minutes);
/** Ruby Logger time: `2026-11-21T03:12:41.563118`. */
const rbTime = (minutes: number): string => `${at(minutes).slice(0, 23)}118`;

// ---- 1. Django migrate: InconsistentMigrationHistory after a one-app restore ---------------------

function djangoInconsistentMigrationHistory(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.86', ['14', '140', '222']);
  const image = (v: string) => `${ECR}/billing/invoice-web:${v}`;
  const env = [
    { name: 'DJANGO_SETTINGS_MODULE', value: 'invoicing.settings.production' },
    { name: 'DATABASE_HOST', value: 'billing-db.cluster-cq81mz0v2kpa.eu-west-1.rds.amazonaws.com' },
    { name: 'DATABASE_NAME', value: 'billing' },
  ];
  const tpl = (v: string) => ({
    initContainers: [batchContainer({ name: 'migrate', image: image(v), command: ['python', 'manage.py', 'migrate', '--noinput'], env, cpu: '200m', memory: '384Mi' })],
    containers: [container({
      name: 'web', image: image(v), command: ['gunicorn', 'invoicing.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '3'], env, ports: [8000],
      cpu: '300m', memory: '640Mi', readiness: httpProbe('/healthz/ready', 8000), liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const failedInit = crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 6 }, 9);
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-web',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-web 3.18.0', template: tpl('3.18.0') },
      { revision: 58, createdAgo: 26, changeCause: 'argocd: invoice-web 3.19.0', template: tpl('3.19.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 58, node: names[1] ?? '', createdAgo: 25.5, initContainers: { migrate: failedInit }, containers: { web: waiting('PodInitializing') } },
    ],
  });
  const fresh = podOf(app, 3);
  const restoreImage = 'docker.io/library/postgres:16.4';
  const restore = job({
    namespace: ns,
    name: 'ledger-pitr-restore-20261120',
    createdAgo: 5 * HOURS + 40,
    backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'restore', image: restoreImage, command: ['/scripts/restore-app-tables.sh'], args: ['--app', 'ledger', '--snapshot', 'billing-db-2026-11-13-0300'], cpu: '500m', memory: '1Gi' })] },
    pods: [{ node: names[2] ?? '', createdAgo: 5 * HOURS + 40, phase: 'Succeeded', containers: { restore: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(5 * HOURS + 39.8))), finishedAt: new Date(Date.parse(at(5 * HOURS + 12))) } }, ready: false, restartCount: 0, started: false } } }],
    outcome: { complete: true, ago: 5 * HOURS + 12 },
  });
  const restorePod = podOf(restore, 0);
  const other = bystander(ns, 'invoice-mailer', names, 3 * HOURS, { revisions: [21, 22], versions: ['1.6.2', '1.6.3'], olderAgo: 30 * DAYS });
  const traceback = () => lines(
    `Operations to perform:`,
    `  Apply all migrations: accounts, admin, auth, contenttypes, invoices, ledger, payments, sessions`,
    `Traceback (most recent call last):`,
    `  File "/app/manage.py", line 22, in <module>`,
    `    main()`,
    `  File "/app/manage.py", line 18, in main`,
    `    execute_from_command_line(sys.argv)`,
    `  File "/usr/local/lib/python3.12/site-packages/django/core/management/__init__.py", line 442, in execute_from_command_line`,
    `    utility.execute()`,
    `  File "/usr/local/lib/python3.12/site-packages/django/core/management/base.py", line 107, in wrapper`,
    `    res = handle_func(*args, **kwargs)`,
    `  File "/usr/local/lib/python3.12/site-packages/django/core/management/commands/migrate.py", line 120, in handle`,
    `    executor.loader.check_consistent_history(connection)`,
    `  File "/usr/local/lib/python3.12/site-packages/django/db/migrations/loader.py", line 327, in check_consistent_history`,
    `    raise InconsistentMigrationHistory(`,
    `django.db.migrations.exceptions.InconsistentMigrationHistory: Migration invoices.0047_invoice_ledger_entry_fk is applied before its dependency ledger.0023_entry_currency_split on database 'default'.`,
  );
  return {
    id: 'heldout76-django-inconsistent-migration-history-after-partial-restore',
    class: 'config',
    truth: 'Yesterday evening a point-in-time restore Job (ledger-pitr-restore-20261120) restored only the ledger app\'s tables, including its rows of django_migrations, from an 8-day-old snapshot. The django_migrations table now says invoices.0047 is applied but its dependency ledger.0023 is not, so the new invoice-web 3.19.0 pod\'s migrate init container fails at check_consistent_history with InconsistentMigrationHistory and crash-loops (Init:CrashLoopBackOff); the rollout is stuck with the three old pods serving. The release is not at fault: the migration history must be repaired (re-apply/fake ledger.0023 after checking the schema, or restore consistently).',
    ask: { service: 'invoice-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...restore.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-web', selector: { app: 'invoice-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 3 * HOURS),
      jobEvent(restore.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(restorePod)}`, 5 * HOURS + 40),
      jobEvent(restore.objects[0], 'Completed', 'Job completed', 5 * HOURS + 12),
      ...startedAt(fresh, 'migrate', image('3.19.0'), 25.5),
      backOff(fresh, 'migrate', { count: 108, firstAgo: 24.8, lastAgo: 0.4, init: true }),
    ],
    logs: [
      logsFor(fresh, 'migrate', { current: traceback(), previous: traceback() }),
      logsFor(restorePod, 'restore', {
        current: lines(
          `${at(5 * HOURS + 39.7)} restoring app=ledger from snapshot billing-db-2026-11-13-0300 into billing`,
          `${at(5 * HOURS + 39.6)} tables: ledger_account ledger_entry ledger_journal django_migrations(app='ledger')`,
          `${at(5 * HOURS + 20)} pg_restore: restored 4 tables, 18244310 rows`,
          `${at(5 * HOURS + 12.2)} django_migrations: replaced 22 rows for app 'ledger' (latest ledger.0022_journal_reference_idx)`,
          `${at(5 * HOURS + 12.1)} done`,
        ),
      }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'web', { current: lines(`10.0.86.31 - - [21/Nov/2026:03:12:04 +0000] "GET /api/invoices?status=open HTTP/1.1" 200 18234 "-" "billing-portal/5.2"`, `10.0.86.31 - - [21/Nov/2026:03:13:40 +0000] "GET /healthz/ready HTTP/1.1" 200 2 "-" "kube-probe/1.30"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InconsistentMigrationHistory|migration history|applied before its dependency|migrat[a-z]* (is |are )?(inconsistent|out of order)/i],
      facts: [/ledger\.?0023|invoices\.?0047/i, /restor/i],
      never: [ADVISES_ROLLBACK, /OOM|out of memory/i, /image[^\n]*(pull|not found)/i],
    },
  };
}

// ---- 2. CPU limit 1: ForkJoinPool common pool starves ------------------------------------------

function forkJoinCommonPoolStarvedByCpuLimit(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.91', ['27', '118', '240']);
  const image = `${ECR}/pricing/quote-service:5.4.2`;
  const tpl = (cpu: string, cpuLimit: string) => ({
    containers: [container({
      image, ports: [8080], cpu, cpuLimit, memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'QUOTE_FANOUT_TIMEOUT_MS', value: '2500' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-service 5.4.2', template: tpl('2', '4') },
      { revision: 23, createdAgo: 2 * HOURS + 50, changeCause: 'argocd: rightsizing PR #1182 (quote-service requests/limits)', template: tpl('500m', '1') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 23, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 49 - 2 * k, ready: k !== 2, containers: { app: running({ sinceAgo: 2 * HOURS + 48 - 2 * k, ready: k !== 2 }) } })),
    settled: { available: true, availableSince: 2 * HOURS + 40, progressingSince: 2 * HOURS + 50, progressingUpdatedAgo: 2 * HOURS + 40 },
  });
  const other = bystander(ns, 'fx-rates', names, 70, { revisions: [40, 41], versions: ['2.9.0', '2.9.1'], olderAgo: 21 * DAYS });
  const log = (k: number) => {
    const start = 2 * HOURS + 48 - 2 * k;
    const out = [
      `${sbTime(start)}  INFO 1 --- [quote-service] [           main] c.a.pricing.QuoteServiceApplication      : Starting QuoteServiceApplication v5.4.2 using Java 21.0.5 with PID 1`,
      `${sbTime(start - 0.05)}  INFO 1 --- [quote-service] [           main] c.a.pricing.config.FanoutConfig          : Quote fan-out executor: ForkJoinPool.commonPool() (parallelism=1, availableProcessors=1), timeout=2500ms`,
      `${sbTime(start - 0.6)}  INFO 1 --- [quote-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${sbTime(start - 0.62)}  INFO 1 --- [quote-service] [           main] c.a.pricing.QuoteServiceApplication      : Started QuoteServiceApplication in 34.118 seconds (process running for 36.02)`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.8 - k * 0.1;
      out.push(`${sbTime(t)}  WARN 1 --- [quote-service] [nio-8080-exec-${(i % 9) + 1}] c.a.pricing.quote.QuoteAggregator        : Fan-out timed out after 2500ms for quote ${88_120 + i * 37 + k}: 3 of 7 carrier lookups still queued (pool=ForkJoinPool.commonPool, active=1, queued=${38 + i * 3 + k})`);
      out.push(`${sbTime(t - 0.01)} ERROR 1 --- [quote-service] [nio-8080-exec-${(i % 9) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception [Request processing failed: java.util.concurrent.TimeoutException] with root cause`);
      if (i % 4 === 0) out.push(`${sbTime(t - 0.02)}  INFO 1 --- [quote-service] [onPool-worker-1] c.a.pricing.carrier.CarrierClient        : carrier=dhl-express lookup completed in 212ms (waited ${1900 + i * 130}ms in queue)`);
    }
    return lines(...out);
  };
  const slow = podOf(app, 2);
  return {
    id: 'heldout76-forkjoin-common-pool-starved-after-cpu-limit-1',
    class: 'capacity',
    truth: 'A right-sizing change (revision 23, 2 h 50 min ago) cut quote-service\'s CPU limit from 4 to 1 (request 2 -> 500m). The JVM derives availableProcessors from the CPU limit, so it now sees 1 processor and the ForkJoinPool common pool, which runs the blocking carrier lookups of the quote fan-out (CompletableFuture.supplyAsync with no executor), has a single worker. Lookups queue behind each other, fan-outs hit their 2500 ms timeout and requests fail with TimeoutException; one pod also fails readiness. Downstream carriers answer in ~200 ms. Fix: restore the CPU limit (or set -XX:ActiveProcessorCount / a dedicated executor for blocking calls).',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 4, 3, 2 * HOURS + 43),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, 2 * HOURS + 41),
      probeFailed(slow, 'app', 'Readiness', 'Get "http://' + (slow.status?.podIP ?? '10.0.91.50') + ':8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', { count: 61, firstAgo: 95, lastAgo: 0.3 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/ForkJoin|common ?pool|thread ?pool|parallelism|available ?processors|cpu limit|limits?\.cpu|cpu[^\n]*(lowered|reduced|cut)/i],
      facts: [/ForkJoin|common ?pool|parallelism=1|availableProcessors=1|1 (available )?processor/i, /rightsizing|revision 23|limit[^\n]*\b4\b|from 4|4 ?(->|→|to) ?1/i],
      never: [/OOM|out of memory/i, /carrier[^\n]*(down|outage|unavailable)/i, /fx-rates/],
    },
  };
}

// ---- 3. Postgres: all replication slots are in use -------------------------------------------------

function replicationSlotsExhausted(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.104', ['9', '131', '203']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const conf = configMap({
    namespace: ns, name: 'orders-db-config', createdAgo: 210 * DAYS, updatedAgo: 90 * DAYS,
    data: { 'postgresql.conf': 'listen_addresses = \'*\'\nmax_connections = 300\nshared_buffers = 2GB\nwal_level = logical\nmax_wal_senders = 10\nmax_replication_slots = 4\nmax_slot_wal_keep_size = -1\n' },
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 1,
    serviceName: 'orders-db',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '6Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }] })], volumes: [{ name: 'config', configMap: { name: 'orders-db-config' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 34 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-orders-db-0', storage: '500Gi', zone: 'eu-west-1a', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  const cdcImage = 'quay.io/debezium/server:2.7.3.Final';
  const cdcTpl = (slot: string) => ({
    containers: [container({
      name: 'debezium', image: cdcImage, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'DEBEZIUM_SOURCE_CONNECTOR_CLASS', value: 'io.debezium.connector.postgresql.PostgresConnector' },
        { name: 'DEBEZIUM_SOURCE_DATABASE_HOSTNAME', value: 'orders-db.data-platform.svc.cluster.local' },
        { name: 'DEBEZIUM_SOURCE_DATABASE_DBNAME', value: 'orders' },
        { name: 'DEBEZIUM_SOURCE_PLUGIN_NAME', value: 'pgoutput' },
        { name: 'DEBEZIUM_SOURCE_SLOT_NAME', value: slot },
        { name: 'DEBEZIUM_SOURCE_PUBLICATION_NAME', value: 'orders_pub' },
        { name: 'DEBEZIUM_SINK_TYPE', value: 'kafka' },
      ],
      readiness: httpProbe('/q/health/ready', 8080), liveness: httpProbe('/q/health/live', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const restarts = 14;
  const cdc = deploymentApp({
    namespace: ns,
    name: 'orders-cdc',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 6, createdAgo: 40 * DAYS, changeCause: 'argocd: orders-cdc slot orders_cdc_v3', template: cdcTpl('orders_cdc_v3') },
      { revision: 7, createdAgo: 52, changeCause: 'argocd: orders-cdc slot orders_cdc_v4 (re-snapshot)', template: cdcTpl('orders_cdc_v4') },
    ],
    pods: [{ revision: 7, node: names[1] ?? '', createdAgo: 51, containers: { debezium: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 19 }, restarts) } }],
  });
  const pod = podOf(cdc, 0);
  const dbPod = podOf(db, 0);
  const slotRun = (t: number) => lines(
    `${at(t)} slot_name      | plugin   | slot_type | active | restart_lsn    | retained_wal`,
    `${at(t)} ---------------+----------+-----------+--------+----------------+-------------`,
    `${at(t)} orders_cdc     | pgoutput | logical   | f      | 3A/1C2F4410    | 212 GB`,
    `${at(t)} orders_cdc_v2  | pgoutput | logical   | f      | 4F/8810A2D8    | 129 GB`,
    `${at(t)} analytics_tmp  | pgoutput | logical   | f      | 51/03B4E9F0    | 121 GB`,
    `${at(t)} orders_cdc_v3  | pgoutput | logical   | f      | 6C/77E01A28    | 14 GB`,
    `${at(t)} (4 rows)`,
  );
  const report = cronJob({
    namespace: ns,
    name: 'replication-slot-report',
    schedule: '0 * * * *',
    template: { containers: [batchContainer({ name: 'psql', image: pgImage, command: ['psql', '-h', 'orders-db', '-U', 'monitor', 'orders', '-c', 'SELECT slot_name, plugin, slot_type, active, restart_lsn, pg_size_pretty(pg_current_wal_lsn() - restart_lsn) AS retained_wal FROM pg_replication_slots'], cpu: '50m', memory: '64Mi' })] },
    jobs: [{ createdAgo: 14, pods: [{ node: names[2] ?? '', createdAgo: 14, phase: 'Succeeded', containers: { psql: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(13.9))), finishedAt: new Date(Date.parse(at(13.8))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 13.8 } }],
    lastSuccessfulAgo: 13.8,
  });
  const reportPod = podOf(report.jobs[0] as Built, 0);
  const crash = (t: number) => lines(
    `${at(t)} INFO  [io.deb.ser.BaseChangeConsumer] (main) Using 'io.debezium.server.BaseChangeConsumer$$Lambda/0x00007f1c0c4a3a98@5b3a2d1e' stream name mapper`,
    `${at(t - 0.05)} INFO  [io.deb.con.pos.PostgresConnectorTask] (pool-7-thread-1) user 'debezium' connected to database 'orders' on PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu with roles: role 'pg_read_all_data' [superuser: false, replication: true, inherit: true, create role: false, create db: false, can log in: true]`,
    `${at(t - 0.06)} INFO  [io.deb.con.pos.PostgresConnectorTask] (pool-7-thread-1) No previous offset found`,
    `${at(t - 0.08)} ERROR [io.deb.ser.ConnectorLifecycle] (pool-7-thread-1) Connector completed: success = 'false', message = 'Unable to initialize and start connector's task class 'io.debezium.connector.postgresql.PostgresConnectorTask' with config: {...}', error = 'io.debezium.DebeziumException: Creating replication slot with command CREATE_REPLICATION_SLOT "orders_cdc_v4"  LOGICAL pgoutput failed': io.debezium.DebeziumException: Creating replication slot with command CREATE_REPLICATION_SLOT "orders_cdc_v4"  LOGICAL pgoutput failed`,
    `\tat io.debezium.connector.postgresql.connection.PostgresReplicationConnection.createReplicationSlot(PostgresReplicationConnection.java:547)`,
    `\tat io.debezium.connector.postgresql.PostgresConnectorTask.start(PostgresConnectorTask.java:142)`,
    `Caused by: org.postgresql.util.PSQLException: ERROR: all replication slots are in use`,
    `  Hint: Free one or increase max_replication_slots.`,
    `\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)`,
    `${at(t - 0.1)} INFO  [io.deb.ser.DebeziumServer] (main) Received request to stop the engine`,
    `${at(t - 0.12)} INFO  [io.quarkus] (main) debezium-server-dist stopped in 0.118s`,
  );
  const other = bystander(ns, 'orders-events-sink', names, 6 * HOURS, { revisions: [11, 12], versions: ['0.9.4', '0.9.5'], olderAgo: 19 * DAYS });
  return {
    id: 'heldout76-postgres-replication-slots-all-in-use-cdc-crashloop',
    class: 'config',
    truth: 'The orders-cdc Debezium connector was re-pointed at a new slot (orders_cdc_v4, revision 7, 52 min ago) for a re-snapshot, but orders-db runs with max_replication_slots = 4 and all four are taken by inactive slots left by earlier connectors (orders_cdc, orders_cdc_v2, analytics_tmp, orders_cdc_v3), so CREATE_REPLICATION_SLOT fails with "all replication slots are in use" and the connector crash-loops. The stale slots also retain ~475 GB of WAL. Fix: drop the abandoned slots (pg_drop_replication_slot) or raise max_replication_slots.',
    ask: { service: 'orders-cdc', namespace: ns },
    objects: [
      ...nodes, conf, ...db.objects, claim, vol, ...cdc.objects, ...report.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      scaledReplicaSet(deploymentOf(cdc), rsOf(cdc, 6), 0, 1, 52),
      scaledReplicaSet(deploymentOf(cdc), rsOf(cdc, 7), 1, 0, 51.5),
      ...startedAt(pod, 'debezium', cdcImage, 51),
      ...restartedAgain(pod, 'debezium', cdcImage, { count: restarts, firstAgo: 50, lastAgo: 2.3 }),
      backOff(pod, 'debezium', { count: 196, firstAgo: 49, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(pod, 'debezium', { current: crash(0.3).split('\n').slice(0, 3).join('\n') + '\n', previous: crash(2.4) }),
      logsFor(dbPod, 'postgres', {
        current: lines(
          ...[30, 18, 6.6, 2.4].flatMap((t, i) => [
            `${pgTime(t)} [${31_200 + i * 411}] debezium@orders ERROR:  all replication slots are in use`,
            `${pgTime(t)} [${31_200 + i * 411}] debezium@orders HINT:  Free one or increase max_replication_slots.`,
            `${pgTime(t)} [${31_200 + i * 411}] debezium@orders STATEMENT:  CREATE_REPLICATION_SLOT "orders_cdc_v4"  LOGICAL pgoutput`,
          ]),
        ),
      }),
      logsFor(reportPod, 'psql', { current: slotRun(13.85) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/replication slots?|max_replication_slots/i],
      facts: [/orders_cdc(_v2|_v3)?\b|analytics_tmp|stale|inactive|abandoned|unused/i, /max_replication_slots|\b4\b/i],
      never: [/OOM|out of memory/i, /orders-events-sink/, /password|authentication|permission denied/i],
    },
  };
}

// ---- 4. Java keystore rotated to PKCS12, still loaded as JKS --------------------------------------

function keystoreInvalidFormatAfterRotation(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.120', ['33', '150', '212']);
  const image = `${ECR}/payments/card-gateway:2.31.4`;
  const tpl = (stamp: string) => ({
    annotations: { 'reloader.stakater.com/last-reloaded-from': stamp },
    containers: [container({
      image, ports: [{ name: 'https', containerPort: 8443 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SERVER_SSL_KEY_STORE', value: 'file:/etc/card-gateway/tls/keystore.jks' },
        { name: 'SERVER_SSL_KEY_STORE_TYPE', value: 'JKS' },
        { name: 'SERVER_SSL_KEY_ALIAS', value: 'card-gateway' },
      ],
      volumeMounts: [{ name: 'keystore', mountPath: '/etc/card-gateway/tls', readOnly: true }],
      readiness: { httpGet: { path: '/health', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
      liveness: { tcpSocket: { port: 8443 }, initialDelaySeconds: 40, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
    volumes: [{ name: 'keystore', secret: { secretName: 'card-gateway-keystore', defaultMode: 0o440 } }],
  });
  const restarts = 11;
  const app = deploymentApp({
    namespace: ns,
    name: 'card-gateway',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 17, createdAgo: 16 * DAYS, changeCause: 'argocd: card-gateway 2.31.4', template: tpl('{"type":"SECRET","name":"card-gateway-keystore","hash":"6b1d0e93a4"}') },
      { revision: 18, createdAgo: 38, template: tpl('{"type":"SECRET","name":"card-gateway-keystore","hash":"e27c54f1b8"}') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 16 * DAYS - k })),
      { revision: 18, node: names[2] ?? '', createdAgo: 37.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 9 }, restarts) } },
    ],
  });
  const fresh = podOf(app, 3);
  const rotImage = 'docker.io/bitnami/kubectl:1.30.6';
  const rotation = cronJob({
    namespace: ns,
    name: 'card-gateway-keystore-rotate',
    schedule: '0 2 1,15 * *',
    createdAgo: 20 * DAYS,
    template: { containers: [batchContainer({ name: 'rotate', image: rotImage, command: ['/scripts/rotate-keystore.sh'], cpu: '100m', memory: '128Mi' })] },
    jobs: [{ createdAgo: 72 + 40, pods: [{ node: names[0] ?? '', createdAgo: 72 + 40, phase: 'Succeeded', containers: { rotate: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(111.9))), finishedAt: new Date(Date.parse(at(110.5))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 110.5 } }],
    lastSuccessfulAgo: 110.5,
  });
  const rotPod = podOf(rotation.jobs[0] as Built, 0);
  const crash = (t: number) => lines(
    `  .   ____          _            __ _ _`,
    ` :: Spring Boot ::               (v2.7.18)`,
    `${at(t)}  INFO 1 --- [           main] c.a.payments.CardGatewayApplication      : Starting CardGatewayApplication v2.31.4 using Java 1.8.0_432 on ${nameOf(fresh)} with PID 1 (/app/card-gateway.jar started by app in /app)`,
    `${at(t - 0.08)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port(s): 8443 (https)`,
    `${at(t - 0.1)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.context.ApplicationContextException: Unable to start web server; nested exception is org.springframework.boot.web.server.WebServerException: Unable to start embedded Tomcat`,
    `${at(t - 0.12)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    `org.springframework.context.ApplicationContextException: Unable to start web server; nested exception is org.springframework.boot.web.server.WebServerException: Unable to start embedded Tomcat`,
    `Caused by: java.lang.IllegalArgumentException: Could not load key store 'file:/etc/card-gateway/tls/keystore.jks'`,
    `\tat org.springframework.boot.web.embedded.tomcat.SslConnectorCustomizer.configureSslKeyStore(SslConnectorCustomizer.java:146)`,
    `Caused by: java.io.IOException: Invalid keystore format`,
    `\tat sun.security.provider.JavaKeyStore.engineLoad(JavaKeyStore.java:666)`,
    `\tat sun.security.provider.JavaKeyStore$JKS.engineLoad(JavaKeyStore.java:57)`,
    `\tat java.security.KeyStore.load(KeyStore.java:1445)`,
    `\tat org.springframework.boot.web.embedded.tomcat.SslConnectorCustomizer.loadStore(SslConnectorCustomizer.java:187)`,
    `\t... 16 common frames omitted`,
  );
  return {
    id: 'heldout76-java-keystore-invalid-format-after-pkcs12-rotation',
    class: 'config',
    truth: 'The card-gateway-keystore-rotate CronJob ran 1 h 52 min ago with its new script, which builds the keystore with `openssl pkcs12 -export` and writes it into Secret card-gateway-keystore under the old key keystore.jks. Reloader rolled card-gateway (revision 18, only the reload annotation changed); the new pod\'s Spring Boot 2.7 on Java 8 loads the file as JKS (SERVER_SSL_KEY_STORE_TYPE=JKS) and fails with "java.io.IOException: Invalid keystore format", crash-looping. The three old pods keep the keystore they loaded at start. Fix: set the keystore type to PKCS12 (or regenerate a JKS keystore); the image and release are unchanged.',
    ask: { service: 'card-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rotation.objects,
      ...exposed({ namespace: ns, name: 'card-gateway', selector: { app: 'card-gateway' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, 38),
      ...startedAt(fresh, 'app', image, 37.5),
      ...restartedAgain(fresh, 'app', image, { count: restarts, firstAgo: 36.5, lastAgo: 1.7 }),
      backOff(fresh, 'app', { count: 150, firstAgo: 36, lastAgo: 0.4 }),
      event({ on: { kind: 'Deployment', name: 'card-gateway', namespace: ns }, type: 'Normal', reason: 'Reloaded', message: 'Changes detected in \'card-gateway-keystore\' of type \'SECRET\' in \'card-gateway\'', firstAgo: 38, lastAgo: 38, component: 'reloader' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crash(0.2).split('\n').slice(0, 4).join('\n') + '\n', previous: crash(1.6) }),
      logsFor(rotPod, 'rotate', {
        current: lines(
          `${at(111.8)} fetching certificate card-gateway.payments.internal from vault pki/issue/payments (ttl 720h)`,
          `${at(111.2)} openssl pkcs12 -export -name card-gateway -in tls.crt -inkey tls.key -out /work/keystore.jks -passout env:KEYSTORE_PASSWORD`,
          `${at(110.9)} kubectl create secret generic card-gateway-keystore --from-file=keystore.jks=/work/keystore.jks --dry-run=client -o yaml | kubectl apply -f -`,
          `secret/card-gateway-keystore configured`,
          `${at(110.6)} rotation done`,
        ),
      }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(1.4)}  INFO 1 --- [nio-8443-exec-4] c.a.payments.auth.AuthorizationService   : authorize ok merchant=M-20418 amount=42.90 EUR in 88ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/keystore|key store/i],
      facts: [/Invalid keystore format/i, /PKCS ?12|JKS|keystore type|format/i, /card-gateway-keystore/],
      never: [ADVISES_ROLLBACK, /OOM|out of memory/i, /secret[^\n]*(not found|missing)|image[^\n]*pull/i],
    },
  };
}

// ---- 5. Celery task_time_limit lowered: hard time limit SIGKILLs ---------------------------------

function celeryHardTimeLimitLowered(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.133', ['20', '101', '230']);
  const image = `${ECR}/media/transcoder:8.2.0`;
  const tpl = (limit: string, soft: string) => ({
    containers: [batchContainer({
      name: 'worker', image, command: ['celery', '-A', 'media', 'worker', '-Q', 'transcode', '--concurrency=4', '--loglevel=INFO'],
      cpu: '3', memory: '6Gi',
      env: [
        { name: 'CELERY_BROKER_URL', value: 'redis://media-redis.media.svc.cluster.local:6379/0' },
        { name: 'CELERY_TASK_TIME_LIMIT', value: limit },
        { name: 'CELERY_TASK_SOFT_TIME_LIMIT', value: soft },
      ],
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'transcode-worker',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 25 * DAYS, changeCause: 'argocd: transcode-worker 8.2.0', template: tpl('1800', '1740') },
      { revision: 31, createdAgo: 5 * HOURS + 10, changeCause: 'argocd: media-workers values sync (PLAT-2291)', template: tpl('300', '') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 5 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 6, progressingSince: 5 * HOURS + 10, progressingUpdatedAgo: 5 * HOURS + 6 },
  });
  const other = bystander(ns, 'media-api', names, 4 * HOURS, { revisions: [64, 65], versions: ['4.0.7', '4.0.8'], olderAgo: 11 * DAYS });
  const uuid = (k: number, i: number) => `${(0x3f1c0a00 + k * 7919 + i * 104729).toString(16)}-9b2e-4c1d-a7f3-${(0x5e21a0c4d9b1 + i * 31 + k).toString(16)}`;
  const clog = (t: number, lvl: string, who: string, msg: string) => `[${pyTime(t)}: ${lvl}/${who}] ${msg}`;
  const log = (k: number) => {
    const out = [
      clog(5 * HOURS + 8.9 - k, 'INFO', 'MainProcess', 'Connected to redis://media-redis.media.svc.cluster.local:6379/0'),
      clog(5 * HOURS + 8.8 - k, 'INFO', 'MainProcess', 'celery@transcode-worker ready.'),
    ];
    for (let i = 0; i < 10; i++) {
      const t = 4 * HOURS - i * 23 - k * 3;
      const w = ((i + k) % 4) + 1;
      out.push(clog(t + 5, 'INFO', 'MainProcess', `Task media.tasks.transcode_rendition[${uuid(k, i)}] received`));
      out.push(clog(t + 4.8, 'INFO', `ForkPoolWorker-${w}`, `transcode_rendition asset=A-${771_200 + i * 13 + k} profile=1080p-h264 duration=${2400 + i * 110}s`));
      out.push(clog(t - 0.2, 'ERROR', 'MainProcess', `Hard time limit (300s) exceeded for media.tasks.transcode_rendition[${uuid(k, i)}]`));
      out.push(clog(t - 0.21, 'ERROR', 'MainProcess', `Process 'ForkPoolWorker-${w}' pid:${412 + i * 17 + k} exited with 'signal 9 (SIGKILL)'`));
      out.push(clog(t - 1, 'INFO', `ForkPoolWorker-${((w) % 4) + 1}`, `Task media.tasks.make_thumbnail[${uuid(k + 9, i)}] succeeded in ${(1.2 + i * 0.3).toFixed(2)}s: None`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout76-celery-hard-time-limit-lowered-sigkills-transcodes',
    class: 'config',
    truth: 'A values sync (revision 31, 5 h 10 min ago) lowered transcode-worker\'s CELERY_TASK_TIME_LIMIT from 1800 to 300 seconds (and dropped the soft limit). Full-length transcodes take well over 5 minutes, so the Celery main process hits the hard time limit and SIGKILLs the pool child ("Hard time limit (300s) exceeded", "ForkPoolWorker-N exited with signal 9 (SIGKILL)"); every long transcode fails while short tasks succeed. The pods never restart and memory is fine: the SIGKILLs are Celery\'s own, not the OOM killer. Fix: restore the 1800 s limit.',
    ask: { service: 'transcode-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 31), 3, 2, 5 * HOURS + 7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 30), 0, 1, 5 * HOURS + 6),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'worker', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/time ?limit|TIME_LIMIT|timeout/i],
      facts: [/\b300\b/, /\b1800\b|revision 31|PLAT-2291/i],
      never: [/OOM|out of memory|memory limit/i, /media-api/, /redis[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 6. Rails Rack::Timeout service_timeout lowered -----------------------------------------------

function rackTimeoutLowered(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.147', ['12', '99', '201']);
  const image = (v: string) => `${ECR}/storefront/shop-web:${v}`;
  const tpl = (v: string, timeout: string) => ({
    containers: [container({
      name: 'puma', image: image(v), command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'], ports: [3000], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'RAILS_ENV', value: 'production' },
        { name: 'WEB_CONCURRENCY', value: '3' },
        { name: 'RAILS_MAX_THREADS', value: '5' },
        { name: 'RACK_TIMEOUT_SERVICE_TIMEOUT', value: timeout },
        { name: 'RACK_TIMEOUT_WAIT_TIMEOUT', value: '30' },
      ],
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shop-web',
    replicas: 4,
    revisions: [
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: shop-web 7.12.0', template: tpl('7.12.0', '25') },
      { revision: 89, createdAgo: 3 * HOURS + 30, changeCause: 'argocd: shop-web 7.12.1', template: tpl('7.12.1', '5') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 89, node: names[k % 3] ?? '', createdAgo: 3 * HOURS + 29 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 24, progressingSince: 3 * HOURS + 30, progressingUpdatedAgo: 3 * HOURS + 24 },
  });
  const other = bystander(ns, 'shop-search', names, 2 * HOURS, { revisions: [14, 15], versions: ['3.3.0', '3.3.1'], olderAgo: 9 * DAYS });
  const paths = ['/account/orders/export.csv', '/admin/reports/sales?range=30d', '/account/invoices/download_all', '/checkout/shipping_quotes'];
  const log = (k: number) => {
    const out = [
      `=> Booting Puma`,
      `[1] Puma starting in cluster mode...`,
      `[1] * Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`,
      `[1] *  Min threads: 5`,
      `[1] *  Max threads: 5`,
      `[1] *  Environment: production`,
      `[1] *   Workers: 3`,
      `[1] * Listening on http://0.0.0.0:3000`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 60 - i * 4.7 - k * 0.3;
      const id = `${(0x6c2a91f0 + i * 7717 + k * 131).toString(16)}-4d1e-4b8a-9f20-${(0x1a2b3c4d5e6f + i * 17 + k).toString(16)}`;
      const p = paths[(i + k) % paths.length] ?? '/';
      out.push(`I, [${rbTime(t)} #${12 + (i % 3)}]  INFO -- : [${id}] Started GET "${p}" for 10.0.147.${40 + i} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`);
      out.push(`source=rack-timeout id=${id} timeout=5000ms state=ready`);
      out.push(`source=rack-timeout id=${id} timeout=5000ms service=5000ms state=timed_out`);
      out.push(`E, [${rbTime(t - 5 / 60)} #${12 + (i % 3)}] ERROR -- : [${id}]   `);
      out.push(`[${id}] Rack::Timeout::RequestTimeoutException (Request ran for longer than 5000ms ):`);
      out.push(`[${id}]   `);
      out.push(`[${id}] app/models/order_export.rb:41:in \`block in rows'`);
      out.push(`I, [${rbTime(t - 5.01 / 60)} #${12 + (i % 3)}]  INFO -- : [${id}] Completed 500 Internal Server Error in 5003ms (ActiveRecord: 4410.2ms | Allocations: 188214)`);
      out.push(`I, [${rbTime(t - 6 / 60)} #${12 + (i % 3)}]  INFO -- : [${id.replace('4d1e', '51aa')}] Completed 200 OK in 84ms (Views: 31.0ms | ActiveRecord: 22.9ms | Allocations: 20411)`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout76-rails-rack-timeout-service-timeout-lowered',
    class: 'config',
    truth: 'shop-web 7.12.1 (revision 89, 3.5 h ago) also lowered RACK_TIMEOUT_SERVICE_TIMEOUT from 25 to 5 seconds. rack-timeout now aborts every request that takes more than 5 s (CSV exports, sales reports, bulk invoice downloads, which legitimately take 8-20 s) with Rack::Timeout::RequestTimeoutException ("Request ran for longer than 5000ms") and Rails answers 500; fast endpoints are fine and pods stay healthy. Fix: restore the 25 s service timeout (or move those exports to background jobs).',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 89), 4, 3, 3 * HOURS + 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 0, 1, 3 * HOURS + 24),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'puma', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/rack.?timeout|service.?timeout|RACK_TIMEOUT|request ?timeout/i],
      facts: [/5000 ?ms|\b5 ?s\b|\b5 seconds|\b25\b/i, /RACK_TIMEOUT_SERVICE_TIMEOUT|service.?timeout|revision 89|7\.12\.1/i],
      never: [/OOM|out of memory/i, /shop-search/, /database[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 7. Healthy control: Tomcat APR and Lettuce native-transport fallbacks -------------------------

function healthyNativeLibraryFallbacks(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.158', ['41', '122', '250']);
  const image = (v: string) => `${ECR}/warehouse/inventory-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
      env: [{ name: 'SPRING_DATA_REDIS_HOST', value: 'inventory-redis.warehouse.svc.cluster.local' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [
      { revision: 45, createdAgo: 15 * DAYS, changeCause: 'argocd: inventory-api 6.8.1', template: tpl('6.8.1') },
      { revision: 46, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: 'argocd: inventory-api 6.9.0', template: tpl('6.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 46, node: names[k] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 2 * k })),
  });
  const other = bystander(ns, 'pick-planner', names, 9 * HOURS, { revisions: [30, 31], versions: ['1.22.0', '1.22.1'], olderAgo: 12 * DAYS });
  const log = (k: number) => {
    const s = 2 * DAYS + 3 * HOURS - 2 * k - 0.1;
    const l = (t: number, lvl: string, thread: string, logger: string, msg: string) => `${sbTime(t)} ${lvl.padStart(5)} 1 --- [inventory-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
    return lines(
      l(s, 'INFO', 'main', 'c.a.w.inventory.InventoryApplication', 'Starting InventoryApplication v6.9.0 using Java 21.0.5 with PID 1'),
      l(s - 0.02, 'INFO', 'main', 'c.a.w.inventory.InventoryApplication', 'The following 1 profile is active: "prod"'),
      l(s - 0.08, 'INFO', 'main', 'o.a.catalina.core.AprLifecycleListener', 'The Apache Tomcat Native library which allows using OpenSSL was not found on the java.library.path: [/usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib]'),
      l(s - 0.09, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      l(s - 0.2, 'INFO', 'main', 'io.lettuce.core.EpollProvider', 'Starting without optional epoll library'),
      l(s - 0.201, 'INFO', 'main', 'io.lettuce.core.KqueueProvider', 'Starting without optional kqueue library'),
      l(s - 0.3, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      l(s - 0.31, 'INFO', 'main', 'c.a.w.inventory.InventoryApplication', 'Started InventoryApplication in 21.402 seconds (process running for 22.87)'),
      l(3.2, 'INFO', 'nio-8080-exec-3', 'c.a.w.inventory.StockController', `GET /v2/stock/sku/WH-${4410 + k} 200 in 11ms`),
      l(1.1, 'INFO', 'nio-8080-exec-7', 'c.a.w.inventory.ReservationService', `reservation R-${992_314 + k} committed (3 lines) in 27ms`),
      l(0.3, 'INFO', 'nio-8080-exec-1', 'c.a.w.inventory.StockController', `GET /v2/stock/sku/WH-${7720 + k} 200 in 9ms`),
    );
  };
  return {
    id: 'heldout76-healthy-java-native-library-fallback-noise',
    class: 'healthy',
    truth: 'inventory-api is healthy: three pods of revision 46 (6.9.0, rolled out two days ago) are running and ready with no restarts, requests answer 200 in ~10-30 ms. Each start logs Tomcat\'s AprLifecycleListener lines about the Tomcat Native library not being on java.library.path and Lettuce\'s "Starting without optional epoll/kqueue library": routine INFO messages meaning the JVM uses the pure-Java NIO/JSSE implementations, not problems.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problems?|issues?)|running normally|ok\b/i],
      facts: [],
      never: [/native|APR|epoll|kqueue|OpenSSL/i, /crash|\brestart(?:ed|ing)\b|\b[1-9]\d* restarts?\b/i, /pick-planner/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  djangoInconsistentMigrationHistory(),
  forkJoinCommonPoolStarvedByCpuLimit(),
  replicationSlotsExhausted(),
  keystoreInvalidFormatAfterRotation(),
  celeryHardTimeLimitLowered(),
  rackTimeoutLowered(),
  healthyNativeLibraryFallbacks(),
];

// Held-out stories, ninety-third round, part one (written blind): an in-cluster Postgres that
// stopped accepting writes to avoid transaction-ID wraparound, because a long-abandoned prepared
// transaction pinned the xmin and autovacuum could not freeze (asked for the writing app); a
// notification dispatcher whose revision began deleting delivered rows of a queue-like Cassandra
// table, so reads of the hot partition abort on the tombstone failure threshold; a search API
// whose "export all" revision pages past Elasticsearch's max_result_window; a Deployment renamed
// while its HPA still targets the old name (FailedGetScale), stuck at 3 replicas in the daily peak;
// an Oracle account whose password expired overnight (ORA-28001) under a Java service; a JVM whose
// revision set -XX:CompressedClassSpaceSize=64m and crash-loops on "Compressed class space"; and a
// healthy control: a log4j2 service printing the getCallerClass warning at start.
import {
  DAYS, ECR, HOURS, ago, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, event, exposed, hpa,
  httpProbe, probeFailed, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix '%m [%p] ': `2026-11-21 03:12:41.563 UTC [812] `. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** Cassandra / logback time: `2026-11-21 03:12:41,563`. */
const logbackTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '').replace('.', ',');
/** Spring Boot's default console time: `2026-11-21T03:12:41.563Z`. */
const springLine = (m: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;

// ---- 1. Postgres refuses writes to avoid XID wraparound: an abandoned prepared transaction ---------

function postgresWraparoundPreparedXact(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.94', ['12', '140', '233']);
  const pgImage = 'docker.io/library/postgres:15.8-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'billing-db',
    replicas: 1,
    serviceName: 'billing-db',
    revisions: [{
      revision: 4,
      createdAgo: 160 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
          env: [{ name: 'POSTGRES_DB', value: 'billing' }, { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-d', 'billing'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'billing-db-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 38 * DAYS }],
  });
  const apiImage = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgres://invoice_api@billing-db.billing.svc.cluster.local:5432/billing?sslmode=disable' },
        { name: 'DB_MAX_OPEN_CONNS', value: '25' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 19 * DAYS, changeCause: 'argocd: invoice-api 2.30.1', template: apiTpl('2.30.1') },
      { revision: 18, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: invoice-api 2.31.0', template: apiTpl('2.31.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - k })),
  });
  const other = bystander(ns, 'dunning-mailer', names, 3 * HOURS, { revisions: [9, 10], versions: ['1.6.2', '1.7.0'], olderAgo: 30 * DAYS });
  const dbPod = podOf(db, 0);
  const hint = '\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.';
  const pgLog: string[] = [
    `${pgTime(6 * HOURS)} [61] LOG:  checkpoint starting: time`,
    `${pgTime(6 * HOURS - 4)} [61] LOG:  checkpoint complete: wrote 18211 buffers (13.9%); 0 WAL file(s) added, 0 removed, 11 recycled; write=269.612 s, sync=0.014 s, total=269.705 s; sync files=71, longest=0.003 s, average=0.001 s; distance=180223 kB, estimate=190112 kB`,
  ];
  for (const [d, n] of [[7, 12_406_930], [14, 24_870_511], [21, 38_112_004]] as const) {
    pgLog.unshift(
      `${pgTime(d * DAYS)} [${30000 + d * 7}] WARNING:  database "billing" must be vacuumed within ${n} transactions`,
      `${pgTime(d * DAYS)} [${30000 + d * 7}] HINT:  To avoid a database shutdown, execute a database-wide VACUUM in that database.`,
      hint,
    );
  }
  const remaining = [9_804_331, 7_611_902, 5_288_415, 4_097_120, 3_531_007, 3_104_950];
  remaining.forEach((n, i) => {
    const t = 5 * HOURS - i * 45;
    pgLog.push(
      `${pgTime(t)} [${48211 + i * 97}] LOG:  automatic aggressive vacuum to prevent wraparound of table "billing.public.invoice_lines": index scans: 0`,
      `\tpages: 0 removed, 1843320 remain, 1843320 scanned (100.00% of total)`,
      `\ttuples: 0 removed, 96412204 remain, 1104332 are dead but not yet removable, oldest xmin: 1148203917`,
      `\tremovable cutoff: 1148203917, which was 2143966418 XIDs old when operation ended`,
      `\tfrozen: 0 pages from table (0.00% of total) had 0 tuples frozen`,
      `${pgTime(t - 0.1)} [${48211 + i * 97}] WARNING:  oldest xmin is far in the past`,
      `${pgTime(t - 0.1)} [${48211 + i * 97}] HINT:  Close open transactions soon to avoid wraparound problems.`,
      hint,
      `${pgTime(t - 2)} [${52011 + i * 13}] WARNING:  database "billing" must be vacuumed within ${n} transactions`,
      `${pgTime(t - 2)} [${52011 + i * 13}] HINT:  To avoid a database shutdown, execute a database-wide VACUUM in that database.`,
      hint,
    );
  });
  for (let i = 0; i < 14; i++) {
    const t = 52 - i * 3.7;
    const pid = 61022 + i * 17;
    const stmt = i % 3 === 0 ? 'UPDATE invoices SET status = $1, updated_at = now() WHERE id = $2' : 'INSERT INTO invoice_lines (invoice_id, sku, qty, amount_cents) VALUES ($1, $2, $3, $4)';
    pgLog.push(
      `${pgTime(t)} [${pid}] ERROR:  database is not accepting commands to avoid wraparound data loss in database "billing"`,
      `${pgTime(t)} [${pid}] HINT:  Stop the postmaster and vacuum that database in single-user mode.`,
      hint,
      `${pgTime(t)} [${pid}] STATEMENT:  ${stmt}`,
    );
  }
  pgLog.push(`${pgTime(0.6)} [61] LOG:  checkpoint starting: time`);
  const apiLog = (k: number) => {
    const out = [
      `{"time":"${at(2 * DAYS + 5 * HOURS - 1 - k)}","level":"INFO","msg":"invoice-api starting","version":"2.31.0","addr":":8080"}`,
      `{"time":"${at(2 * DAYS + 5 * HOURS - 1.1 - k)}","level":"INFO","msg":"database pool ready","host":"billing-db.billing.svc.cluster.local","max_open":25}`,
      `{"time":"${at(58 + k)}","level":"INFO","msg":"request","method":"POST","path":"/v1/invoices","status":201,"dur_ms":21}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 51 - i * 5 - k * 0.3;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"create invoice failed","invoice_ref":"INV-2026-11-${(40211 + i * 31 + k * 7).toString()}","error":"pq: database is not accepting commands to avoid wraparound data loss in database \\"billing\\""}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/v1/invoices","status":500,"dur_ms":${4 + i}}`);
      if (i % 2 === 0) out.push(`{"time":"${at(t - 0.2)}","level":"INFO","msg":"request","method":"GET","path":"/v1/invoices/INV-2026-11-3${i}12${k}","status":200,"dur_ms":6}`);
    }
    return lines(...out);
  };
  const rcfg = configMap({
    namespace: ns, name: 'billing-db-config', createdAgo: 160 * DAYS, updatedAgo: 150 * DAYS,
    data: { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 1GB\nmax_prepared_transactions = 50\nwal_level = replica\nautovacuum = on\nautovacuum_freeze_max_age = 200000000\nlog_autovacuum_min_duration = 0\n" },
  });
  return {
    id: 'heldout93-postgres-xid-wraparound-prepared-transaction',
    class: 'storage',
    truth: 'Asked for the writing app, invoice-api. Its database, the in-cluster Postgres billing-db, stopped accepting commands that assign transaction IDs ("database is not accepting commands to avoid wraparound data loss in database \\"billing\\"") about 52 minutes ago: a prepared transaction left behind months ago by a two-phase batch job (max_prepared_transactions = 50) has pinned the oldest xmin, so the aggressive anti-wraparound autovacuum of invoice_lines could freeze nothing ("oldest xmin is far in the past") and for weeks Postgres warned that "billing" must be vacuumed within ever fewer transactions. Every INSERT/UPDATE of invoice-api now fails with 500 while reads still work. invoice-api revision 18 is innocent. Fix: ROLLBACK PREPARED the stale transaction (pg_prepared_xacts), then VACUUM the database (single-user mode if needed).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, ...other.objects, rcfg,
      ...boundClaim({ namespace: ns, name: 'data-billing-db-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 160 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'dunning-mailer', selector: { app: 'dunning-mailer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 0, 2, 3 * HOURS - 2),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: lines(...pgLog) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/wraparound|must be vacuumed|vacuum|transaction ?id|\bxid/i],
      facts: [/not accepting commands/i, /billing-db/, /prepared transaction|oldest xmin|xmin|replication slot/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /disk (is )?full|no space left|DiskPressure/i, /dunning-mailer/],
    },
  };
}

// ---- 2. Cassandra: a revision deletes queue rows of a hot partition, reads hit TombstoneOverwhelming -

function cassandraTombstonesQueueTable(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.58', ['21', '118', '204']);
  const cImage = 'docker.io/library/cassandra:4.1.5';
  const cass = statefulSetApp({
    namespace: ns,
    name: 'cassandra',
    replicas: 3,
    serviceName: 'cassandra',
    revisions: [{
      revision: 2,
      createdAgo: 90 * DAYS,
      template: {
        containers: [container({
          name: 'cassandra', image: cImage,
          ports: [{ name: 'intra-node', containerPort: 7000 }, { name: 'jmx', containerPort: 7199 }, { name: 'cql', containerPort: 9042 }],
          cpu: '2', memory: '8Gi',
          env: [{ name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.messaging.svc.cluster.local' }, { name: 'CASSANDRA_CLUSTER_NAME', value: 'messaging' }, { name: 'CASSANDRA_DC', value: 'eu-west-1' }, { name: 'MAX_HEAP_SIZE', value: '4G' }, { name: 'HEAP_NEWSIZE', value: '800M' }],
          readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+$POD_IP"'], { periodSeconds: 15, timeoutSeconds: 10 }),
          liveness: tcpProbe('cql', { initialDelaySeconds: 90, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [0, 1, 2].map((o) => ({ revision: 2, ordinal: o, node: names[o] ?? '', createdAgo: 44 * DAYS - o * 6 })),
  });
  const image = (v: string) => `${ECR}/messaging/notification-dispatcher:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'CASSANDRA_CONTACT_POINTS', value: 'cassandra.messaging.svc.cluster.local:9042' }, { name: 'CASSANDRA_KEYSPACE', value: 'notify' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-dispatcher',
    replicas: 2,
    revisions: [
      { revision: 23, createdAgo: 24 * DAYS, changeCause: 'argocd: notification-dispatcher 2.7.4', template: tpl('2.7.4') },
      { revision: 24, createdAgo: 31 * HOURS, changeCause: 'argocd: notification-dispatcher 2.8.0 (delete delivered rows instead of marking them)', template: tpl('2.8.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: 31 * HOURS - k })),
  });
  const other = bystander(ns, 'template-renderer', names, 50, { revisions: [14, 15], versions: ['0.9.3', '0.9.4'], olderAgo: 40 * DAYS });
  const q = 'SELECT * FROM notify.pending_deliveries WHERE shard = 7 AND bucket = 202611210300 LIMIT 500';
  const cassLog = (o: number) => {
    const out = [
      `INFO  [CompactionExecutor:41] ${logbackTime(3 * HOURS)} CompactionTask.java:253 - Compacted (6a1f0e40-c7a2-11f0-9d3b-0b8e9c0a7f21) 4 sstables to [/var/lib/cassandra/data/notify/pending_deliveries-7b2e0a50c1d311efa7c9/nb-4811-big,] to level=0.  41.212MiB to 40.877MiB (~99% of original) in 3,412ms.`,
    ];
    for (let i = 0; i < 4; i++) out.push(`WARN  [ReadStage-${(i % 4) + 1}] ${logbackTime(5 * HOURS - i * 60 - o)} ReadCommand.java:612 - Read 212 live rows and ${(31_000 + i * 19_500).toString()} tombstone cells for query ${q} (see tombstone_warn_threshold)`);
    for (let i = 0; i < 12; i++) {
      const t = 44 - i * 3.5 - o * 0.2;
      out.push(`ERROR [ReadStage-${(i % 8) + 1}] ${logbackTime(t)} StorageProxy.java:2139 - Scanned over 100001 tombstones during query '${q}' (last scanned row token was -3485713270312117893 and partion key was ((7, 202611210300))); query aborted`);
      if (i % 4 === 0) out.push(`WARN  [ReadStage-${(i % 8) + 1}] ${logbackTime(t - 0.01)} AbstractLocalAwareExecutorService.java:167 - Uncaught exception on thread Thread[ReadStage-${(i % 8) + 1},5,SharedPool]\norg.apache.cassandra.db.filter.TombstoneOverwhelmingException: Scanned over 100001 tombstones during query '${q}' (last scanned row token was -3485713270312117893 and partion key was ((7, 202611210300))); query aborted\n\tat org.apache.cassandra.db.ReadCommand$1MetricRecording.onCell(ReadCommand.java:569)`);
    }
    out.push(`INFO  [ScheduledTasks:1] ${logbackTime(0.8)} StatusLogger.java:65 - Pool Name                    Active   Pending      Completed   Blocked  All Time Blocked`);
    return lines(...out);
  };
  const appLog = (k: number) => {
    const out = [
      springLine(31 * HOURS - 1.5 - k, 'INFO', 'main', 'c.a.n.NotificationDispatcherApplication', 'Started NotificationDispatcherApplication in 14.823 seconds (process running for 15.91)'),
      springLine(31 * HOURS - 1.6 - k, 'INFO', 'main', 'c.d.o.d.i.core.DefaultMavenCoordinates', 'DataStax Java driver for Apache Cassandra(R) (com.datastax.oss:java-driver-core) version 4.17.0'),
      springLine(90 + k, 'INFO', 'dispatch-1', 'c.a.n.dispatch.DeliveryLoop', 'shard=7 delivered=500 deleted=500 lag_ms=812'),
    ];
    for (let i = 0; i < 10; i++) {
      const t = 44 - i * 4 - k * 0.4;
      out.push(springLine(t, 'ERROR', 'dispatch-1', 'c.a.n.dispatch.DeliveryLoop', `poll of shard=7 bucket=202611210300 failed, retrying in 5s\ncom.datastax.oss.driver.api.core.servererrors.ReadFailureException: Cassandra failure during read query at consistency LOCAL_QUORUM (2 responses were required but only 0 replica responded, 2 failed)\n\tat com.datastax.oss.driver.api.core.servererrors.ReadFailureException.copy(ReadFailureException.java:127)\n\tat com.acme.notify.store.PendingDeliveryRepository.poll(PendingDeliveryRepository.java:88)`));
      out.push(springLine(t - 0.05, 'INFO', 'dispatch-2', 'c.a.n.dispatch.DeliveryLoop', `shard=${3 + (i % 3)} delivered=${120 + i * 7} deleted=${120 + i * 7} lag_ms=${300 + i * 11}`));
    }
    out.push(springLine(0.5, 'WARN', 'scheduling-1', 'c.a.n.dispatch.LagMonitor', 'shard=7 oldest pending notification is 44m12s old (threshold 5m)'));
    return lines(...out);
  };
  return {
    id: 'heldout93-cassandra-tombstones-queue-table',
    class: 'storage',
    truth: 'notification-dispatcher revision 24 (2.8.0, 31 hours ago) started DELETEing delivered rows of the queue-like table notify.pending_deliveries instead of marking them; every delivery leaves a tombstone in the hot partition (shard 7) that lives for gc_grace_seconds, so the poll query now scans over 100001 tombstones, Cassandra aborts it (TombstoneOverwhelmingException, tombstone_failure_threshold) and the driver raises ReadFailureException at LOCAL_QUORUM: shard 7 has not been delivered for 44 minutes. Cassandra itself is healthy. Fix: stop using the table as a queue (time-bucketed partitions / range deletes, or revert to marking), and compact/purge the partition.',
    ask: { service: 'notification-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...cass.objects, ...app.objects, ...other.objects,
      ...[0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-cassandra-${o}`, storage: '500Gi', zone: `eu-west-1${'abc'[o] ?? 'a'}`, createdAgo: 90 * DAYS, storageClass: 'gp3' })),
      ...exposed({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, pods: cass.pods, ports: [{ name: 'cql', port: 9042, targetPort: 'cql' }], endpointPort: 9042 }),
      ...exposed({ namespace: ns, name: 'notification-dispatcher', selector: { app: 'notification-dispatcher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'template-renderer', selector: { app: 'template-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 14), 0, 2, 48),
    ],
    logs: [
      ...cass.pods.map((p, o) => logsFor(p, 'cassandra', { current: cassLog(o) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/tombstone/i],
      facts: [/pending_deliveries/, /100001|tombstone_failure_threshold|TombstoneOverwhelming/i, /ReadFailure|LOCAL_QUORUM/i],
      never: [/\bOOM/, /no space left|disk (is )?full/i, /template-renderer/, /cassandra-\d[^\n]*(crash|down|not ready)/i],
    },
  };
}

// ---- 3. Elasticsearch max_result_window: an "export all" revision pages past 10000 --------------------

function elasticsearchResultWindowTooLarge(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.122', ['9', '171', '240']);
  const image = (v: string) => `${ECR}/search/product-search-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '400m', memory: '512Mi',
      env: [{ name: 'ES_NODE', value: 'https://products-es.es.eu-west-1.aws.found.io:443' }, { name: 'ES_INDEX', value: 'products-v9' }, { name: 'NODE_ENV', value: 'production' }, ...(v === '3.2.0' ? [{ name: 'EXPORT_PAGE_SIZE', value: '100' }] : [])],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'product-search-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: product-search-api 3.1.7', template: tpl('3.1.7') },
      { revision: 41, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: product-search-api 3.2.0 (catalog "export all")', template: tpl('3.2.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
  });
  const other = bystander(ns, 'synonyms-sync', names, 6 * HOURS, { revisions: [5, 6], versions: ['1.2.0', '1.2.1'], olderAgo: 60 * DAYS });
  const esErr = (from: number) => `ResponseError: search_phase_execution_exception: [illegal_argument_exception] Reason: Result window is too large, from + size must be less than or equal to: [10000] but was [${from + 100}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`;
  const appLog = (k: number) => {
    const out = [
      `{"level":30,"time":${Date.parse(at(2 * HOURS + 8.5 - k))},"pid":1,"hostname":"${app.pods[k]?.metadata?.name ?? ''}","msg":"product-search-api 3.2.0 listening on :3000"}`,
      `{"level":30,"time":${Date.parse(at(2 * HOURS + 8.4 - k))},"pid":1,"msg":"elasticsearch cluster products-es green, index products-v9 (412877 docs)"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 95 - i * 7.5 - k * 0.6;
      const from = 10_000 + ((i * 7 + k * 3) % 40) * 100;
      out.push(`{"level":30,"time":${Date.parse(at(t + 0.3))},"pid":1,"req":{"method":"GET","url":"/v2/products?q=${['shoe', 'jacket', 'lamp', 'desk'][i % 4]}&page=${i + 1}"},"res":{"statusCode":200},"responseTime":${31 + i}}`);
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"req":{"method":"GET","url":"/v2/catalog/export?format=csv&from=${from}"},"err":{"type":"ResponseError","message":"${esErr(from)}","meta":{"statusCode":400,"body":{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Result window is too large, from + size must be less than or equal to: [10000] but was [${from + 100}]."}],"type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true},"status":400}}},"msg":"export page failed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"pid":1,"req":{"method":"GET","url":"/v2/catalog/export?format=csv&from=${from}"},"res":{"statusCode":500},"responseTime":${18 + i}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout93-elasticsearch-result-window-too-large',
    class: 'rollout',
    truth: 'product-search-api revision 41 (3.2.0, 2 h 10 min ago) added a catalog "export all" that pages the products-v9 index with from/size (100 per page); every page past offset 9900 is rejected by Elasticsearch with a 400 "Result window is too large, from + size must be less than or equal to: [10000]" (index.max_result_window), so every export of a large catalog fails with 500 while ordinary searches work. Elasticsearch is healthy. Fix: page with search_after + PIT (or scroll) in the export, or roll back to revision 40 until then; raising max_result_window only moves the wall.',
    ask: { service: 'product-search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'product-search-api', selector: { app: 'product-search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'synonyms-sync', selector: { app: 'synonyms-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 3, 2 * HOURS + 5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 5), 0, 2, 6 * HOURS - 2),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/result window|max_result_window|from ?\+ ?size|10000|deep pag/i],
      facts: [/revision 41|3\.2\.0/, /export/i, /400/],
      never: [/\bOOM/, /crash ?loop/i, /synonyms-sync/, /(elasticsearch|products-es)[^\n]*(down|unreachable|refused|timed? ?out)/i],
    },
  };
}

// ---- 4. A Deployment renamed, its HPA still targets the old name: no scaling at the daily peak --------

function hpaTargetsRenamedDeployment(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.36', ['44', '129', '210']);
  const image = (v: string) => `${ECR}/checkout/cart-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', cpuLimit: '1', memory: '512Mi',
      env: [{ name: 'REDIS_ADDR', value: 'cart-redis.checkout.svc.cluster.local:6379' }, { name: 'MAX_INFLIGHT', value: '256' }],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 1 }), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10, timeoutSeconds: 3 }),
    })],
  });
  const podsDown = [0, 1, 2];
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [{ revision: 1, createdAgo: 6 * DAYS + 3 * HOURS, changeCause: 'argocd: cart-api 5.4.0 (renamed from cart-service)', template: tpl('5.4.0') }],
    pods: podsDown.map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 6 * DAYS + 3 * HOURS - k, ...(k === 1 ? { ready: false, containers: { app: running({ sinceAgo: 6 * DAYS + 3 * HOURS - k, ready: false }) } } : {}) })),
    settled: { available: true, availableSince: 6 * DAYS + 3 * HOURS - 3, progressingSince: 6 * DAYS + 3 * HOURS, progressingUpdatedAgo: 6 * DAYS + 3 * HOURS - 3 },
  });
  const other = bystander(ns, 'promo-engine', names, 75, { revisions: [30, 31], versions: ['7.1.0', '7.1.1'], olderAgo: 9 * DAYS });
  const scaleErr = 'deployments/scale.apps "cart-service" not found';
  const theHpa = hpa({
    namespace: ns, name: 'cart-service', target: { kind: 'Deployment', name: 'cart-service' }, min: 3, max: 16, current: 0, desired: 0,
    metricsUnavailable: true, lastScaleAgo: 6 * DAYS + 4 * HOURS,
    conditions: [
      { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${scaleErr}`, lastTransitionTime: ago(6 * DAYS + 3 * HOURS - 2) },
    ],
  });
  const appLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(6 * DAYS + 3 * HOURS - 1 - k)}","msg":"cart-api 5.4.0 listening","addr":":8080","max_inflight":256}`];
    for (let i = 0; i < 14; i++) {
      const t = 38 - i * 2.6 - k * 0.2;
      out.push(`{"level":"info","ts":"${at(t + 0.1)}","msg":"request","method":"POST","path":"/v1/carts/items","status":200,"duration_ms":${1400 + i * 83 + k * 40}}`);
      out.push(`{"level":"warn","ts":"${at(t)}","msg":"shedding load: in-flight limit reached","inflight":256,"limit":256,"path":"/v1/carts","status":503}`);
      if (i % 3 === 0) out.push(`{"level":"warn","ts":"${at(t - 0.05)}","msg":"slow request","method":"GET","path":"/v1/carts/current","duration_ms":${2900 + i * 120},"cpu_throttled":true}`);
    }
    return lines(...out);
  };
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'cart-service', namespace: ns };
  return {
    id: 'heldout93-hpa-targets-renamed-deployment',
    class: 'capacity',
    truth: 'Six days ago the cart-service Deployment was renamed cart-api (new Deployment created, the old one deleted), but the HorizontalPodAutoscaler cart-service still has scaleTargetRef Deployment "cart-service": it fails with FailedGetScale (deployments/scale.apps "cart-service" not found) and never scales cart-api, which stays at its fixed 3 replicas. At tonight\'s daily peak (previously 10–14 replicas) the three pods are CPU-throttled and shedding load with 503s, one failing readiness. Fix: point the HPA\'s scaleTargetRef at cart-api (or rename the HPA with it) and let it scale out.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, theHpa,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'promo-engine', selector: { app: 'promo-engine' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 73),
      event({ on: hpaRef, reason: 'FailedGetScale', message: scaleErr, count: 2411, firstAgo: 6 * DAYS + 3 * HOURS - 2, lastAgo: 0.3, component: 'horizontal-pod-autoscaler' }),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 14 + k * 9, firstAgo: 37, lastAgo: k === 1 ? 0.2 : 4 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/cart-service/, /HPA|autoscal|scaleTargetRef|scale target|FailedGetScale/i],
      facts: [/not found/i, /cart-api/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /promo-engine/],
    },
  };
}

// ---- 5. Oracle account password expired overnight: ORA-28001 on every new connection --------------

function oraclePasswordExpired(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.167', ['25', '98', '190']);
  const image = (v: string) => `${ECR}/claims/claims-ledger:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1536Mi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:oracle:thin:@//claimsdb.prod.acme.internal:1521/CLAIMSPRD' },
        { name: 'SPRING_DATASOURCE_USERNAME', value: 'CLAIMS_APP' },
        { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'claims-ledger-db', key: 'password' } } },
        { name: 'SPRING_DATASOURCE_HIKARI_MAX_LIFETIME', value: '1800000' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-ledger',
    replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 33 * DAYS, changeCause: 'argocd: claims-ledger 4.8.2', template: tpl('4.8.2') },
      { revision: 28, createdAgo: 12 * DAYS, changeCause: 'argocd: claims-ledger 4.9.0', template: tpl('4.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 12 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 12 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 4 * HOURS + 40, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 4 },
  });
  const other = bystander(ns, 'claims-notifier', names, 2 * HOURS, { revisions: [11, 12], versions: ['1.3.0', '1.3.1'], olderAgo: 20 * DAYS });
  const appLog = (k: number) => {
    const out = [
      springLine(12 * DAYS - 1 - k, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      springLine(12 * DAYS - 1.1 - k, 'INFO', 'main', 'c.a.claims.ClaimsLedgerApplication', 'Started ClaimsLedgerApplication in 21.344 seconds (process running for 22.6)'),
      springLine(5 * HOURS + 20, 'INFO', 'http-nio-8080-exec-4', 'c.a.claims.web.ClaimController', 'POST /v1/claims/CLM-8812931/entries -> 201 (38 ms)'),
    ];
    for (let i = 0; i < 8; i++) {
      const t = 4 * HOURS + 50 - i * 35 - k;
      out.push(springLine(t, 'WARN', 'onnection adder', 'com.zaxxer.hikari.pool.PoolBase', 'HikariPool-1 - Failed to create/setup connection: ORA-28001: the password has expired\nhttps://docs.oracle.com/error-help/db/ora-28001/'));
      out.push(springLine(t - 0.02, 'ERROR', 'http-nio-8080-exec-7', 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] threw exception [Request processing failed: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection] with root cause\njava.sql.SQLException: ORA-28001: the password has expired\nhttps://docs.oracle.com/error-help/db/ora-28001/\n\tat oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:702)\n\tat oracle.jdbc.driver.T4CTTIfun.receive(T4CTTIfun.java:608)\n\tat oracle.jdbc.driver.T4CTTIoauthenticate.doOAUTH(T4CTTIoauthenticate.java:1440)\n\tat oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:1008)\n\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:364)`));
      out.push(springLine(t - 0.5, 'WARN', 'http-nio-8080-exec-2', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed\norg.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=3)'));
    }
    return lines(...out);
  };
  return {
    id: 'heldout93-oracle-password-expired-ora-28001',
    class: 'config',
    truth: 'The Oracle account CLAIMS_APP that claims-ledger uses on CLAIMSPRD reached the end of its profile\'s PASSWORD_LIFE_TIME last night (about 5 hours ago): every new connection now fails with "ORA-28001: the password has expired". Connections opened before kept working until HikariCP recycled them (max-lifetime 30 min); since then the pool is empty, /actuator/health/readiness is DOWN on all three pods and the Service has no ready endpoints. Nothing changed in the cluster (revision 28 is 12 days old). Fix: reset the password in Oracle (ALTER USER … IDENTIFIED BY, update the claims-ledger-db Secret if it changes) and give the service account a profile with an unlimited or managed password lifetime.',
    ask: { service: 'claims-ledger', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-ledger', selector: { app: 'claims-ledger' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-notifier', selector: { app: 'claims-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 11), 0, 2, 2 * HOURS - 2),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 1650 + k * 11, firstAgo: 4 * HOURS + 45 - k * 6, lastAgo: 0.2 + k * 0.1 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/ORA-28001|password (has )?expired|expired password/i],
      facts: [/CLAIMS_APP|CLAIMSPRD|claimsdb/i, /ORA-28001/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /network ?polic|DNS/i, /claims-notifier/],
    },
  };
}

// ---- 6. JVM crash-loops on "Compressed class space" after a revision capped it at 64m -----------------

function jvmCompressedClassSpace(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.203', ['14', '87', '166']);
  const image = (v: string) => `${ECR}/pricing/quote-engine:${v}`;
  const opts = (v: string) => (v === '2.19.0'
    ? '-XX:MaxRAMPercentage=65 -XX:MaxMetaspaceSize=256m -XX:CompressedClassSpaceSize=64m -XX:+ExitOnOutOfMemoryError'
    : '-XX:MaxRAMPercentage=65 -XX:+ExitOnOutOfMemoryError');
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts(v) }, { name: 'RULES_BUNDLE', value: 's3://acme-pricing-rules/prod/bundle-2026-11.zip' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 90 }),
    })],
  });
  const exit = { exitCode: 3, finishedAgo: 2.2, ranSeconds: 41 };
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 56, createdAgo: 15 * DAYS, changeCause: 'argocd: quote-engine 2.18.3', template: tpl('2.18.3') },
      { revision: 57, createdAgo: 47, changeCause: 'argocd: quote-engine 2.19.0 (compiled pricing rules, JVM flags tuning)', template: tpl('2.19.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
      { revision: 57, node: names[2] ?? '', createdAgo: 46.5, containers: { app: crashLoop(exit, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'fx-rates', names, 40, { revisions: [18, 19], versions: ['3.0.4', '3.0.5'], olderAgo: 25 * DAYS });
  const prev = lines(
    `Picked up JAVA_TOOL_OPTIONS: ${opts('2.19.0')}`,
    springLine(2.9, 'INFO', 'main', 'c.a.pricing.QuoteEngineApplication', 'Starting QuoteEngineApplication v2.19.0 using Java 21.0.5 with PID 1'),
    springLine(2.8, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    springLine(2.7, 'INFO', 'main', 'c.a.pricing.rules.RuleCompiler', 'Compiling pricing rules bundle-2026-11.zip: 18412 rules -> generated classes'),
    springLine(2.5, 'INFO', 'main', 'c.a.pricing.rules.RuleCompiler', 'compiled 9000/18412 rules (41207 classes loaded)'),
    'Terminating due to java.lang.OutOfMemoryError: Compressed class space',
  );
  const oldLog = (k: number) => lines(
    springLine(15 * DAYS - 1 - k, 'INFO', 'main', 'c.a.pricing.QuoteEngineApplication', 'Started QuoteEngineApplication in 58.114 seconds (process running for 59.3)'),
    springLine(1.4 + k * 0.1, 'INFO', 'http-nio-8080-exec-3', 'c.a.pricing.web.QuoteController', 'POST /v3/quotes -> 200 (44 ms)'),
    springLine(0.3 + k * 0.1, 'INFO', 'http-nio-8080-exec-9', 'c.a.pricing.web.QuoteController', 'POST /v3/quotes -> 200 (39 ms)'),
  );
  return {
    id: 'heldout93-jvm-compressed-class-space',
    class: 'containers',
    truth: 'quote-engine revision 57 (2.19.0, 47 minutes ago) compiles its pricing rules into tens of thousands of generated classes and, in the same change, set JAVA_TOOL_OPTIONS -XX:CompressedClassSpaceSize=64m; the new pod exhausts the compressed class space during startup ("java.lang.OutOfMemoryError: Compressed class space", ExitOnOutOfMemoryError → exit 3) and crash-loops. It is neither the Java heap nor the 2Gi container limit (no OOMKilled). The rollout is stuck; the three revision-56 pods serve. Fix: drop or raise CompressedClassSpaceSize (e.g. 512m, with MaxMetaspaceSize to match) or roll back to revision 56.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 0, 46.6),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 0, 2, 38),
      scheduled(fresh, 46.5),
      ...restartedAgain(fresh, 'app', image('2.19.0'), { count: 10, firstAgo: 46.3, lastAgo: 2.9 }),
      backOff(fresh, 'app', { count: 170, firstAgo: 45, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: prev, current: lines(`Picked up JAVA_TOOL_OPTIONS: ${opts('2.19.0')}`) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/compressed ?class ?space|CompressedClassSpaceSize/i],
      facts: [/CompressedClassSpaceSize=64m|64m/i, /revision 57|2\.19\.0/],
      never: [/OOMKilled|(raise|increase) the (container )?memory limit|Java heap space/i, /fx-rates/],
    },
  };
}

// ---- 7. Healthy control: log4j2's getCallerClass warning at start --------------------------------

function healthyLog4jCallerClassWarning(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.149', ['33', '102', '221']);
  const image = (v: string) => `${ECR}/reporting/report-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=70 -Dlog4j2.formatMsgNoLookups=true' }],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 45 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-renderer',
    replicas: 2,
    revisions: [
      { revision: 12, createdAgo: 21 * DAYS, changeCause: 'argocd: report-renderer 1.22.0', template: tpl('1.22.0') },
      { revision: 13, createdAgo: 3 * HOURS + 30, changeCause: 'argocd: report-renderer 1.22.1', template: tpl('1.22.1') },
    ],
    pods: [0, 1].map((k) => ({ revision: 13, node: names[k] ?? '', createdAgo: 3 * HOURS + 29 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 26, progressingSince: 3 * HOURS + 30, progressingUpdatedAgo: 3 * HOURS + 26 },
  });
  const other = bystander(ns, 'report-scheduler', names, 8 * DAYS, { revisions: [6, 7], versions: ['0.14.0', '0.14.1'], olderAgo: 40 * DAYS });
  const l4j = (m: number, level: string, logger: string, msg: string) => `${at(m).replace('T', ' ').replace('Z', '')} [main] ${level} ${logger} - ${msg}`;
  const log = (k: number) => {
    const start = 3 * HOURS + 28.8 - k;
    const out = [
      'WARNING: sun.reflect.Reflection.getCallerClass is not supported. This will impact performance.',
      l4j(start, 'INFO ', 'com.acme.reporting.Main', 'report-renderer 1.22.1 starting (Java 17.0.13)'),
      l4j(start - 0.1, 'INFO ', 'com.acme.reporting.pdf.FontCache', 'loaded 42 fonts from /opt/app/fonts'),
      l4j(start - 0.2, 'INFO ', 'io.javalin.Javalin', 'Listening on http://localhost:8080/'),
      l4j(start - 0.2, 'INFO ', 'io.javalin.Javalin', 'Javalin started in 1843ms \\o/'),
    ];
    for (let i = 0; i < 8; i++) out.push(`${at(40 - i * 5 - k).replace('T', ' ').replace('Z', '')} [qtp1418370913-${31 + i}] INFO  com.acme.reporting.http.Access - POST /v1/render/invoice-summary 200 ${310 + i * 17}ms pages=${2 + (i % 4)}`);
    return lines(...out);
  };
  return {
    id: 'heldout93-healthy-log4j2-getcallerclass-warning',
    class: 'healthy',
    truth: 'Healthy: report-renderer runs its two revision-13 pods (1.22.1, rolled out 3 h 30 min ago without trouble), ready and rendering reports with 200s. The "WARNING: sun.reflect.Reflection.getCallerClass is not supported. This will impact performance." line each pod prints at start comes from log4j2 on Java 9+ (the old StackLocator fallback) and is harmless noise; nothing needs doing.',
    ask: { service: 'report-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-renderer', selector: { app: 'report-renderer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 0, 2, 3 * HOURS + 26),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|nothing (wrong|to do)|all .*ready|running normally/i],
      facts: [/report-renderer/],
      never: [/getCallerClass[^\n]*(caus|broke|fail)/i, /\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  postgresWraparoundPreparedXact(),
  cassandraTombstonesQueueTable(),
  elasticsearchResultWindowTooLarge(),
  hpaTargetsRenamedDeployment(),
  oraclePasswordExpired(),
  jvmCompressedClassSpace(),
  healthyLog4jCallerClassWarning(),
];

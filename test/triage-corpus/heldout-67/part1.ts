// Held-out stories, sixty-seventh round, part one: MongoDB writes with w:"majority" timing out
// (WriteConcernFailed) because one secondary's data volume is full and the other is still in
// initial sync; a Liquibase DATABASECHANGELOGLOCK left held by an OOM-killed migration Job, so
// every new pod waits for the changelog lock until its startup probe kills it; a Postgres
// migration Job's ALTER TABLE queued for an AccessExclusiveLock behind a long report query, with
// no lock_timeout, so every app query on the table queues behind it; a Kafka producer whose new
// revision embeds attachments and exceeds max.request.size (RecordTooLargeException); a Kafka
// consumer group rebalancing forever because a batch of max.poll.records outlasts
// max.poll.interval.ms after its SMTP relay slowed; memcached refusing items larger than its 1 MB
// item size after a revision grew the cached profile; and a healthy Redis with its overcommit and
// somaxconn start-up warnings.
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, event, execProbe,
  exposed, httpProbe, job, jobEvent, nameOf, probeFailed, probeKilling, pyTime, restartedAgain, running, scheduled,
  service, statefulSetApp, tcpProbe, terminated, boundClaim, startedNormally, cronJob,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** MongoDB's structured log time: `2026-11-21T03:12:41.563+00:00`. */
const mongoTime = (m: number): string => at(m).replace('Z', '+00:00');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** Spring Boot 3's console time: `2026-11-21T03:12:41.563Z`. */
const spring = (m: number, level: string, thread: string, logger: string, msg: string, app: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (m: number): string => {
  const d = new Date(at(m));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${d.getUTCDate()} ${mon} ${d.getUTCFullYear()} ${at(m).slice(11, 23)}`;
};

// ---- 1. MongoDB w:"majority" writes time out: one secondary's disk full, the other in STARTUP2 ------

function mongoMajorityWriteConcernTimeout(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '203']);
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongoC = container({
    name: 'mongod', image: mongoImage, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '1.5'],
    ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi',
    readiness: execProbe(['mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"], { timeoutSeconds: 5 }),
    liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }),
    volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
  });
  const mongo = statefulSetApp({
    namespace: ns, name: 'orders-mongo', replicas: 3, serviceName: 'orders-mongo', createdAgo: 240 * DAYS,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: { containers: [mongoC], terminationGracePeriodSeconds: 60 } }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 19 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 19 * DAYS, containers: { mongod: crashLoop({ exitCode: 134, finishedAgo: 2.2, ranSeconds: 11 }, 23) } },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 46, containers: { mongod: running({ sinceAgo: 45.5 }) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-orders-mongo-${i}`, storage: '50Gi', zone: `eu-west-1${'abc'[i]}`, createdAgo: i === 2 ? 46 : 240 * DAYS, storageClass: 'gp3', labels: { app: 'orders-mongo' } }));
  const apiImage = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_DATA_MONGODB_URI', value: 'mongodb://orders-mongo-0.orders-mongo.orders.svc.cluster.local:27017,orders-mongo-1.orders-mongo.orders.svc.cluster.local:27017,orders-mongo-2.orders-mongo.orders.svc.cluster.local:27017/orders?replicaSet=rs0&w=majority&wtimeoutMS=5000&readPreference=primaryPreferred' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 3.18.0', template: apiTpl('3.18.0') },
      { revision: 58, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: orders-api 3.18.1', template: apiTpl('3.18.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 2 * HOURS + 39 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 35, progressingSince: 2 * HOURS + 40 },
  });
  const m0 = podOf(mongo, 0);
  const m1 = podOf(mongo, 1);
  const m2 = podOf(mongo, 2);
  const host = (i: number) => `orders-mongo-${i}.orders-mongo.orders.svc.cluster.local:27017`;
  const primaryLog: string[] = [];
  for (let i = 0; i < 10; i++) {
    const t = 30 - i * 3;
    primaryLog.push(`{"t":{"$date":"${mongoTime(t)}"},"s":"I",  "c":"REPL_HB",  "id":23974,   "ctx":"ReplCoord-${i % 4}","msg":"Heartbeat failed after max retries","attr":{"target":"${host(1)}","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to ${host(1)} (10.0.96.151:27017) :: caused by :: Connection refused"}}}`);
    primaryLog.push(`{"t":{"$date":"${mongoTime(t - 0.4)}"},"s":"I",  "c":"WRITE",    "id":51803,   "ctx":"conn${4412 + i}","msg":"Slow query","attr":{"type":"command","ns":"orders.orders","appName":"orders-api","command":{"insert":"orders","ordered":true,"writeConcern":{"w":"majority","wtimeout":5000},"$db":"orders"},"ninserted":1,"keysInserted":4,"numYields":0,"writeConcernError":{"code":64,"codeName":"WriteConcernFailed","errmsg":"waiting for replication timed out","errInfo":{"wtimeout":true,"writeConcern":{"w":"majority","wtimeout":5000,"provenance":"clientSupplied"}}},"reslen":412,"protocol":"op_msg","durationMillis":${5001 + i}}}`);
  }
  primaryLog.push(`{"t":{"$date":"${mongoTime(1.1)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.96.22:51844","uuid":{"uuid":{"$uuid":"3f0c9a51-77d2-4c52-9d0b-2a61c9b1e4f7"}},"connectionId":4431,"connectionCount":61}}`);
  const diskFull = (t: number) => [
    `{"t":{"$date":"${mongoTime(t)}"},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"-","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}`,
    `{"t":{"$date":"${mongoTime(t - 0.01)}"},"s":"I",  "c":"STORAGE",  "id":22315,   "ctx":"initandlisten","msg":"Opening WiredTiger","attr":{"config":"create,cache_size=1536M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),"}}`,
    `{"t":{"$date":"${mongoTime(t - 0.1)}"},"s":"E",  "c":"WT",       "id":22435,   "ctx":"initandlisten","msg":"WiredTiger error message","attr":{"error":28,"message":{"ts_sec":1795230696,"thread":"1:0x7f3b2c1fe640","session_name":"connection","category":"WT_VERB_DEFAULT","category_id":9,"verbose_level":"ERROR","verbose_level_id":-3,"msg":"__posix_file_write:616:/data/db/journal/WiredTigerLog.0000004127: handle-write: pwrite: failed to write 128 bytes at offset 0","error_str":"No space left on device","error_code":28}}}`,
    `{"t":{"$date":"${mongoTime(t - 0.1)}"},"s":"E",  "c":"WT",       "id":22435,   "ctx":"initandlisten","msg":"WiredTiger error message","attr":{"error":-31804,"message":{"ts_sec":1795230696,"thread":"1:0x7f3b2c1fe640","session_name":"connection","category":"WT_VERB_DEFAULT","category_id":9,"verbose_level":"ERROR","verbose_level_id":-3,"msg":"__wt_panic:534:the process must exit and restart","error_str":"WT_PANIC: WiredTiger library panic","error_code":-31804}}}`,
    `{"t":{"$date":"${mongoTime(t - 0.1)}"},"s":"F",  "c":"ASSERT",   "id":23089,   "ctx":"initandlisten","msg":"Fatal assertion","attr":{"msgid":50853,"file":"src/mongo/db/storage/wiredtiger/wiredtiger_util.cpp","line":712}}`,
    `{"t":{"$date":"${mongoTime(t - 0.1)}"},"s":"F",  "c":"ASSERT",   "id":23090,   "ctx":"initandlisten","msg":"\\n\\n***aborting after fassert() failure\\n\\n"}`,
  ];
  const syncLog = lines(
    `{"t":{"$date":"${mongoTime(45.3)}"},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"STARTUP2","oldState":"STARTUP"}}`,
    `{"t":{"$date":"${mongoTime(45.2)}"},"s":"I",  "c":"INITSYNC", "id":21164,   "ctx":"ReplCoordExtern-0","msg":"Starting initial sync attempt","attr":{"initialSyncAttempt":1,"initialSyncMaxAttempts":10}}`,
    `{"t":{"$date":"${mongoTime(45.1)}"},"s":"I",  "c":"INITSYNC", "id":21173,   "ctx":"ReplCoordExtern-1","msg":"Initial syncer oplog truncation finished","attr":{"durationMillis":0}}`,
    `{"t":{"$date":"${mongoTime(44.9)}"},"s":"I",  "c":"REPL",     "id":21799,   "ctx":"ReplCoordExtern-1","msg":"Sync source candidate chosen","attr":{"syncSource":"${host(0)}"}}`,
    `{"t":{"$date":"${mongoTime(12.4)}"},"s":"I",  "c":"INITSYNC", "id":21192,   "ctx":"ReplCoordExtern-2","msg":"Initial sync status and statistics","attr":{"status":"in progress","statistics":{"failedInitialSyncAttempts":0,"maxFailedInitialSyncAttempts":10,"initialSyncStart":{"$date":"${mongoTime(45.2)}"},"totalInitialSyncElapsedMillis":1967000,"approxTotalDataSize":41873920000,"approxTotalBytesCopied":19205111808,"remainingInitialSyncEstimatedMillis":2322000,"databases":{"databasesToClone":1,"databasesCloned":2}}}}`,
    `{"t":{"$date":"${mongoTime(0.6)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.96.22:51902","connectionId":391,"connectionCount":12}}`,
  );
  const apiLog = (k: number) => {
    const out = [spring(2 * HOURS + 38 - k, 'INFO', 'main', 'c.a.orders.OrdersApiApplication', 'Started OrdersApiApplication in 14.882 seconds (process running for 16.1)', 'orders-api')];
    for (let i = 0; i < 8; i++) {
      const t = 24 - i * 3 - k * 0.3;
      out.push(spring(t, 'INFO', `http-nio-8080-exec-${3 + i}`, 'c.a.orders.web.OrderQueryController', `GET /v1/orders/ORD-${771200 + i * 13 + k} 200 in 9 ms`, 'orders-api'));
      out.push(spring(t - 0.1, 'ERROR', `http-nio-8080-exec-${4 + i}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataIntegrityViolationException: Write failed with error code 64 and error message \'waiting for replication timed out\'] with root cause', 'orders-api'));
      out.push('', 'com.mongodb.MongoWriteConcernException: Write failed with error code 64 and error message \'waiting for replication timed out\'',
        '\tat com.mongodb.internal.connection.ProtocolHelper.getWriteConcernException(ProtocolHelper.java:230)',
        '\tat com.mongodb.internal.operation.MixedBulkWriteOperation.lambda$execute$2(MixedBulkWriteOperation.java:208)',
        '\tat org.springframework.data.mongodb.core.MongoTemplate.insertDocument(MongoTemplate.java:1578)',
        '\tat com.acme.orders.service.OrderService.place(OrderService.java:88)');
    }
    return lines(...out);
  };
  const other = bystander(ns, 'orders-notifier', names, 3 * HOURS, { revisions: [12, 13], versions: ['1.6.2', '1.6.3'], olderAgo: 20 * DAYS });
  return {
    id: 'heldout67-mongo-majority-write-concern-timeout',
    class: 'storage',
    truth: 'Writes of orders-api use w:"majority" with wtimeout 5000, and the replica set rs0 has only its primary (orders-mongo-0) in sync: orders-mongo-1\'s 50Gi data volume (data-orders-mongo-1) is full, so mongod panics at start-up on WiredTiger "No space left on device" and crash-loops, and orders-mongo-2, re-created 46 minutes ago on a fresh volume, is still in initial sync (STARTUP2). No majority can acknowledge a write, so every insert ends in WriteConcernFailed "waiting for replication timed out" while reads work. orders-api and its revision 58 are innocent. Fix: grow or clean orders-mongo-1\'s volume so it rejoins as a secondary (and let orders-mongo-2 finish initial sync).',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...claims, ...api.objects, ...other.objects,
      service({ namespace: ns, name: 'orders-mongo', selector: { app: 'orders-mongo' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }] }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...restartedAgain(m1, 'mongod', mongoImage, { count: 23, firstAgo: 3 * HOURS + 5, lastAgo: 2.4 }),
      backOff(m1, 'mongod', { count: 410, firstAgo: 3 * HOURS + 4, lastAgo: 0.3 }),
      ...startedNormally(m2, 'mongod', mongoImage, 45.6),
      event({ on: m2, reason: 'Unhealthy', message: 'Readiness probe failed: MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017', firstAgo: 45.5, lastAgo: 45.3, fieldPath: 'spec.containers{mongod}' }),
    ],
    logs: [
      logsFor(m0, 'mongod', { current: lines(...primaryLog) }),
      logsFor(m1, 'mongod', { previous: lines(...diskFull(2.4)) }),
      logsFor(m2, 'mongod', { current: syncLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders-mongo|WriteConcernFailed|waiting for replication|majority/i],
      facts: [/No space left on device/, /STARTUP2|initial sync/i, /orders-mongo-1/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /orders-notifier/],
    },
  };
}

// ---- 2. Liquibase DATABASECHANGELOGLOCK left held by an OOM-killed migration -----------------------

function liquibaseLockHeld(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.118', ['37', '162', '219']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-cq81xk2m0z.eu-west-1.rds.amazonaws.com:5432/billing' },
        { name: 'SPRING_LIQUIBASE_ENABLED', value: 'true' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080),
      startup: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 10, failureThreshold: 18 }),
    })],
  });
  const startupKill = { exitCode: 143, finishedAgo: 1.5, ranSeconds: 180 };
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-service 5.2.0', template: tpl('5.2.0') },
      { revision: 19, createdAgo: 41, changeCause: 'argocd: invoice-service 5.3.0', template: tpl('5.3.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: 33, containers: { app: crashLoop(startupKill, 8) } },
    ],
  });
  const migImage = image('5.3.0');
  const mig = job({
    namespace: ns, name: 'invoice-service-migrate-5-3-0', createdAgo: 43, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'liquibase', image: migImage, command: ['java', '-XX:MaxRAMPercentage=75', '-cp', '/app/lib/*', 'liquibase.integration.commandline.LiquibaseCommandLine'], args: ['--changelog-file=db/changelog/db.changelog-master.yaml', 'update'], memory: '512Mi' })] },
    pods: [{ node: names[2] ?? '', phase: 'Failed', createdAgo: 43, containers: { liquibase: terminated({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 35, ranSeconds: 470 }) } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 35 },
  });
  const migPod = podOf(mig, 0);
  const fresh = podOf(app, 3);
  const ip = ipOfPod(fresh);
  const freshLog = (t: number) => lines(
    spring(t, 'INFO', 'main', 'c.a.billing.InvoiceServiceApplication', 'Starting InvoiceServiceApplication v5.3.0 using Java 21.0.5 with PID 1 (/app started by app in /app)', 'invoice-service'),
    spring(t - 0.05, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)', 'invoice-service'),
    spring(t - 0.1, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.', 'invoice-service'),
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((i) => spring(t - 0.12 - i * (10 / 60), 'INFO', 'main', 'liquibase.lockservice', 'Waiting for changelog lock....', 'invoice-service')),
  );
  const t0 = 4.5;
  return {
    id: 'heldout67-liquibase-changelog-lock-held',
    class: 'jobs',
    truth: 'The pre-sync migration Job of invoice-service 5.3.0 (invoice-service-migrate-5-3-0) was OOMKilled 35 minutes ago in the middle of a changeset, after Liquibase had taken its lock, so DATABASECHANGELOGLOCK still says LOCKED=true. Every new pod of revision 19 runs Liquibase at start-up and logs "Waiting for changelog lock...." until its 180-second startup probe kills it; the rollout is stuck on the three revision-18 pods. Neither the image nor the pods are broken, and rolling back would meet the same lock on the next restart. Fix: check no migration is running, release the lock (liquibase releaseLocks, or UPDATE DATABASECHANGELOGLOCK SET LOCKED=false), and rerun the migration with more memory.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mig.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 43),
      jobEvent(mig.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 35, 'Warning'),
      scheduled(fresh, 33),
      ...restartedAgain(fresh, 'app', image('5.3.0'), { count: 9, firstAgo: 32.9, lastAgo: t0 }),
      probeFailed(fresh, 'app', 'Startup', `Get "http://${ip}:8080/actuator/health/liveness": dial tcp ${ip}:8080: connect: connection refused`, { count: 142, firstAgo: 32.5, lastAgo: 1.6 }),
      probeKilling(fresh, 'app', 'startup', { count: 8, firstAgo: 29.9, lastAgo: 1.5 }),
      backOff(fresh, 'app', { count: 31, firstAgo: 29.8, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: freshLog(0.4), previous: freshLog(t0) }),
      logsFor(migPod, 'liquibase', { current: lines(
        `Starting Liquibase at 02:31:07 using Java 21.0.5 (version 4.29.2 #3683 built at 2024-08-29 16:45+0000)`,
        `Liquibase Version: 4.29.2`,
        `INFO [liquibase.lockservice] Successfully acquired change log lock`,
        `INFO [liquibase.changelog] Reading from public.databasechangelog`,
        `Running Changeset: db/changelog/2026/11/0412-invoice-line-tax-breakdown.yaml::0412-1::billing-team`,
        `INFO [liquibase.changelog] Columns tax_breakdown(jsonb) added to invoice_lines`,
        `INFO [liquibase.changelog] ChangeSet db/changelog/2026/11/0412-invoice-line-tax-breakdown.yaml::0412-1::billing-team ran successfully in 412ms`,
        `Running Changeset: db/changelog/2026/11/0412-invoice-line-tax-breakdown.yaml::0412-2::billing-team`,
        `INFO [liquibase.executor] Executing customChange com.acme.billing.migration.BackfillTaxBreakdown on 18422913 invoice_lines`,
      ) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
        spring(6 * DAYS - 1, 'INFO', 'main', 'liquibase.lockservice', 'Successfully acquired change log lock', 'invoice-service'),
        spring(6 * DAYS - 1.01, 'INFO', 'main', 'liquibase.changelog', 'Reading from public.databasechangelog', 'invoice-service'),
        spring(6 * DAYS - 1.02, 'INFO', 'main', 'liquibase.lockservice', 'Successfully released change log lock', 'invoice-service'),
        spring(2.1, 'INFO', 'http-nio-8080-exec-7', 'c.a.billing.web.InvoiceController', 'GET /v1/invoices/INV-2026-118203 200 in 21 ms', 'invoice-service'),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/changelog lock|DATABASECHANGELOGLOCK|releaseLocks|liquibase/i],
      facts: [/Waiting for changelog lock/, /invoice-service-migrate-5-3-0|OOMKilled/],
      never: [ADVISES_ROLLBACK, /memory limit of invoice-service|raise (the )?memory limit of (the )?app/i],
    },
  };
}

// ---- 3. ALTER TABLE queued for AccessExclusiveLock behind a report query, no lock_timeout ----------

function alterTableLockQueue(): CorpusScenario {
  const ns = 'shipping';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '98', '231']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const pg = statefulSetApp({
    namespace: ns, name: 'shipping-pg', replicas: 1, serviceName: 'shipping-pg', createdAgo: 300 * DAYS,
    revisions: [{ revision: 6, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', args: ['-c', 'log_lock_waits=on', '-c', 'deadlock_timeout=1s', '-c', 'max_connections=300'], readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 6, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-shipping-pg-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS, storageClass: 'gp3', labels: { app: 'shipping-pg' } });
  const apiImage = (v: string) => `${ECR}/shipping/shipment-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://shipment_api@shipping-pg.shipping.svc.cluster.local:5432/shipping?sslmode=disable&statement_timeout=5000' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const api = deploymentApp({
    namespace: ns, name: 'shipment-api', replicas: 3,
    revisions: [
      { revision: 43, createdAgo: 12 * DAYS, changeCause: 'argocd: shipment-api 2.40.1', template: apiTpl('2.40.1') },
      { revision: 44, createdAgo: 3 * DAYS, changeCause: 'argocd: shipment-api 2.41.0', template: apiTpl('2.41.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
    settled: { available: true, availableSince: 3 * DAYS - 3, progressingSince: 3 * DAYS },
  });
  const mig = job({
    namespace: ns, name: 'shipment-api-migrate-v88', createdAgo: 14, backoffLimit: 1,
    template: { containers: [batchContainer({ name: 'flyway', image: 'docker.io/flyway/flyway:10.20.1', args: ['-url=jdbc:postgresql://shipping-pg.shipping.svc.cluster.local:5432/shipping', '-user=flyway', '-locations=filesystem:/flyway/sql', 'migrate'], memory: '256Mi' })] },
    pods: [{ node: names[1] ?? '', createdAgo: 14, containers: { flyway: running({ sinceAgo: 13.8 }) } }],
  });
  const report = cronJob({
    namespace: ns, name: 'carrier-performance-report', schedule: '0 2 * * *', createdAgo: 90 * DAYS,
    template: { containers: [batchContainer({ name: 'report', image: `${ECR}/analytics/report-runner:1.9.4`, args: ['--report', 'carrier_performance_quarterly'], memory: '1Gi' })] },
    jobs: [{ createdAgo: 74, pods: [{ node: names[0] ?? '', createdAgo: 74, containers: { report: running({ sinceAgo: 73.8 }) } }] }],
  });
  const reportPod = report.jobs[0]?.pods[0];
  const pgPod = podOf(pg, 0);
  const migPod = podOf(mig, 0);
  const waitLines: string[] = [];
  waitLines.push(
    `${pgTime(73.5)} [47102] LOG:  duration: 412.118 ms  statement: SET application_name = 'report-runner'`,
    `${pgTime(13.6)} [48211] LOG:  process 48211 still waiting for AccessExclusiveLock on relation 16734 of database 16384 after 1000.117 ms`,
    `${pgTime(13.6)} [48211] DETAIL:  Process holding the lock: 47102. Wait queue: 48211.`,
    `${pgTime(13.6)} [48211] STATEMENT:  ALTER TABLE shipments ADD COLUMN carrier_eta_source text NOT NULL DEFAULT 'carrier'`,
  );
  for (let i = 0; i < 8; i++) {
    const t = 13.4 - i * 1.6;
    const pid = 48230 + i * 7;
    waitLines.push(
      `${pgTime(t)} [${pid}] LOG:  process ${pid} still waiting for AccessShareLock on relation 16734 of database 16384 after 1000.0${40 + i} ms`,
      `${pgTime(t)} [${pid}] DETAIL:  Process holding the lock: 47102. Wait queue: 48211, ${Array.from({ length: 3 + i }, (_, j) => 48230 + j * 7).join(', ')}.`,
      `${pgTime(t)} [${pid}] STATEMENT:  SELECT id, order_id, carrier, status, eta FROM shipments WHERE order_id = $1`,
      `${pgTime(t - 0.07)} [${pid}] ERROR:  canceling statement due to statement timeout`,
      `${pgTime(t - 0.07)} [${pid}] STATEMENT:  SELECT id, order_id, carrier, status, eta FROM shipments WHERE order_id = $1`,
    );
  }
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 12.5 - i * 1.2 - k * 0.1;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"request failed","method":"GET","path":"/v1/shipments","order_id":"ORD-${55120 + i * 3 + k}","status":504,"duration_ms":5004,"error":"ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"}`);
      if (i % 3 === 0) out.push(`{"time":"${at(t - 0.05)}","level":"INFO","msg":"request","method":"GET","path":"/v1/carriers","status":200,"duration_ms":3}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout67-alter-table-lock-queue',
    class: 'jobs',
    truth: 'The Flyway Job shipment-api-migrate-v88, started 14 minutes ago, runs ALTER TABLE shipments ADD COLUMN … with no lock_timeout; its AccessExclusiveLock waits behind the nightly carrier-performance-report query (pid 47102) that has held an AccessShareLock on shipments for 74 minutes, and every shipment-api query on shipments queues behind the ALTER and dies on the 5 s statement_timeout (504s). shipment-api, its revision 44 and the Postgres pod are innocent. Fix: cancel the migration (or the report), and rerun the ALTER with SET lock_timeout and retries in a quiet window.',
    ask: { service: 'shipment-api', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, ...claim, ...api.objects, ...mig.objects, ...report.objects,
      service({ namespace: ns, name: 'shipping-pg', selector: { app: 'shipping-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] }),
      ...exposed({ namespace: ns, name: 'shipment-api', selector: { app: 'shipment-api' }, pods: api.pods }),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 14),
      ...startedNormally(migPod, 'flyway', 'docker.io/flyway/flyway:10.20.1', 13.9),
    ],
    logs: [
      logsFor(migPod, 'flyway', { current: lines(
        'Flyway OSS Edition 10.20.1 by Redgate',
        '',
        'See release notes here: https://rd.gt/416ObMi',
        'Database: jdbc:postgresql://shipping-pg.shipping.svc.cluster.local:5432/shipping (PostgreSQL 16.4)',
        'Successfully validated 88 migrations (execution time 00:00.091s)',
        'Current version of schema "public": 87',
        'Migrating schema "public" to version "88 - add carrier eta source"',
      ) }),
      logsFor(pgPod, 'postgres', { current: lines(...waitLines) }),
      ...(reportPod ? [logsFor(reportPod, 'report', { current: lines(`${pyTime(73.7)} INFO report_runner: running carrier_performance_quarterly (window=2026-08-01..2026-11-01)`, `${pyTime(73.6)} INFO report_runner: executing query 1/1 on shipping-pg (shipments x tracking_events x carriers)`) })] : []),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shipment-api-migrate-v88|ALTER TABLE|AccessExclusiveLock|lock_timeout|lock/i],
      facts: [/AccessExclusiveLock|lock_timeout/, /carrier-performance-report|47102/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /shipping-pg[^\n]*(restart|crash)/i],
    },
  };
}

// ---- 4. Kafka producer: RecordTooLargeException after a revision embeds attachments ----------------

function kafkaRecordTooLarge(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.52', ['21', '117', '244']);
  const image = (v: string) => `${ECR}/claims/claims-intake:${v}`;
  const tpl = (v: string, embed: boolean) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', env: [
    { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.kafka.svc.cluster.local:9092,kafka-1.kafka-headless.kafka.svc.cluster.local:9092,kafka-2.kafka-headless.kafka.svc.cluster.local:9092' },
    { name: 'CLAIMS_TOPIC', value: 'claims.submitted.v1' },
    ...(embed ? [{ name: 'CLAIMS_EVENT_EMBED_ATTACHMENTS', value: 'true' }, { name: 'CLAIMS_EVENT_EMBED_OCR_TEXT', value: 'true' }] : []),
  ], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'claims-intake', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 15 * DAYS, changeCause: 'argocd: claims-intake 4.7.2', template: tpl('4.7.2', false) },
      { revision: 27, createdAgo: 58, changeCause: 'argocd: claims-intake 4.8.0 (embed attachment thumbnails and OCR text in ClaimSubmitted)', template: tpl('4.8.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 57 - k })),
    settled: { available: true, availableSince: 53, progressingSince: 58 },
  });
  const cm = configMap({ namespace: ns, name: 'claims-intake-config', createdAgo: 200 * DAYS, updatedAgo: 40 * DAYS, data: { 'application.yaml': 'spring:\n  kafka:\n    producer:\n      acks: all\n      compression-type: none\n      key-serializer: org.apache.kafka.common.serialization.StringSerializer\n      value-serializer: org.springframework.kafka.support.serializer.JsonSerializer\n      properties:\n        enable.idempotence: true\n        linger.ms: 5\n' } });
  const other = bystander(ns, 'claims-adjuster-ui', names, 2 * HOURS, { revisions: [90, 91], versions: ['7.1.0', '7.1.1'], olderAgo: 9 * DAYS });
  const log = (k: number) => {
    const out = [spring(56 - k, 'INFO', 'main', 'o.a.k.clients.producer.ProducerConfig', 'Idempotence will be enabled because acks=-1 and enable.idempotence=true.', 'claims-intake'),
      spring(55.9 - k, 'INFO', 'main', 'c.a.claims.ClaimsIntakeApplication', 'Started ClaimsIntakeApplication in 11.204 seconds (process running for 12.3)', 'claims-intake')];
    for (let i = 0; i < 9; i++) {
      const t = 50 - i * 5.5 - k * 0.2;
      const id = `CLM-2026-${884100 + i * 11 + k}`;
      const bytes = 1_210_000 + ((i * 92821 + k * 31337) % 2_400_000);
      if (i % 3 === 1) out.push(spring(t + 0.1, 'INFO', `http-nio-8080-exec-${i + 1}`, 'c.a.claims.web.ClaimController', `POST /v1/claims 201 claim=${id.replace('88', '87')} attachments=0 in 48 ms`, 'claims-intake'));
      out.push(
        spring(t, 'ERROR', `http-nio-8080-exec-${i + 2}`, 'o.s.k.support.LoggingProducerListener', `Exception thrown when sending a message with key='${id}' and payload='ClaimSubmitted(claimId=${id}, policyNo=PL-55${i}0${k}1, attachments=[Attachment(name=IMG_20${i}4.jpg, ...' to topic claims.submitted.v1:`, 'claims-intake'),
        '',
        `org.apache.kafka.common.errors.RecordTooLargeException: The message is ${bytes} bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.`,
        '',
        spring(t - 0.01, 'ERROR', `http-nio-8080-exec-${i + 2}`, 'c.a.claims.web.ClaimController', `POST /v1/claims 500 claim=${id} attachments=${2 + (i % 4)}: org.springframework.kafka.KafkaException: Send failed`, 'claims-intake'),
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout67-kafka-record-too-large',
    class: 'rollout',
    truth: 'claims-intake revision 27 (4.8.0, 58 minutes ago) turned on CLAIMS_EVENT_EMBED_ATTACHMENTS / CLAIMS_EVENT_EMBED_OCR_TEXT, so a ClaimSubmitted event with attachments now serializes to 1.2–3.6 MB, more than the producer\'s default max.request.size of 1048576 bytes (and the topic\'s 1 MB message limit): the producer throws RecordTooLargeException, the event is not sent, and POST /v1/claims returns 500 for every claim with attachments. Pods are Ready, Kafka is healthy. Fix: roll back to revision 26 (or send references to the attachments instead of embedding them).',
    ask: { service: 'claims-intake', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cm, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-intake', selector: { app: 'claims-intake' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-adjuster-ui', selector: { app: 'claims-adjuster-ui' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/RecordTooLarge|max\.request\.size|too large/i, /revision 27|4\.8\.0/],
      facts: [lit('max.request.size'), /1048576/],
      never: [/\bOOM/, /claims-adjuster-ui/, /crash ?loop/i],
    },
  };
}

// ---- 5. Kafka consumer rebalance loop: max.poll.records outlasts max.poll.interval.ms ---------------

function kafkaPollIntervalRebalanceLoop(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.208', ['9', '130', '66']);
  const image = `${ECR}/notifications/email-dispatcher:2.14.3`;
  const app = deploymentApp({
    namespace: ns, name: 'email-dispatcher', replicas: 4,
    revisions: [{ revision: 31, createdAgo: 8 * DAYS, changeCause: 'argocd: email-dispatcher 2.14.3', template: {
      containers: [container({ image, ports: [{ name: 'metrics', containerPort: 9404 }], cpu: '500m', memory: '768Mi', envFrom: [{ configMapRef: { name: 'email-dispatcher-kafka' } }], readiness: httpProbe('/health', 'metrics'), liveness: httpProbe('/health', 'metrics', { initialDelaySeconds: 20 }) })],
    } }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 8 * DAYS - k })),
    settled: { available: true, availableSince: 8 * DAYS - 4, progressingSince: 8 * DAYS },
  });
  const cm = configMap({ namespace: ns, name: 'email-dispatcher-kafka', createdAgo: 150 * DAYS, updatedAgo: 60 * DAYS, data: {
    KAFKA_BOOTSTRAP_SERVERS: 'kafka-0.kafka-headless.kafka.svc.cluster.local:9092,kafka-1.kafka-headless.kafka.svc.cluster.local:9092',
    KAFKA_GROUP_ID: 'email-dispatcher', KAFKA_TOPIC: 'notifications.email.v2',
    KAFKA_MAX_POLL_RECORDS: '500', KAFKA_MAX_POLL_INTERVAL_MS: '300000', KAFKA_ENABLE_AUTO_COMMIT: 'false',
    SMTP_RELAY: 'smtp-relay.mail-provider.example.net:587', SMTP_TIMEOUT_MS: '30000',
  } });
  const other = bystander(ns, 'push-dispatcher', names, 95, { revisions: [18, 19], versions: ['1.30.0', '1.30.1'], olderAgo: 11 * DAYS });
  const kt = (m: number) => at(m).replace('T', ' ').replace('Z', '').replace('.', ',');
  const log = (k: number) => {
    const c = `consumer-email-dispatcher-${k + 1}`;
    const pfx = `[Consumer clientId=${c}, groupId=email-dispatcher]`;
    const out: string[] = [];
    for (let r = 0; r < 6; r++) {
      const t = 40 - r * 6.5 - k * 0.3;
      const gen = 1180 + r * 2;
      out.push(
        `${kt(t)} INFO  [${c}] o.a.k.c.c.i.ConsumerCoordinator - ${pfx} (Re-)joining group`,
        `${kt(t - 0.1)} INFO  [${c}] o.a.k.c.c.i.ConsumerCoordinator - ${pfx} Successfully joined group with generation Generation{generationId=${gen}, memberId='${c}-7f2c${k}e1-4b8a-9d1e-${k}a3c5e7f90b${r}', protocol='range'}`,
        `${kt(t - 0.12)} INFO  [${c}] o.a.k.c.c.i.ConsumerCoordinator - ${pfx} Adding newly assigned partitions: notifications.email.v2-${k * 3}, notifications.email.v2-${k * 3 + 1}, notifications.email.v2-${k * 3 + 2}`,
        `${kt(t - 1.2)} WARN  [email-worker-${k}] c.a.n.mail.SmtpSender - slow SMTP send to smtp-relay.mail-provider.example.net:587: 4128 ms (msg=ntf-${90211 + r * 500 + k})`,
        `${kt(t - 2.4)} WARN  [email-worker-${k}] c.a.n.mail.SmtpSender - slow SMTP send to smtp-relay.mail-provider.example.net:587: 3877 ms (msg=ntf-${90311 + r * 500 + k})`,
        `${kt(t - 5.1)} WARN  [kafka-coordinator-heartbeat-thread | email-dispatcher] o.a.k.c.c.i.ConsumerCoordinator - ${pfx} consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.`,
        `${kt(t - 5.1)} INFO  [kafka-coordinator-heartbeat-thread | email-dispatcher] o.a.k.c.c.i.ConsumerCoordinator - ${pfx} Member ${c}-7f2c${k}e1-4b8a-9d1e-${k}a3c5e7f90b${r} sending LeaveGroup request to coordinator kafka-1.kafka-headless.kafka.svc.cluster.local:9092 (id: 2147483646 rack: null) due to consumer poll timeout has expired.`,
        `${kt(t - 6.0)} ERROR [email-worker-${k}] c.a.n.EmailConsumer - offset commit failed after batch of 500 records; the batch will be redelivered`,
        `org.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.`,
        `\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1351)`,
        `\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.commitOffsetsSync(ConsumerCoordinator.java:1110)`,
        `\tat org.apache.kafka.clients.consumer.KafkaConsumer.commitSync(KafkaConsumer.java:1512)`,
        `\tat com.acme.notifications.EmailConsumer.run(EmailConsumer.java:97)`,
        `${kt(t - 6.05)} INFO  [${c}] o.a.k.c.c.i.ConsumerCoordinator - ${pfx} Request joining group due to: consumer pro-actively leaving the group`,
      );
    }
    out.push(`${kt(0.3)} INFO  [metrics] c.a.n.LagReporter - consumer lag notifications.email.v2 total=${182000 + k * 911} (was 4120 at 02:00)`);
    return lines(...out);
  };
  return {
    id: 'heldout67-kafka-poll-interval-rebalance-loop',
    class: 'capacity',
    truth: 'The external SMTP relay slowed to ~4 s per send an hour ago; email-dispatcher processes each poll of max.poll.records=500 serially, so one batch now takes far longer than max.poll.interval.ms=300000. Each member is kicked out of the group (consumer poll timeout has expired), its commitSync fails with CommitFailedException, the batch is redelivered, and the group email-dispatcher rebalances again and again while lag on notifications.email.v2 grows past 180k. Pods are Ready and nothing was deployed. Fix: lower max.poll.records (or raise max.poll.interval.ms / send asynchronously) and look at the relay.',
    ask: { service: 'email-dispatcher', namespace: ns },
    objects: [...nodes, ...app.objects, cm, ...other.objects, ...exposed({ namespace: ns, name: 'email-dispatcher-metrics', selector: { app: 'email-dispatcher' }, pods: app.pods, ports: [{ name: 'metrics', port: 9404, targetPort: 'metrics' }], endpointPort: 9404 })],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/max\.poll\.(interval\.ms|records)|poll timeout|rebalanc|CommitFailed/i],
      facts: [/CommitFailedException/, /max\.poll\.records|max\.poll\.interval\.ms/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /push-dispatcher/],
    },
  };
}

// ---- 6. memcached refusing items over its 1 MB item size after a revision grew them ---------------

function memcachedObjectTooLarge(): CorpusScenario {
  const ns = 'profiles';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '171', '250']);
  const cacheImage = 'docker.io/library/memcached:1.6.31-alpine';
  const cache = deploymentApp({
    namespace: ns, name: 'profile-cache', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'memcached', image: cacheImage, args: ['-m', '2048', '-I', '1m', '-c', '4096', '-t', '4'], ports: [{ name: 'memcache', containerPort: 11211 }], cpu: '250m', memory: '2304Mi', readiness: tcpProbe('memcache'), liveness: tcpProbe('memcache', { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 5, node: names[0] ?? '', createdAgo: 22 * DAYS }, { revision: 5, node: names[2] ?? '', createdAgo: 22 * DAYS - 1 }],
  });
  const image = (v: string) => `${ECR}/profiles/profile-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], cpu: '500m', memory: '768Mi', command: ['gunicorn', 'profile_api.wsgi:app', '-k', 'gthread', '--threads', '8', '-b', '0.0.0.0:8000'], env: [{ name: 'MEMCACHED_SERVERS', value: 'profile-cache.profiles.svc.cluster.local:11211' }, { name: 'PROFILE_CACHE_TTL', value: '900' }, { name: 'DATABASE_URL', value: 'postgresql://profile_api@profiles-db.cluster-c91kz0x7n2.eu-west-1.rds.amazonaws.com:5432/profiles' }], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'profile-api', replicas: 4,
    revisions: [
      { revision: 51, createdAgo: 10 * DAYS, changeCause: 'argocd: profile-api 6.3.2', template: tpl('6.3.2') },
      { revision: 52, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: profile-api 6.4.0 (profile cache entry includes activity feed and badges)', template: tpl('6.4.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 52, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 4, progressingSince: 2 * HOURS + 10 },
  });
  const log = (k: number) => {
    const out = [`[${pyTime(2 * HOURS + 8 - k).replace(',', '.').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`, `${pyTime(2 * HOURS + 8 - k)} INFO profile_api.app: profile-api 6.4.0 ready (cache=profile-cache.profiles.svc.cluster.local:11211)`];
    for (let i = 0; i < 12; i++) {
      const t = 30 - i * 2.5 - k * 0.1;
      const uid = `u_${883100 + i * 37 + k}`;
      out.push(`${pyTime(t)} WARNING profile_api.cache: cache set failed key=profile:v7:${uid} size=${1_090_000 + ((i * 48611 + k * 7919) % 600_000)}: MemcacheServerError(b'object too large for cache')`);
      out.push(`${pyTime(t - 0.01)} INFO profile_api.access: GET /v2/profiles/${uid} 200 ${1400 + i * 83 + k * 20}ms cache=miss`);
      if (i % 4 === 1) out.push(`${pyTime(t - 0.02)} WARNING profile_api.db: slow query 1.31s: SELECT activity_events.* FROM activity_events WHERE activity_events.user_id = %(user_id)s ORDER BY activity_events.created_at DESC LIMIT 200 (pool checked_out=20/20, overflow=10/10)`);
    }
    out.push(`${pyTime(0.5)} INFO profile_api.access: GET /v2/profiles/u_120044/avatar 200 6ms cache=hit`);
    return lines(...out);
  };
  return {
    id: 'heldout67-memcached-object-too-large',
    class: 'rollout',
    truth: 'profile-api revision 52 (6.4.0, two hours ago) added the activity feed and badges to the cached profile entry, so most entries now weigh 1.1–1.7 MB, more than profile-cache\'s memcached item size limit (-I 1m). memcached answers every such set with "SERVER_ERROR object too large for cache", nothing is cached, every request misses and reads Postgres, whose pool is saturated and whose queries slow down. The memcached pods are healthy and have plenty of memory. Fix: roll back to revision 51 (or trim/compress the entry, or raise -I).',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cache.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'profile-cache', selector: { app: 'profile-cache' }, pods: cache.pods, ports: [{ name: 'memcache', port: 11211, targetPort: 11211 }], endpointPort: 11211 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...cache.pods.map((p) => logsFor(p, 'memcached', { current: '' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too large|item size|-I 1m|1 ?MB|profile-cache/i],
      facts: [/object too large for cache/, /revision 52|6\.4\.0/],
      never: [/\bOOM/, /evict/i, /profile-cache[^\n]*(crash|restart|out of memory)/i],
    },
  };
}

// ---- 7. healthy control: Redis with its overcommit and somaxconn start-up warnings -----------------

function healthyRedisStartupWarnings(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.77', ['19', '144', '210']);
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const redis = statefulSetApp({
    namespace: ns, name: 'session-store', replicas: 1, serviceName: 'session-store-headless', createdAgo: 180 * DAYS,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, args: ['redis-server', '--appendonly', 'no', '--save', '900 1 300 100', '--maxmemory', '1536mb', '--maxmemory-policy', 'volatile-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '2Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 14 * HOURS }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-session-store-0', storage: '10Gi', zone: 'eu-west-1b', createdAgo: 180 * DAYS, storageClass: 'gp3', labels: { app: 'session-store' } });
  const pod = podOf(redis, 0);
  const r = (m: number, role: string, mark: string, msg: string) => `1:${role} ${redisTime(m)} ${mark} ${msg}`;
  const boot = 14 * HOURS - 0.3;
  const saves: string[] = [];
  for (let i = 0; i < 8; i++) {
    const t = 40 - i * 5;
    saves.push(r(t, 'M', '*', '100 changes in 300 seconds. Saving...'), r(t, 'M', '*', `Background saving started by pid ${3100 + i}`), `${3100 + i}:C ${redisTime(t - 0.02)} * DB saved on disk`, `${3100 + i}:C ${redisTime(t - 0.02)} * Fork CoW for RDB: current 2 MB, peak 2 MB, average 1 MB`, r(t - 0.03, 'M', '*', 'Background saving terminated with success'));
  }
  return {
    id: 'heldout67-healthy-redis-overcommit-warning',
    class: 'healthy',
    truth: 'session-store, a single Redis 7.2 StatefulSet pod, started 14 hours ago during a routine node rotation and has served since; its log opens with Redis\' usual container warnings (Memory overcommit must be enabled, the TCP backlog of 511 cannot be enforced because somaxconn is 128), which are benign here, and RDB snapshots succeed every few minutes. Nothing is wrong.',
    ask: { service: 'session-store', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...claim,
      service({ namespace: ns, name: 'session-store-headless', selector: { app: 'session-store' }, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }] }),
      ...exposed({ namespace: ns, name: 'session-store', selector: { app: 'session-store' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...startedNormally(pod, 'redis', redisImage, 14 * HOURS - 0.1),
    ],
    logs: [logsFor(pod, 'redis', { current: lines(
      r(boot, 'C', '#', 'WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add \'vm.overcommit_memory = 1\' to /etc/sysctl.conf and then reboot or run the command \'sysctl vm.overcommit_memory=1\' for this to take effect.'),
      r(boot, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
      r(boot, 'C', '*', 'Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started'),
      r(boot, 'C', '*', 'Configuration loaded'),
      r(boot, 'M', '*', 'monotonic clock: POSIX clock_gettime'),
      r(boot, 'M', '*', 'Running mode=standalone, port=6379.'),
      r(boot, 'M', '#', 'WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.'),
      r(boot, 'M', '*', 'Server initialized'),
      r(boot - 0.01, 'M', '*', 'Loading RDB produced by version 7.2.5'),
      r(boot - 0.01, 'M', '*', 'RDB age 41 seconds'),
      r(boot - 0.01, 'M', '*', 'RDB memory usage when created 212.40 Mb'),
      r(boot - 0.02, 'M', '*', 'Done loading RDB, keys loaded: 184211, keys expired: 3120.'),
      r(boot - 0.02, 'M', '*', 'DB loaded from disk: 1.204 seconds'),
      r(boot - 0.02, 'M', '*', 'Ready to accept connections tcp'),
      ...saves,
    ) })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|nothing/i],
      facts: [],
      never: [/overcommit/i, /somaxconn|backlog/i, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  mongoMajorityWriteConcernTimeout(),
  liquibaseLockHeld(),
  alterTableLockQueue(),
  kafkaRecordTooLarge(),
  kafkaPollIntervalRebalanceLoop(),
  memcachedObjectTooLarge(),
  healthyRedisStartupWarnings(),
];

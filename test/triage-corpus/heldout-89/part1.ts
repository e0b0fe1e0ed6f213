// Held-out stories, eighty-ninth round, part one: a Kafka broker whose EBS data volume came back
// from its node's unclean reboot with a corrupted ext4 file system ("Structure needs cleaning"),
// so kafka-1 crash-loops while its peers on their own volumes are fine; a Java quote service
// whose revision 19 wraps the shared Apache CloseableHttpClient in try-with-resources, so after
// the first request every outgoing call fails with "Connection pool shut down"; an invoice
// writer whose revision 42 stores amounts in cents, so Postgres rejects inserts into a
// numeric(10,2) column with "numeric field overflow"; a Spring AMQP dispatcher whose revision 27
// publishes to an exchange nobody declares (NOT_FOUND - no exchange, channel error 404); an
// in-cluster SQL Server whose Inventory log is full due to LOG_BACKUP (error 9002) because the
// log-backup CronJob has failed for four days on an expired SAS token; a nightly report whose
// input feed delivered zero rows, so the job died on ZeroDivisionError; and a healthy control:
// a Spring Boot service that logs SLF4J's "multiple bindings" warning at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, deploymentApp, event,
  exposed, httpProbe, jobEvent, cronJobEvent, nameOf, nodeEvent, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  service, startedNormally, statefulSetApp, tcpProbe, terminated, uidOf, ipOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Kafka's log4j time: `2026-11-21 03:12:41,563`. */
const kTime = pyTime;
/** Spring Boot 3's console line. */
const spring = (t: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

// ---- 1. kafka-1's data volume corrupted by its node's unclean reboot ----------------------------

function kafkaVolumeNeedsCleaning(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '210']);
  const bad = names[1] ?? '';
  const image = 'docker.io/bitnami/kafka:3.8.1-debian-12-r0';
  const tpl = {
    containers: [container({
      name: 'kafka', image, cpu: '1', memory: '4Gi',
      ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }],
      env: [{ name: 'KAFKA_HEAP_OPTS', value: '-Xmx2g -Xms2g' }, { name: 'KAFKA_CFG_PROCESS_ROLES', value: 'controller,broker' }, { name: 'KAFKA_CFG_LOG_DIRS', value: '/bitnami/kafka/data' }],
      readiness: tcpProbe('client', { initialDelaySeconds: 5 }), liveness: tcpProbe('controller', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }],
    })],
  };
  const sts = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless', podManagementPolicy: 'Parallel', createdAgo: 140 * DAYS,
    revisions: [{ revision: 4, createdAgo: 23 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 4, ordinal: 1, node: bad, createdAgo: 23 * DAYS - 3, containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 11 }, 15) } },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 23 * DAYS - 6 },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '200Gi', zone: zones[i] ?? '', createdAgo: 140 * DAYS, labels: { app: 'kafka' } }));
  const k1 = podOf(sts, 1);
  const consumer = bystander(ns, 'clickstream-sink', names, 3 * HOURS, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 12 * DAYS });
  const bootId = uidOf(`boot/${bad}`);
  const prev = lines(
    `kafka 03:11:50.12 INFO  ==> ** Starting Kafka setup **`,
    `kafka 03:11:50.61 INFO  ==> ** Kafka setup finished! **`,
    `kafka 03:11:50.64 INFO  ==> ** Starting Kafka **`,
    `[${kTime(2.3)}] INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
    `[${kTime(2.29)}] INFO [ControllerServer id=1] Starting controller (kafka.server.ControllerServer)`,
    `[${kTime(2.25)}] INFO [BrokerServer id=1] Transition from SHUTDOWN to STARTING (kafka.server.BrokerServer)`,
    `[${kTime(2.22)}] INFO Loading logs from log dirs ArrayBuffer(/bitnami/kafka/data) (kafka.log.LogManager)`,
    `[${kTime(2.22)}] INFO Attempting recovery of all logs in /bitnami/kafka/data since no clean shutdown file was found (kafka.log.LogManager)`,
    `[${kTime(2.2)}] INFO [LogLoader partition=clickstream-7, dir=/bitnami/kafka/data] Recovering unflushed segment 18311942. 0/2 recovered for clickstream-7. (kafka.log.LogLoader)`,
    `[${kTime(2.19)}] ERROR Error while loading log dir /bitnami/kafka/data (kafka.log.LogManager)`,
    `java.io.IOException: Structure needs cleaning`,
    `\tat java.base/sun.nio.ch.FileDispatcherImpl.read0(Native Method)`,
    `\tat java.base/sun.nio.ch.FileDispatcherImpl.read(FileDispatcherImpl.java:48)`,
    `\tat java.base/sun.nio.ch.IOUtil.readIntoNativeBuffer(IOUtil.java:330)`,
    `\tat java.base/sun.nio.ch.FileChannelImpl.read(FileChannelImpl.java:806)`,
    `\tat org.apache.kafka.common.utils.Utils.readFully(Utils.java:1224)`,
    `\tat org.apache.kafka.common.record.FileLogInputStream.nextBatch(FileLogInputStream.java:66)`,
    `\tat kafka.log.LogSegment.recover(LogSegment.scala:467)`,
    `\tat kafka.log.LogLoader.recoverSegment(LogLoader.scala:378)`,
    `\tat kafka.log.LogManager.$anonfun$loadLogs$10(LogManager.scala:419)`,
    `\tat java.base/java.lang.Thread.run(Thread.java:1583)`,
    `[${kTime(2.18)}] WARN [ReplicaManager broker=1] Stopping serving replicas in dir /bitnami/kafka/data (kafka.server.ReplicaManager)`,
    `[${kTime(2.18)}] ERROR Shutdown broker because all log dirs in /bitnami/kafka/data have failed (kafka.log.LogManager)`,
  );
  const okLog = (id: number) => lines(
    `[${kTime(48.1)}] INFO [Partition clickstream-7 broker=${id}] Shrinking ISR from 0,1,2 to ${id === 0 ? '0,2' : '2,0'}. Leader: (highWatermark: 93811203, endOffset: 93811240). Out of sync replicas: (brokerId: 1, endOffset: 93811177, lastCaughtUpTimeMs: ${Date.parse(at(48.3))}). (kafka.cluster.Partition)`,
    `[${kTime(30)}] INFO [GroupCoordinator ${id}]: Stabilized group clickstream-sink generation 412 (__consumer_offsets-17) with 2 members (kafka.coordinator.group.GroupCoordinator)`,
    `[${kTime(4)}] INFO [LocalLog partition=clickstream-${id + 3}, dir=/bitnami/kafka/data] Rolled new log segment at offset 94120811 in 2 ms. (kafka.log.LocalLog)`,
  );
  return {
    id: 'heldout89-kafka-broker-volume-structure-needs-cleaning',
    class: 'storage',
    truth: `The node ${bad} lost power and rebooted uncleanly 49 minutes ago (NodeNotReady, then Rebooted with a new boot id). The ext4 file system on kafka-1's EBS volume (claim data-kafka-1) came back corrupted: every start the broker's log recovery hits EIO-class "java.io.IOException: Structure needs cleaning" (EUCLEAN) reading /bitnami/kafka/data and shuts down because all log dirs have failed, so kafka-1 crash-loops. kafka-0 and kafka-2, on their own volumes and nodes, are fine and lead its partitions. Fix: take data-kafka-1's volume offline and run fsck (e2fsck) on it, or delete the claim and let kafka-1 re-replicate from its peers. Nothing in the StatefulSet changed.`,
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes.map((n) => (nameOf(n) === bad ? { ...n, status: { ...n.status, conditions: n.status?.conditions?.map((c) => (c.type === 'Ready' ? { ...c, lastTransitionTime: new Date(Date.parse(at(46))) } : c)) } } : n)) as k8s.V1Node[],
      ...sts.objects, ...claims, ...consumer.objects,
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }, { name: 'tcp-controller', port: 9093, targetPort: 'controller' }] }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, pods: sts.pods, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }], endpointPort: 9092 }),
      nodeEvent(bad, 'NodeNotReady', `Node ${bad} status is now: NodeNotReady`, { firstAgo: 49, component: 'node-controller' }),
      nodeEvent(bad, 'Starting', 'Starting kubelet.', { firstAgo: 46.8 }),
      nodeEvent(bad, 'Rebooted', `Node ${bad} has been rebooted, boot id: ${bootId}`, { type: 'Warning', firstAgo: 46.7 }),
      nodeEvent(bad, 'NodeHasSufficientMemory', `Node ${bad} status is now: NodeHasSufficientMemory`, { firstAgo: 46.7 }),
      nodeEvent(bad, 'NodeReady', `Node ${bad} status is now: NodeReady`, { firstAgo: 46.2 }),
      event({ on: k1, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', firstAgo: 46, lastAgo: 46 }),
      ...restartedAgain(k1, 'kafka', image, { count: 15, firstAgo: 45.8, lastAgo: 2.4 }),
      backOff(k1, 'kafka', { count: 198, firstAgo: 45.5, lastAgo: 0.3 }),
      event({ on: k1, reason: 'Unhealthy', message: `Readiness probe failed: dial tcp ${ipOf(k1)}:9092: connect: connection refused`, count: 31, firstAgo: 45.7, lastAgo: 2.2, fieldPath: 'spec.containers{kafka}' }),
    ],
    logs: [
      logsFor(k1, 'kafka', { previous: prev }),
      logsFor(podOf(sts, 0), 'kafka', { current: okLog(0) }),
      logsFor(podOf(sts, 2), 'kafka', { current: okLog(2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Structure needs cleaning|EUCLEAN|corrupt|fsck|file ?system/i, /kafka-1|data-kafka-1/],
      facts: [lit(bad), /reboot|NotReady|unclean/i, /data-kafka-1/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /no space left|(disk|volume) (is )?full|DiskPressure/i, /clickstream-sink[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 2. revision 19 closes the shared Apache HttpClient -------------------------------------------

function httpClientPoolShutDown(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.40', ['22', '161', '95']);
  const image = (v: string) => `${ECR}/pricing/quote-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'FX_RATES_URL', value: 'http://fx-rates.pricing.svc.cluster.local' }, { name: 'CATALOG_URL', value: 'http://catalog-api.catalog.svc.cluster.local' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'quote-service', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-service 5.3.2', template: tpl('5.3.2') },
      { revision: 19, createdAgo: 38, changeCause: 'argocd: quote-service 5.4.0', template: tpl('5.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 37 - k * 1.2 })),
    settled: { available: true, availableSince: 34, progressingSince: 38, progressingUpdatedAgo: 34 },
  });
  const fx = bystander(ns, 'fx-rates', names, 6 * DAYS, { revisions: [30, 31], versions: ['2.0.7', '2.0.8'], olderAgo: 20 * DAYS });
  const log = (k: number) => {
    const start = 36.5 - k * 1.2;
    const out = [
      `  .   ____          _            __ _ _`,
      spring(start, 'INFO', 'quote-service', 'main', 'c.a.pricing.QuoteServiceApplication', 'Starting QuoteServiceApplication v5.4.0 using Java 21.0.5 with PID 1'),
      spring(start - 0.2, 'INFO', 'quote-service', 'main', 'c.a.pricing.http.HttpClientConfig', 'PoolingHttpClientConnectionManager maxTotal=200 defaultMaxPerRoute=50'),
      spring(start - 0.3, 'INFO', 'quote-service', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(start - 0.3, 'INFO', 'quote-service', 'main', 'c.a.pricing.QuoteServiceApplication', 'Started QuoteServiceApplication in 14.82 seconds (process running for 15.9)'),
      spring(start - 0.4, 'INFO', 'quote-service', 'nio-8080-exec-1', 'c.a.pricing.quote.QuoteController', 'POST /v1/quotes sku=SKU-88213 currency=EUR -> 200 in 143 ms'),
    ];
    for (let i = 0; i < 6; i++) {
      const t = 12 - i * 2 - k * 0.1;
      out.push(
        spring(t, 'ERROR', 'quote-service', `nio-8080-exec-${i + 2}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.IllegalStateException: Connection pool shut down] with root cause'),
        `java.lang.IllegalStateException: Connection pool shut down`,
        `\tat org.apache.http.util.Asserts.check(Asserts.java:34)`,
        `\tat org.apache.http.impl.conn.PoolingHttpClientConnectionManager.requestConnection(PoolingHttpClientConnectionManager.java:269)`,
        `\tat org.apache.http.impl.execchain.MainClientExec.execute(MainClientExec.java:176)`,
        `\tat org.apache.http.impl.execchain.ProtocolExec.execute(ProtocolExec.java:186)`,
        `\tat org.apache.http.impl.execchain.RetryExec.execute(RetryExec.java:89)`,
        `\tat org.apache.http.impl.client.InternalHttpClient.doExecute(InternalHttpClient.java:185)`,
        `\tat org.apache.http.impl.client.CloseableHttpClient.execute(CloseableHttpClient.java:83)`,
        `\tat com.acme.pricing.fx.FxRatesClient.rate(FxRatesClient.java:61)`,
        `\tat com.acme.pricing.quote.QuoteService.quote(QuoteService.java:118)`,
        spring(t - 0.05, 'WARN', 'quote-service', `nio-8080-exec-${i + 3}`, 'c.a.pricing.catalog.CatalogClient', 'catalog lookup failed for SKU-10452, serving 500: java.lang.IllegalStateException: Connection pool shut down'),
      );
    }
    out.push(spring(0.3, 'INFO', 'quote-service', 'nio-8080-exec-9', 'c.a.pricing.quote.QuoteController', 'GET /v1/quotes/health-summary -> 200 in 2 ms'));
    return lines(...out);
  };
  return {
    id: 'heldout89-quote-service-httpclient-pool-shut-down',
    class: 'rollout',
    truth: 'quote-service revision 19 (5.4.0, 38 minutes ago) refactored FxRatesClient to wrap the application-wide CloseableHttpClient bean in try-with-resources, so the first outgoing call closes the shared client and its PoolingHttpClientConnectionManager. Each pod answers its first request, then every call to fx-rates and catalog-api fails with "java.lang.IllegalStateException: Connection pool shut down" and quotes return 500, while the pods stay Ready. fx-rates and catalog are fine. Fix: roll back to revision 18, then stop closing the shared client.',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 3, 34),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('5.4.0'), 37 - k * 1.2)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/Connection pool shut down|IllegalStateException|HttpClient/i, /revision 19|5\.4\.0/],
      facts: [/Connection pool shut down/, /revision 18|5\.3\.2|roll(ing)? ?back|rollout undo/i],
      never: [/\bOOM/, /fx-rates[^\n]*(down|unavailable|unreachable|caus)/i, /network ?polic|DNS/i],
    },
  };
}

// ---- 3. revision 42 writes amounts in cents into numeric(10,2) --------------------------------------

function numericFieldOverflow(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.12', ['70', '188', '45']);
  const image = (v: string) => `${ECR}/billing/invoice-writer:${v}`;
  const tpl = (v: string, minor: boolean) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PGHOST', value: 'billing-db.billing.svc.cluster.local' }, { name: 'PGDATABASE', value: 'billing' }, { name: 'PGUSER', value: 'invoice_writer' },
        ...(minor ? [{ name: 'AMOUNT_UNITS', value: 'minor' }] : []),
      ],
      readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-writer', replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 15 * DAYS, changeCause: 'argocd: invoice-writer 3.6.4', template: tpl('3.6.4', false) },
      { revision: 42, createdAgo: 52, changeCause: 'argocd: invoice-writer 3.7.0', template: tpl('3.7.0', true) },
    ],
    pods: [0, 1].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 51 - k })),
    settled: { available: true, availableSince: 49, progressingSince: 52, progressingUpdatedAgo: 49 },
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'billing-db', replicas: 1, serviceName: 'billing-db',
    revisions: [{ revision: 2, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, cpu: '1', memory: '2Gi', ports: [{ name: 'postgres', containerPort: 5432 }], readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const dbPod = podOf(db, 0);
  const pgTime = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  const amounts = [1249900, 359000, 10450000, 2299000, 18990000, 412550];
  const appLog = (k: number) => {
    const out = [
      JSON.stringify({ level: 30, time: Date.parse(at(50.5 - k)), pid: 1, hostname: nameOf(app.pods[k]), msg: 'invoice-writer 3.7.0 listening on :3000', amountUnits: 'minor' }),
    ];
    for (let i = 0; i < 8; i++) {
      const t = 40 - i * 5 - k;
      const amt = amounts[(i + k) % amounts.length] ?? 0;
      if (amt < 10_000_000) {
        out.push(JSON.stringify({ level: 30, time: Date.parse(at(t + 0.5)), pid: 1, hostname: nameOf(app.pods[k]), req: { method: 'POST', url: '/v1/invoices' }, res: { statusCode: 201 }, responseTime: 31, msg: 'request completed' }));
      }
      out.push(JSON.stringify({
        level: 50, time: Date.parse(at(t)), pid: 1, hostname: nameOf(app.pods[k]), invoiceId: `INV-2026-${884100 + i * 17 + k}`,
        err: { type: 'DatabaseError', message: 'numeric field overflow', stack: 'error: numeric field overflow\n    at /app/node_modules/pg/lib/client.js:535:17\n    at async InvoiceRepo.insertLines (/app/dist/repo/invoices.js:88:9)', length: 249, name: 'error', severity: 'ERROR', code: '22003', detail: 'A field with precision 10, scale 2 must round to an absolute value less than 10^8.', file: 'numeric.c', line: '7626', routine: 'apply_typmod' },
        msg: 'failed to persist invoice',
      }));
      out.push(JSON.stringify({ level: 40, time: Date.parse(at(t - 0.01)), pid: 1, hostname: nameOf(app.pods[k]), req: { method: 'POST', url: '/v1/invoices' }, res: { statusCode: 500 }, responseTime: 12, msg: 'request errored' }));
    }
    return lines(...out);
  };
  const dbLog = lines(
    `${pgTime(33 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(44)} [1] LOG:  checkpoint complete: wrote 2211 buffers (13.5%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.8 s, sync=0.004 s, total=269.9 s`,
    ...[38, 27, 16, 6].flatMap((m) => [
      `${pgTime(m)} [${41200 + m}] invoice_writer@billing ERROR:  numeric field overflow`,
      `${pgTime(m)} [${41200 + m}] invoice_writer@billing DETAIL:  A field with precision 10, scale 2 must round to an absolute value less than 10^8.`,
      `${pgTime(m)} [${41200 + m}] invoice_writer@billing STATEMENT:  INSERT INTO invoice_lines (invoice_id, sku, quantity, amount, currency) VALUES ($1, $2, $3, $4, $5)`,
    ]),
  );
  const [dataClaim, dataVolume] = boundClaim({ namespace: ns, name: 'data-billing-db-0', storage: '100Gi', zone: 'eu-west-1c', createdAgo: 70 * DAYS });
  return {
    id: 'heldout89-invoice-writer-numeric-field-overflow',
    class: 'rollout',
    truth: 'invoice-writer revision 42 (3.7.0, 52 minutes ago) switched amounts to minor units (AMOUNT_UNITS=minor: cents) without migrating the schema: invoice_lines.amount is numeric(10,2), so any line of 1,000,000 cents (10,000.00) or more becomes 1000000.00+ and Postgres rejects the INSERT with "ERROR: numeric field overflow" (SQLSTATE 22003, precision 10, scale 2 must round to less than 10^8); those invoices fail with 500. Small amounts still insert — ten times too large. billing-db is healthy. Fix: roll back to revision 41 and repair the rows written since.',
    ask: { service: 'invoice-writer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, dataClaim, dataVolume,
      ...exposed({ namespace: ns, name: 'invoice-writer', selector: { app: 'invoice-writer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 2, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 2, 49),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.7.0'), 51 - k)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(dbPod, 'postgres', { current: dbLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/numeric field overflow|22003|precision 10/i, /revision 42|3\.7\.0/],
      facts: [/precision 10|numeric\(10, ?2\)|10\^8/i, /revision 41|3\.6\.4|roll(ing)? ?back|rollout undo/i],
      never: [/\bOOM/, /no space left|(disk|volume) (is )?full/i, /billing-db[^\n]*(down|crash|unavailable|unreachable)/i],
    },
  };
}

// ---- 4. revision 27 publishes to an exchange nobody declares ---------------------------------------

function rabbitNoExchange(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.150', ['9', '117', '230']);
  const image = (v: string) => `${ECR}/notifications/notify-dispatcher:${v}`;
  const tpl = (v: string, exchange: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '768Mi',
      env: [
        { name: 'SPRING_RABBITMQ_HOST', value: 'rabbitmq.notifications.svc.cluster.local' }, { name: 'SPRING_RABBITMQ_VIRTUAL_HOST', value: '/' },
        { name: 'NOTIFY_PUBLISH_EXCHANGE', value: exchange }, { name: 'NOTIFY_ROUTING_KEY', value: 'notify.email' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'notify-dispatcher', replicas: 2,
    revisions: [
      { revision: 26, createdAgo: 11 * DAYS, changeCause: 'argocd: notify-dispatcher 2.14.1', template: tpl('2.14.1', 'notify.events') },
      { revision: 27, createdAgo: 41, changeCause: 'argocd: notify-dispatcher 2.15.0', template: tpl('2.15.0', 'notify.events.v2') },
    ],
    pods: [0, 1].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 40 - k })),
    settled: { available: true, availableSince: 38, progressingSince: 41, progressingUpdatedAgo: 38 },
  });
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 1, serviceName: 'rabbitmq-headless',
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImage, cpu: '500m', memory: '1Gi', ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], readiness: tcpProbe('amqp'), liveness: { exec: { command: ['rabbitmq-diagnostics', '-q', 'ping'] }, periodSeconds: 30, timeoutSeconds: 20, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 60 }, volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 27 * DAYS }],
  });
  const [rmqClaim, rmqVolume] = boundClaim({ namespace: ns, name: 'data-rabbitmq-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 80 * DAYS });
  const worker = bystander(ns, 'notify-email-worker', names, 5 * DAYS, { revisions: [14, 15], versions: ['1.22.0', '1.22.1'], olderAgo: 30 * DAYS });
  const rmqPod = podOf(rmq, 0);
  const rmqSvc = exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], endpointPort: 5672 });
  const rmqIp = (rmqSvc[0] as k8s.V1Service | undefined)?.spec?.clusterIP ?? '';
  const conn = (k: number) => `${ipOf(app.pods[k])}:${41022 + k * 311} -> ${ipOf(rmqPod)}:5672`;
  const dispatcherLog = (k: number) => {
    const start = 39.5 - k;
    const out = [
      spring(start, 'INFO', 'notify-dispatcher', 'main', 'c.a.notify.NotifyDispatcherApplication', 'Started NotifyDispatcherApplication in 11.204 seconds (process running for 12.1)'),
      spring(start - 0.1, 'INFO', 'notify-dispatcher', 'main', 'o.s.a.r.c.CachingConnectionFactory', `Created new connection: rabbitConnectionFactory#5d0a1059:0/SimpleConnection@1b2c3d4e [delegate=amqp://notify@${rmqIp}:5672/, localPort=${41022 + k * 311}]`),
    ];
    for (let i = 0; i < 7; i++) {
      const t = 36 - i * 5 - k * 0.3;
      out.push(
        spring(t + 0.01, 'INFO', 'notify-dispatcher', `nio-8080-exec-${i + 1}`, 'c.a.notify.api.NotificationController', `POST /v1/notifications accepted id=ntf_${(7310 + i * 13 + k).toString(36)} template=order-shipped -> 202`),
        spring(t, 'ERROR', 'notify-dispatcher', 'ionFactory1', 'o.s.a.r.c.CachingConnectionFactory', "Shutdown Signal: channel error; protocol method: #method<channel.close>(reply-code=404, reply-text=NOT_FOUND - no exchange 'notify.events.v2' in vhost '/', class-id=60, method-id=40)"),
      );
    }
    return lines(...out);
  };
  const rmqT = (m: number) => at(m).replace('T', ' ').replace('Z', '000+00:00');
  const rmqLog = lines(
    `${rmqT(27 * DAYS - 1)} [info] <0.230.0> Server startup complete; 5 plugins started.`,
    `${rmqT(39.4)} [info] <0.8812.0> accepting AMQP connection <0.8812.0> (${conn(0)})`,
    `${rmqT(39.4)} [info] <0.8812.0> connection <0.8812.0> (${conn(0)}): user 'notify' authenticated and granted access to vhost '/'`,
    ...[35.9, 30.9, 20.9, 10.9, 5.9].flatMap((m) => [
      `${rmqT(m)} [error] <0.8830.0> Channel error on connection <0.8812.0> (${conn(0)}, vhost: '/', user: 'notify'), channel 1:`,
      `${rmqT(m)} [error] <0.8830.0> operation basic.publish caused a channel exception not_found: no exchange 'notify.events.v2' in vhost '/'`,
    ]),
  );
  return {
    id: 'heldout89-notify-dispatcher-rabbitmq-no-exchange',
    class: 'config',
    truth: "notify-dispatcher revision 27 (2.15.0, 41 minutes ago) changed NOTIFY_PUBLISH_EXCHANGE from notify.events to notify.events.v2, an exchange nobody declares (the topology job and the consumers still declare and bind notify.events). Every basic.publish makes RabbitMQ close the channel with 404 NOT_FOUND - no exchange 'notify.events.v2' in vhost '/', so notifications are accepted (202) and silently dropped; notify-email-worker and rabbitmq are healthy, just idle. Fix: set the exchange back (or roll back to revision 26), or declare notify.events.v2 with its bindings.",
    ask: { service: 'notify-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rmq.objects, rmqClaim, rmqVolume, ...worker.objects,
      ...exposed({ namespace: ns, name: 'notify-dispatcher', selector: { app: 'notify-dispatcher' }, pods: app.pods }),
      ...rmqSvc,
      service({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, headless: true, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }] }),
      configMap({ namespace: ns, name: 'rabbitmq-definitions', createdAgo: 80 * DAYS, data: { 'definitions.json': JSON.stringify({ vhosts: [{ name: '/' }], exchanges: [{ name: 'notify.events', vhost: '/', type: 'topic', durable: true, auto_delete: false }, { name: 'notify.dlx', vhost: '/', type: 'fanout', durable: true }], queues: [{ name: 'notify.email', vhost: '/', durable: true, arguments: { 'x-dead-letter-exchange': 'notify.dlx' } }], bindings: [{ source: 'notify.events', vhost: '/', destination: 'notify.email', destination_type: 'queue', routing_key: 'notify.email' }] }, null, 2) } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 2, 0, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 2, 38),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.15.0'), 40 - k)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: dispatcherLog(k) })),
      logsFor(rmqPod, 'rabbitmq', { current: rmqLog }),
      ...worker.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(44)}","level":"INFO","msg":"consumed","queue":"notify.email","delivery_tag":88121}`, `{"time":"${at(1)}","level":"DEBUG","msg":"consumer idle","queue":"notify.email"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/notify\.events\.v2|NOT_FOUND|no exchange/i],
      facts: [lit('notify.events.v2'), /revision 27|NOTIFY_PUBLISH_EXCHANGE|2\.15\.0/],
      never: [/\bOOM/, /rabbitmq[^\n]*\b(down|crash|unreachable|unavailable)/i, /connection refused/i, /notify-email-worker[^\n]*(cause|broke|fail)/i],
    },
  };
}

// ---- 5. SQL Server's transaction log full: the log backups have failed for four days -----------------

function mssqlLogFull(): CorpusScenario {
  const ns = 'erp';
  const { nodes, names } = threeEksNodes('10.0.200', ['33', '101', '174']);
  const sqlImage = 'mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04';
  const mssql = statefulSetApp({
    namespace: ns, name: 'mssql', replicas: 1, serviceName: 'mssql',
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'mssql', image: sqlImage, cpu: '2', memory: '8Gi', ports: [{ name: 'tds', containerPort: 1433 }], env: [{ name: 'ACCEPT_EULA', value: 'Y' }, { name: 'MSSQL_PID', value: 'Standard' }], readiness: tcpProbe('tds', { initialDelaySeconds: 20 }), liveness: tcpProbe('tds', { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/opt/mssql' }] })], securityContext: { fsGroup: 10001 } } }],
    volumeClaimTemplates: [{ name: 'data', storage: '256Gi' }],
    pods: [{ revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 18 * DAYS }],
  });
  const [dataClaim, dataVolume] = boundClaim({ namespace: ns, name: 'data-mssql-0', storage: '256Gi', zone: 'eu-west-1a', createdAgo: 200 * DAYS });
  const apiImage = (v: string) => `${ECR}/erp/inventory-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }, { name: 'ConnectionStrings__Inventory', value: 'Server=mssql.erp.svc.cluster.local,1433;Database=Inventory;User Id=inventory_app;Encrypt=True;TrustServerCertificate=True' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'inventory-api', replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 12 * DAYS, changeCause: 'argocd: inventory-api 8.2.0', template: apiTpl('8.2.0') },
      { revision: 64, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: inventory-api 8.2.1', template: apiTpl('8.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - k })),
    settled: { available: true, availableSince: 2 * DAYS + 5 * HOURS - 4, progressingSince: 2 * DAYS + 5 * HOURS },
  });
  const backupImage = 'mcr.microsoft.com/mssql-tools18:18.4.1.1';
  const backup = cronJob({
    namespace: ns, name: 'mssql-log-backup', schedule: '*/15 * * * *', backoffLimit: 2, createdAgo: 200 * DAYS,
    template: { containers: [batchContainer({ name: 'backup', image: backupImage, cpu: '100m', memory: '128Mi', command: ['/bin/bash', '-c'], args: ['/opt/mssql-tools18/bin/sqlcmd -S mssql.erp.svc.cluster.local -U backup_operator -C -b -Q "BACKUP LOG [Inventory] TO URL = N\'https://erpsqlbackups.blob.core.windows.net/mssql-log/Inventory_$(date -u +%Y%m%d_%H%M).trn\' WITH COMPRESSION, CHECKSUM"'], env: [{ name: 'SQLCMDPASSWORD', valueFrom: { secretKeyRef: { name: 'mssql-backup-operator', key: 'password' } } }] })] },
    jobs: [
      ...[4 * DAYS + 2 * HOURS + 44, 4 * DAYS + 2 * HOURS + 29, 4 * DAYS + 2 * HOURS + 14].map((a) => ({ createdAgo: a, pods: [{ node: names[1] ?? '', createdAgo: a, phase: 'Succeeded' as const, containers: { backup: terminated({ exitCode: 0, finishedAgo: a - 0.4, ranSeconds: 21 }) } }], outcome: { complete: true as const, ago: a - 0.4 } })),
      { createdAgo: 14, pods: [0, 1, 2].map((r) => ({ node: names[(r + 1) % 3] ?? '', createdAgo: 14 - r * 0.5, phase: 'Failed' as const, containers: { backup: terminated({ exitCode: 1, finishedAgo: 13.9 - r * 0.5, ranSeconds: 3 }) } })), outcome: { failed: 'BackoffLimitExceeded' as const, ago: 12.8 } },
    ],
    lastSuccessfulAgo: 4 * DAYS + 2 * HOURS + 13.6,
  });
  const failedJob = backup.jobs[3];
  const failedJobObj = failedJob?.objects[0];
  const pod0 = podOf(mssql, 0);
  const errTime = (m: number) => at(m).replace('T', ' ').slice(0, 22);
  const url = (m: number) => `https://erpsqlbackups.blob.core.windows.net/mssql-log/Inventory_${at(m).slice(0, 10).replace(/-/g, '')}_${at(m).slice(11, 16).replace(':', '')}.trn`;
  const backupLog = (m: number) => lines(
    `Msg 3201, Level 16, State 1, Server mssql-0, Line 1`,
    `Cannot open backup device '${url(m)}'. Operating system error 86(The specified network password is not correct.).`,
    `Msg 3013, Level 16, State 1, Server mssql-0, Line 1`,
    `BACKUP LOG is terminating abnormally.`,
  );
  const sqlEntries: [number, string][] = [
    [18 * DAYS, 'Server      Microsoft SQL Server 2022 (RTM-CU15) (KB5041321) - 16.0.4145.4 (X64)'],
    [4 * DAYS + 1 * HOURS + 59, 'Backup      BACKUP failed to complete the command BACKUP LOG Inventory. Check the backup application log for detailed messages.'],
    [14, 'spid71      Error: 18204, Severity: 16, State: 1.'],
    [14, `spid71      BackupIoRequest::ReportIoError: write failure on backup device '${url(14)}'. Operating system error 86(The specified network password is not correct.).`],
    [14, 'Backup      Error: 3041, Severity: 16, State: 1.'],
    [14, 'Backup      BACKUP failed to complete the command BACKUP LOG Inventory. Check the backup application log for detailed messages.'],
    ...[41, 22, 9, 3, 1].flatMap((m): [number, string][] => [
      [m, `spid${58 + (m % 20)}      Error: 9002, Severity: 17, State: 2.`],
      [m, `spid${58 + (m % 20)}      The transaction log for database 'Inventory' is full due to 'LOG_BACKUP'.`],
    ]),
  ];
  const sqlLog = lines(...sqlEntries.map((e, i) => [e, i] as const).sort((x, y) => y[0][0] - x[0][0] || x[1] - y[1]).map(([[m, l]]) => `${errTime(m)} ${l}`));
  const apiLog = (k: number) => lines(
    `info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`,
    `      Request finished HTTP/1.1 GET http://inventory-api/v2/stock/SKU-31876 - 200 - application/json 18.4471ms`,
    ...[40, 25, 12, 4, 1].flatMap((m) => [
      `fail: Inventory.Api.Stock.ReservationsController[0]`,
      `      ${at(m - k * 0.2)} Reserving stock for order ORD-${771200 + m * 3 + k} failed`,
      `      Microsoft.Data.SqlClient.SqlException (0x80131904): The transaction log for database 'Inventory' is full due to 'LOG_BACKUP'.`,
      `         at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action\`1 wrapCloseInAction)`,
      `         at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)`,
      `         at Microsoft.EntityFrameworkCore.Storage.RelationalCommand.ExecuteNonQueryAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)`,
      `         at Inventory.Api.Stock.ReservationService.ReserveAsync(ReserveRequest request, CancellationToken ct) in /src/Inventory.Api/Stock/ReservationService.cs:line 74`,
      `      ClientConnectionId:5b1c9a3e-20d4-4c1e-9f0a-7e2b61d8${String(k).padStart(4, '0')}`,
      `      Error Number:9002,State:2,Class:17`,
      `info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`,
      `      Request finished HTTP/1.1 POST http://inventory-api/v2/reservations - 500 - application/problem+json 9.1182ms`,
    ]),
  );
  return {
    id: 'heldout89-inventory-api-mssql-log-full-log-backup',
    class: 'jobs',
    truth: "inventory-api cannot write: SQL Server (StatefulSet mssql) refuses every write to Inventory with error 9002 \"The transaction log for database 'Inventory' is full due to 'LOG_BACKUP'\". The database is in FULL recovery, and its log only truncates after a log backup, but every Job of the mssql-log-backup CronJob has failed for four days (last success 4 days ago): BACKUP LOG TO URL fails with Msg 3201 / Operating system error 86 because the SAS token of the SQL credential for the erpsqlbackups storage account expired. The log grew until its max size. inventory-api's revision 64 (two days ago) is innocent. Fix: renew the SAS credential, run a log backup so the log truncates, and alert on the CronJob.",
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...mssql.objects, dataClaim, dataVolume, ...api.objects, ...backup.objects,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'mssql', selector: { app: 'mssql' }, pods: mssql.pods, ports: [{ name: 'tds', port: 1433, targetPort: 'tds' }], endpointPort: 1433 }),
      ...(failedJobObj === undefined ? [] : [
        jobEvent(failedJobObj, 'SuccessfulCreate', `Created pod: ${nameOf(failedJob?.pods[0])}`, 14),
        jobEvent(failedJobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 12.8, 'Warning'),
      ]),
      cronJobEvent(backup.objects[0], 'SuccessfulCreate', `Created job ${nameOf(failedJobObj)}`, 14),
      cronJobEvent(backup.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(failedJobObj)}, condition: Failed`, 12.8),
    ],
    logs: [
      ...(failedJob?.pods ?? []).map((p, r) => logsFor(p, 'backup', { current: backupLog(14 - r * 0.5) })),
      logsFor(pod0, 'mssql', { current: sqlLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/9002|LOG_BACKUP|transaction log/i, /mssql-log-backup|log backup/i],
      facts: [/9002|LOG_BACKUP/, /mssql-log-backup/, /3201|error 86|network password|SAS/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /no space left|(disk|volume|PVC) (is )?full|DiskPressure/i],
    },
  };
}

// ---- 6. the nightly report's feed delivered zero rows --------------------------------------------

function reportZeroRows(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.60', ['5', '144', '219']);
  const image = `${ECR}/analytics/daily-revenue-report:2.3.0`;
  const cron = cronJob({
    namespace: ns, name: 'daily-revenue-report', schedule: '30 2 * * *', backoffLimit: 2, createdAgo: 120 * DAYS,
    template: { containers: [batchContainer({ name: 'report', image, cpu: '500m', memory: '1Gi', command: ['python', '-m', 'revenue_report'], env: [{ name: 'FEED_URI', value: 's3://acme-partner-feeds/orders/{date}/orders.csv' }, { name: 'REPORT_BUCKET', value: 'acme-finance-reports' }] })] },
    jobs: [
      ...[3, 2, 1].map((d) => ({ createdAgo: d * DAYS + 44, pods: [{ node: names[d % 3] ?? '', createdAgo: d * DAYS + 44, phase: 'Succeeded' as const, containers: { report: terminated({ exitCode: 0, finishedAgo: d * DAYS + 41, ranSeconds: 170 }) } }], outcome: { complete: true as const, ago: d * DAYS + 41 } })),
      { createdAgo: 44, pods: [0, 1, 2].map((r) => ({ node: names[r] ?? '', createdAgo: 44 - r * 1.5, phase: 'Failed' as const, containers: { report: terminated({ exitCode: 1, finishedAgo: 43.6 - r * 1.5, ranSeconds: 19 }) } })), outcome: { failed: 'BackoffLimitExceeded' as const, ago: 40.5 } },
    ],
    lastSuccessfulAgo: 1 * DAYS + 41,
  });
  const failed = cron.jobs[3];
  const failedObj = failed?.objects[0];
  const ingest = bystander(ns, 'events-ingest', names, 9 * HOURS, { revisions: [51, 52], versions: ['4.1.2', '4.1.3'], olderAgo: 14 * DAYS });
  const log = (m: number) => lines(
    `${pyTime(m)} INFO revenue_report.main: daily revenue report 2.3.0 for business date 2026-11-20`,
    `${pyTime(m - 0.05)} INFO revenue_report.feed: reading s3://acme-partner-feeds/orders/2026-11-20/orders.csv`,
    `${pyTime(m - 0.1)} INFO revenue_report.feed: loaded 0 rows from s3://acme-partner-feeds/orders/2026-11-20/orders.csv (118 bytes, header only)`,
    `${pyTime(m - 0.1)} WARNING revenue_report.feed: input feed delivered 0 rows for 2026-11-20 (expected ~48000)`,
    `${pyTime(m - 0.11)} INFO revenue_report.metrics: computing KPIs by region`,
    `Traceback (most recent call last):`,
    `  File "/usr/local/lib/python3.12/runpy.py", line 198, in _run_module_as_main`,
    `    return _run_code(code, main_globals, None,`,
    `  File "/app/revenue_report/__main__.py", line 4, in <module>`,
    `    main()`,
    `  File "/app/revenue_report/main.py", line 61, in main`,
    `    kpis = metrics.compute(orders)`,
    `  File "/app/revenue_report/metrics.py", line 37, in compute`,
    `    avg_order_value = total_revenue / order_count`,
    `                      ~~~~~~~~~~~~~~^~~~~~~~~~~~~`,
    `ZeroDivisionError: division by zero`,
  );
  return {
    id: 'heldout89-daily-revenue-report-zero-division-empty-feed',
    class: 'jobs',
    truth: "Tonight's run of the daily-revenue-report CronJob failed (BackoffLimitExceeded after 3 attempts) because the partner feed for 2026-11-20 arrived empty (header only, 0 rows): the job logs the 0 rows, then divides revenue by an order count of zero and dies with ZeroDivisionError: division by zero. Nothing in the cluster or the job changed (same image 2.3.0 that succeeded the three previous nights). Fix: get the feed re-delivered and re-run the job; make the report refuse an empty feed explicitly.",
    ask: { service: 'daily-revenue-report', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...ingest.objects,
      ...exposed({ namespace: ns, name: 'events-ingest', selector: { app: 'events-ingest' }, pods: ingest.pods }),
      ...(failedObj === undefined ? [] : [
        ...(failed?.pods ?? []).map((p, r) => jobEvent(failedObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 44 - r * 1.5)),
        jobEvent(failedObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 40.5, 'Warning'),
      ]),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(failedObj)}`, 44),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(failedObj)}, condition: Failed`, 40.5),
    ],
    logs: (failed?.pods ?? []).map((p, r) => logsFor(p, 'report', { current: log(43.9 - r * 1.5) })),
    expect: {
      verdict: 'problems',
      headline: [/ZeroDivisionError|division by zero|0 rows|zero rows|empty/i],
      facts: [/0 rows|zero rows|empty/i, /BackoffLimitExceeded|backoff limit/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /DeadlineExceeded|deadline/i, /events-ingest[^\n]*(cause|broke)/i],
    },
  };
}

// ---- control: SLF4J's "multiple bindings" warning at start ---------------------------------------

function slf4jMultipleBindingsHealthy(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.88', ['41', '170', '236']);
  const image = (v: string) => `${ECR}/search/catalog-search:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1536Mi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'catalog-search', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 18 * DAYS, changeCause: 'argocd: catalog-search 7.0.3', template: tpl('7.0.3') },
      { revision: 34, createdAgo: 26, changeCause: 'argocd: catalog-search 7.1.0', template: tpl('7.1.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 25 - k * 1.5 })),
    settled: { available: true, availableSince: 21, progressingSince: 26, progressingUpdatedAgo: 21 },
  });
  const log = (k: number) => {
    const s = 24.8 - k * 1.5;
    return lines(
      `SLF4J: Class path contains multiple SLF4J bindings.`,
      `SLF4J: Found binding in [jar:file:/app/libs/logback-classic-1.2.13.jar!/org/slf4j/impl/StaticLoggerBinder.class]`,
      `SLF4J: Found binding in [jar:file:/app/libs/slf4j-reload4j-1.7.36.jar!/org/slf4j/impl/StaticLoggerBinder.class]`,
      `SLF4J: See http://www.slf4j.org/codes.html#multiple_bindings for an explanation.`,
      `SLF4J: Actual binding is of type [ch.qos.logback.classic.util.ContextSelectorStaticBinder]`,
      spring(s, 'INFO', 'catalog-search', 'main', 'c.a.search.CatalogSearchApplication', 'Starting CatalogSearchApplication v7.1.0 using Java 17.0.13 with PID 1'),
      spring(s - 0.3, 'INFO', 'catalog-search', 'main', 'c.a.search.index.OpenSearchConfig', 'Connected to OpenSearch cluster catalog-os (3 nodes, green)'),
      spring(s - 0.35, 'INFO', 'catalog-search', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port(s): 8080 (http) with context path ''"),
      spring(s - 0.35, 'INFO', 'catalog-search', 'main', 'c.a.search.CatalogSearchApplication', 'Started CatalogSearchApplication in 19.377 seconds (JVM running for 20.61)'),
      ...[12, 6, 2, 0.5].map((m, i) => spring(m - k * 0.1, 'INFO', 'catalog-search', `nio-8080-exec-${i + 1}`, 'c.a.search.api.SearchController', `GET /v1/search?q=${['winter+jacket', 'boots', 'rain+coat', 'scarf'][i]} -> 200 in ${28 + i * 7 + k} ms (hits=${120 + i * 31})`)),
    );
  };
  return {
    id: 'heldout89-catalog-search-slf4j-multiple-bindings-healthy',
    class: 'healthy',
    truth: 'catalog-search is healthy: revision 34 (7.1.0, 26 minutes ago) rolled out cleanly and its three pods are Ready and serving searches with 200s. Each pod prints SLF4J\'s "Class path contains multiple SLF4J bindings" at start (logback-classic and slf4j-reload4j both on the class path); SLF4J picks logback and the warning is harmless. Nothing to do beyond excluding the stray binding some day.',
    ask: { service: 'catalog-search', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 3, 21),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('7.1.0'), 25 - k * 1.5)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|serving|ready|nothing/i],
      facts: [/catalog-search/],
      never: [/SLF4J[^\n]*(cause|broke|fail)/i, /multiple[^\n]*bindings[^\n]*(cause|broke|fail)/i, ADVISES_ROLLBACK, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  kafkaVolumeNeedsCleaning(),
  httpClientPoolShutDown(),
  numericFieldOverflow(),
  rabbitNoExchange(),
  mssqlLogFull(),
  reportZeroRows(),
  slf4jMultipleBindingsHealthy(),
];

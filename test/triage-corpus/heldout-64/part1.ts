// Held-out stories, sixty-fourth round, part one: a Postgres primary whose
// synchronous_standby_names names a standby that a node drain left Pending (its zonal volume's
// only node is cordoned), so every COMMIT of ledger-api waits for synchronous replication while
// reads still answer; a Spring Kafka consumer whose listener container stopped on
// "java.lang.OutOfMemoryError: Java heap space" after a right-sizing revision cut -Xmx to 384m,
// the pods staying Ready while invoice requests pile up; a FastAPI service whose new revision
// added uvicorn's `--limit-concurrency 20`, so it answers 503 "Service Unavailable" under normal
// load; a Spring Boot 2.7 → 3.2 migration that dropped trailing-slash matching, so `/…/` calls
// of crm-web get 404 NoResourceFoundException; a ConfigMap edit that put `-Xss256k` into
// JAVA_TOOL_OPTIONS, so deep rule trees end in StackOverflowError and 500s without any crash; a
// Spring Boot 3.4.7 bump (Tomcat 10.1.42) that lowered maxParameterCount to 1000, so the bulk stock
// form answers 400; and a healthy control: a Node.js gateway's one MaxListenersExceededWarning at
// start-up and a Python worker's utcnow() DeprecationWarning beside it.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, boundClaim, configMap, container, cronJob, deploymentApp, epochMs, event, exposed, failedScheduling,
  hpa, httpProbe, nameOf, node, nodeEvent, probeFailed, pyTime, rsOf, scaledReplicaSet, scheduled, service,
  statefulSetApp, tcpProbe, execProbe, waiting, endpointSliceFor, startedNormally,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Postgres' default log_line_prefix time (`%m`): `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

/** A Spring Boot 3.2+ console line: `2026-11-21T03:12:41.563Z  WARN 1 --- [app] [thread] logger : msg`. */
function boot(minutes: number, level: 'INFO' | 'WARN' | 'ERROR', app: string, thread: string, logger: string, msg: string): string {
  return `${at(minutes)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
}

// ---- 1. synchronous_standby_names names a standby a drain left Pending ----------------------------

function syncStandbyGone(): CorpusScenario {
  const ns = 'ledger';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const names = ['10.0.96.24', '10.0.97.140', '10.0.98.77'].map(eksNodeName);
  const cordonedAgo = 49;
  const nodes = names.map((n, i) =>
    i === 2
      ? node({ name: n, zone: zones[i] ?? '', pool: 'stateful', instanceType: 'r6i.xlarge', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(cordonedAgo) }] })
      : node({ name: n, zone: zones[i] ?? '', pool: i === 0 ? 'stateful' : 'general', instanceType: i === 0 ? 'r6i.xlarge' : 'm6i.xlarge' }),
  );
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgTpl = (role: 'primary' | 'standby') => ({
    containers: [container({
      name: 'postgres', image: pgImage,
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
      ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '8Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_ROLE', value: role }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('postgres', { initialDelaySeconds: 30, periodSeconds: 15 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
    })],
    volumes: [{ name: 'config', configMap: { name: role === 'primary' ? 'ledger-db-config' : 'ledger-db-standby-config' } }],
    securityContext: { fsGroup: 999, runAsUser: 999 },
  });
  const primary = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db', createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: pgTpl('primary') }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 23 * DAYS }],
  });
  const unschedulable = '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const standby = statefulSetApp({
    namespace: ns, name: 'ledger-db-standby', replicas: 1, serviceName: 'ledger-db-standby', createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: pgTpl('standby') }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: null, createdAgo: 47.6, unschedulable, containers: { postgres: waiting('ContainerCreating') } }],
  });
  const [pc, pvol] = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 210 * DAYS });
  const [sc, svol] = boundClaim({ namespace: ns, name: 'data-ledger-db-standby-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 210 * DAYS });
  const apiImage = `${ECR}/ledger/ledger-api:2.31.0`;
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'argocd: ledger-api 2.30.4', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:2.30.4`, ports: [8080], memory: '256Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://ledger_app@ledger-db.ledger.svc.cluster.local:5432/ledger?sslmode=disable&pool_max_conns=25' }, { name: 'REQUEST_TIMEOUT', value: '10s' }] })] } },
      { revision: 27, createdAgo: 3 * DAYS, changeCause: 'argocd: ledger-api 2.31.0', template: { containers: [container({ image: apiImage, ports: [8080], memory: '256Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://ledger_app@ledger-db.ledger.svc.cluster.local:5432/ledger?sslmode=disable&pool_max_conns=25' }, { name: 'REQUEST_TIMEOUT', value: '10s' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k % 2] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const recon = bystander(ns, 'ledger-reconciler', names, 6 * HOURS, { revisions: [40, 41], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const primaryConf = [
    "listen_addresses = '*'",
    'max_connections = 300',
    'shared_buffers = 2GB',
    'wal_level = replica',
    'max_wal_senders = 10',
    'hot_standby = on',
    'synchronous_commit = on',
    "synchronous_standby_names = 'ledger_standby'",
    'log_min_duration_statement = 1000',
    "log_line_prefix = '%m [%p] '",
  ].join('\n') + '\n';
  const standbyConf = [
    "listen_addresses = '*'",
    'hot_standby = on',
    "primary_conninfo = 'host=ledger-db-0.ledger-db.ledger.svc.cluster.local port=5432 user=replicator application_name=ledger_standby'",
    "primary_slot_name = 'ledger_standby'",
    "log_line_prefix = '%m [%p] '",
  ].join('\n') + '\n';
  const sbPod = podOf(standby, 0);
  const pgPod = podOf(primary, 0);
  const accounts = ['acc_7Qf2', 'acc_91Lm', 'acc_3Xk8', 'acc_55Tz', 'acc_0Rb4', 'acc_K2p9'];
  const pgLog: string[] = [
    `${pgTime(6 * HOURS)} [58] LOG:  checkpoint complete: wrote 18344 buffers (7.0%); 0 WAL file(s) added, 0 removed, 9 recycled; write=269.811 s, sync=0.004 s, total=269.832 s; sync files=61, longest=0.002 s, average=0.001 s; distance=148203 kB, estimate=151990 kB; lsn=2A/9C1F3B88, redo lsn=2A/95E02A10`,
  ];
  for (let i = 0; i < 18; i++) {
    const t = 46.8 - i * 2.6;
    const pid = 31402 + i * 37;
    pgLog.push(
      `${pgTime(t)} [${pid}] WARNING:  canceling wait for synchronous replication due to user request`,
      `${pgTime(t)} [${pid}] DETAIL:  The transaction has already committed locally, but might not have been replicated to the standby.`,
      `${pgTime(t)} [${pid}] LOG:  duration: ${(10000 + (i * 37) % 90 + 0.413).toFixed(3)} ms  statement: COMMIT`,
    );
  }
  const apiLog = (k: number) => {
    const out: string[] = [`{"time":"${at(3 * DAYS - k - 0.5)}","level":"INFO","msg":"ledger-api starting","version":"2.31.0","addr":":8080"}`];
    for (let i = 0; i < 12; i++) {
      const t = 44 - i * 3.5 - k * 0.4;
      const acc = accounts[(i + k) % accounts.length] ?? 'acc_1';
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/accounts/${acc}/balance","status":200,"dur_ms":${4 + ((i + k) % 5)}}`);
      out.push(`{"time":"${at(t - 0.2)}","level":"ERROR","msg":"commit transfer","transfer_id":"tr_${(884120 + i * 13 + k * 7).toString(36)}","error":"timeout: context deadline exceeded","stage":"COMMIT","elapsed_ms":10003}`);
      out.push(`{"time":"${at(t - 0.2)}","level":"WARN","msg":"request","method":"POST","path":"/v1/transfers","status":504,"dur_ms":10004}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout64-sync-standby-names-standby-pending',
    class: 'scheduling',
    truth: 'The ledger Postgres primary (StatefulSet ledger-db) runs with synchronous_commit = on and synchronous_standby_names = \'ledger_standby\', the application_name of its one standby, ledger-db-standby-0. A node-patching drain 49 minutes ago cordoned the only eu-west-1c node and evicted the standby; its 200Gi EBS volume is pinned to eu-west-1c, so the recreated pod is Pending (1 node unschedulable, 2 volume node affinity conflicts). With no synchronous standby connected, every COMMIT on the primary waits for synchronous replication forever: ledger-api\'s writes (POST /v1/transfers) hit their 10 s deadline and answer 504 (the cancelled commits are already committed locally, so clients retrying may double-post), while reads keep answering 200. Fix: uncordon the eu-west-1c node (or give the standby a node in that zone); until then, consciously clear synchronous_standby_names on the primary and reload.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...primary.objects, ...standby.objects, pc, pvol, sc, svol, ...api.objects, ...recon.objects,
      configMap({ namespace: ns, name: 'ledger-db-config', createdAgo: 210 * DAYS, updatedAgo: 61 * DAYS, data: { 'postgresql.conf': primaryConf } }),
      configMap({ namespace: ns, name: 'ledger-db-standby-config', createdAgo: 210 * DAYS, updatedAgo: 61 * DAYS, data: { 'postgresql.conf': standbyConf } }),
      service({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }),
      endpointSliceFor(service({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }), primary.pods, 5432),
      service({ namespace: ns, name: 'ledger-db-standby', selector: { app: 'ledger-db-standby' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }),
      endpointSliceFor(service({ namespace: ns, name: 'ledger-db-standby', selector: { app: 'ledger-db-standby' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }), standby.pods, 5432),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      nodeEvent(names[2] ?? '', 'NodeNotSchedulable', `Node ${names[2] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: cordonedAgo }),
      event({ on: { kind: 'Pod', name: 'ledger-db-standby-0', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container postgres', firstAgo: 47.9, lastAgo: 47.9, fieldPath: 'spec.containers{postgres}' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db-standby', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledger-db-standby-0 in StatefulSet ledger-db-standby successful', firstAgo: 47.6, lastAgo: 47.6, component: 'statefulset-controller' }),
      failedScheduling(sbPod, unschedulable, { count: 17, firstAgo: 47.6, lastAgo: 1.8 }),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: lines(...pgLog) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/synchronous|sync(hronous)?[ _-]?rep|SyncRep/i, /standby/i],
      facts: [/synchronous_standby_names|ledger_standby/, /ledger-db-standby-0/, /cordon|unschedulable|volume node affinity/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /deadlock|lock contention/i, /disk (is )?full|DiskPressure/i, /crash ?loop/i],
    },
  };
}

// ---- 2. a Spring Kafka consumer stopped on Java heap space; pods stay Ready --------------------------

function consumerHeapOom(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '88', '203']);
  const image = `${ECR}/billing/invoice-consumer:4.6.2`;
  const tpl = (xmx: string, mem: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: mem,
      env: [
        { name: 'JAVA_OPTS', value: `-Xms${xmx} -Xmx${xmx} -XX:+UseG1GC` },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka.data.svc.cluster.local:9092,kafka-1.kafka.data.svc.cluster.local:9092' },
        { name: 'SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS', value: '200' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const rolledAgo = 4 * HOURS + 12;
  const app = deploymentApp({
    namespace: ns, name: 'invoice-consumer', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 16 * DAYS, changeCause: 'argocd: invoice-consumer 4.6.2', template: tpl('1536m', '2Gi') },
      { revision: 19, createdAgo: rolledAgo, changeCause: 'argocd: invoice-consumer rightsizing FINOPS-212 (heap 1536m -> 384m, memory 2Gi -> 640Mi)', template: tpl('384m', '640Mi') },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: rolledAgo - 1 }, { revision: 19, node: names[2] ?? '', createdAgo: rolledAgo - 2 }],
    settled: { available: true, availableSince: rolledAgo - 3, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 3 },
  });
  const apiImage = `${ECR}/billing/invoice-api:7.2.0`;
  const invoiceApi = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 2,
    revisions: [{ revision: 52, createdAgo: 5 * DAYS, changeCause: 'argocd: invoice-api 7.2.0', template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi' })] } }],
    pods: [{ revision: 52, node: names[1] ?? '', createdAgo: 5 * DAYS }, { revision: 52, node: names[2] ?? '', createdAgo: 5 * DAYS - 1 }],
  });
  const exportCron = cronJob({
    namespace: ns, name: 'statement-export', schedule: '0 2 * * *',
    template: { containers: [container({ name: 'export', image: `${ECR}/billing/statement-export:1.12.0`, ports: [], readiness: null, liveness: null, memory: '1Gi' })] },
    jobs: [
      { createdAgo: DAYS + 74, pods: [], outcome: { complete: true, ago: DAYS + 66 } },
      { createdAgo: 74, pods: [], outcome: { complete: true, ago: 64 } },
    ],
    lastSuccessfulAgo: 64,
  });
  const a = podOf(app, 0);
  const b = podOf(app, 1);
  const logger = { kc: 'o.s.k.l.KafkaMessageListenerContainer', cc: 'o.a.k.c.c.internals.ConsumerCoordinator', app: 'c.a.b.consumer.InvoiceConsumerApplication' };
  const thread = 'ntainer#0-0-C-1';
  const oomTrace = [
    'java.lang.OutOfMemoryError: Java heap space',
    '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)',
    '\tat java.base/java.io.ByteArrayOutputStream.ensureCapacity(ByteArrayOutputStream.java:100)',
    '\tat java.base/java.io.ByteArrayOutputStream.write(ByteArrayOutputStream.java:132)',
    '\tat org.apache.pdfbox.pdfwriter.COSWriter.doWriteObject(COSWriter.java:748)',
    '\tat org.apache.pdfbox.pdmodel.PDDocument.save(PDDocument.java:1411)',
    '\tat com.acme.billing.render.StatementRenderer.render(StatementRenderer.java:118)',
    '\tat com.acme.billing.consumer.InvoiceRequestListener.onMessage(InvoiceRequestListener.java:54)',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
    '\tat org.springframework.messaging.handler.invocation.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:169)',
    '\tat org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter.invokeHandler(MessagingMessageListenerAdapter.java:382)',
    '\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.doInvokeRecordListener(KafkaMessageListenerContainer.java:2860)',
    '\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.pollAndInvoke(KafkaMessageListenerContainer.java:1304)',
    '\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.run(KafkaMessageListenerContainer.java:1213)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  ];
  const startLines = (t: number, parts: string) => [
    boot(t, 'INFO', 'invoice-consumer', 'main', logger.app, 'Starting InvoiceConsumerApplication v4.6.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    boot(t - 0.4, 'INFO', 'invoice-consumer', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    boot(t - 0.4, 'INFO', 'invoice-consumer', thread, logger.kc, `invoice-consumer: partitions assigned: [${parts}]`),
    boot(t - 0.41, 'INFO', 'invoice-consumer', 'main', logger.app, 'Started InvoiceConsumerApplication in 14.212 seconds (process running for 15.37)'),
  ];
  const rendered = (from: number, to: number, k: number) => {
    const out: string[] = [];
    for (let t = from, i = 0; t > to; t -= 9, i++) out.push(boot(t, 'INFO', 'invoice-consumer', thread, 'c.a.b.c.InvoiceRequestListener', `rendered invoice INV-2026-${(418230 + i * 17 + k * 5).toString()} (2 pages, 41 KB) in 212 ms`));
    return out;
  };
  const aLog = lines(
    ...startLines(rolledAgo - 1.5, 'invoice-requests-0, invoice-requests-1, invoice-requests-2'),
    ...rendered(rolledAgo - 3, 72, 0),
    boot(73.5, 'INFO', 'invoice-consumer', thread, 'c.a.b.c.InvoiceRequestListener', 'rendering statement STM-2026-11-ACME-0042 (enterprise, 18412 line items)'),
    boot(63.4, 'ERROR', 'invoice-consumer', thread, logger.kc, 'Stopping container due to an Error'),
    ...oomTrace,
    boot(63.3, 'INFO', 'invoice-consumer', thread, logger.cc, '[Consumer clientId=consumer-invoice-consumer-1, groupId=invoice-consumer] Revoke previously assigned partitions invoice-requests-0, invoice-requests-1, invoice-requests-2'),
    boot(63.3, 'INFO', 'invoice-consumer', thread, logger.cc, '[Consumer clientId=consumer-invoice-consumer-1, groupId=invoice-consumer] Member consumer-invoice-consumer-1-5d1f0c2e-6f41-4b8e-9b1e-0b7a3f9e4c21 sending LeaveGroup request to coordinator kafka-1.kafka.data.svc.cluster.local:9092 (id: 2147483646 rack: null) due to the consumer is being closed'),
    boot(63.2, 'INFO', 'invoice-consumer', thread, logger.kc, 'invoice-consumer: Consumer stopped'),
  );
  const bLog = lines(
    ...startLines(rolledAgo - 2.5, 'invoice-requests-3, invoice-requests-4, invoice-requests-5'),
    ...rendered(rolledAgo - 4, 64, 1),
    boot(63.1, 'INFO', 'invoice-consumer', thread, logger.kc, 'invoice-consumer: partitions assigned: [invoice-requests-0, invoice-requests-1, invoice-requests-2, invoice-requests-3, invoice-requests-4, invoice-requests-5]'),
    boot(63.0, 'INFO', 'invoice-consumer', thread, 'c.a.b.c.InvoiceRequestListener', 'rendering statement STM-2026-11-ACME-0042 (enterprise, 18412 line items)'),
    boot(57.8, 'ERROR', 'invoice-consumer', thread, logger.kc, 'Stopping container due to an Error'),
    ...oomTrace,
    boot(57.7, 'INFO', 'invoice-consumer', thread, logger.cc, '[Consumer clientId=consumer-invoice-consumer-1, groupId=invoice-consumer] Revoke previously assigned partitions invoice-requests-0, invoice-requests-1, invoice-requests-2, invoice-requests-3, invoice-requests-4, invoice-requests-5'),
    boot(57.7, 'INFO', 'invoice-consumer', thread, logger.cc, '[Consumer clientId=consumer-invoice-consumer-1, groupId=invoice-consumer] Member consumer-invoice-consumer-1-a03e77b9-2c18-4f0d-8d55-91c64e2b7f08 sending LeaveGroup request to coordinator kafka-1.kafka.data.svc.cluster.local:9092 (id: 2147483646 rack: null) due to the consumer is being closed'),
    boot(57.6, 'INFO', 'invoice-consumer', thread, logger.kc, 'invoice-consumer: Consumer stopped'),
  );
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 50 - i * 5 - k;
      out.push(`{"ts":"${at(t)}","level":"info","logger":"InvoiceController","msg":"invoice request queued","invoice":"INV-2026-${419900 + i * 11 + k}","topic":"invoice-requests"}`);
      out.push(`{"ts":"${at(t - 0.3)}","level":"warn","logger":"InvoicePdfController","msg":"invoice PDF still pending","invoice":"INV-2026-${419700 + i * 7 + k}","queued_for_s":${900 + i * 300 + k * 40},"status":202}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout64-kafka-consumer-heap-oom-pods-ready',
    class: 'containers',
    truth: 'Revision 19 of invoice-consumer (4 h 12 min ago, a FinOps right-sizing) cut the heap from -Xmx1536m to -Xmx384m (memory 2Gi → 640Mi). It ran fine on ordinary invoices until the 02:00 statement-export job queued enterprise statements of ~18k line items: rendering one exhausted the 384m heap, and the Spring Kafka listener container stopped on "java.lang.OutOfMemoryError: Java heap space" (63 min ago) and left the group; its partitions moved to the other pod, which hit the same record and stopped too (58 min ago). The JVM has no -XX:+ExitOnOutOfMemoryError and the heap cap keeps it under the container limit, so nothing was OOMKilled or restarted and /actuator/health still answers: both pods are Ready, nothing consumes invoice-requests, and invoice PDFs pile up pending. Fix: give the heap back (revert revision 19\'s -Xmx or raise it), restart the pods, and add ExitOnOutOfMemoryError / a consumer-liveness health check.',
    ask: { service: 'invoice-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...invoiceApi.objects, ...exportCron.objects,
      ...exposed({ namespace: ns, name: 'invoice-consumer', selector: { app: 'invoice-consumer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: invoiceApi.pods }),
      hpa({ namespace: ns, name: 'invoice-consumer', target: { kind: 'Deployment', name: 'invoice-consumer' }, min: 2, max: 6, current: 2, desired: 2, cpu: { current: 2, target: 70, averageValue: '9m' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 2, rolledAgo - 3),
    ],
    logs: [
      logsFor(a, 'app', { current: aLog }),
      logsFor(b, 'app', { current: bLog }),
      ...invoiceApi.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OutOfMemoryError|heap space|heap exhaust|out of heap/i, /Xmx|384m|heap (size )?(was )?(cut|reduc|lower|shrunk)|revision 19|right-?siz/i],
      facts: [/Stopping container due to an Error|consumer (has )?stopped|stopped consuming|not consuming|listener container/i, lit('384m')],
      never: [/OOM-?Kill|exit code 137|\b137\b/i, /crash ?loop/i, /statement-export[^\n]*(fail|broke)/i, /probe fail/i],
    },
  };
}

// ---- 3. uvicorn --limit-concurrency 20 answers 503 under normal load ----------------------------------

function uvicornLimitConcurrency(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.33', ['14', '121', '230']);
  const image = `${ECR}/pricing/quote-api:3.8.0`;
  const base = ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000', '--proxy-headers', '--timeout-keep-alive', '30'];
  const tpl = (args: string[]) => ({
    containers: [container({
      image, command: args, ports: [8000], cpu: '500m', memory: '512Mi',
      env: [{ name: 'DATABASE_URL', value: 'postgresql+asyncpg://quote@pricing-db.pricing.svc.cluster.local:5432/pricing' }, { name: 'REDIS_URL', value: 'redis://pricing-cache.pricing.svc.cluster.local:6379/0' }],
      readiness: httpProbe('/healthz', 8000, { periodSeconds: 5, failureThreshold: 3 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 6 }),
    })],
  });
  const rolledAgo = 33;
  const app = deploymentApp({
    namespace: ns, name: 'quote-api', replicas: 4,
    revisions: [
      { revision: 43, createdAgo: 6 * DAYS, changeCause: 'argocd: quote-api 3.8.0', template: tpl(base) },
      { revision: 44, createdAgo: rolledAgo, changeCause: 'argocd: quote-api 3.8.0 uvicorn args: shed load under spikes (PRICE-771)', template: tpl([...base, '--limit-concurrency', '20']) },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 44, node: names[k % 3] ?? '', createdAgo: rolledAgo - 0.5 - k * 0.7 })),
  });
  const gwImage = `${ECR}/pricing/checkout-gateway:1.27.3`;
  const gw = deploymentApp({
    namespace: ns, name: 'checkout-gateway', replicas: 2,
    revisions: [{ revision: 15, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout-gateway 1.27.3', template: { containers: [container({ image: gwImage, ports: [8080], memory: '256Mi' })] } }],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 15, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 }],
  });
  const other = bystander(ns, 'price-rules-sync', names, 3 * HOURS, { revisions: [11, 12], versions: ['0.14.0', '0.14.1'], olderAgo: 30 * DAYS });
  const gwIps = gw.pods.map((p) => p.status?.podIP ?? '10.0.33.2');
  const skus = ['SKU-4471', 'SKU-1180', 'SKU-9032', 'SKU-5528', 'SKU-7719'];
  const uvLog = (p: k8s.V1Pod, k: number) => {
    const out = [
      'INFO:     Started server process [1]',
      'INFO:     Waiting for application startup.',
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    ];
    for (let i = 0; i < 30; i++) {
      const ip = gwIps[(i + k) % gwIps.length] ?? '10.0.33.2';
      const port = 40100 + ((i * 97 + k * 13) % 20000);
      const sku = skus[(i + k) % skus.length] ?? 'SKU-1';
      if (i % 3 === 1) {
        out.push('WARNING:  Exceeded concurrency limit.');
        out.push(`INFO:     ${ip}:${port} - "POST /v1/quotes HTTP/1.1" 503 Service Unavailable`);
      } else if (i % 7 === 5) {
        out.push('WARNING:  Exceeded concurrency limit.');
        out.push(`INFO:     ${ip}:${port} - "GET /v1/prices/${sku} HTTP/1.1" 503 Service Unavailable`);
      } else {
        out.push(`INFO:     ${ip}:${port} - "${i % 2 === 0 ? `GET /v1/prices/${sku}` : 'POST /v1/quotes'} HTTP/1.1" 200 OK`);
      }
      if (i === 14) out.push(`INFO:     ${p.status?.hostIP ?? '10.0.33.1'}:51822 - "GET /healthz HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  const gwLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 30 - i * 2.1 - k * 0.3;
      out.push(`{"level":"info","ts":"${at(t)}","msg":"upstream","route":"quotes","upstream":"quote-api.pricing.svc.cluster.local:80","status":${i % 3 === 1 ? 503 : 200},"duration_ms":${i % 3 === 1 ? 2 : 38 + i},"active_upstream_conns":${58 + (i % 5)}}`);
    }
    out.push(`{"level":"warn","ts":"${at(0.6)}","msg":"upstream error rate high","upstream":"quote-api.pricing.svc.cluster.local:80","window":"5m","5xx_ratio":0.37}`);
    return lines(...out);
  };
  const p1 = podOf(app, 1);
  const p3 = podOf(app, 3);
  return {
    id: 'heldout64-uvicorn-limit-concurrency-503',
    class: 'config',
    truth: 'Revision 44 of quote-api (33 minutes ago) changed only the uvicorn command line, adding `--limit-concurrency 20` "to shed load under spikes". Uvicorn counts open connections, keep-alive ones included, against that limit, and checkout-gateway keeps ~60 pooled keep-alive connections to quote-api, so at ordinary traffic each pod is past 20: uvicorn logs "Exceeded concurrency limit." and answers 503 Service Unavailable to about a third of requests (health probes included, hence some readiness flaps). Nothing is overloaded (no OOM, no restarts, the database is fine). Fix: remove the flag or set it far above the connection count (roll back to revision 43).',
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gw.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'checkout-gateway', selector: { app: 'checkout-gateway' }, pods: gw.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 44), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 43), 3, 4, rolledAgo - 0.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 44), 4, 1, rolledAgo - 2.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 43), 0, 1, rolledAgo - 3),
      probeFailed(p1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 9, firstAgo: 24, lastAgo: 2.2 }),
      probeFailed(p3, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 6, firstAgo: 19, lastAgo: 4.5 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: uvLog(p, k) })),
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/limit-concurrency|concurrency limit/i, /revision 44|limit-concurrency[ =]20|\b20\b/i],
      facts: [/Exceeded concurrency limit/, /503/],
      never: [/\bOOM/, /throttl/i, /crash ?loop/i, /(database|postgres|pricing-db)[^\n]*(slow|down|unreachable)/i],
    },
  };
}

// ---- 4. Spring Boot 3 dropped trailing-slash matching --------------------------------------------------

function springTrailingSlash(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.52', ['19', '117', '240']);
  const image = (v: string) => `${ECR}/crm/customer-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const rolledAgo = 56;
  const app = deploymentApp({
    namespace: ns, name: 'customer-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: customer-api 4.19.2', template: tpl('4.19.2') },
      { revision: 58, createdAgo: rolledAgo, changeCause: 'argocd: customer-api 5.0.0 (Spring Boot 3.2 / Java 21 migration)', template: tpl('5.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: rolledAgo - 0.5 - k })),
  });
  const web = deploymentApp({
    namespace: ns, name: 'crm-web', replicas: 2,
    revisions: [{ revision: 120, createdAgo: 4 * DAYS, changeCause: 'argocd: crm-web 12.4.1', template: { containers: [container({ image: `${ECR}/crm/crm-web:12.4.1`, ports: [3000], memory: '384Mi', env: [{ name: 'CUSTOMER_API_URL', value: 'http://customer-api.crm.svc.cluster.local' }] })] } }],
    pods: [{ revision: 120, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 120, node: names[2] ?? '', createdAgo: 4 * DAYS - 1 }],
  });
  const other = bystander(ns, 'crm-search-indexer', names, 5 * HOURS, { revisions: [30, 31], versions: ['2.2.0', '2.2.1'], olderAgo: 25 * DAYS });
  const ids = ['81723', '40218', '99501', '17344', '62090', '30077'];
  const paths = (id: string, i: number) => (i % 2 === 0 ? `api/v1/customers/${id}/addresses/` : `api/v1/customers/${id}/contacts/`);
  const apiLog = (k: number) => {
    const t0 = rolledAgo - 0.6 - k;
    const out = [
      boot(t0, 'INFO', 'customer-api', 'main', 'c.a.crm.customer.CustomerApiApplication', 'Starting CustomerApiApplication v5.0.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      boot(t0, 'INFO', 'customer-api', 'main', 'c.a.crm.customer.CustomerApiApplication', 'The following 1 profile is active: "prod"'),
      boot(t0 - 0.1, 'INFO', 'customer-api', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      boot(t0 - 0.1, 'INFO', 'customer-api', 'main', 'o.apache.catalina.core.StandardEngine', 'Starting Servlet engine: [Apache Tomcat/10.1.20]'),
      boot(t0 - 0.3, 'INFO', 'customer-api', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path ''"),
      boot(t0 - 0.3, 'INFO', 'customer-api', 'main', 'c.a.crm.customer.CustomerApiApplication', 'Started CustomerApiApplication in 17.904 seconds (process running for 19.112)'),
    ];
    for (let i = 0; i < 16; i++) {
      const t = rolledAgo - 2 - i * 3.3 - k * 0.2;
      out.push(boot(t, 'WARN', 'customer-api', `nio-8080-exec-${(i % 9) + 1}`, '.w.s.m.s.DefaultHandlerExceptionResolver', `Resolved [org.springframework.web.servlet.resource.NoResourceFoundException: No static resource ${paths(ids[(i + k) % ids.length] ?? '1', i)}.]`));
    }
    return lines(...out);
  };
  const webLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = rolledAgo - 3 - i * 4.2 - k * 0.5;
      const id = ids[(i + k) % ids.length] ?? '1';
      out.push(`{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(podOf(web, k))}","msg":"upstream ok","method":"GET","url":"http://customer-api.crm.svc.cluster.local/api/v1/customers/${id}","status":200,"ms":${21 + i}}`);
      out.push(`{"level":50,"time":${epochMs(t - 0.05)},"pid":1,"hostname":"${nameOf(podOf(web, k))}","msg":"upstream error","method":"GET","url":"http://customer-api.crm.svc.cluster.local/${paths(id, i)}","status":404,"body":"{\\"timestamp\\":\\"${at(t - 0.05)}\\",\\"status\\":404,\\"error\\":\\"Not Found\\",\\"path\\":\\"/${paths(id, i)}\\"}"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout64-spring-boot3-trailing-slash-404',
    class: 'rollout',
    truth: 'Revision 58 (56 minutes ago) moved customer-api from 4.19.2 (Spring Boot 2.7) to 5.0.0 (Spring Boot 3.2, Spring Framework 6.1). Spring 6 no longer matches a trailing slash by default, so "/api/v1/customers/{id}/addresses/" no longer maps to the "/api/v1/customers/{id}/addresses" handler: the request falls through to the static resource handler and answers 404 (NoResourceFoundException "No static resource …"). crm-web builds its addresses and contacts URLs with a trailing slash, so those calls now fail while the same paths without the slash, and every other call, answer 200. The pods are healthy. Fix: roll back to revision 57, or restore trailing-slash handling (a redirect/URL-rewrite filter or explicit "/…/" mappings) and fix crm-web\'s URLs.',
    ask: { service: 'customer-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'customer-api', selector: { app: 'customer-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'crm-web', selector: { app: 'crm-web' }, pods: web.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 3, rolledAgo - 0.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 1, rolledAgo - 1.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 2, rolledAgo - 2.4),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/trailing[- ]?slash/i, /Spring (Boot )?3|Spring (Framework )?6|5\.0\.0|revision 58/i],
      facts: [/NoResourceFoundException|No static resource/, /404/],
      never: [/\bOOM/, /crash ?loop/i, /static (resources?|files?|assets?) (are |is )?(missing|not (packaged|bundled|included))/i, /crm-web[^\n]*(revision|rollout|deploy)[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 5. -Xss256k in a ConfigMap's JAVA_TOOL_OPTIONS: StackOverflowError on deep payloads -------------

function xssCutStackOverflow(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.210', ['33', '101', '187']);
  const image = `${ECR}/risk/rules-engine:8.3.1`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1536Mi',
      envFrom: [{ configMapRef: { name: 'jvm-options' } }],
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const editedAgo = 41;
  const restartedAgo = 38;
  const app = deploymentApp({
    namespace: ns, name: 'rules-engine', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 6 * DAYS, changeCause: 'argocd: rules-engine 8.3.1', template: tpl() },
      { revision: 12, createdAgo: restartedAgo, template: tpl(at(restartedAgo).replace(/\.\d{3}Z$/, 'Z')) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: restartedAgo - 0.3 - k * 0.9 })),
  });
  const auth = deploymentApp({
    namespace: ns, name: 'payments-authorizer', replicas: 2,
    revisions: [{ revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: payments-authorizer 5.40.0', template: { containers: [container({ image: `${ECR}/risk/payments-authorizer:5.40.0`, ports: [8080], memory: '768Mi' })] } }],
    pods: [{ revision: 88, node: names[1] ?? '', createdAgo: 2 * DAYS }, { revision: 88, node: names[2] ?? '', createdAgo: 2 * DAYS - 1 }],
  });
  const opts = '-XX:MaxRAMPercentage=70 -XX:+UseG1GC -Xss256k';
  const frames = [
    '\tat com.acme.risk.rules.ast.AllOfNode.evaluate(AllOfNode.java:41)',
    '\tat com.acme.risk.rules.ast.AnyOfNode.evaluate(AnyOfNode.java:38)',
    '\tat com.acme.risk.rules.ast.NotNode.evaluate(NotNode.java:22)',
  ];
  const trace = (exec: number) => [
    `ERROR 1 --- [rules-engine] [nio-8080-exec-${exec}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: java.lang.StackOverflowError] with root cause`,
    '',
    'java.lang.StackOverflowError: null',
    ...frames, ...frames, ...frames, ...frames,
    '\t...',
  ];
  const appLog = (k: number) => {
    const t0 = restartedAgo - 0.4 - k * 0.9;
    const out = [
      `Picked up JAVA_TOOL_OPTIONS: ${opts}`,
      boot(t0, 'INFO', 'rules-engine', 'main', 'c.a.risk.rules.RulesEngineApplication', 'Starting RulesEngineApplication v8.3.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      boot(t0 - 0.3, 'INFO', 'rules-engine', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      boot(t0 - 0.3, 'INFO', 'rules-engine', 'main', 'c.a.risk.rules.RulesEngineApplication', 'Started RulesEngineApplication in 21.406 seconds (process running for 22.871)'),
    ];
    for (let i = 0; i < 7; i++) {
      const t = restartedAgo - 3 - i * 4.8 - k * 0.3;
      out.push(boot(t, 'INFO', 'rules-engine', `nio-8080-exec-${(i % 8) + 1}`, 'c.a.risk.rules.web.EvaluateController', `evaluated ruleset merchant-${1200 + i * 7 + k} (depth 6, 41 nodes) in 3 ms: ALLOW`));
      const [first, ...rest] = trace((i % 8) + 2);
      out.push(`${at(t - 0.5)} ${first ?? ''}`, ...rest);
    }
    return lines(...out);
  };
  const authLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = restartedAgo - 4 - i * 3.4 - k * 0.4;
      out.push(`{"@timestamp":"${at(t)}","level":"ERROR","logger_name":"c.a.p.authorizer.RiskClient","message":"risk evaluation failed for payment pay_${(771200 + i * 31 + k).toString(36)}: 500 Internal Server Error from POST http://rules-engine.risk.svc.cluster.local/v2/evaluate (ruleset depth=${1800 + i * 45}); falling back to manual review"}`);
      out.push(`{"@timestamp":"${at(t - 0.2)}","level":"INFO","logger_name":"c.a.p.authorizer.RiskClient","message":"risk evaluation ALLOW for payment pay_${(771300 + i * 29 + k).toString(36)} in 9 ms"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout64-xss256k-configmap-stackoverflow',
    class: 'config',
    truth: 'Someone ran kubectl edit on the ConfigMap jvm-options 41 minutes ago and added -Xss256k to JAVA_TOOL_OPTIONS (to trim thread-stack memory), then `kubectl rollout restart` (revision 12, 38 minutes ago, template otherwise unchanged) picked it up: "Picked up JAVA_TOOL_OPTIONS: … -Xss256k". With a quarter of the default 1 MB thread stack, the recursive rule-tree evaluation of deep merchant rulesets (depth ~2000, sent by payments-authorizer) now overflows: java.lang.StackOverflowError, 500 from POST /v2/evaluate, while shallow rulesets still pass and no pod crashes or restarts. Rolling back to revision 11 would not help (same ConfigMap); fix: remove -Xss256k from jvm-options (or set -Xss1m) and restart.',
    ask: { service: 'rules-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...auth.objects,
      configMap({ namespace: ns, name: 'jvm-options', createdAgo: 140 * DAYS, updatedAgo: editedAgo, data: { JAVA_TOOL_OPTIONS: opts } }),
      ...exposed({ namespace: ns, name: 'rules-engine', selector: { app: 'rules-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payments-authorizer', selector: { app: 'payments-authorizer' }, pods: auth.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, restartedAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 2, 3, restartedAgo - 0.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 3, 1, restartedAgo - 1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 0, 2, restartedAgo - 2),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, restartedAgo - 0.3 - k * 0.9)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...auth.pods.map((p, k) => logsFor(p, 'app', { current: authLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/StackOverflowError|stack overflow/i, /Xss|thread stack|stack size|JAVA_TOOL_OPTIONS|jvm-options/i],
      facts: [lit('-Xss256k'), /jvm-options/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /infinite (recursion|loop)/i],
    },
  };
}

// ---- 6. Spring Boot 3.4.7 / Tomcat 10.1.42: maxParameterCount 1000 breaks the bulk form -------------

function tomcatMaxParameterCount(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.164', ['40', '92', '215']);
  const image = (v: string) => `${ECR}/inventory/inventory-admin:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const rolledAgo = 2 * HOURS + 10;
  const app = deploymentApp({
    namespace: ns, name: 'inventory-admin', replicas: 2,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: inventory-admin 2.18.0', template: tpl('2.18.0') },
      { revision: 23, createdAgo: rolledAgo, changeCause: 'argocd: inventory-admin 2.18.1 (renovate: spring-boot 3.4.6 -> 3.4.7)', template: tpl('2.18.1') },
    ],
    pods: [{ revision: 23, node: names[0] ?? '', createdAgo: rolledAgo - 0.5 }, { revision: 23, node: names[1] ?? '', createdAgo: rolledAgo - 1.6 }],
    settled: { available: true, availableSince: rolledAgo - 2, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 2 },
  });
  const sync = bystander(ns, 'inventory-sync', names, 40, { revisions: [61, 62], versions: ['3.0.7', '3.0.8'], olderAgo: 9 * DAYS });
  const ctl = 'com.acme.inventory.admin.web.BulkStockController';
  const appLog = (k: number) => {
    const t0 = rolledAgo - 0.6 - k * 1.1;
    const out = [
      boot(t0, 'INFO', 'inventory-admin', 'main', 'c.a.i.admin.InventoryAdminApplication', 'Starting InventoryAdminApplication v2.18.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      boot(t0 - 0.1, 'INFO', 'inventory-admin', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      boot(t0 - 0.1, 'INFO', 'inventory-admin', 'main', 'o.apache.catalina.core.StandardEngine', 'Starting Servlet engine: [Apache Tomcat/10.1.42]'),
      boot(t0 - 0.3, 'INFO', 'inventory-admin', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      boot(t0 - 0.3, 'INFO', 'inventory-admin', 'main', 'c.a.i.admin.InventoryAdminApplication', 'Started InventoryAdminApplication in 12.118 seconds (process running for 13.02)'),
    ];
    const first = 47 - k * 6;
    out.push(
      boot(first, 'INFO', 'inventory-admin', 'nio-8080-exec-3', 'o.apache.tomcat.util.http.Parameters', 'More than the maximum number of request parameters (GET plus POST) for a single request ([1,000]) were detected. Any parameters beyond this limit have been ignored. To change this limit, set the maxParameterCount attribute on the Connector.'),
      ' Note: further occurrences of this error will be logged at DEBUG level.',
    );
    for (let i = 0; i < 6; i++) {
      const t = first - 0.01 - i * 6.5;
      out.push(boot(t, 'WARN', 'inventory-admin', `nio-8080-exec-${(i % 6) + 3}`, '.w.s.m.s.DefaultHandlerExceptionResolver', `Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0] in public org.springframework.http.ResponseEntity<com.acme.inventory.admin.web.BulkUpdateResult> ${ctl}.bulkUpdate(com.acme.inventory.admin.web.BulkStockForm): [Field error in object 'bulkStockForm' on field 'batchId': rejected value [null]; codes [NotBlank.bulkStockForm.batchId,NotBlank.batchId,NotBlank.java.lang.String,NotBlank]; arguments [org.springframework.context.support.DefaultMessageSourceResolvable: codes [bulkStockForm.batchId,batchId]; arguments []; default message [batchId]]; default message [must not be blank]] ]`));
      out.push(boot(t - 0.3, 'INFO', 'inventory-admin', `nio-8080-exec-${(i % 6) + 4}`, 'c.a.i.admin.web.StockController', `updated stock SKU-${30410 + i * 3 + k} in warehouse DUB-2 (qty ${12 + i})`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout64-tomcat-max-parameter-count-bulk-form-400',
    class: 'rollout',
    truth: 'Revision 23 of inventory-admin (2 h 10 min ago) was a Renovate bump of Spring Boot 3.4.6 → 3.4.7, which brings Tomcat 10.1.42; that Tomcat lowered the connector\'s default maxParameterCount from 10000 to 1000 (Spring Boot 3.4 has no property overriding it). The warehouse team\'s bulk stock form posts ~1,250 parameters (three per row plus hidden fields at the end); Tomcat logs "More than the maximum number of request parameters (GET plus POST) for a single request ([1,000]) were detected … ignored" once per pod and drops the rest, the trailing batchId is lost, and validation answers 400 on every bulk update, while single-item edits keep working. Fix: raise maxParameterCount (a WebServerFactoryCustomizer setting connector.setMaxParameterCount) or roll back to revision 22.',
    ask: { service: 'inventory-admin', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sync.objects,
      ...exposed({ namespace: ns, name: 'inventory-admin', selector: { app: 'inventory-admin' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory-sync', selector: { app: 'inventory-sync' }, pods: sync.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 2, rolledAgo - 1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 2, 1, rolledAgo - 1.1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, rolledAgo - 2),
      scaledReplicaSet(deploymentOf(sync), rsOf(sync, 62), 2, 0, 40),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/maxParameterCount|max(imum)? (number of )?(request )?param(eter)?s|parameter (count|limit)|1,?000 param/i, /10\.1\.42|3\.4\.7|Tomcat|revision 23|2\.18\.1/i],
      facts: [/More than the maximum number of request parameters/, /400|MethodArgumentNotValidException|batchId/],
      never: [/\bOOM/, /crash ?loop/i, /max-?(http-)?(form-)?post-?size/i, /inventory-sync/],
    },
  };
}

// ---- 7. healthy control: one MaxListenersExceededWarning at start-up, a utcnow() DeprecationWarning ----

function healthyStartupWarnings(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '142', '233']);
  const gwImage = `${ECR}/notifications/notify-gateway:6.3.0`;
  const gwAgo = 2 * DAYS + 190;
  const gw = deploymentApp({
    namespace: ns, name: 'notify-gateway', replicas: 3,
    revisions: [
      { revision: 70, createdAgo: 11 * DAYS, changeCause: 'argocd: notify-gateway 6.2.4', template: { containers: [container({ image: `${ECR}/notifications/notify-gateway:6.2.4`, ports: [3000], memory: '384Mi', env: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=288' }] })] } },
      { revision: 71, createdAgo: gwAgo, changeCause: 'argocd: notify-gateway 6.3.0', template: { containers: [container({ image: gwImage, ports: [3000], memory: '384Mi', env: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=288' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 71, node: names[k] ?? '', createdAgo: gwAgo - 0.5 - k * 0.6 })),
    settled: { available: true, availableSince: gwAgo - 2, progressingSince: gwAgo, progressingUpdatedAgo: gwAgo - 2 },
  });
  const wkAgo = 3 * DAYS + 400;
  const worker = deploymentApp({
    namespace: ns, name: 'digest-worker', replicas: 2,
    revisions: [{ revision: 14, createdAgo: wkAgo, changeCause: 'argocd: digest-worker 2.1.0', template: { containers: [container({ image: `${ECR}/notifications/digest-worker:2.1.0`, ports: [9100], memory: '256Mi', env: [{ name: 'PYTHONWARNINGS', value: 'default' }], readiness: httpProbe('/metrics', 9100), liveness: null })] } }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: wkAgo - 1 }, { revision: 14, node: names[2] ?? '', createdAgo: wkAgo - 1.5 }],
  });
  const gwLog = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const t0 = gwAgo - 0.6 - k * 0.6;
    const out = [
      `{"level":30,"time":${epochMs(t0)},"pid":1,"hostname":"${host}","msg":"notify-gateway 6.3.0 starting","node":"v20.18.0"}`,
      `{"level":30,"time":${epochMs(t0 - 0.02)},"pid":1,"hostname":"${host}","msg":"redis connected","url":"redis://notify-redis.notifications.svc.cluster.local:6379"}`,
      '(node:1) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 error listeners added to [Commander]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit',
      '(Use `node --trace-warnings ...` to show where the warning was created)',
      `{"level":30,"time":${epochMs(t0 - 0.03)},"pid":1,"hostname":"${host}","msg":"listening","port":3000}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.9 - k * 0.1;
      out.push(`{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${host}","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":202},"responseTime":${11 + ((i + k) % 7)},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const wkLog = (k: number) => {
    const t0 = wkAgo - 1.2 - k * 0.5;
    const out = [
      `${pyTime(t0)} INFO digest.worker: digest-worker 2.1.0 starting (python 3.12.7), queue=digests`,
      '/app/digest/clock.py:18: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC).',
      '  return datetime.utcnow()',
      `${pyTime(t0 - 0.01)} INFO digest.worker: connected to redis notify-redis.notifications.svc.cluster.local:6379`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 40 - i * 5 - k * 0.7;
      out.push(`${pyTime(t)} INFO digest.worker: sent ${380 + ((i * 37 + k * 11) % 90)} digests in ${(2.4 + (i % 4) * 0.3).toFixed(1)}s`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout64-healthy-maxlisteners-utcnow-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong. notify-gateway (Node 20, revision 71, two days old) prints one MaxListenersExceededWarning when it starts, because its Redis client attaches an 11th error listener during connection setup; it never repeats, memory stays flat (no restarts in two days) and all three pods are ready and answering 202. digest-worker beside it prints, once per process at start-up, Python 3.12\'s DeprecationWarning for datetime.utcnow() (PYTHONWARNINGS=default makes it visible); it keeps sending digests. Both are start-up noise, not incidents.',
    ask: { service: 'notify-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'notify-gateway', selector: { app: 'notify-gateway' }, pods: gw.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'digest-worker', selector: { app: 'digest-worker' }, pods: worker.pods, endpointPort: 9100 }),
      hpa({ namespace: ns, name: 'notify-gateway', target: { kind: 'Deployment', name: 'notify-gateway' }, min: 3, max: 8, current: 3, desired: 3, cpu: { current: 31, target: 70, averageValue: '62m' } }),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 71), 3, 0, gwAgo),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 70), 0, 3, gwAgo - 2),
    ],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(p, k) })),
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: wkLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problems?|issues?|failures?)|nothing (is )?wrong|running normally|all .*ready/i],
      facts: [],
      never: [/leaking memory|memory leak (in|on|of) notify|\bOOM/i, ADVISES_ROLLBACK, /utcnow[^\n]*(caus|broke|fail)/i, /restart (the )?(notify-gateway|pods?)/i],
    },
  };
}

export const PART_ONE: readonly CorpusScenario[] = [
  syncStandbyGone(),
  consumerHeapOom(),
  uvicornLimitConcurrency(),
  springTrailingSlash(),
  xssCutStackOverflow(),
  tomcatMaxParameterCount(),
  healthyStartupWarnings(),
];

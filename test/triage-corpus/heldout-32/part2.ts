// Held-out stories, thirty-second round, part two: written blind (without reading the analysis
// code or the corpus stories), to measure how the triage generalizes to causes it was not built
// against.
//
// A ConfigMap edit that set PGOPTIONS statement_timeout=2000 (milliseconds) under a reporting API,
// a RabbitMQ worker whose prefetch 1 → 50 outlives the broker's 30-minute consumer_timeout, a
// namespace's PodNodeSelector annotation naming a node pool label the migrated nodes no longer
// carry, a Service copied from a StatefulSet's headless one (publishNotReadyAddresses) in front of
// a slow-warming Deployment, Redis replicas stuck in a full-resync loop on the primary's replica
// output buffer limit, a producer revision that renamed its Kafka topic on brokers that do not
// auto-create topics, and a healthy control: an HPA scale-up 4 → 8 whose new pods warmed up.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, boundClaim, configMap, container, cronJob, deploymentApp, event, every, execProbe, exposed, hpa,
  httpProbe, namespace, nameOf, node, pyTime, rsOf, running, scaledReplicaSet, service, endpointSliceFor,
  startedNormally, statefulSetApp, failedScheduling, notTriggerScaleUp, nodeEvent, createdPod, probeFailed, batchContainer,
  replicaSetOf, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson, TemplateOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes, bystander } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- shared helpers ----------------------------------------------------------------------------

/** Log lines as a process writes them: one per line, with the trailing newline. */
const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment in a built app');
  return d;
}

/** gunicorn's own log time: `[2026-11-21 02:38:05 +0000]`. */
const gunicornTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;

/** RabbitMQ 3.13's log time: `2026-11-21 03:09:31.004512+00:00`. */
const rabbitTime = (m: number, micro = '412'): string => `${at(m).replace('T', ' ').replace('Z', '')}${micro}+00:00`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Redis's log time: `21 Nov 2026 03:05:02.114`. */
function redisTime(m: number): string {
  const d = ago(m);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** Spring Boot's thread column: the name's last 15 characters, right-aligned. */
const thread = (name: string): string => name.slice(-15).padStart(15);

/** A Spring Boot 3 console line. */
const spring = (m: number, level: string, app: string, threadName: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${thread(threadName)}] ${logger.padEnd(40)} : ${msg}`;

/** `kubectl rollout restart`'s annotation value (RFC 3339, seconds). */
const restartedAt = (m: number): string => at(m).replace(/\.\d{3}Z$/, 'Z');

/** A pod that started normally `atAgo` minutes ago with the image already on the node. */
const startedAll = (pods: readonly k8s.V1Pod[], c: string, image: string, atAgo: (i: number) => number): k8s.CoreV1Event[] =>
  pods.flatMap((p, i) => startedNormally(p, c, image, atAgo(i)));

// ---- 1. a ConfigMap edit lowers Postgres' statement_timeout under the reporting API ------------

function reportApiStatementTimeout(): CorpusScenario {
  const ns = 'finance-reporting';
  const { nodes, names } = threeEksNodes('10.0.64', ['18', '139', '203']);
  const image = `${ECR}/finance/report-api:5.3.1`;
  const tpl = (restart?: string): TemplateOpts => ({
    containers: [
      container({
        image,
        command: ['gunicorn'],
        args: ['report_api.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-b', '0.0.0.0:8000', '--timeout', '180'],
        ports: [8000],
        cpu: '500m',
        memory: '1Gi',
        envFrom: [{ configMapRef: { name: 'report-api-db' } }, { secretRef: { name: 'report-api-db-credentials' } }],
        env: [{ name: 'WEB_CONCURRENCY', value: '4' }, { name: 'REPORT_CACHE_TTL', value: '900' }, { name: 'LOG_LEVEL', value: 'INFO' }],
        readiness: httpProbe('/healthz', 8000),
        liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
      }),
    ],
    serviceAccountName: 'report-api',
    ...(restart === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restart } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 6 * DAYS, changeCause: 'argocd: report-api 5.3.1', template: tpl() },
      { revision: 22, createdAgo: 36, changeCause: 'argocd: report-api 5.3.1', template: tpl(restartedAt(36)) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 36 - k * 0.4 })),
  });
  const dep = deploymentOf(app);
  const rs21 = rsOf(app, 21);
  const rs22 = rsOf(app, 22);
  const exporter = bystander(ns, 'report-exporter', names, 14, { revisions: [8, 9], versions: ['2.0.4', '2.0.5'], olderAgo: 20 * DAYS });
  const db = configMap({
    namespace: ns,
    name: 'report-api-db',
    createdAgo: 240 * DAYS,
    updatedAgo: 38,
    data: {
      PGHOST: 'reporting-replica.cluster-ro-c8x2kq1vz0ab.eu-west-1.rds.amazonaws.com',
      PGPORT: '5432',
      PGDATABASE: 'finance',
      PGAPPNAME: 'report-api',
      PGSSLMODE: 'require',
      PGOPTIONS: '-c statement_timeout=2000',
      DB_POOL_MIN: '2',
      DB_POOL_MAX: '10',
    },
  });
  const callers = ['10.0.66.21', '10.0.70.144', '10.0.65.9'];
  const reports = [
    { path: '/v1/reports/revenue-by-region?period=2026-10&currency=EUR', name: 'revenue-by-region', slow: true },
    { path: '/v1/reports/daily-close?date=2026-11-20', name: 'daily-close', slow: false },
    { path: '/v1/reports/ar-aging?as_of=2026-11-20&bucket=30', name: 'ar-aging', slow: true },
    { path: '/v1/reports/status/rr_7d21c0', name: '', slow: false },
    { path: '/v1/reports/vat-summary?period=2026-Q3&entity=DE01', name: 'vat-summary', slow: true },
  ];
  const logOf = (p: k8s.V1Pod, k: number): string => {
    const start = 36 - k * 0.4 - 0.1;
    const head = lines(
      `${gunicornTime(start)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gunicornTime(start)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunicornTime(start)} [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
      ...[7, 8, 9, 10].map((pid) => `${gunicornTime(start)} [1] [INFO] Booting worker with pid: ${pid}`),
      ...[7, 8, 9, 10].flatMap((pid) => [`${gunicornTime(start - 0.03)} [${pid}] [INFO] Started server process [${pid}]`, `${gunicornTime(start - 0.03)} [${pid}] [INFO] Waiting for application startup.`]),
      `${pyTime(start - 0.04)} INFO [report_api.db] pool ready: host=reporting-replica.cluster-ro-c8x2kq1vz0ab.eu-west-1.rds.amazonaws.com:5432 db=finance min=2 max=10 server_version=15.8`,
      ...[7, 8, 9, 10].map((pid) => `${gunicornTime(start - 0.05)} [${pid}] [INFO] Application startup complete.`),
    );
    const body = every(31 - k, 0.4, 95, (u, i) => {
      const t = u - ((i * 7919 + k * 211) % 997) / 60000;
      const r = reports[(i + k) % reports.length] ?? reports[0];
      const client = callers[(i + k) % callers.length] ?? '';
      const runId = `rr_${(0x8f2c1a + i * 977 + k * 31).toString(16)}`;
      if (r?.slow) {
        const ms = 2001 + ((i * 7) % 9);
        return lines(
          `${pyTime(t)} ERROR [report_api.reports.runner] report ${r.name} failed after ${ms} ms (run_id=${runId})`,
          'Traceback (most recent call last):',
          '  File "/app/report_api/reports/runner.py", line 61, in run',
          '    await cur.execute(report.sql, params)',
          '  File "/usr/local/lib/python3.12/site-packages/psycopg/cursor_async.py", line 97, in execute',
          '    raise ex.with_traceback(None)',
          'psycopg.errors.QueryCanceled: canceling statement due to statement timeout',
          `${pyTime(t - 0.0002)} INFO [report_api.access] GET ${r.path} 500 ${ms + 8}ms client=${client}`,
        );
      }
      return lines(`${pyTime(t)} INFO [report_api.access] GET ${r?.path ?? '/'} 200 ${r?.name === '' ? 4 : 640 + i}ms client=${client}`);
    });
    return head + body;
  };
  return {
    id: 'heldout32-report-api-pgoptions-statement-timeout',
    class: 'config',
    truth:
      'Asked by the DBA to cap runaway queries on the shared reporting replica, an engineer edited the ConfigMap report-api-db (read by report-api through envFrom) 38 minutes ago and added PGOPTIONS="-c statement_timeout=2000", meaning 2000 seconds; Postgres reads a unitless statement_timeout as milliseconds. The `kubectl rollout restart` two minutes later (revision 22, same image 5.3.1) made every libpq session start with a 2-second statement timeout, so every report query longer than 2 s (revenue-by-region, ar-aging, vat-summary) is cancelled with "ERROR: canceling statement due to statement timeout" (psycopg QueryCanceled) and the API answers 500; quick endpoints still work, the pods are Ready and never restart. Rolling back to revision 21 would not help (same ConfigMap). Fix: set a sane value with a unit (e.g. statement_timeout=30min) or drop PGOPTIONS in report-api-db, then restart the pods.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...exporter.objects, db,
      configMap({ namespace: ns, name: 'report-exporter-config', createdAgo: 180 * DAYS, data: { EXPORT_BUCKET: 's3://acme-finance-exports', EXPORT_FORMAT: 'parquet' } }),
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'report-exporter', selector: { app: 'report-exporter' }, pods: exporter.pods }),
      scaledReplicaSet(dep, rs22, 1, 0, 36),
      scaledReplicaSet(dep, rs21, 2, 3, 35.6),
      scaledReplicaSet(dep, rs22, 2, 1, 35.6),
      scaledReplicaSet(dep, rs21, 1, 2, 35.2),
      scaledReplicaSet(dep, rs22, 3, 2, 35.2),
      scaledReplicaSet(dep, rs21, 0, 1, 34.8),
      ...startedAll(app.pods, 'app', image, (i) => 36 - i * 0.4),
      scaledReplicaSet(deploymentOf(exporter), rsOf(exporter, 9), 2, 0, 14),
      scaledReplicaSet(deploymentOf(exporter), rsOf(exporter, 8), 0, 2, 13),
      ...startedAll(exporter.pods, 'app', `${ECR}/${ns}/report-exporter:2.0.5`, (i) => 14 - i),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(p, k) })),
      ...exporter.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(12)}","level":"info","msg":"export scheduler started","version":"2.0.5"}`, `{"ts":"${at(2)}","level":"info","msg":"no export due","next":"2026-11-21T04:00:00Z"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/statement[_ ]timeout/i, /report-api-db|PGOPTIONS|config ?map/i],
      facts: [lit('statement_timeout=2000'), /canceling statement due to statement timeout|QueryCanceled/, /report-api-db/, /\b500\b/],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/, /crash ?loop/i, /report-exporter/, /probe fail/i],
    },
  };
}

// ---- 2. a worker's prefetch 1 → 50 outlives RabbitMQ's consumer_timeout -------------------------

function rabbitPrefetchConsumerTimeout(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.112', ['47', '166', '230']);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const tpl = (v: string, prefetch: string): TemplateOpts => ({
    containers: [
      batchContainer({
        image: image(v),
        cpu: '1',
        memory: '2Gi',
        env: [
          { name: 'RABBITMQ_URL', valueFrom: { secretKeyRef: { name: 'invoice-renderer-amqp', key: 'url' } } },
          { name: 'RABBITMQ_QUEUE', value: 'invoices.render' },
          { name: 'RABBITMQ_PREFETCH', value: prefetch },
          { name: 'RENDER_TIMEOUT_SECONDS', value: '120' },
          { name: 'CHROMIUM_FLAGS', value: '--no-sandbox --disable-gpu' },
        ],
      }),
    ],
    serviceAccountName: 'invoice-renderer',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-renderer 2.3.7', template: tpl('2.3.7', '1') },
      { revision: 18, createdAgo: 97, changeCause: 'argocd: invoice-renderer 2.4.0', template: tpl('2.4.0', '50') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 96.5 - k * 0.5 })),
  });
  const dep = deploymentOf(app);
  const rmqTpl: TemplateOpts = {
    containers: [
      container({
        name: 'rabbitmq',
        image: 'docker.io/bitnami/rabbitmq:3.13.7-debian-12-r2',
        ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 25672 }, { name: 'stats', containerPort: 15672 }],
        cpu: '1',
        memory: '4Gi',
        readiness: execProbe(['sh', '-ec', 'rabbitmq-diagnostics -q check_running && rabbitmq-diagnostics -q check_local_alarms'], { periodSeconds: 30, timeoutSeconds: 20 }),
        liveness: execProbe(['sh', '-ec', 'rabbitmq-diagnostics -q ping'], { initialDelaySeconds: 120, periodSeconds: 30, timeoutSeconds: 20, failureThreshold: 6 }),
        volumeMounts: [{ name: 'data', mountPath: '/opt/bitnami/rabbitmq/.rabbitmq/mnesia' }, { name: 'configuration', mountPath: '/bitnami/rabbitmq/conf' }],
      }),
    ],
    volumes: [{ name: 'configuration', configMap: { name: 'rabbitmq-config' } }],
    serviceAccountName: 'rabbitmq',
    terminationGracePeriodSeconds: 120,
  };
  const rmq = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 4, createdAgo: 64 * DAYS, template: rmqTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 4, ordinal: k, node: names[k] ?? '', createdAgo: 64 * DAYS - k * 3 })),
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-rabbitmq-${k}`, storage: '8Gi', zone: zones[k] ?? 'eu-west-1a', createdAgo: 300 * DAYS }));
  const notifier = bystander(ns, 'payment-notifier', names, 23, { revisions: [33, 34], versions: ['4.8.1', '4.9.0'], olderAgo: 9 * DAYS });
  const rmqConf = configMap({
    namespace: ns,
    name: 'rabbitmq-config',
    createdAgo: 300 * DAYS,
    data: {
      'rabbitmq.conf': [
        '## Clustering',
        'cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s',
        'cluster_formation.k8s.host = kubernetes.default',
        'cluster_formation.k8s.address_type = hostname',
        'cluster_partition_handling = autoheal',
        'queue_master_locator = min-masters',
        'loopback_users.guest = false',
        'listeners.tcp.default = 5672',
        'management.tcp.port = 15672',
        'vm_memory_high_watermark.relative = 0.6',
        'disk_free_limit.absolute = 2GB',
        'heartbeat = 60',
        '',
      ].join('\n'),
    },
  });
  const brokerIp = ipOfPod(podOf(rmq, 0));
  // Each worker lost its channel about every 30 minutes since the new revision started: the
  // 46th prefetched delivery waited 45 renders of ~40 s before its turn.
  const workerLog = (p: k8s.V1Pod, k: number): string => {
    const ip = ipOfPod(p);
    const render = (t: number, tag: number, n: number): string =>
      lines(`${pyTime(t - ((n * 7919 + k * 131) % 997) / 60000)} INFO renderer.worker: rendered INV-2026-${1184180 + n * 3 + k} (${9 + ((n * 5) % 11)} pages) in ${(37.9 + ((n * 13) % 20) / 10).toFixed(1)}s delivery_tag=${tag} redelivered=True`);
    const cycle = (closeAt: number, window: number): string => {
      const renders = every(closeAt + window, closeAt + 0.2, 40, (t, i) => render(t, 45 - Math.floor(((t - closeAt) * 60) / 40), i));
      return renders + lines(
        `${pyTime(closeAt)} WARNING pika.channel: Received remote Channel.Close (406): 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more' on <Channel number=1 OPEN conn=<SelectConnection OPEN transport=<pika.adapters.utils.io_services_utils._AsyncPlaintextTransport object at 0x7f3c2b1d4a90> params=<URLParameters host=rabbitmq.billing.svc.cluster.local port=5672 virtual_host=/ ssl=False>>>`,
        `${pyTime(closeAt - 0.001)} ERROR renderer.worker: channel closed by broker: (406, 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more'); 50 unacked deliveries will be redelivered`,
        `${pyTime(closeAt - 0.35)} ERROR renderer.worker: ack failed for INV-2026-${1184226 + k} delivery_tag=46: Channel is closed.`,
        `${pyTime(closeAt - 0.36)} INFO renderer.worker: reconnecting to amqp://rabbitmq.billing.svc.cluster.local:5672/%2F in 5s`,
        `${pyTime(closeAt - 0.45)} INFO renderer.worker: connected (server rabbitmq-${k}.rabbitmq-headless.billing.svc.cluster.local, local ${ip}), consuming queue=invoices.render prefetch_count=50`,
      );
    };
    const o = k * 0.5;
    return cycle(35.1 - o, 3) + cycle(4.6 - o, 29.5) + every(4.6 - o - 1.1, 0.3, 40, (t, i) => render(t, i + 1, i + 60));
  };
  // The broker's side, on the node the first worker is connected to.
  const w0 = podOf(app, 0);
  const brokerLog = lines(
    `${rabbitTime(35.1, '004')} [warning] <0.28841.0> Consumer amq.ctag-Qx3b9Lw2cFz1pT_kV0m1sg on channel 1 has timed out waiting for a consumer acknowledgement of a delivery with delivery tag = 46 on queue 'invoices.render' in vhost '/'. Timeout used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more`,
    `${rabbitTime(35.1, '511')} [error] <0.28841.0> Channel error on connection <0.28822.0> (${ipOfPod(w0)}:41822 -> ${brokerIp}:5672, vhost: '/', user: 'invoice-renderer'), channel 1:`,
    `${rabbitTime(35.1, '511')} [error] <0.28841.0> operation none caused a channel exception precondition_failed: delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more`,
    `${rabbitTime(34.75, '208')} [info] <0.28822.0> closing AMQP connection <0.28822.0> (${ipOfPod(w0)}:41822 -> ${brokerIp}:5672, vhost: '/', user: 'invoice-renderer')`,
    `${rabbitTime(34.65, '871')} [info] <0.29310.0> accepting AMQP connection <0.29310.0> (${ipOfPod(w0)}:52114 -> ${brokerIp}:5672)`,
    `${rabbitTime(34.65, '902')} [info] <0.29310.0> connection <0.29310.0> (${ipOfPod(w0)}:52114 -> ${brokerIp}:5672): user 'invoice-renderer' authenticated and granted access to vhost '/'`,
    `${rabbitTime(20.2, '117')} [info] <0.30002.0> accepting AMQP connection <0.30002.0> (10.0.113.88:39410 -> ${brokerIp}:5672)`,
    `${rabbitTime(20.2, '140')} [info] <0.30002.0> connection <0.30002.0> (10.0.113.88:39410 -> ${brokerIp}:5672): user 'payment-notifier' authenticated and granted access to vhost '/'`,
    `${rabbitTime(4.6, '019')} [warning] <0.29331.0> Consumer amq.ctag-Hn0r5YtQeWm8aZ_c2Lp7dQ on channel 1 has timed out waiting for a consumer acknowledgement of a delivery with delivery tag = 46 on queue 'invoices.render' in vhost '/'. Timeout used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more`,
    `${rabbitTime(4.6, '388')} [error] <0.29331.0> Channel error on connection <0.29310.0> (${ipOfPod(w0)}:52114 -> ${brokerIp}:5672, vhost: '/', user: 'invoice-renderer'), channel 1:`,
    `${rabbitTime(4.6, '388')} [error] <0.29331.0> operation none caused a channel exception precondition_failed: delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more`,
    `${rabbitTime(4.25, '660')} [info] <0.29310.0> closing AMQP connection <0.29310.0> (${ipOfPod(w0)}:52114 -> ${brokerIp}:5672, vhost: '/', user: 'invoice-renderer')`,
    `${rabbitTime(4.15, '233')} [info] <0.31240.0> accepting AMQP connection <0.31240.0> (${ipOfPod(w0)}:58870 -> ${brokerIp}:5672)`,
    `${rabbitTime(4.15, '259')} [info] <0.31240.0> connection <0.31240.0> (${ipOfPod(w0)}:58870 -> ${brokerIp}:5672): user 'invoice-renderer' authenticated and granted access to vhost '/'`,
  );
  const quietBroker = lines(
    `${rabbitTime(6 * 60, '301')} [info] <0.612.0> Free disk space is sufficient. Free bytes: 6894182400. Limit: 2000000000`,
    `${rabbitTime(22.9, '550')} [info] <0.30120.0> closing AMQP connection <0.30120.0> (10.0.113.61:44102 -> ${ipOfPod(podOf(rmq, 2))}:5672, vhost: '/', user: 'payment-notifier')`,
  );
  return {
    id: 'heldout32-rabbitmq-prefetch-outlives-consumer-timeout',
    class: 'rollout',
    truth:
      'invoice-renderer revision 18 (2.4.0, 97 minutes ago) raised RABBITMQ_PREFETCH from 1 to 50 for throughput. Each invoice takes about 40 s to render one at a time, so the 46th prefetched delivery waits more than 30 minutes unacknowledged in the client buffer; RabbitMQ\'s default consumer_timeout (1800000 ms) then closes the channel with 406 PRECONDITION_FAILED "delivery acknowledgement on channel 1 timed out", every unacked delivery is requeued and redelivered, the in-flight ack fails, and the worker reconnects and starts the same batch again — every ~30 minutes on each of the three pods, so the queue never drains and invoices are rendered again and again. The broker (rabbitmq StatefulSet) is healthy. Fix: roll back to revision 17 or set the prefetch to 1–2 (prefetch × job time well under consumer_timeout), or raise consumer_timeout for invoices.render.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rmq.objects, ...claims, ...notifier.objects, rmqConf,
      service({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 'epmd' }, { name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'dist', port: 25672, targetPort: 'dist' }], createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'http-stats', port: 15672, targetPort: 'stats' }], pods: rmq.pods, endpointPort: 5672, createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'payment-notifier', selector: { app: 'payment-notifier' }, pods: notifier.pods }),
      scaledReplicaSet(dep, rsOf(app, 18), 1, 0, 97),
      scaledReplicaSet(dep, rsOf(app, 17), 2, 3, 96.5),
      scaledReplicaSet(dep, rsOf(app, 18), 2, 1, 96.5),
      scaledReplicaSet(dep, rsOf(app, 17), 1, 2, 96),
      scaledReplicaSet(dep, rsOf(app, 18), 3, 2, 96),
      scaledReplicaSet(dep, rsOf(app, 17), 0, 1, 95.5),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 34), 2, 0, 23),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 33), 0, 2, 22),
      ...startedAll(notifier.pods, 'app', `${ECR}/${ns}/payment-notifier:4.9.0`, (i) => 23 - i),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(p, k) })),
      logsFor(podOf(rmq, 0), 'rabbitmq', { current: brokerLog }),
      logsFor(podOf(rmq, 2), 'rabbitmq', { current: quietBroker }),
      ...notifier.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(21.5)} INFO notifier: consuming payments.settled prefetch_count=10`, `${pyTime(3.2)} INFO notifier: sent receipt for pay_8QwLk2 to customer 99120`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prefetch|PRECONDITION_FAILED|acknowledg(e)?ment[^\n]*tim(ed|e) ?out|consumer[_ ]timeout/i, /revision 18|2\.4\.0|prefetch/i],
      facts: [/RABBITMQ_PREFETCH|prefetch[^\n]{0,30}\b50\b/i, /PRECONDITION_FAILED|\b406\b/, /1800000|30 ?min/i, /revision 18|2\.4\.0/],
      never: [/\bOOM/, /rabbitmq-[0-2] (is |was )?(down|crash\w*|unhealthy|not ready)/i, /(broker|rabbitmq) (is )?(down|unavailable|unreachable)/i, /payment-notifier/, /network ?polic/i],
    },
  };
}

// ---- 3. the namespace's PodNodeSelector names a pool label the migrated nodes lost --------------

function namespaceNodeSelectorAfterPoolMigration(): CorpusScenario {
  const ns = 'payments';
  const general = [
    node({ name: eksNodeName('10.0.96.12'), zone: 'eu-west-1a', createdAgo: 21 * DAYS }),
    node({ name: eksNodeName('10.0.97.201'), zone: 'eu-west-1b', createdAgo: 21 * DAYS }),
  ];
  const oldPool = node({
    name: eksNodeName('10.0.98.44'),
    zone: 'eu-west-1c',
    pool: 'payments-m5',
    instanceType: 'm5.xlarge',
    labels: { pool: 'team-payments' },
    unschedulable: true,
    taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(52) }],
    createdAgo: 300 * DAYS,
  });
  const newPool = [
    node({ name: eksNodeName('10.0.99.17'), zone: 'eu-west-1a', pool: 'payments-m7i', instanceType: 'm7i.xlarge', labels: { pool: 'payments', 'acme.io/team': 'payments' }, createdAgo: 58, readySince: 57 }),
    node({ name: eksNodeName('10.0.99.142'), zone: 'eu-west-1b', pool: 'payments-m7i', instanceType: 'm7i.xlarge', labels: { pool: 'payments', 'acme.io/team': 'payments' }, createdAgo: 58, readySince: 56.6 }),
  ];
  const gone = eksNodeName('10.0.98.173');
  const nsObj = namespace({ name: ns, createdAgo: 700 * DAYS, labels: { 'acme.io/team': 'payments', 'pod-security.kubernetes.io/enforce': 'baseline' } });
  nsObj.metadata = {
    ...nsObj.metadata,
    annotations: { 'scheduler.alpha.kubernetes.io/node-selector': 'pool=team-payments' },
    managedFields: [
      ...(nsObj.metadata?.managedFields ?? []),
      { manager: 'kubectl-annotate', operation: 'Update', apiVersion: 'v1', time: ago(410 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { '.': {}, 'f:scheduler.alpha.kubernetes.io/node-selector': {} } } } },
    ],
  };
  const message = '0/5 nodes are available: 1 node(s) were unschedulable, 4 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.';
  const gwImage = `${ECR}/payments/payment-gateway:7.21.3`;
  const gw = deploymentApp({
    namespace: ns,
    name: 'payment-gateway',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 11 * DAYS, changeCause: 'argocd: payment-gateway 7.21.2', template: { containers: [container({ image: `${ECR}/payments/payment-gateway:7.21.2`, memory: '768Mi', cpu: '500m' })], serviceAccountName: 'payment-gateway' } },
      { revision: 58, createdAgo: 3 * DAYS, changeCause: 'argocd: payment-gateway 7.21.3', template: { containers: [container({ image: gwImage, memory: '768Mi', cpu: '500m' })], serviceAccountName: 'payment-gateway' } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: null, createdAgo: 47.2 - k * 0.3, unschedulable: message })),
    settled: { available: false, availableSince: 47, progressingSince: 3 * DAYS },
  });
  const wh = deploymentApp({
    namespace: ns,
    name: 'payment-webhooks',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 20 * DAYS, changeCause: 'argocd: payment-webhooks 1.9.0', template: { containers: [container({ image: `${ECR}/payments/payment-webhooks:1.9.0`, memory: '256Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 12, node: null, createdAgo: 46.9 - k * 0.2, unschedulable: message })),
    settled: { available: false, availableSince: 46.9, progressingSince: 20 * DAYS },
  });
  // What PodNodeSelector admission merged into every pod: the templates carry no nodeSelector.
  for (const p of [...gw.pods, ...wh.pods]) if (p.spec) p.spec.nodeSelector = { pool: 'team-payments' };
  const caWhy = '1 max node group size reached, 2 node(s) didn\'t match Pod\'s node affinity/selector';
  const oldNames = (rs: string, suffixes: string[]) => suffixes.map((s) => `${rs}-${s}`);
  const evictedGw = oldNames(rsOf(gw, 58), ['x7kqp', 'm2bzt', '9fwhd']);
  const evictedWh = oldNames(rsOf(wh, 12), ['r4nsc', 'q8vjl']);
  const allNodes = [...general, oldPool, ...newPool];
  return {
    id: 'heldout32-namespace-podnodeselector-stale-pool-label',
    class: 'scheduling',
    truth:
      'The payments namespace has carried the PodNodeSelector annotation scheduler.alpha.kubernetes.io/node-selector: pool=team-payments for over a year, so admission adds nodeSelector pool=team-payments to every pod there (the Deployment templates have none). Tonight the platform team migrated the dedicated node group payments-m5 to payments-m7i, whose nodes are labelled pool=payments (the new naming scheme): they cordoned and drained the old nodes 52 minutes ago (one is still there, cordoned; the other is gone). Every evicted payment-gateway and payment-webhooks pod was recreated with the injected selector and matches no schedulable node, so all five pods have been Pending for 47 minutes; the cluster autoscaler cannot help (the old group is at max size 0, the others do not match). Fix: change the namespace annotation to pool=payments (or label the new nodes pool=team-payments), then delete the Pending pods so they are re-admitted with the new selector.',
    ask: { service: 'payment-gateway', namespace: ns },
    objects: [
      nsObj, ...allNodes, ...gw.objects, ...wh.objects,
      ...exposed({ namespace: ns, name: 'payment-gateway', selector: { app: 'payment-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: wh.pods }),
      configMap({ namespace: ns, name: 'payment-gateway-config', createdAgo: 200 * DAYS, data: { PSP_ENDPOINT: 'https://api.psp.example/v3', PSP_TIMEOUT_MS: '8000' } }),
      nodeEvent(oldPool.metadata?.name ?? '', 'NodeNotSchedulable', `Node ${oldPool.metadata?.name ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 52 }),
      nodeEvent(gone, 'NodeNotSchedulable', `Node ${gone} status is now: NodeNotSchedulable`, { firstAgo: 52 }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 44, component: 'node-controller' }),
      ...newPool.flatMap((n) => [
        nodeEvent(nameOf(n), 'RegisteredNode', `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, { firstAgo: 57.8, component: 'node-controller' }),
        nodeEvent(nameOf(n), 'Starting', 'Starting kubelet.', { firstAgo: 57.9 }),
        nodeEvent(nameOf(n), 'InvalidDiskCapacity', 'invalid capacity 0 on image filesystem', { type: 'Warning', firstAgo: 57.9 }),
        nodeEvent(nameOf(n), 'NodeReady', `Node ${nameOf(n)} status is now: NodeReady`, { firstAgo: 57 }),
      ]),
      ...[...evictedGw, ...evictedWh].map((n, i) => event({ on: { kind: 'Pod', name: n, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 47.3 - i * 0.1, lastAgo: 47.3 - i * 0.1, fieldPath: 'spec.containers{app}' })),
      ...gw.pods.map((p, k) => createdPod(replicaSetOf(gw, 58), p, 47.2 - k * 0.3)),
      ...wh.pods.map((p, k) => createdPod(replicaSetOf(wh, 12), p, 46.9 - k * 0.2)),
      ...[...gw.pods, ...wh.pods].flatMap((p, i) => [
        failedScheduling(p, message, { count: 14 - i, firstAgo: 47.2 - i * 0.1, lastAgo: 2.1 + i * 0.4 }),
        notTriggerScaleUp(p, caWhy, { count: 280 - i * 3, firstAgo: 47 - i * 0.1, lastAgo: 0.4 + i * 0.1 }),
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/team-payments/, /namespace|node-selector|PodNodeSelector/i],
      facts: [lit('scheduler.alpha.kubernetes.io/node-selector'), /pool[=:] ?"?payments(?![-\w])/, /didn't match Pod's node affinity\/selector|node affinity\/selector|no (schedulable )?node (matches|has|carries)/i, /Pending/],
      never: [/uncordon/i, /Insufficient (cpu|memory)/i, /quota/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 4. a Service copied from a headless one publishes not-ready, warming pods ------------------

function publishNotReadyWarmingPods(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.128', ['36', '171', '244']);
  const image = `${ECR}/search/search-api:9.4.2`;
  const tpl: TemplateOpts = {
    containers: [
      container({
        image,
        cpu: '2',
        memory: '6Gi',
        env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+UseG1GC' }, { name: 'SEARCH_INDEX_PATH', value: '/index' }, { name: 'OPENSEARCH_URL', value: 'http://opensearch.search.svc:9200' }],
        readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5, failureThreshold: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 240, periodSeconds: 10, failureThreshold: 6 }),
        volumeMounts: [{ name: 'index', mountPath: '/index' }],
      }),
    ],
    volumes: [{ name: 'index', emptyDir: { sizeLimit: '30Gi' } }],
    serviceAccountName: 'search-api',
  };
  const scaleAgo = 2.5;
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 6,
    revisions: [
      { revision: 30, createdAgo: 16 * DAYS, changeCause: 'argocd: search-api 9.4.1', template: { ...tpl, containers: [container({ image: `${ECR}/search/search-api:9.4.1`, cpu: '2', memory: '6Gi' })] } },
      { revision: 31, createdAgo: 2 * DAYS, changeCause: 'argocd: search-api 9.4.2', template: tpl },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 2 * DAYS - k * 4 })),
      ...[4, 5].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: scaleAgo - (k - 4) * 0.05, ready: false, containers: { app: running({ sinceAgo: scaleAgo - 0.1, ready: false }) } })),
    ],
    settled: { available: false, availableSince: scaleAgo, progressingSince: 2 * DAYS, progressingUpdatedAgo: scaleAgo },
  });
  // The manifest was copied from opensearch-headless nine days ago: a normal cluster IP, but
  // publishNotReadyAddresses came along.
  const svc = service({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], createdAgo: 9 * DAYS });
  if (svc.spec) svc.spec.publishNotReadyAddresses = true;
  const slice = endpointSliceFor(svc, app.pods, 8080);
  const osTpl: TemplateOpts = {
    containers: [container({ name: 'opensearch', image: 'opensearchproject/opensearch:2.17.1', ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi', readiness: tcpProbe(9200, { periodSeconds: 5 }), liveness: tcpProbe(9300, { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/usr/share/opensearch/data' }] })],
    serviceAccountName: 'opensearch',
  };
  const os = statefulSetApp({
    namespace: ns,
    name: 'opensearch',
    replicas: 3,
    serviceName: 'opensearch-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 6, createdAgo: 40 * DAYS, template: osTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 40 * DAYS - k * 2 })),
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const osClaims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-opensearch-${k}`, storage: '200Gi', zone: zones[k] ?? 'eu-west-1a', createdAgo: 400 * DAYS }));
  // The caller, in its own namespace.
  const bff = deploymentApp({
    namespace: 'storefront',
    name: 'storefront-bff',
    replicas: 3,
    revisions: [{ revision: 112, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront-bff 15.2.0', template: { containers: [container({ image: `${ECR}/storefront/storefront-bff:15.2.0`, ports: [3000], memory: '512Mi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 112, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const fresh = [podOf(app, 4), podOf(app, 5)];
  const dep = deploymentOf(app);
  const searchIp = '172.20.41.77';
  const springLog = (k: number): string => {
    const s = scaleAgo - 0.1 - k * 0.05;
    const shardAt = (n: number) => s - 0.62 - n * 0.2;
    const loadedBy = (t: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((n) => shardAt(n) >= t).length;
    const entries: [number, string][] = [
      [s - 0.01, spring(s - 0.01, 'INFO', 'search-api', 'main', 'c.acme.search.SearchApiApplication', 'Starting SearchApiApplication v9.4.2 using Java 21.0.5 with PID 1 (/app/search-api.jar started by app in /app)')],
      [s - 0.6, spring(s - 0.6, 'INFO', 'search-api', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\'')],
      [s - 0.61, spring(s - 0.61, 'INFO', 'search-api', 'main', 'c.acme.search.SearchApiApplication', 'Started SearchApiApplication in 36.412 seconds (process running for 37.9)')],
      [s - 0.62, spring(s - 0.62, 'INFO', 'search-api', 'main', 'c.a.search.index.VectorIndexWarmer', 'Readiness REFUSING_TRAFFIC until the vector index is loaded: 12 shards, 23.1 GiB')],
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n): [number, string] => [shardAt(n), spring(shardAt(n), 'INFO', 'search-api', 'index-warmer-1', 'c.a.search.index.VectorIndexWarmer', `Loaded vector index shard ${n}/12 in ${(11.4 + ((n * 7) % 9) / 10).toFixed(1)}s (heap used ${(1.2 + n * 0.19).toFixed(1)} GiB)`)]),
      ...every(s - 0.63, 0.05, 4.7, (t, n) => `${t}|${n}\n`).split('\n').filter(Boolean).map((x): [number, string] => {
        const [ts, ns] = x.split('|');
        const t = Number(ts) - ((Number(ns) * 7919) % 997) / 60000;
        const n = Number(ns);
        return [t, spring(t, 'WARN', 'search-api', `http-nio-8080-exec-${(n % 10) + 1}`, 'c.acme.search.web.WarmupGateFilter', `503 GET /v2/search - index warming (${loadedBy(t)}/12 shards), client ${['10.0.129.61', '10.0.130.12', '10.0.128.200'][n % 3] ?? ''}`)];
      }),
    ];
    return lines(
      ...entries.filter(([t]) => t > 0.01).sort((a, b) => b[0] - a[0]).map(([, l]) => l),
    );
  };
  const bffLog = (k: number): string => every(2.35, 0.1, 9, (t, i) => {
    const refused = t > scaleAgo - 0.75;
    const err = refused
      ? `"err":{"type":"Error","message":"connect ECONNREFUSED ${searchIp}:80","code":"ECONNREFUSED","errno":-111,"syscall":"connect","address":"${searchIp}","port":80}`
      : `"err":{"type":"UpstreamError","message":"search-api responded 503: index warming","status":503}`;
    return i % 3 === k ? lines(`{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(podOf(bff, k))}","reqId":"req-${(4000 + i * 17).toString(36)}","upstream":"http://search-api.search.svc.cluster.local/v2/search",${err},"msg":"search upstream failed"}`) :
      lines(`{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(podOf(bff, k))}","reqId":"req-${(4000 + i * 17).toString(36)}","res":{"statusCode":200},"responseTime":${38 + (i % 9)},"msg":"request completed"}`);
  });
  return {
    id: 'heldout32-publish-not-ready-addresses-warming-pods',
    class: 'network',
    truth:
      'Nine days ago the search-api Service was rewritten from a manifest copied from the opensearch StatefulSet\'s headless Service, and publishNotReadyAddresses: true came along. search-api loads a 23 GiB vector index for about four minutes after start and is correctly not Ready meanwhile, but with publishNotReadyAddresses the EndpointSlice publishes its pods as ready (serving=false) and kube-proxy sends them traffic anyway. So after every scale-up or rollout the callers get connection refused (before Tomcat listens) and then 503 "index warming" from the new pods — now after the HPA scaled 4 → 6 two and a half minutes ago. The probes and the HPA are right; the pods are not broken. Fix: remove publishNotReadyAddresses from the search-api Service (it only belongs on the headless Service of the StatefulSet).',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, svc, slice, ...os.objects, ...osClaims, ...bff.objects,
      service({ namespace: ns, name: 'opensearch-headless', selector: { app: 'opensearch' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 'http' }, { name: 'transport', port: 9300, targetPort: 'transport' }], createdAgo: 400 * DAYS }),
      ...exposed({ namespace: ns, name: 'opensearch', selector: { app: 'opensearch' }, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], pods: os.pods, endpointPort: 9200, createdAgo: 400 * DAYS }),
      ...exposed({ namespace: 'storefront', name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: bff.pods, endpointPort: 3000 }),
      hpa({ namespace: ns, name: 'search-api', target: { kind: 'Deployment', name: 'search-api' }, min: 4, max: 12, current: 6, desired: 6, cpu: { current: 81, target: 65, averageValue: '1620m' }, lastScaleAgo: scaleAgo }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaleAgo, lastAgo: scaleAgo, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: All metrics below target', firstAgo: 9 * 60, lastAgo: 9 * 60, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rsOf(app, 31), 6, 4, scaleAgo),
      ...fresh.flatMap((p, k) => [
        ...startedNormally(p, 'app', image, scaleAgo - k * 0.05),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 7, firstAgo: scaleAgo - 0.1, lastAgo: scaleAgo - 0.65 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 20 - k, firstAgo: scaleAgo - 0.7, lastAgo: 0.1 }),
      ]),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'app', { current: springLog(k) })),
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: lines(spring(6, 'INFO', 'search-api', 'scheduling-1', 'c.a.search.index.IndexRefresher', 'Refreshed 1842 documents from opensearch in 412 ms'), spring(1, 'INFO', 'search-api', 'scheduling-1', 'c.a.search.index.IndexRefresher', 'Refreshed 2210 documents from opensearch in 455 ms')) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(bff, k), 'app', { current: bffLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/publishNotReadyAddresses|publish(es|ing)? not[- ]ready|not[- ]ready (pods|endpoints|addresses)[^\n]*(traffic|receiv|service)/i, /service/i],
      facts: [lit('publishNotReadyAddresses'), /warm(s|ing)?[- ]?up|warming/i, /\b503\b|connection refused|ECONNREFUSED/i, /serving[=: ]*false|not ready|unready|ready=false/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /opensearch(-\d)?[^\n]{0,30}(down|unhealthy|slow|fail|cause)/i, /(raise|increase|lengthen|extend)[^\n]*(initialDelaySeconds|failureThreshold|periodSeconds|probe)/i, /network ?polic/i],
    },
  };
}

// ---- 5. Redis replicas loop on full resync: the primary's replica output buffer limit ----------

function redisReplicaOutputBufferLoop(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.200', ['23', '140', '91']);
  const redisImage = 'docker.io/bitnami/redis:7.2.5-debian-12-r4';
  const base = { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'catalog-redis' };
  const redisTpl = (role: 'master' | 'replica'): TemplateOpts => ({
    containers: [
      container({
        name: 'redis',
        image: redisImage,
        command: ['/bin/bash'],
        args: ['-c', `/opt/bitnami/scripts/start-scripts/start-${role}.sh`],
        ports: [{ name: 'redis', containerPort: 6379 }],
        cpu: '1',
        memory: '14Gi',
        env: [
          { name: 'REDIS_REPLICATION_MODE', value: role === 'master' ? 'master' : 'replica' },
          ...(role === 'replica' ? [{ name: 'REDIS_MASTER_HOST', value: 'catalog-redis-master-0.catalog-redis-headless.catalog.svc.cluster.local' }, { name: 'REDIS_MASTER_PORT_NUMBER', value: '6379' }] : []),
          { name: 'ALLOW_EMPTY_PASSWORD', value: 'no' },
          { name: 'REDIS_PASSWORD_FILE', value: '/opt/bitnami/redis/secrets/redis-password' },
        ],
        readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5 }),
        liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }),
        volumeMounts: [{ name: 'redis-data', mountPath: '/data' }, { name: 'config', mountPath: '/opt/bitnami/redis/mounted-etc' }, { name: 'health', mountPath: '/health' }, { name: 'start-scripts', mountPath: '/opt/bitnami/scripts/start-scripts' }],
      }),
    ],
    volumes: [
      { name: 'config', configMap: { name: 'catalog-redis-configuration' } },
      { name: 'health', configMap: { name: 'catalog-redis-health', defaultMode: 493 } },
      { name: 'start-scripts', configMap: { name: 'catalog-redis-scripts', defaultMode: 493 } },
    ],
    serviceAccountName: 'catalog-redis',
    terminationGracePeriodSeconds: 30,
  });
  const master = statefulSetApp({
    namespace: ns,
    name: 'catalog-redis-master',
    replicas: 1,
    selector: { ...base, 'app.kubernetes.io/component': 'master' },
    serviceName: 'catalog-redis-headless',
    revisions: [{ revision: 3, createdAgo: 19 * DAYS, template: redisTpl('master') }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '32Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 19 * DAYS }],
    createdAgo: 260 * DAYS,
  });
  const replicas = statefulSetApp({
    namespace: ns,
    name: 'catalog-redis-replicas',
    replicas: 2,
    selector: { ...base, 'app.kubernetes.io/component': 'replica' },
    serviceName: 'catalog-redis-headless',
    revisions: [{ revision: 3, createdAgo: 19 * DAYS, template: redisTpl('replica') }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '32Gi' }],
    pods: [0, 1].map((k) => ({ revision: 3, ordinal: k, node: names[k + 1] ?? '', createdAgo: 19 * DAYS - 1 - k })),
    createdAgo: 260 * DAYS,
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [
    ...boundClaim({ namespace: ns, name: 'redis-data-catalog-redis-master-0', storage: '32Gi', zone: zones[0] ?? '', createdAgo: 260 * DAYS }),
    ...[0, 1].flatMap((k) => boundClaim({ namespace: ns, name: `redis-data-catalog-redis-replicas-${k}`, storage: '32Gi', zone: zones[k + 1] ?? '', createdAgo: 260 * DAYS })),
  ];
  const redisConf = configMap({
    namespace: ns,
    name: 'catalog-redis-configuration',
    createdAgo: 260 * DAYS,
    updatedAgo: 90 * DAYS,
    data: {
      'redis.conf': [
        '# User-supplied common configuration:',
        '# Enable AOF https://redis.io/topics/persistence#append-only-file',
        'appendonly yes',
        '# Disable RDB persistence, AOF persistence already enabled.',
        'save ""',
        'maxmemory 12gb',
        'maxmemory-policy noeviction',
        'replica-serve-stale-data no',
        'repl-backlog-size 64mb',
        'client-output-buffer-limit replica 256mb 64mb 60',
        '# End of common configuration',
        '',
      ].join('\n'),
      'master.conf': 'dir /data\n# User-supplied master configuration:\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n# End of master configuration\n',
      'replica.conf': 'dir /data\nslave-read-only yes\n# User-supplied replica configuration:\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n# End of replica configuration\n',
    },
  });
  const appImage = `${ECR}/catalog/catalog-api:1.42.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 8 * DAYS, changeCause: 'argocd: catalog-api 1.41.3', template: { containers: [container({ image: `${ECR}/catalog/catalog-api:1.41.3`, ports: [3000], memory: '512Mi' })] } },
      { revision: 64, createdAgo: 31, changeCause: 'argocd: catalog-api 1.42.0', template: { containers: [container({ image: appImage, ports: [3000], memory: '512Mi', env: [{ name: 'REDIS_READ_URL', value: 'redis://catalog-redis-replicas:6379' }, { name: 'REDIS_WRITE_URL', value: 'redis://catalog-redis-master:6379' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 31 - k * 0.5 })),
  });
  const reindex = cronJob({
    namespace: ns,
    name: 'catalog-reindex',
    schedule: '0 2 * * *',
    template: { containers: [batchContainer({ name: 'reindex', image: `${ECR}/catalog/catalog-indexer:3.8.0`, args: ['reindex', '--source=pim', '--target=redis://catalog-redis-master:6379', '--pipeline=2000'], cpu: '2', memory: '2Gi' })] },
    jobs: [
      { createdAgo: 1 * DAYS + 74, pods: [{ node: names[2] ?? '', createdAgo: 1 * DAYS + 74, phase: 'Succeeded', containers: { reindex: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(1 * DAYS + 74), finishedAt: ago(1 * DAYS + 38) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 1 * DAYS + 38 } },
      { createdAgo: 74, pods: [{ node: names[2] ?? '', createdAgo: 74 }] },
    ],
    lastSuccessfulAgo: 1 * DAYS + 38,
  });
  const m0 = podOf(master, 0);
  const mIp = ipOfPod(m0);
  const r = [podOf(replicas, 0), podOf(replicas, 1)];
  const rIp = r.map(ipOfPod);
  const masterHost = 'catalog-redis-master-0.catalog-redis-headless.catalog.svc.cluster.local';
  const rdbBytes = 6214582310;
  const replid = '7c1e9a0d4b2f6e8a1c3d5b7f9e0a2c4d6b8f0e1a';
  // The loop, one turn every ~82 s: both replicas ask for a sync, share one BGSAVE (~50 s), start
  // receiving a 6 GB payload, and the writes queued for them meanwhile stay over the 64mb soft
  // limit for 60 s, so the primary drops them both before the transfer ends; they ask again.
  const loadedTurn = 12.6;
  const turns = [10.2, 8.83, 7.46, 6.09, 4.72, 3.35, 1.98];
  const inProgress = 0.61;
  const clientLine = (t: number, k: number, id: number, age: number): [number, string] => [t, `1:M ${redisTime(t)} # Client id=${id} addr=${rIp[k] ?? ''}:${39112 + (id % 9000)} laddr=${mIp}:6379 fd=${28 + k} name= age=${age + k} idle=0 flags=S db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=${3911 + k * 17} omem=${251803640 + k * 1048576} tot-mem=${251805624 + k * 1048576} events=r cmd=psync user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits.`];
  // The offset a replica asks to continue from when it still has a cached master.
  const requested = (n: number): number => 88950122016 + (n - 1) * 104729 + 48213;
  const masterAsk = (t: number, n: number, cached: boolean): [number, string][] => {
    const pid = 5102 + n * 37;
    const answer = (ip: string, m: number): string => (cached ? `1:M ${redisTime(m)} * Unable to partial resync with replica ${ip}:6379 for lack of backlog (Replica request was: ${requested(n)}).` : `1:M ${redisTime(m)} * Full resync requested by replica ${ip}:6379`);
    return [
      [t, `1:M ${redisTime(t)} * Replica ${rIp[0] ?? ''}:6379 asks for synchronization`],
      [t - 0.0001, answer(rIp[0] ?? '', t - 0.0001)],
      [t - 0.0002, `1:M ${redisTime(t - 0.0002)} * Starting BGSAVE for SYNC with target: disk`],
      [t - 0.004, `1:M ${redisTime(t - 0.004)} * Background saving started by pid ${pid}`],
      [t - 0.01, `1:M ${redisTime(t - 0.01)} * Replica ${rIp[1] ?? ''}:6379 asks for synchronization`],
      [t - 0.0101, answer(rIp[1] ?? '', t - 0.0101)],
      [t - 0.0102, `1:M ${redisTime(t - 0.0102)} * Waiting for end of BGSAVE for SYNC`],
      [t - 0.8, `${pid}:C ${redisTime(t - 0.8)} * DB saved on disk`],
      [t - 0.8001, `${pid}:C ${redisTime(t - 0.8001)} * Fork CoW for RDB: current 1421 MB, peak 1421 MB, average 802 MB`],
      [t - 0.81, `1:M ${redisTime(t - 0.81)} * Background saving terminated with success`],
    ];
  };
  const masterDrop = (at: number, n: number, age: number): [number, string][] => [
    clientLine(at, 0, 48213 + n * 11, age),
    [at - 0.0001, `1:M ${redisTime(at - 0.0001)} * Connection with replica ${rIp[0] ?? ''}:6379 lost.`],
    clientLine(at - 0.002, 1, 48214 + n * 11, age),
    [at - 0.0021, `1:M ${redisTime(at - 0.0021)} * Connection with replica ${rIp[1] ?? ''}:6379 lost.`],
  ];
  // A contiguous tail (`kubectl logs --tail`), oldest first, nothing after NOW.
  const chronological = (entries: [number, string][]): string => lines(...[...entries].filter(([t]) => t > 0.01).sort((a, b) => b[0] - a[0]).map(([, l]) => l));
  const masterLog = chronological([
    ...masterAsk(loadedTurn, 38, true),
    [loadedTurn - 1.5, `1:M ${redisTime(loadedTurn - 1.5)} * Synchronization with replica ${rIp[0] ?? ''}:6379 succeeded`],
    [loadedTurn - 1.51, `1:M ${redisTime(loadedTurn - 1.51)} * Synchronization with replica ${rIp[1] ?? ''}:6379 succeeded`],
    ...masterDrop(loadedTurn - 2.35, 38, 141),
    ...turns.flatMap((t, n) => [...masterAsk(t, n + 40, n === 0), ...masterDrop(t - 1.35, n + 40, 81)]),
    ...masterAsk(inProgress, 47, false),
  ]);
  // The same turns, seen from a replica.
  const replicaTurn = (t: number, k: number, n: number, end: 'lost' | 'loaded' | 'open', cached: boolean): [number, string][] => {
    const d = k * 0.01;
    const s = t - d;
    const out: [number, string][] = [
      [s + 0.0004, `1:S ${redisTime(s + 0.0004)} * Connecting to MASTER ${masterHost}:6379`],
      [s + 0.0003, `1:S ${redisTime(s + 0.0003)} * MASTER <-> REPLICA sync started`],
      [s + 0.0002, `1:S ${redisTime(s + 0.0002)} * Non blocking connect for SYNC fired the event.`],
      [s + 0.0001, `1:S ${redisTime(s + 0.0001)} * Master replied to PING, replication can continue...`],
      [s + 0.00005, cached ? `1:S ${redisTime(s + 0.00005)} * Trying a partial resynchronization (request ${replid}:${requested(n)}).` : `1:S ${redisTime(s + 0.00005)} * Partial resynchronization not possible (no cached master)`],
      [s, `1:S ${redisTime(s)} * Full resync from master: ${replid}:${88950122016 + n * 104729}`],
      ...(cached ? [[s - 0.00001, `1:S ${redisTime(s - 0.00001)} * Discarding previously cached master state.`] as [number, string]] : []),
      [t - 0.81, `1:S ${redisTime(t - 0.81)} * MASTER <-> REPLICA sync: receiving ${rdbBytes + n * 4093} bytes from master to disk`],
    ];
    if (end === 'lost') out.push([t - 1.35 - d * 0.2, `1:S ${redisTime(t - 1.35 - d * 0.2)} # I/O error trying to sync with MASTER: connection lost`]);
    if (end === 'open') return out.slice(0, 6 + (cached ? 1 : 0));
    if (end === 'loaded') {
      out.push(
        [t - 1.511, `1:S ${redisTime(t - 1.511)} * MASTER <-> REPLICA sync: Flushing old data`],
        [t - 1.62, `1:S ${redisTime(t - 1.62)} * MASTER <-> REPLICA sync: Loading DB in memory`],
        [t - 1.6201, `1:S ${redisTime(t - 1.6201)} * Loading RDB produced by version 7.2.5`],
        [t - 1.6202, `1:S ${redisTime(t - 1.6202)} * RDB age 92 seconds`],
        [t - 1.6203, `1:S ${redisTime(t - 1.6203)} * RDB memory usage when created 7012.44 Mb`],
        [t - 2.3, `1:S ${redisTime(t - 2.3)} * Done loading RDB, keys loaded: 21480112, keys expired: 1203.`],
        [t - 2.3001, `1:S ${redisTime(t - 2.3001)} * MASTER <-> REPLICA sync: Finished with success`],
        [t - 2.35, `1:S ${redisTime(t - 2.35)} # Connection with master lost.`],
        [t - 2.3501, `1:S ${redisTime(t - 2.3501)} * Caching the disconnected master state.`],
      );
    }
    return out;
  };
  const replicaLog = (k: number): string => chronological([
    ...replicaTurn(loadedTurn, k, 38, 'loaded', true),
    ...turns.map((t, n) => replicaTurn(t, k, n + 40, 'lost', n === 0)).flat(),
    ...replicaTurn(inProgress, k, 47, 'open', false),
  ]);
  const apiLog = (p: k8s.V1Pod, k: number): string => every(4, 0.1, 11, (t, i) => {
    const t0 = ago(t).getTime() + ((i * 137 + k * 61) % 1000);
    const host = nameOf(p);
    if ((i + k) % 2 === 0) {
      const msg = 'MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to \'no\'.';
      return lines(`{"level":50,"time":${t0},"pid":1,"hostname":"${host}","req":{"method":"GET","url":"/v1/products/${880120 + i * 37}"},"err":{"type":"ReplyError","message":"${msg}","stack":"ReplyError: ${msg}\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"hgetall","args":["product:${880120 + i * 37}"]}},"msg":"product lookup failed"}`, `{"level":30,"time":${t0 + 3},"pid":1,"hostname":"${host}","res":{"statusCode":503},"responseTime":4,"msg":"request completed"}`);
    }
    return lines(`{"level":30,"time":${t0},"pid":1,"hostname":"${host}","res":{"statusCode":200},"responseTime":${11 + (i % 7)},"msg":"request completed"}`);
  });
  const reindexPod = reindex.jobs[1]?.pods[0];
  const headless = service({ namespace: ns, name: 'catalog-redis-headless', selector: base, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], createdAgo: 260 * DAYS });
  return {
    id: 'heldout32-redis-replica-output-buffer-resync-loop',
    class: 'config',
    truth:
      'The catalog Redis (bitnami layout: catalog-redis-master-0 and two replicas) runs with client-output-buffer-limit replica 256mb 64mb 60 (catalog-redis-configuration). Since the Black Friday import the dataset is about 6.2 GB and tonight\'s catalog-reindex job (started 02:00) writes tens of MB per second. 68 minutes ago the primary dropped both replicas for overcoming the replica output buffer limit; the 64 MB backlog is too small for a partial resync, and every full resync since (a ~50 s BGSAVE, then a 6 GB transfer) keeps the write stream queued for the replicas above the 64mb soft limit for 60 s (on its way to the 256mb hard limit), so the primary closes them ("scheduled to be closed ASAP for overcoming of output buffer limits") before the transfer ends and they start over, about every 80 s. The replicas never finish: with replica-serve-stale-data no they answer MASTERDOWN (or LOADING while loading), so catalog-api\'s reads through catalog-redis-replicas fail with 503. The primary, the nodes and catalog-api\'s new revision are fine. Fix: raise the replica output buffer limit on the primary (CONFIG SET client-output-buffer-limit "replica 2gb 1gb 120" now, and in the ConfigMap), and a larger repl-backlog-size; pausing the reindex lets the replicas catch up.',
    ask: { service: 'catalog-redis-replicas', namespace: ns },
    objects: [
      ...nodes, ...master.objects, ...replicas.objects, ...claims, redisConf, ...api.objects, ...reindex.objects,
      headless, endpointSliceFor(headless, [...master.pods, ...replicas.pods], 6379),
      ...exposed({ namespace: ns, name: 'catalog-redis-master', selector: { ...base, 'app.kubernetes.io/component': 'master' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], pods: master.pods, endpointPort: 6379, createdAgo: 260 * DAYS }),
      ...exposed({ namespace: ns, name: 'catalog-redis-replicas', selector: { ...base, 'app.kubernetes.io/component': 'replica' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], pods: replicas.pods, endpointPort: 6379, createdAgo: 260 * DAYS }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: api.pods, endpointPort: 3000 }),
      ...r.map((p, k) => probeFailed(p, 'redis', 'Readiness', 'LOADING Redis is loading the dataset in memory', { count: 61 - k * 4, firstAgo: 66.2 - k * 0.5, lastAgo: 10.35 + k * 0.01 })),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 64), 3, 0, 31),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 63), 0, 3, 30),
      ...startedAll(api.pods, 'app', appImage, (i) => 31 - i * 0.5),
      ...(reindexPod === undefined ? [] : startedNormally(reindexPod, 'reindex', `${ECR}/catalog/catalog-indexer:3.8.0`, 74)),
    ],
    logs: [
      logsFor(m0, 'redis', { current: masterLog }),
      ...r.map((p, k) => logsFor(p, 'redis', { current: replicaLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      ...(reindexPod === undefined ? [] : [logsFor(reindexPod, 'reindex', { current: every(70, 0.5, 300, (t, i) => lines(`${pyTime(t)} INFO indexer: reindexed ${((i + 1) * 0.31).toFixed(2)}M/4.62M products (pipeline=2000) rate=${(24.1 + (i % 5) / 10).toFixed(1)}k keys/s`)) })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/output[- ]buffer|client-output-buffer-limit|buffer limit/i, /replica|resync|sync/i],
      facts: [/256 ?mb/i, /MASTERDOWN|Link with MASTER is down/i, /catalog-redis-master(-0)?/, /full (re)?sync|MASTER <-> REPLICA sync|resync/i],
      never: [/\bOOM/, /crash ?loop/i, /network ?polic/i, /\bDNS\b/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. a producer revision renames its Kafka topic; the brokers do not auto-create topics ------

function kafkaTopicRenamedNotCreated(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.160', ['58', '187', '12']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const bootstrap = 'kafka-0.kafka-headless.kafka.svc.cluster.local:9092,kafka-1.kafka-headless.kafka.svc.cluster.local:9092,kafka-2.kafka-headless.kafka.svc.cluster.local:9092';
  const tpl = (v: string, topic: string): TemplateOpts => ({
    containers: [
      container({
        image: image(v),
        cpu: '1',
        memory: '1536Mi',
        env: [
          { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
          { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: bootstrap },
          { name: 'ORDERS_TOPIC', value: topic },
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      }),
    ],
    serviceAccountName: 'order-service',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: order-service 3.11.4', template: tpl('3.11.4', 'orders') },
      { revision: 41, createdAgo: 26, changeCause: 'argocd: order-service 3.12.0', template: tpl('3.12.0', 'orders.v2') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 26 - k * 0.6 })),
  });
  const dep = deploymentOf(app);
  const history = bystander(ns, 'order-history', names, 12, { revisions: [19, 20], versions: ['2.2.0', '2.2.1'], olderAgo: 30 * DAYS });
  const kafkaTpl: TemplateOpts = {
    containers: [
      container({
        name: 'kafka',
        image: 'docker.io/bitnami/kafka:3.7.1-debian-12-r4',
        ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }, { name: 'interbroker', containerPort: 9094 }],
        cpu: '2',
        memory: '8Gi',
        readiness: tcpProbe('client', { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }),
        liveness: execProbe(['pgrep', '-f', 'kafka'], { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5 }),
        volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }, { name: 'kafka-config', mountPath: '/config' }],
      }),
    ],
    volumes: [{ name: 'kafka-config', configMap: { name: 'kafka-configuration' } }],
    serviceAccountName: 'kafka',
  };
  const kafka = statefulSetApp({
    namespace: 'kafka',
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, template: kafkaTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 9, ordinal: k, node: names[k] ?? '', createdAgo: 33 * DAYS - k * 4 })),
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const kafkaClaims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: 'kafka', name: `data-kafka-${k}`, storage: '500Gi', zone: zones[k] ?? '', createdAgo: 500 * DAYS }));
  const kafkaConf = configMap({
    namespace: 'kafka',
    name: 'kafka-configuration',
    createdAgo: 500 * DAYS,
    updatedAgo: 33 * DAYS,
    data: {
      'server.properties': [
        'process.roles=controller,broker',
        'controller.quorum.voters=0@kafka-0.kafka-headless.kafka.svc.cluster.local:9093,1@kafka-1.kafka-headless.kafka.svc.cluster.local:9093,2@kafka-2.kafka-headless.kafka.svc.cluster.local:9093',
        'listeners=CLIENT://:9092,CONTROLLER://:9093,INTERNAL://:9094',
        'inter.broker.listener.name=INTERNAL',
        'controller.listener.names=CONTROLLER',
        'log.dirs=/bitnami/kafka/data',
        'num.partitions=12',
        'default.replication.factor=3',
        'min.insync.replicas=2',
        'offsets.topic.replication.factor=3',
        'transaction.state.log.replication.factor=3',
        'auto.create.topics.enable=false',
        'delete.topic.enable=true',
        'log.retention.hours=168',
        '',
      ].join('\n'),
    },
  });
  const th = 'kafka-producer-network-thread | order-service-producer-1';
  const orderLog = (p: k8s.V1Pod, k: number): string => {
    const s = 26 - k * 0.6 - 0.1;
    const head = lines(
      spring(s, 'INFO', 'order-service', 'main', 'com.acme.orders.OrderServiceApplication', 'Starting OrderServiceApplication v3.12.0 using Java 21.0.5 with PID 1 (/app/order-service.jar started by app in /app)'),
      spring(s - 0.3, 'INFO', 'order-service', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      spring(s - 0.31, 'INFO', 'order-service', 'main', 'com.acme.orders.OrderServiceApplication', 'Started OrderServiceApplication in 17.204 seconds (process running for 18.33)'),
    );
    const body = every(s - 1.6, 0.2, 70, (u, i) => {
      const t = u - ((i * 7919 + k * 211) % 997) / 60000;
      const key = `ord_01JD8${(73412 + i * 131 + k * 7).toString(36).toUpperCase()}`;
      return lines(
        spring(t + 0.99, 'WARN', 'order-service', th, 'org.apache.kafka.clients.NetworkClient', `[Producer clientId=order-service-producer-1] Error while fetching metadata with correlation id ${412 + i * 23 + k} : {orders.v2=UNKNOWN_TOPIC_OR_PARTITION}`),
        spring(t, 'ERROR', 'order-service', `http-nio-8080-exec-${(i % 10) + 1}`, 'o.s.k.support.LoggingProducerListener', `Exception thrown when sending a message with key='${key}' and payload='OrderPlaced(orderId=${key}, customerId=c_${48120 + i}, total=…' to topic orders.v2:`),
        '',
        'org.apache.kafka.common.errors.TimeoutException: Topic orders.v2 not present in metadata after 60000 ms.',
        '',
        spring(t - 0.0002, 'ERROR', 'order-service', `http-nio-8080-exec-${(i % 10) + 1}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.kafka.KafkaException: Send failed] with root cause'),
        '',
        'org.apache.kafka.common.errors.TimeoutException: Topic orders.v2 not present in metadata after 60000 ms.',
        '',
      );
    });
    return head + body;
  };
  return {
    id: 'heldout32-kafka-topic-renamed-not-created',
    class: 'rollout',
    truth:
      'order-service revision 41 (3.12.0, 26 minutes ago) renamed its topic: ORDERS_TOPIC went from orders to orders.v2 (the new event schema). The topic was never created — its topic PR is still open — and the brokers run with auto.create.topics.enable=false (kafka-configuration in the kafka namespace), so the producer only gets UNKNOWN_TOPIC_OR_PARTITION in its metadata responses, every send blocks for max.block.ms and fails with "Topic orders.v2 not present in metadata after 60000 ms", and every POST /orders returns 500 after a minute. The pods are Ready (the health check does not cover Kafka); the brokers are healthy. Fix: create orders.v2 (12 partitions, RF 3) or roll back to revision 40 until it exists.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...history.objects, ...kafka.objects, ...kafkaClaims, kafkaConf,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: history.pods }),
      service({ namespace: 'kafka', name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }, { name: 'tcp-controller', port: 9093, targetPort: 'controller' }, { name: 'tcp-interbroker', port: 9094, targetPort: 'interbroker' }], createdAgo: 500 * DAYS }),
      ...exposed({ namespace: 'kafka', name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }], pods: kafka.pods, endpointPort: 9092, createdAgo: 500 * DAYS }),
      configMap({ namespace: ns, name: 'order-service-config', createdAgo: 300 * DAYS, data: { 'application-prod.yaml': 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        enable.idempotence: true\n        max.block.ms: 60000\n' } }),
      scaledReplicaSet(dep, rsOf(app, 41), 1, 0, 26),
      scaledReplicaSet(dep, rsOf(app, 40), 3, 4, 25.4),
      scaledReplicaSet(dep, rsOf(app, 41), 2, 1, 25.4),
      scaledReplicaSet(dep, rsOf(app, 40), 2, 3, 24.8),
      scaledReplicaSet(dep, rsOf(app, 41), 3, 2, 24.8),
      scaledReplicaSet(dep, rsOf(app, 40), 1, 2, 24.2),
      scaledReplicaSet(dep, rsOf(app, 41), 4, 3, 24.2),
      scaledReplicaSet(dep, rsOf(app, 40), 0, 1, 23.6),
      ...startedAll(app.pods, 'app', image('3.12.0'), (i) => 26 - i * 0.6),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 3, firstAgo: 26 - k * 0.6 - 0.05, lastAgo: 26 - k * 0.6 - 0.25 })),
      scaledReplicaSet(deploymentOf(history), rsOf(history, 20), 2, 0, 12),
      scaledReplicaSet(deploymentOf(history), rsOf(history, 19), 0, 2, 11),
      ...startedAll(history.pods, 'app', `${ECR}/${ns}/order-history:2.2.1`, (i) => 12 - i),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: orderLog(p, k) })),
      ...history.pods.map((p) => logsFor(p, 'app', { current: lines(spring(10.5, 'INFO', 'order-history', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', '[Consumer clientId=order-history-0, groupId=order-history] Adding newly assigned partitions: orders-0, orders-1, orders-2, orders-3, orders-4, orders-5'), spring(10.4, 'INFO', 'order-history', 'main', 'com.acme.history.OrderHistoryApplication', 'Started OrderHistoryApplication in 12.881 seconds (process running for 13.6)')) })),
      logsFor(podOf(kafka, 0), 'kafka', { current: lines(`[${pyTime(44)}] INFO [LocalLog partition=__consumer_offsets-17, dir=/bitnami/kafka/data] Rolled new log segment at offset 88412093 in 2 ms. (kafka.log.LocalLog)`, `[${pyTime(12.2)}] INFO [GroupCoordinator 0]: Preparing to rebalance group order-history in state PreparingRebalance with old generation 311 (__consumer_offsets-7) (reason: Adding new member order-history-0-4c1f2e9a with group instance id None; client reason: rebalance failed due to MemberIdRequiredException) (kafka.coordinator.group.GroupCoordinator)`, `[${pyTime(12.1)}] INFO [GroupCoordinator 0]: Stabilized group order-history generation 312 (__consumer_offsets-7) with 2 members (kafka.coordinator.group.GroupCoordinator)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders\.v2/, /topic|UNKNOWN_TOPIC_OR_PARTITION|not present in metadata/i],
      facts: [/UNKNOWN_TOPIC_OR_PARTITION|not present in metadata/, /revision 41|3\.12\.0/, /auto\.create\.topics\.enable|(does ?n[o']t|not) exist|missing|create (the )?topic|auto-?creat/i, /ORDERS_TOPIC|renam/i],
      never: [/\bOOM/, /(brokers?|kafka-\d) (is |are |were )?(down|unreachable|crash\w*|not reachable)/i, /network ?polic/i, /\bDNS\b/, /order-history/],
    },
  };
}

// ---- 7. healthy control: an HPA scale-up 4 → 8 whose new pods warmed up ------------------------

function hpaScaleUpWarmedUp(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.144', ['29', '158', '207']);
  const extra = node({ name: eksNodeName('10.0.145.66'), zone: 'eu-west-1b', createdAgo: 8.8, readySince: 8.4 });
  const all = [...names, nameOf(extra)];
  const image = `${ECR}/media/thumbnail-api:4.6.2`;
  const tpl: TemplateOpts = {
    containers: [container({ image, cpu: '1', memory: '1Gi', env: [{ name: 'GOMEMLIMIT', value: '900MiB' }, { name: 'THUMB_CACHE_DIR', value: '/cache' }], readiness: httpProbe('/readyz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'cache', mountPath: '/cache' }] })],
    volumes: [{ name: 'cache', emptyDir: { sizeLimit: '5Gi' } }],
    serviceAccountName: 'thumbnail-api',
  };
  const scaleAgo = 10;
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnail-api',
    replicas: 8,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, changeCause: 'argocd: thumbnail-api 4.6.1', template: { ...tpl, containers: [container({ image: `${ECR}/media/thumbnail-api:4.6.1`, cpu: '1', memory: '1Gi' })] } },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: thumbnail-api 4.6.2', template: tpl },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 19, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k * 0.5 })),
      { revision: 19, node: names[0] ?? '', createdAgo: scaleAgo },
      { revision: 19, node: names[2] ?? '', createdAgo: scaleAgo },
      { revision: 19, node: all[3] ?? '', createdAgo: scaleAgo },
      { revision: 19, node: all[3] ?? '', createdAgo: scaleAgo },
    ],
    settled: { available: true, availableSince: 7.6, progressingSince: 6 * DAYS, progressingUpdatedAgo: 7.6 },
  });
  const dep = deploymentOf(app);
  const fresh = [4, 5, 6, 7].map((k) => podOf(app, k));
  const uploader = bystander(ns, 'upload-gateway', names, 95, { revisions: [27, 28], versions: ['1.18.0', '1.18.1'], olderAgo: 15 * DAYS });
  const startOf = (k: number) => (k < 2 ? scaleAgo - 0.05 : 8.2);
  const log = (k: number, started: number): string => (started < 60 ? lines(
    `{"time":"${at(started - 0.02)}","level":"INFO","msg":"thumbnail-api starting","version":"4.6.2","addr":":8080"}`, `{"time":"${at(started - 0.3)}","level":"INFO","msg":"libvips initialised","concurrency":2}`, `{"time":"${at(started - 0.35)}","level":"INFO","msg":"ready"}`,
  ) : '') + every(Math.min(4, started - 0.4), 0.1, 13, (u, i) => {
    const t = u - ((i * 7919 + k * 389) % 997) / 60000;
    const id = ((i * 2654435761 + k * 40503 + 0x5a17c3) >>> 0).toString(16).padStart(8, "0").slice(-6);
    return lines(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/thumb/${id}?w=${[320, 640, 160][(i + k) % 3] ?? 320}","status":200,"dur_ms":${14 + ((i * 13 + k * 7) % 40)},"cache":"${(i + k) % 4 === 0 ? 'miss' : 'hit'}"}`);
  });
  return {
    id: 'heldout32-healthy-hpa-scale-up-warmed-up',
    class: 'healthy',
    truth:
      'Ten minutes ago, during the US evening traffic peak, the HPA scaled thumbnail-api from 4 to 8 replicas on CPU. Two new pods fit on the existing nodes; two waited a minute and a half for a node the cluster autoscaler added (FailedScheduling "Insufficient cpu", then scheduled). Each new pod failed its readiness probe a few times (connection refused) while starting, as expected, and has been Ready since; all 8 pods serve 200s, CPU is back under target, no restarts, no errors. The new node\'s InvalidDiskCapacity warning is the usual kubelet start-up noise. Nothing to do.',
    ask: { service: 'thumbnail-api', namespace: ns },
    objects: [
      ...nodes, extra, ...app.objects, ...uploader.objects,
      ...exposed({ namespace: ns, name: 'thumbnail-api', selector: { app: 'thumbnail-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'upload-gateway', selector: { app: 'upload-gateway' }, pods: uploader.pods }),
      hpa({ namespace: ns, name: 'thumbnail-api', target: { kind: 'Deployment', name: 'thumbnail-api' }, min: 4, max: 16, current: 8, desired: 8, cpu: { current: 58, target: 70, averageValue: '580m' }, lastScaleAgo: scaleAgo }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'thumbnail-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaleAgo, lastAgo: scaleAgo, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rsOf(app, 19), 8, 4, scaleAgo),
      ...fresh.map((p) => createdPod(replicaSetOf(app, 19), p, scaleAgo)),
      ...fresh.slice(2).flatMap((p, k) => [
        failedScheduling(p, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 3, firstAgo: scaleAgo, lastAgo: 8.9 + k * 0.05 }),
        event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-general-20241009-4ac8d2f1-5c3e-9b7a-0e12-6f4d8a2b1c90 3->4 (max: 12)}]', firstAgo: scaleAgo - 0.1, lastAgo: scaleAgo - 0.1, component: 'cluster-autoscaler' }),
      ]),
      ...fresh.flatMap((p, k) => [
        ...startedNormally(p, 'app', image, startOf(k)),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2 + (k % 2), firstAgo: startOf(k) - 0.05, lastAgo: startOf(k) - 0.2 }),
      ]),
      nodeEvent(nameOf(extra), 'Starting', 'Starting kubelet.', { firstAgo: 8.7 }),
      nodeEvent(nameOf(extra), 'InvalidDiskCapacity', 'invalid capacity 0 on image filesystem', { type: 'Warning', firstAgo: 8.7 }),
      nodeEvent(nameOf(extra), 'RegisteredNode', `Node ${nameOf(extra)} event: Registered Node ${nameOf(extra)} in Controller`, { firstAgo: 8.6, component: 'node-controller' }),
      nodeEvent(nameOf(extra), 'NodeReady', `Node ${nameOf(extra)} status is now: NodeReady`, { firstAgo: 8.4 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k, k < 4 ? 6 * DAYS : startOf(k - 4)) })),
      ...uploader.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(2.2)}","level":"INFO","msg":"upload accepted","bytes":2841133}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (action|problems?|issues?)|nothing to do|8\/8|all 8/i],
      facts: [/8\/8|8 of 8|all 8|8 (pods )?ready/i, /HPA|autoscal|scaled/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /(raise|increase)[^\n]*(maxReplicas|initialDelaySeconds|failureThreshold)/i, /upload-gateway/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  reportApiStatementTimeout(),
  rabbitPrefetchConsumerTimeout(),
  namespaceNodeSelectorAfterPoolMigration(),
  publishNotReadyWarmingPods(),
  redisReplicaOutputBufferLoop(),
  kafkaTopicRenamedNotCreated(),
  hpaScaleUpWarmedUp(),
];

// Held-out stories, ninetieth round, part one:
// 1. (config) a Go inventory API whose ConfigMap was edited to sslmode=require against an
//    in-cluster PostgreSQL that runs without TLS; the `rollout restart` that followed brings up
//    pods that die on "pq: SSL is not enabled on the server" while the old pods still serve;
// 2. (containers) revision 22 of an invoice renderer ships an image whose /app/entrypoint.sh lost
//    its exec bit: runc cannot start the container (StartError, exit 128, permission denied);
// 3. (rollout) revision 9 of a Python report worker adds `--max-tasks-per-child 200` to the args
//    while the image stays on 3.4.1, which has no such flag: argparse exits 2;
// 4. (rollout) a CDC consumer moved to a shared chart that rolls with RollingUpdate (maxSurge 1,
//    maxUnavailable 0) instead of Recreate: the revision-12 pod starts while the revision-11 pod
//    still holds the logical replication slot ("is active for PID 48213", SQLSTATE 55006);
// 5. (capacity) a storefront's HPA asks for 10 pods during the evening peak but the namespace's
//    ResourceQuota pod-count is at count/pods=20/20: FailedCreate, six overloaded pods;
// 6. (probes) revision 18 of a token service moved to a distroless base image, but its readiness
//    probe is `exec curl …`: "executable file not found in $PATH", new pods never turn Ready;
// and a healthy control: a Spring Boot indexer whose SolrJ/ZooKeeper client prints the log4j 1
// "No appenders could be found" warnings at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, boundClaim, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, epochMs, event, execProbe,
  exposed, hpa, httpProbe, nameOf, probeFailed, pyTime, replicaSetOf, resourceQuota, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Go's standard `log` time: `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. ConfigMap edit: sslmode=require against a PostgreSQL without TLS --------------------------

function sslmodeRequireAgainstPlainPostgres(): CorpusScenario {
  const ns = 'stock';
  const { nodes, names } = threeEksNodes('10.0.44', ['19', '137', '208']);
  const dbImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'inventory-db',
    replicas: 1,
    serviceName: 'inventory-db',
    createdAgo: 210 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 63 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: dbImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '2Gi',
          env: [{ name: 'POSTGRES_DB', value: 'inventory' }, { name: 'POSTGRES_USER', value: 'inventory' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'inventory-db-credentials', key: 'password' } } }, { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
          readiness: execProbe(['pg_isready', '-U', 'inventory', '-d', 'inventory'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'inventory-db-config', defaultMode: 420 } }],
        securityContext: { fsGroup: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 17 * DAYS }],
  });
  const image = `${ECR}/stock/inventory-api:2.7.3`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '300m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'inventory-api-config' } }],
      env: [{ name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'inventory-db-credentials', key: 'password' } } }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: inventory-api 2.7.3', template: tpl() },
      { revision: 15, createdAgo: 29, template: tpl(at(29).replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 28.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 1 }, 10) } },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  });
  const other = bystander(ns, 'stock-sync', names, 3 * HOURS, { revisions: [30, 31], versions: ['1.19.0', '1.19.1'], olderAgo: 12 * DAYS });
  const fresh = podOf(app, 3);
  const dbPod = podOf(db, 0);
  const url = 'postgres://inventory@inventory-db.stock.svc.cluster.local:5432/inventory?sslmode=require&connect_timeout=5';
  const crashRun = (t: number) => lines(
    `${goTime(t)} inventory-api 2.7.3 (commit 4e1a9c2) starting`,
    `${goTime(t)} config: http_addr=:8080 db_host=inventory-db.stock.svc.cluster.local db_name=inventory sslmode=require max_open_conns=25`,
    `${goTime(t)} FATAL: database ping failed: pq: SSL is not enabled on the server`,
  );
  const oldLog = (k: number) => lines(
    `${goTime(9 * DAYS - k - 0.1)} inventory-api 2.7.3 (commit 4e1a9c2) starting`,
    `${goTime(9 * DAYS - k - 0.1)} config: http_addr=:8080 db_host=inventory-db.stock.svc.cluster.local db_name=inventory sslmode=disable max_open_conns=25`,
    `${goTime(9 * DAYS - k - 0.1)} database ready (pool 25)`,
    `${goTime(9 * DAYS - k - 0.1)} listening on :8080`,
    `${goTime(1.6)} GET /v1/stock/SKU-44120 200 4.1ms`,
    `${goTime(0.9)} POST /v1/reservations 201 11.7ms`,
    `${goTime(0.3)} GET /v1/stock/SKU-90817 200 3.2ms`,
  );
  return {
    id: 'heldout90-sslmode-require-postgres-without-tls',
    class: 'config',
    truth: 'A security-hardening ticket changed DATABASE_URL in the ConfigMap inventory-api-config from sslmode=disable to sslmode=require (kubectl edit, 31 minutes ago), and `kubectl rollout restart` made revision 15 so the pods would pick it up. The in-cluster PostgreSQL inventory-db runs with ssl = off, so lib/pq fails every connection with "pq: SSL is not enabled on the server" and the new pod exits 1 at startup; the three pods started 9 days ago with sslmode=disable still serve, and the rollout is stuck. Revision 15 only restarts the pods (its template is the same); undoing it would re-read the same ConfigMap. Fix: set sslmode back to disable (or enable TLS on the database).',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-inventory-db-0', storage: '50Gi', zone: 'eu-west-1c', createdAgo: 210 * DAYS }),
      configMap({
        namespace: ns, name: 'inventory-api-config', createdAgo: 200 * DAYS, updatedAgo: 31,
        data: { DATABASE_URL: url, HTTP_ADDR: ':8080', DB_MAX_OPEN_CONNS: '25', LOG_LEVEL: 'info', RESERVATION_TTL: '15m' },
      }),
      configMap({
        namespace: ns, name: 'inventory-db-config', createdAgo: 210 * DAYS,
        data: { 'postgresql.conf': "listen_addresses = '*'\nport = 5432\nmax_connections = 200\nshared_buffers = 512MB\nssl = off\nwal_level = replica\nlog_min_duration_statement = 500ms\nlog_line_prefix = '%m [%p] %q%u@%d '\n" },
      }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory-db', selector: { app: 'inventory-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'stock-sync', selector: { app: 'stock-sync' }, pods: other.pods }),
      event({ on: { kind: 'Deployment', ...(deploymentOf(app).metadata === undefined ? {} : { metadata: deploymentOf(app).metadata }) }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(app, 15)} from 0 to 1`, firstAgo: 29, lastAgo: 29, component: 'deployment-controller' }),
      scheduled(fresh, 28.8),
      ...restartedAgain(fresh, 'app', image, { count: 11, firstAgo: 28.7, lastAgo: 2.1 }),
      backOff(fresh, 'app', { count: 128, firstAgo: 28.5 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashRun(2.1) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
      logsFor(dbPod, 'postgres', { current: lines(
        `${pgTime(17 * DAYS - 0.2)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
        `${pgTime(17 * DAYS - 0.2)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
        `${pgTime(17 * DAYS - 0.2)} [1] LOG:  database system is ready to accept connections`,
        `${pgTime(14)} [31] LOG:  checkpoint starting: time`,
        `${pgTime(13.6)} [31] LOG:  checkpoint complete: wrote 214 buffers (0.3%); 0 WAL file(s) added, 0 removed, 0 recycled; write=21.402 s, sync=0.011 s, total=21.431 s; sync files=38, longest=0.004 s, average=0.001 s; distance=1803 kB, estimate=2210 kB; lsn=3/5A1C2E8, redo lsn=3/59F0D10`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SSL is not enabled|sslmode|\bSSL\b|\bTLS\b/i, /inventory-api-config|ConfigMap|sslmode=require/i],
      facts: [/inventory-api-config/, /sslmode=require/, /inventory-db/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /password authentication|authentication failed/i, /stock-sync/],
    },
  };
}

// ---- 2. Revision 22's image: /app/entrypoint.sh without its exec bit --------------------------------

function entrypointLostExecBit(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.88', ['12', '140', '231']);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'RENDER_CONCURRENCY', value: '4' }, { name: 'S3_BUCKET', value: 'acme-prod-invoices' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }],
      readiness: httpProbe('/health/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const runcError = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/entrypoint.sh": permission denied: unknown';
  const startError = (restarts: number) => crashLoop({ exitCode: 128, reason: 'StartError', message: runcError, finishedAgo: 1.4, ranSeconds: 0 }, restarts);
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 13 * DAYS, changeCause: 'argocd: invoice-renderer 5.2.4', template: tpl('5.2.4') },
      { revision: 22, createdAgo: 24, changeCause: 'argocd: invoice-renderer 5.3.0', template: tpl('5.3.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 13 * DAYS - k })),
      { revision: 22, node: names[0] ?? '', createdAgo: 23.8, containers: { app: startError(9) } },
      { revision: 22, node: names[2] ?? '', createdAgo: 23.8, containers: { app: startError(9) } },
    ],
  });
  const other = bystander(ns, 'billing-api', names, 2 * HOURS + 10, { revisions: [57, 58], versions: ['8.1.2', '8.1.3'], olderAgo: 6 * DAYS });
  const [a, b] = [podOf(app, 3), podOf(app, 4)];
  const failing = (p: k8s.V1Pod): k8s.CoreV1Event[] => [
    scheduled(p, 23.8),
    event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('5.3.0')}"`, firstAgo: 23.7, lastAgo: 23.7, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('5.3.0')}" in 6.204s (6.204s including waiting). Image size: 287114523 bytes.`, firstAgo: 23.6, lastAgo: 23.6, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('5.3.0')}" already present on machine`, count: 9, firstAgo: 23.5, lastAgo: 1.4, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', count: 10, firstAgo: 23.6, lastAgo: 1.4, fieldPath: 'spec.containers{app}' }),
    event({ on: p, reason: 'Failed', message: `Error: ${runcError}`, count: 10, firstAgo: 23.6, lastAgo: 1.4, fieldPath: 'spec.containers{app}' }),
    backOff(p, 'app', { count: 104, firstAgo: 23.4 }),
  ];
  const oldLog = (k: number) => lines(
    `${at(13 * DAYS - k - 0.2).replace('Z', '+00:00')} INFO  [main] c.a.b.r.RendererApplication - Started RendererApplication in 11.204 seconds`,
    `${at(2.2).replace('Z', '+00:00')} INFO  [render-2] c.a.b.r.InvoiceJob - rendered invoice INV-2026-1183${40 + k} (3 pages) in 812 ms`,
    `${at(0.7).replace('Z', '+00:00')} INFO  [render-1] c.a.b.r.InvoiceJob - rendered invoice INV-2026-1184${10 + k} (1 pages) in 403 ms`,
  );
  return {
    id: 'heldout90-entrypoint-lost-exec-bit',
    class: 'containers',
    truth: 'Revision 22 (invoice-renderer 5.3.0, 24 minutes ago) was built from a reworked multi-stage Dockerfile whose COPY of /app/entrypoint.sh dropped the file\'s exec bit. runc cannot exec the image\'s entrypoint ("exec: \\"/app/entrypoint.sh\\": permission denied"), so both new containers fail to start (StartError, exit 128) and sit in CrashLoopBackOff; the three revision-21 pods (5.2.4) still render invoices and the rollout is stuck. Fix: chmod +x in the image (COPY --chmod=755) and rebuild, or roll back to revision 21.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 0, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 3, 4, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 1, 24),
      ...failing(a), ...failing(b),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission denied|exec bit|not executable|chmod/i, /entrypoint\.sh|5\.3\.0|revision 22|image/i],
      facts: [lit('/app/entrypoint.sh'), /StartError|\b128\b/, /5\.3\.0/],
      never: [/\bOOM/, /no such file|not found in \$PATH/i, /liveness/i, /billing-api/],
    },
  };
}

// ---- 3. Revision 9 adds a flag the image's release does not know -----------------------------------

function argsFlagAheadOfImage(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.57', ['33', '161', '224']);
  const image = `${ECR}/reporting/report-worker:3.4.1`;
  const baseArgs = ['--queue', 'reports', '--concurrency', '4', '--log-level', 'INFO'];
  const tpl = (args: string[]) => ({
    containers: [batchContainer({
      image, command: ['python', '/app/worker.py'], args, cpu: '500m', memory: '1Gi',
      env: [{ name: 'BROKER_URL', value: 'amqp://report-worker@rabbitmq.messaging.svc.cluster.local:5672/reports' }, { name: 'PYTHONUNBUFFERED', value: '1' }],
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-worker',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 16 * DAYS, changeCause: 'argocd: report-worker 3.4.1', template: tpl(baseArgs) },
      { revision: 9, createdAgo: 19, changeCause: 'argocd: report-worker values (worker.args: --max-tasks-per-child 200)', template: tpl([...baseArgs, '--max-tasks-per-child', '200']) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 16 * DAYS - k })),
      { revision: 9, node: names[1] ?? '', createdAgo: 18.8, containers: { app: crashLoop({ exitCode: 2, finishedAgo: 0.9, ranSeconds: 1 }, 8) } },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const other = bystander(ns, 'report-api', names, 5 * HOURS, { revisions: [40, 41], versions: ['2.12.0', '2.12.1'], olderAgo: 9 * DAYS });
  const fresh = podOf(app, 3);
  const usage = lines(
    'usage: worker.py [-h] [--queue QUEUE] [--concurrency CONCURRENCY]',
    '                 [--prefetch PREFETCH]',
    '                 [--log-level {DEBUG,INFO,WARNING,ERROR}]',
    'worker.py: error: unrecognized arguments: --max-tasks-per-child 200',
  );
  const oldLog = (k: number) => lines(
    `${pyTime(16 * DAYS - k - 0.1)} INFO worker: report-worker 3.4.1 starting (queue=reports, concurrency=4, prefetch=8)`,
    `${pyTime(16 * DAYS - k - 0.1)} INFO amqp: connected to rabbitmq.messaging.svc.cluster.local:5672 vhost=reports`,
    `${pyTime(3.1 - k * 0.2)} INFO tasks: report.render[8c1f${k}a2e] received (tenant=t-20${k}81, format=xlsx)`,
    `${pyTime(2.6 - k * 0.2)} INFO tasks: report.render[8c1f${k}a2e] succeeded in 27.41s (rows=18244)`,
    `${pyTime(0.8 - k * 0.1)} INFO tasks: report.render[b77e${k}013] received (tenant=t-1190${k}, format=pdf)`,
  );
  return {
    id: 'heldout90-worker-flag-ahead-of-image',
    class: 'rollout',
    truth: 'Revision 9 (19 minutes ago) changed only the Helm values of report-worker: it appended `--max-tasks-per-child 200` to the container args. The flag arrives in report-worker 3.5.0, but the image tag stayed on 3.4.1, whose argparse parser rejects it: "worker.py: error: unrecognized arguments: --max-tasks-per-child 200", exit code 2, CrashLoopBackOff. The three revision-8 workers still consume the queue; the rollout is stuck. Fix: drop the flag or bump the image to 3.5.0 (or roll back to revision 8).',
    ask: { service: 'report-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 19),
      scheduled(fresh, 18.8),
      ...restartedAgain(fresh, 'app', image, { count: 9, firstAgo: 18.7, lastAgo: 0.9 }),
      backOff(fresh, 'app', { count: 86, firstAgo: 18.5 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: usage }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unrecognized arguments|--max-tasks-per-child/i, /revision 9|3\.4\.1|args|argument|flag/i],
      facts: [/--max-tasks-per-child/, /3\.4\.1/, /exit(ed)?\D{0,12}\b2\b/i],
      never: [/\bOOM/, /(pull|not found)[^\n]*report-worker:3\.4\.1/i, /rabbitmq[^\n]*(down|unreachable|refused)/i, /report-api/],
    },
  };
}

// ---- 4. Two CDC consumers at once: the slot is active for the old pod's backend --------------------

function replicationSlotHeldByOldPod(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.23', ['47', '118', '196']);
  const image = (v: string) => `${ECR}/orders/orders-cdc:${v}`;
  const tpl = (v: string, labels?: Record<string, string>) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9090 }], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'PG_DSN', value: 'postgres://cdc_reader@orders-db.cluster-c1q8mz3x7k.eu-west-1.rds.amazonaws.com:5432/orders?replication=database&sslmode=require' },
        { name: 'PG_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-cdc-db', key: 'password' } } },
        { name: 'SLOT_NAME', value: 'orders_cdc' },
        { name: 'PUBLICATION', value: 'orders_pub' },
        { name: 'KAFKA_BROKERS', value: 'b-1.orders-msk.k9x2c1.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.orders-msk.k9x2c1.c4.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'KAFKA_TOPIC', value: 'orders.changes.v1' },
      ],
      readiness: httpProbe('/ready', 'metrics', { periodSeconds: 10 }), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 20 }),
    })],
    ...(labels === undefined ? {} : { labels }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-cdc',
    replicas: 1,
    revisions: [
      { revision: 11, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-cdc 1.7.2', template: tpl('1.7.2') },
      { revision: 12, createdAgo: 27, changeCause: 'argocd: orders-cdc 1.8.0 (chart: common-service 3.0.0)', template: tpl('1.8.0', { 'app.kubernetes.io/name': 'orders-cdc', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'common-service-3.0.0' }) },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 12, node: names[2] ?? '', createdAgo: 26.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 2 }, 10) } },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const other = bystander(ns, 'orders-api', names, 40, { revisions: [88, 89], versions: ['6.4.0', '6.4.1'], olderAgo: 8 * DAYS });
  const [old, fresh] = [podOf(app, 0), podOf(app, 1)];
  const j = (t: number, level: string, msg: string, extra = '') => `{"level":"${level}","time":"${at(t)}","msg":"${msg}"${extra}}`;
  const freshRun = (t: number) => lines(
    j(t, 'info', 'starting orders-cdc', ',"version":"1.8.0","slot":"orders_cdc","publication":"orders_pub"'),
    j(t, 'info', 'kafka producer ready', ',"topic":"orders.changes.v1","acks":"all"'),
    j(t - 0.01, 'info', 'replication connection established', ',"server_pid":51877,"system_id":"7312904415528196213","timeline":1'),
    j(t - 0.01, 'error', 'start replication failed', ',"slot":"orders_cdc","error":"ERROR: replication slot \\"orders_cdc\\" is active for PID 48213 (SQLSTATE 55006)"'),
    j(t - 0.01, 'fatal', 'exiting', ',"error":"start replication: ERROR: replication slot \\"orders_cdc\\" is active for PID 48213 (SQLSTATE 55006)"'),
  );
  const oldLog = lines(
    j(6 * DAYS - 0.1, 'info', 'starting orders-cdc', ',"version":"1.7.2","slot":"orders_cdc","publication":"orders_pub"'),
    j(6 * DAYS - 0.1, 'info', 'replication connection established', ',"server_pid":48213,"system_id":"7312904415528196213","timeline":1'),
    j(6 * DAYS - 0.1, 'info', 'logical replication started', ',"slot":"orders_cdc","start_lsn":"2A/91C04E18"'),
    ...[3, 2, 1, 0.2].map((t, i) => j(t, 'info', 'standby status update', `,"confirmed_flush_lsn":"2B/0${i + 3}D1A${i}F0","events_published":${412 + i * 37},"lag_ms":${180 + i * 20}`)),
  );
  return {
    id: 'heldout90-cdc-replication-slot-two-consumers',
    class: 'rollout',
    truth: 'orders-cdc reads the PostgreSQL logical replication slot orders_cdc, which only one connection may use at a time; it used to roll out with strategy Recreate. Revision 12 (27 minutes ago) moved it to the shared common-service 3.0.0 chart, whose Deployment rolls with RollingUpdate maxSurge 1 / maxUnavailable 0, so the revision-12 pod starts while the revision-11 pod still streams from the slot (its backend is PID 48213). The new pod fails START_REPLICATION with "replication slot \\"orders_cdc\\" is active for PID 48213" (SQLSTATE 55006), exits 1 and crash-loops, and the rollout can never finish. Fix: strategy Recreate (or a leader lock) for this singleton consumer.',
    ask: { service: 'orders-cdc', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-cdc-metrics', selector: { app: 'orders-cdc' }, pods: app.pods, ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 27),
      scheduled(fresh, 26.8),
      ...restartedAgain(fresh, 'app', image('1.8.0'), { count: 11, firstAgo: 26.6, lastAgo: 1.8 }),
      backOff(fresh, 'app', { count: 121, firstAgo: 26.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: freshRun(1.8) }),
      logsFor(old, 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders_cdc|replication slot|active for PID|55006/i, /RollingUpdate|maxSurge|Recreate|two (pods|consumers|replicas)|both|second|concurrent|another|old(er)? pod|revision 11|still (holds|running|uses)|already/i],
      facts: [lit('orders_cdc'), /48213/, /RollingUpdate|maxSurge|Recreate/],
      never: [/\bOOM/, /max_replication_slots|max_wal_senders/i, /orders-api/, /kafka[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 5. The HPA wants 10 pods, the namespace's pod-count quota is full -----------------------------

function hpaBlockedByPodCountQuota(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.61', ['28', '149', '212']);
  const image = `${ECR}/storefront/web-frontend:12.8.1`;
  const tpl = {
    containers: [container({
      image, ports: [3000], cpu: '500m', memory: '768Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'API_BASE', value: 'http://cart-api.storefront.svc.cluster.local' }, { name: 'UPSTREAM_TIMEOUT_MS', value: '5000' }],
      readiness: httpProbe('/api/ready', 3000, { timeoutSeconds: 3 }), liveness: httpProbe('/api/live', 3000, { initialDelaySeconds: 20, timeoutSeconds: 5 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'web-frontend',
    replicas: 10,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: web-frontend 12.8.0', template: { containers: [container({ image: `${ECR}/storefront/web-frontend:12.8.0`, ports: [3000], cpu: '500m', memory: '768Mi' })] } },
      { revision: 41, createdAgo: 4 * DAYS, changeCause: 'argocd: web-frontend 12.8.1', template: tpl },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: k < 4 ? 4 * DAYS - k : 3 * HOURS + 5 - k })),
  });
  const rs41 = replicaSetOf(app, 41) as k8s.V1ReplicaSet;
  const quotaMsg = (k: number) => `pods "${rsOf(app, 41)}-${['q7xkz', 'v2lmd', 'h8fnt', 'c4wrp'][k % 4]}" is forbidden: exceeded quota: pod-count, requested: count/pods=1, used: count/pods=20, limited: count/pods=20`;
  if (rs41.spec) rs41.spec.replicas = 10;
  if (rs41.metadata?.annotations) rs41.metadata.annotations['deployment.kubernetes.io/desired-replicas'] = '10';
  if (rs41.status) rs41.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quotaMsg(0), lastTransitionTime: ago(24) }];
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsOf(app, 41)}" has successfully progressed.`, lastUpdateTime: ago(4 * DAYS - 2), lastTransitionTime: ago(4 * DAYS) },
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(24), lastTransitionTime: ago(24) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: quotaMsg(1), lastUpdateTime: ago(24), lastTransitionTime: ago(24) },
    ];
    dep.status.unavailableReplicas = 4;
  }
  const mk = (name: string, replicas: number, version: string, revision: number, rolledAgo: number) => deploymentApp({
    namespace: ns, name, replicas,
    revisions: [{ revision, createdAgo: rolledAgo, changeCause: `argocd: ${name} ${version}`, template: { containers: [container({ image: `${ECR}/storefront/${name}:${version}` })] } }],
    pods: Array.from({ length: replicas }, (_, k) => ({ revision, node: names[k % 3] ?? '', createdAgo: rolledAgo - k * 0.5 })),
  });
  const cart = mk('cart-api', 6, '3.22.0', 77, 6 * DAYS);
  const search = mk('search-api', 4, '5.1.3', 19, 2 * DAYS);
  const recs = mk('recommendations', 4, '1.40.2', 63, 45);
  const theHpa = hpa({
    namespace: ns, name: 'web-frontend', target: { kind: 'Deployment', name: 'web-frontend' }, min: 4, max: 16, current: 6, desired: 10,
    cpu: { current: 112, target: 70, averageValue: '561m' }, lastScaleAgo: 24,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 10', lastTransitionTime: ago(24) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(60 * DAYS) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
    ],
  });
  const quota = resourceQuota({
    namespace: ns, name: 'pod-count', createdAgo: 140 * DAYS, updatedAgo: 33 * DAYS,
    hard: { 'count/pods': '20', 'requests.cpu': '24', 'requests.memory': '48Gi' },
    used: { 'count/pods': '20', 'requests.cpu': '6500m', 'requests.memory': '11776Mi' },
  });
  const access = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 6 - i * 0.6 - k * 0.03;
      out.push(`{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(podOf(app, k))}","reqId":"req-${k}${i}f3","req":{"method":"GET","url":"/p/${['winter-parka', 'merino-crew', 'trail-runner-2', 'gift-cards'][i % 4]}"},"res":{"statusCode":200},"responseTime":${2300 + i * 211 + k * 57},"msg":"request completed"}`);
      if (i % 3 === 1) out.push(`{"level":50,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(podOf(app, k))}","reqId":"req-${k}${i}a9","err":{"type":"TimeoutError","message":"upstream request timed out after 5000ms","upstream":"GET http://cart-api.storefront.svc.cluster.local/v3/cart"},"msg":"render failed, serving 504"}`);
      if (i % 4 === 2) out.push(`{"level":40,"time":${epochMs(t - 0.02)},"pid":1,"hostname":"${nameOf(podOf(app, k))}","eventLoopDelayMs":${640 + i * 41},"activeHandles":${900 + i * 17},"msg":"event loop lag above 500ms"}`);
    }
    return lines(...out);
  };
  const deployment = deploymentOf(app);
  return {
    id: 'heldout90-hpa-blocked-by-pod-count-quota',
    class: 'capacity',
    truth: 'During the evening traffic peak the HorizontalPodAutoscaler web-frontend (CPU 112% of a 70% target) scaled the Deployment from 6 to 10 replicas 24 minutes ago, but the namespace\'s ResourceQuota pod-count allows count/pods=20 and the storefront namespace already runs 20 pods (web-frontend 6, cart-api 6, search-api 4, recommendations 4). The ReplicaSet fails every create with "exceeded quota: pod-count, requested: count/pods=1, used: count/pods=20, limited: count/pods=20", so the six existing pods carry the whole peak: multi-second responses, 504s on upstream timeouts, event-loop lag. Nothing was deployed; the nodes have room. Fix: raise the pod-count quota (or lower other workloads\' replicas).',
    ask: { service: 'web-frontend', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cart.objects, ...search.objects, ...recs.objects, theHpa, quota,
      ...exposed({ namespace: ns, name: 'web-frontend', selector: { app: 'web-frontend' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: cart.pods }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: search.pods }),
      ...exposed({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' }, pods: recs.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'web-frontend', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'Deployment', ...(deployment.metadata === undefined ? {} : { metadata: deployment.metadata }) }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(app, 41)} from 6 to 10`, firstAgo: 24, lastAgo: 24, component: 'deployment-controller' }),
      event({ on: rs41, reason: 'FailedCreate', message: `Error creating: ${quotaMsg(2)}`, count: 41, firstAgo: 24, lastAgo: 0.4, component: 'replicaset-controller' }),
      scaledReplicaSet(deploymentOf(recs), rsOf(recs, 63), 4, 0, 45),
    ],
    logs: [0, 1, 2, 3, 4, 5].map((k) => logsFor(podOf(app, k), 'app', { current: access(k) })),
    expect: {
      verdict: 'problems',
      headline: [/quota|pod-count|count\/pods/i],
      facts: [/pod-count/, /count\/pods=20|20\/20|limited: count\/pods/i, /HPA|HorizontalPodAutoscaler|autoscal|desired|\b10\b/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /Insufficient (cpu|memory)|FailedScheduling|unschedulable/i, /recommendations/],
    },
  };
}

// ---- 6. Distroless base image, readiness probe still `exec curl` -----------------------------------

function distrolessReadinessCurl(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.36', ['21', '156', '243']);
  const image = (v: string) => `${ECR}/identity/token-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'grpc', containerPort: 9000 }], cpu: '250m', memory: '256Mi',
      env: [{ name: 'JWKS_PATH', value: '/etc/token-service/jwks.json' }, { name: 'TOKEN_TTL', value: '15m' }, { name: 'REDIS_ADDR', value: 'sessions-redis.identity.svc.cluster.local:6379' }],
      readiness: execProbe(['curl', '-fsS', '-m', '2', 'http://127.0.0.1:8080/healthz/ready'], { periodSeconds: 5, timeoutSeconds: 3 }),
      liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'token-service',
    replicas: 4,
    revisions: [
      { revision: 17, createdAgo: 20 * DAYS, changeCause: 'argocd: token-service 4.1.6', template: tpl('4.1.6') },
      { revision: 18, createdAgo: 34, changeCause: 'argocd: token-service 4.2.0', template: tpl('4.2.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 20 * DAYS - k })),
      { revision: 18, node: names[0] ?? '', createdAgo: 33.8, ready: false, containers: { app: running({ sinceAgo: 33.6, ready: false }) } },
      { revision: 18, node: names[1] ?? '', createdAgo: 33.8, ready: false, containers: { app: running({ sinceAgo: 33.6, ready: false }) } },
    ],
  });
  const other = bystander(ns, 'login-ui', names, 90, { revisions: [64, 65], versions: ['9.0.3', '9.0.4'], olderAgo: 10 * DAYS });
  const [a, b] = [podOf(app, 3), podOf(app, 4)];
  const probeErr = (p: k8s.V1Pod) => `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${(p.status?.containerStatuses?.[0]?.containerID ?? '').replace('containerd://', '').split('').reverse().join('')}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown`;
  const notReady = (p: k8s.V1Pod): k8s.CoreV1Event[] => [
    scheduled(p, 33.8),
    event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('4.2.0')}"`, firstAgo: 33.7, lastAgo: 33.7, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.2.0')}" in 1.873s (1.873s including waiting). Image size: 9820471 bytes.`, firstAgo: 33.65, lastAgo: 33.65, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 33.6, lastAgo: 33.6, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 33.6, lastAgo: 33.6, fieldPath: 'spec.containers{app}' }),
    event({ on: p, reason: 'Unhealthy', message: `Readiness probe errored: ${probeErr(p)}`, count: 402, firstAgo: 33.5, lastAgo: 0.1, fieldPath: 'spec.containers{app}' }),
  ];
  const z = (t: number, msg: string, extra = '') => `{"level":"info","ts":"${at(t)}","caller":"${msg.startsWith('grpc') ? 'server/grpc.go:61' : 'cmd/main.go:74'}","msg":"${msg}"${extra}}`;
  const newLog = lines(
    z(33.55, 'starting token-service', ',"version":"4.2.0","go":"go1.23.3"'),
    z(33.55, 'jwks loaded', ',"keys":2,"active_kid":"2026-11-k1"'),
    z(33.54, 'redis connected', ',"addr":"sessions-redis.identity.svc.cluster.local:6379"'),
    z(33.54, 'http listening', ',"addr":":8080"'),
    z(33.54, 'grpc listening', ',"addr":":9000"'),
  );
  const oldLog = (k: number) => lines(
    z(20 * DAYS - k - 0.1, 'starting token-service', ',"version":"4.1.6","go":"go1.23.2"'),
    z(1.4, 'grpc request', `,"method":"/identity.v1.Tokens/Issue","code":"OK","ms":${3 + k}`),
    z(0.5, 'grpc request', `,"method":"/identity.v1.Tokens/Introspect","code":"OK","ms":${1 + k}`),
  );
  return {
    id: 'heldout90-distroless-readiness-exec-curl',
    class: 'probes',
    truth: 'Revision 18 (token-service 4.2.0, 34 minutes ago) moved the image to a distroless base (gcr.io/distroless/static-debian12), which has no shell and no curl. The readiness probe is still an exec probe running `curl -fsS … http://127.0.0.1:8080/healthz/ready`, so every probe errors with "exec: \\"curl\\": executable file not found in $PATH": the two new pods run and serve fine but never become Ready, the rollout is stuck past its progress deadline, and the three revision-17 pods (4.1.6) still carry the traffic. Fix: make the readiness probe an httpGet on /healthz/ready (or roll back to revision 17 until then).',
    ask: { service: 'token-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'token-service', selector: { app: 'token-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'login-ui', selector: { app: 'login-ui' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 3, 4, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 1, 34),
      ...notReady(a), ...notReady(b),
    ],
    logs: [
      logsFor(a, 'app', { current: newLog }),
      logsFor(b, 'app', { current: newLog }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/curl/i, /readiness|probe|distroless|revision 18|4\.2\.0/i],
      facts: [/executable file not found|not found in \$PATH/, /revision 18|4\.2\.0|distroless/i, /exec/i],
      never: [/\bOOM/, /crash ?loop/i, /liveness probe (fail|kill)/i, /login-ui/, /redis[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- healthy control: log4j 1 "no appenders" warnings from a client library ------------------------

function healthyLog4jNoAppenders(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.15', ['40', '171', '229']);
  const image = (v: string) => `${ECR}/search/catalog-indexer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1536Mi',
      env: [{ name: 'SOLR_ZK_HOSTS', value: 'zk-0.zk-headless.search.svc.cluster.local:2181,zk-1.zk-headless.search.svc.cluster.local:2181,zk-2.zk-headless.search.svc.cluster.local:2181/solr' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 2,
    revisions: [
      { revision: 6, createdAgo: 15 * DAYS, changeCause: 'argocd: catalog-indexer 2.3.0', template: tpl('2.3.0') },
      { revision: 7, createdAgo: 2 * HOURS + 12, changeCause: 'argocd: catalog-indexer 2.4.0', template: tpl('2.4.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 2 * HOURS + 11 - k })),
  });
  const other = bystander(ns, 'search-api', names, 4 * DAYS, { revisions: [33, 34], versions: ['7.2.0', '7.2.1'], olderAgo: 21 * DAYS });
  const sb = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)}  ${level.padStart(5)} 1 --- [catalog-indexer] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const log = (k: number) => {
    const s = 2 * HOURS + 10.8 - k;
    const out = [
      sb(s, 'INFO', 'main', 'c.a.s.i.CatalogIndexerApplication', 'Starting CatalogIndexerApplication v2.4.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      sb(s - 0.05, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      'log4j:WARN No appenders could be found for logger (org.apache.zookeeper.ZooKeeper).',
      'log4j:WARN Please initialize the log4j system properly.',
      'log4j:WARN See http://logging.apache.org/log4j/1.2/faq.html#noconfig for more info.',
      sb(s - 0.12, 'INFO', 'main', 'c.a.s.i.solr.SolrClientConfig', 'CloudSolrClient connected to ZooKeeper ensemble (3 hosts), collection=catalog'),
      sb(s - 0.2, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      sb(s - 0.2, 'INFO', 'main', 'c.a.s.i.CatalogIndexerApplication', 'Started CatalogIndexerApplication in 12.417 seconds (process running for 13.552)'),
    ];
    for (const t of [6, 4, 2, 0.4]) out.push(sb(t - k * 0.1, 'INFO', 'index-batch-1', 'c.a.s.i.batch.ProductIndexer', `indexed batch of ${480 + Math.round(t * 13) + k} product updates in ${610 + Math.round(t * 37)} ms (commitWithin=5000)`));
    return lines(...out);
  };
  return {
    id: 'heldout90-healthy-log4j-no-appenders',
    class: 'healthy',
    truth: 'catalog-indexer 2.4.0 (revision 7, two hours ago) is healthy: both pods ready, no restarts, batches indexed every few minutes. The "log4j:WARN No appenders could be found for logger (org.apache.zookeeper.ZooKeeper)" and "Please initialize the log4j system properly" lines at start come from the ZooKeeper client SolrJ pulls in, which logs through a log4j 1 bridge that has no configuration; they are harmless and nothing is wrong.',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 7), 2, 0, 2 * HOURS + 12),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 0, 2, 2 * HOURS + 9),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.4.0'), 2 * HOURS + 11 - k)),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|nothing|ready|running normally|\bOK\b/i],
      facts: [/catalog-indexer/],
      never: [/log4j[^\n]*(problem|misconfigur|broken|caus|fail)/i, /appenders?[^\n]*(problem|caus|fail)/i, /zookeeper[^\n]*(down|unreachable|fail)/i, /\bOOM/, /crash ?loop/i, /search-api/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  sslmodeRequireAgainstPlainPostgres(),
  entrypointLostExecBit(),
  argsFlagAheadOfImage(),
  replicationSlotHeldByOldPod(),
  hpaBlockedByPodCountQuota(),
  distrolessReadinessCurl(),
  healthyLog4jNoAppenders(),
];

// Held-out stories, seventy-ninth round, part two:
// 1. search-api's revision 19 added a fluent-bit sidecar without a CPU request, so its HPA can no
//    longer compute CPU utilization ("missing request for cpu in container fluent-bit") and the
//    service sits overloaded at minReplicas 3.
// 2. ledger-sync pins ledger-db.billing.corp to 10.40.12.87 with hostAliases; the database moved to
//    10.40.31.15 (its selectorless Service says so) and every connection to the old IP times out.
// 3. The orders namespace was meshed (Linkerd proxy injected by revision 23's restart) and order-api
//    talks MySQL to ProxySQL on port 6033, which is not marked opaque: the client waits for the
//    greeting while the proxy waits for client bytes ("reading initial communication packet").
// 4. claims-service's revision 41 set SPRING_PROFILES_ACTIVE=prod,local; the local profile points the
//    datasource at localhost:5432, so the new pods fail to start with "Connection to localhost:5432 refused".
// 5. web-frontend's revision 15 added a readinessGate on an AWS Load Balancer Controller target-health
//    condition, but that controller was removed from the cluster: the new pod never becomes Ready and
//    the rollout exceeds its progress deadline while the old pods serve.
// 6. The cost-export CronJob's pods mount a projected ServiceAccount token whose audience a chart
//    change set to "vault"; STS answers "InvalidIdentityToken: Incorrect token audience" and the Jobs fail.
// 7. Healthy control: a Redis cache that logs the "Memory overcommit must be enabled" and somaxconn
//    warnings at every start and saves its RDB snapshot regularly.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event, exposed,
  epochMs, httpProbe, job, jobEvent, nameOf, namespace, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, startedNormally, tcpProbe, terminated, uidOf, backOff, hpa, pulledFresh,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Applies `fn` to the pod spec of one revision: its ReplicaSet's template, its pods, and the Deployment's when it is the current one. */
function patchRevision(app: Built, revision: number, fn: (spec: k8s.V1PodSpec, where: 'template' | 'pod') => void): void {
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === String(revision)) as k8s.V1ReplicaSet | undefined;
  if (rs === undefined) throw new Error(`no revision ${revision}`);
  if (rs.spec?.template?.spec) fn(rs.spec.template.spec, 'template');
  const d = deploymentOf(app) as k8s.V1Deployment;
  if (d.metadata?.annotations?.['deployment.kubernetes.io/revision'] === String(revision) && d.spec?.template.spec) fn(d.spec.template.spec, 'template');
  for (const p of app.pods) if (p.metadata?.ownerReferences?.[0]?.name === nameOf(rs) && p.spec) fn(p.spec, 'pod');
}

/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [claims-service] [           main] o.s.b.Logger : msg`. */
const boot = (t: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [claims-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

// ---- 1. HPA blind after a sidecar without a CPU request ----------------------------------------------

function hpaMissingSidecarRequest(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '102', '219']);
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const app = (v: string) => container({
    image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
    env: [
      { name: 'OPENSEARCH_URL', value: 'https://vpc-search-prod-5x2kq.eu-west-1.es.amazonaws.com' },
      { name: 'MAX_INFLIGHT', value: '256' },
      { name: 'GOMEMLIMIT', value: '900MiB' },
    ],
    readiness: httpProbe('/ready', 8080, { timeoutSeconds: 1 }),
    liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15, timeoutSeconds: 3, failureThreshold: 5 }),
  });
  const sidecar = container({
    name: 'fluent-bit', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4', ports: [{ name: 'fb-metrics', containerPort: 2020 }],
    memory: '64Mi', memoryLimit: '128Mi', readiness: null, liveness: httpProbe('/', 2020, { initialDelaySeconds: 10 }),
    volumeMounts: [{ name: 'app-logs', mountPath: '/var/log/app', readOnly: true }, { name: 'fluent-bit-config', mountPath: '/fluent-bit/etc/' }],
  });
  // The chart's sidecar block sets only memory: no CPU request at all.
  sidecar.resources = { requests: { memory: '64Mi' }, limits: { memory: '128Mi' } };
  const volumes: k8s.V1Volume[] = [{ name: 'app-logs', emptyDir: {} }, { name: 'fluent-bit-config', configMap: { name: 'search-api-fluent-bit' } }];
  const api = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: search-api 7.3.2', template: { containers: [app('7.3.2')] } },
      { revision: 19, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: search-api 7.4.0 (ship logs to OpenSearch via fluent-bit)', template: { containers: [app('7.4.0'), sidecar], volumes } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * HOURS + 39 - k * 2 })),
    settled: { available: true, availableSince: 2 * HOURS + 34, progressingSince: 2 * HOURS + 40, progressingUpdatedAgo: 2 * HOURS + 34 },
  });
  const first = podOf(api, 0);
  const hpaObj = hpa({
    namespace: ns, name: 'search-api', target: { kind: 'Deployment', name: 'search-api' }, min: 3, max: 12, current: 3, desired: 3,
    cpu: { current: 0, target: 65 }, metricsUnavailable: true, lastScaleAgo: 2 * HOURS + 50,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: ago(40 * DAYS) },
      { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container fluent-bit of Pod ${nameOf(first)}`, lastTransitionTime: ago(2 * HOURS + 38) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(3 * DAYS) },
    ],
  });
  const other = bystander(ns, 'search-indexer', names, 26 * HOURS, { revisions: [11, 12], versions: ['3.8.0', '3.8.1'], olderAgo: 20 * DAYS });
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'search-api', namespace: ns };
  const fbConfig = configMap({
    namespace: ns, name: 'search-api-fluent-bit', createdAgo: 2 * HOURS + 41,
    data: {
      'fluent-bit.conf': '[SERVICE]\n    Flush        5\n    HTTP_Server  On\n    HTTP_Port    2020\n[INPUT]\n    Name  tail\n    Path  /var/log/app/*.log\n    Tag   search-api\n[OUTPUT]\n    Name  opensearch\n    Match *\n    Host  vpc-logs-prod-2m9x1.eu-west-1.es.amazonaws.com\n    Port  443\n    tls   On\n    AWS_Auth On\n    AWS_Region eu-west-1\n',
    },
  });
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(2 * HOURS + 38 - k * 2)}","caller":"cmd/server/main.go:71","msg":"search-api starting","version":"7.4.0","max_inflight":256}`,
      `{"level":"info","ts":"${at(2 * HOURS + 37.9 - k * 2)}","caller":"cmd/server/main.go:119","msg":"listening","addr":":8080"}`,
      `{"level":"warn","ts":"${at(2 * HOURS + 5 - k)}","caller":"opensearch/client.go:88","msg":"retrying request","attempt":1,"error":"context deadline exceeded","index":"products-v9"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 12 - i * 0.8 - k * 0.1;
      out.push(`{"level":"warn","ts":"${at(t)}","caller":"http/limiter.go:54","msg":"shedding load: inflight limit reached","inflight":256,"limit":256,"path":"/v1/search","status":503}`);
      if (i % 2 === 0) out.push(`{"level":"info","ts":"${at(t - 0.05)}","caller":"http/middleware.go:40","msg":"request","method":"GET","path":"/v1/search","status":200,"duration_ms":${2100 + i * 130 + k * 40},"queue_wait_ms":${1600 + i * 90}}`);
      if (i % 4 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.1)}","caller":"runtime/stats.go:31","msg":"event loop saturated","goroutines":${4800 + i * 61},"cpu_throttled_periods":0,"gc_pause_p99_ms":${38 + i}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout79-hpa-sidecar-without-cpu-request',
    class: 'capacity',
    truth: 'Revision 19 added a fluent-bit sidecar whose resources set only memory, so the HPA cannot compute CPU utilization ("missing request for cpu in container fluent-bit") and stopped scaling; search-api is overloaded at minReplicas 3 and sheds load with 503s.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...other.objects, hpaObj, fbConfig,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods }),
      event({ on: hpaRef, reason: 'FailedGetResourceMetric', message: `failed to get cpu utilization: missing request for cpu in container fluent-bit of Pod ${nameOf(first)}`, count: 318, firstAgo: 2 * HOURS + 38, lastAgo: 0.3, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container fluent-bit of Pod ${nameOf(first)}`, count: 318, firstAgo: 2 * HOURS + 38, lastAgo: 0.3, component: 'horizontal-pod-autoscaler' }),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9 + k * 4, firstAgo: 48, lastAgo: 1 + k })),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 3, 0, 2 * HOURS + 40),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 18), 0, 3, 2 * HOURS + 34),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(first, 'fluent-bit', { current: lines(
        `Fluent Bit v1.9.10`,
        `[${at(2 * HOURS + 38).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [fluent bit] version=1.9.10, commit=557c8336e7, pid=1`,
        `[${at(2 * HOURS + 38).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [input:tail:tail.0] initializing`,
        `[${at(2 * HOURS + 38).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [output:opensearch:opensearch.0] worker #0 started`,
        `[${at(31).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ warn] [engine] failed to flush chunk '1-1795403188.482113.flb', retry in 7 seconds: task_id=3, input=tail.0 > output=opensearch.0 (out_id=0)`,
        `[${at(30.8).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [engine] flush chunk '1-1795403188.482113.flb' succeeded at retry 1: task_id=3, input=tail.0 > output=opensearch.0 (out_id=0)`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fluent-bit/, /cpu request|request for cpu|requests?\.cpu|missing request/i],
      facts: [/FailedGetResourceMetric|ScalingActive|unable to compute the replica count/i, /search-api/, /\b3\b/],
      never: [/\bOOMKilled\b/, /metrics-server (is )?(down|unavailable|not running)/i],
    },
  };
}

// ---- 2. hostAliases pinning a moved database --------------------------------------------------------

function hostAliasesStaleIp(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.40', ['21', '147', '233']);
  const image = (v: string) => `${ECR}/billing/ledger-sync:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '200m', memory: '384Mi',
      command: ['python', '-m', 'ledger_sync'],
      env: [
        { name: 'LEDGER_DB_HOST', value: 'ledger-db.billing.corp' },
        { name: 'LEDGER_DB_PORT', value: '5432' },
        { name: 'LEDGER_DB_NAME', value: 'ledger' },
        { name: 'LEDGER_DB_CONNECT_TIMEOUT', value: '10' },
        { name: 'SYNC_INTERVAL_SECONDS', value: '30' },
      ],
      envFrom: [{ configMapRef: { name: 'ledger-sync-config' } }],
      readiness: null,
      liveness: httpProbe('/metrics', 9102, { initialDelaySeconds: 30 }),
    })],
  });
  const sync = deploymentApp({
    namespace: ns,
    name: 'ledger-sync',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: ledger-sync 2.6.0', template: tpl('2.6.0') },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-sync 2.6.1', template: tpl('2.6.1') },
    ],
    pods: [0, 1].map((k) => ({
      revision: 12, node: names[k] ?? '', createdAgo: 6 * DAYS - k,
      containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3 + k, ranSeconds: 42 }, 11 + k) },
    })),
  });
  // Pinned since the days the database had no DNS record; kept in every revision since.
  for (const r of [11, 12]) patchRevision(sync, r, (spec) => { spec.hostAliases = [{ ip: '10.40.12.87', hostnames: ['ledger-db.billing.corp'] }]; });
  const apiImage = `${ECR}/billing/invoice-api:5.2.3`;
  const invoice = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 2,
    revisions: [{ revision: 31, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 5.2.3', template: { containers: [container({ image: apiImage, env: [{ name: 'DATABASE_URL', value: 'postgresql://invoice@ledger-db.billing.svc.cluster.local:5432/ledger' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 31, node: names[k + 1] ?? '', createdAgo: 12 * DAYS - k })),
  });
  const dbSvc = service({ namespace: ns, name: 'ledger-db', selector: {}, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], createdAgo: 300 * DAYS });
  delete dbSvc.spec?.selector;
  dbSvc.metadata = { ...dbSvc.metadata, annotations: { 'ledger.billing/migrated': 'pg15 cluster ledger-db-v2, cutover 2026-11-21T02:15Z (CHG-20931)' } };
  const dbSlice: k8s.V1EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'ledger-db-external', namespace: ns, uid: uidOf('endpointslice/billing/ledger-db-external'), creationTimestamp: ago(62),
      labels: { 'kubernetes.io/service-name': 'ledger-db', 'endpointslice.kubernetes.io/managed-by': 'terraform' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.40.31.15'], conditions: { ready: true } }],
    ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
  };
  const cfg = configMap({
    namespace: ns, name: 'ledger-sync-config', createdAgo: 200 * DAYS, updatedAgo: 23 * DAYS,
    data: { LOG_LEVEL: 'INFO', BATCH_SIZE: '500', UPSTREAM_PSP_URL: 'https://api.adyen.com/reports/v1', LEDGER_DB_SSLMODE: 'require' },
  });
  const pods = sync.pods;
  const crashRun = (t: number) => lines(
    `${pyTime(t)} INFO ledger_sync.main: ledger-sync 2.6.1 starting (interval=30s, batch=500)`,
    `${pyTime(t - 0.01)} INFO ledger_sync.metrics: serving metrics on :9102`,
    `${pyTime(t - 0.02)} INFO ledger_sync.db: connecting to ledger-db.billing.corp:5432/ledger (attempt 1/3)`,
    `${pyTime(t - 0.19)} WARNING ledger_sync.db: connect failed: connection to server at "ledger-db.billing.corp" (10.40.12.87), port 5432 failed: timeout expired`,
    `${pyTime(t - 0.2)} INFO ledger_sync.db: connecting to ledger-db.billing.corp:5432/ledger (attempt 2/3)`,
    `${pyTime(t - 0.37)} WARNING ledger_sync.db: connect failed: connection to server at "ledger-db.billing.corp" (10.40.12.87), port 5432 failed: timeout expired`,
    `${pyTime(t - 0.38)} INFO ledger_sync.db: connecting to ledger-db.billing.corp:5432/ledger (attempt 3/3)`,
    `${pyTime(t - 0.55)} ERROR ledger_sync.main: giving up after 3 attempts`,
    'Traceback (most recent call last):',
    '  File "/app/ledger_sync/__main__.py", line 4, in <module>',
    '    main()',
    '  File "/app/ledger_sync/main.py", line 61, in main',
    '    pool = db.connect_with_retry(settings)',
    '  File "/app/ledger_sync/db.py", line 38, in connect_with_retry',
    '    return psycopg2.connect(dsn, connect_timeout=settings.connect_timeout)',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    'psycopg2.OperationalError: connection to server at "ledger-db.billing.corp" (10.40.12.87), port 5432 failed: timeout expired',
    '',
  );
  return {
    id: 'heldout79-hostaliases-pin-moved-database',
    class: 'network',
    truth: 'ledger-sync\'s pod template pins ledger-db.billing.corp to 10.40.12.87 with hostAliases; the ledger database was migrated an hour ago and now lives at 10.40.31.15 (the ledger-db Service\'s endpoint), so every connection to the old IP times out and the worker crash-loops.',
    ask: { service: 'ledger-sync', namespace: ns },
    objects: [
      ...nodes, ...sync.objects, ...invoice.objects, dbSvc, dbSlice, cfg,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: invoice.pods }),
      ...pods.flatMap((p, k) => [
        backOff(p, 'app', { count: 190 + k * 7, firstAgo: 58, lastAgo: 0.5 }),
        ...restartedAgain(p, 'app', image('2.6.1'), { count: 11 + k, firstAgo: 60, lastAgo: 3 + k }),
      ]),
      // Yesterday's noise: a liveness blip during a node's kernel upgrade.
      probeFailed(podOf(sync, 1), 'app', 'Liveness', `Get "http://${podOf(sync, 1).status?.podIP ?? ''}:9102/metrics": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS }),
    ],
    logs: pods.map((p, k) => logsFor(p, 'app', { previous: crashRun(3.7 + k) })),
    expect: {
      verdict: 'problems',
      headline: [/hostAliases?|\/etc\/hosts|host ?alias/i, /10\.40\.12\.87/],
      facts: [/10\.40\.31\.15/, /ledger-db/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /liveness probe[^\n]*(cause|kill)/i],
    },
  };
}

// ---- 3. Linkerd protocol detection on a server-speaks-first port -----------------------------------

function linkerdMysqlNotOpaque(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.56', ['33', '120', '241']);
  const image = `${ECR}/orders/order-api:9.14.2`;
  const proxyImage = 'cr.l5d.io/linkerd/proxy:edge-24.11.8';
  const appC = container({
    image, ports: [8000], cpu: '300m', memory: '512Mi',
    command: ['gunicorn', '-c', 'gunicorn.conf.py', 'order_api.wsgi:app'],
    env: [
      { name: 'DATABASE_URL', value: 'mysql+mysqldb://order_api@orders-proxysql.orders.svc.cluster.local:6033/orders?connect_timeout=5' },
      { name: 'GUNICORN_WORKERS', value: '4' },
    ],
    readiness: httpProbe('/ready', 8000, { timeoutSeconds: 6 }),
    liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }),
  });
  const proxy = container({
    name: 'linkerd-proxy', image: proxyImage, cpu: '100m', memory: '20Mi', memoryLimit: '250Mi',
    ports: [{ name: 'linkerd-proxy', containerPort: 4143 }, { name: 'linkerd-admin', containerPort: 4191 }],
    env: [
      { name: 'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION', value: '25,587,3306,4444,5432,6379,9300,11211' },
      { name: 'LINKERD2_PROXY_DESTINATION_SVC_ADDR', value: 'linkerd-dst-headless.linkerd.svc.cluster.local.:8086' },
      { name: 'LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT', value: '1000ms' },
    ],
    readiness: httpProbe('/ready', 4191, { initialDelaySeconds: 2 }),
    liveness: httpProbe('/live', 4191, { initialDelaySeconds: 10 }),
    securityContext: { runAsUser: 2102, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
  });
  const init = batchContainer({
    name: 'linkerd-init', image: 'cr.l5d.io/linkerd/proxy-init:v2.4.1', cpu: '100m', memory: '20Mi',
    args: ['--incoming-proxy-port', '4143', '--outgoing-proxy-port', '4140', '--proxy-uid', '2102', '--inbound-ports-to-ignore', '4190,4191,4567,4568', '--outbound-ports-to-ignore', '4567,4568'],
    securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, runAsUser: 65534 },
  });
  const meshAnnotations = { 'linkerd.io/created-by': 'linkerd/proxy-injector edge-24.11.8', 'linkerd.io/inject': 'enabled', 'linkerd.io/proxy-version': 'edge-24.11.8', 'linkerd.io/trust-root-sha256': '4c1a6a0a0e3c5c3b1d0e8f4f3b3c2a1e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a' };
  const api = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 5 * DAYS, changeCause: 'argocd: order-api 9.14.2', template: { containers: [appC] } },
      { revision: 23, createdAgo: 34, template: { containers: [appC, proxy], initContainers: [init], annotations: { 'kubectl.kubernetes.io/restartedAt': at(34).slice(0, 19) + 'Z', ...meshAnnotations } } },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 34, ready: false, containers: { app: running({ sinceAgo: 33.5, ready: false }) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 34, ready: false, containers: { app: running({ sinceAgo: 33.5, ready: false }) } },
    ],
  });
  // The injector mutates pods, not the templates: the ReplicaSet and the Deployment keep only the restart annotation.
  patchRevision(api, 23, (spec, where) => {
    if (where === 'template') { spec.containers = spec.containers.filter((c) => c.name !== 'linkerd-proxy'); delete spec.initContainers; }
  });
  for (const o of api.objects) {
    if ((o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '23') || o.kind === 'Deployment') {
      const t = (o as k8s.V1ReplicaSet).spec?.template;
      if (t?.metadata) t.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': at(34).slice(0, 19) + 'Z' };
    }
  }
  const nsObj = namespace({ name: ns, createdAgo: 400 * DAYS, labels: { team: 'orders' }, labelledAgo: 40 });
  nsObj.metadata = { ...nsObj.metadata, annotations: { 'linkerd.io/inject': 'enabled' } };
  const proxysqlImage = 'docker.io/proxysql/proxysql:2.7.1';
  const psql = deploymentApp({
    namespace: ns,
    name: 'orders-proxysql',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 48 * DAYS, template: { containers: [container({ name: 'proxysql', image: proxysqlImage, ports: [{ name: 'mysql', containerPort: 6033 }, { name: 'admin', containerPort: 6032 }], cpu: '250m', memory: '256Mi', readiness: tcpProbe('mysql'), liveness: tcpProbe('mysql', { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 6, node: names[k] ?? '', createdAgo: 48 * DAYS - k })),
  });
  const newPods = api.pods.slice(3);
  const oldPods = api.pods.slice(0, 3);
  const slow = (t: number, w: number) => [
    `[${pyTime(t).slice(0, 19)} +0000] [${w}] [ERROR] Exception on /ready [GET]`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 145, in __init__',
    '    self._dbapi_connection = engine.raw_connection()',
    '  File "/usr/local/lib/python3.11/site-packages/MySQLdb/connections.py", line 195, in __init__',
    '    super().__init__(*args, **kwargs2)',
    'MySQLdb.OperationalError: (2013, "Lost connection to MySQL server at \'reading initial communication packet\', system error: 0")',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'sqlalchemy.exc.OperationalError: (MySQLdb.OperationalError) (2013, "Lost connection to MySQL server at \'reading initial communication packet\', system error: 0")',
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
  ];
  const newAppLog = (k: number) => {
    const out = [
      `[${pyTime(33.4).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${pyTime(33.4).slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${pyTime(33.4).slice(0, 19)} +0000] [1] [INFO] Using worker: gthread`,
      ...[7, 8, 9, 10].map((w) => `[${pyTime(33.3).slice(0, 19)} +0000] [${w}] [INFO] Booting worker with pid: ${w}`),
    ];
    for (let i = 0; i < 8; i++) out.push(...slow(30 - i * 3.7 - k * 0.3, 7 + ((i + k) % 4)));
    return lines(...out);
  };
  const proxyLog = (k: number) => {
    const out = [
      `[     0.002184s]  INFO ThreadId(01) linkerd2_proxy: release 0.0.0-dev (e1b7a0c) by linkerd on 2024-11-27T14:52:05Z`,
      `[     0.004861s]  INFO ThreadId(01) linkerd2_proxy::rt: Using single-threaded proxy runtime`,
      `[     0.005732s]  INFO ThreadId(01) linkerd2_proxy: Admin interface on 0.0.0.0:4191`,
      `[     0.005741s]  INFO ThreadId(01) linkerd2_proxy: Inbound interface on 0.0.0.0:4143`,
      `[     0.005744s]  INFO ThreadId(01) linkerd2_proxy: Outbound interface on 127.0.0.1:4140`,
      `[     0.005760s]  INFO ThreadId(01) linkerd2_proxy: SNI is order-api.orders.serviceaccount.identity.linkerd.cluster.local`,
      `[     0.021118s]  INFO ThreadId(02) daemon:identity: linkerd_app: Certified identity id=order-api.orders.serviceaccount.identity.linkerd.cluster.local`,
    ];
    for (let i = 0; i < 10; i++) {
      const s = 30 + i * 205 + k * 3;
      out.push(`[  ${String(s).padStart(5)}.${String(118402 + i * 7717).slice(0, 6)}s]  INFO ThreadId(01) outbound:proxy{addr=172.20.61.40:6033}: linkerd_detect: Continuing after timeout: linkerd_proxy_http::version::Version protocol detection timed out after 10s`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout79-linkerd-mysql-port-not-opaque',
    class: 'network',
    truth: 'The orders namespace was annotated for Linkerd injection and revision 23 (a rollout restart) put linkerd-proxy into order-api; the app speaks MySQL to ProxySQL on port 6033, a server-speaks-first port not marked opaque, so the proxy waits 10s for protocol detection while the client waits for the greeting and times out ("reading initial communication packet"); the new pods never become Ready.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      nsObj, ...nodes, ...api.objects, ...psql.objects,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'orders-proxysql', selector: { app: 'orders-proxysql' }, ports: [{ name: 'mysql', port: 6033, targetPort: 'mysql' }], clusterIP: '172.20.61.40', pods: psql.pods, endpointPort: 6033 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 23), 2, 0, 34),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 22), 3, 4, 34),
      ...newPods.flatMap((p) => [
        ...pulledFresh(p, 'linkerd-init', 'cr.l5d.io/linkerd/proxy-init:v2.4.1', { atAgo: 34, bytes: 31_402_118, seconds: 1.9, init: true }),
        ...startedNormally(p, 'app', image, 33.6).slice(1),
        ...pulledFresh(p, 'linkerd-proxy', proxyImage, { atAgo: 33.6, bytes: 58_771_904, seconds: 2.4 }).slice(1),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 176, firstAgo: 33, lastAgo: 0.2 }),
      ]),
      // Older noise: yesterday's restart of a ProxySQL pod after a node drain.
      event({ on: podOf(psql, 1), type: 'Normal', reason: 'Killing', message: 'Stopping container proxysql', firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{proxysql}' }),
    ],
    logs: [
      ...newPods.map((p, k) => logsFor(p, 'app', { current: newAppLog(k) })),
      ...newPods.map((p, k) => logsFor(p, 'linkerd-proxy', { current: proxyLog(k) })),
      ...oldPods.map((p) => logsFor(p, 'app', { current: lines(
        `[${pyTime(5 * DAYS - 0.5).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
        `${p.status?.podIP ?? ''} - - [21/Nov/2026:03:12:02 +0000] "GET /v3/orders?customer=C-220911 HTTP/1.1" 200 1822 "-" "checkout-web/4.1"`,
        `${p.status?.podIP ?? ''} - - [21/Nov/2026:03:13:40 +0000] "POST /v3/orders HTTP/1.1" 201 611 "-" "checkout-web/4.1"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/linkerd|opaque|protocol detection|mesh/i, /6033|proxysql|mysql/i],
      facts: [/reading initial communication packet/i, /opaque|protocol detection/i, /revision 23|\b23\b/],
      never: [/\bOOM/, /NetworkPolicy \S+ (blocks|denies)/i, /proxysql[^\n]*(is )?(down|crash)/i],
    },
  };
}

// ---- 4. Spring profile "local" activated in production ---------------------------------------------

function springLocalProfile(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.64', ['12', '138', '205']);
  const image = (v: string) => `${ECR}/claims/claims-service:${v}`;
  const tpl = (v: string, profiles: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: profiles },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
        { name: 'SPRING_CONFIG_IMPORT', value: 'optional:configtree:/etc/claims/' },
      ],
      volumeMounts: [{ name: 'config', mountPath: '/etc/claims', readOnly: true }],
      readiness: httpProbe('/actuator/health/readiness', 8081, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'config', configMap: { name: 'claims-service-config' } }],
  });
  const svc = deploymentApp({
    namespace: ns,
    name: 'claims-service',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: claims-service 3.22.0', template: tpl('3.22.0', 'prod') },
      { revision: 41, createdAgo: 27, changeCause: 'argocd: claims-service 3.22.1', template: tpl('3.22.1', 'prod,local') },
    ],
    pods: [
      ...[0, 1].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 11 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 4 * DAYS, ranSeconds: 600_000 } }) } } : {}) })),
      { revision: 41, node: names[2] ?? '', createdAgo: 27, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 14 }, 9) } },
    ],
  });
  const newPod = podOf(svc, 2);
  const cfg = configMap({
    namespace: ns, name: 'claims-service-config', createdAgo: 300 * DAYS, updatedAgo: 11 * DAYS,
    data: {
      'spring.datasource.url': 'jdbc:postgresql://claims-db.cluster-c9k2m1x0p4.eu-west-1.rds.amazonaws.com:5432/claims',
      'spring.datasource.username': 'claims_app',
      'spring.datasource.hikari.maximum-pool-size': '20',
      'management.endpoint.health.probes.enabled': 'true',
    },
  });
  const crash = (t: number) => lines(
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    boot(t, 'INFO', 'main', 'c.a.claims.ClaimsServiceApplication', 'Starting ClaimsServiceApplication v3.22.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    boot(t - 0.01, 'INFO', 'main', 'c.a.claims.ClaimsServiceApplication', 'The following 2 profiles are active: "prod", "local"'),
    boot(t - 0.04, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    boot(t - 0.09, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    boot(t - 0.1, 'WARN', 'main', 'o.h.e.j.e.i.JdbcEnvironmentInitiator', 'HHH000342: Could not obtain connection to query metadata'),
    'org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)',
    '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)',
    '\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)',
    '\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:554)',
    'Caused by: java.net.ConnectException: Connection refused',
    '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
    '\t... 52 common frames omitted',
    boot(t - 0.2, 'ERROR', 'main', 'o.s.b.web.embedded.tomcat.TomcatStarter', 'Error starting Tomcat context. Exception: org.springframework.beans.factory.BeanCreationException. Message: Error creating bean with name \'dataSourceScriptDatabaseInitializer\' defined in class path resource [org/springframework/boot/autoconfigure/sql/init/DataSourceInitializationConfiguration.class]: Failed to initialize dependency \'entityManagerFactory\''),
    boot(t - 0.22, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    'org.springframework.context.ApplicationContextException: Unable to start web server',
    'Caused by: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    '',
  );
  const healthy = (p: k8s.V1Pod) => lines(
    boot(12, 'INFO', 'http-nio-8080-exec-4', 'c.a.claims.api.ClaimController', 'claim CLM-2026-118842 status=UNDER_REVIEW'),
    boot(6, 'WARN', 'http-nio-8080-exec-9', 'o.s.web.servlet.PageNotFound', 'No mapping for GET /favicon.ico'),
    boot(2, 'INFO', 'scheduling-1', 'c.a.claims.jobs.SlaSweeper', `SLA sweep done: 14 claims escalated (pod ${nameOf(p)})`),
  );
  return {
    id: 'heldout79-spring-local-profile-in-prod',
    class: 'config',
    truth: 'Revision 41 set SPRING_PROFILES_ACTIVE to "prod,local"; the local profile overrides the datasource to localhost:5432, so the new pod fails to start with "Connection to localhost:5432 refused" and crash-loops while the two revision-40 pods keep serving.',
    ask: { service: 'claims-service', namespace: ns },
    objects: [
      ...nodes, ...svc.objects, cfg,
      ...exposed({ namespace: ns, name: 'claims-service', selector: { app: 'claims-service' }, pods: svc.pods }),
      scaledReplicaSet(deploymentOf(svc), rsOf(svc, 41), 1, 0, 27),
      backOff(newPod, 'app', { count: 104, firstAgo: 25, lastAgo: 0.4 }),
      ...restartedAgain(newPod, 'app', image('3.22.1'), { count: 9, firstAgo: 26, lastAgo: 2.2 }),
      probeFailed(newPod, 'app', 'Readiness', `Get "http://${newPod.status?.podIP ?? ''}:8081/actuator/health/readiness": dial tcp ${newPod.status?.podIP ?? ''}:8081: connect: connection refused`, { count: 21, firstAgo: 26, lastAgo: 2.3 }),
    ],
    logs: [
      logsFor(newPod, 'app', { previous: crash(7.6), current: crash(2.3) }),
      logsFor(podOf(svc, 0), 'app', { current: healthy(podOf(svc, 0)) }),
      logsFor(podOf(svc, 1), 'app', { current: healthy(podOf(svc, 1)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SPRING_PROFILES_ACTIVE|profiles?\b|\blocal\b/i, /localhost:5432|localhost/i],
      facts: [/prod,local|"local"/, /Connection to localhost:5432 refused|localhost:5432/i],
      never: [/\bOOM/, /(RDS|postgres(ql)?|database) (is )?(down|unavailable|unreachable)/i],
    },
  };
}

// ---- 5. A readinessGate nobody sets -----------------------------------------------------------------

function orphanedReadinessGate(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.24', ['9', '117', '230']);
  const image = (v: string) => `${ECR}/storefront/web-frontend:${v}`;
  const gate = 'target-health.elbv2.k8s.aws/k8s-storefro-webfront-6c1e0f5a2b';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '250m', memory: '512Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'API_BASE_URL', value: 'http://storefront-bff.storefront.svc.cluster.local' }],
      readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const web = deploymentApp({
    namespace: ns,
    name: 'web-frontend',
    replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: web-frontend 12.8.0', template: tpl('12.8.0') },
      { revision: 15, createdAgo: 46, changeCause: 'argocd: web-frontend 12.9.0 (chart 4.0.0: target-type ip readiness gate)', template: tpl('12.9.0') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 46, ready: false },
    ],
  });
  patchRevision(web, 15, (spec) => { spec.readinessGates = [{ conditionType: gate }]; });
  const newPod = podOf(web, 4);
  for (const c of newPod.status?.conditions ?? []) {
    if (c.type === 'Ready') { c.reason = 'ReadinessGatesNotReady'; c.message = `corresponding condition of pod readiness gate "${gate}" does not exist.`; c.lastTransitionTime = ago(46); }
  }
  const other = bystander(ns, 'storefront-bff', names, 3 * HOURS, { revisions: [60, 61], versions: ['2.40.1', '2.41.0'], olderAgo: 9 * DAYS });
  const nsObj = namespace({ name: ns, createdAgo: 500 * DAYS, labels: { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled', team: 'web' } });
  const ingressCfg = configMap({
    namespace: ns, name: 'storefront-edge', createdAgo: 14 * DAYS, updatedAgo: 9 * DAYS,
    data: {
      'README': 'Since 2026-11-12 (PLAT-1187) storefront traffic enters through ingress-nginx (NLB -> ingress-nginx-controller).\nThe aws-load-balancer-controller was uninstalled from this cluster; TargetGroupBindings are gone.\n',
      'host': 'www.shop.example.com',
    },
  });
  const webLog = (p: k8s.V1Pod, since: number, v: string) => lines(
    `  ▲ Next.js 14.2.18`,
    `  - Local:        http://${nameOf(p)}:3000`,
    `  - Network:      http://${p.status?.podIP ?? ''}:3000`,
    '',
    ` ✓ Starting...`,
    ` ✓ Ready in 412ms`,
    `{"level":30,"time":${epochMs(since - 1)},"pid":1,"hostname":"${nameOf(p)}","msg":"web-frontend ${v} up"}`,
    `{"level":40,"time":${epochMs(since - 3)},"pid":1,"hostname":"${nameOf(p)}","msg":"fetch /api/recommendations slow","duration_ms":1840}`,
  );
  return {
    id: 'heldout79-readiness-gate-without-controller',
    class: 'rollout',
    truth: `Revision 15 (chart 4.0.0) added the readinessGate "${gate}", but the AWS Load Balancer Controller that sets that condition was uninstalled when the cluster moved to ingress-nginx; the new pod's containers are ready yet the pod never becomes Ready, the rollout exceeded its progress deadline and the four revision-14 pods still serve.`,
    ask: { service: 'web-frontend', namespace: ns },
    objects: [
      nsObj, ...nodes, ...web.objects, ...other.objects, ingressCfg,
      ...exposed({ namespace: ns, name: 'web-frontend', selector: { app: 'web-frontend' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: web.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 15), 1, 0, 46),
      ...startedNormally(newPod, 'app', image('12.9.0'), 45.8),
      // Noise: readiness blips of an old pod during yesterday's traffic peak.
      probeFailed(podOf(web, 2), 'app', 'Readiness', `Get "http://${podOf(web, 2).status?.podIP ?? ''}:3000/api/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 2 }),
    ],
    logs: [
      logsFor(newPod, 'app', { current: webLog(newPod, 45.5, '12.9.0') }),
      logsFor(podOf(web, 0), 'app', { current: webLog(podOf(web, 0), 6 * DAYS - 1, '12.8.0') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/readiness ?gates?|target-health|elbv2/i],
      facts: [/aws-load-balancer-controller|load balancer controller|elbv2/i, /ProgressDeadlineExceeded|progress deadline|revision 15/i],
      never: [/Readiness probe (fail|is failing)/i, /\bOOM/, /CrashLoopBackOff/],
    },
  };
}

// ---- 6. IRSA token with the wrong audience ----------------------------------------------------------

function irsaWrongAudience(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.112', ['40', '166', '250']);
  const image = `${ECR}/reporting/cost-export:1.9.3`;
  const roleArn = 'arn:aws:iam::123456789012:role/reporting-cost-export';
  const tpl = (audience: string) => ({
    containers: [batchContainer({
      name: 'cost-export', image, cpu: '200m', memory: '512Mi',
      command: ['python', '-m', 'cost_export', '--bucket', 'acme-finops-exports', '--granularity', 'HOURLY'],
      env: [
        { name: 'AWS_ROLE_ARN', value: roleArn },
        { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' },
      ],
      volumeMounts: [{ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true }],
    })],
    serviceAccountName: 'cost-export',
    volumes: [{ name: 'aws-iam-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience, expirationSeconds: 86400, path: 'token' } }] } }],
  });
  const cron = cronJob({
    namespace: ns, name: 'cost-export', schedule: '5 * * * *', backoffLimit: 2, template: tpl('vault'),
    jobs: [
      { createdAgo: 2 * HOURS + 9, outcome: { failed: 'BackoffLimitExceeded', ago: 2 * HOURS + 7 }, pods: [0, 1, 2].map((k) => ({ node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k * 0.4, phase: 'Failed' as const, containers: { 'cost-export': terminated({ exitCode: 1, finishedAgo: 2 * HOURS + 8.9 - k * 0.4, ranSeconds: 4 }) } })) },
      { createdAgo: 1 * HOURS + 9, outcome: { failed: 'BackoffLimitExceeded', ago: 1 * HOURS + 7 }, pods: [0, 1, 2].map((k) => ({ node: names[(k + 1) % 3] ?? '', createdAgo: 1 * HOURS + 9 - k * 0.4, phase: 'Failed' as const, containers: { 'cost-export': terminated({ exitCode: 1, finishedAgo: 1 * HOURS + 8.9 - k * 0.4, ranSeconds: 4 }) } })) },
      { createdAgo: 9, outcome: { failed: 'BackoffLimitExceeded', ago: 7 }, pods: [0, 1, 2].map((k) => ({ node: names[(k + 2) % 3] ?? '', createdAgo: 9 - k * 0.4, phase: 'Failed' as const, containers: { 'cost-export': terminated({ exitCode: 1, finishedAgo: 8.9 - k * 0.4, ranSeconds: 4 }) } })) },
    ],
    lastSuccessfulAgo: 3 * HOURS + 6,
  });
  const cronObj = cron.objects[0];
  const cronUid = cron.uid;
  // The last good run, before the chart change (the audience was sts.amazonaws.com).
  const minute = Math.floor(ago(3 * HOURS + 9).getTime() / 60_000);
  const good = job({
    namespace: ns, name: `cost-export-${minute}`, template: tpl('sts.amazonaws.com'), backoffLimit: 2, createdAgo: 3 * HOURS + 9, owner: { name: 'cost-export', uid: cronUid },
    outcome: { complete: true, ago: 3 * HOURS + 6 },
    pods: [{ node: names[0] ?? '', createdAgo: 3 * HOURS + 9, phase: 'Succeeded', containers: { 'cost-export': terminated({ exitCode: 0, finishedAgo: 3 * HOURS + 6, ranSeconds: 170 }) } }],
  });
  const lastJob = cron.jobs[2];
  const failedPods = cron.jobs.flatMap((j) => j.pods);
  const stsFail = (t: number) => lines(
    `${pyTime(t)} INFO cost_export.main: cost-export 1.9.3 window=${at(t + 65).slice(0, 13)}:00Z bucket=acme-finops-exports`,
    `${pyTime(t - 0.01)} INFO botocore.credentials: Found credentials from assume-role-with-web-identity`,
    'Traceback (most recent call last):',
    '  File "/app/cost_export/main.py", line 48, in run',
    '    ce = session.client("ce", region_name="us-east-1")',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/credentials.py", line 1098, in _get_credentials',
    '    return client.assume_role_with_web_identity(**kwargs)',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
    '    raise error_class(parsed_response, operation_name)',
    'botocore.errorfactory.InvalidIdentityTokenException: An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience',
    '',
  );
  const cronRef = cronObj;
  return {
    id: 'heldout79-irsa-token-wrong-audience',
    class: 'jobs',
    truth: 'A chart change made the cost-export CronJob mount its projected ServiceAccount token with audience "vault" instead of "sts.amazonaws.com"; STS rejects AssumeRoleWithWebIdentity with "InvalidIdentityToken: Incorrect token audience" and every hourly Job since fails.',
    ask: { service: 'cost-export', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...good.objects,
      cronJobEvent(cronRef, 'SawCompletedJob', `Saw completed job: ${nameOf(good.objects[0])}, condition: Complete`, 3 * HOURS + 6),
      ...cron.jobs.flatMap((j) => [
        jobEvent(j.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(j.pods[0])}`, (j.pods[0]?.metadata?.creationTimestamp ? (Date.parse(ago(0).toISOString()) - new Date(j.pods[0].metadata.creationTimestamp).getTime()) / 60_000 : 1)),
        jobEvent(j.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', ((Date.parse(ago(0).toISOString()) - new Date(j.pods[2]?.metadata?.creationTimestamp ?? ago(1)).getTime()) / 60_000) - 1.5, 'Warning'),
        cronJobEvent(cronRef, 'SawCompletedJob', `Saw completed job: ${nameOf(j.objects[0])}, condition: Failed`, ((Date.parse(ago(0).toISOString()) - new Date(j.pods[2]?.metadata?.creationTimestamp ?? ago(1)).getTime()) / 60_000) - 1.5),
      ]),
      ...(lastJob ? lastJob.pods.map((p, k) => scheduled(p, 9 - k * 0.4)) : []),
    ],
    logs: failedPods.slice(-3).map((p, k) => logsFor(p, 'cost-export', { current: stsFail(8.95 - k * 0.4) })),
    expect: {
      verdict: 'problems',
      headline: [/audience|\baud\b/i, /InvalidIdentityToken|AssumeRoleWithWebIdentity|vault|sts\.amazonaws\.com|token/i],
      facts: [/cost-export/, /vault|sts\.amazonaws\.com/, /Incorrect token audience/i],
      never: [/\bOOM/, /(IAM )?(role|policy) (is )?missing (a )?permission|AccessDenied/i],
    },
  };
}

// ---- 7. Healthy control: Redis with its kernel-tuning warnings ---------------------------------------

function healthyRedisKernelWarnings(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.20', ['7', '150', '222']);
  const image = 'docker.io/library/redis:7.4.1-alpine';
  const cache = deploymentApp({
    namespace: ns,
    name: 'profile-cache',
    replicas: 1,
    revisions: [
      { revision: 4, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', args: ['--save', '300', '100', '--maxmemory', '768mb', '--maxmemory-policy', 'allkeys-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } },
      { revision: 5, createdAgo: 8 * DAYS, changeCause: 'argocd: redis 7.4.1', template: { containers: [container({ name: 'redis', image, args: ['--save', '300', '100', '--maxmemory', '768mb', '--maxmemory-policy', 'allkeys-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })], volumes: [{ name: 'data', emptyDir: {} }] } },
    ],
    pods: [{ revision: 5, node: names[1] ?? '', createdAgo: 8 * DAYS, containers: { redis: running({ sinceAgo: 8 * DAYS, restarts: 0 }) } }],
  });
  const pod = podOf(cache, 0);
  const api = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 3,
    revisions: [{ revision: 52, createdAgo: 2 * DAYS, changeCause: 'argocd: profile-api 6.0.4', template: { containers: [container({ image: `${ECR}/accounts/profile-api:6.0.4`, env: [{ name: 'REDIS_URL', value: 'redis://profile-cache.accounts.svc.cluster.local:6379/0' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const rt = (t: number) => {
    const d = ago(t);
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
  };
  const start = 8 * DAYS - 0.2;
  const out = [
    `1:C ${rt(start)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${rt(start)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${rt(start)} * Configuration loaded`,
    `1:M ${rt(start)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${rt(start)} # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`,
    `1:M ${rt(start)} * Running mode=standalone, port=6379.`,
    `1:M ${rt(start)} * Server initialized`,
    `1:M ${rt(start)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:M ${rt(start)} * Ready to accept connections tcp`,
  ];
  for (let i = 5; i >= 0; i--) {
    const t = 2 + i * 5;
    const pid = 48_211 + (5 - i) * 3;
    out.push(
      `1:M ${rt(t)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${rt(t)} * Background saving started by pid ${pid}`,
      `${pid}:C ${rt(t - 0.01)} * DB saved on disk`,
      `${pid}:C ${rt(t - 0.01)} * Fork CoW for RDB: current 1 MB, peak 1 MB, average 1 MB`,
      `1:M ${rt(t - 0.02)} * Background saving terminated with success`,
    );
  }
  return {
    id: 'heldout79-healthy-redis-kernel-warnings',
    class: 'healthy',
    truth: 'profile-cache is healthy: the single Redis pod has served for eight days and saves its RDB snapshot every few minutes; the overcommit and somaxconn warnings it prints at every start are kernel-tuning advice, not a fault.',
    ask: { service: 'profile-cache', namespace: ns },
    objects: [
      ...nodes, ...cache.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'profile-cache', selector: { app: 'profile-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: cache.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: api.pods }),
      ...startedNormally(pod, 'redis', image, 8 * DAYS),
    ],
    logs: [
      logsFor(pod, 'redis', { current: lines(...out) }),
      logsFor(podOf(api, 0), 'app', { current: lines(`{"level":"info","time":"${at(3)}","msg":"GET /v2/profiles/me 200","duration_ms":7,"cache":"hit"}`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|fault)s?|running normally|fine/i],
      facts: [/profile-cache/],
      never: [/overcommit[^\n]*(caus|fail|problem|fix)/i, /\bOOM/, /somaxconn[^\n]*(caus|problem)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  hpaMissingSidecarRequest(),
  hostAliasesStaleIp(),
  linkerdMysqlNotOpaque(),
  springLocalProfile(),
  orphanedReadinessGate(),
  irsaWrongAudience(),
  healthyRedisKernelWarnings(),
];


// Held-out stories, ninety-second round, part two:
// 1. (config) invoice-service, a Spring Boot client with spring.cloud.config fail-fast, crash-loops
//    on its rescheduled pod because the in-cluster config-server is itself crash-looping
//    (OOMKilled since its revision 9 cut the memory limit to 256Mi);
// 2. (rollout) availability-api's gRPC calls to stock-service fail RESOURCE_EXHAUSTED "received
//    message larger than max (… vs. 4194304)" since stock-service revision 18 raised its default
//    ListStockLevels page size from 500 to 5000 — the SERVER's rollout is the trigger;
// 3. (config) order-api gets "cannot execute INSERT in a read-only transaction" since an edit of
//    ConfigMap order-api-config moved DATABASE_HOST to orders-db-ro (the replica Service), picked up
//    by a rollout restart; reads work, writes fail;
// 4. (jobs) the nightly ledger-export CronJob's Job pod sits in ContainerCreating: its volume refers
//    to ConfigMap ledger-export-config, which a chart refactor renamed to ledger-export-settings;
// 5. (scheduling) embedding-server pods Pending on "Insufficient nvidia.com/gpu": the replaced GPU
//    node booted an AMI without the NVIDIA driver, so the device plugin finds no NVML and the node
//    advertises no nvidia.com/gpu;
// 6. (probes) ledger-gateway revision 14 switched the server to TLS on 8443 but left the probes'
//    scheme HTTP, so probes get "HTTP probe failed with statuscode: 400" and liveness kills the pods;
// 7. healthy control: an Envoy edge proxy logging "Using deprecated option … This configuration will
//    be removed from Envoy soon." at start, otherwise serving.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, daemonSetApp, deploymentApp, event,
  endpointSliceFor, exposed, failedScheduling, httpProbe, jobEvent, nameOf, node, nodeEvent, probeFailed, probeKilling,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, tcpProbe, waiting,
  execProbe, cronJobEvent, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3.3 console time: `2026-11-21T03:12:41.563Z`. */
const sbTime = (m: number): string => at(m);
const sb = (m: number, level: string, thread: string, logger: string, msg: string, app: string): string =>
  `${sbTime(m)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
/** klog time: `I1121 03:12:41.563201`. */
const klog = (sev: string, m: number, src: string, msg: string): string => {
  const t = at(m);
  return `${sev}1121 ${t.slice(11, 23)}${String(Math.floor(m * 997) % 1000).padStart(3, '0')}       1 ${src}] ${msg}`;
};
const envoyTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. config-server down, fail-fast client crash-loops -------------------------------------------

function configServerDown(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.84', ['27', '140', '213']);
  const csImage = `${ECR}/platform/config-server:4.1.3`;
  const csTpl = (mem: string) => ({
    containers: [container({
      name: 'config-server', image: csImage, ports: [{ name: 'http', containerPort: 8888 }], cpu: '250m', memory: mem,
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'git' },
        { name: 'SPRING_CLOUD_CONFIG_SERVER_GIT_URI', value: 'https://gitlab.internal.example.com/platform/config-repo.git' },
        { name: 'SPRING_CLOUD_CONFIG_SERVER_GIT_CLONE_ON_START', value: 'true' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 'http'), liveness: httpProbe('/actuator/health/liveness', 'http', { initialDelaySeconds: 40 }),
    })],
  });
  const cs = deploymentApp({
    namespace: ns, name: 'config-server', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 34 * DAYS, template: csTpl('768Mi') },
      { revision: 9, createdAgo: 47, changeCause: 'right-size: config-server memory 768Mi -> 256Mi (PLAT-2291)', template: csTpl('256Mi') },
    ],
    pods: [0, 1].map((k) => ({
      revision: 9, node: names[k] ?? '', createdAgo: 46 - k,
      containers: { 'config-server': crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 + k, ranSeconds: 38 }, 11 - k) },
    })),
  });
  const clientImage = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const clientTpl = (v: string) => ({
    containers: [container({
      image: clientImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_APPLICATION_NAME', value: 'invoice-service' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_CONFIG_IMPORT', value: 'configserver:http://config-server.billing.svc.cluster.local:8888' },
        { name: 'SPRING_CLOUD_CONFIG_FAIL_FAST', value: 'true' },
        { name: 'SPRING_CLOUD_CONFIG_RETRY_MAX_ATTEMPTS', value: '6' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const client = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, template: clientTpl('2.14.0') },
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-service 2.15.1', template: clientTpl('2.15.1') },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 22, node: names[1] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 22, node: names[1] ?? '', createdAgo: 24, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 19 }, 8) } },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const drained = nodes[2];
  if (drained?.spec) {
    drained.spec.unschedulable = true;
    drained.spec.taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(25))) }];
  }
  const other = bystander(ns, 'payment-reconciler', names, 3 * DAYS, { revisions: [40, 41], versions: ['1.9.2', '1.9.3'], olderAgo: 20 * DAYS });
  const bad = podOf(client, 2);
  const app = 'invoice-service';
  const lg = 'o.s.c.c.c.ConfigServerConfigDataLoader';
  const previous = lines(
    sb(1.85, 'INFO', 'main', 'c.e.billing.invoice.InvoiceApplication', 'Starting InvoiceApplication v2.15.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)', app),
    sb(1.85, 'INFO', 'main', 'c.e.billing.invoice.InvoiceApplication', 'The following 1 profile is active: "prod"', app),
    sb(1.84, 'INFO', 'main', lg, 'Fetching config from server at : http://config-server.billing.svc.cluster.local:8888', app),
    sb(1.84, 'INFO', 'main', lg, 'Exception on Url - http://config-server.billing.svc.cluster.local:8888:org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://config-server.billing.svc.cluster.local:8888/invoice-service/prod": Connection refused. Will be trying the next url if available', app),
    ...[1, 2, 3, 4, 5].map((i) => sb(1.84 - i * 0.04, 'INFO', 'main', lg, 'Fetching config from server at : http://config-server.billing.svc.cluster.local:8888', app)),
    sb(1.6, 'WARN', 'main', lg, 'Could not locate PropertySource ([ConfigServerConfigDataResource@5b8dfcc1 uris = array<String>[\'http://config-server.billing.svc.cluster.local:8888\'], optional = false, profiles = \'prod\']): I/O error on GET request for "http://config-server.billing.svc.cluster.local:8888/invoice-service/prod": Connection refused', app),
    sb(1.6, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed', app),
    '',
    'java.lang.IllegalStateException: Could not locate PropertySource and the fail fast property is set, failing',
    '\tat org.springframework.cloud.config.client.ConfigServerConfigDataLoader.doLoad(ConfigServerConfigDataLoader.java:205)',
    '\tat org.springframework.cloud.config.client.ConfigServerConfigDataLoader.load(ConfigServerConfigDataLoader.java:102)',
    '\tat org.springframework.boot.context.config.ConfigDataLoaders.load(ConfigDataLoaders.java:96)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.example.billing.invoice.InvoiceApplication.main(InvoiceApplication.java:12)',
    'Caused by: org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://config-server.billing.svc.cluster.local:8888/invoice-service/prod": Connection refused',
    '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:926)',
    'Caused by: java.net.ConnectException: Connection refused',
    '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
  );
  const csPrev = (k: number) => lines(
    sb(2.7 + k, 'INFO', 'main', 'o.s.c.c.s.ConfigServerApplication', 'Starting ConfigServerApplication v4.1.3 using Java 21.0.5 with PID 1', 'config-server'),
    sb(2.68 + k, 'INFO', 'main', 'o.s.c.c.s.e.JGitEnvironmentRepository', 'Cloning repository https://gitlab.internal.example.com/platform/config-repo.git into /tmp/config-repo-12044871338', 'config-server'),
    sb(2.4 + k, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8888 (http)', 'config-server'),
    sb(2.1 + k, 'INFO', 'main', 'o.s.c.c.s.e.JGitEnvironmentRepository', 'Refreshing local config repository (412 files)', 'config-server'),
  );
  return {
    id: 'heldout92-config-server-oom-fail-fast-client',
    class: 'config',
    truth: 'invoice-service imports its configuration from the in-cluster config-server with spring.cloud.config fail-fast; config-server revision 9 (47 min ago) cut its memory limit from 768Mi to 256Mi, so both its pods are OOMKilled (exit 137) while cloning the config repo and crash-loop, its Service has no ready endpoints, and the invoice-service pod rescheduled 24 min ago dies at start with "Could not locate PropertySource and the fail fast property is set, failing". The client is innocent; restore config-server memory.',
    ask: { service: 'invoice-service' },
    objects: [
      ...nodes, ...client.objects, ...cs.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: client.pods }),
      ...exposed({ namespace: ns, name: 'config-server', selector: { app: 'config-server' }, ports: [{ name: 'http', port: 8888, targetPort: 'http' }], pods: cs.pods, endpointPort: 8888 }),
      ...exposed({ namespace: ns, name: 'payment-reconciler', selector: { app: 'payment-reconciler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(cs), rsOf(cs, 9), 2, 0, 47),
      ...cs.pods.flatMap((p, k) => [
        scheduled(p, 46 - k),
        ...restartedAgain(p, 'config-server', csImage, { count: 11 - k, firstAgo: 46 - k, lastAgo: 3 + k }),
        backOff(p, 'config-server', { count: 160 - k * 7, firstAgo: 44 - k }),
      ]),
      scheduled(bad, 24),
      ...restartedAgain(bad, 'app', clientImage('2.15.1'), { count: 9, firstAgo: 24, lastAgo: 1.9 }),
      backOff(bad, 'app', { count: 92, firstAgo: 22 }),
      nodeEvent(nodeOf(nodes, 2), 'NodeNotSchedulable', `Node ${nodeOf(nodes, 2)} status is now: NodeNotSchedulable`, { firstAgo: 25 }),
    ],
    logs: [
      logsFor(bad, 'app', { previous }),
      ...cs.pods.map((p, k) => logsFor(p, 'config-server', { previous: csPrev(k) })),
      logsFor(podOf(client, 0), 'app', { current: lines(sb(3, 'INFO', 'http-nio-8080-exec-4', 'c.e.b.invoice.web.InvoiceController', 'GET /v1/invoices?customer=C-20931 200 41ms', app), sb(0.5, 'INFO', 'http-nio-8080-exec-7', 'c.e.b.invoice.web.InvoiceController', 'POST /v1/invoices 201 88ms', app)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/config-server|config server/i],
      facts: [/OOMKilled|137/, /fail fast|PropertySource/i, /256Mi|revision 9/],
      never: [/node[^\n]*(NotReady|not ready)/i, /ImagePull|ErrImage/],
    },
  };
}

function nodeOf(nodes: k8s.V1Node[], i: number): string {
  return nameOf(nodes[i]);
}

// ---- 2. gRPC responses over 4 MiB since the server's revision 18 ---------------------------------

function grpcMessageTooLarge(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '122', '230']);
  const srvImage = (v: string) => `${ECR}/inventory/stock-service:${v}`;
  const srvTpl = (v: string, page: string) => ({
    containers: [container({
      image: srvImage(v), ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'GRPC_PORT', value: '9090' },
        { name: 'LIST_STOCK_DEFAULT_PAGE_SIZE', value: page },
        { name: 'DATABASE_URL', value: 'postgres://stock@stock-db.inventory.svc.cluster.local:5432/stock?sslmode=disable' },
      ],
      readiness: { grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: { grpc: { port: 9090, service: '' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  const srv = deploymentApp({
    namespace: ns, name: 'stock-service', replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 12 * DAYS, changeCause: 'argocd: stock-service 3.7.2', template: srvTpl('3.7.2', '500') },
      { revision: 18, createdAgo: 41, changeCause: 'argocd: stock-service 3.8.0 (per-warehouse breakdown, default page 5000)', template: srvTpl('3.8.0', '5000') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 40 - k })),
    settled: { available: true, availableSince: 37, progressingSince: 41, progressingUpdatedAgo: 37 },
  });
  const cliImage = (v: string) => `${ECR}/inventory/availability-api:${v}`;
  const cliTpl = (v: string) => ({
    containers: [container({
      image: cliImage(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [{ name: 'STOCK_SERVICE_ADDR', value: 'dns:///stock-service.inventory.svc.cluster.local:9090' }, { name: 'STOCK_RPC_TIMEOUT', value: '3s' }],
    })],
  });
  const cli = deploymentApp({
    namespace: ns, name: 'availability-api', replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 21 * DAYS, template: cliTpl('1.31.0') },
      { revision: 53, createdAgo: 6 * DAYS, changeCause: 'argocd: availability-api 1.31.4', template: cliTpl('1.31.4') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 53, node: names[(k + 1) % 3] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const other = bystander(ns, 'reservation-worker', names, 2 * HOURS + 5, { revisions: [9, 10], versions: ['0.22.0', '0.22.1'], olderAgo: 30 * DAYS });
  const warehouses = ['DUB-1', 'AMS-2', 'FRA-1', 'MAD-3'];
  const cliLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(50 - k * 0.1)}","caller":"http/server.go:61","msg":"request","method":"GET","path":"/v1/availability","region":"eu","status":200,"duration_ms":${62 + k}}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 38 - i * 2.6 - k * 0.1;
      const wh = warehouses[(i + k) % warehouses.length] ?? 'DUB-1';
      const size = 4_812_331 + ((i * 7919 + k * 15485) % 2_300_000);
      out.push(`{"level":"error","ts":"${at(t)}","caller":"stock/client.go:88","msg":"ListStockLevels failed","warehouse":"${wh}","error":"rpc error: code = ResourceExhausted desc = grpc: received message larger than max (${size} vs. 4194304)"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"http/server.go:61","msg":"request","method":"GET","path":"/v1/availability","region":"eu","status":502,"duration_ms":${410 + i * 13}}`);
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 0.02)}","caller":"http/server.go:61","msg":"request","method":"GET","path":"/v1/availability/sku/SKU-${40211 + i}","status":200,"duration_ms":${18 + i}}`);
    }
    return out.join('\n') + '\n';
  };
  const srvLog = (k: number) => lines(
    `{"level":"info","ts":"${at(39.5 - k)}","caller":"cmd/stock/main.go:74","msg":"starting stock-service","version":"3.8.0","commit":"a41be07"}`,
    `{"level":"info","ts":"${at(39.5 - k)}","caller":"cmd/stock/main.go:92","msg":"config","list_stock_default_page_size":5000,"include_warehouse_breakdown":true}`,
    `{"level":"info","ts":"${at(39.4 - k)}","caller":"server/grpc.go:48","msg":"gRPC server listening","addr":":9090"}`,
    ...[0, 1, 2, 3, 4].map((i) => `{"level":"info","ts":"${at(30 - i * 6 - k * 0.3)}","caller":"server/interceptors.go:35","msg":"finished unary call","grpc.method":"/inventory.stock.v1.StockService/ListStockLevels","grpc.code":"OK","grpc.time_ms":${188 + i * 11},"resp_items":5000}`),
    `{"level":"info","ts":"${at(2 - k * 0.2)}","caller":"server/interceptors.go:35","msg":"finished unary call","grpc.method":"/inventory.stock.v1.StockService/GetStockLevel","grpc.code":"OK","grpc.time_ms":3}`,
  );
  return {
    id: 'heldout92-grpc-message-larger-than-max-server-page-size',
    class: 'rollout',
    truth: 'availability-api (unchanged for 6 days) calls stock-service\'s ListStockLevels over gRPC with the default 4 MiB receive limit; stock-service revision 18 (41 min ago, 3.8.0) raised LIST_STOCK_DEFAULT_PAGE_SIZE from 500 to 5000 and added a per-warehouse breakdown, so its responses are now ~5–7 MB and the client rejects them with "ResourceExhausted: grpc: received message larger than max (N vs. 4194304)", answering 502. The trigger is the SERVER\'s rollout (stock-service revision 18), not the client.',
    ask: { service: 'availability-api' },
    objects: [
      ...nodes, ...cli.objects, ...srv.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'availability-api', selector: { app: 'availability-api' }, pods: cli.pods }),
      ...exposed({ namespace: ns, name: 'stock-service', selector: { app: 'stock-service' }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], pods: srv.pods, endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'reservation-worker', selector: { app: 'reservation-worker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(srv), rsOf(srv, 18), 3, 0, 41),
      scaledReplicaSet(deploymentOf(srv), rsOf(srv, 17), 0, 3, 37),
      ...srv.pods.flatMap((p, k) => startedNormally(p, 'app', srvImage('3.8.0'), 40 - k)),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 10), 2, 0, 2 * HOURS + 5),
    ],
    logs: [
      ...cli.pods.map((p, k) => logsFor(p, 'app', { current: cliLog(k) })),
      ...srv.pods.map((p, k) => logsFor(p, 'app', { current: srvLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ResourceExhausted|RESOURCE_EXHAUSTED|larger than max|4194304|message size/i, /stock-service/i],
      facts: [/4194304/, /revision 18|3\.8\.0|PAGE_SIZE|5000/i],
      never: [/(roll(ing)? ?back|undo)[^\n]{0,40}availability-api/i, /\bOOM/, /connection refused|no (ready )?endpoints/i],
    },
  };
}

// ---- 3. DATABASE_HOST moved to the read replica ---------------------------------------------------

function readOnlyTransaction(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.108', ['33', '150', '219']);
  const pgImage = 'ghcr.io/cloudnative-pg/postgresql:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 2, serviceName: 'orders-db-headless',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'pgdata', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'pgdata', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1].map((i) => ({ revision: 3, ordinal: i, node: names[i] ?? '', createdAgo: 40 * DAYS - i })),
  });
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `pgdata-orders-db-${i}`, storage: '100Gi', storageClass: 'gp3', zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 90 * DAYS, labels: { app: 'orders-db' } }));
  db.pods.forEach((p, i) => { p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, role: i === 0 ? 'primary' : 'replica' } }; });
  const appImage = `${ECR}/orders/order-api:5.2.0`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({ image: appImage, ports: [8080], cpu: '300m', memory: '384Mi', envFrom: [{ configMapRef: { name: 'order-api-config' } }] })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const api = deploymentApp({
    namespace: ns, name: 'order-api', replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: order-api 5.2.0', template: tpl() },
      { revision: 23, createdAgo: 33, template: tpl(at(33)) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 32.5 - k * 0.5 })),
    settled: { available: true, availableSince: 31, progressingSince: 33, progressingUpdatedAgo: 31 },
  });
  const cm = configMap({
    namespace: ns, name: 'order-api-config', createdAgo: 160 * DAYS, updatedAgo: 36,
    data: { DATABASE_HOST: 'orders-db-ro.orders.svc.cluster.local', DATABASE_PORT: '5432', DATABASE_NAME: 'orders', DATABASE_USER: 'order_api', DB_POOL_MAX: '15', LOG_LEVEL: 'info', NODE_ENV: 'production' },
  });
  const other = bystander(ns, 'order-events-relay', names, 4 * HOURS, { revisions: [14, 15], versions: ['2.0.7', '2.0.8'], olderAgo: 25 * DAYS });
  const svc = (name: string, sel: Record<string, string>) => {
    const s = service({ namespace: ns, name, selector: sel, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], createdAgo: 90 * DAYS });
    return [s, endpointSliceFor(s, db.pods, 5432)];
  };
  const pino = (m: number, level: number, msg: string, extra = '') => `{"level":${level},"time":${Math.round(Date.parse(at(m)))},"pid":1,"hostname":"HOST","msg":"${msg}"${extra}}`;
  const appLog = (p: k8s.V1Pod, k: number) => {
    const out = [
      pino(32 - k * 0.5, 30, 'order-api 5.2.0 starting', ',"db":"orders-db-ro.orders.svc.cluster.local:5432/orders"'),
      pino(31.9 - k * 0.5, 30, 'database pool ready', ',"max":15'),
      pino(31.9 - k * 0.5, 30, 'Server listening at http://0.0.0.0:8080'),
    ];
    for (let i = 0; i < 12; i++) {
      const t = 29 - i * 2.3 - k * 0.07;
      out.push(pino(t, 30, 'request completed', `,"req":{"method":"GET","url":"/v2/orders/ORD-${881200 + i * 7 + k}"},"res":{"statusCode":200},"responseTime":${12 + i}`));
      out.push(pino(t - 0.01, 50, 'create order failed', `,"err":{"type":"DatabaseError","message":"cannot execute INSERT in a read-only transaction","code":"25006","severity":"ERROR","routine":"PreventCommandIfReadOnly","file":"utility.c"},"query":"INSERT INTO orders (id, customer_id, status, total_cents, created_at) VALUES ($1, $2, $3, $4, now())"`));
      out.push(pino(t - 0.012, 40, 'request completed', `,"req":{"method":"POST","url":"/v2/orders"},"res":{"statusCode":500},"responseTime":${9 + i}`));
      if (i % 4 === 2) out.push(pino(t - 0.02, 50, 'update order status failed', `,"err":{"type":"DatabaseError","message":"cannot execute UPDATE in a read-only transaction","code":"25006"},"orderId":"ORD-${881100 + i}"`));
    }
    return out.join('\n').replace(/HOST/g, nameOf(p)) + '\n';
  };
  const pgT = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  return {
    id: 'heldout92-read-only-transaction-configmap-replica-host',
    class: 'config',
    truth: 'An edit of ConfigMap order-api-config 36 min ago changed DATABASE_HOST from orders-db-rw to orders-db-ro.orders.svc.cluster.local, the Service of the streaming read replica; the rollout restart 33 min ago (revision 23, same image) loaded it, so order-api reads work but every INSERT/UPDATE fails with "cannot execute INSERT in a read-only transaction" (SQLSTATE 25006). Point DATABASE_HOST back at orders-db-rw; rolling back the Deployment would not help.',
    ask: { service: 'order-api' },
    objects: [
      ...nodes, ...api.objects, ...db.objects, ...claims, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods }),
      ...svc('orders-db-rw', { app: 'orders-db', role: 'primary' }),
      ...svc('orders-db-ro', { app: 'orders-db', role: 'replica' }),
      service({ namespace: ns, name: 'orders-db-headless', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true, createdAgo: 90 * DAYS }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 23), 3, 0, 33),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 22), 0, 3, 31),
      ...api.pods.flatMap((p, k) => startedNormally(p, 'app', appImage, 32.5 - k * 0.5)),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      logsFor(db.pods[1], 'postgres', { current: lines(
        `${pgT(40)} [31] LOG:  restartpoint complete: wrote 1822 buffers (11.1%); 0 WAL file(s) added, 0 removed, 2 recycled`,
        ...[0, 1, 2].map((i) => `${pgT(25 - i * 9)} [${4810 + i}] ERROR:  cannot execute INSERT in a read-only transaction`),
        `${pgT(7)} [4813] STATEMENT:  INSERT INTO orders (id, customer_id, status, total_cents, created_at) VALUES ($1, $2, $3, $4, now())`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-only|read only|replica|orders-db-ro|25006/i],
      facts: [/order-api-config/, /orders-db-ro/, /read-only transaction/i],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/, /connection refused/i],
    },
  };
}

// ---- 4. CronJob pod stuck on a renamed ConfigMap volume -------------------------------------------

function cronJobMissingConfigMapVolume(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.120', ['19', '131', '244']);
  const image = `${ECR}/finance/ledger-export:2.6.1`;
  const cron = cronJob({
    namespace: ns, name: 'ledger-export', schedule: '15 2 * * *', createdAgo: 300 * DAYS,
    template: {
      containers: [batchContainer({ name: 'export', image, command: ['python', '-m', 'ledger_export', '--config', '/etc/ledger-export/export.yaml'], cpu: '500m', memory: '1Gi', volumeMounts: [{ name: 'export-config', mountPath: '/etc/ledger-export', readOnly: true }] })],
      volumes: [{ name: 'export-config', configMap: { name: 'ledger-export-config' } }],
    },
    jobs: [
      { createdAgo: 2 * DAYS + 59, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 2 * DAYS + 59, containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(2 * DAYS + 58.8))), finishedAt: new Date(Date.parse(at(2 * DAYS + 41))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 2 * DAYS + 41 } },
      { createdAgo: DAYS + 59, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: DAYS + 59, containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.parse(at(DAYS + 58.8))), finishedAt: new Date(Date.parse(at(DAYS + 39))) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS + 39 } },
      { createdAgo: 59, pods: [{ node: names[0] ?? '', phase: 'Pending', createdAgo: 59, containers: { export: waiting('ContainerCreating') }, sandbox: false }] },
    ],
    lastSuccessfulAgo: DAYS + 39,
  });
  const settings = configMap({ namespace: ns, name: 'ledger-export-settings', createdAgo: 5 * HOURS, data: { 'export.yaml': 'target:\n  bucket: s3://acme-finance-exports/ledger\n  format: parquet\nsource:\n  dsn_env: LEDGER_DSN\n  tables: [journal_entries, accounts, fx_rates]\n' } });
  const other = bystander(ns, 'ledger-api', names, 5 * HOURS, { revisions: [61, 62], versions: ['7.3.0', '7.4.0'], olderAgo: 15 * DAYS });
  const j = cron.jobs[2];
  const p = j?.pods[0];
  if (p === undefined || j === undefined) throw new Error('no export pod');
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const podSpec = cronObj.spec?.jobTemplate.spec?.template.spec;
  if (podSpec) podSpec.volumes = [{ name: 'export-config', configMap: { name: 'ledger-export-config' } }];
  return {
    id: 'heldout92-cronjob-pod-configmap-volume-renamed',
    class: 'jobs',
    truth: 'Tonight\'s ledger-export Job (02:15) has been stuck in ContainerCreating for 59 min: its pod mounts ConfigMap ledger-export-config as volume export-config, but the finance chart refactor 5 h ago renamed that ConfigMap to ledger-export-settings, so the kubelet keeps failing MountVolume.SetUp with "configmap \\"ledger-export-config\\" not found" and the export never starts. Point the CronJob\'s volume at ledger-export-settings (or restore the old name).',
    ask: { service: 'ledger-export' },
    objects: [
      ...nodes, ...cron.objects, ...other.objects, settings,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: other.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(j.objects[0])}`, 59),
      jobEvent(j.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 59),
      scheduled(p, 59),
      event({ on: p, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "export-config" : configmap "ledger-export-config" not found', count: 38, firstAgo: 59, lastAgo: 0.7 }),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(cron.jobs[1]?.objects[0])}, condition: Complete`, DAYS + 39),
    ],
    logs: [],
    expect: {
      verdict: 'problems',
      headline: [/ledger-export-config/],
      facts: [/not found/i, /FailedMount|MountVolume|ContainerCreating/],
      never: [/BackoffLimitExceeded|reached the specified backoff/i, /\bOOM/, /ImagePull|ErrImage/],
    },
  };
}

// ---- 5. GPU node without the NVIDIA driver: Insufficient nvidia.com/gpu --------------------------

function gpuNodeWithoutDriver(): CorpusScenario {
  const ns = 'ml-serving';
  const { nodes, names } = threeEksNodes('10.0.132', ['21', '147', '206']);
  const gpuName = eksNodeName('10.0.133.58');
  const gpu = node({
    name: gpuName, zone: 'eu-west-1b', instanceType: 'g5.2xlarge', pool: 'gpu-a10g', createdAgo: 57,
    labels: { 'workload': 'gpu', 'nvidia.com/gpu.present': 'true' },
    taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    allocatable: { cpu: '7910m', 'ephemeral-storage': '95491281146', memory: '31482876Ki', pods: '58' },
  });
  gpu.status = { ...gpu.status, capacity: { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '32386556Ki', pods: '58' } };
  if (gpu.status.nodeInfo) gpu.status.nodeInfo.osImage = 'Amazon Linux 2023.6.20241121';
  const image = `${ECR}/ml/embedding-server:1.12.0`;
  const c = container({ name: 'server', image, ports: [8000], cpu: '2', memory: '12Gi', env: [{ name: 'MODEL_ID', value: 'bge-large-en-v1.5' }, { name: 'CUDA_VISIBLE_DEVICES', value: '0' }], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 120 }) });
  c.resources = { requests: { cpu: '2', memory: '12Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '12Gi', 'nvidia.com/gpu': '1' } };
  const unsched = '0/4 nodes are available: 1 Insufficient nvidia.com/gpu, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns, name: 'embedding-server', replicas: 1,
    revisions: [{ revision: 7, createdAgo: 18 * DAYS, changeCause: 'argocd: embedding-server 1.12.0', template: { containers: [c], nodeSelector: { workload: 'gpu' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } }],
    pods: [{ revision: 7, node: null, createdAgo: 63, unschedulable: unsched, containers: { server: waiting('ContainerCreating') } }],
    settled: { available: false, availableSince: 63, progressingSince: 18 * DAYS, progressingUpdatedAgo: 18 * DAYS },
  });
  const dpImage = 'nvcr.io/nvidia/k8s-device-plugin:v0.16.2';
  const dp = daemonSetApp({
    namespace: ns, name: 'nvidia-device-plugin',
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'nvidia-device-plugin-ctr', image: dpImage, ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, env: [{ name: 'FAIL_ON_INIT_ERROR', value: 'false' }] })], nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } }],
    pods: [{ revision: 2, node: gpuName, createdAgo: 55, containers: { 'nvidia-device-plugin-ctr': running({ sinceAgo: 54.5 }) } }],
    pinnedToNodes: true,
  });
  const other = bystander(ns, 'rerank-gateway', names, 9 * DAYS, { revisions: [3, 4], versions: ['0.8.1', '0.9.0'], olderAgo: 40 * DAYS });
  const pending = podOf(app, 0);
  const dpPod = podOf(dp, 0);
  const oldGpu = eksNodeName('10.0.133.12');
  return {
    id: 'heldout92-gpu-node-no-driver-insufficient-nvidia-gpu',
    class: 'scheduling',
    truth: `The gpu-a10g node group's launch template was moved to the standard Amazon Linux 2023 AMI (no NVIDIA driver) and its only node was replaced 57 min ago by ${gpuName}; there the nvidia-device-plugin cannot load NVML (libnvidia-ml.so.1 missing), registers no devices, so the node advertises no nvidia.com/gpu and embedding-server's pod (evicted from the old node) has been Pending for 63 min on "Insufficient nvidia.com/gpu". Not a capacity problem: use the EKS accelerated (NVIDIA) AMI.`,
    ask: { service: 'embedding-server' },
    objects: [
      ...nodes, gpu, ...app.objects, ...dp.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'embedding-server', selector: { app: 'embedding-server' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'rerank-gateway', selector: { app: 'rerank-gateway' }, pods: other.pods }),
      failedScheduling(pending, unsched, { count: 24, firstAgo: 56, lastAgo: 2 }),
      failedScheduling(pending, '0/3 nodes are available: 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', { count: 2, firstAgo: 63, lastAgo: 58 }),
      event({ on: pending, type: 'Normal', reason: 'NotTriggerScaleUp', message: 'pod didn\'t trigger scale-up: 3 node(s) didn\'t match Pod\'s node affinity/selector, 1 max node group size reached', count: 40, firstAgo: 55, lastAgo: 1, component: 'cluster-autoscaler' }),
      nodeEvent(oldGpu, 'NodeNotSchedulable', `Node ${oldGpu} status is now: NodeNotSchedulable`, { firstAgo: 64 }),
      nodeEvent(gpuName, 'Starting', 'Starting kubelet.', { firstAgo: 57 }),
      nodeEvent(gpuName, 'NodeReady', `Node ${gpuName} status is now: NodeReady`, { firstAgo: 56 }),
      ...startedNormally(dpPod, 'nvidia-device-plugin-ctr', dpImage, 55),
    ],
    logs: [
      logsFor(dpPod, 'nvidia-device-plugin-ctr', { current: lines(
        klog('I', 54.5, 'main.go:199', 'Starting FS watcher.'),
        klog('I', 54.5, 'main.go:206', 'Starting OS watcher.'),
        klog('I', 54.5, 'main.go:221', 'Starting Plugins.'),
        klog('I', 54.5, 'main.go:278', 'Loading configuration.'),
        klog('I', 54.49, 'main.go:303', 'Updating config with default resource matching patterns.'),
        klog('I', 54.49, 'factory.go:104', 'Detected non-NVML platform: could not load NVML library: libnvidia-ml.so.1: cannot open shared object file: No such file or directory'),
        klog('I', 54.49, 'factory.go:104', 'Detected non-Tegra platform: /sys/devices/soc0/family file not found'),
        klog('E', 54.49, 'factory.go:112', 'Incompatible platform detected'),
        klog('E', 54.49, 'factory.go:113', 'If this is a GPU node, did you configure the NVIDIA Container Toolkit?'),
        klog('E', 54.49, 'factory.go:116', 'If this is not a GPU node, you should set up a toleration or nodeSelector to only deploy this plugin on GPU nodes'),
        klog('I', 54.49, 'main.go:346', 'No devices found. Waiting indefinitely.'),
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/nvidia\.com\/gpu|GPU/i],
      facts: [/NVML|libnvidia-ml|device.plugin|driver/i, lit(gpuName)],
      never: [/Insufficient (cpu|memory)/i, /untolerated taint/i, /quota/i],
    },
  };
}

// ---- 6. probes left on HTTP after the server moved to TLS ------------------------------------------

function probeSchemeHttpOnTls(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.144', ['26', '139', '227']);
  const image = (v: string) => `${ECR}/payments/ledger-gateway:${v}`;
  const v13 = { containers: [container({ image: image('3.4.2'), ports: [8080], cpu: '250m', memory: '256Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })] };
  const v14 = {
    containers: [container({
      image: image('3.5.0'), ports: [{ name: 'http', containerPort: 8443 }], cpu: '250m', memory: '256Mi',
      env: [{ name: 'LISTEN_ADDR', value: ':8443' }, { name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' }],
      volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
      readiness: httpProbe('/healthz', 8443), liveness: httpProbe('/healthz', 8443, { initialDelaySeconds: 5 }),
    })],
    volumes: [{ name: 'tls', secret: { secretName: 'ledger-gateway-tls' } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'ledger-gateway', replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 16 * DAYS, changeCause: 'argocd: ledger-gateway 3.4.2', template: v13 },
      { revision: 14, createdAgo: 31, changeCause: 'argocd: ledger-gateway 3.5.0 (mTLS-ready: serve TLS on 8443)', template: v14 },
    ],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 13, node: names[1] ?? '', createdAgo: 16 * DAYS - 1 },
      { revision: 13, node: names[2] ?? '', createdAgo: 16 * DAYS - 2 },
      { revision: 14, node: names[1] ?? '', createdAgo: 31, containers: { app: running({ sinceAgo: 0.4, ready: false, restarts: 9, last: { exitCode: 143, finishedAgo: 0.45, ranSeconds: 35 } }) } },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const other = bystander(ns, 'payout-scheduler', names, 3 * DAYS, { revisions: [5, 6], versions: ['1.1.0', '1.2.0'], olderAgo: 60 * DAYS });
  const p = podOf(app, 3);
  const run = (m: number) => lines(
    `{"time":"${at(m)}","level":"INFO","msg":"starting ledger-gateway","version":"3.5.0","commit":"d93a0f1"}`,
    `{"time":"${at(m - 0.01)}","level":"INFO","msg":"loaded TLS certificate","cert":"/etc/tls/tls.crt","not_after":"2027-02-18T00:00:00Z"}`,
    `{"time":"${at(m - 0.01)}","level":"INFO","msg":"listening","addr":":8443","tls":true}`,
    `{"time":"${at(m - 0.05)}","level":"INFO","msg":"ledger client connected","upstream":"ledger-db.payments.svc.cluster.local:5432","pool_max":20}`,
  );
  return {
    id: 'heldout92-probe-http-scheme-on-tls-port',
    class: 'probes',
    truth: 'ledger-gateway revision 14 (3.5.0, 31 min ago) made the server listen with TLS on 8443 and moved the probes to port 8443, but left their scheme HTTP; Go answers plain HTTP on a TLS port with "400 Bad Request: Client sent an HTTP request to an HTTPS server", so readiness and liveness fail with "HTTP probe failed with statuscode: 400", the kubelet kills the new pod every ~35 s and the rollout is stuck (the three revision-13 pods still serve). Set scheme: HTTPS on the probes.',
    ask: { service: 'ledger-gateway' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-gateway', selector: { app: 'ledger-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payout-scheduler', selector: { app: 'payout-scheduler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 1, 0, 31),
      scheduled(p, 31),
      ...restartedAgain(p, 'app', image('3.5.0'), { count: 10, firstAgo: 31, lastAgo: 0.4 }),
      probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 400', { count: 88, firstAgo: 30.9 }),
      probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 400', { count: 30, firstAgo: 30.8 }),
      probeKilling(p, 'app', 'liveness', { count: 9, firstAgo: 30.5, lastAgo: 0.5 }),
      backOff(p, 'app', { count: 12, firstAgo: 20 }),
    ],
    logs: [
      logsFor(p, 'app', { current: run(0.4).split('\n').slice(0, 3).join('\n') + '\n', previous: run(1.05) }),
      ...app.pods.slice(0, 3).map((q, k) => logsFor(q, 'app', { current: lines(`{"time":"${at(2 - k * 0.3)}","level":"INFO","msg":"request","method":"POST","path":"/v1/ledger/entries","status":201,"duration_ms":${23 + k}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/scheme|HTTPS|TLS|statuscode: 400|\b400\b/i],
      facts: [/8443/, /400/, /revision 14|3\.5\.0/],
      never: [/wrong port|port mismatch|connection refused/i, /\bOOM/, /timeout[^\n]*(too short|too low|increase)/i],
    },
  };
}

// ---- 7. healthy control: Envoy with deprecated-option warnings ------------------------------------

function healthyEnvoyDeprecated(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.156', ['31', '158', '242']);
  const image = 'docker.io/envoyproxy/envoy:v1.31.3';
  const tpl = {
    containers: [container({
      name: 'envoy', image, args: ['-c', '/etc/envoy/envoy.yaml', '--service-cluster', 'edge-envoy', '--log-level', 'info'],
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'https', containerPort: 8443 }, { name: 'admin', containerPort: 9901 }], cpu: '500m', memory: '256Mi',
      readiness: httpProbe('/ready', 'admin', { periodSeconds: 5 }), liveness: httpProbe('/server_info', 'admin', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/envoy', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'edge-envoy-config' } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'edge-envoy', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 22 * DAYS, template: tpl },
      { revision: 27, createdAgo: 3 * HOURS + 10, changeCause: 'argocd: edge-envoy route table 2026-11-21', template: { ...tpl, annotations: { 'checksum/config': '8e0d1b42c7' } } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 3 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 5, progressingSince: 3 * HOURS + 10, progressingUpdatedAgo: 3 * HOURS + 5 },
  });
  const cm = configMap({ namespace: ns, name: 'edge-envoy-config', createdAgo: 200 * DAYS, updatedAgo: 3 * HOURS + 11, data: { 'envoy.yaml': 'admin:\n  address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }\nstatic_resources:\n  listeners:\n  - name: ingress_http\n    address: { socket_address: { address: 0.0.0.0, port_value: 8080 } }\n' } });
  const other = bystander(ns, 'edge-auth', names, 6 * DAYS, { revisions: [11, 12], versions: ['4.0.3', '4.1.0'], olderAgo: 30 * DAYS });
  const e = (m: number, level: string, comp: string, src: string, msg: string) => `[${envoyTime(m)}][1][${level}][${comp}] [${src}] ${msg}`;
  const acc = (m: number, path: string, code: number, ms: number, up: string) => `[${at(m)}] "GET ${path} HTTP/1.1" ${code} - 0 ${1200 + ms * 3} ${ms} ${ms - 1} "10.0.4.${17 + ms % 200}" "Mozilla/5.0" "${(ms * 7919).toString(16)}-4c1e-9d2a" "api.example.com" "${up}:8080"`;
  const log = (k: number) => {
    const start = 3 * HOURS + 8.9 - k;
    return lines(
      e(start, 'info', 'main', 'source/server/server.cc:430', 'initializing epoch 0 (base id=0, hot restart version=11.104)'),
      e(start, 'info', 'main', 'source/server/server.cc:432', 'statically linked extensions:'),
      e(start - 0.001, 'warning', 'misc', 'source/common/protobuf/message_validator_impl.cc:21', 'Deprecated field: type envoy.config.route.v3.RouteAction Using deprecated option \'envoy.config.route.v3.RouteAction.max_grpc_timeout\' from file route_components.proto. This configuration will be removed from Envoy soon. Please see https://www.envoyproxy.io/docs/envoy/latest/version_history/version_history for details. If continued use of this field is absolutely necessary, see https://www.envoyproxy.io/docs/envoy/latest/configuration/operations/runtime#using-runtime-overrides-for-deprecated-features for how to apply a temporary and highly discouraged override.'),
      e(start - 0.001, 'warning', 'misc', 'source/common/protobuf/message_validator_impl.cc:21', 'Deprecated field: type envoy.config.cluster.v3.Cluster Using deprecated option \'envoy.config.cluster.v3.Cluster.http2_protocol_options\' from file cluster.proto. This configuration will be removed from Envoy soon. Please see https://www.envoyproxy.io/docs/envoy/latest/version_history/version_history for details. If continued use of this field is absolutely necessary, see https://www.envoyproxy.io/docs/envoy/latest/configuration/operations/runtime#using-runtime-overrides-for-deprecated-features for how to apply a temporary and highly discouraged override.'),
      e(start - 0.002, 'info', 'main', 'source/server/server.cc:1001', 'all clusters initialized. initializing init manager'),
      e(start - 0.002, 'info', 'config', 'source/common/listener_manager/listener_manager_impl.cc:944', 'all dependencies initialized. starting workers'),
      e(start - 0.003, 'info', 'main', 'source/server/server.cc:1020', 'starting main dispatch loop'),
      ...[0, 1, 2, 3, 4, 5].map((i) => acc(40 - i * 7 - k * 0.2, i % 2 ? '/api/v2/catalog/search?q=boots' : '/api/v2/cart', 200, 12 + i * 3 + k, i % 2 ? '10.0.21.44' : '10.0.22.91')),
    );
  };
  return {
    id: 'heldout92-healthy-envoy-deprecated-option-warnings',
    class: 'healthy',
    truth: 'edge-envoy is healthy: its three pods of revision 27 (a route-table change 3 h ago) are ready and proxy traffic with 200s; the only warnings are Envoy\'s start-up notices "Using deprecated option \'…max_grpc_timeout\' from file route_components.proto. This configuration will be removed from Envoy soon.", which are informational and change nothing today.',
    ask: { service: 'edge-envoy' },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'edge-envoy', selector: { app: 'edge-envoy' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], pods: app.pods }),
      ...exposed({ namespace: ns, name: 'edge-auth', selector: { app: 'edge-auth' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 0, 3 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 3, 3 * HOURS + 6),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'envoy', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|ready|serving|fine/i],
      facts: [/edge-envoy/],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  configServerDown(),
  grpcMessageTooLarge(),
  readOnlyTransaction(),
  cronJobMissingConfigMapVolume(),
  gpuNodeWithoutDriver(),
  probeSchemeHttpOnTls(),
  healthyEnvoyDeprecated(),
];

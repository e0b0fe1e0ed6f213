// Held-out stories, round 105, part two: a Kotlin gateway whose revision 57 let OkHttp speak
// HTTP/2 to the edge, so it coalesces payments.internal.acme.io onto the connection it opened for
// catalog.internal.acme.io (one wildcard certificate, one IP) and the edge nginx answers 421
// Misdirected Request; an Istio mesh whose inventory Service port was renamed `grpc` → `http-grpc`,
// so the sidecars speak HTTP/1.1 to a gRPC server ("bogus greeting") and callers get 503s; a
// CronJob with concurrencyPolicy Replace whose runs now outlast its 15-minute schedule, so each run
// kills the previous one and none completes; a ConfigMap created with --from-file whose URL keeps
// the file's trailing newline (Go: "invalid control character in URL"); Celery workers still on
// last week's image receiving a task the new producer sends ("Received unregistered task");
// (probes) a Django service whose revision tightened ALLOWED_HOSTS, so the kubelet's probe, which
// sends the pod IP as Host, gets 400; and a healthy control: a reindex Job that lost two pods while
// Elasticsearch restarted and then completed.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, job, jobEvent, nameOf, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, endpointSliceFor, startedNormally, tcpProbe, terminated, configMap, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console line. */
const boot = (t: number, level: string, thread: string, logger: string, msg: string, app: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
/** Go's log package: `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Envoy's access-log time: `2026-11-21T03:12:41.563Z`. */
const envoyTime = at;

// ---- 1. OkHttp HTTP/2 connection coalescing → 421 Misdirected Request from the edge nginx ----------

function http2CoalescingMisdirected(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const image = (v: string) => `${ECR}/checkout/checkout-gateway:${v}`;
  const tpl = (v: string, protocols: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        { name: 'PAYMENTS_BASE_URL', value: 'https://payments.internal.acme.io' },
        { name: 'CATALOG_BASE_URL', value: 'https://catalog.internal.acme.io' },
        { name: 'HTTP_CLIENT_PROTOCOLS', value: protocols },
        { name: 'HTTP_CLIENT_MAX_IDLE', value: '20' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-gateway',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-gateway 3.8.4', template: tpl('3.8.4', 'http/1.1') },
      { revision: 57, createdAgo: 52, changeCause: 'argocd: checkout-gateway 3.9.0 (upstream clients: enable HTTP/2)', template: tpl('3.9.0', 'h2,http/1.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 51 - k * 1.5 })),
    settled: { available: true, availableSince: 47, progressingSince: 52, progressingUpdatedAgo: 47 },
  });
  const other = bystander(ns, 'cart-service', names, 3 * HOURS, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const edge = '10.40.8.21:443';
  const body = '<html>\\r\\n<head><title>421 Misdirected Request</title></head>\\r\\n<body>\\r\\n<center><h1>421 Misdirected Request</h1></center>\\r\\n<hr><center>nginx</center>\\r\\n</body>\\r\\n</html>';
  const log = (k: number) => {
    const a = 'checkout-gateway';
    const out = [
      boot(50 - k * 1.5, 'INFO', 'main', 'c.a.checkout.CheckoutGatewayApplication', 'Starting CheckoutGatewayApplication v3.9.0 using Java 21.0.5 with PID 1', a),
      boot(49.9 - k * 1.5, 'INFO', 'main', 'c.a.checkout.http.UpstreamClients', 'OkHttp upstream client: protocols=[h2, http/1.1], connectionPool(maxIdle=20, keepAlive=5m)', a),
      boot(49.5 - k * 1.5, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'", a),
      boot(49.4 - k * 1.5, 'INFO', 'main', 'c.a.checkout.CheckoutGatewayApplication', 'Started CheckoutGatewayApplication in 9.412 seconds (process running for 10.1)', a),
      boot(49.0 - k * 1.5, 'INFO', 'nio-8080-exec-1', 'c.a.checkout.payments.PaymentsClient', `POST https://payments.internal.acme.io/v1/charges -> 201 (protocol=h2, remote=${edge}) 212ms`, a),
    ];
    for (let i = 0; i < 12; i++) {
      const t = 14 - i * 1.1 - k * 0.2;
      const sku = ['SKU-44120', 'SKU-10992-BLU', 'SKU-78001', 'SKU-23310-L'][(i + k) % 4];
      out.push(boot(t, 'INFO', `nio-8080-exec-${(i % 9) + 1}`, 'c.a.checkout.catalog.CatalogClient', `GET https://catalog.internal.acme.io/v2/products/${sku} -> 200 (protocol=h2, remote=${edge}) ${31 + i}ms`, a));
      out.push(boot(t - 0.05, 'ERROR', `nio-8080-exec-${(i % 9) + 1}`, 'c.a.checkout.payments.PaymentsClient', `POST https://payments.internal.acme.io/v1/charges failed: HTTP 421 Misdirected Request (protocol=h2, remote=${edge}) body=${body}`, a));
      out.push(boot(t - 0.06, 'WARN', `nio-8080-exec-${(i % 9) + 1}`, 'c.a.checkout.web.CheckoutController', `checkout order=ord_${7711020 + i * 37 + k} failed: payment upstream returned 421; responding 502`, a));
    }
    return lines(...out);
  };
  return {
    id: 'heldout105-http2-coalescing-421-misdirected',
    class: 'network',
    truth: 'Revision 57 of checkout-gateway (3.9.0, 52 minutes ago) set HTTP_CLIENT_PROTOCOLS to h2,http/1.1, so OkHttp now speaks HTTP/2 to the edge nginx and coalesces requests for payments.internal.acme.io onto the connection it opened for catalog.internal.acme.io (same wildcard *.internal.acme.io certificate, same IP 10.40.8.21). The edge nginx, whose payments server block has a different TLS (client-certificate) configuration than the SNI the connection was opened with, answers 421 Misdirected Request, so most charges fail and checkouts return 502. Fix: go back to http/1.1 for the payments client (or give payments its own IP/certificate, or make the edge accept the coalesced host).',
    ask: { service: 'checkout-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-gateway', selector: { app: 'checkout-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 3, 2, 49),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 0, 1, 47),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.9.0'), 51 - k * 1.5)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/421|misdirected/i, /HTTP\/2|\bh2\b|coalesc|revision 57|3\.9\.0|HTTP_CLIENT_PROTOCOLS/i],
      facts: [/payments\.internal\.acme\.io/, /revision 57|3\.9\.0|HTTP_CLIENT_PROTOCOLS/],
      never: [/\bOOM/, /certificate[^\n]*(expired|not yet valid)/i, /crash ?loop/i],
    },
  };
}

// ---- 2. Istio: Service port renamed grpc → http-grpc, sidecars speak HTTP/1.1 to a gRPC server ----

const ISTIO_PROXY = 'docker.io/istio/proxyv2:1.23.2';

function istioSidecar(): k8s.V1Container {
  return container({
    name: 'istio-proxy', image: ISTIO_PROXY, cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }],
    readiness: httpProbe('/healthz/ready', 15021, { initialDelaySeconds: 0, periodSeconds: 15, failureThreshold: 4 }),
    liveness: null,
  });
}

const istioInit = (): k8s.V1Container => batchContainer({ name: 'istio-init', image: ISTIO_PROXY, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'], cpu: '10m', memory: '40Mi' });

const istioAnnotations = { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}', 'kubectl.kubernetes.io/default-container': 'app', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true' };

function istioPortNamedHttp(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '77', '230']);
  const invImage = `${ECR}/fulfilment/inventory:2.14.1`;
  const inv = deploymentApp({
    namespace: ns,
    name: 'inventory',
    replicas: 3,
    revisions: [{ revision: 23, createdAgo: 4 * DAYS, changeCause: 'argocd: inventory 2.14.1', template: {
      containers: [container({ image: invImage, ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9100 }], cpu: '300m', memory: '384Mi', readiness: tcpProbe(9090), liveness: tcpProbe(9090, { initialDelaySeconds: 10 }) }), istioSidecar()],
      initContainers: [istioInit()],
      annotations: istioAnnotations,
      labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'inventory', 'service.istio.io/canonical-revision': '2.14.1' },
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const ordersImage = `${ECR}/fulfilment/orders:7.3.0`;
  const orders = deploymentApp({
    namespace: ns,
    name: 'orders',
    replicas: 2,
    revisions: [{ revision: 61, createdAgo: 2 * DAYS, changeCause: 'argocd: orders 7.3.0', template: {
      containers: [container({ image: ordersImage, ports: [8080], env: [{ name: 'INVENTORY_ADDR', value: 'inventory.fulfilment.svc.cluster.local:9090' }] }), istioSidecar()],
      initContainers: [istioInit()],
      annotations: istioAnnotations,
      labels: { 'security.istio.io/tlsMode': 'istio' },
    } }],
    pods: [0, 1].map((k) => ({ revision: 61, node: names[k + 1] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const svc = service({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, ports: [{ name: 'http-grpc', port: 9090, targetPort: 'grpc' }, { name: 'http-metrics', port: 9100, targetPort: 'metrics' }], createdAgo: 300 * DAYS });
  svc.metadata = {
    ...svc.metadata,
    annotations: { 'argocd.argoproj.io/tracking-id': 'fulfilment:/Service:fulfilment/inventory' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(38), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:ports': { 'k:{"port":9090,"protocol":"TCP"}': { '.': {}, 'f:name': {}, 'f:port': {}, 'f:targetPort': {} } } } } },
    ],
  };
  const invIp = (p: k8s.V1Pod) => ipOfPod(p);
  const invLog = (p: k8s.V1Pod, k: number) => {
    const out = [
      `{"level":"info","ts":"${at(4 * DAYS - k - 0.3)}","caller":"cmd/inventory/main.go:71","msg":"gRPC server listening","addr":":9090","version":"2.14.1"}`,
      `{"level":"info","ts":"${at(45 - k)}","caller":"server/reserve.go:58","msg":"reserved","order":"ord_9918${k}21","lines":3,"dur_ms":7}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 37.5 - i * 3.6 - k * 0.3;
      out.push(`${goTime(t)} grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"POST /inventory.v1.Inven\\""`);
    }
    return lines(...out);
  };
  const proxyLog = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 37.4 - i * 3.6 - k * 0.3;
      const src = ipOfPod(podOf(orders, i % 2));
      out.push(`[${envoyTime(t)}] "POST /inventory.v1.Inventory/Reserve HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 142 95 0 - "-" "grpc-go/1.67.1" "${['5e1f0c2a', '9b7d31e4', 'c0a4e8f1'][k]}-${i}a7e-4c1d-9f02-7d61b3e0a${i}${k}f" "inventory.fulfilment.svc.cluster.local:9090" "${invIp(p)}:9090" inbound|9090|| 127.0.0.6:${40110 + i * 13} ${invIp(p)}:9090 ${src}:${51200 + i * 7} outbound_.9090_._.inventory.fulfilment.svc.cluster.local default`);
    }
    return lines(...out);
  };
  const ordersLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(2 * DAYS - k - 0.2)}","msg":"orders listening","addr":":8080","inventory":"inventory.fulfilment.svc.cluster.local:9090"}`];
    for (let i = 0; i < 10; i++) {
      const t = 37.4 - i * 3.6 - k * 0.2;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"checkout/place.go:112","msg":"reserve stock failed","order":"ord_99${20310 + i * 17 + k}","error":"rpc error: code = Unavailable desc = upstream connect error or disconnect/reset before headers. reset reason: connection termination"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.01)}","caller":"http/mw.go:40","msg":"request","method":"POST","path":"/v1/orders","status":503,"dur_ms":${18 + i}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout105-istio-service-port-named-http-for-grpc',
    class: 'network',
    truth: 'Thirty-eight minutes ago an Argo CD sync "standardised" the inventory Service\'s port names and renamed its gRPC port 9090 from grpc to http-grpc. Istio picks a port\'s protocol from the Service port name, so the sidecars now treat 9090 as HTTP/1.1: they forward the callers\' gRPC calls to the inventory container as HTTP/1.1, the Go gRPC server rejects the connection ("received bogus greeting from client: \\"POST /inventory.v1.Inven\\""), and the sidecars answer 503 UC upstream_reset_before_response_started, so every stock reservation from orders fails. The inventory pods and image did not change. Fix: name the port grpc (or set appProtocol: grpc).',
    ask: { service: 'inventory', namespace: ns },
    objects: [
      ...nodes, ...inv.objects, ...orders.objects,
      svc, endpointSliceFor(svc, inv.pods, 9090),
      ...exposed({ namespace: ns, name: 'orders', selector: { app: 'orders' }, pods: orders.pods }),
    ],
    logs: [
      ...inv.pods.map((p, k) => logsFor(p, 'app', { current: invLog(p, k) })),
      ...inv.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: proxyLog(p, k) })),
      ...orders.pods.map((p, k) => logsFor(p, 'app', { current: ordersLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/http-grpc|port ?name|appProtocol|protocol (sniff|select|detect)/i],
      facts: [/bogus greeting|HTTP\/1\.1/i, /\bService\b/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i],
    },
  };
}

// ---- 3. CronJob concurrencyPolicy Replace: every run killed by the next -------------------------

function cronReplaceKillsRuns(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.148', ['22', '101', '187']);
  const image = `${ECR}/finance/ledger-export:1.6.2`;
  const tpl = { containers: [batchContainer({ name: 'export', image, cpu: '500m', memory: '1Gi', env: [{ name: 'EXPORT_TARGET', value: 's3://acme-finance-exports/ledger/' }, { name: 'BATCH_ROWS', value: '5000' }] })] };
  const m = (t: number) => Math.floor(ago(t).getTime() / 60_000) * 60_000;
  const aligned = (t: number) => (NOW_MS - m(t)) / 60_000;
  const NOW_MS = ago(0).getTime();
  // Scheduled at :00/:15/:30/:45; NOW is 03:14, so the last run started at 03:00 (14 minutes ago).
  const done = [9 * HOURS + 44, 9 * HOURS + 29, 9 * HOURS + 14].map(aligned);
  const cj = cronJob({
    namespace: ns,
    name: 'ledger-export',
    schedule: '*/15 * * * *',
    template: tpl,
    backoffLimit: 2,
    jobs: [
      { createdAgo: done[0] ?? 0, outcome: { complete: true, ago: (done[0] ?? 0) - 12.6 }, pods: [{ node: names[0] ?? '', createdAgo: done[0] ?? 0, phase: 'Succeeded', containers: { export: terminated({ exitCode: 0, finishedAgo: (done[0] ?? 0) - 12.6, ranSeconds: 754 }) } }] },
      { createdAgo: done[1] ?? 0, outcome: { complete: true, ago: (done[1] ?? 0) - 13.5 }, pods: [{ node: names[1] ?? '', createdAgo: done[1] ?? 0, phase: 'Succeeded', containers: { export: terminated({ exitCode: 0, finishedAgo: (done[1] ?? 0) - 13.5, ranSeconds: 808 }) } }] },
      { createdAgo: done[2] ?? 0, outcome: { complete: true, ago: (done[2] ?? 0) - 14.6 }, pods: [{ node: names[2] ?? '', createdAgo: done[2] ?? 0, phase: 'Succeeded', containers: { export: terminated({ exitCode: 0, finishedAgo: (done[2] ?? 0) - 14.6, ranSeconds: 874 }) } }] },
      { createdAgo: 14, pods: [{ node: names[0] ?? '', createdAgo: 14, containers: { export: running({ sinceAgo: 13.9 }) } }] },
    ],
    lastSuccessfulAgo: (done[2] ?? 0) - 14.6,
    createdAgo: 240 * DAYS,
  });
  const cron = cj.objects[0] as k8s.V1CronJob;
  if (cron.spec) cron.spec.concurrencyPolicy = 'Replace';
  const current = cj.jobs[3];
  const currentJob = current?.objects[0];
  const pod = current?.pods[0];
  const jobName = (t: number) => `ledger-export-${Math.floor(ago(t).getTime() / 60_000)}`;
  // The runs the controller replaced in the last hour (each deleted with its pod when the next one was due).
  const replaced = [59, 44, 29].map((t) => ({ job: jobName(t), started: t, pod: `${jobName(t)}-${['q7kzp', 'f2m8x', 'tn4vw'][[59, 44, 29].indexOf(t)]}` }));
  const rowsTotal = 1_812_440;
  const runLog = (minutesIn: number, from: number) => {
    const out = [`${pyTime(from - 0.05)} INFO ledger_export: starting export window=2026-11-20 target=s3://acme-finance-exports/ledger/ batch_rows=5000`, `${pyTime(from - 0.1)} INFO ledger_export: rows to export: ${rowsTotal} (previous window: 1,022,318)`];
    for (let i = 1; i <= minutesIn; i++) out.push(`${pyTime(from - i)} INFO ledger_export: progress ${Math.round(rowsTotal * i / 26.5)}/${rowsTotal} rows (${(100 * i / 26.5).toFixed(1)}%) elapsed=${i}m00s`);
    return lines(...out);
  };
  const cronRef = cron;
  const podEvents = replaced.flatMap((r) => [
    event({ on: { kind: 'Pod', name: r.pod, namespace: ns }, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${r.pod} to ${names[1] ?? ''}`, firstAgo: r.started, lastAgo: r.started, component: 'default-scheduler' }),
    event({ on: { kind: 'Pod', name: r.pod, namespace: ns }, type: 'Normal', reason: 'Started', message: 'Started container export', firstAgo: r.started - 0.1, lastAgo: r.started - 0.1, fieldPath: 'spec.containers{export}' }),
    event({ on: { kind: 'Pod', name: r.pod, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container export', firstAgo: r.started - 15, lastAgo: r.started - 15, fieldPath: 'spec.containers{export}' }),
  ]);
  const cronEvents = [59, 44, 29, 14].flatMap((t, i) => [
    ...(i === 0 ? [] : [cronJobEvent(cronRef, 'SuccessfulDelete', `Deleted job ${jobName([59, 44, 29, 14][i - 1] ?? 0)}`, t)]),
    cronJobEvent(cronRef, 'SuccessfulCreate', `Created job ${jobName(t)}`, t),
  ]);
  const other = bystander(ns, 'invoice-api', names, 2 * DAYS, { revisions: [14, 15], versions: ['3.1.0', '3.2.0'], olderAgo: 20 * DAYS });
  return {
    id: 'heldout105-cronjob-replace-kills-every-run',
    class: 'jobs',
    truth: 'ledger-export runs every 15 minutes with concurrencyPolicy Replace. Since this evening\'s month-end volume (1.8M rows per window instead of about 1.0M) an export takes about 26 minutes, longer than the schedule interval, so at each tick the CronJob controller deletes the running Job (its pod is stopped mid-export) and starts a new one: no run has completed for more than nine hours (last success 9h ago, runs then already took 12–15 minutes). Fix: make the interval longer than a run (or use Forbid), and speed up or shard the export.',
    ask: { service: 'ledger-export', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: other.pods }),
      ...cronEvents, ...podEvents,
      ...(currentJob ? [jobEvent(currentJob, 'SuccessfulCreate', `Created pod: ${nameOf(pod)}`, 14)] : []),
      ...(pod ? [scheduled(pod, 14), ...restartedAgain(pod, 'export', image, { count: 1, firstAgo: 13.9, lastAgo: 13.9 })] : []),
    ],
    logs: [
      ...(pod ? [logsFor(pod, 'export', { current: runLog(13, 13.9) })] : []),
      ...cj.jobs.slice(0, 3).map((j, i) => logsFor(j.pods[0], 'export', { current: lines(`${pyTime((done[i] ?? 0) - 0.1)} INFO ledger_export: rows to export: ${[998_210, 1_010_904, 1_022_318][i]}`, `${pyTime((done[i] ?? 0) - [12.5, 13.4, 14.5][i]!)} INFO ledger_export: export finished rows=${[998_210, 1_010_904, 1_022_318][i]} duration=${['12m28s', '13m22s', '14m27s'][i]}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Replace|concurren|overlap|interval|schedule|\*\/15|15 ?min/i],
      facts: [/Replace/, /\*\/15|every 15 min|15[- ]?min/i, /last success|no run|never (complete|finish)|9 ?h|nine hours/i],
      never: [/\bOOM/, /backoff ?limit/i, /deadline ?exceeded|activeDeadline/i],
    },
  };
}

// ---- 4. --from-file ConfigMap: a URL with the file's trailing newline ------------------------------

function configMapUrlTrailingNewline(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.201', ['35', '120', '244']);
  const image = `${ECR}/payments/refund-worker:4.2.0`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({ image, ports: [8080], cpu: '200m', memory: '256Mi', envFrom: [{ configMapRef: { name: 'refund-worker-config' } }], env: [{ name: 'GOMEMLIMIT', value: '230MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const crash = crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 0.04 }, 9);
  const app = deploymentApp({
    namespace: ns,
    name: 'refund-worker',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 12 * DAYS, changeCause: 'argocd: refund-worker 4.2.0', template: tpl() },
      { revision: 12, createdAgo: 24, template: tpl(at(24).replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 11, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 12, node: names[0] ?? '', createdAgo: 23.8, containers: { app: crash } },
      { revision: 12, node: names[2] ?? '', createdAgo: 23.7, containers: { app: crash } },
    ],
  });
  const url = 'https://payments-api.payments.svc.cluster.local:8443/v2\n';
  const cm = configMap({ namespace: ns, name: 'refund-worker-config', createdAgo: 200 * DAYS, updatedAgo: 27, data: {
    PAYMENTS_API_URL: url,
    LOG_LEVEL: 'info',
    REFUND_BATCH_SIZE: '50',
    QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/refunds-prod',
  } });
  // `kubectl create configmap --from-file=PAYMENTS_API_URL=payments_api_url.txt … --dry-run=client -o yaml | kubectl replace -f -`
  const mf = cm.metadata?.managedFields?.[1];
  if (mf) mf.manager = 'kubectl-replace';
  const other = bystander(ns, 'payments-api', names, 5 * DAYS, { revisions: [70, 71], versions: ['9.0.3', '9.0.4'], olderAgo: 14 * DAYS });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const crashLog = lines(
    `${goTime(2.1)} refund-worker 4.2.0 (commit 3c81f0e) starting`,
    `${goTime(2.1)} config: PAYMENTS_API_URL: parse "https://payments-api.payments.svc.cluster.local:8443/v2\\n": net/url: invalid control character in URL`,
  );
  return {
    id: 'heldout105-configmap-url-trailing-newline',
    class: 'config',
    truth: 'Twenty-seven minutes ago someone regenerated the refund-worker-config ConfigMap with kubectl create configmap --from-file (piped to kubectl replace), so PAYMENTS_API_URL now carries the file\'s trailing newline ("…:8443/v2\\n"). The rollout restart three minutes later (revision 12, no spec change but restartedAt) made new pods read it: Go\'s url.Parse rejects it ("net/url: invalid control character in URL") and the worker exits 1 at startup, crash-looping; the three revision-11 pods still run with the old environment. Rolling back would not help: any new pod reads the same ConfigMap. Fix: strip the newline (--from-literal or printf without \\n) and restart.',
    ask: { service: 'refund-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'refund-worker', selector: { app: 'refund-worker' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 2, 0, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 3, 4, 24),
      ...fresh.flatMap((p, i) => [scheduled(p, 23.8 - i * 0.1), ...restartedAgain(p, 'app', image, { count: 10, firstAgo: 23.7 - i * 0.1, lastAgo: 2.2 }), backOff(p, 'app', { count: 98, firstAgo: 23.6 - i * 0.1 })]),
    ],
    logs: [
      ...fresh.map((p) => logsFor(p, 'app', { previous: crashLog })),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${goTime(3.2)} refunds: processed batch size=50 ok=50 failed=0`, `${goTime(0.7)} refunds: processed batch size=50 ok=49 failed=1 (declined)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/refund-worker-config|PAYMENTS_API_URL|newline|control character/i],
      facts: [/refund-worker-config/, /invalid control character|newline|\\n/i],
      never: [/\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. Celery workers behind the producer: "Received unregistered task" --------------------------

function celeryUnregisteredTask(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.60', ['12', '88', '199']);
  const image = (v: string) => `${ECR}/orders/orders:${v}`;
  const env = [{ name: 'DJANGO_SETTINGS_MODULE', value: 'orders.settings.prod' }, { name: 'CELERY_BROKER_URL', value: 'amqp://orders@rabbitmq.orders.svc.cluster.local:5672/orders' }];
  const apiTpl = (v: string) => ({ containers: [container({ image: image(v), command: ['gunicorn', 'orders.wsgi', '-b', '0.0.0.0:8000', '-w', '4'], ports: [8000], env, readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 7 * DAYS, changeCause: 'argocd: orders-api 2026.11.14-3', template: apiTpl('2026.11.14-3') },
      { revision: 88, createdAgo: 35, changeCause: 'argocd: orders-api 2026.11.21-1', template: apiTpl('2026.11.21-1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 34 - k })),
    settled: { available: true, availableSince: 31, progressingSince: 35, progressingUpdatedAgo: 31 },
  });
  const wTpl = (v: string) => ({ containers: [batchContainer({ name: 'worker', image: image(v), command: ['celery', '-A', 'orders', 'worker', '-l', 'INFO', '-Q', 'default,invoices', '--concurrency', '4'], env, cpu: '500m', memory: '768Mi' })] });
  const workers = deploymentApp({
    namespace: ns,
    name: 'orders-worker',
    replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 21 * DAYS, changeCause: 'argocd: orders-worker 2026.10.31-2', template: wTpl('2026.10.31-2') },
      { revision: 53, createdAgo: 7 * DAYS, changeCause: 'argocd: orders-worker 2026.11.14-3', template: wTpl('2026.11.14-3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 53, node: names[k] ?? '', createdAgo: 7 * DAYS - k })),
  });
  const rabbit = bystander(ns, 'order-notifier', names, 9 * DAYS, { revisions: [5, 6], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const wLog = (k: number) => {
    const host = nameOf(podOf(workers, k));
    const origin = `gen${[7, 9, 8][k]}@${nameOf(podOf(api, k))}`;
    const out = [
      `[${pyTime(7 * DAYS - k - 0.2)}: INFO/MainProcess] Connected to amqp://orders:**@rabbitmq.orders.svc.cluster.local:5672/orders`,
      `[${pyTime(7 * DAYS - k - 0.2)}: INFO/MainProcess] celery@${host} ready.`,
      `[${pyTime(40 - k)}: INFO/MainProcess] Task orders.tasks.sync_stock[8c1e0f3a-21b4-4d6e-9a11-0b7c2d4e${k}f10] received`,
      `[${pyTime(39.9 - k)}: INFO/ForkPoolWorker-2] Task orders.tasks.sync_stock[8c1e0f3a-21b4-4d6e-9a11-0b7c2d4e${k}f10] succeeded in 0.412s: None`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 30 - i * 5 - k * 0.4;
      const id = `${['3f9a', 'b71c', '0d2e', 'e5a8', '7c40', '91bd'][i]}${k}c2e-5b1f-4a70-8e3d-2f6b${i}0c91a${k}e4`;
      const order = 4410270 + i * 13 + k;
      out.push(
        `[${pyTime(t)}: ERROR/MainProcess] Received unregistered task of type 'orders.tasks.send_invoice_pdf'.`,
        'The message has been ignored and discarded.',
        '',
        'Did you remember to import the module containing this task?',
        "Or maybe you're using relative imports?",
        '',
        'Please see',
        'https://docs.celeryq.dev/en/latest/internals/protocol.html',
        'for more information.',
        '',
        'The full contents of the message body was:',
        `b'[[${order}], {"locale": "de_DE"}, {"callbacks": null, "errbacks": null, "chain": null, "chord": null}]' (96b)`,
        '',
        'The full contents of the message headers:',
        `{'lang': 'py', 'task': 'orders.tasks.send_invoice_pdf', 'id': '${id}', 'shadow': None, 'eta': None, 'expires': None, 'group': None, 'group_index': None, 'retries': 0, 'timelimit': [None, None], 'root_id': '${id}', 'parent_id': None, 'argsrepr': '(${order},)', 'kwargsrepr': "{'locale': 'de_DE'}", 'origin': '${origin}', 'ignore_result': True}`,
        '',
        'The delivery info for this task is:',
        "{'exchange': '', 'routing_key': 'invoices'}",
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/celery/worker/consumer/consumer.py", line 659, in on_task_received',
        '    strategy = strategies[type_]',
        '               ~~~~~~~~~~^^^^^^^',
        "KeyError: 'orders.tasks.send_invoice_pdf'",
      );
    }
    return lines(...out);
  };
  const apiLog = (k: number) => lines(
    `[${pyTime(33 - k)}] [1] [INFO] Starting gunicorn 23.0.0`,
    `[${pyTime(33 - k)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    ...[0, 1, 2, 3].map((i) => `${pyTime(30 - i * 6 - k * 0.4)} INFO orders.views.checkout order=${4410270 + i * 13 + k} placed; queued orders.tasks.send_invoice_pdf on invoices`),
  );
  return {
    id: 'heldout105-celery-unregistered-task-version-skew',
    class: 'rollout',
    truth: 'orders-api revision 88 (image orders:2026.11.21-1, 35 minutes ago) sends a new Celery task, orders.tasks.send_invoice_pdf, for each placed order. The orders-worker Deployment is a separate Argo CD application that was not rolled out and still runs last week\'s image orders:2026.11.14-3, which has no such task: every worker logs "Received unregistered task of type \'orders.tasks.send_invoice_pdf\'" and discards the message, so no invoice has been sent since the producer rolled out, while the worker pods look healthy. Fix: roll orders-worker out to 2026.11.21-1 (workers before producers next time).',
    ask: { service: 'orders-worker', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...workers.objects, ...rabbit.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 88), 3, 0, 34),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 87), 0, 3, 31),
    ],
    logs: [
      ...workers.pods.map((p, k) => logsFor(p, 'worker', { current: wLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unregistered|send_invoice_pdf/i, /orders-api|skew|older|behind|not (yet )?(rolled|deployed|updated)|2026\.11\.(14|21)|revision 88/i],
      facts: [/send_invoice_pdf/, /2026\.11\.21-1|revision 88/, /2026\.11\.14-3/],
      never: [/\bOOM/, /crash ?loop/i, /rabbitmq[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 6. (probes) Django ALLOWED_HOSTS tightened: the kubelet's probe gets 400 ---------------------

function djangoAllowedHostsProbe(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '129', '250']);
  const image = (v: string) => `${ECR}/accounts/accounts-api:${v}`;
  const tpl = (v: string, hosts: string) => ({ containers: [container({
    image: image(v), command: ['gunicorn', 'accounts.wsgi', '-b', '0.0.0.0:8000', '-w', '3', '--access-logfile', '-'], ports: [8000], cpu: '300m', memory: '512Mi',
    env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'accounts.settings.prod' }, { name: 'DJANGO_ALLOWED_HOSTS', value: hosts }, { name: 'DJANGO_DEBUG', value: 'false' }],
    readiness: httpProbe('/healthz/', 8000, { periodSeconds: 5 }), liveness: null,
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 10 * DAYS, changeCause: 'argocd: accounts-api 6.4.0', template: tpl('6.4.0', '*') },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: accounts-api 6.4.1 (security: restrict ALLOWED_HOSTS)', template: tpl('6.4.1', 'accounts.acme.io,accounts-api.accounts.svc.cluster.local,.accounts.svc') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 10 * DAYS - k })),
      { revision: 19, node: names[1] ?? '', createdAgo: 25.8, containers: { app: running({ sinceAgo: 25.7, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ip = ipOfPod(fresh);
  const other = bystander(ns, 'accounts-mailer', names, 4 * HOURS, { revisions: [8, 9], versions: ['1.9.2', '1.9.3'], olderAgo: 25 * DAYS });
  const freshLog = lines(
    `[${pyTime(25.6)}] [1] [INFO] Starting gunicorn 23.0.0`,
    `[${pyTime(25.6)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${pyTime(25.6)}] [1] [INFO] Using worker: sync`,
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => {
      const t = 25.4 - i * 4.3;
      return [
        `${pyTime(t)} ERROR django.security.DisallowedHost Invalid HTTP_HOST header: '${ip}:8000'. You may need to add '${ip}' to ALLOWED_HOSTS.`,
        `10.0.33.129 - - [${clfTime(t)}] "GET /healthz/ HTTP/1.1" 400 143 "-" "kube-probe/1.31"`,
      ];
    }),
  );
  return {
    id: 'heldout105-django-allowed-hosts-probe-400',
    class: 'probes',
    truth: 'accounts-api revision 19 (6.4.1, 26 minutes ago) replaced DJANGO_ALLOWED_HOSTS="*" by the public and Service host names. The kubelet\'s HTTP readiness probe sends the pod IP as Host (10.x.x.x:8000), which Django now rejects with 400 (DisallowedHost), so the new pod never turns ready and the rollout (maxUnavailable 0) is stuck with the three revision-18 pods serving. The app itself is fine. Fix: allow the pod IP / probe host (or set httpHeaders Host on the probe, or exempt /healthz/ from the host check).',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 26),
      scheduled(fresh, 25.8),
      ...restartedAgain(fresh, 'app', image('6.4.1'), { count: 1, firstAgo: 25.7, lastAgo: 25.7 }),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 400', { count: 311, firstAgo: 25.5, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: freshLog }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(`10.0.33.${10 + k} - - [21/Nov/2026:03:13:2${k} +0000] "GET /api/v1/accounts/me HTTP/1.1" 200 812 "-" "okhttp/4.12.0"`, `10.0.33.${['40', '129', '250'][k]} - - [21/Nov/2026:03:13:5${k} +0000] "GET /healthz/ HTTP/1.1" 200 15 "-" "kube-probe/1.31"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ALLOWED_HOSTS|DisallowedHost|Host header|\b400\b/i],
      facts: [/400/, /revision 19|6\.4\.1|ALLOWED_HOSTS/],
      never: [/\bOOM/, /(probe|readiness)[^\n]*(timeout|timed out|too (short|aggressive|tight))/i, /crash ?loop/i],
    },
  };
}

// ---- healthy control: a Job that lost two pods, then completed ------------------------------------

function jobRetriedThenComplete(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.176', ['5', '66', '141']);
  const image = `${ECR}/search/search-reindex:3.0.7`;
  const j = job({
    namespace: ns,
    name: 'search-reindex-20261121',
    template: { containers: [batchContainer({ name: 'reindex', image, cpu: '1', memory: '2Gi', env: [{ name: 'ES_URL', value: 'http://elasticsearch.search.svc.cluster.local:9200' }, { name: 'INDEX_ALIAS', value: 'products' }] })] },
    backoffLimit: 4,
    createdAgo: 55,
    outcome: { complete: true, ago: 31 },
    pods: [
      { node: names[0] ?? '', createdAgo: 55, phase: 'Failed', containers: { reindex: terminated({ exitCode: 1, finishedAgo: 54.6, ranSeconds: 20 }) } },
      { node: names[1] ?? '', createdAgo: 54.5, phase: 'Failed', containers: { reindex: terminated({ exitCode: 1, finishedAgo: 54.1, ranSeconds: 21 }) } },
      { node: names[2] ?? '', createdAgo: 53.4, phase: 'Succeeded', containers: { reindex: terminated({ exitCode: 0, finishedAgo: 31.1, ranSeconds: 1336 }) } },
    ],
  });
  const jobObj = j.objects[0];
  const [p0, p1, p2] = [podOf(j, 0), podOf(j, 1), podOf(j, 2)];
  const es = bystander(ns, 'search-api', names, 6 * DAYS, { revisions: [33, 34], versions: ['8.1.0', '8.1.1'], olderAgo: 20 * DAYS });
  const fail = (t: number) => lines(
    `${pyTime(t)} INFO reindex: target alias=products new_index=products-20261121-0259`,
    `${pyTime(t - 0.3)} ERROR reindex: elasticsearch not reachable: ConnectionError(<urllib3.connection.HTTPConnection object at 0x7f3a1c2b5e50>: Failed to establish a new connection: [Errno 111] Connection refused)`,
    `${pyTime(t - 0.31)} ERROR reindex: giving up after 3 attempts`,
  );
  return {
    id: 'heldout105-healthy-job-retried-then-complete',
    class: 'healthy',
    truth: 'The nightly search-reindex Job lost its first two pods (exit 1, Elasticsearch connection refused) while the Elasticsearch cluster was doing a rolling restart, then the third pod reindexed and the Job completed 31 minutes ago, within its backoffLimit of 4. Nothing to fix: the failed pods are history.',
    ask: { service: 'search-reindex-20261121', namespace: ns },
    objects: [
      ...nodes, ...j.objects, ...es.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: es.pods }),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p0)}`, 55),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p1)}`, 54.5),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p2)}`, 53.4),
      jobEvent(jobObj, 'Completed', 'Job completed', 31),
      ...startedNormally(p0, 'reindex', image, 55),
      ...startedNormally(p1, 'reindex', image, 54.5),
      ...startedNormally(p2, 'reindex', image, 53.4),
    ],
    logs: [
      logsFor(p0, 'reindex', { current: fail(54.9) }),
      logsFor(p1, 'reindex', { current: fail(54.4) }),
      logsFor(p2, 'reindex', { current: lines(`${pyTime(53.3)} INFO reindex: target alias=products new_index=products-20261121-0301`, `${pyTime(42)} INFO reindex: indexed 1200000/2391044 docs`, `${pyTime(31.2)} INFO reindex: indexed 2391044/2391044 docs; alias products -> products-20261121-0301`, `${pyTime(31.15)} INFO reindex: done in 22m16s`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/complete|succeeded|healthy|no (problem|issue)|nothing/i],
      facts: [/search-reindex/],
      never: [/backoff ?limit (reached|exceeded)|BackoffLimitExceeded/i, /crash ?loop/i, /elasticsearch[^\n]*(down|unreachable)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  http2CoalescingMisdirected(),
  istioPortNamedHttp(),
  cronReplaceKillsRuns(),
  configMapUrlTrailingNewline(),
  celeryUnregisteredTask(),
  djangoAllowedHostsProbe(),
  jobRetriedThenComplete(),
];

// Held-out stories, twenty-second round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// An Istio sidecar that is not ready when the app makes its first call (holdApplicationUntilProxyStarts
// dropped), the kubelet's static CPU manager rejecting odd CPU requests with full-pcpus-only
// (SMTAlignmentError), a rollout reported failed because minReadySeconds outlasts the progress
// deadline, an app pinned to a Redis pod that Sentinel demoted to a replica, ingress-nginx refusing
// an upstream's oversized response headers, a Multus network attachment that does not exist, and a
// healthy control: a KEDA worker scaled to zero on an empty queue.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, boundClaim, configMap, container, containerStatus, deploymentApp, epochMs, event, execProbe, exited,
  exposed, httpProbe, nameOf, namespace, node, probeFailed, probeKilling, pulledFresh, replicaSetOf, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, statefulSetApp, uidOf, waiting, clfTime, backOff, createdPod, daemonSetApp,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

/** Go's `time.Time` in UTC as Redis prints it: `21 Nov 2026 02:26:21.002`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** nginx's error-log time: `2026/11/21 03:12:07`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace(/-/g, '/').replace('T', ' ');

/** klog's header time: `I1121 03:12:07.441201`. */
const klogTime = (minutes: number): string => {
  const iso = at(minutes);
  return `${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}201`;
};

/** Istio's / zap's time: `2026-11-21T02:39:12.402051Z`. */
const istioTime = (minutes: number): string => at(minutes).replace('Z', '051Z');

// ---- 1. the istio-proxy sidecar is not ready when the app makes its first outbound call -----------

function istioSidecarNotReadyAtStart(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.142');
  const image = (v: string) => `${ECR}/catalog/pricing-api:${v}`;
  const proxyImage = 'docker.io/istio/proxyv2:1.22.3';
  const configUrl = 'http://config-service.platform.svc.cluster.local:8080/v1/config/pricing-api';
  const app = (v: string) =>
    container({
      name: 'pricing-api',
      image: image(v),
      ports: [3000],
      cpu: '300m',
      memory: '384Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CONFIG_URL', value: configUrl }, { name: 'PORT', value: '3000' }],
      readiness: httpProbe('/health/ready', 3000),
      liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    });
  const prom = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464' };
  // Seconds after each new pod's creation: each app run crashes 1 s after it starts (first run at
  // +0.5 s, then after the kubelet's 10 s and 20 s back-offs); Envoy turns ready at `readyAt`.
  const sec = (n: number) => n / 60;
  const timing = [
    { created: 34.5, restarts: 2, readyAt: 13.4 },
    { created: 33.6, restarts: 1, readyAt: 8.9 },
    { created: 32.7, restarts: 2, readyAt: 12.7 },
    { created: 6, restarts: 2, readyAt: 14.1 },
  ].map((t) => ({ ...t, lastCrash: t.created - sec(t.restarts === 2 ? 12.5 : 1.5), finalStart: t.created - sec(t.restarts === 2 ? 32.5 : 11.5), proxyReady: t.created - sec(t.readyAt) }));
  const tm = (i: number) => {
    const t = timing[i];
    if (t === undefined) throw new Error(`no timing ${i}`);
    return t;
  };
  const pricing = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-api 3.7.4', template: { containers: [app('3.7.4')], annotations: { ...prom, 'proxy.istio.io/config': 'holdApplicationUntilProxyStarts: true\n' } } },
      { revision: 42, createdAgo: 35, changeCause: 'argocd: pricing-api 3.8.0 (chart 2.0.0: podAnnotations moved to values)', template: { containers: [app('3.8.0')], annotations: { ...prom, 'sidecar.istio.io/proxyCPU': '200m' } } },
    ],
    pods: timing.map((t, i) => ({ revision: 42, node: names[i % 3] ?? '', createdAgo: t.created, containers: { 'pricing-api': running({ sinceAgo: t.finalStart, restarts: t.restarts, last: { exitCode: 1, finishedAgo: t.lastCrash, ranSeconds: 1 } }) } })),
  });
  // What the Istio injector adds at admission: istio-init, the istio-proxy sidecar after the app (no
  // holdApplicationUntilProxyStarts, so it is appended, not started first), and its record of it.
  const init = container({
    name: 'istio-init',
    image: proxyImage,
    args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'],
    ports: [],
    cpu: '100m',
    memory: '128Mi',
    memoryLimit: '1Gi',
    cpuLimit: '2',
    readiness: null,
    liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: false, runAsGroup: 0, runAsNonRoot: false, runAsUser: 0 },
  });
  const proxy = container({
    name: 'istio-proxy',
    image: proxyImage,
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090, protocol: 'TCP' }],
    cpu: '200m',
    memory: '128Mi',
    memoryLimit: '1Gi',
    cpuLimit: '2',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 4 }),
    liveness: null,
    startup: httpProbe('/healthz/ready', 15021, { periodSeconds: 1, timeoutSeconds: 3, failureThreshold: 600 }),
  });
  pricing.pods.forEach((p, i) => {
    const created = tm(i).created;
    p.metadata = {
      ...p.metadata,
      labels: { ...p.metadata?.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'pricing-api', 'service.istio.io/canonical-revision': 'latest' },
      annotations: {
        ...p.metadata?.annotations,
        'istio.io/rev': 'default',
        'kubectl.kubernetes.io/default-container': 'pricing-api',
        'kubectl.kubernetes.io/default-logs-container': 'pricing-api',
        'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}',
      },
    };
    if (p.spec) p.spec = { ...p.spec, initContainers: [init], containers: [...p.spec.containers, proxy] };
    const seed = `${ns}/${nameOf(p)}`;
    if (p.status) {
      p.status.initContainerStatuses = [containerStatus(init, { state: exited({ exitCode: 0, reason: 'Completed', finishedAgo: created - sec(0.4), ranSeconds: 1 }, `${seed}/init`), ready: true, restartCount: 0, started: false }, seed)];
      p.status.containerStatuses?.push(containerStatus(proxy, running({ sinceAgo: created - sec(0.5) }), seed));
    }
  });
  const [p0, p1, p2, p3] = [podOf(pricing, 0), podOf(pricing, 1), podOf(pricing, 2), podOf(pricing, 3)];
  // The config service the app fetches from: healthy all along.
  const configSvc = deploymentApp({
    namespace: 'platform',
    name: 'config-service',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: config-service 1.9.2', template: { containers: [container({ image: `${ECR}/platform/config-service:1.9.2`, ports: [8080] })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const istiod = deploymentApp({
    namespace: 'istio-system',
    name: 'istiod',
    replicas: 2,
    revisions: [{ revision: 7, createdAgo: 24 * DAYS, template: { containers: [container({ name: 'discovery', image: 'docker.io/istio/pilot:1.22.3', ports: [8080, { name: 'grpc-xds', containerPort: 15010 }, { name: 'https-dns', containerPort: 15012 }], readiness: httpProbe('/ready', 8080), liveness: null })] } }],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 24 * DAYS }, { revision: 7, node: names[2] ?? '', createdAgo: 24 * DAYS }],
  });
  const other = bystander(ns, 'catalog-search', names, 70, { revisions: [18, 19], versions: ['2.4.0', '2.4.1'], olderAgo: 11 * DAYS });
  const configIp = '172.20.88.14';
  const podEvents = (p: k8s.V1Pod, i: number): k8s.CoreV1Event[] => {
    const ip = ipOfPod(p);
    const t = tm(i);
    const c = t.created;
    const initPath = 'spec.initContainers{istio-init}';
    const proxyPath = 'spec.containers{istio-proxy}';
    return [
      scheduled(p, c),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${proxyImage}" already present on machine`, firstAgo: c - sec(0.1), lastAgo: c - sec(0.1), fieldPath: initPath }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container istio-init', firstAgo: c - sec(0.1), lastAgo: c - sec(0.1), fieldPath: initPath }),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container istio-init', firstAgo: c - sec(0.2), lastAgo: c - sec(0.2), fieldPath: initPath }),
      ...restartedAgain(p, 'pricing-api', image('3.8.0'), { count: t.restarts + 1, firstAgo: c - sec(0.5), lastAgo: t.finalStart }),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${proxyImage}" already present on machine`, firstAgo: c - sec(0.5), lastAgo: c - sec(0.5), fieldPath: proxyPath }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container istio-proxy', firstAgo: c - sec(0.5), lastAgo: c - sec(0.5), fieldPath: proxyPath }),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container istio-proxy', firstAgo: c - sec(0.5), lastAgo: c - sec(0.5), fieldPath: proxyPath }),
      probeFailed(p, 'istio-proxy', 'Startup', `Get "http://${ip}:15021/healthz/ready": dial tcp ${ip}:15021: connect: connection refused`, { count: 2, firstAgo: c - sec(1.5), lastAgo: c - sec(2.5) }),
      probeFailed(p, 'istio-proxy', 'Startup', `HTTP probe failed with statuscode: 503`, { count: Math.floor(t.readyAt) - 3, firstAgo: c - sec(3.5), lastAgo: t.proxyReady + sec(1) }),
      backOff(p, 'pricing-api', { count: t.restarts, firstAgo: c - sec(2), lastAgo: c - sec(t.restarts === 2 ? 13.5 : 2) }),
    ];
  };
  const pinoLine = (p: k8s.V1Pod, t: number, level: number, extra: string, msg: string) =>
    `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}"${extra},"msg":"${msg}"}`;
  const crashed = (p: k8s.V1Pod, t: number) =>
    lines(
      pinoLine(p, t + sec(0.9), 30, ',"version":"3.8.0","node":"v20.17.0"', 'pricing-api starting'),
      pinoLine(p, t + sec(0.8), 30, `,"url":"${configUrl}"`, 'fetching remote configuration'),
      pinoLine(p, t, 60, `,"err":{"type":"TypeError","message":"fetch failed: connect ECONNREFUSED ${configIp}:8080","stack":"TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13185:13\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\\n    at async loadRemoteConfig (/app/dist/config/remote.js:27:19)\\n    at async main (/app/dist/server.js:14:18)\\ncaused by: Error: connect ECONNREFUSED ${configIp}:8080\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"${configIp}","port":8080}`, 'could not load remote configuration, exiting'),
    );
  const healthy = (p: k8s.V1Pod, since: number) =>
    lines(
      pinoLine(p, since - sec(0.1), 30, ',"version":"3.8.0","node":"v20.17.0"', 'pricing-api starting'),
      pinoLine(p, since - sec(0.2), 30, `,"url":"${configUrl}"`, 'fetching remote configuration'),
      pinoLine(p, since - sec(0.3), 30, ',"keys":41,"etag":"W/\\"9f1c2e\\""', 'remote configuration loaded'),
      pinoLine(p, since - sec(0.4), 30, ',"port":3000', 'server listening'),
      pinoLine(p, 0.8, 30, ',"req":{"method":"GET","url":"/v2/prices?sku=KB-1182&currency=EUR"},"res":{"statusCode":200},"responseTime":7', 'request completed'),
      pinoLine(p, 0.3, 30, ',"req":{"method":"POST","url":"/v2/quotes"},"res":{"statusCode":201},"responseTime":22', 'request completed'),
    );
  const proxyLog = (p: k8s.V1Pod, i: number) => {
    const t = tm(i);
    const l = (off: number) => istioTime(t.created - sec(off));
    const node = `${nameOf(p)}.${ns}`;
    return lines(
      `${l(0.6)}\tinfo\tFLAG: --concurrency="2"`,
      `${l(0.62)}\tinfo\tVersion 1.22.3-7d2e4b0d58cbbd3c4c2a0bdcd9ff3e5a73fc87a1-Clean`,
      `${l(0.7)}\tinfo\tProxy role\tips=[${ipOfPod(p)}] type=sidecar id=${node} domain=${ns}.svc.cluster.local`,
      `${l(0.8)}\tinfo\txdsproxy\tInitializing with upstream address "istiod.istio-system.svc:15012" and cluster "Kubernetes"`,
      `${l(1.4)}\tinfo\tcache\tgenerated new workload certificate\tlatency=301.44ms ttl=23h59m59.698559203s`,
      `${l(1.5)}\tinfo\tStarting proxy agent`,
      `${l(1.55)}\tinfo\tEnvoy command: [-c etc/istio/proxy/envoy-rev.json --drain-time-s 45 --drain-strategy immediate --local-address-ip-version v4 --file-flush-interval-msec 1000 --disable-hot-restart --allow-unknown-static-fields -l warning --component-log-level misc:error --concurrency 2]`,
      `${l(2.6)}\tinfo\txdsproxy\tconnected to delta upstream XDS server: istiod.istio-system.svc:15012\tid=1`,
      `${l(t.readyAt - 2.1)}\tinfo\tads\tADS: new connection for node:${node}-1`,
      `${l(t.readyAt - 1.9)}\tinfo\tads\tCDS: PUSH request for node:${node} resources:214 size:211.3kB`,
      `${l(t.readyAt - 1.1)}\tinfo\tads\tLDS: PUSH request for node:${node} resources:97 size:268.9kB`,
      `${l(t.readyAt)}\tinfo\tReadiness succeeded in ${(t.readyAt - 0.6).toFixed(9)}s`,
      `${l(t.readyAt)}\tinfo\tEnvoy proxy is ready`,
    );
  };
  return {
    id: 'heldout22-istio-sidecar-not-ready-at-start',
    class: 'network',
    truth: 'pricing-api revision 42 (chart 2.0.0, 35 minutes ago) moved the pod annotations into values and dropped `proxy.istio.io/config: holdApplicationUntilProxyStarts: true`. Without it the injected istio-proxy sidecar is appended after the app and starts in parallel; the Node app fetches its configuration from config-service at boot, ~1 s after start, while iptables already redirects outbound traffic to an Envoy that is not listening yet (Envoy only turns ready 9–14 s after the pod starts), so the call is refused (ECONNREFUSED) and the app exits 1. Every new pod restarts once or twice before Envoy is ready and then runs; rollouts and HPA scale-ups are slowed and start with crashes. config-service was healthy throughout. Fix: restore the annotation (or make the config fetch retry).',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes,
      namespace({ name: ns, createdAgo: 300 * DAYS, labels: { 'istio-injection': 'enabled' } }),
      ...pricing.objects, ...configSvc.objects, ...istiod.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: pricing.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: other.pods }),
      ...exposed({ namespace: 'platform', name: 'config-service', selector: { app: 'config-service' }, pods: configSvc.pods, clusterIP: configIp, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      ...exposed({ namespace: 'istio-system', name: 'istiod', selector: { app: 'istiod' }, pods: istiod.pods, ports: [{ name: 'https-dns', port: 15012, targetPort: 15012 }, { name: 'grpc-xds', port: 15010, targetPort: 15010 }], endpointPort: 15012 }),
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'pricing-api', namespace: ns, uid: uidOf(`hpa/${ns}/pricing-api`), creationTimestamp: ago(200 * DAYS) },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'pricing-api' }, minReplicas: 3, maxReplicas: 12, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } }] },
        status: {
          currentReplicas: 4, desiredReplicas: 4, lastScaleTime: ago(6),
          currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 58, averageValue: '174m' } } }],
          conditions: [
            { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(6) },
            { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(40 * DAYS) },
            { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(6) },
          ],
        },
      } as KubeJson,
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 42), 1, 0, 34.5),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 41), 2, 3, 33.7),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 42), 2, 1, 33.6),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 41), 1, 2, 32.8),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 42), 3, 2, 32.7),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 41), 0, 1, 31.9),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 42), 4, 3, 6),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'pricing-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target', firstAgo: 6, lastAgo: 6, component: 'horizontal-pod-autoscaler' }),
      ...[p0, p1, p2, p3].flatMap((p, i) => podEvents(p, i)),
    ],
    logs: [
      ...[p0, p1, p2, p3].map((p, i) => logsFor(p, 'pricing-api', { previous: crashed(p, tm(i).lastCrash), current: healthy(p, tm(i).finalStart) })),
      logsFor(p0, 'istio-proxy', { current: proxyLog(p0, 0) }),
      logsFor(p3, 'istio-proxy', { current: proxyLog(p3, 3) }),
      ...configSvc.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(tm(3).finalStart - sec(0.3))} INFO  c.a.config.http.ConfigController - GET /v1/config/pricing-api 200 etag=W/"9f1c2e" 4ms`, `${at(2.1)} INFO  c.a.config.http.ConfigController - GET /v1/config/catalog-search 304 2ms`, `${at(0.6)} INFO  c.a.config.http.ConfigController - GET /v1/config/checkout 304 1ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/istio|sidecar|envoy/i],
      facts: [/ECONNREFUSED|connection refused/i, /holdApplicationUntilProxyStarts|proxy\.istio\.io\/config/, /config-service/],
      never: [/\bOOM/, /config-service[^\n]*(is down|outage|unavailable|not ready|no (ready )?endpoints)/i, /liveness probe (fail|kill)|killed by (the )?liveness/i, /NetworkPolicy/, /catalog-search/],
    },
  };
}

// ---- 2. the static CPU manager with full-pcpus-only rejects 3-CPU pods (SMTAlignmentError) --------

function smtAlignmentRejected(): CorpusScenario {
  const ns = 'trading';
  const { nodes, names } = threeEksNodes('10.0.160');
  const lowlat = [eksNodeName('10.0.170.21'), eksNodeName('10.0.171.88')];
  const lowlatNodes = lowlat.map((name, i) =>
    node({
      name,
      zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b',
      instanceType: 'c7i.2xlarge',
      pool: 'lowlat-c7i',
      labels: { 'node-pool': 'lowlat' },
      taints: [{ key: 'dedicated', value: 'lowlat', effect: 'NoSchedule' }],
      allocatable: { cpu: '6', 'ephemeral-storage': '76224326324', memory: '14895096Ki', pods: '58' },
      createdAgo: 19 * HOURS,
      readySince: 19 * HOURS,
    }),
  );
  const image = `${ECR}/trading/quote-engine:4.2.0`;
  const engine = container({
    name: 'quote-engine',
    image,
    ports: [9000, { name: 'metrics', containerPort: 9102 }],
    cpu: '3',
    cpuLimit: '3',
    memory: '4Gi',
    env: [{ name: 'GOMAXPROCS', value: '3' }, { name: 'FEED_ENDPOINT', value: 'feed-gw.trading.svc.cluster.local:7001' }],
    readiness: httpProbe('/readyz', 9102),
    liveness: httpProbe('/livez', 9102, { initialDelaySeconds: 5 }),
  });
  const failedCount = 30;
  // The ReplicaSet replaces each rejected pod at once: ~every 24 s, alternating between the two new nodes.
  const failedAgo = (k: number) => 11.8 - k * 0.4;
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 57, createdAgo: 16 * DAYS, changeCause: 'argocd: quote-engine 4.2.0', template: { containers: [engine] } },
      { revision: 58, createdAgo: 12, changeCause: 'argocd: quote-engine move to lowlat-c7i pool (PLAT-2291)', template: { containers: [engine], nodeSelector: { 'node-pool': 'lowlat' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'lowlat', effect: 'NoSchedule' }] } },
    ],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 16 * DAYS, containers: { 'quote-engine': running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS, ranSeconds: 13 * 86400 } }) } },
      { revision: 57, node: names[1] ?? '', createdAgo: 16 * DAYS },
      { revision: 57, node: names[2] ?? '', createdAgo: 16 * DAYS },
      ...Array.from({ length: failedCount }, (_, k) => ({ revision: 58, node: lowlat[k % 2] ?? '', createdAgo: failedAgo(k), phase: 'Failed' as const })),
    ],
  });
  const smt = 'SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2';
  const rejected = app.pods.slice(3);
  // What the kubelet writes when its admission rejects a pod: Failed, the reason and "Pod was rejected: …", nothing else.
  for (const p of rejected) {
    const started = new Date((p.metadata?.creationTimestamp as Date).getTime() + 1000);
    p.status = { phase: 'Failed', reason: 'SMTAlignmentError', message: `Pod was rejected: ${smt}`, qosClass: 'Guaranteed', startTime: started };
  }
  const rs58 = replicaSetOf(app, 58) as k8s.V1ReplicaSet;
  if (rs58.spec) rs58.spec.replicas = 2;
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) dep.status.unavailableReplicas = 2;
  const other = bystander(ns, 'feed-gw', names, 95, { revisions: [30, 31], versions: ['1.18.0', '1.18.1'], olderAgo: 20 * DAYS });
  const zap = (t: number, msg: string, extra: string) => `{"level":"info","ts":"${at(t)}","caller":"${msg.startsWith('quotes') ? 'publish/loop.go:141' : 'feed/client.go:88'}","msg":"${msg}"${extra}}`;
  return {
    id: 'heldout22-smt-alignment-error-full-pcpus-only',
    class: 'scheduling',
    truth: 'Revision 58 (12 minutes ago) moved quote-engine to the new lowlat-c7i node pool, whose kubelets run the static CPU manager with the full-pcpus-only policy option. The pods are Guaranteed with 3 CPUs; on c7i nodes (SMT, 2 threads per core) full-pcpus-only only admits whole physical cores, so the kubelet rejects every pod at admission: phase Failed, reason SMTAlignmentError ("requested 3 cpus not multiple cpus per core = 2"). The scheduler had placed them fine; the ReplicaSet replaces each rejected pod at once, so Failed pods pile up (30 in 12 minutes) and the rollout never progresses, while 3 revision-57 pods on the general pool serve. Fix: request an even number of CPUs (2 or 4) or drop full-pcpus-only on that pool. The old OOM of a revision-57 pod three days ago is unrelated.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...lowlatNodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods, ports: [{ name: 'http', port: 9000, targetPort: 'http' }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'feed-gw', selector: { app: 'feed-gw' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 58), 1, 0, 12),
      scaledReplicaSet(dep, rsOf(app, 57), 3, 4, 12),
      scaledReplicaSet(dep, rsOf(app, 58), 2, 1, 12),
      ...rejected.flatMap((p, k) => [
        createdPod(rs58, p, failedAgo(k)),
        scheduled(p, failedAgo(k) - 0.01),
        event({ on: p, reason: 'SMTAlignmentError', message: smt, firstAgo: failedAgo(k) - 0.02, lastAgo: failedAgo(k) - 0.02 }),
      ]),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'quote-engine', { current: lines(zap(1.2, 'feed heartbeat', ',"venue":"XETR","lag_us":412'), zap(0.9, 'quotes published', ',"symbols":412,"p99_us":188'), zap(0.4, 'quotes published', ',"symbols":409,"p99_us":203')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SMT ?Alignment/i],
      facts: [/requested 3 cpus|\b3 (cpus|CPUs|cores)\b|cpu: ?"?3\b/i, /lowlat/, /reject/i],
      never: [/Insufficient cpu|not enough (free )?cpu/i, /FailedScheduling|unschedulable|cannot be scheduled/i, /\bOOM/, /quota/i, /feed-gw/],
    },
  };
}

// ---- 3. minReadySeconds 900 above progressDeadlineSeconds 600: a healthy rollout reported failed --

function minReadyAboveProgressDeadline(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96');
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        ports: [8080],
        cpu: '500m',
        memory: '1536Mi',
        env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
        readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 5 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 26, createdAgo: 6 * DAYS, changeCause: 'helm: invoice-api-4.11.3 (chart 5.2.1)', template: tpl('4.11.3') },
      { revision: 27, createdAgo: 14, changeCause: 'helm: invoice-api-4.12.0 (chart 5.3.0)', template: tpl('4.12.0') },
    ],
    pods: [
      { revision: 26, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4 * DAYS, ranSeconds: 2 * 86400 } }) } },
      { revision: 26, node: names[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 26, node: names[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 27, node: names[1] ?? '', createdAgo: 13.9, containers: { app: running({ sinceAgo: 13.85 }) } },
      { revision: 27, node: names[2] ?? '', createdAgo: 13.9, containers: { app: running({ sinceAgo: 13.85 }) } },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(6 * DAYS), lastTransitionTime: ago(6 * DAYS) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${'invoice-api'}-PLACEHOLDER" has timed out progressing.`, lastUpdateTime: ago(3.4), lastTransitionTime: ago(3.4) },
    ],
  });
  const newRs = rsOf(app, 27);
  const dep = deploymentOf(app) as k8s.V1Deployment;
  for (const c of dep.status?.conditions ?? []) c.message = c.message?.replace('invoice-api-PLACEHOLDER', newRs);
  if (dep.spec) dep.spec.minReadySeconds = 900;
  if (dep.status) Object.assign(dep.status, { replicas: 5, updatedReplicas: 2, readyReplicas: 5, availableReplicas: 3, unavailableReplicas: 2 });
  const rs27 = replicaSetOf(app, 27) as k8s.V1ReplicaSet;
  if (rs27.spec) rs27.spec.minReadySeconds = 900;
  if (rs27.status) rs27.status.availableReplicas = 0;
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'tax-rates', names, 50, { revisions: [8, 9], versions: ['0.9.3', '0.9.4'], olderAgo: 30 * DAYS });
  const argocd = statefulSetApp({
    namespace: 'argocd',
    name: 'argocd-application-controller',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'argocd-application-controller' },
    revisions: [{ revision: 4, createdAgo: 33 * DAYS, template: { containers: [container({ name: 'argocd-application-controller', image: 'quay.io/argoproj/argocd:v2.12.6', ports: [8082], readiness: httpProbe('/healthz', 8082), liveness: null })] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS }],
  });
  const spring = (t: number, level: string, logger: string, msg: string) => `${at(t).replace('Z', '+00:00')}  ${level.padStart(5)} 1 --- [invoice-api] [${logger.startsWith('o.s.b.w') ? '           main' : 'nio-8080-exec-3'}] ${logger.padEnd(40)} : ${msg}`;
  const argoLog = (t: number, msg: string, extra: string) => `time="${at(t).slice(0, 19)}Z" level=info msg="${msg}" ${extra}`;
  return {
    id: 'heldout22-min-ready-seconds-above-progress-deadline',
    class: 'rollout',
    truth: 'The invoice-api 4.12.0 Helm release (revision 27, 14 minutes ago) also set minReadySeconds: 900 as a "bake time", while progressDeadlineSeconds stayed 600. The two new pods started and have been Running and Ready for 13 minutes, but a pod only counts as available after 900 s of readiness, so the rollout made no progress for 10 minutes and the controller set Progressing=False/ProgressDeadlineExceeded; Argo CD marked the app Degraded and paged. Nothing is broken: the pods will turn available at 15 minutes and the rollout would go on, batch by batch. Fix: keep minReadySeconds below progressDeadlineSeconds (or raise the deadline). The startup readiness failures and an old OOM are noise.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...argocd.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tax-rates', selector: { app: 'tax-rates' }, pods: other.pods }),
      scaledReplicaSet(dep, newRs, 1, 0, 14),
      scaledReplicaSet(dep, rsOf(app, 26), 3, 4, 14),
      scaledReplicaSet(dep, newRs, 2, 1, 13.95),
      ...fresh.flatMap((p) => [
        ...pulledFresh(p, 'app', image('4.12.0'), { atAgo: 13.9, bytes: 198411520, seconds: 2.871 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 13.85, lastAgo: 13.85, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 13.85, lastAgo: 13.85, fieldPath: 'spec.containers{app}' }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2, firstAgo: 13.77, lastAgo: 13.68 }),
      ]),
      event({ on: { kind: 'Application', name: 'invoice-api', namespace: 'argocd' }, type: 'Normal', reason: 'ResourceUpdated', message: 'Updated health status: Progressing -> Degraded', firstAgo: 3.3, lastAgo: 3.3, component: 'argocd-application-controller' }),
      event({ on: { kind: 'Application', name: 'invoice-api', namespace: 'argocd' }, type: 'Normal', reason: 'ResourceUpdated', message: 'Updated sync status: OutOfSync -> Synced', firstAgo: 14, lastAgo: 14, component: 'argocd-application-controller' }),
    ],
    logs: [
      ...fresh.map((p) => logsFor(p, 'app', {
        current: lines(
          spring(13.84, 'INFO', 'c.a.billing.InvoiceApiApplication', 'Starting InvoiceApiApplication v4.12.0 using Java 21.0.5 with PID 1'),
          spring(13.6, 'INFO', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
          spring(13.59, 'INFO', 'c.a.billing.InvoiceApiApplication', 'Started InvoiceApiApplication in 14.802 seconds (process running for 15.611)'),
          spring(1.1, 'INFO', 'c.a.billing.web.InvoiceController', 'POST /v1/invoices 201 (38 ms)'),
          spring(0.3, 'INFO', 'c.a.billing.web.InvoiceController', 'GET /v1/invoices/INV-2026-118842 200 (6 ms)'),
        ),
      })),
      logsFor(podOf(argocd, 0), 'argocd-application-controller', {
        current: lines(
          argoLog(14, 'Updated sync status: OutOfSync -> Synced', 'application=argocd/invoice-api dest-namespace=billing dest-server="https://kubernetes.default.svc" reason=ResourceUpdated type=Normal'),
          argoLog(3.3, 'Updated health status: Progressing -> Degraded', 'application=argocd/invoice-api dest-namespace=billing dest-server="https://kubernetes.default.svc" reason=ResourceUpdated type=Normal'),
          argoLog(3.29, 'Sending notification', 'app=invoice-api trigger=on-health-degraded destination=pagerduty:billing-oncall'),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/minReadySeconds/i],
      facts: [/\b900\b/, /progressDeadlineSeconds|\b600\b|progress deadline/i, /ProgressDeadlineExceeded|timed out progressing|exceeded its progress deadline/i],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/, /crash ?loop/i, /readiness probe (is )?fail/i, /tax-rates/],
    },
  };
}

// ---- 4. after a Sentinel failover, the app still writes to redis-node-0, now a replica ------------

function redisReadonlyAfterFailover(): CorpusScenario {
  const ns = 'cart';
  const { nodes, names } = threeEksNodes('10.0.48');
  const host = (i: number) => `redis-node-${i}.redis-headless.${ns}.svc.cluster.local`;
  const redisImage = 'docker.io/bitnami/redis:7.2.5-debian-12-r4';
  const sentinelImage = 'docker.io/bitnami/redis-sentinel:7.2.5-debian-12-r4';
  const redisTpl = {
    containers: [
      container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '6Gi', command: ['/bin/bash'], args: ['-c', '/opt/bitnami/scripts/start-scripts/start-node.sh'], readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5 }), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }), volumeMounts: [{ name: 'redis-data', mountPath: '/data' }] }),
      container({ name: 'sentinel', image: sentinelImage, ports: [{ name: 'redis-sentinel', containerPort: 26379 }], cpu: '100m', memory: '128Mi', command: ['/bin/bash'], args: ['-c', '/opt/bitnami/scripts/start-scripts/start-sentinel.sh'], readiness: execProbe(['sh', '-c', '/health/ping_sentinel.sh 1'], { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5 }), liveness: execProbe(['sh', '-c', '/health/ping_sentinel.sh 5'], { initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 6, failureThreshold: 6 }), volumeMounts: [{ name: 'redis-data', mountPath: '/data' }] }),
    ],
    terminationGracePeriodSeconds: 30,
  };
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis-node',
    replicas: 3,
    serviceName: 'redis-headless',
    selector: { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'redis', 'app.kubernetes.io/component': 'node' },
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: redisTpl }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '16Gi' }],
    pods: [0, 1, 2].map((i) => ({
      revision: 3,
      ordinal: i,
      node: names[i] ?? '',
      createdAgo: 80 * DAYS - i * 3,
      ...(i === 0 ? { containers: { redis: running({ sinceAgo: 47.95, restarts: 1, last: { exitCode: 137, finishedAgo: 47.97, ranSeconds: 41 * 86400 } }) } } : {}),
    })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `redis-data-redis-node-${i}`, storage: '16Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 80 * DAYS }));
  const [r0, r1, r2] = [podOf(redis, 0), podOf(redis, 1), podOf(redis, 2)];
  const api = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'argocd: cart-api 2.6.0', template: { containers: [container({ image: `${ECR}/cart/cart-api:2.6.0`, ports: [8080], env: [{ name: 'REDIS_ADDR', value: `${host(0)}:6379` }] })] } },
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-api 2.6.1', template: { containers: [container({ image: `${ECR}/cart/cart-api:2.6.1`, ports: [8080], memory: '256Mi', env: [{ name: 'REDIS_ADDR', value: `${host(0)}:6379` }, { name: 'REDIS_POOL_SIZE', value: '40' }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] } },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 19, node: names[i] ?? '', createdAgo: 9 * DAYS - i })),
  });
  const other = bystander(ns, 'cart-events', names, 21, { revisions: [40, 41], versions: ['3.3.0', '3.3.1'], olderAgo: 12 * DAYS });
  const r0ip = ipOfPod(r0);
  const slog = (t: number, level: string, msg: string, extra: string) => `{"time":"${at(t)}","level":"${level}","msg":"${msg}"${extra}}`;
  const apiLog = (i: number) =>
    lines(
      slog(49.9, 'INFO', 'PUT /v1/carts/{id}/items', `,"cart_id":"c_8${i}f21a","status":200,"dur_ms":4`),
      slog(48.9, 'ERROR', 'PUT /v1/carts/{id}/items', `,"cart_id":"c_6${i}02dd","status":500,"dur_ms":3001,"err":"save cart: read tcp ${ipOfPod(podOf(api, i))}:4${i}812->${r0ip}:6379: i/o timeout"`),
      slog(47.96, 'ERROR', 'PUT /v1/carts/{id}/items', `,"cart_id":"c_3${i}9b0e","status":500,"dur_ms":3,"err":"save cart: dial tcp ${r0ip}:6379: connect: connection refused"`),
      slog(47.4, 'ERROR', 'GET /v1/carts/{id}', `,"cart_id":"c_77${i}d1","status":500,"dur_ms":1,"err":"load cart: LOADING Redis is loading the dataset in memory"`),
      slog(46.78, 'ERROR', 'PUT /v1/carts/{id}/items', `,"cart_id":"c_1${i}e4c2","status":500,"dur_ms":2,"err":"save cart: READONLY You can't write against a read only replica."`),
      slog(12.3, 'INFO', 'GET /v1/carts/{id}', `,"cart_id":"c_5${i}aa10","status":200,"dur_ms":2`),
      slog(12.2, 'ERROR', 'POST /v1/carts/{id}/checkout-lock', `,"cart_id":"c_5${i}aa10","status":500,"dur_ms":1,"err":"acquire lock: READONLY You can't write against a read only replica."`),
      slog(1.4, 'ERROR', 'PUT /v1/carts/{id}/items', `,"cart_id":"c_0${i}c7f3","status":500,"dur_ms":2,"err":"save cart: READONLY You can't write against a read only replica."`),
      slog(0.6, 'INFO', 'GET /v1/carts/{id}', `,"cart_id":"c_9${i}0b44","status":200,"dur_ms":2`),
      slog(0.2, 'ERROR', 'DELETE /v1/carts/{id}/items/{sku}', `,"cart_id":"c_9${i}0b44","status":500,"dur_ms":1,"err":"save cart: READONLY You can't write against a read only replica."`),
    );
  const rl = (t: number, role: string, mark: string, msg: string) => `1:${role} ${redisTime(t)} ${mark} ${msg}`;
  const sentinelLeader = lines(
    rl(48.1, 'X', '#', `+sdown master mymaster ${host(0)} 6379`),
    rl(48.09, 'X', '#', `+odown master mymaster ${host(0)} 6379 #quorum 2/2`),
    rl(48.09, 'X', '#', '+new-epoch 4'),
    rl(48.09, 'X', '#', `+try-failover master mymaster ${host(0)} 6379`),
    rl(48.08, 'X', '*', 'Sentinel new configuration saved on disk'),
    rl(48.08, 'X', '#', '+vote-for-leader 5f3b7c9a1d0e42b8c6a1f0d93e2b7a4c5d6e8f01 4'),
    rl(48.07, 'X', '*', `${host(2)} voted for 5f3b7c9a1d0e42b8c6a1f0d93e2b7a4c5d6e8f01 4`),
    rl(48.06, 'X', '#', `+elected-leader master mymaster ${host(0)} 6379`),
    rl(48.06, 'X', '#', `+failover-state-select-slave master mymaster ${host(0)} 6379`),
    rl(48.05, 'X', '#', `+selected-slave slave ${host(1)}:6379 ${host(1)} 6379 @ mymaster ${host(0)} 6379`),
    rl(48.05, 'X', '*', `+failover-state-send-slaveof-noone slave ${host(1)}:6379 ${host(1)} 6379 @ mymaster ${host(0)} 6379`),
    rl(48.04, 'X', '*', `+failover-state-wait-promotion slave ${host(1)}:6379 ${host(1)} 6379 @ mymaster ${host(0)} 6379`),
    rl(48.03, 'X', '#', `+promoted-slave slave ${host(1)}:6379 ${host(1)} 6379 @ mymaster ${host(0)} 6379`),
    rl(48.03, 'X', '#', `+failover-state-reconf-slaves master mymaster ${host(0)} 6379`),
    rl(48.02, 'X', '*', `+slave-reconf-sent slave ${host(2)}:6379 ${host(2)} 6379 @ mymaster ${host(0)} 6379`),
    rl(48.0, 'X', '*', `+slave-reconf-inprog slave ${host(2)}:6379 ${host(2)} 6379 @ mymaster ${host(0)} 6379`),
    rl(47.98, 'X', '*', `+slave-reconf-done slave ${host(2)}:6379 ${host(2)} 6379 @ mymaster ${host(0)} 6379`),
    rl(47.97, 'X', '#', `+failover-end master mymaster ${host(0)} 6379`),
    rl(47.97, 'X', '#', `+switch-master mymaster ${host(0)} 6379 ${host(1)} 6379`),
    rl(47.96, 'X', '*', `+slave slave ${host(2)}:6379 ${host(2)} 6379 @ mymaster ${host(1)} 6379`),
    rl(47.96, 'X', '*', `+slave slave ${host(0)}:6379 ${host(0)} 6379 @ mymaster ${host(1)} 6379`),
    rl(47.9, 'X', '#', `-sdown slave ${host(0)}:6379 ${host(0)} 6379 @ mymaster ${host(1)} 6379`),
  );
  const r0log = lines(
    rl(47.95, 'C', '#', 'WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. To fix this issue add \'vm.overcommit_memory = 1\' to /etc/sysctl.conf and then reboot or run the command \'sysctl vm.overcommit_memory=1\' for this to take effect.'),
    rl(47.95, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    rl(47.95, 'C', '*', 'Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started'),
    rl(47.95, 'C', '*', 'Configuration loaded'),
    rl(47.94, 'S', '*', 'monotonic clock: POSIX clock_gettime'),
    rl(47.94, 'S', '*', 'Running mode=standalone, port=6379.'),
    rl(47.94, 'S', '*', 'Server initialized'),
    rl(47.94, 'S', '*', 'Reading RDB base file on AOF loading...'),
    rl(46.82, 'S', '*', 'DB loaded from append only file: 68.412 seconds'),
    rl(46.82, 'S', '*', 'Ready to accept connections tcp'),
    rl(46.82, 'S', '*', `Connecting to MASTER ${host(1)}:6379`),
    rl(46.82, 'S', '*', 'MASTER <-> REPLICA sync started'),
    rl(46.81, 'S', '*', 'Non blocking connect for SYNC fired the event.'),
    rl(46.81, 'S', '*', 'Master replied to PING, replication can continue...'),
    rl(46.81, 'S', '*', 'Trying a partial resynchronization (request 9c41d2e07b5f3a8e1d6c0b9a7f2e4d3c1b0a9f8e:884213377).'),
    rl(46.8, 'S', '*', 'Full resync from master: 2e7a9b1c4d6f8e0a3b5c7d9e1f2a4b6c8d0e1f3a:884213377'),
    rl(46.6, 'S', '*', 'MASTER <-> REPLICA sync: receiving 2118453201 bytes from master to disk'),
    rl(46.2, 'S', '*', 'MASTER <-> REPLICA sync: Flushing old data'),
    rl(46.2, 'S', '*', 'MASTER <-> REPLICA sync: Loading DB in memory'),
    rl(45.4, 'S', '*', 'MASTER <-> REPLICA sync: Finished with success'),
  );
  return {
    id: 'heldout22-redis-readonly-after-sentinel-failover',
    class: 'config',
    truth: 'redis-node-0, the Redis master, stopped answering for over a minute 49 minutes ago (AOF rewrite stall); its liveness probe killed it and the Sentinels failed over to redis-node-1 (+switch-master). redis-node-0 came back as a replica of redis-node-1. cart-api does not ask Sentinel for the master: REDIS_ADDR is pinned to the pod DNS name redis-node-0.redis-headless.cart.svc.cluster.local:6379, so after reconnecting it reads fine but every write fails with "READONLY You can\'t write against a read only replica." (HTTP 500) while its pods stay Ready (the readiness check only PINGs). Fix: connect through Sentinel (mymaster on redis:26379); short term, point REDIS_ADDR at redis-node-1 or fail back.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...claims, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'cart-events', selector: { app: 'cart-events' }, pods: other.pods }),
      ...exposed({ namespace: ns, name: 'redis-headless', headless: true, selector: { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'redis' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }, { name: 'tcp-sentinel', port: 26379, targetPort: 26379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'redis', selector: { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'redis' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }, { name: 'tcp-sentinel', port: 26379, targetPort: 26379 }], endpointPort: 6379 }),
      configMap({ namespace: ns, name: 'redis-configuration', createdAgo: 80 * DAYS, data: { 'master.conf': 'dir /data\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n', 'redis.conf': 'appendonly yes\nsave ""\n', 'replica.conf': 'dir /data\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n', 'sentinel.conf': 'dir "/tmp"\nport 26379\nsentinel monitor mymaster redis-node-0.redis-headless.cart.svc.cluster.local 6379 2\nsentinel down-after-milliseconds mymaster 60000\nsentinel failover-timeout mymaster 180000\nsentinel parallel-syncs mymaster 1\n' } }),
      probeFailed(r0, 'redis', 'Liveness', 'Timed out', { count: 5, firstAgo: 48.8, lastAgo: 48.47 }),
      probeFailed(r0, 'redis', 'Readiness', 'Timed out', { count: 11, firstAgo: 49.0, lastAgo: 48.0 }),
      probeKilling(r0, 'redis', 'liveness', { count: 1, firstAgo: 48.47, lastAgo: 48.47 }),
      ...restartedAgain(r0, 'redis', redisImage, { count: 1, firstAgo: 47.95, lastAgo: 47.95 }),
      probeFailed(r0, 'redis', 'Readiness', 'LOADING Redis is loading the dataset in memory', { count: 13, firstAgo: 47.85, lastAgo: 46.85 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 21),
    ],
    logs: [
      ...api.pods.map((p, i) => logsFor(p, 'app', { current: apiLog(i) })),
      logsFor(r0, 'redis', { current: r0log, previous: lines(rl(49.9, 'M', '*', 'Starting automatic rewriting of AOF on 100% growth'), rl(49.9, 'M', '*', 'Creating AOF incr file appendonly.aof.412.incr.aof on background rewrite'), rl(49.9, 'M', '*', 'Background append only file rewriting started by pid 31877'), rl(49.2, 'M', '*', 'Background AOF rewrite terminated with success')) }),
      logsFor(r1, 'redis', { current: lines(rl(48.04, 'M', '*', 'Connection with master lost.'), rl(48.04, 'M', '*', 'Caching the disconnected master state.'), rl(48.04, 'M', '*', 'Discarding previously cached master state.'), rl(48.04, 'M', '*', 'Setting secondary replication ID to 9c41d2e07b5f3a8e1d6c0b9a7f2e4d3c1b0a9f8e, valid up to offset: 884213378. New replication ID is 2e7a9b1c4d6f8e0a3b5c7d9e1f2a4b6c8d0e1f3a'), rl(48.04, 'M', '*', 'MASTER MODE enabled (user request from \'id=412 addr=10.0.48.77:41872 laddr=10.0.48.90:6379 fd=13 name=sentinel-5f3b7c9a-cmd age=3551712 idle=0 flags=x db=0 sub=0 psub=0 ssub=0 multi=4 qbuf=188 qbuf-free=20286 argv-mem=4 multi-mem=169 rbs=2048 rbp=1024 obl=45 oll=0 omem=0 tot-mem=23717 events=r cmd=exec user=default redir=-1 resp=2 lib-name= lib-ver=\')'), rl(46.81, 'M', '*', `Replica ${r0ip}:6379 asks for synchronization`), rl(45.4, 'M', '*', `Synchronization with replica ${r0ip}:6379 succeeded`)) }),
      logsFor(r1, 'sentinel', { current: sentinelLeader }),
      logsFor(r2, 'sentinel', { current: lines(rl(48.1, 'X', '#', `+sdown master mymaster ${host(0)} 6379`), rl(48.07, 'X', '#', '+new-epoch 4'), rl(48.07, 'X', '#', '+vote-for-leader 5f3b7c9a1d0e42b8c6a1f0d93e2b7a4c5d6e8f01 4'), rl(48.0, 'X', '#', `+config-update-from sentinel 5f3b7c9a1d0e42b8c6a1f0d93e2b7a4c5d6e8f01 ${ipOfPod(r1)} 26379 @ mymaster ${host(0)} 6379`), rl(48.0, 'X', '#', `+switch-master mymaster ${host(0)} 6379 ${host(1)} 6379`)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/READONLY|read[- ]?only/i, /redis-node-0|replica|failover|sentinel/i],
      facts: [/redis-node-0/, /redis-node-1/, /sentinel|failover|switch-master/i],
      never: [/\bOOM/, /roll(ing)? ?back to|undo the rollout|rollout undo/i, /redis-node-0[^\n]*(is down|not ready|crash ?loop)/i, /cart-events/],
    },
  };
}

// ---- 5. ingress-nginx: upstream sent too big header (new Set-Cookie headers), users get 502 -------

function ingressUpstreamTooBigHeader(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.72');
  const image = (v: string) => `${ECR}/storefront/account-web:${v}`;
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({ containers: [container({ image: image(v), ports: [3000], memory: '512Mi', env, readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] });
  const web = deploymentApp({
    namespace: ns,
    name: 'account-web',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: account-web 2.30.4', template: tpl('2.30.4', [{ name: 'SESSION_STORE', value: 'redis' }]) },
      { revision: 58, createdAgo: 55, changeCause: 'argocd: account-web 2.31.0 (stateless sessions, experiment cookies)', template: tpl('2.31.0', [{ name: 'SESSION_STORE', value: 'cookie' }, { name: 'EXPERIMENTS_COOKIE', value: 'true' }]) },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 58, node: names[i] ?? '', createdAgo: 54 - i })),
  });
  const ingNs = 'ingress-nginx';
  const ctrlSel = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const ctrl = deploymentApp({
    namespace: ingNs,
    name: 'ingress-nginx-controller',
    replicas: 2,
    selector: ctrlSel,
    revisions: [{
      revision: 14,
      createdAgo: 27 * DAYS,
      template: {
        serviceAccountName: 'ingress-nginx',
        containers: [container({
          name: 'controller',
          image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7',
          args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--enable-metrics=true'],
          ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'metrics', containerPort: 10254 }],
          cpu: '100m',
          memory: '90Mi',
          memoryLimit: null,
          readiness: httpProbe('/healthz', 10254),
          liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, failureThreshold: 5 }),
        })],
      },
    }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 27 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 27 * DAYS }],
  });
  const catalog = bystander(ns, 'catalog-web', names, 140, { revisions: [90, 91], versions: ['5.2.7', '5.2.8'], olderAgo: 9 * DAYS });
  const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
  const clients = ['81.2.69.142', '89.160.20.112', '2.125.160.216'];
  const ctrlLog = (k: number) => {
    const up = (t: number) => ipOfPod(podOf(web, Math.floor(t * 7) % 3));
    const tooBig = (t: number, path: string, client: string, ref: string) => [
      `${ngxTime(t)} [error] ${31 + k}#${31 + k}: *${8812345 + Math.round(t * 977)} upstream sent too big header while reading response header from upstream, client: ${client}, server: shop.example.com, request: "GET ${path} HTTP/2.0", upstream: "http://${up(t)}:3000${path}", host: "shop.example.com", referrer: "${ref}"`,
      `${client} - - [${clfTime(t)}] "GET ${path} HTTP/2.0" 502 150 "${ref}" "${ua}" 611 0.004 [storefront-account-web-80] [] ${up(t)}:3000 0 0.004 502 ${uidOf(`req/${k}/${t}`).replace(/-/g, '')}`,
    ];
    const ok = (t: number, path: string, client: string, upstream: string, addr: string, bytes: number) =>
      `${client} - - [${clfTime(t)}] "GET ${path} HTTP/2.0" 200 ${bytes} "https://shop.example.com/" "${ua}" 402 0.011 [${upstream}] [] ${addr}:8080 ${bytes} 0.011 200 ${uidOf(`ok/${k}/${t}`).replace(/-/g, '')}`;
    return lines(
      `W${klogTime(50.2)}       7 controller.go:1214] Service "storefront/legacy-promo" does not have any active Endpoint.`,
      ...tooBig(53.1, '/account/auth/callback?code=3q9Zk1&state=af81c2', clients[0] ?? '', 'https://id.example.com/'),
      ok(40.3, '/products/kb-1182', clients[1] ?? '', 'storefront-catalog-web-80', ipOfPod(podOf(catalog, 0)), 48213),
      ...tooBig(22.6, '/account/login?return=%2Fcart', clients[1] ?? '', 'https://shop.example.com/cart'),
      `W${klogTime(12.0)}       7 controller.go:1214] Service "storefront/legacy-promo" does not have any active Endpoint.`,
      ok(9.4, '/products/kb-2204', clients[2] ?? '', 'storefront-catalog-web-80', ipOfPod(podOf(catalog, 1)), 51877),
      ...tooBig(4.2, '/account/auth/callback?code=Hh20pQ&state=0c7e19', clients[2] ?? '', 'https://id.example.com/'),
      ...tooBig(1.1, '/account/orders', clients[0] ?? '', 'https://shop.example.com/'),
      ok(0.5, '/products', clients[0] ?? '', 'storefront-catalog-web-80', ipOfPod(podOf(catalog, 0)), 120334),
    );
  };
  const pino = (p: k8s.V1Pod, t: number, extra: string, msg: string, level = 30) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}"${extra},"msg":"${msg}"}`;
  const reqLog = (p: k8s.V1Pod, t: number, method: string, url: string, status: number, ms: number) => pino(p, t, `,"req":{"id":${Math.round(t * 131)},"method":"${method}","url":"${url}","remoteAddress":"::ffff:${ipOfPod(podOf(ctrl, 0))}"},"res":{"statusCode":${status}},"responseTime":${ms}`, 'request completed');
  return {
    id: 'heldout22-ingress-nginx-upstream-too-big-header',
    class: 'network',
    truth: 'account-web 2.31.0 (revision 58, 55 minutes ago) switched to stateless cookie sessions and experiment cookies, so its login, callback and account responses now carry several large Set-Cookie headers (~6 KB of headers). ingress-nginx buffers upstream response headers in proxy-buffer-size, 4k by default (the controller ConfigMap does not raise it): nginx logs "upstream sent too big header while reading response header from upstream" for the storefront-account-web-80 upstream and returns 502 to users. The account-web pods are healthy and Ready and log 200/302 for those very requests; other storefront upstreams are fine. Fix: raise proxy-buffer-size (e.g. nginx.ingress.kubernetes.io/proxy-buffer-size: 16k on the account-web Ingress) or shrink the cookies. The legacy-promo endpoint warning is old noise.',
    ask: { service: 'account-web', namespace: ns },
    objects: [
      ...nodes, ...web.objects, ...ctrl.objects, ...catalog.objects,
      ...exposed({ namespace: ns, name: 'account-web', selector: { app: 'account-web' }, pods: web.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: catalog.pods }),
      ...exposed({ namespace: ns, name: 'legacy-promo', selector: { app: 'legacy-promo' }, pods: [], createdAgo: 400 * DAYS }),
      ...exposed({ namespace: ingNs, name: 'ingress-nginx-controller', type: 'LoadBalancer', selector: ctrlSel, pods: ctrl.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], endpointPort: 80 }),
      configMap({ namespace: ingNs, name: 'ingress-nginx-controller', createdAgo: 300 * DAYS, updatedAgo: 27 * DAYS, data: { 'allow-snippet-annotations': 'false', 'use-forwarded-headers': 'true', 'proxy-body-size': '8m', 'use-http2': 'true', 'enable-real-ip': 'true' } }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 58), 1, 0, 55),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 57), 0, 1, 52.5),
      event({ on: { kind: 'Ingress', name: 'account-web', namespace: ns }, type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', count: 6, firstAgo: 55, lastAgo: 52.5, component: 'nginx-ingress-controller' }),
    ],
    logs: [
      ...ctrl.pods.map((p, k) => logsFor(p, 'controller', { current: ctrlLog(k) })),
      ...web.pods.map((p) => logsFor(p, 'app', {
        current: lines(
          pino(p, 53.9, ',"version":"2.31.0","sessionStore":"cookie"', 'account-web listening on :3000'),
          reqLog(p, 53.1, 'GET', '/account/auth/callback?code=3q9Zk1&state=af81c2', 302, 41),
          reqLog(p, 22.6, 'GET', '/account/login?return=%2Fcart', 200, 12),
          reqLog(p, 4.2, 'GET', '/account/auth/callback?code=Hh20pQ&state=0c7e19', 302, 38),
          reqLog(p, 1.1, 'GET', '/account/orders', 200, 27),
          reqLog(p, 0.4, 'GET', '/healthz', 200, 1),
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too big header|proxy[-_ ]?buffer|header[^\n]*(too (big|large)|size)/i],
      facts: [/ingress-nginx/, /\b502\b/, /too big header/i, /proxy[-_]buffer[-_]size|buffer size/i],
      never: [/\bOOM/, /crash ?loop/i, /legacy-promo/, /account-web[^\n]*(not ready|unready|no (ready )?endpoints)/i, /catalog-web/],
    },
  };
}

// ---- 6. Multus: the pods' networks annotation names a NetworkAttachmentDefinition that does not exist

function multusNetworkAttachmentMissing(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.204');
  const image = (v: string) => `${ECR}/media/rtp-relay:${v}`;
  const tpl = (v: string, net: string) => ({
    containers: [container({ image: image(v), ports: [{ name: 'sip', containerPort: 5060, protocol: 'UDP' }, { name: 'http', containerPort: 8080 }], cpu: '1', memory: '1Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 5 }), securityContext: { capabilities: { add: ['NET_ADMIN'] } } })],
    annotations: { 'k8s.v1.cni.cncf.io/networks': net },
  });
  const relay = deploymentApp({
    namespace: ns,
    name: 'rtp-relay',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 8, createdAgo: 21 * DAYS, changeCause: 'argocd: rtp-relay 5.3.2', template: tpl('5.3.2', 'media-vlan120') },
      { revision: 9, createdAgo: 18, changeCause: 'argocd: rtp-relay 5.4.0 (move RTP to VLAN 130)', template: tpl('5.4.0', 'vlan130-macvlan') },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 21 * DAYS, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 2 * DAYS, ranSeconds: 19 * 86400 } }) } },
      { revision: 8, node: names[2] ?? '', createdAgo: 21 * DAYS },
      { revision: 9, node: names[1] ?? '', createdAgo: 17.9, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  // Multus records on each attached pod what it attached.
  relay.pods.slice(0, 2).forEach((p, i) => {
    p.metadata = {
      ...p.metadata,
      annotations: {
        ...p.metadata?.annotations,
        'k8s.v1.cni.cncf.io/network-status': `[{\n    "name": "aws-cni",\n    "interface": "dummy${i}",\n    "ips": [\n        "${ipOfPod(p)}"\n    ],\n    "default": true,\n    "dns": {}\n},{\n    "name": "media/media-vlan120",\n    "interface": "net1",\n    "ips": [\n        "192.168.120.${41 + i}"\n    ],\n    "mac": "0a:58:c0:a8:78:${(41 + i).toString(16)}",\n    "dns": {}\n}]`,
      },
    };
  });
  const stuck = podOf(relay, 2);
  const multusImage = 'ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3-thick';
  const multus = daemonSetApp({
    namespace: 'kube-system',
    name: 'kube-multus-ds',
    selector: { app: 'multus', name: 'multus' },
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'kube-multus', image: multusImage, command: ['/usr/src/multus-cni/bin/multus-daemon'], ports: [], cpu: '100m', memory: '50Mi', readiness: null, liveness: null })], priorityClassName: 'system-node-critical' } }],
    pods: names.map((n) => ({ revision: 3, node: n, createdAgo: 60 * DAYS })),
  });
  const other = bystander(ns, 'sip-proxy', names, 65, { revisions: [22, 23], versions: ['3.0.5', '3.0.6'], olderAgo: 14 * DAYS });
  const sandboxId = (k: number) => uidOf(`sandbox/${k}`).replace(/-/g, '') + uidOf(`sandbox2/${k}`).replace(/-/g, '').slice(0, 32);
  const podUid = stuck.metadata?.uid ?? '';
  const podRef = `${ns}/${nameOf(stuck)}`;
  const notFound = `cannot find a network-attachment-definition (vlan130-macvlan) in namespace (${ns}): network-attachment-definitions.k8s.cni.cncf.io "vlan130-macvlan" not found`;
  const delegateErr = `error loading k8s delegates k8s args: TryLoadPodDelegates: error in getting k8s network for pod: GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: ${notFound}`;
  const sandboxMsg = (k: number) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxId(k)}": plugin type="multus-shim" name="multus-cni-network" failed (add): CmdAdd (shim): CNI request failed with status 400: 'ContainerID:"${sandboxId(k)}" Netns:"/var/run/netns/cni-${uidOf(`netns/${k}`)}" IfName:"eth0" Args:"IgnoreUnknown=1;K8S_POD_NAMESPACE=${ns};K8S_POD_NAME=${nameOf(stuck)};K8S_POD_INFRA_CONTAINER_ID=${sandboxId(k)};K8S_POD_UID=${podUid}" Path:"" ERRORED: error configuring pod [${podRef}] networking: Multus: [${podRef}/${podUid}]: ${delegateErr}\n': StdinData: {"binDir":"/opt/cni/bin","clusterNetwork":"/host/etc/cni/net.d/10-aws.conflist","cniVersion":"0.3.1","daemonSocketDir":"/run/multus/socket","logLevel":"verbose","logToStderr":true,"name":"multus-cni-network","type":"multus-shim"}`;
  const multusOnNode = multus.pods.find((p) => p.spec?.nodeName === names[1]);
  const mlog = (t: number, level: string, msg: string) => `${at(t).slice(0, 19)}Z [${level}] ${msg}`;
  return {
    id: 'heldout22-multus-network-attachment-missing',
    class: 'network',
    truth: 'rtp-relay revision 9 (5.4.0, 18 minutes ago) moved the RTP interface to VLAN 130: its pod template annotation k8s.v1.cni.cncf.io/networks now names the NetworkAttachmentDefinition vlan130-macvlan, which was only created in staging and does not exist in the media namespace here. Multus cannot load the delegate, so every sandbox creation fails (FailedCreatePodSandBox, "cannot find a network-attachment-definition (vlan130-macvlan) in namespace (media)") and the new pod sits in ContainerCreating with no IP; the rollout exceeded its progress deadline while the two revision-8 pods (media-vlan120) keep serving. Fix: create the vlan130-macvlan NetworkAttachmentDefinition in media (or revert the annotation).',
    ask: { service: 'rtp-relay', namespace: ns },
    objects: [
      ...nodes, ...relay.objects, ...multus.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rtp-relay', selector: { app: 'rtp-relay' }, pods: relay.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }, { name: 'sip', port: 5060, targetPort: 'sip', protocol: 'UDP' }] }),
      ...exposed({ namespace: ns, name: 'sip-proxy', selector: { app: 'sip-proxy' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(relay), rsOf(relay, 9), 1, 0, 18),
      scheduled(stuck, 17.9),
      event({ on: stuck, reason: 'NoNetworkFound', message: notFound, count: 71, firstAgo: 17.88, lastAgo: 0.2, component: 'multus' }),
      event({ on: stuck, reason: 'FailedCreatePodSandBox', message: sandboxMsg(71), count: 71, firstAgo: 17.87, lastAgo: 0.19 }),
    ],
    logs: [
      ...(multusOnNode === undefined ? [] : [logsFor(multusOnNode, 'kube-multus', {
        current: lines(
          mlog(17.88, 'verbose', `ADD starting CNI request ContainerID:"${sandboxId(1)}" Netns:"/var/run/netns/cni-${uidOf('netns/1')}" IfName:"eth0" Args:"IgnoreUnknown=1;K8S_POD_NAMESPACE=${ns};K8S_POD_NAME=${nameOf(stuck)};K8S_POD_INFRA_CONTAINER_ID=${sandboxId(1)};K8S_POD_UID=${podUid}" Path:""`),
          mlog(17.88, 'error', `GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: ${notFound}`),
          mlog(17.88, 'error', `Multus: [${podRef}/${podUid}]: ${delegateErr}`),
          mlog(0.2, 'verbose', `ADD starting CNI request ContainerID:"${sandboxId(71)}" Netns:"/var/run/netns/cni-${uidOf('netns/71')}" IfName:"eth0" Args:"IgnoreUnknown=1;K8S_POD_NAMESPACE=${ns};K8S_POD_NAME=${nameOf(stuck)};K8S_POD_INFRA_CONTAINER_ID=${sandboxId(71)};K8S_POD_UID=${podUid}" Path:""`),
          mlog(0.2, 'error', `GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: ${notFound}`),
          mlog(0.2, 'error', `Multus: [${podRef}/${podUid}]: ${delegateErr}`),
          mlog(0.19, 'verbose', `DEL starting CNI request ContainerID:"${sandboxId(71)}" Netns:"/var/run/netns/cni-${uidOf('netns/71')}" IfName:"eth0" Args:"IgnoreUnknown=1;K8S_POD_NAMESPACE=${ns};K8S_POD_NAME=${nameOf(stuck)};K8S_POD_INFRA_CONTAINER_ID=${sandboxId(71)};K8S_POD_UID=${podUid}" Path:""`),
        ),
      })]),
      ...relay.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`${at(2.1)} INFO  [relay] sessions=214 rtp_in_pps=48812 rtp_out_pps=48790 if=net1`, `${at(1.1)} INFO  [relay] sessions=209 rtp_in_pps=47920 rtp_out_pps=47903 if=net1`, `${at(0.1)} INFO  [relay] sessions=221 rtp_in_pps=49611 rtp_out_pps=49588 if=net1`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/vlan130-macvlan/, /network-attachment-definition|NetworkAttachmentDefinition|\bNAD\b|not found|multus/i],
      facts: [/FailedCreatePodSandBox|sandbox/i, /k8s\.v1\.cni\.cncf\.io\/networks|networks annotation/i, /ContainerCreating/],
      never: [/\bOOM/, /ImagePull|image pull/i, /IP (address(es)? )?exhaust|insufficient (free )?IP|no (free|available) IP/i, /Insufficient (cpu|memory)/i, /sip-proxy/],
    },
  };
}

// ---- 7. HEALTHY: a KEDA worker scaled to zero because its queue is empty -------------------------

function kedaScaledToZeroHealthy(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.118');
  const worker = deploymentApp({
    namespace: ns,
    name: 'report-renderer',
    replicas: 0,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: report-renderer 1.8.0', template: { containers: [container({ name: 'worker', image: `${ECR}/reporting/report-renderer:1.8.0`, ports: [{ name: 'metrics', containerPort: 9090 }], cpu: '1', memory: '2Gi', readiness: null, liveness: null })], terminationGracePeriodSeconds: 120 } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: report-renderer 1.8.1', template: { containers: [container({ name: 'worker', image: `${ECR}/reporting/report-renderer:1.8.1`, ports: [{ name: 'metrics', containerPort: 9090 }], cpu: '1', memory: '2Gi', env: [{ name: 'RABBITMQ_QUEUE', value: 'render-jobs' }], readiness: null, liveness: httpProbe('/livez', 9090, { initialDelaySeconds: 10 }) })], terminationGracePeriodSeconds: 120 } },
    ],
    pods: [],
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  const dep = deploymentOf(worker) as k8s.V1Deployment;
  const api = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 2,
    revisions: [{ revision: 33, createdAgo: 5 * DAYS, changeCause: 'argocd: report-api 4.1.2', template: { containers: [container({ image: `${ECR}/reporting/report-api:4.1.2`, ports: [8080] })] } }],
    pods: [{ revision: 33, node: names[0] ?? '', createdAgo: 5 * DAYS }, { revision: 33, node: names[1] ?? '', createdAgo: 5 * DAYS, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 2 * DAYS, ranSeconds: 3 * 86400 } }) } }],
  });
  const keda = deploymentApp({
    namespace: 'keda',
    name: 'keda-operator',
    replicas: 1,
    selector: { app: 'keda-operator' },
    revisions: [{ revision: 6, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'keda-operator', image: 'ghcr.io/kedacore/keda:2.15.1', ports: [{ name: 'metricsservice', containerPort: 9666 }], readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 25 }) })], serviceAccountName: 'keda-operator' } }],
    pods: [{ revision: 6, node: names[2] ?? '', createdAgo: 45 * DAYS }],
  });
  const kedaApi = deploymentApp({
    namespace: 'keda',
    name: 'keda-operator-metrics-apiserver',
    replicas: 1,
    selector: { app: 'keda-operator-metrics-apiserver' },
    revisions: [{ revision: 6, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'keda-operator-metrics-apiserver', image: 'ghcr.io/kedacore/keda-metrics-apiserver:2.15.1', ports: [{ name: 'https', containerPort: 6443 }], readiness: httpProbe('/readyz', 6443), liveness: httpProbe('/healthz', 6443) })], serviceAccountName: 'keda-operator' } }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 45 * DAYS, containers: { 'keda-operator-metrics-apiserver': running({ sinceAgo: 56, restarts: 3, last: { exitCode: 2, finishedAgo: 56.1, ranSeconds: 11 * 86400 } }) } }],
  });
  const kedaHpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: 'keda-hpa-report-renderer',
      namespace: ns,
      uid: uidOf(`hpa/${ns}/keda-hpa-report-renderer`),
      creationTimestamp: ago(150 * DAYS),
      labels: { 'app.kubernetes.io/managed-by': 'keda-operator', 'app.kubernetes.io/name': 'keda-hpa-report-renderer', 'app.kubernetes.io/part-of': 'report-renderer', 'app.kubernetes.io/version': '2.15.1', 'scaledobject.keda.sh/name': 'report-renderer' },
      ownerReferences: [{ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name: 'report-renderer', uid: uidOf(`scaledobject/${ns}/report-renderer`), controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'report-renderer' },
      minReplicas: 1,
      maxReplicas: 20,
      metrics: [{ type: 'External', external: { metric: { name: 's0-rabbitmq-render-jobs', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'report-renderer' } } }, target: { type: 'AverageValue', averageValue: '20' } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] }, scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] } },
    },
    status: {
      currentReplicas: 0,
      desiredReplicas: 0,
      lastScaleTime: ago(47),
      currentMetrics: [],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale", lastTransitionTime: ago(38) },
        { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero', lastTransitionTime: ago(38) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(47) },
      ],
    },
  } as KubeJson;
  const rs = rsOf(worker, 12);
  const gone = [0, 1, 2, 3, 4, 5].map((k) => `${rs}-${['x7mqp', 'k2vbd', 'hz4wc', 'p9rtl', 'f5gnj', 'w8cxs'][k]}`);
  const so = { kind: 'ScaledObject', name: 'report-renderer', namespace: ns };
  const kedaLog = (t: number, level: string, logger: string, msg: string, extra: string) => `${at(t).slice(0, 19)}Z\t${level}\t${logger}\t${msg}\t${extra}`;
  const sel = '{"ScaledObject": {"name":"report-renderer","namespace":"reporting"}, "namespace": "reporting", "name": "report-renderer"}';
  return {
    id: 'heldout22-keda-scaled-to-zero-healthy',
    class: 'healthy',
    truth: 'Nothing is broken. report-renderer is a RabbitMQ worker managed by a KEDA ScaledObject (minReplicaCount 0). The nightly batch drained the render-jobs queue: the KEDA-managed HPA scaled it 6 → 2 47 minutes ago, and after the cooldown KEDA deactivated the ScaledObject and set the Deployment to 0 replicas 38 minutes ago; the old pods were stopped gracefully and are gone. The HPA shows 0/0 with ScalingActive=False (ScalingDisabled, the target is at zero), which is how KEDA scale-to-zero looks; the metrics Service has no endpoints for the same reason. The FailedGetExternalMetric warning 55 minutes ago was a restart of the KEDA metrics API server, before the scale-in, and recovered.',
    ask: { service: 'report-renderer', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...api.objects, ...keda.objects, ...kedaApi.objects, kedaHpa,
      ...exposed({ namespace: ns, name: 'report-renderer-metrics', selector: { app: 'report-renderer' }, pods: worker.pods, ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: api.pods }),
      ...exposed({ namespace: 'keda', name: 'keda-operator-metrics-apiserver', selector: { app: 'keda-operator-metrics-apiserver' }, pods: kedaApi.pods, ports: [{ name: 'https', port: 443, targetPort: 6443 }], endpointPort: 6443 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'keda-hpa-report-renderer', namespace: ns }, reason: 'FailedGetExternalMetric', message: 'unable to get external metric reporting/s0-rabbitmq-render-jobs/&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: report-renderer,},MatchExpressions:[]LabelSelectorRequirement{},}: unable to fetch metrics from external metrics API: the server is currently unable to handle the request (get s0-rabbitmq-render-jobs.external.metrics.k8s.io)', count: 2, firstAgo: 56, lastAgo: 55.6, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'keda-hpa-report-renderer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 2; reason: All metrics below target', firstAgo: 47, lastAgo: 47, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rs, 2, 6, 47),
      scaledReplicaSet(dep, rs, 0, 2, 38),
      ...gone.slice(0, 4).map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container worker', firstAgo: 47, lastAgo: 47, fieldPath: 'spec.containers{worker}' })),
      ...gone.slice(4).map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container worker', firstAgo: 38, lastAgo: 38, fieldPath: 'spec.containers{worker}' })),
      event({ on: so, type: 'Normal', reason: 'KEDAScaleTargetDeactivated', message: `Deactivated apps/v1.Deployment ${ns}/report-renderer from 2 to 0`, firstAgo: 38, lastAgo: 38, component: 'keda-operator' }),
    ],
    logs: [
      logsFor(podOf(keda, 0), 'keda-operator', {
        current: lines(
          kedaLog(38.0, 'INFO', 'scaleexecutor', 'Successfully set ScaleTarget replicas count to ScaledObject minReplicaCount', '{"scaledobject.Name": "report-renderer", "scaledObject.Namespace": "reporting", "scaleTarget.Name": "report-renderer", "Original Replicas Count": 2, "New Replicas Count": 0}'),
          kedaLog(12.4, 'INFO', 'controller.scaledobject', 'Reconciling ScaledObject', sel),
        ),
      }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1.3)}","msg":"GET /v1/reports/R-20261120-0412","status":200,"dur_ms":9}`, `{"level":"info","ts":"${at(0.4)}","msg":"GET /v1/reports?owner=acct-8812","status":200,"dur_ms":14}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/\b0\b|zero|scaled (down|in)/i],
      facts: [/keda/i],
      never: [/\bOOM/, /crash/i, /unable to (get|fetch)[^\n]*metric|metrics? (API|server)[^\n]*(unavailable|down|fail)/i, /kubectl scale|scale (it |the deployment )?(back )?up/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  istioSidecarNotReadyAtStart(),
  smtAlignmentRejected(),
  minReadyAboveProgressDeadline(),
  redisReadonlyAfterFailover(),
  ingressUpstreamTooBigHeader(),
  multusNetworkAttachmentMissing(),
  kedaScaledToZeroHealthy(),
];

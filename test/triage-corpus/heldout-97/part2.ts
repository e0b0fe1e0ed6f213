// Held-out stories, ninety-seventh round, part two: a Rust binary linked against glibc 2.34+ by a
// new bookworm builder but still shipped on a bullseye distroless runtime ("GLIBC_2.34 not
// found"); a uWSGI service whose right-sizing revision halved its worker processes, so its listen
// queue overflows (101/100) and callers time out; a Spring Boot service whose chart restructure
// dropped SPRING_PROFILES_ACTIVE, so application-prod.yml (the datasource URL) is never loaded;
// a PostgreSQL streaming replica (ordinal 1) whose node was down for hours and which can no longer
// resume because the primary's wal_keep_size let the WAL it needs be recycled; a CronJob
// suspended for four days and resumed, that the controller refuses to start ("too many missed
// start time (> 100)") since it has no startingDeadlineSeconds; (my choice) a Node.js service moved
// from a standalone Redis to a cluster-mode Redis whose redeem Lua script touches two keys in
// different hash slots (CROSSSLOT); and a healthy control: an ASP.NET Core token service whose
// logs carry the DataProtection "keys may not be persisted" / "No XML encryptor configured" warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, deploymentApp,
  event, execProbe, exposed, httpProbe, nameOf, node, nodeEvent, probeFailed, probeKilling, pulledFresh, restartedAgain,
  rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, terminated, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** A GKE node: the kit's node with GKE's labels, provider id and OS image. */
function gkeNode(o: { cluster: string; pool: string; hash: string; suffix: string; zone: string; machine?: string; createdAgo?: number; readySince?: number }): k8s.V1Node {
  const name = `gke-${o.cluster}-${o.pool}-${o.hash}-${o.suffix}`;
  const n = node({ name, zone: o.zone, instanceType: o.machine ?? 'e2-standard-4', createdAgo: o.createdAgo ?? 18 * DAYS, ...(o.readySince === undefined ? {} : { readySince: o.readySince }) });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  n.metadata = { ...n.metadata, labels: { ...labels, 'cloud.google.com/gke-nodepool': o.pool, 'cloud.google.com/gke-os-distribution': 'cos', 'cloud.google.com/machine-family': 'e2', 'cloud.google.com/gke-boot-disk': 'pd-balanced' } };
  n.spec = { ...n.spec, providerID: `gce://acme-prod/${o.zone}/${name}` };
  if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kernelVersion: '6.6.56+', osImage: 'Container-Optimized OS from Google', containerRuntimeVersion: 'containerd://1.7.24', kubeletVersion: 'v1.31.3-gke.1535000', kubeProxyVersion: 'v1.31.3-gke.1535000' };
  return n;
}

/** An AKS node of a VM scale set. */
function aksNode(o: { pool: string; index: number; zone: string; createdAgo?: number }): k8s.V1Node {
  const name = `aks-${o.pool}-27183645-vmss00000${o.index}`;
  const n = node({ name, zone: o.zone, instanceType: 'Standard_D4s_v5', createdAgo: o.createdAgo ?? 25 * DAYS });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  n.metadata = { ...n.metadata, labels: { ...labels, agentpool: o.pool, 'kubernetes.azure.com/agentpool': o.pool, 'kubernetes.azure.com/os-sku': 'Ubuntu', 'kubernetes.azure.com/cluster': 'MC_rg-prod_aks-prod-weu_westeurope', 'topology.kubernetes.io/region': 'westeurope' } };
  n.spec = { ...n.spec, providerID: `azure:///subscriptions/7d2c9a41-0000-4000-a000-3b8e5f1c2d70/resourceGroups/mc_rg-prod_aks-prod-weu_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${o.pool}-27183645-vmss/virtualMachines/${o.index}` };
  if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kernelVersion: '5.15.0-1074-azure', osImage: 'Ubuntu 22.04.5 LTS', containerRuntimeVersion: 'containerd://1.7.23-1', kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6' };
  return n;
}

/** An on-prem worker (kubeadm, Ubuntu): no cloud labels. */
function metalNode(o: { name: string; rack: string; readySince?: number; bootId?: string }): k8s.V1Node {
  const n = node({ name: o.name, zone: 'fra1', instanceType: 'r640', createdAgo: 400 * DAYS, ...(o.readySince === undefined ? {} : { readySince: o.readySince }) });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  delete labels['node.kubernetes.io/instance-type'];
  delete labels['topology.kubernetes.io/region'];
  n.metadata = { ...n.metadata, labels: { ...labels, 'topology.kubernetes.io/zone': o.rack, 'node-role.kubernetes.io/worker': '', 'acme.io/storage': 'local-nvme' } };
  n.spec = {};
  if (n.status) {
    n.status.capacity = { cpu: '32', 'ephemeral-storage': '459850824Ki', memory: '263921612Ki', pods: '110' };
    n.status.allocatable = { cpu: '31500m', 'ephemeral-storage': '423792943637', memory: '261722060Ki', pods: '110' };
    if (n.status.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, ...(o.bootId === undefined ? {} : { bootID: o.bootId }), kernelVersion: '6.8.0-48-generic', osImage: 'Ubuntu 24.04.1 LTS', containerRuntimeVersion: 'containerd://1.7.22', kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6' };
  }
  return n;
}

// ---- 1. a bookworm-built Rust binary on a bullseye distroless runtime ------------------------------

function glibcBuilderRuntimeMismatch(): CorpusScenario {
  const ns = 'pricing';
  const gke = [
    gkeNode({ cluster: 'prod-euw1', pool: 'default-pool', hash: '6b1f0e3a', suffix: 'q2vk', zone: 'europe-west1-b' }),
    gkeNode({ cluster: 'prod-euw1', pool: 'default-pool', hash: '9c47d2e1', suffix: 'h8zt', zone: 'europe-west1-c' }),
    gkeNode({ cluster: 'prod-euw1', pool: 'default-pool', hash: '2e8a5f70', suffix: 'm4rw', zone: 'europe-west1-d' }),
  ];
  const names = gke.map(nameOf);
  const registry = 'europe-west1-docker.pkg.dev/acme-prod/pricing';
  const image = (v: string) => `${registry}/quote-engine:${v}`;
  const tpl = (v: string, builder: string, commit: string) => ({
    annotations: { 'ci.acme.dev/builder-image': builder, 'ci.acme.dev/runtime-base': 'gcr.io/distroless/cc-debian11:nonroot', 'ci.acme.dev/commit': commit },
    containers: [container({
      image: image(v), command: ['/app/quote-engine'], ports: [8080], cpu: '500m', memory: '256Mi',
      env: [{ name: 'RUST_LOG', value: 'info,quote_engine=info,tower_http=warn' }, { name: 'BIND_ADDR', value: '0.0.0.0:8080' }, { name: 'FX_RATES_URL', value: 'http://fx-rates-sync.pricing.svc.cluster.local/v1/rates' }],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 5 }),
      securityContext: { runAsNonRoot: true, runAsUser: 65532, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
  });
  const last = { exitCode: 1, finishedAgo: 2.2, ranSeconds: 0 };
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'cloudbuild: quote-engine 3.7.4', template: tpl('3.7.4', 'docker.io/library/rust:1.79-slim-bullseye', '4e1d0a7') },
      { revision: 58, createdAgo: 26, changeCause: 'cloudbuild: quote-engine 3.8.0', template: tpl('3.8.0', 'docker.io/library/rust:1.83-slim-bookworm', 'b93c7f2') },
    ],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 9 * DAYS - 2, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4 * DAYS, ranSeconds: 5 * DAYS * 60 } }) } },
      { revision: 57, node: names[1] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 57, node: names[2] ?? '', createdAgo: 9 * DAYS - 4 },
      { revision: 58, node: names[1] ?? '', createdAgo: 25.8, containers: { app: crashLoop(last, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const fx = bystander(ns, 'fx-rates-sync', names, 3 * HOURS, { revisions: [12, 13], versions: ['1.9.0', '1.9.1'], olderAgo: 30 * DAYS });
  const glibc = (v: string) => `/app/quote-engine: /lib/x86_64-linux-gnu/libc.so.6: version \`GLIBC_${v}' not found (required by /app/quote-engine)`;
  const okLog = (k: number) => lines(
    `2026-11-12T03:${String(20 + k).padStart(2, '0')}:07.114902Z  INFO quote_engine: starting quote-engine version=3.7.4 commit=4e1d0a7 bind=0.0.0.0:8080`,
    `2026-11-12T03:${String(20 + k).padStart(2, '0')}:07.131771Z  INFO quote_engine::fx: loaded fx table currencies=41 age_s=12`,
    `${at(1.4 + k * 0.1).replace('Z', '211Z')}  INFO quote_engine::http: request completed method=POST path=/v1/quotes status=200 latency_ms=${9 + k}`,
    `${at(0.5 + k * 0.1).replace('Z', '604Z')}  INFO quote_engine::http: request completed method=POST path=/v1/quotes/batch status=200 latency_ms=${41 + k}`,
  );
  return {
    id: 'heldout97-glibc-builder-runtime-mismatch',
    class: 'containers',
    truth: 'Revision 58 of quote-engine (3.8.0, 26 minutes ago) was the first build from the new CI builder image rust:1.83-slim-bookworm (glibc 2.36); the runtime stage stayed gcr.io/distroless/cc-debian11 (bullseye, glibc 2.31). The dynamically linked binary needs GLIBC_2.32–2.34 symbols, so the loader refuses to start it ("version `GLIBC_2.34\' not found (required by /app/quote-engine)") and the new pod exits 1 immediately, in CrashLoopBackOff; the rollout is stuck with the three revision-57 pods serving. Fix: build on bullseye again or move the runtime base to cc-debian12 (or roll back to 3.7.4 meanwhile).',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods, endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'fx-rates-sync', selector: { app: 'fx-rates-sync' }, pods: fx.pods, endpointPort: 8080 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 26),
      scaledReplicaSet(deploymentOf(fx), rsOf(fx, 13), 2, 0, 3 * HOURS),
      ...pulledFresh(fresh, 'app', image('3.8.0'), { atAgo: 25.8, bytes: 14_882_301, seconds: 1.904 }),
      ...restartedAgain(fresh, 'app', image('3.8.0'), { count: 9, firstAgo: 25.6, lastAgo: 2.2 }),
      backOff(fresh, 'app', { count: 112, firstAgo: 25.4, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: lines(glibc('2.34'), glibc('2.33'), glibc('2.32')) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GLIBC|glibc/],
      facts: [/GLIBC_2\.34/, /bullseye|debian11|runtime (base|image)|base image/i, /revision 58|3\.8\.0/],
      never: [/\bOOM/, /exec format|arm64|architecture/i, /fx-rates-sync[^\n]*(broke|fail|trigger)/i],
    },
  };
}

// ---- 2. uWSGI listen queue full after a right-sizing revision halved its processes ------------------

const DAYS_OF_WEEK = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** uWSGI's request-log time: `Sat Nov 21 03:12:40 2026`. */
function uwsgiTime(minutes: number): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS_OF_WEEK[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function uwsgiListenQueueFull(): CorpusScenario {
  const ns = 'travel';
  const { nodes, names } = threeEksNodes('10.0.143', ['12', '96', '220']);
  const image = `${ECR}/travel/fare-search:5.2.1`;
  const tpl = (processes: string, cpu: string) => ({
    containers: [container({
      image, command: ['uwsgi'], args: ['--ini', '/app/uwsgi.ini'], ports: [8000], cpu, memory: '1536Mi',
      env: [
        { name: 'DJANGO_SETTINGS_MODULE', value: 'faresearch.settings.production' },
        { name: 'UWSGI_HTTP_SOCKET', value: ':8000' },
        { name: 'UWSGI_PROCESSES', value: processes },
        { name: 'UWSGI_THREADS', value: '2' },
        { name: 'UWSGI_HARAKIRI', value: '30' },
        { name: 'FARE_CACHE_URL', value: 'redis://fare-cache.travel.svc.cluster.local:6379/2' },
      ],
      readiness: httpProbe('/healthz/', 8000, { timeoutSeconds: 2 }),
      liveness: tcpProbe(8000, { initialDelaySeconds: 20, periodSeconds: 20, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'fare-search',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: fare-search 5.2.1', template: tpl('8', '2') },
      { revision: 23, createdAgo: 52, changeCause: 'argocd: fare-search right-sizing (FINOPS-412)', template: tpl('4', '1') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 23, node: names[k % 3] ?? '', createdAgo: 51.5 - k * 0.8,
      containers: { app: running({ sinceAgo: 51.3 - k * 0.8, ready: k % 2 === 0 }) },
    })),
    settled: { available: true, availableSince: 48, progressingSince: 52, progressingUpdatedAgo: 48.5 },
  });
  const web = deploymentApp({
    namespace: ns,
    name: 'booking-web',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: booking-web 14.3.0', template: { containers: [container({ image: `${ECR}/travel/booking-web:14.3.0`, ports: [3000], env: [{ name: 'FARE_SEARCH_URL', value: 'http://fare-search.travel.svc.cluster.local' }, { name: 'FARE_SEARCH_TIMEOUT_MS', value: '5000' }] })] } }],
    pods: [{ revision: 88, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 88, node: names[2] ?? '', createdAgo: 6 * DAYS - 1 }],
  });
  const startup = (p: k8s.V1Pod, k: number) => {
    const t = 51.2 - k * 0.8;
    return [
      `*** Starting uWSGI 2.0.28 (64bit) on [${uwsgiTime(t)}] ***`,
      'compiled with version: 12.2.0 on 02 October 2026 11:40:17',
      'os: Linux-6.1.112-122.189.amzn2023.x86_64 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 00:12:41 UTC 2024',
      `nodename: ${nameOf(p)}`,
      'machine: x86_64',
      'clock source: unix',
      'pcre jit disabled',
      'detected number of CPU cores: 4',
      'current working directory: /app',
      'detected binary path: /usr/local/bin/uwsgi',
      '!!! no internal routing support, rebuild with pcre support !!!',
      'your memory page size is 4096 bytes',
      'detected max file descriptor number: 1048576',
      'lock engine: pthread robust mutexes',
      'thunder lock: disabled (you can enable it with --thunder-lock)',
      'uwsgi socket 0 bound to TCP address :8000 fd 3',
      'Python version: 3.12.7 (main, Oct 19 2026, 04:12:33) [GCC 12.2.0]',
      'Python main interpreter initialized at 0x7f3a1c2e4b20',
      'python threads support enabled',
      'your server socket listen backlog is limited to 100 connections',
      'your mercy for graceful operations on workers is 60 seconds',
      'mapped 333504 bytes (325 KB) for 8 cores',
      '*** Operational MODE: preforking+threaded ***',
      `WSGI app 0 (mountpoint='') ready in 3 seconds on interpreter 0x7f3a1c2e4b20 pid: 1 (default app)`,
      '*** uWSGI is running in multiple interpreter mode ***',
      'spawned uWSGI master process (pid: 1)',
      'spawned uWSGI worker 1 (pid: 7, cores: 2)',
      'spawned uWSGI worker 2 (pid: 8, cores: 2)',
      'spawned uWSGI worker 3 (pid: 9, cores: 2)',
      'spawned uWSGI worker 4 (pid: 10, cores: 2)',
    ];
  };
  const routes = ['/api/v2/fares?from=LHR&to=JFK&date=2026-12-19', '/api/v2/fares?from=CDG&to=BKK&date=2027-01-08', '/api/v2/fares/calendar?from=AMS&to=LIS&month=2027-02', '/api/v2/fares?from=FRA&to=SIN&date=2026-12-22'];
  const traffic = (p: k8s.V1Pod, k: number) => {
    const out = startup(p, k);
    let req = 18_000 + k * 211;
    for (let i = 0; i < 22; i++) {
      const t = 30 - i * 1.35 - k * 0.07;
      const pid = 7 + ((i + k) % 4);
      req += 37;
      out.push(`[pid: ${pid}|app: 0|req: ${Math.floor(req / 4)}/${req}] 10.0.${96 + (i % 3)}.${40 + ((i * 13) % 200)} () {44 vars in ${880 + (i % 7) * 9} bytes} [${uwsgiTime(t)}] GET ${routes[i % routes.length] ?? '/'} => generated ${14_000 + i * 311} bytes in ${2400 + ((i * 577 + k * 131) % 2600)} msecs (HTTP/1.1 200) 6 headers in 211 bytes (1 switches on core ${i % 2})`);
      if (i % 2 === 1) out.push(`*** uWSGI listen queue of socket ":8000" (fd: 3) full !!! (101/100) ***`, `*** uWSGI listen queue of socket ":8000" (fd: 3) full !!! (101/100) ***`);
    }
    return lines(...out);
  };
  const fares = app.pods;
  const webLog = (k: number) => lines(
    ...[0, 1, 2, 3, 4, 5].map((i) => `{"level":"error","time":"${at(24 - i * 4 - k * 0.3)}","msg":"fare lookup failed","upstream":"fare-search","path":"/api/v2/fares","err":"timeout of 5000ms exceeded","code":"ECONNABORTED","reqId":"bw-${(91_322 + i * 17 + k * 5).toString(16)}"}`),
    `{"level":"info","time":"${at(0.6)}","msg":"GET /checkout/summary 200","duration_ms":44}`,
  );
  return {
    id: 'heldout97-uwsgi-listen-queue-halved-processes',
    class: 'capacity',
    truth: 'Revision 23 of fare-search (52 minutes ago, a FinOps right-sizing change) cut UWSGI_PROCESSES from 8 to 4 (and the CPU request from 2 to 1) while the traffic stayed the same. With half the workers busy with 2–5 s fare searches, each pod\'s uWSGI listen backlog (100) overflows ("*** uWSGI listen queue of socket ":8000" (fd: 3) full !!! (101/100) ***"): new connections wait or are dropped, readiness probes time out so pods flap out of the Service, and callers such as booking-web time out after 5 s. Fix: restore 8 processes (revert the right-sizing) or scale out.',
    ask: { service: 'fare-search', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'fare-search', selector: { app: 'fare-search' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'booking-web', selector: { app: 'booking-web' }, pods: web.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 4, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 4, 48.5),
      ...fares.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8000/healthz/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 61 + k * 9, firstAgo: 33 - k, lastAgo: 0.2 + k * 0.1 })),
    ],
    logs: [
      ...fares.map((p, k) => logsFor(p, 'app', { current: traffic(p, k) })),
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/listen queue|backlog|UWSGI_PROCESSES|workers|processes/i],
      facts: [/101\/100|listen queue/i, /UWSGI_PROCESSES|processes|workers/i, /revision 23|right-siz/i],
      never: [/\bOOM/, /throttl/i, /crash ?loop/i],
    },
  };
}

// ---- 3. Spring Boot: the chart restructure dropped SPRING_PROFILES_ACTIVE ---------------------------

function springProfileDropped(): CorpusScenario {
  const ns = 'invoicing';
  const aks = [0, 1, 2].map((i) => aksNode({ pool: 'apps', index: i, zone: `westeurope-${i + 1}` }));
  const names = aks.map(nameOf);
  const image = 'acmeprod.azurecr.io/invoicing/invoice-service:4.3.2';
  const baseEnv = [
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
    { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'optional:file:/config/' },
    { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-service-db', key: 'password' } } },
  ];
  const tpl = (env: k8s.V1EnvVar[], labels: Record<string, string>) => ({
    labels,
    containers: [container({
      image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi', env,
      readiness: httpProbe('/actuator/health/readiness', 'management', { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'invoice-service-config', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'helm upgrade invoice-service 1.14.0', template: tpl([{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, ...baseEnv], { 'helm.sh/chart': 'invoice-service-1.14.0' }) },
      { revision: 41, createdAgo: 18, changeCause: 'helm upgrade invoice-service 2.0.0', template: tpl([...baseEnv, { name: 'MANAGEMENT_SERVER_PORT', value: '8081' }], { 'helm.sh/chart': 'invoice-service-2.0.0', 'app.kubernetes.io/version': '4.3.2' }) },
    ],
    pods: [
      { revision: 40, node: names[0] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 40, node: names[1] ?? '', createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 3 * 24 * 3600 } }) } },
      { revision: 40, node: names[2] ?? '', createdAgo: 6 * DAYS - 3 },
      { revision: 41, node: names[2] ?? '', createdAgo: 17.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 9 }, 7) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cfg = configMap({
    namespace: ns,
    name: 'invoice-service-config',
    createdAgo: 140 * DAYS,
    updatedAgo: 1 * DAYS + 140,
    data: {
      'application-prod.yml': [
        'spring:',
        '  datasource:',
        '    url: jdbc:postgresql://invoicing-pg.postgres.database.azure.com:5432/invoices?sslmode=require',
        '    username: invoice_app',
        '    hikari:',
        '      maximum-pool-size: 15',
        '  jpa:',
        '    open-in-view: false',
        'logging:',
        '  level:',
        '    com.acme.invoicing: INFO',
        '    org.hibernate.SQL: WARN',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'invoice-pdf-renderer', names, 5 * HOURS, { revisions: [19, 20], versions: ['2.8.0', '2.8.1'], olderAgo: 21 * DAYS });
  const ts = (m: number) => at(m).replace('Z', '+00:00');
  const L = (m: number, level: string, thread: string, logger: string, msg: string) => `${ts(m)}  ${level.padStart(5)} 1 --- [invoice-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const banner = [
    '',
    '  .   ____          _            __ _ _',
    " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
    "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
    " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
    "  '  |____| .__|_| |_|_| |_\\__, | / / / /",
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
  ];
  const t0 = 1.55;
  const crashed = lines(
    ...banner,
    L(t0, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'Starting InvoiceServiceApplication v4.3.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    L(t0, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'No active profile set, falling back to 1 default profile: "default"'),
    L(t0 - 0.02, 'INFO', 'main', '.s.d.r.c.RepositoryConfigurationDelegate', 'Bootstrapping Spring Data JPA repositories in DEFAULT mode.'),
    L(t0 - 0.02, 'INFO', 'main', '.s.d.r.c.RepositoryConfigurationDelegate', 'Finished Spring Data repository scanning in 164 ms. Found 7 JPA repository interfaces.'),
    L(t0 - 0.04, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    L(t0 - 0.04, 'INFO', 'main', 'o.apache.catalina.core.StandardService', 'Starting service [Tomcat]'),
    L(t0 - 0.04, 'INFO', 'main', 'o.apache.catalina.core.StandardEngine', 'Starting Servlet engine: [Apache Tomcat/10.1.31]'),
    L(t0 - 0.05, 'INFO', 'main', 'o.a.c.c.C.[Tomcat].[localhost].[/]', 'Initializing Spring embedded WebApplicationContext'),
    L(t0 - 0.05, 'INFO', 'main', 'w.s.c.ServletWebServerApplicationContext', 'Root WebApplicationContext: initialization completed in 2318 ms'),
    L(t0 - 0.08, 'WARN', 'main', 'ConfigServletWebServerApplicationContext', "Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'dataSourceScriptDatabaseInitializer' defined in class path resource [org/springframework/boot/autoconfigure/sql/init/DataSourceInitializationConfiguration.class]: Unsatisfied dependency expressed through method 'dataSourceScriptDatabaseInitializer' parameter 0: Error creating bean with name 'dataSource' defined in class path resource [org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$Hikari.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]: Factory method 'dataSource' threw exception with message: Failed to determine a suitable driver class"),
    L(t0 - 0.08, 'INFO', 'main', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    L(t0 - 0.09, 'INFO', 'main', '.s.b.a.l.ConditionEvaluationReportLogger', ''),
    '',
    "Error starting ApplicationContext. To display the condition evaluation report re-run your application with 'debug' enabled.",
    L(t0 - 0.09, 'ERROR', 'main', 'o.s.b.d.LoggingFailureAnalysisReporter', ''),
    '',
    '***************************',
    'APPLICATION FAILED TO START',
    '***************************',
    '',
    'Description:',
    '',
    "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.",
    '',
    'Reason: Failed to determine a suitable driver class',
    '',
    '',
    'Action:',
    '',
    'Consider the following:',
    '\tIf you want an embedded database (H2, HSQL or Derby), please put it on the classpath.',
    '\tIf you have database settings to be loaded from a particular profile you may need to activate it (no profiles are currently active).',
    '',
  );
  const okLog = (k: number) => lines(
    ...banner,
    L(6 * DAYS - 1 - k, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'Starting InvoiceServiceApplication v4.3.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    L(6 * DAYS - 1 - k, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'The following 1 profile is active: "prod"'),
    L(6 * DAYS - 1.1 - k, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    L(6 * DAYS - 1.2 - k, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    L(6 * DAYS - 1.2 - k, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'Started InvoiceServiceApplication in 11.482 seconds (process running for 12.301)'),
    L(2.1 - k * 0.2, 'INFO', 'http-nio-8080-exec-4', 'c.a.invoicing.api.InvoiceController', 'Issued invoice INV-2026-118' + String(402 + k) + ' for account 77' + String(310 + k)),
  );
  return {
    id: 'heldout97-spring-profile-dropped-datasource',
    class: 'config',
    truth: 'The chart 2.0.0 restructure (revision 41 of invoice-service, 18 minutes ago) no longer sets SPRING_PROFILES_ACTIVE=prod. The datasource URL lives in application-prod.yml (ConfigMap invoice-service-config, mounted at /config), which Spring Boot only loads with the prod profile active; with no profile ("falling back to 1 default profile") there is no spring.datasource.url, so the new pod fails at startup with "Failed to configure a DataSource: \'url\' attribute is not specified and no embedded datasource could be configured." and exits 1 in a crash loop, while the three revision-40 pods keep serving. Fix: set SPRING_PROFILES_ACTIVE=prod again in the chart values (or roll back meanwhile).',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods, endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods, endpointPort: 8080 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 18),
      scheduled(fresh, 17.8),
      ...restartedAgain(fresh, 'app', image, { count: 8, firstAgo: 17.7, lastAgo: 1.6 }),
      backOff(fresh, 'app', { count: 71, firstAgo: 17.2, lastAgo: 0.4 }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ipOfPod(fresh)}:8081/actuator/health/readiness": dial tcp ${ipOfPod(fresh)}:8081: connect: connection refused`, { count: 8, firstAgo: 17.3, lastAgo: 1.5 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed, current: lines(...banner, L(0.05, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'Starting InvoiceServiceApplication v4.3.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'), L(0.05, 'INFO', 'main', 'c.a.invoicing.InvoiceServiceApplication', 'No active profile set, falling back to 1 default profile: "default"')) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SPRING_PROFILES_ACTIVE|profile/i],
      facts: [/revision 41/, /DataSource|datasource|'url' attribute/i, /\bprod\b/],
      never: [/\bOOM/, /secret[^\n]*(missing|not found)/i, /(database|postgres)[^\n]*(down|unreachable|refus|outage)/i],
    },
  };
}

// ---- 4. a Postgres replica that cannot resume: the primary recycled the WAL it needs ----------------

function postgresReplicaWalRemoved(): CorpusScenario {
  const ns = 'orders';
  const worker = (n: number) => `k8s-worker-${String(n).padStart(2, '0')}.fra1.acme.internal`;
  const nodes = [
    metalNode({ name: worker(3), rack: 'fra1-r12' }),
    metalNode({ name: worker(5), rack: 'fra1-r14', readySince: 41, bootId: uidOf('boot/worker-05/after') }),
    metalNode({ name: worker(8), rack: 'fra1-r15' }),
  ];
  const image = 'docker.io/library/postgres:16.4-bookworm';
  const tpl = {
    containers: [container({
      name: 'postgres', image, command: ['/scripts/entrypoint.sh'], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      env: [
        { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'PRIMARY_HOST', value: 'orders-db-0.orders-db-hl.orders.svc.cluster.local' },
        { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'postgres-password' } } },
        { name: 'REPLICATION_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'replication-password' } } },
      ],
      readiness: execProbe(['/bin/sh', '-c', 'pg_isready -U postgres -h 127.0.0.1 -p 5432'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['/bin/sh', '-c', '/scripts/liveness.sh'], { initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 10, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }, { name: 'scripts', mountPath: '/scripts' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'orders-db-config', defaultMode: 420 } }, { name: 'scripts', configMap: { name: 'orders-db-scripts', defaultMode: 493 } }],
    terminationGracePeriodSeconds: 60,
  };
  const kills = { exitCode: 0, reason: 'Completed', finishedAgo: 3.1, ranSeconds: 185 };
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 2,
    serviceName: 'orders-db-hl',
    createdAgo: 410 * DAYS,
    revisions: [{ revision: 6, createdAgo: 63 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'local-nvme' }],
    pods: [
      { revision: 6, ordinal: 0, node: worker(3), createdAgo: 63 * DAYS },
      { revision: 6, ordinal: 1, node: worker(5), createdAgo: 63 * DAYS - 4, containers: { postgres: crashLoop(kills, 7) } },
    ],
  });
  const primary = podOf(db, 0);
  const replica = podOf(db, 1);
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 71, createdAgo: 11 * DAYS, template: { containers: [container({ image: `${ECR}/orders/orders-api:9.4.0`, ports: [8080], env: [{ name: 'DB_HOST', value: 'orders-db.orders.svc.cluster.local' }] })] } },
      { revision: 72, createdAgo: 2 * HOURS, changeCause: 'argocd: orders-api 9.4.1', template: { containers: [container({ image: `${ECR}/orders/orders-api:9.4.1`, ports: [8080], env: [{ name: 'DB_HOST', value: 'orders-db.orders.svc.cluster.local' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 72, node: k === 1 ? worker(8) : worker(3), createdAgo: 2 * HOURS - k })),
  });
  const conf = configMap({
    namespace: ns,
    name: 'orders-db-config',
    createdAgo: 410 * DAYS,
    updatedAgo: 63 * DAYS,
    data: {
      'postgresql.conf': [
        "listen_addresses = '*'",
        'max_connections = 300',
        'shared_buffers = 2GB',
        'wal_level = replica',
        'max_wal_senders = 10',
        'wal_keep_size = 512MB',
        'max_wal_size = 4GB',
        'min_wal_size = 1GB',
        'archive_mode = off',
        'hot_standby = on',
        "primary_conninfo = 'host=orders-db-0.orders-db-hl.orders.svc.cluster.local port=5432 user=replicator application_name=orders-db-1'",
        "log_line_prefix = '%m [%p] %q%u@%d '",
        'log_checkpoints = on',
        '',
      ].join('\n'),
    },
  });
  const scripts = configMap({
    namespace: ns,
    name: 'orders-db-scripts',
    createdAgo: 410 * DAYS,
    data: {
      'liveness.sh': [
        '#!/bin/sh',
        'pg_isready -U postgres -h 127.0.0.1 -p 5432 -q || exit 1',
        'case "$POD_NAME" in *-0) exit 0 ;; esac',
        'status=$(psql -U postgres -h 127.0.0.1 -tAc "select status from pg_stat_wal_receiver")',
        '[ "$status" = "streaming" ] && exit 0',
        'echo "replica $POD_NAME is not streaming from orders-db-0 (wal receiver: ${status:-none})"',
        'exit 1',
        '',
      ].join('\n'),
    },
  });
  const pg = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  const runOf = (start: number, shutdown: boolean) => {
    const out = [
      'PostgreSQL Database directory appears to contain a database; Skipping initialization',
      '',
      `${pg(start)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pg(start)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${pg(start)} [1] LOG:  listening on IPv6 address "::", port 5432`,
      `${pg(start)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${pg(start - 0.01)} [29] LOG:  database system was shut down in recovery at ${pg(start + 5.2).slice(0, 19)} UTC`,
      `${pg(start - 0.01)} [29] LOG:  entering standby mode`,
      `${pg(start - 0.01)} [29] LOG:  redo starts at 3/A1FFC0A8`,
      `${pg(start - 0.01)} [29] LOG:  consistent recovery state reached at 3/A2000000`,
      `${pg(start - 0.01)} [29] LOG:  invalid record length at 3/A2000000: expected at least 24, got 0`,
      `${pg(start - 0.01)} [1] LOG:  database system is ready to accept read-only connections`,
    ];
    let pid = 33;
    for (let t = start - 0.02; t > start - 3; t -= 5 / 60) {
      out.push(
        `${pg(t)} [${pid}] LOG:  started streaming WAL from primary at 3/A2000000 on timeline 1`,
        `${pg(t)} [${pid}] FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment 0000000100000003000000A2 has already been removed`,
      );
      if (pid === 33) out.push(`${pg(t)} [29] LOG:  waiting for WAL to become available at 3/A2000018`);
      pid += 2;
    }
    if (shutdown) out.push(`${pg(start - 3.05)} [1] LOG:  received fast shutdown request`, `${pg(start - 3.05)} [1] LOG:  aborting any active transactions`, `${pg(start - 3.06)} [31] LOG:  shutting down`, `${pg(start - 3.07)} [1] LOG:  database system is shut down`);
    return lines(...out);
  };
  const primaryLog = () => {
    const out: string[] = [];
    let pid = 1_842_211;
    for (let t = 40; t > 0.5; t -= 4.5) {
      out.push(`${pg(t)} [${pid}] replicator@[unknown] ERROR:  requested WAL segment 0000000100000003000000A2 has already been removed`, `${pg(t)} [${pid}] replicator@[unknown] STATEMENT:  START_REPLICATION 3/A2000000 TIMELINE 1`);
      pid += 41;
      if (Math.round(t * 10) % 3 === 0) out.push(`${pg(t - 0.2)} [27] LOG:  checkpoint starting: time`, `${pg(t - 4.7)} [27] LOG:  checkpoint complete: wrote 21873 buffers (8.3%); 0 WAL file(s) added, 0 removed, 41 recycled; write=269.844 s, sync=0.033 s, total=269.952 s; sync files=74, longest=0.007 s, average=0.001 s; distance=655331 kB, estimate=671208 kB; lsn=4/E1C3A7F0, redo lsn=4/D8F10A28`);
    }
    return lines(...out);
  };
  const rep = replica;
  const down = 6 * HOURS + 12;
  return {
    id: 'heldout97-postgres-replica-wal-segment-removed',
    class: 'containers',
    truth: 'orders-db-1, the streaming replica, sat on k8s-worker-05 which went NotReady (hardware fault) about six hours ago and only came back 41 minutes ago. Meanwhile the primary orders-db-0 kept writing several GB of WAL, and with wal_keep_size = 512MB, no replication slot and no WAL archive it recycled the segments the replica still needed. The replica now asks for 0000000100000003000000A2 and the primary answers "requested WAL segment 0000000100000003000000A2 has already been removed": it can never catch up, its liveness script (not streaming) gets it killed, and it restarts in a loop. The primary is healthy. Fix: re-seed orders-db-1 with pg_basebackup, and keep WAL for absent replicas (a physical replication slot with max_slot_wal_keep_size, a larger wal_keep_size, or WAL archiving).',
    ask: { service: 'orders-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, conf, scripts,
      ...boundClaim({ namespace: ns, name: 'data-orders-db-0', storage: '500Gi', zone: 'fra1-r12', createdAgo: 410 * DAYS, storageClass: 'local-nvme' }),
      ...boundClaim({ namespace: ns, name: 'data-orders-db-1', storage: '500Gi', zone: 'fra1-r14', createdAgo: 410 * DAYS, storageClass: 'local-nvme' }),
      service({ namespace: ns, name: 'orders-db-hl', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true, createdAgo: 410 * DAYS }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db', 'statefulset.kubernetes.io/pod-name': 'orders-db-0' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432, createdAgo: 410 * DAYS }),
      ...exposed({ namespace: ns, name: 'orders-db-ro', selector: { app: 'orders-db', 'statefulset.kubernetes.io/pod-name': 'orders-db-1' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432, createdAgo: 410 * DAYS }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods, endpointPort: 8080 }),
      nodeEvent(worker(5), 'NodeNotReady', `Node ${worker(5)} status is now: NodeNotReady`, { firstAgo: down, component: 'node-controller' }),
      nodeEvent(worker(5), 'Starting', 'Starting kubelet.', { firstAgo: 42 }),
      nodeEvent(worker(5), 'Rebooted', `Node ${worker(5)} has been rebooted, boot id: ${uidOf('boot/worker-05/after')}`, { type: 'Warning', firstAgo: 42 }),
      nodeEvent(worker(5), 'NodeHasSufficientMemory', `Node ${worker(5)} status is now: NodeHasSufficientMemory`, { firstAgo: 42 }),
      nodeEvent(worker(5), 'NodeReady', `Node ${worker(5)} status is now: NodeReady`, { firstAgo: 41 }),
      event({ on: rep, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', firstAgo: 40.5, lastAgo: 40.5 }),
      ...restartedAgain(rep, 'postgres', image, { count: 7, firstAgo: 40.3, lastAgo: 3.0 }),
      probeFailed(rep, 'postgres', 'Liveness', 'replica orders-db-1 is not streaming from orders-db-0 (wal receiver: none)', { count: 38, firstAgo: 39, lastAgo: 3.2 }),
      probeKilling(rep, 'postgres', 'liveness', { count: 6, firstAgo: 37.2, lastAgo: 3.2 }),
      backOff(rep, 'postgres', { count: 29, firstAgo: 33, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(rep, 'postgres', { previous: runOf(6.2, true) }),
      logsFor(primary, 'postgres', { current: primaryLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders-db-1|replica|standby/i, /WAL|wal_keep_size|already been removed/i],
      facts: [/already been removed|0000000100000003000000A2/, /wal_keep_size|replication slot|512MB|archiv/i, /k8s-worker-05|NotReady|reboot|was down|offline/i],
      never: [/\bOOM/, /primary (is |was )?(down|crash|unhealthy|unavailable)/i, /disk (is )?full|no space left/i],
    },
  };
}

// ---- 5. a CronJob resumed after four days suspended: too many missed start times -------------------

function cronJobTooManyMissed(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.208', ['44', '117', '190']);
  const image = `${ECR}/billing/reminder-worker:2.4.1`;
  const tpl = { containers: [batchContainer({ name: 'worker', image, args: ['send-reminders', '--window=10m'], cpu: '200m', memory: '256Mi', env: [{ name: 'BILLING_API', value: 'http://billing-api.billing.svc.cluster.local' }] })] };
  const suspendedAgo = 4 * DAYS + 95;
  const resumedAgo = 47;
  const runs = [3, 2, 1].map((i) => suspendedAgo + i * 10 - 5);
  const cron = cronJob({
    namespace: ns,
    name: 'invoice-reminders',
    schedule: '*/10 * * * *',
    template: tpl,
    createdAgo: 260 * DAYS,
    lastSuccessfulAgo: (runs[2] ?? suspendedAgo) - 0.8,
    jobs: runs.map((r) => ({
      createdAgo: r,
      outcome: { complete: true as const, ago: r - 0.8 },
      pods: [{ node: names[(Math.round(r) % 3)] ?? '', createdAgo: r, phase: 'Succeeded' as const, containers: { worker: terminated({ exitCode: 0, finishedAgo: r - 0.8, ranSeconds: 44 }) } }],
    })),
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  cronObj.metadata = {
    ...cronObj.metadata,
    generation: 3,
    annotations: { 'meta.helm.sh/release-name': 'billing-jobs', 'meta.helm.sh/release-namespace': ns },
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'batch/v1', time: ago(260 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {}, 'f:jobTemplate': {}, 'f:concurrencyPolicy': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: ago((runs[2] ?? suspendedAgo) - 0.8), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:lastScheduleTime': {}, 'f:lastSuccessfulTime': {} } }, subresource: 'status' },
      { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'batch/v1', time: ago(resumedAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:suspend': {} } } },
    ],
  };
  const rollup = cronJob({
    namespace: ns,
    name: 'usage-rollup',
    schedule: '5 * * * *',
    template: { containers: [batchContainer({ name: 'rollup', image: `${ECR}/billing/usage-rollup:1.12.0`, args: ['--hour=previous'] })] },
    createdAgo: 300 * DAYS,
    lastSuccessfulAgo: 7.2,
    jobs: [129, 69, 9].map((r) => ({
      createdAgo: r,
      outcome: { complete: true as const, ago: r - 1.8 },
      pods: [{ node: names[r % 3] ?? '', createdAgo: r, phase: 'Succeeded' as const, containers: { rollup: terminated({ exitCode: 0, finishedAgo: r - 1.8, ranSeconds: 104 }) } }],
    })),
  });
  const api = bystander(ns, 'billing-api', names, 31, { revisions: [140, 141], versions: ['7.20.3', '7.21.0'], olderAgo: 9 * DAYS });
  const lastJob = cron.jobs[2];
  const lastPod = lastJob?.pods[0];
  const jobLog = lines(
    `{"level":"info","ts":"${at((runs[2] ?? 0) - 0.1)}","caller":"reminders/run.go:42","msg":"run started","window":"10m0s"}`,
    `{"level":"info","ts":"${at((runs[2] ?? 0) - 0.7)}","caller":"reminders/run.go:97","msg":"reminders sent","due":412,"sent":412,"skipped_optout":9}`,
    `{"level":"info","ts":"${at((runs[2] ?? 0) - 0.75)}","caller":"reminders/run.go:103","msg":"run finished","duration":"43.8s"}`,
  );
  return {
    id: 'heldout97-cronjob-too-many-missed-starts',
    class: 'jobs',
    truth: 'invoice-reminders (every 10 minutes) was suspended four days ago during a payment-provider migration and resumed with kubectl patch 47 minutes ago. Its lastScheduleTime is four days old and it has no startingDeadlineSeconds, so the CronJob controller counts every missed run since then (~580, more than 100) and refuses to start any: "Cannot determine if job needs to be started: too many missed start time (> 100). Set or decrease .spec.startingDeadlineSeconds or check clock skew." No Job has been created since the resume; no reminders go out. Fix: set .spec.startingDeadlineSeconds (e.g. 300) so only recent misses count.',
    ask: { service: 'invoice-reminders', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...rollup.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods, endpointPort: 8080 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 141), 2, 0, 31),
      event({ on: cronObj, reason: 'FailedNeedsStart', message: 'Cannot determine if job needs to be started: too many missed start time (> 100). Set or decrease .spec.startingDeadlineSeconds or check clock skew.', count: 281, firstAgo: resumedAgo - 0.1, lastAgo: 0.1, component: 'cronjob-controller' }),
      event({ on: rollup.objects[0] ?? {}, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(rollup.jobs[2]?.objects[0])}`, firstAgo: 9, lastAgo: 9, component: 'cronjob-controller' }),
      event({ on: rollup.objects[0] ?? {}, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(rollup.jobs[2]?.objects[0])}, status: Complete`, firstAgo: 7.2, lastAgo: 7.2, component: 'cronjob-controller' }),
      event({ on: rollup.objects[0] ?? {}, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job usage-rollup-${Math.floor(ago(189).getTime() / 60_000)}`, firstAgo: 7.2, lastAgo: 7.2, component: 'cronjob-controller' }),
    ],
    logs: lastPod === undefined ? [] : [logsFor(lastPod, 'worker', { current: jobLog })],
    expect: {
      verdict: 'problems',
      headline: [/too many missed|missed (start|schedule|run)|startingDeadlineSeconds/i],
      facts: [/startingDeadlineSeconds/, /suspend/i, /\b100\b|too many missed/i],
      never: [/backoff ?limit|BackoffLimitExceeded/i, /ImagePull|ErrImage/i, /billing-api[^\n]*(broke|fail|trigger)/i],
    },
  };
}

// ---- 6. (my choice) cluster-mode Redis: a two-key Lua script now fails with CROSSSLOT ---------------

function redisClusterCrossSlot(): CorpusScenario {
  const ns = 'loyalty';
  const gke = [
    gkeNode({ cluster: 'prod-use4', pool: 'apps-n2', hash: '0d5e9b21', suffix: 'k2xb', zone: 'us-east4-a', machine: 'n2-standard-8' }),
    gkeNode({ cluster: 'prod-use4', pool: 'apps-n2', hash: '71ac3f08', suffix: 'w9pd', zone: 'us-east4-b', machine: 'n2-standard-8' }),
    gkeNode({ cluster: 'prod-use4', pool: 'apps-n2', hash: 'c3b8e4d6', suffix: 'r5tn', zone: 'us-east4-c', machine: 'n2-standard-8' }),
  ];
  const names = gke.map(nameOf);
  const image = 'us-east4-docker.pkg.dev/acme-prod/loyalty/rewards-api:6.9.2';
  const tpl = (redisUrl: string, cluster: string) => ({
    containers: [container({
      image, ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PORT', value: '3000' },
        { name: 'REDIS_URL', value: redisUrl },
        { name: 'REDIS_CLUSTER_MODE', value: cluster },
        { name: 'PG_HOST', value: '10.92.0.3' },
      ],
      readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'rewards-api',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: rewards-api 6.9.2', template: tpl('redis://rewards-redis.loyalty.svc.cluster.local:6379/0', 'false') },
      { revision: 15, createdAgo: 65, changeCause: 'argocd: rewards-api cache -> Memorystore cluster (LOY-318)', template: tpl('rediss://10.142.0.41:6379', 'true') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 64.5 - k * 0.7 })),
    settled: { available: true, availableSince: 62.5, progressingSince: 65, progressingUpdatedAgo: 62.5 },
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'rewards-redis',
    replicas: 1,
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const other = deploymentApp({
    namespace: ns,
    name: 'rewards-web',
    replicas: 2,
    revisions: [{ revision: 30, createdAgo: 4 * DAYS, template: { containers: [container({ image: 'us-east4-docker.pkg.dev/acme-prod/loyalty/rewards-web:3.1.7', ports: [8080] })] } }],
    pods: [{ revision: 30, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 30, node: names[1] ?? '', createdAgo: 4 * DAYS - 1 }],
  });
  const log = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const base = (m: number, level: number) => `{"level":${level},"time":${ago(m).getTime()},"pid":1,"hostname":"${host}"`;
    const start = 64.2 - k * 0.7;
    const out = [
      `${base(start, 30)},"msg":"rewards-api 6.9.2 starting","node":"v22.11.0"}`,
      '(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.',
      '(Use `node --trace-deprecation ...` to show where the warning was created)',
      `${base(start - 0.01, 30)},"msg":"redis cluster ready","mode":"cluster","startupNodes":["10.142.0.41:6379"],"slotsRefreshed":true,"masters":3}`,
      `${base(start - 0.02, 30)},"msg":"postgres pool ready","max":20}`,
      `${base(start - 0.02, 30)},"msg":"Server listening at http://0.0.0.0:3000"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 58 - i * 4.9 - k * 0.2;
      const user = 88_123 + i * 977 + k * 31;
      const reqId = `req-${(0x3f1a + i * 7 + k * 101).toString(16)}`;
      out.push(
        `${base(t, 30)},"reqId":"${reqId}","req":{"method":"POST","url":"/v1/redeem","remoteAddress":"10.44.${k + 1}.${20 + i}"},"msg":"incoming request"}`,
        `${base(t - 0.001, 50)},"reqId":"${reqId}","userId":${user},"err":{"type":"ReplyError","message":"CROSSSLOT Keys in request don't hash to the same slot","stack":"ReplyError: CROSSSLOT Keys in request don't hash to the same slot\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"evalsha","args":["9d1e6c0f7b2a4e5d8c3f1a0b6e7d2c4a5b8f9e01","2","points:balance:${user}","points:holds:${user}","250","rdm-${(user * 7).toString(36)}"]}},"msg":"redeem failed"}`,
        `${base(t - 0.002, 30)},"reqId":"${reqId}","res":{"statusCode":500},"responseTime":${11 + (i % 5)},"msg":"request completed"}`,
        `${base(t - 0.5, 30)},"reqId":"req-${(0x5b20 + i * 3 + k * 59).toString(16)}","req":{"method":"GET","url":"/v1/balance/${user + 5}"},"res":{"statusCode":200},"responseTime":${4 + (i % 3)},"msg":"request completed"}`,
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout97-redis-cluster-crossslot-lua',
    class: 'config',
    truth: 'Revision 15 of rewards-api (65 minutes ago, LOY-318) moved its cache from the in-cluster standalone Redis (rewards-redis) to a cluster-mode Memorystore instance (REDIS_URL changed, REDIS_CLUSTER_MODE=true). The redeem endpoint runs a Lua script (EVALSHA) on two keys, points:balance:<user> and points:holds:<user>, which hash to different slots without a {hash tag}; Redis Cluster rejects it with "CROSSSLOT Keys in request don\'t hash to the same slot", so every POST /v1/redeem returns 500 while reads work and the pods stay Ready. Fix: put the user id in a hash tag (points:{<user>}:balance / points:{<user>}:holds), or revert to the standalone Redis until the keys are migrated.',
    ask: { service: 'rewards-api', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rewards-api', selector: { app: 'rewards-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'rewards-redis', selector: { app: 'rewards-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'rewards-web', selector: { app: 'rewards-web' }, pods: other.pods, endpointPort: 8080 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 65),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 62.5),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/CROSSSLOT|same (hash )?slot|hash ?tag|cluster[- ]mode|REDIS_CLUSTER_MODE/i],
      facts: [/revision 15|REDIS_CLUSTER_MODE|REDIS_URL/, /redeem|evalsha|Lua|script/i],
      never: [/ECONNREFUSED|connection refused|unreachable/i, /\bOOM/, /rewards-redis\b[^\n"]*\b(down|crash|unhealthy|fail)/i],
    },
  };
}

// ---- 7. healthy control: ASP.NET Core's DataProtection warnings in a stateless token service --------

function healthyDotnetDataProtectionWarnings(): CorpusScenario {
  const ns = 'identity';
  const aks = [0, 1, 2].map((i) => aksNode({ pool: 'system2', index: i + 3, zone: `westeurope-${i + 1}`, createdAgo: 12 * DAYS }));
  const names = aks.map(nameOf);
  const image = (v: string) => `acmeprod.azurecr.io/identity/token-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '384Mi',
      env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }, { name: 'DOTNET_gcServer', value: '0' }, { name: 'Jwt__Issuer', value: 'https://id.acme.example' }],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }),
      securityContext: { runAsNonRoot: true, runAsUser: 1654, allowPrivilegeEscalation: false },
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'token-service',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 19 * DAYS, changeCause: 'flux: token-service 2.6.0', template: tpl('2.6.0') },
      { revision: 9, createdAgo: 2 * DAYS, changeCause: 'flux: token-service 2.6.1', template: tpl('2.6.1') },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 2 * DAYS - 1 },
      { revision: 9, node: names[1] ?? '', createdAgo: 2 * DAYS - 2, containers: { app: running({ sinceAgo: 31 * HOURS, restarts: 1, last: { exitCode: 143, finishedAgo: 31 * HOURS, ranSeconds: 16 * 3600 } }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 2 * DAYS - 3 },
    ],
  });
  const other = bystander(ns, 'consent-api', names, 6 * HOURS, { revisions: [52, 53], versions: ['1.40.2', '1.41.0'], olderAgo: 15 * DAYS });
  const log = (p: k8s.V1Pod, k: number) => {
    const since = k === 1 ? 31 * HOURS : 2 * DAYS - 1 - k;
    const keyId = uidOf(`dp-key/${nameOf(p)}`);
    return lines(
      'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
      "      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning",
      'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
      `      No XML encryptor configured. Key {${keyId}} may be persisted to storage in unencrypted form.`,
      'warn: Microsoft.AspNetCore.Hosting.Diagnostics[15]',
      "      Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:8080'.",
      'info: Microsoft.Hosting.Lifetime[14]',
      '      Now listening on: http://[::]:8080',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Application started. Press Ctrl+C to shut down.',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Hosting environment: Production',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Content root path: /app',
      `info: Acme.Identity.TokenService.Signing.KeyRing[0]`,
      `      Loaded 2 signing keys from Azure Key Vault (active kid=sig-2026-10, started ${Math.round(since)} min ago)`,
      'info: Acme.Identity.TokenService.Endpoints.TokenEndpoint[0]',
      `      Issued access_token for client_id=checkout-web grant_type=client_credentials in ${7 + k} ms`,
      'info: Acme.Identity.TokenService.Endpoints.TokenEndpoint[0]',
      `      Issued access_token for client_id=mobile-ios grant_type=refresh_token in ${11 + k} ms`,
    );
  };
  return {
    id: 'heldout97-healthy-dotnet-dataprotection-warnings',
    class: 'healthy',
    truth: 'token-service is healthy: three ready pods of revision 9 (2.6.1, rolled out two days ago) behind the Service, no current Warning events. Each pod logs ASP.NET Core\'s DataProtection warnings at startup ("Storing keys in a directory … that may not be persisted outside of the container", "No XML encryptor configured") and the HTTP_PORTS override notice; the service is stateless, issues JWTs signed with Key Vault keys and uses no cookies or antiforgery, so the ephemeral data-protection keys do not matter. One pod\'s single restart (exit 143) was 31 hours ago.',
    ask: { service: 'token-service', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'token-service', selector: { app: 'token-service' }, pods: app.pods, endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'consent-api', selector: { app: 'consent-api' }, pods: other.pods, endpointPort: 8080 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 53), 2, 0, 6 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|ready|serving/i],
      facts: [/token-service/],
      never: [/DataProtection[^\n]*(cause|fail|broke|problem)/i, /not persisted[^\n]*(cause|problem)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  glibcBuilderRuntimeMismatch(),
  uwsgiListenQueueFull(),
  springProfileDropped(),
  postgresReplicaWalRemoved(),
  cronJobTooManyMissed(),
  redisClusterCrossSlot(),
  healthyDotnetDataProtectionWarnings(),
];

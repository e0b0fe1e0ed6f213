// Held-out stories, thirty-second round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// A Node.js revision whose NODE_OPTIONS heap ceiling is eight times the container's memory limit,
// an operator whose new egress NetworkPolicy allows the API server's Service IP but not the
// endpoints it is DNATed to, a StatefulSet with updateStrategy OnDelete still running the broken
// revision after the fix, a readiness probe copy-pasted with initialDelaySeconds 900, an in-cluster
// NFS server that cannot schedule (its EBS volume's zone lost its node), an Elasticsearch cluster at
// its shard limit refusing the midnight index, and a healthy control: a Kafka consumer that warned
// through a broker rolling restart two hours ago and has long recovered.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, container, createdPod, crashLoop, cronJob, deploymentApp, epochMs, event,
  every, execProbe, exposed, failedScheduling, hpa, httpProbe, nameOf, networkPolicy, node, nodeEvent, notTriggerScaleUp,
  probeFailed, pulledFresh, pv, pvc, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service,
  startedNormally, statefulSetApp, tcpProbe, terminated, uidOf, waiting, configMap, boundClaim,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/workloads.js';
import type { CorpusScenario } from '../scenario.js';

// ---- shared helpers ------------------------------------------------------------------------------

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

function objectOf<T extends KubeJson>(app: Built, kind: string): T {
  const o = app.objects.find((x) => x.kind === kind);
  if (o === undefined) throw new Error(`no ${kind} in built workload`);
  return o as T;
}

const deploymentOf = (app: Built): k8s.V1Deployment => objectOf<k8s.V1Deployment>(app, 'Deployment');

/** A log block built by every(): its entries end in a newline, which lines() would double. */
const block = (s: string): string => s.replace(/\n$/, '');

/** When the pod's Ready and ContainersReady conditions last changed (the kit guesses from its age). */
function readySince(p: k8s.V1Pod, minutes: number): void {
  for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(minutes);
}

/** The name of the ControllerRevision of `revision` of a StatefulSet built by statefulSetApp(). */
function controllerRevisionName(app: Built, revision: number): string {
  const cr = app.objects.find((o) => o.kind === 'ControllerRevision' && (o as k8s.V1ControllerRevision).revision === revision);
  if (cr === undefined) throw new Error(`no ControllerRevision ${revision}`);
  return nameOf(cr);
}

/** A node of a kubeadm cluster on bare metal / VMs: no cloud labels, Ubuntu, node IP on the DC network. */
function kubeadmNode(name: string, ip: string, o: { controlPlane?: boolean; createdAgo?: number } = {}): k8s.V1Node {
  const n = node({ name, createdAgo: o.createdAgo ?? 400 * DAYS, allocatable: { cpu: '7800m', 'ephemeral-storage': '94580335255', memory: '32482460Ki', pods: '110' } });
  return {
    ...n,
    metadata: {
      ...n.metadata,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(o.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : { 'node-role.kubernetes.io/worker': '' }),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'projectcalico.org/IPv4Address': `${ip}/24`,
        'projectcalico.org/IPv4VXLANTunnelAddr': `10.0.${ip.split('.')[3] ?? '1'}.0`,
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: `10.0.${ip.split('.')[3] ?? '1'}.0/24`, ...(o.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: {
      ...n.status,
      capacity: { cpu: '8', 'ephemeral-storage': '102626232Ki', memory: '32584860Ki', pods: '110' },
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      nodeInfo: {
        architecture: 'amd64',
        bootID: uidOf(`boot/${name}`),
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '5.15.0-125-generic',
        kubeProxyVersion: 'v1.30.6',
        kubeletVersion: 'v1.30.6',
        machineID: uidOf(`machine/${name}`).replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: uidOf(`system/${name}`),
      },
    },
  };
}

/** A GKE node of pool `pool` in `zone`. */
function gkeNode(pool: string, suffix: string, zone: string, createdAgo: number): k8s.V1Node {
  const name = `gke-prod-euw4-${pool}-${suffix}`;
  const n = node({ name, zone, createdAgo, allocatable: { cpu: '7910m', 'ephemeral-storage': '47060071478', memory: '29258148Ki', pods: '110' } });
  return {
    ...n,
    metadata: {
      ...n.metadata,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': 'n2-standard-8',
        'beta.kubernetes.io/os': 'linux',
        'cloud.google.com/gke-boot-disk': 'pd-balanced',
        'cloud.google.com/gke-container-runtime': 'containerd',
        'cloud.google.com/gke-nodepool': pool,
        'cloud.google.com/gke-os-distribution': 'cos',
        'cloud.google.com/machine-family': 'n2',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'n2-standard-8',
        'topology.gke.io/zone': zone,
        'topology.kubernetes.io/region': 'europe-west4',
        'topology.kubernetes.io/zone': zone,
      },
    },
    spec: { providerID: `gce://acme-prod/${zone}/${name}`, podCIDR: `10.8.${suffix.charCodeAt(0) % 200}.0/24` },
    status: {
      ...n.status,
      nodeInfo: {
        architecture: 'amd64',
        bootID: uidOf(`boot/${name}`),
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.1.100+',
        kubeProxyVersion: 'v1.30.5-gke.1014001',
        kubeletVersion: 'v1.30.5-gke.1014001',
        machineID: uidOf(`machine/${name}`).replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Container-Optimized OS from Google',
        systemUUID: uidOf(`system/${name}`),
      },
    },
  };
}

/** The rollout events of the deployment controller: new ReplicaSet up one by one, old one down. */
function rolloutEvents(app: Built, from: number, to: number, replicas: number, startAgo: number, stepMinutes: number): k8s.CoreV1Event[] {
  const d = deploymentOf(app);
  const out: k8s.CoreV1Event[] = [];
  for (let i = 1; i <= replicas; i++) {
    out.push(scaledReplicaSet(d, rsOf(app, to), i, i - 1, startAgo - (i - 1) * stepMinutes));
    out.push(scaledReplicaSet(d, rsOf(app, from), replicas - i, replicas - i + 1, startAgo - (i - 1) * stepMinutes - stepMinutes / 2));
  }
  return out;
}

// ---- 1. a Node.js revision whose V8 heap ceiling is eight times the container's memory limit -----

function nodeHeapFlagAboveLimit(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.64', ['19', '133', '210']);
  const image = `${ECR}/storefront/catalog-bff:5.8.3`;
  const tpl = (nodeOptions: string) => ({
    containers: [
      container({
        image,
        ports: [3000],
        cpu: '500m',
        memory: '512Mi',
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'PORT', value: '3000' },
          { name: 'NODE_OPTIONS', value: nodeOptions },
          { name: 'UV_THREADPOOL_SIZE', value: '8' },
          { name: 'CATALOG_API_URL', value: 'http://catalog-api.catalog.svc.cluster.local' },
          { name: 'PRICING_API_URL', value: 'http://pricing.pricing.svc.cluster.local:8080' },
        ],
        readiness: httpProbe('/healthz/ready', 3000, { periodSeconds: 5 }),
        liveness: httpProbe('/healthz/live', 3000, { initialDelaySeconds: 15, periodSeconds: 15 }),
      }),
    ],
  });
  const oom = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-bff',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: storefront/catalog-bff@3b81f0e', template: tpl('--max-old-space-size=384 --enable-source-maps') },
      { revision: 42, createdAgo: 47, changeCause: 'argocd: storefront/catalog-bff@c7d20a4', template: tpl('--max-old-space-size=4096 --enable-source-maps') },
    ],
    pods: [
      { revision: 42, node: names[0] ?? '', createdAgo: 46.6, containers: { app: running({ sinceAgo: 4.1, restarts: 5, last: oom(4.1, 402) }) } },
      { revision: 42, node: names[1] ?? '', createdAgo: 45.8, containers: { app: crashLoop(oom(0.9, 377), 6) } },
      { revision: 42, node: names[2] ?? '', createdAgo: 45.0, containers: { app: running({ sinceAgo: 10.6, restarts: 4, last: oom(10.6, 455) }) } },
      { revision: 42, node: names[0] ?? '', createdAgo: 44.2, containers: { app: running({ sinceAgo: 2.2, restarts: 5, last: oom(2.2, 388) }) } },
    ],
    settled: { available: true, availableSince: 43.5, progressingSince: 43.5 },
  });
  const other = bystander(ns, 'catalog-search-proxy', names, 95, { revisions: [7, 8], versions: ['1.4.0', '1.4.1'], olderAgo: 12 * DAYS });
  const [p0, p1, p2, p3] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  readySince(p0, 4.0);
  readySince(p1, 0.9);
  readySince(p2, 10.5);
  readySince(p3, 2.1);
  const restarts: [k8s.V1Pod, number, number, number][] = [[p0, 46.6, 5, 4.1], [p1, 45.8, 6, 7.2], [p2, 45.0, 4, 10.6], [p3, 44.2, 5, 2.2]];
  const pino = (p: k8s.V1Pod, minutes: number, fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: epochMs(minutes), pid: 1, hostname: nameOf(p), name: 'catalog-bff', ...fields });
  const req = (p: k8s.V1Pod, minutes: number, i: number) => pino(p, minutes, { reqId: `req-${(i * 7919 + 1013) % 99991}`, req: { method: 'GET', url: ['/api/catalog/listing?category=shoes&page=2', '/api/catalog/product/SKU-448812', '/api/catalog/search?q=rain%20jacket', '/api/catalog/product/SKU-102938/variants'][i % 4] }, res: { statusCode: 200 }, responseTime: 38 + ((i * 37) % 140), msg: 'request completed' });
  const stats = (p: k8s.V1Pod, minutes: number, rss: number, heap: number) => pino(p, minutes, { rssMB: rss, heapUsedMB: heap, heapTotalMB: heap + 31, externalMB: 11, eventLoopLagP99Ms: Number((2.4 + heap / 160).toFixed(1)), msg: 'process stats' });
  const startup = (p: k8s.V1Pod, minutes: number) => [
    pino(p, minutes, { msg: 'config loaded', env: 'production', catalogApi: 'http://catalog-api.catalog.svc.cluster.local', pricingApi: 'http://pricing.pricing.svc.cluster.local:8080' }),
    pino(p, minutes - 0.02, { node: 'v20.18.1', heapSizeLimitMB: 4144, msg: 'catalog-bff listening on :3000' }),
  ];
  // The killed run: the heap climbs a minute at a time until the cgroup's 512Mi, then nothing.
  const killedRun = lines(
    ...startup(p1, 7.18),
    stats(p1, 6.95, 214, 151), req(p1, 6.6, 1), req(p1, 6.3, 2),
    stats(p1, 5.95, 291, 222), req(p1, 5.5, 3), req(p1, 5.2, 4),
    stats(p1, 4.95, 352, 281), req(p1, 4.4, 5),
    stats(p1, 3.95, 409, 338), req(p1, 3.3, 6), req(p1, 3.1, 7),
    stats(p1, 2.95, 451, 383), req(p1, 2.4, 8),
    stats(p1, 1.95, 493, 426), req(p1, 1.5, 9),
    stats(p1, 0.95, 507, 449), req(p1, 0.92, 10),
  );
  return {
    id: 'heldout32-node-heap-flag-above-memory-limit',
    class: 'containers',
    truth: 'Revision 42 of catalog-bff (argocd sync 47 minutes ago, same image 5.8.3) changed NODE_OPTIONS from --max-old-space-size=384 to --max-old-space-size=4096 (a value copied from the batch workers), while the container memory limit stayed 512Mi. V8 now believes it may grow the old generation to ~4 GiB (heapSizeLimitMB 4144 at startup), so under the evening traffic it defers full mark-compact collections and the heap climbs (rss 214 → 507 MB in six minutes) until the cgroup reaches 512Mi and the kernel OOM-kills node: exit 137 OOMKilled every 6–8 minutes on all four pods, never a "JavaScript heap out of memory", because V8 never reaches its own limit. Not a leak: the same code ran for days under revision 41. Fix: set --max-old-space-size back below the limit (~384) or roll back to revision 41.',
    ask: { service: 'catalog-bff', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-bff', selector: { app: 'catalog-bff' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'catalog-search-proxy', selector: { app: 'catalog-search-proxy' }, pods: other.pods }),
      hpa({ namespace: ns, name: 'catalog-bff', target: { kind: 'Deployment', name: 'catalog-bff' }, min: 4, max: 10, current: 4, desired: 4, cpu: { current: 61, target: 70, averageValue: '305m' } }),
      ...rolloutEvents(app, 41, 42, 4, 46.7, 0.8),
      ...restarts.flatMap(([p, createdAgo, n, lastStart]) => [scheduled(p, createdAgo), ...restartedAgain(p, 'app', image, { count: n + 1, firstAgo: createdAgo - 0.05, lastAgo: lastStart })]),
      backOff(p1, 'app', { count: 4, firstAgo: 22, lastAgo: 0.3 }),
      backOff(p0, 'app', { count: 2, firstAgo: 17, lastAgo: 4.2 }),
      probeFailed(p1, 'app', 'Readiness', `Get "http://${ipOfPod(p1)}:3000/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 15.4, lastAgo: 1.1 }),
    ],
    logs: [
      logsFor(p1, 'app', { current: killedRun, previous: killedRun }),
      logsFor(p0, 'app', { current: lines(...startup(p0, 4.08), stats(p0, 3.85, 209, 148), req(p0, 3.2, 11), stats(p0, 2.85, 288, 219), req(p0, 2.1, 12), stats(p0, 1.85, 347, 277), req(p0, 1.2, 13), stats(p0, 0.85, 404, 333), req(p0, 0.3, 14)) }),
      logsFor(p2, 'app', { current: lines(...startup(p2, 10.58), stats(p2, 9.35, 205, 144), stats(p2, 1.35, 322, 263), req(p2, 0.5, 15)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max-old-space-size|NODE_OPTIONS|V8 heap|heap (size|limit)/i, /OOM|137|512\s?Mi|memory limit/i],
      facts: [lit('--max-old-space-size=4096'), /512\s?Mi/, /(revision|rev\.?) ?#?42/i, /OOMKilled|exit(ed)?( code)? 137/i],
      never: [/liveness[^\n]*(kill|fail|restart)/i, /MemoryPressure|evict/i, /memory leak/i, /catalog-search-proxy/],
    },
  };
}

// ---- 2. an operator's egress policy allows the apiserver Service IP, not the DNATed endpoints ----

function operatorEgressApiserverDnat(): CorpusScenario {
  const ns = 'tenant-operator-system';
  const cps = [['k8s-cp-01', '192.168.10.11'], ['k8s-cp-02', '192.168.10.12'], ['k8s-cp-03', '192.168.10.13']] as const;
  const workers = [['k8s-worker-01', '192.168.10.21'], ['k8s-worker-02', '192.168.10.22'], ['k8s-worker-03', '192.168.10.23'], ['k8s-worker-04', '192.168.10.24']] as const;
  const nodes = [...cps.map(([n, ip]) => kubeadmNode(n, ip, { controlPlane: true })), ...workers.map(([n, ip]) => kubeadmNode(n, ip))];
  const image = 'ghcr.io/acme-platform/tenant-operator:v0.14.2';
  const manager = container({
    name: 'manager',
    image,
    command: ['/manager'],
    args: ['--leader-elect', '--health-probe-bind-address=:8081', '--metrics-bind-address=:8443'],
    ports: [{ name: 'metrics', containerPort: 8443 }, { name: 'probes', containerPort: 8081 }],
    cpu: '100m',
    memory: '256Mi',
    readiness: httpProbe('/readyz', 8081, { initialDelaySeconds: 5, periodSeconds: 10 }),
    liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15, periodSeconds: 20 }),
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, changeCause: 'helm upgrade tenant-operator 0.14.2', template: { containers: [manager], serviceAccountName: 'tenant-operator', securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, terminationGracePeriodSeconds: 10 } }],
    pods: [{ revision: 9, node: 'k8s-worker-02', createdAgo: 31, containers: { manager: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 31 }, 9) } }],
    settled: { available: false, availableSince: 31, progressingSince: 12 * DAYS },
  });
  const pod = podOf(app, 0);
  readySince(pod, 31);
  const egress = networkPolicy({
    namespace: ns,
    name: 'baseline-egress',
    createdAgo: 44,
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      },
      { to: [{ ipBlock: { cidr: '10.96.0.1/32' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ],
  });
  egress.metadata = {
    ...egress.metadata,
    labels: { 'app.kubernetes.io/part-of': 'platform-baseline', 'app.kubernetes.io/managed-by': 'argocd' },
    annotations: { 'argocd.argoproj.io/tracking-id': `platform-baseline:networking.k8s.io/NetworkPolicy:${ns}/baseline-egress` },
  };
  const metricsIngress = networkPolicy({
    namespace: ns,
    name: 'allow-metrics-scrape',
    createdAgo: 210 * DAYS,
    podSelector: { app: 'tenant-operator' },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 8443 }] }],
  });
  const apiService: k8s.V1Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: uidOf('service/default/kubernetes'), creationTimestamp: ago(400 * DAYS), labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    status: { loadBalancer: {} },
  };
  const apiEndpoints: k8s.V1Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', uid: uidOf('endpoints/default/kubernetes'), creationTimestamp: ago(400 * DAYS), labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: cps.map(([, ip]) => ({ ip })), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  };
  const apiSlice: k8s.V1EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', uid: uidOf('endpointslice/default/kubernetes'), creationTimestamp: ago(400 * DAYS), labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: cps.map(([, ip]) => ({ addresses: [ip], conditions: { ready: true } })),
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
  // A node drained for kernel patching moved the operator: the new pod opens new connections.
  const drained = 'k8s-worker-03';
  const run = (startAgo: number) => {
    const ts = (m: number) => at(m).replace(/\.\d+Z$/, 'Z');
    return lines(
      `${ts(startAgo)}\tINFO\tsetup\tstarting tenant-operator\t{"version": "v0.14.2", "commit": "9f3ab21", "go": "go1.22.8", "leaderElection": true}`,
      `${ts(startAgo - 0.01)}\tINFO\tsetup\tusing in-cluster config\t{"host": "https://10.96.0.1:443"}`,
      `${ts(startAgo - 0.51)}\tERROR\tsetup\tunable to start manager\t{"error": "failed to get server groups: Get \\"https://10.96.0.1:443/api?timeout=32s\\": dial tcp 10.96.0.1:443: i/o timeout"}`,
      'main.main',
      '\t/workspace/cmd/main.go:142',
      'runtime.main',
      '\t/usr/local/go/src/runtime/proc.go:272',
    );
  };
  return {
    id: 'heldout32-operator-egress-policy-apiserver-dnat',
    class: 'network',
    truth: 'The platform team\'s argocd app platform-baseline added the NetworkPolicy baseline-egress to tenant-operator-system 44 minutes ago: egress only to kube-dns on 53 and to 10.96.0.1/32 on TCP 443, the kubernetes Service IP. Calico evaluates policy after kube-proxy\'s DNAT, so the operator\'s connections to https://10.96.0.1:443 leave the pod addressed to the API server endpoints 192.168.10.11-13:6443 (default/kubernetes Endpoints), which no rule allows, and are dropped. The running pod kept its established connection until k8s-worker-03 was drained for kernel patching 31 minutes ago; its replacement on k8s-worker-02 cannot open any: "dial tcp 10.96.0.1:443: i/o timeout" in setup, exit 1, CrashLoopBackOff, tenants are no longer reconciled. The drain and the operator version are innocent. Fix: allow egress to the apiserver endpoints (192.168.10.11-13/32, TCP 6443) in baseline-egress.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, egress, metricsIngress, apiService, apiEndpoints, apiSlice,
      ...exposed({ namespace: ns, name: 'tenant-operator-metrics', clusterIP: '10.104.33.17', selector: { app: 'tenant-operator' }, pods: app.pods, ports: [{ name: 'metrics', port: 8443, targetPort: 'metrics' }], endpointPort: 8443 }),
      createdPod(replicaSetOf(app, 9), pod, 31),
      scheduled(pod, 31),
      ...restartedAgain(pod, 'manager', image, { count: 10, firstAgo: 30.9, lastAgo: 1.9 }),
      backOff(pod, 'manager', { count: 121, firstAgo: 29.5, lastAgo: 0.2 }),
      probeFailed(pod, 'manager', 'Readiness', `Get "http://${ipOfPod(pod)}:8081/readyz": dial tcp ${ipOfPod(pod)}:8081: connect: connection refused`, { count: 27, firstAgo: 30.7, lastAgo: 1.8 }),
      nodeEvent(drained, 'NodeNotSchedulable', `Node ${drained} status is now: NodeNotSchedulable`, { firstAgo: 31.6 }),
      nodeEvent(drained, 'Starting', 'Starting kubelet.', { firstAgo: 20.2 }),
      nodeEvent(drained, 'Rebooted', `Node ${drained} has been rebooted, boot id: ${uidOf(`boot2/${drained}`)}`, { type: 'Warning', firstAgo: 20.1 }),
      nodeEvent(drained, 'NodeReady', `Node ${drained} status is now: NodeReady`, { firstAgo: 19.6 }),
      nodeEvent(drained, 'NodeSchedulable', `Node ${drained} status is now: NodeSchedulable`, { firstAgo: 16.3 }),
    ],
    logs: [logsFor(pod, 'manager', { current: run(1.92), previous: run(1.92) })],
    expect: {
      verdict: 'problems',
      headline: [/baseline-egress|NetworkPolic|network polic|egress/i, /api ?server|10\.96\.0\.1|6443|kubernetes (API|Service)|control.plane/i],
      facts: [/baseline-egress/, lit('10.96.0.1'), /6443/, /i\/o timeout/],
      never: [ADVISES_ROLLBACK, /RBAC|forbidden|service ?account token/i, /CoreDNS|DNS (resolution|lookup|failure)/i, /\bOOM/, /k8s-worker-03[^\n]*(caus|broke|fail)/i],
    },
  };
}

// ---- 3. a StatefulSet with updateStrategy OnDelete: the fix is revision 7, the pods run 6 ---------

function statefulSetOnDeleteFixNotApplied(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '171', '229']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = 'docker.io/library/redis:7.2.6';
  const tpl = (maxmemory: string, policy: string) => ({
    containers: [
      container({
        name: 'redis',
        image,
        command: ['redis-server', '/etc/redis/redis.conf', '--maxmemory', maxmemory, '--maxmemory-policy', policy],
        ports: [{ name: 'redis', containerPort: 6379 }],
        cpu: '500m',
        memory: '2560Mi',
        readiness: execProbe(['sh', '-c', 'redis-cli -h 127.0.0.1 ping | grep -q PONG'], { periodSeconds: 5, timeoutSeconds: 2 }),
        liveness: tcpProbe(6379, { initialDelaySeconds: 20, periodSeconds: 10 }),
        volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }, { name: 'data', mountPath: '/data' }],
      }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'session-redis-config', defaultMode: 420 } }],
    securityContext: { fsGroup: 999, runAsUser: 999 },
  });
  const crash = (finishedAgo: number) => ({ exitCode: 1, finishedAgo, ranSeconds: 0.1 });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 3,
    serviceName: 'session-redis-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 380 * DAYS,
    revisions: [
      { revision: 5, createdAgo: 41 * DAYS, template: tpl('1536mb', 'allkeys-lru') },
      { revision: 6, createdAgo: 118, template: tpl('2gb', 'allkeys-lfru') },
      { revision: 7, createdAgo: 38, template: tpl('2gb', 'allkeys-lfu') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 112, containers: { redis: crashLoop(crash(2.1), 24) } },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 111.8, containers: { redis: crashLoop(crash(3.4), 24) } },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 111.6, containers: { redis: crashLoop(crash(0.7), 23) } },
    ],
  });
  const stsObj = objectOf<k8s.V1StatefulSet>(sts, 'StatefulSet');
  if (stsObj.spec) stsObj.spec.updateStrategy = { type: 'OnDelete' };
  const rev7 = controllerRevisionName(sts, 7);
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-session-redis-${i}`, storage: '8Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 380 * DAYS, labels: { app: 'session-redis' } }));
  const other = bystander(ns, 'session-admin-ui', names, 75, { revisions: [19, 20], versions: ['2.3.0', '2.4.0'], olderAgo: 16 * DAYS });
  const fatal = lines(
    '',
    '*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***',
    'Reading the configuration file, at line 7',
    '>>> \'maxmemory-policy "allkeys-lfru"\'',
    'argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction',
  );
  const [r0, r1, r2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  for (const p of [r0, r1, r2]) readySince(p, 111.5);
  return {
    id: 'heldout32-statefulset-ondelete-fix-never-applied',
    class: 'rollout',
    truth: 'session-redis uses updateStrategy OnDelete, so a template change reaches a pod only when someone deletes it. Revision 6 (118 minutes ago) raised maxmemory and mistyped the policy as "allkeys-lfru"; the on-call deleted the three pods 112 minutes ago as the runbook says, and they came back on revision 6 and crash-loop on Redis\'s FATAL CONFIG FILE ERROR. The fix (revision 7, allkeys-lfu) was applied 38 minutes ago, but nobody deleted the pods: status.updateRevision is the revision-7 ControllerRevision while currentRevision and every pod (controller-revision-hash) are still revision 6, updatedReplicas 0. Fix: delete the pods (kubectl delete pod session-redis-0 session-redis-1 session-redis-2) so they are recreated from revision 7; nothing to roll back.',
    ask: { service: 'session-redis', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...other.objects,
      configMap({ namespace: ns, name: 'session-redis-config', createdAgo: 380 * DAYS, data: { 'redis.conf': 'bind 0.0.0.0\nprotected-mode no\nport 6379\nappendonly no\nsave ""\n' } }),
      service({ namespace: ns, name: 'session-redis-headless', selector: { app: 'session-redis' }, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], createdAgo: 380 * DAYS }),
      ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, pods: sts.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, createdAgo: 380 * DAYS }),
      ...exposed({ namespace: ns, name: 'session-admin-ui', selector: { app: 'session-admin-ui' }, pods: other.pods }),
      ...[r0, r1, r2].flatMap((p, i) => [
        ...restartedAgain(p, 'redis', image, { count: 25 - (i === 2 ? 1 : 0), firstAgo: 111.9 - i * 0.2, lastAgo: [2.2, 3.5, 0.8][i] ?? 1 }),
        backOff(p, 'redis', { count: 498 - i * 7, firstAgo: 111.7 - i * 0.2, lastAgo: 0.1 + i * 0.2 }),
      ]),
    ],
    logs: [
      logsFor(r0, 'redis', { current: fatal, previous: fatal }),
      logsFor(r1, 'redis', { current: fatal, previous: fatal }),
      logsFor(r2, 'redis', { current: fatal, previous: fatal }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OnDelete|on.?delete/i, /revision|not (been )?(rolled|applied|updated)|old (template|revision)|outdated|never (deleted|recreated|updated)|delet(e|ing) the pods?/i],
      facts: [/allkeys-lfru/, /OnDelete/, new RegExp(`(revision|rev\\.?) ?7\\b|${rev7}`, 'i'), /delete (the )?pods?|kubectl delete pod/i],
      never: [/\bOOM/, /rollout undo|undo the rollout|roll(ing)? ?back to/i, /revision 7[^\n]*(caus|broke|introduc|crash)/i, /session-admin-ui/],
    },
  };
}

// ---- 4. a readiness probe copy-pasted with initialDelaySeconds 900 --------------------------------

function readinessInitialDelay900(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.112', ['58', '140', '203']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, readinessDelay: number) => ({
    containers: [
      container({
        image: image(v),
        ports: [8080, { name: 'management', containerPort: 8081 }],
        cpu: '1',
        memory: '1536Mi',
        env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' }, { name: 'MANAGEMENT_SERVER_PORT', value: '8081' }],
        readiness: httpProbe('/actuator/health/readiness', 8081, { initialDelaySeconds: readinessDelay, periodSeconds: 5, failureThreshold: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 90, periodSeconds: 10, failureThreshold: 3 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: billing/invoice-api 2.31.0', template: tpl('2.31.0', 20) },
      { revision: 24, createdAgo: 12.6, changeCause: 'argocd: billing/invoice-api 2.32.0', template: tpl('2.32.0', 900) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 9 * DAYS - 2 - k })),
      { revision: 24, node: names[1] ?? '', createdAgo: 12.5, containers: { app: running({ sinceAgo: 12.2, ready: false }) } },
      { revision: 24, node: names[2] ?? '', createdAgo: 12.5, containers: { app: running({ sinceAgo: 12.1, ready: false }) } },
    ],
  });
  const [n0, n1] = [podOf(app, 3), podOf(app, 4)];
  const old0 = podOf(app, 0);
  const other = bystander(ns, 'invoice-pdf-renderer', names, 52, { revisions: [11, 12], versions: ['0.9.4', '0.9.5'], olderAgo: 20 * DAYS });
  const d = deploymentOf(app);
  const spring = (minutes: number, level: string, thread: string, logger: string, msg: string) => `${at(minutes)} ${level.padStart(5)} 1 --- [invoice-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const boot = (startAgo: number) => lines(
    spring(startAgo, 'INFO', 'main', 'c.a.billing.invoice.InvoiceApiApplication', 'Starting InvoiceApiApplication v2.32.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    spring(startAgo - 0.001, 'INFO', 'main', 'c.a.billing.invoice.InvoiceApiApplication', 'The following 1 profile is active: "prod"'),
    spring(startAgo - 0.12, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(startAgo - 0.2, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    spring(startAgo - 0.22, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b2f8ab6'),
    spring(startAgo - 0.22, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(startAgo - 0.31, 'INFO', 'main', 'o.f.core.internal.command.DbValidate', 'Successfully validated 87 migrations (execution time 00:00.041s)'),
    spring(startAgo - 0.36, 'WARN', 'main', 'JpaBaseConfiguration$JpaWebConfiguration', 'spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning'),
    spring(startAgo - 0.4, 'INFO', 'main', 'o.s.b.a.e.web.EndpointLinksResolver', 'Exposing 3 endpoints beneath base path \'/actuator\''),
    spring(startAgo - 0.41, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8081 (http) with context path \'/\''),
    spring(startAgo - 0.42, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(startAgo - 0.42, 'INFO', 'main', 'c.a.billing.invoice.InvoiceApiApplication', 'Started InvoiceApiApplication in 25.114 seconds (process running for 26.402)'),
    spring(startAgo - 0.5, 'INFO', 'scheduling-1', 'c.a.b.invoice.outbox.OutboxRelay', 'outbox relay idle: 0 pending events'),
    spring(2.5, 'INFO', 'scheduling-1', 'c.a.b.invoice.outbox.OutboxRelay', 'outbox relay idle: 0 pending events'),
  );
  return {
    id: 'heldout32-readiness-initial-delay-900',
    class: 'probes',
    truth: 'Revision 24 of invoice-api (2.32.0, 12.6 minutes ago) copied its readinessProbe block from the nightly reconciliation job\'s chart and kept initialDelaySeconds: 900 (revision 23 had 20). The kubelet does not run a readiness probe before 15 minutes, so the two new pods are Running, started cleanly in 25 s and log no error, but stay unready; no probe ever failed. With maxSurge 1 / maxUnavailable 1 the rollout waits on them: Progressing is False with ProgressDeadlineExceeded, only the three old pods serve (3 of 4 replicas), and every future rollout, restart or scale-out will take 15 minutes to add capacity. Fix: set initialDelaySeconds back to ~20 (or use a startupProbe) in a revision 25.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(d, rsOf(app, 24), 2, 0, 12.6),
      scaledReplicaSet(d, rsOf(app, 23), 3, 4, 12.6),
      ...[n0, n1].flatMap((p, i) => [
        ...pulledFresh(p, 'app', image('2.32.0'), { atAgo: 12.5, bytes: 187_412_206, seconds: 8.214 + i }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 12.3 - i * 0.1, lastAgo: 12.3 - i * 0.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 12.2 - i * 0.1, lastAgo: 12.2 - i * 0.1, fieldPath: 'spec.containers{app}' }),
      ]),
      probeFailed(old0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 0.1 }),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/invoice-pdf-renderer:0.9.5`, 52),
    ],
    logs: [
      logsFor(n0, 'app', { current: boot(12.2) }),
      logsFor(n1, 'app', { current: boot(12.1) }),
      logsFor(old0, 'app', { current: lines(`${at(1.1)}  INFO 1 --- [invoice-api] [nio-8080-exec-7] c.a.b.invoice.web.InvoiceController      : POST /v1/invoices 201 (48 ms)`, `${at(0.4)}  INFO 1 --- [invoice-api] [nio-8080-exec-2] c.a.b.invoice.web.InvoiceController      : GET /v1/invoices/INV-2026-118842 200 (9 ms)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/initialDelaySeconds|initial delay/i, /900|15 ?min/i],
      facts: [/readiness/i, /\b900\b/, /(revision|rev\.?) ?#?24/i, /ProgressDeadlineExceeded|progress deadline|timed out progressing/i],
      never: [/crash ?loop/i, /\bOOM/, /readiness probe (is |keeps |kept )?fail/i, /invoice-pdf-renderer/, /image[^\n]*(pull|not found)/i],
    },
  };
}

// ---- 5. an in-cluster NFS server that cannot schedule: its app's pods cannot mount the share ------

function nfsServerPendingMountTimeout(): CorpusScenario {
  const ns = 'media';
  const gone = eksNodeName('10.0.33.57');
  const n1 = node({ name: eksNodeName('10.0.77.14'), zone: 'eu-west-1b' });
  const n2 = node({ name: eksNodeName('10.0.88.203'), zone: 'eu-west-1b', createdAgo: 52 });
  const n3 = node({ name: eksNodeName('10.0.101.9'), zone: 'eu-west-1c' });
  const [a, b, c] = [nameOf(n1), nameOf(n2), nameOf(n3)];
  const nfsIp = '172.20.141.26';
  const nfsImage = 'registry.k8s.io/volume-nfs:0.8';
  const nfs = statefulSetApp({
    namespace: ns,
    name: 'nfs-server',
    replicas: 1,
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 2,
      createdAgo: 210 * DAYS,
      template: {
        containers: [container({
          name: 'nfs-server',
          image: nfsImage,
          ports: [{ name: 'nfs', containerPort: 2049 }, { name: 'mountd', containerPort: 20048 }, { name: 'rpcbind', containerPort: 111 }],
          cpu: '250m',
          memory: '512Mi',
          readiness: tcpProbe(2049, { periodSeconds: 10 }),
          liveness: tcpProbe(2049, { initialDelaySeconds: 30, periodSeconds: 20 }),
          securityContext: { privileged: true },
          volumeMounts: [{ name: 'export', mountPath: '/exports' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'export', storage: '200Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: null, createdAgo: 54.5, unschedulable: '0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' }],
  });
  const nfsPod = podOf(nfs, 0);
  const exportClaim = boundClaim({ namespace: ns, name: 'export-nfs-server-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'nfs-server' } });
  // The share as the app sees it: a static NFS volume pointing at the nfs-server Service's cluster IP.
  const sharePv: k8s.V1PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'media-shared-nfs', uid: uidOf('pv/media-shared-nfs'), creationTimestamp: ago(299 * DAYS), finalizers: ['kubernetes.io/pv-protection'], labels: { share: 'media' } },
    spec: {
      accessModes: ['ReadWriteMany'],
      capacity: { storage: '200Gi' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'media-shared', namespace: ns, uid: uidOf(`pvc/${ns}/media-shared`) },
      nfs: { server: nfsIp, path: '/exports/media' },
      mountOptions: ['hard', 'nfsvers=3', 'timeo=600'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound' },
  };
  const sharePvc = pvc({ namespace: ns, name: 'media-shared', storage: '200Gi', storageClass: '', phase: 'Bound', volumeName: 'media-shared-nfs', accessModes: ['ReadWriteMany'], createdAgo: 299 * DAYS });
  sharePvc.metadata = { ...sharePvc.metadata, annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } };
  const image = `${ECR}/media/asset-gallery:4.7.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'asset-gallery',
    replicas: 3,
    revisions: [{
      revision: 15,
      createdAgo: 6 * DAYS,
      changeCause: 'argocd: media/asset-gallery 4.7.2',
      template: {
        containers: [container({
          image,
          ports: [8080],
          cpu: '300m',
          memory: '768Mi',
          env: [{ name: 'MEDIA_ROOT', value: '/srv/media' }],
          readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 2 }),
          liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
          volumeMounts: [{ name: 'media', mountPath: '/srv/media' }],
        })],
        volumes: [{ name: 'media', persistentVolumeClaim: { claimName: 'media-shared' } }],
      },
    }],
    pods: [
      { revision: 15, node: a, createdAgo: 54.8, containers: { app: waiting('ContainerCreating') } },
      { revision: 15, node: a, createdAgo: 6 * DAYS - 1, containers: { app: running({ sinceAgo: 6 * DAYS - 1.5, ready: false }) } },
      { revision: 15, node: c, createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 6 * DAYS - 2.5, ready: false }) } },
    ],
    settled: { available: false, availableSince: 53, progressingSince: 6 * DAYS },
  });
  const [stuck, hung1, hung2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  readySince(stuck, 54.8);
  readySince(hung1, 54.7);
  readySince(hung2, 54.6);
  const other = bystander(ns, 'media-transcoder', [b, c], 29, { revisions: [33, 34], versions: ['3.1.0', '3.1.1'], olderAgo: 8 * DAYS });
  const mountTarget = `/var/lib/kubelet/pods/${stuck.metadata?.uid ?? ''}/volumes/kubernetes.io~nfs/media-shared-nfs`;
  const goLog = (minutes: number, level: string, msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ time: at(minutes), level, msg, ...extra });
  const hungLogs = (p: k8s.V1Pod) => lines(
    goLog(56.2, 'INFO', 'request', { method: 'GET', path: '/v1/assets/a7f3e1/thumb', status: 200, dur_ms: 14 }),
    goLog(55.1, 'WARN', 'storage health check timed out', { path: '/srv/media', timeout: '2s' }),
    goLog(54.6, 'ERROR', 'request', { method: 'GET', path: '/v1/assets/c19d02/original', status: 504, dur_ms: 30000, err: 'read /srv/media/c1/9d/c19d02.jpg: context deadline exceeded' }),
    goLog(40.3, 'WARN', 'storage health check timed out', { path: '/srv/media', timeout: '2s', pod: nameOf(p) }),
    goLog(20.7, 'WARN', 'storage health check timed out', { path: '/srv/media', timeout: '2s' }),
    goLog(0.6, 'WARN', 'storage health check timed out', { path: '/srv/media', timeout: '2s' }),
  );
  return {
    id: 'heldout32-nfs-server-pending-app-mount-timeout',
    class: 'storage',
    truth: `AWS retired the EC2 instance behind ${gone} (eu-west-1a) 55 minutes ago and the node group replaced it in eu-west-1b, leaving no node in eu-west-1a. The in-cluster NFS server (StatefulSet nfs-server, Service nfs-server ${nfsIp}) keeps its exports on an EBS volume in eu-west-1a, so nfs-server-0 has been Pending for 54 minutes ("3 node(s) had volume node affinity conflict") and the Service has no endpoints. asset-gallery mounts the share through the static PV media-shared-nfs (server ${nfsIp}, /exports/media): its recreated pod is stuck ContainerCreating with FailedMount (mount.nfs: Connection timed out), its two older pods hang on the hard mount and fail readiness. Nothing is wrong with asset-gallery or media-transcoder. Fix: bring a node up in eu-west-1a (or a zonal node group) so nfs-server-0 schedules and re-exports the share.`,
    ask: { service: 'asset-gallery', namespace: ns },
    objects: [
      n1, n2, n3, ...nfs.objects, ...exportClaim, sharePv, sharePvc, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'nfs-server', clusterIP: nfsIp, selector: { app: 'nfs-server' }, pods: nfs.pods, ports: [{ name: 'nfs', port: 2049, targetPort: 2049 }, { name: 'mountd', port: 20048, targetPort: 20048 }, { name: 'rpcbind', port: 111, targetPort: 111 }], endpointPort: 2049, createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'asset-gallery', selector: { app: 'asset-gallery' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-transcoder', selector: { app: 'media-transcoder' }, pods: other.pods }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 55.2, component: 'node-controller' }),
      nodeEvent(b, 'RegisteredNode', `Node ${b} event: Registered Node ${b} in Controller`, { firstAgo: 52, component: 'node-controller' }),
      nodeEvent(b, 'NodeReady', `Node ${b} status is now: NodeReady`, { firstAgo: 51.4 }),
      event({ on: { kind: 'StatefulSet', name: 'nfs-server', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod nfs-server-0 in StatefulSet nfs-server successful', firstAgo: 54.5, lastAgo: 54.5, component: 'statefulset-controller' }),
      failedScheduling(nfsPod, '0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', { count: 23, firstAgo: 54.5, lastAgo: 1.7 }),
      notTriggerScaleUp(nfsPod, '1 node(s) had volume node affinity conflict', { count: 311, firstAgo: 54, lastAgo: 0.4 }),
      createdPod(replicaSetOf(app, 15), stuck, 54.8),
      scheduled(stuck, 54.8),
      event({ on: stuck, reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "media-shared-nfs" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o hard,nfsvers=3,timeo=600 ${nfsIp}:/exports/media ${mountTarget}\nOutput: mount.nfs: Connection timed out\n`, count: 21, firstAgo: 52.6, lastAgo: 0.9 }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[media], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 25, firstAgo: 52.7, lastAgo: 0.8 }),
      ...[hung1, hung2].map((p, i) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 318 - i * 3, firstAgo: 54.9, lastAgo: 0.1 + i * 0.2 })),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/media-transcoder:3.1.1`, 29),
    ],
    logs: [logsFor(hung1, 'app', { current: hungLogs(hung1) }), logsFor(hung2, 'app', { current: hungLogs(hung2) })],
    expect: {
      verdict: 'problems',
      headline: [/nfs-server/, /Pending|unschedul|can(no|')t (be )?schedul|not running|down|no (ready )?endpoints|volume node affinity/i],
      facts: [/mount\.nfs|FailedMount|Connection timed out/i, lit(nfsIp), /volume node affinity|eu-west-1a/i, /nfs-server-0/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /media-transcoder/],
    },
  };
}

// ---- 6. Elasticsearch at its shard limit refuses the midnight index ------------------------------

function elasticsearchMaxShardsDailyIndex(): CorpusScenario {
  const ns = 'logging';
  const zones = ['europe-west4-a', 'europe-west4-b', 'europe-west4-c'];
  const nodes = [gkeNode('logging', 'a1f3c9e2-7kqp', zones[0] ?? '', 64 * DAYS), gkeNode('logging', 'b82d4e17-m2vx', zones[1] ?? '', 64 * DAYS), gkeNode('logging', 'c5e0a6b3-zt9r', zones[2] ?? '', 64 * DAYS)];
  const names = nodes.map(nameOf);
  const registry = 'europe-west4-docker.pkg.dev/acme-prod/platform';
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'elasticsearch-master',
    replicas: 3,
    serviceName: 'elasticsearch-master-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 420 * DAYS,
    revisions: [{
      revision: 14,
      createdAgo: 6 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch',
          image: esImage,
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          cpu: '2',
          memory: '8Gi',
          env: [
            { name: 'node.name', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'cluster.name', value: 'logging-es' },
            { name: 'cluster.initial_master_nodes', value: 'elasticsearch-master-0,elasticsearch-master-1,elasticsearch-master-2' },
            { name: 'discovery.seed_hosts', value: 'elasticsearch-master-headless' },
            { name: 'ES_JAVA_OPTS', value: '-Xmx4g -Xms4g' },
            { name: 'ELASTIC_PASSWORD', valueFrom: { secretKeyRef: { name: 'elasticsearch-master-credentials', key: 'password' } } },
          ],
          readiness: execProbe(['bash', '-c', 'curl -s -k -u "elastic:${ELASTIC_PASSWORD}" "https://127.0.0.1:9200/_cluster/health?wait_for_status=green&timeout=1s" | grep -q \'"status":"green"\''], { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 3 }),
          liveness: null,
          volumeMounts: [{ name: 'elasticsearch-master', mountPath: '/usr/share/elasticsearch/data' }],
        })],
        securityContext: { fsGroup: 1000, runAsUser: 1000 },
        terminationGracePeriodSeconds: 120,
      },
    }],
    volumeClaimTemplates: [{ name: 'elasticsearch-master', storage: '500Gi', storageClass: 'premium-rwo' }],
    pods: [0, 1, 2].map((i) => ({ revision: 14, ordinal: i, node: names[i] ?? '', createdAgo: 6 * DAYS - 4 * i })),
  });
  const esClaims = [0, 1, 2].flatMap((i) => {
    const claim = `elasticsearch-master-elasticsearch-master-${i}`;
    const volumeName = `pvc-${uidOf(`pvc/${ns}/${claim}`)}`;
    const c = pvc({ namespace: ns, name: claim, storage: '500Gi', storageClass: 'premium-rwo', phase: 'Bound', volumeName, createdAgo: 420 * DAYS, labels: { app: 'elasticsearch-master' } });
    c.metadata = { ...c.metadata, annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.beta.kubernetes.io/storage-provisioner': 'pd.csi.storage.gke.io', 'volume.kubernetes.io/selected-node': names[i] ?? '', 'volume.kubernetes.io/storage-provisioner': 'pd.csi.storage.gke.io' } };
    const v = pv({ name: volumeName, storage: '500Gi', zone: zones[i] ?? '', claim: { namespace: ns, name: claim }, storageClass: 'premium-rwo', createdAgo: 420 * DAYS, csi: { driver: 'pd.csi.storage.gke.io', volumeHandle: `projects/acme-prod/zones/${zones[i] ?? ''}/disks/${volumeName}` } });
    return [c, v];
  });
  const indexerImage = (v: string) => `${registry}/log-indexer:${v}`;
  const indexerTpl = (v: string) => ({
    containers: [container({
      image: indexerImage(v),
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'KAFKA_BROKERS', value: 'kafka-bootstrap.kafka.svc:9092' },
        { name: 'KAFKA_TOPIC', value: 'app-logs' },
        { name: 'ES_URL', value: 'https://elasticsearch-master.logging.svc:9200' },
        { name: 'INDEX_PATTERN', value: 'app-logs-%Y.%m.%d' },
        { name: 'INDEX_SHARDS', value: '3' },
        { name: 'INDEX_REPLICAS', value: '1' },
        { name: 'SPOOL_DIR', value: '/var/spool/log-indexer' },
        { name: 'SPOOL_MAX_BYTES', value: '2GiB' },
      ],
      readiness: httpProbe('/readyz', 8080, { periodSeconds: 10 }),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'spool', mountPath: '/var/spool/log-indexer' }],
    })],
    volumes: [{ name: 'spool', emptyDir: { sizeLimit: '3Gi' } }],
    serviceAccountName: 'log-indexer',
  });
  const indexer = deploymentApp({
    namespace: ns,
    name: 'log-indexer',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: logging/log-indexer 2.9.0', template: indexerTpl('2.9.0') },
      { revision: 12, createdAgo: 14 * HOURS, changeCause: 'argocd: logging/log-indexer 2.9.1', template: indexerTpl('2.9.1') },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 14 * HOURS - 0.5, containers: { app: running({ sinceAgo: 14 * HOURS - 1, ready: false }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 14 * HOURS - 1.5, containers: { app: running({ sinceAgo: 14 * HOURS - 2, ready: false }) } },
    ],
    settled: { available: false, availableSince: 30, progressingSince: 14 * HOURS - 2 },
  });
  const [ix0, ix1] = [podOf(indexer, 0), podOf(indexer, 1)];
  const curator = cronJob({
    namespace: ns,
    name: 'index-curator',
    schedule: '30 1 * * *',
    suspend: true,
    createdAgo: 300 * DAYS,
    template: { containers: [batchContainer({ name: 'curator', image: `${registry}/es-index-curator:1.3.0`, args: ['--pattern=app-logs-*', '--delete-older-than=14d', '--es-url=https://elasticsearch-master.logging.svc:9200'], cpu: '100m', memory: '128Mi' })] },
    jobs: [{ createdAgo: 11 * DAYS + 107, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 11 * DAYS + 107, containers: { curator: terminated({ exitCode: 0, finishedAgo: 11 * DAYS + 105, ranSeconds: 96 }) } }], outcome: { complete: true, ago: 11 * DAYS + 105 } }],
    lastSuccessfulAgo: 11 * DAYS + 105,
  });
  const kibana = bystander(ns, 'kibana', names, 2 * DAYS, { revisions: [6, 7], versions: ['8.15.2', '8.15.3'], olderAgo: 40 * DAYS });
  const index = 'app-logs-2026.11.21';
  const reason = 'Validation Failed: 1: this action would add [6] shards, but this cluster currently has [2998]/[3000] maximum normal shards open; for more information, see https://www.elastic.co/guide/en/elasticsearch/reference/8.15/size-your-shards.html#troubleshooting-max-shards-open;';
  const esError = `elasticsearch: PUT /${index}: 400 Bad Request: ${JSON.stringify({ error: { root_cause: [{ type: 'validation_exception', reason }], type: 'validation_exception', reason }, status: 400 })}`;
  const zap = (minutes: number, level: string, caller: string, msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ level, ts: at(minutes), caller, msg, ...extra });
  const health = (minutes: number) => zap(minutes, 'info', 'es/health.go:44', 'elasticsearch cluster health', { status: 'green', number_of_nodes: 3, active_shards: 2998, unassigned_shards: 0 });
  const spoolMax = 2_147_483_648;
  // Since midnight: the index creation retried every five minutes, every bulk batch refused and
  // spooled until the 2 GiB spool filled, then dropped. Entries by time, oldest first.
  const indexerLogs = (podIndex: number) => {
    const shift = podIndex * 0.07;
    const spoolFullAt = 30.5 - podIndex * 0.8;
    const entries: [number, string][] = [
      [197 - shift, health(197 - shift)],
      [194.05 - shift, zap(194.05 - shift, 'info', 'indexer/rotate.go:61', 'creating daily index', { index, shards: 3, replicas: 1 })],
      [137 - shift, health(137 - shift)],
      [77 - shift, health(77 - shift)],
      [17 - shift, health(17 - shift)],
    ];
    for (let t = 194 - shift; t > 0.2; t -= 5) {
      entries.push([t, zap(t, 'error', 'indexer/rotate.go:88', 'create index failed', { index, status: 400, error: esError, retry_in: '5m0s' })]);
      const b = t - 0.02;
      entries.push([b, b > spoolFullAt
        ? zap(b, 'warn', 'indexer/bulk.go:142', 'bulk request failed for every item; spooling batch', { index, docs: 5000, first_error: 'validation_exception', spool_bytes: Math.round(spoolMax * Math.min(1, (194 - b) / (194 - spoolFullAt))) })
        : zap(b, 'error', 'indexer/spool.go:97', 'spool full, dropping batch', { index, docs: 5000, spool_bytes: spoolMax, spool_max_bytes: spoolMax, dropped_total: Math.round((spoolFullAt - b) * 41_000 + 5000) })]);
    }
    return lines(...entries.sort((x, y) => y[0] - x[0]).map(([, l]) => l));
  };
  const ecs = (minutes: number, level: string, logger: string, node: string, message: string) => `{"@timestamp":"${at(minutes)}", "log.level": "${level}", "message":"${message}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${node}][generic][T#3]","log.logger":"${logger}","elasticsearch.cluster.uuid":"Qm4xv0TzR7mJ0c2b3lqS8w","elasticsearch.node.id":"${uidOf(node).slice(0, 22)}","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"logging-es"}`;
  const esPod = podOf(es, 0);
  return {
    id: 'heldout32-elasticsearch-max-shards-daily-index',
    class: 'capacity',
    truth: 'At midnight log-indexer tried to create the daily index app-logs-2026.11.21 (3 primaries, 1 replica = 6 shards), and Elasticsearch (logging-es, StatefulSet elasticsearch-master, 3 data nodes, green) refused it with validation_exception: "this action would add [6] shards, but this cluster currently has [2998]/[3000] maximum normal shards open" — the cluster.max_shards_per_node limit (1000 × 3 nodes). Old indices pile up because the index-curator CronJob that deletes app-logs older than 14 days has been suspended for 11 days. Since 00:00 every bulk request fails, the indexer spools to its 2 GiB buffer, which filled 30 minutes ago; since then it drops batches and reports unready. Elasticsearch itself and the indexer\'s revision 12 (14 h ago) are fine. Fix: delete or close old app-logs indices (and unsuspend index-curator), or raise cluster.max_shards_per_node temporarily; the indexer will then create the index and drain its spool.',
    ask: { service: 'log-indexer', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...esClaims, ...indexer.objects, ...curator.objects, ...kibana.objects,
      service({ namespace: ns, name: 'elasticsearch-master-headless', selector: { app: 'elasticsearch-master' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], createdAgo: 420 * DAYS }),
      ...exposed({ namespace: ns, name: 'elasticsearch-master', selector: { app: 'elasticsearch-master' }, pods: es.pods, clusterIP: '10.12.44.180', ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9200, createdAgo: 420 * DAYS }),
      ...exposed({ namespace: ns, name: 'log-indexer-metrics', selector: { app: 'log-indexer' }, pods: indexer.pods, clusterIP: '10.12.51.9', ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'kibana', selector: { app: 'kibana' }, pods: kibana.pods, clusterIP: '10.12.60.77' }),
      ...[ix0, ix1].map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 176 - i * 5, firstAgo: 30.4 - i * 0.8, lastAgo: 0.2 + i * 0.1 })),
    ],
    logs: [
      logsFor(ix0, 'app', { current: indexerLogs(0) }),
      logsFor(ix1, 'app', { current: indexerLogs(1) }),
      logsFor(esPod, 'elasticsearch', {
        current: lines(
          ecs(181.2, 'INFO', 'org.elasticsearch.xpack.slm.SnapshotRetentionTask', 'elasticsearch-master-0', 'starting SLM retention snapshot cleanup task'),
          ecs(181.1, 'INFO', 'org.elasticsearch.xpack.slm.SnapshotRetentionTask', 'elasticsearch-master-0', 'SLM retention snapshot cleanup task complete'),
          ecs(64.0, 'INFO', 'org.elasticsearch.xpack.slm.SnapshotLifecycleTask', 'elasticsearch-master-0', 'snapshot lifecycle policy [hourly-snapshots] issuing create snapshot [hourly-2026.11.21-02.10-hq3xk1rzq8-c4aypm0t0aw]'),
          ecs(62.7, 'INFO', 'org.elasticsearch.snapshots.SnapshotsService', 'elasticsearch-master-0', 'snapshot [gcs-backups:hourly-2026.11.21-02.10-hq3xk1rzq8-c4aypm0t0aw/xW3v9mQ5TZ2fS6JbDqk1gA] completed with state [SUCCESS]'),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shard/i, /max(imum)?[ _]?(normal )?shards|shards?[ _]per[ _]node|shard (limit|cap)|\b3000\b|\b1000\b/i],
      facts: [/validation_exception|maximum normal shards|max_shards_per_node/i, /2998\]?\s*\/\s*\[?3000|\b3000\b/, /app-logs-2026\.11\.21/, /spool|drop/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /disk (full|space|pressure)|watermark/i, /elasticsearch-master[^\n]*(down|crash|unavailable|not ready)/i, /kibana/i],
    },
  };
}

// ---- 7. healthy control: a Kafka consumer that warned through a broker rolling restart 2 h ago ----

function kafkaConsumerRecoveredAfterBrokerRoll(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.200', ['12', '97', '164']);
  const kafkaImage = 'docker.io/bitnami/kafka:3.8.1-debian-12-r0';
  const kafkaTpl = (heap: string) => ({
    containers: [container({
      name: 'kafka',
      image: kafkaImage,
      ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }, { name: 'interbroker', containerPort: 9094 }],
      cpu: '1',
      memory: '6Gi',
      env: [{ name: 'KAFKA_HEAP_OPTS', value: heap }, { name: 'KAFKA_CFG_PROCESS_ROLES', value: 'controller,broker' }],
      readiness: tcpProbe('client', { initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 6 }),
      liveness: execProbe(['pgrep', '-f', 'kafka'], { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }],
    })],
  });
  const kafka = statefulSetApp({
    namespace: 'kafka',
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    createdAgo: 500 * DAYS,
    revisions: [
      { revision: 8, createdAgo: 61 * DAYS, template: kafkaTpl('-Xmx3g -Xms3g') },
      { revision: 9, createdAgo: 131, template: kafkaTpl('-Xmx4g -Xms4g') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti' }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 120.6 },
      { revision: 9, ordinal: 1, node: names[1] ?? '', createdAgo: 125.4 },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 130.2 },
    ],
  });
  const kafkaClaims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: 'kafka', name: `data-kafka-${i}`, storage: '1Ti', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 500 * DAYS, labels: { app: 'kafka' } }));
  const image = `${ECR}/orders/order-events-consumer:7.4.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events-consumer',
    replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 19 * DAYS, changeCause: 'argocd: orders/order-events-consumer 7.4.0', template: { containers: [container({ image: `${ECR}/orders/order-events-consumer:7.4.0`, ports: [8080], memory: '1Gi', cpu: '500m' })] } },
      { revision: 31, createdAgo: 5 * DAYS, changeCause: 'argocd: orders/order-events-consumer 7.4.1', template: { containers: [container({ image, ports: [8080], memory: '1Gi', cpu: '500m', env: [{ name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.kafka.svc.cluster.local:9092' }, { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'order-events' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 5 * DAYS - 1 - k })),
  });
  const other = bystander(ns, 'order-api', names, 38, { revisions: [88, 89], versions: ['12.0.3', '12.0.4'], olderAgo: 6 * DAYS });
  const brokers = [0, 1, 2].map((i) => ({ id: i, host: `kafka-${i}.kafka-headless.kafka.svc.cluster.local`, ip: ipOfPod(podOf(kafka, i)) }));
  const spring = (minutes: number, level: string, thread: string, logger: string, msg: string) => `${at(minutes)} ${level.padStart(5)} 1 --- [order-events-consumer] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const consumerLogs = (k: number) => {
    const client = `consumer-order-events-${k + 1}`;
    const tag = `[Consumer clientId=${client}, groupId=order-events]`;
    const parts = [k * 3, k * 3 + 1, k * 3 + 2].map((p) => `orders.events.v1-${p}`);
    const bounce = (minutes: number, broker: number, generation: number) => [
      spring(minutes, 'WARN', 'ntainer#0-0-C-1', 'org.apache.kafka.clients.NetworkClient', `${tag} Connection to node ${broker} (${brokers[broker]?.host ?? ''}/${brokers[broker]?.ip ?? ''}:9092) could not be established. Node may not be available.`),
      spring(minutes - 0.01, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} Group coordinator ${brokers[broker]?.host ?? ''}:9092 (id: ${2147483647 - broker} rack: null) is unavailable or invalid due to cause: coordinator unavailable. isDisconnected: true. Rediscovery will be attempted.`),
      spring(minutes - 0.02, 'WARN', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} Offset commit failed on partition ${parts[0] ?? ''} at offset ${18344120 + broker * 9211 + k}: The coordinator is not available.`),
      spring(minutes - 0.03, 'WARN', 'kafka-producer-network-thread | producer-1', 'o.a.k.c.producer.internals.Sender', `[Producer clientId=producer-1] Got error produce response with correlation id ${88123 + broker * 417} on topic-partition orders.audit.v1-${broker}, retrying (2147483646 attempts left). Error: NOT_LEADER_OR_FOLLOWER`),
      spring(minutes - 0.03, 'WARN', 'kafka-producer-network-thread | producer-1', 'o.a.k.c.producer.internals.Sender', `[Producer clientId=producer-1] Received invalid metadata error in produce request on partition orders.audit.v1-${broker} due to org.apache.kafka.common.errors.NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.. Going to request metadata update now`),
      spring(minutes - 0.05, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} Discovered group coordinator ${brokers[(broker + 1) % 3]?.host ?? ''}:9092 (id: ${2147483647 - ((broker + 1) % 3)} rack: null)`),
      spring(minutes - 0.08, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} Request joining group due to: group is already rebalancing`),
      spring(minutes - 0.09, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} (Re-)joining group`),
      spring(minutes - 0.3, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} Successfully joined group with generation Generation{generationId=${generation}, memberId='${client}-${uidOf(`member/${k}/${generation}`)}', protocol='cooperative-sticky'}`),
      spring(minutes - 0.31, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${tag} Successfully synced group in generation Generation{generationId=${generation}, memberId='${client}-${uidOf(`member/${k}/${generation}`)}', protocol='cooperative-sticky'}`),
      spring(minutes - 0.32, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `order-events: partitions assigned: [${parts.join(', ')}]`),
    ];
    return lines(
      spring(136, 'INFO', 'scheduling-1', 'c.a.orders.events.ThroughputReporter', `processed 9214 events in last 300s on [${parts.join(', ')}], max lag 31, p99 handle 11 ms`),
      ...bounce(130.9 - k * 0.02, 2, 412),
      ...bounce(126.1 - k * 0.02, 1, 413),
      ...bounce(121.3 - k * 0.02, 0, 414),
      spring(118.4, 'INFO', 'scheduling-1', 'c.a.orders.events.ThroughputReporter', `processed 8107 events in last 300s on [${parts.join(', ')}], max lag 1842, p99 handle 14 ms`),
      block(every(113.4, 0.4, 300, (t, i) => `${spring(t, 'INFO', 'scheduling-1', 'c.a.orders.events.ThroughputReporter', `processed ${9100 + ((i * 131 + k * 17) % 400)} events in last 300s on [${parts.join(', ')}], max lag ${i === 0 ? 212 : 18 + ((i * 7 + k) % 23)}, p99 handle ${10 + ((i + k) % 4)} ms`)}\n`)),
    );
  };
  const kafkaLog = (i: number, startedAgo: number) => lines(
    `[${at(startedAgo).replace('T', ' ').replace('Z', '').replace('.', ',')}] INFO [KafkaRaftServer nodeId=${i}] Kafka Server started (kafka.server.KafkaRaftServer)`,
    `[${at(startedAgo - 0.4).replace('T', ' ').replace('Z', '').replace('.', ',')}] INFO [Broker id=${i}] Transitioning 212 partition(s) to local leaders. (state.change.logger)`,
    `[${at(3.2).replace('T', ' ').replace('Z', '').replace('.', ',')}] INFO [GroupCoordinator ${i}]: Member consumer-audit-sink-2-${uidOf(`as/${i}`)} in group audit-sink has left group through explicit \`LeaveGroup\` request; client reason: the consumer unsubscribed from all topics (kafka.coordinator.group.GroupCoordinator)`,
  );
  return {
    id: 'heldout32-healthy-kafka-consumer-after-broker-roll',
    class: 'healthy',
    truth: 'Two hours ago the Kafka StatefulSet (namespace kafka) rolled its three brokers one by one for a heap change (revision 9). While each broker restarted, order-events-consumer logged what any Kafka client logs then: connection refused to the node, coordinator unavailable, offset commits failing, NOT_LEADER_OR_FOLLOWER on its audit producer, a rebalance; lag peaked at 1842 and was drained within five minutes of the last broker. Since then all four pods are Ready with no restart, every partition is assigned and lag stays under 50. Nothing to do; the WARNs are history.',
    ask: { service: 'order-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, ...kafkaClaims, ...app.objects, ...other.objects,
      service({ namespace: 'kafka', name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }, { name: 'tcp-interbroker', port: 9094, targetPort: 'interbroker' }], createdAgo: 500 * DAYS }),
      ...exposed({ namespace: 'kafka', name: 'kafka', selector: { app: 'kafka' }, pods: kafka.pods, ports: [{ name: 'tcp-client', port: 9092, targetPort: 'client' }], endpointPort: 9092, createdAgo: 500 * DAYS }),
      ...exposed({ namespace: ns, name: 'order-events-consumer', selector: { app: 'order-events-consumer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/order-api:12.0.4`, 38),
      ...startedNormally(podOf(other, 1), 'app', `${ECR}/${ns}/order-api:12.0.4`, 37),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: consumerLogs(k) })),
      ...[0, 1, 2].map((i) => logsFor(podOf(kafka, i), 'kafka', { current: kafkaLog(i, [120.4, 125.2, 130.0][i] ?? 120) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active |ongoing )?(problem|issue|incident|failure|error)s?|nothing (to do|wrong|needs)|running normally|all \d+ (pods|replicas)/i],
      facts: [/order-events-consumer/, /4\/4|4 of 4|all 4|4 ready|4 replicas|4 pods/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /restart (the )?(consumer|pods?|deployment)|rollout restart/i, /lag (is )?(high|growing|increasing)/i, /order-api/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  nodeHeapFlagAboveLimit(),
  operatorEgressApiserverDnat(),
  statefulSetOnDeleteFixNotApplied(),
  readinessInitialDelay900(),
  nfsServerPendingMountTimeout(),
  elasticsearchMaxShardsDailyIndex(),
  kafkaConsumerRecoveredAfterBrokerRoll(),
];

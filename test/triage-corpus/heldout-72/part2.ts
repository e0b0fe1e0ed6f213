// Held-out stories, seventy-second round, part two: a renderer moved to the kata-qemu RuntimeClass
// whose pod overhead no longer fits on the sandbox nodes; new nodes of an Ubuntu 24.04 image whose
// kernel has no legacy iptables tables while kube-proxy still writes with iptables-legacy; an
// expand-less migration that dropped a column the old ReplicaSet's pods still select while the
// rollout is paused; a distroless Java base image that no longer reads JAVA_OPTS; a revision that
// pre-touches a 12 GiB heap before its 30-second startup probe gives up; bcrypt's async hashing
// filling libuv's four-thread pool so DNS lookups queue behind it; and a healthy control: a Puma
// server in cluster mode with one worker, warning about it at every start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, containerStatus, coreDns, crashLoop, daemonSetApp, deploymentApp, event,
  exposed, failedScheduling, hpa, httpProbe, nameOf, node, notTriggerScaleUp, probeFailed, probeKilling, restartedAgain,
  rsOf, running, scaledReplicaSet, scheduled, startedNormally, tcpProbe, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const NO_ROLLBACK = /roll(ing)? ?back to|undo the rollout|rollout undo/i;

/** klog's header: `I1121 03:12:41.563201       1 `. */
const klog = (sev: 'I' | 'W' | 'E', minutes: number, src: string): string => {
  const t = at(minutes);
  return `${sev}1121 ${t.slice(11, 23)}${String(Math.floor(minutes * 997) % 1000).padStart(3, '0')}       1 ${src}]`;
};

// ---- 1. kata-qemu RuntimeClass overhead: the pods no longer fit on the sandbox nodes -----------------

function kataOverheadPending(): CorpusScenario {
  const ns = 'docs';
  const { nodes: general, names } = threeEksNodes('10.0.96', ['14', '141', '205']);
  const kataNodes = ['10.0.97.38', '10.0.98.112'].map((ip, i) => node({
    name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'm6i.large', pool: 'sandboxed',
    labels: { 'sandbox.acme.io/runtime': 'kata', 'katacontainers.io/kata-runtime': 'true' },
    taints: [{ key: 'sandbox.acme.io/runtime', value: 'kata', effect: 'NoSchedule' }],
    allocatable: { cpu: '1930m', 'ephemeral-storage': '76224326324', memory: '7742940Ki', pods: '29' },
    createdAgo: 12 * DAYS,
  }));
  const kataNames = kataNodes.map(nameOf);
  const image = (v: string) => `${ECR}/docs/pdf-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '3Gi',
      env: [{ name: 'RENDER_WORKERS', value: '4' }, { name: 'CHROMIUM_FLAGS', value: '--headless=new --disable-gpu' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
    })],
  });
  const sandboxed = {
    ...tpl('2.9.0'),
    nodeSelector: { 'sandbox.acme.io/runtime': 'kata' },
    tolerations: [{ key: 'sandbox.acme.io/runtime', operator: 'Equal', value: 'kata', effect: 'NoSchedule' }],
    annotations: { 'acme.io/sandbox-reason': 'SEC-2291 untrusted HTML rendering' },
  };
  const unsched = '0/5 nodes are available: 2 Insufficient memory, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-renderer',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: pdf-renderer 2.8.4', template: tpl('2.8.4') },
      { revision: 18, createdAgo: 47, changeCause: 'argocd: pdf-renderer 2.9.0 (sandboxed: runtimeClassName kata-qemu)', template: sandboxed },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 17, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 18, node: kataNames[0] ?? '', createdAgo: 46.5 },
      { revision: 18, node: kataNames[1] ?? '', createdAgo: 43 },
      { revision: 18, node: null, createdAgo: 39.5, unschedulable: unsched },
    ],
  });
  // What the RuntimeClass admission controller writes into every pod of the kata-qemu class.
  const overhead = { cpu: '250m', memory: '512Mi' };
  const withRuntime = (spec: k8s.V1PodSpec | undefined, pod: boolean): k8s.V1PodSpec | undefined =>
    spec === undefined ? undefined : { ...spec, runtimeClassName: 'kata-qemu', ...(pod ? { overhead, preemptionPolicy: 'PreemptLowerPriority', priority: 0 } : {}) };
  app.pods.slice(2).forEach((p) => { p.spec = withRuntime(p.spec, true); });
  for (const o of [deploymentOf(app), replicaSetOf(app, 18)] as { spec?: { template?: k8s.V1PodTemplateSpec } }[]) {
    if (o.spec?.template) o.spec.template = { ...o.spec.template, spec: withRuntime(o.spec.template.spec, false) };
  }
  const logShipper = daemonSetApp({
    namespace: 'logging', name: 'fluent-bit', selector: { 'app.kubernetes.io/name': 'fluent-bit' },
    revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', ports: [2020], cpu: '100m', memory: '400Mi', readiness: null, liveness: httpProbe('/', 2020) })], tolerations: [{ operator: 'Exists' }] } }],
    pods: [...names, ...kataNames].map((n) => ({ revision: 6, node: n, createdAgo: 12 * DAYS })),
  });
  const other = bystander(ns, 'docs-api', names, 3 * HOURS, { revisions: [40, 41], versions: ['5.2.0', '5.3.0'], olderAgo: 11 * DAYS });
  const pending = podOf(app, 4);
  const rs18 = replicaSetOf(app, 18);
  const rs17 = replicaSetOf(app, 17);
  const dep = deploymentOf(app);
  const healthy = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: lines(
      `{"level":30,"time":"${at(3.1)}","msg":"render done","job":"inv-${nameOf(p).slice(-5)}-8812","pages":4,"ms":1840}`,
      `{"level":30,"time":"${at(0.6)}","msg":"render done","job":"inv-${nameOf(p).slice(-5)}-8830","pages":2,"ms":1113}`,
    ),
  });
  return {
    id: 'heldout72-runtimeclass-kata-overhead-pending',
    class: 'scheduling',
    truth: 'Revision 18 moved pdf-renderer to the kata-qemu RuntimeClass, whose pod overhead (250m CPU, 512Mi memory) admission adds to every pod, so each pod now needs 3.5Gi on the two m6i.large sandbox nodes; after one pod landed on each, the 3Gi request alone would still fit but 3Gi + 512Mi overhead does not, so the third new pod is Pending with "Insufficient memory" and the rollout is stuck with two revision-17 pods left. Fix: more or larger sandbox nodes (the sandboxed node group is at its maximum), or lower the request to account for the overhead.',
    ask: { service: 'pdf-renderer', namespace: ns },
    objects: [
      ...general, ...kataNodes, ...app.objects, ...logShipper.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'docs-api', selector: { app: 'docs-api' }, pods: other.pods }),
      scaledReplicaSet(dep, nameOf(rs18), 1, 0, 47),
      scaledReplicaSet(dep, nameOf(rs17), 3, 4, 44),
      scaledReplicaSet(dep, nameOf(rs18), 2, 1, 44),
      scaledReplicaSet(dep, nameOf(rs17), 2, 3, 40),
      scaledReplicaSet(dep, nameOf(rs18), 3, 2, 40),
      ...startedNormally(podOf(app, 2), 'app', image('2.9.0'), 46.5),
      ...startedNormally(podOf(app, 3), 'app', image('2.9.0'), 43),
      failedScheduling(pending, unsched, { count: 27, firstAgo: 39.5, lastAgo: 0.8 }),
      notTriggerScaleUp(pending, '3 node(s) didn\'t match Node affinity, 1 max node group size reached', { count: 236, firstAgo: 39.3, lastAgo: 0.3 }),
      event({ on: other.pods[0] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(other.pods[0])}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 3 * HOURS - 1, lastAgo: 3 * HOURS - 1.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[0, 1, 3].map((i) => healthy(podOf(app, i))),
      logsFor(podOf(app, 2), 'app', { current: lines(`{"level":30,"time":"${at(46.2)}","msg":"pdf-renderer 2.9.0 listening","port":8080,"workers":4,"sandbox":"kata"}`, `{"level":30,"time":"${at(1.2)}","msg":"render done","job":"inv-q7-8827","pages":3,"ms":2210}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/overhead|kata|runtime ?class/i],
      facts: [/Insufficient memory/, /512Mi/],
      never: [/\bOOM/, /quota/i, /docs-api/],
    },
  };
}

// ---- 2. new node image: kube-proxy's iptables-legacy against an nft-only kernel --------------------

function kubeProxyIptablesNft(): CorpusScenario {
  const ns = 'orders';
  const { nodes: old, names: oldNames } = threeEksNodes('10.0.40', ['21', '133', '76']);
  const fresh = ['10.0.41.19', '10.0.42.207'].map((ip, i) => {
    const n = node({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general-ubuntu2404', createdAgo: 68, readySince: 66 });
    if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-1019-aws', containerRuntimeVersion: 'containerd://1.7.24' };
    if (n.status) n.status.addresses = [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: nameOf(n) }];
    if (n.metadata?.labels) n.metadata.labels['eks.amazonaws.com/nodegroup-image'] = 'ami-0c3f9a7e21d84b6e5';
    return n;
  });
  const newNames = fresh.map(nameOf);
  const proxy = daemonSetApp({
    namespace: 'kube-system', name: 'kube-proxy', selector: { 'k8s-app': 'kube-proxy' },
    revisions: [{ revision: 3, createdAgo: 120 * DAYS, template: { containers: [container({ name: 'kube-proxy', image: `${ECR}/platform/kube-proxy:v1.29.10-acme.2`, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], ports: [], cpu: '100m', memory: '64Mi', memoryLimit: null, readiness: null, liveness: null, securityContext: { privileged: true } })], priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists' }] } }],
    pods: [...oldNames.map((n) => ({ revision: 3, node: n, createdAgo: 40 * DAYS })), ...newNames.map((n, i) => ({ revision: 3, node: n, createdAgo: 66 - i }))],
  });
  const dns = coreDns([{ node: oldNames[0] ?? '', createdAgo: 40 * DAYS }, { node: oldNames[1] ?? '', createdAgo: 40 * DAYS }]);
  const image = (v: string) => `${ECR}/orders/order-api:${v}`;
  const tpl = {
    containers: [container({
      image: image('7.4.2'), ports: [8080], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'DB_HOST', value: 'orders-db.orders.svc.cluster.local' },
        { name: 'PAYMENTS_URL', value: 'http://payments-gateway.payments.svc.cluster.local' },
        { name: 'INVENTORY_URL', value: 'http://inventory.orders.svc.cluster.local' },
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  };
  const stuck = (sinceAgo: number) => running({ sinceAgo, ready: false });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 5,
    revisions: [{ revision: 63, createdAgo: 6 * DAYS, changeCause: 'argocd: order-api 7.4.2', template: tpl }],
    pods: [
      { revision: 63, node: oldNames[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 63, node: oldNames[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 63, node: oldNames[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 63, node: newNames[0] ?? '', createdAgo: 52, containers: { app: stuck(51.6) } },
      { revision: 63, node: newNames[1] ?? '', createdAgo: 49, containers: { app: stuck(48.6) } },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const inventory = deploymentApp({
    namespace: ns, name: 'inventory', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/orders/inventory:3.1.0` })] } }],
    pods: [{ revision: 12, node: oldNames[2] ?? '', createdAgo: 20 * DAYS }, { revision: 12, node: oldNames[0] ?? '', createdAgo: 20 * DAYS }],
  });
  const db = deploymentApp({
    namespace: ns, name: 'orders-db', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [5432], memory: '2Gi', readiness: tcpProbe(5432), liveness: null })] } }],
    pods: [{ revision: 2, node: oldNames[1] ?? '', createdAgo: 31 * DAYS }],
  });
  const [bad0, bad1] = [podOf(app, 3), podOf(app, 4)];
  const kpNew0 = podOf(proxy, 3);
  const kpNew1 = podOf(proxy, 4);
  const kpOld = podOf(proxy, 0);
  const kpLog = (startAgo: number, nodeIp: string) => {
    const out = [
      `${klog('I', startAgo, 'server_linux.go:69')} "Using iptables proxy"`,
      `${klog('I', startAgo - 0.01, 'server.go:1059')} "Successfully retrieved node IP(s)" IPs=["${nodeIp}"]`,
      `${klog('I', startAgo - 0.01, 'server_linux.go:165')} "Using iptables Proxier"`,
      `${klog('I', startAgo - 0.01, 'proxier.go:243')} "Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses"`,
      `${klog('I', startAgo - 0.02, 'server.go:872')} "Version info" version="v1.29.10"`,
      `${klog('I', startAgo - 0.03, 'config.go:188')} "Starting service config controller"`,
      `${klog('I', startAgo - 0.03, 'config.go:97')} "Starting endpoint slice config controller"`,
      `${klog('I', startAgo - 0.05, 'shared_informer.go:320')} "Caches are synced for service config"`,
      `${klog('I', startAgo - 0.05, 'shared_informer.go:320')} "Caches are synced for endpoint slice config"`,
    ];
    for (let t = startAgo - 0.06; t > 0.2; t -= 9.5) {
      out.push(
        `${klog('E', t, 'proxier.go:1564')} "Failed to execute iptables-restore" err=<`,
        '\texit status 2: iptables-restore v1.8.9 (legacy): iptables-restore: unable to initialize table \'nat\'',
        '\t',
        '\tError occurred at line: 1',
        '\tTry `iptables-restore -h\' or \'iptables-restore --help\' for more information.',
        ' >',
        `${klog('I', t, 'proxier.go:810')} "Sync failed" retryingTime="30s"`,
        `${klog('W', t - 0.01, 'iptables.go:210')} "Failed to ensure chain exists" err="error creating chain \\"KUBE-EXTERNAL-SERVICES\\": exit status 3: modprobe: FATAL: Module ip_tables not found in directory /lib/modules/6.8.0-1019-aws\\niptables v1.8.9 (legacy): can't initialize iptables table \`filter': Table does not exist (do you need to insmod?)\\nPerhaps iptables or your kernel needs to be upgraded.\\n" table="filter" chain="KUBE-EXTERNAL-SERVICES"`,
      );
    }
    return lines(...out);
  };
  const appFail = (p: k8s.V1Pod, startAgo: number) => {
    const ip = ipOfPod(p);
    const out = [
      `{"level":"info","ts":"${at(startAgo)}","msg":"order-api starting","version":"7.4.2"}`,
      `{"level":"info","ts":"${at(startAgo - 0.01)}","msg":"http listening","addr":":8080"}`,
    ];
    for (let t = startAgo - 0.2, i = 0; t > 0.3; t -= 3.7, i++) {
      out.push(`{"level":"error","ts":"${at(t)}","msg":"db ping failed","host":"orders-db.orders.svc.cluster.local","error":"dial tcp: lookup orders-db.orders.svc.cluster.local on 172.20.0.10:53: read udp ${ip}:${41000 + i * 37}->172.20.0.10:53: i/o timeout"}`);
      if (i % 3 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.05)}","msg":"readiness check failed","checks":{"postgres":"timeout","inventory":"timeout"}}`);
    }
    return lines(...out);
  };
  const other = bystander(ns, 'order-events-consumer', oldNames, 5 * HOURS, { revisions: [18, 19], versions: ['1.6.0', '1.6.1'], olderAgo: 15 * DAYS });
  return {
    id: 'heldout72-kube-proxy-iptables-nft-new-ami',
    class: 'network',
    truth: 'The new general-ubuntu2404 node group (Ubuntu 24.04, kernel 6.8) ships only the nf_tables backend, while the self-managed kube-proxy image (platform/kube-proxy:v1.29.10-acme.2) runs iptables in legacy mode: on the two new nodes every iptables-restore fails ("unable to initialize table \'nat\'", Module ip_tables not found), so no Service rules exist there and order-api\'s pods on those nodes time out to every ClusterIP, kube-dns 172.20.0.10 included, and never turn ready; its three pods on the old Amazon Linux nodes are fine. Fix: run kube-proxy in nft mode (or a kube-proxy image whose iptables wrapper picks nft) on the new image, or cordon the new nodes.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...old, ...fresh, ...proxy.objects, ...dns.objects, ...app.objects, ...inventory.objects, ...db.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inventory.pods }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'order-events-consumer', selector: { app: 'order-events-consumer' }, pods: other.pods }),
      ...newNames.flatMap((n, i) => [
        event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${n} event: Registered Node ${n} in Controller`, firstAgo: 67 - i, lastAgo: 67 - i, component: 'node-controller' }),
        event({ on: { kind: 'Node', name: n }, type: 'Normal', reason: 'NodeReady', message: `Node ${n} status is now: NodeReady`, firstAgo: 66 - i, lastAgo: 66 - i }),
      ]),
      ...startedNormally(bad0, 'app', image('7.4.2'), 52),
      ...startedNormally(bad1, 'app', image('7.4.2'), 49),
      probeFailed(bad0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 301, firstAgo: 51.5, lastAgo: 0.2 }),
      probeFailed(bad1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 283, firstAgo: 48.5, lastAgo: 0.1 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 53, lastAgo: 53, component: 'horizontal-pod-autoscaler' }),
      hpa({ namespace: ns, name: 'order-api', target: { kind: 'Deployment', name: 'order-api' }, min: 3, max: 10, current: 5, desired: 5, cpu: { current: 58, target: 70 } }),
      event({ on: podOf({ ...dns, uid: '' }, 1), reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 1, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS, fieldPath: 'spec.containers{coredns}' }),
    ],
    logs: [
      logsFor(kpNew0, 'kube-proxy', { current: kpLog(66, '10.0.41.19') }),
      logsFor(kpNew1, 'kube-proxy', { current: kpLog(65, '10.0.42.207') }),
      logsFor(kpOld, 'kube-proxy', { current: lines(`${klog('I', 40 * DAYS, 'server_linux.go:69')} "Using iptables proxy"`, `${klog('I', 40 * DAYS, 'server_linux.go:165')} "Using iptables Proxier"`, `${klog('I', 40 * DAYS - 0.05, 'shared_informer.go:320')} "Caches are synced for service config"`, `${klog('I', 66, 'proxier.go:805')} "SyncProxyRules complete" elapsed="412.771ms"`) }),
      logsFor(bad0, 'app', { current: appFail(bad0, 51.7) }),
      logsFor(bad1, 'app', { current: appFail(bad1, 48.7) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.9)}","msg":"request","method":"POST","path":"/v2/orders","status":201,"duration_ms":48}`, `{"level":"info","ts":"${at(0.4)}","msg":"request","method":"GET","path":"/v2/orders/ORD-88213","status":200,"duration_ms":9}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kube-proxy|iptables|nft|nf_tables|legacy/i],
      facts: [/i\/o timeout|172\.20\.0\.10/, /general-ubuntu2404|Ubuntu 24\.04|ip-10-0-41-19|ip-10-0-42-207/],
      never: [/coredns[^\n]*(down|crash|fail|overload)/i, NO_ROLLBACK, /orders-db[^\n]*(down|crash)/i],
    },
  };
}

// ---- 3. a migration that dropped a column the old ReplicaSet's pods still select -------------------

function migrationDropsColumn(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.130', ['44', '162', '9']);
  const image = (v: string) => `${ECR}/commerce/orders-service:${v}`;
  const dbUrl = { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'orders-service-db', key: 'url' } } };
  const tpl = (v: string, migrate: boolean) => ({
    ...(migrate ? { initContainers: [container({ name: 'migrate', image: image(v), command: ['alembic', 'upgrade', 'head'], env: [dbUrl], ports: [], readiness: null, liveness: null, cpu: '100m', memory: '256Mi' })] } : {}),
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['gunicorn', 'orders.wsgi:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8000'],
      env: [dbUrl, { name: 'SQLALCHEMY_POOL_SIZE', value: '10' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-service',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: orders-service 2024.11.2', template: tpl('2024.11.2', true) },
      { revision: 42, createdAgo: 38, changeCause: 'argocd: orders-service 2024.11.3', template: tpl('2024.11.3', true) },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 42, node: names[2] ?? '', createdAgo: 37.5 },
      { revision: 42, node: names[0] ?? '', createdAgo: 36.8 },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: new Date(Date.parse(at(12 * DAYS))), lastTransitionTime: new Date(Date.parse(at(12 * DAYS))) },
      { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: new Date(Date.parse(at(35))), lastTransitionTime: new Date(Date.parse(at(35))) },
    ],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.spec) dep.spec.paused = true;
  if (dep.metadata) dep.metadata.annotations = { ...dep.metadata.annotations, 'argocd.argoproj.io/sync-wave': '0', 'deploy.acme.io/canary-gate': 'paused at 50% pending checkout-smoke analysis' };
  const old0 = podOf(app, 0);
  const old1 = podOf(app, 1);
  const new0 = podOf(app, 2);
  const new1 = podOf(app, 3);
  const other = bystander(ns, 'cart-service', names, 2 * HOURS, { revisions: [77, 78], versions: ['3.4.0', '3.4.1'], olderAgo: 9 * DAYS });
  const oldLog = (p: k8s.V1Pod) => {
    const out = [`[${at(12 * DAYS).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`];
    for (let t = 36, i = 0; t > 0.2; t -= 1.9, i++) {
      const id = 4180000 + i * 17;
      out.push(
        `{"ts":"${at(t)}","level":"ERROR","logger":"orders.api","msg":"Exception on GET /v1/orders/${id}","request_id":"${nameOf(p).slice(-5)}-${i}","exc_info":"Traceback (most recent call last):\\n  File \\"/app/.venv/lib/python3.12/site-packages/sqlalchemy/engine/base.py\\", line 1967, in _exec_single_context\\n    self.dialect.do_execute(\\npsycopg2.errors.UndefinedColumn: column orders.legacy_status does not exist\\nLINE 1: ...orders.total_cents AS orders_total_cents, orders.legacy_st...\\n                                                             ^\\n\\nThe above exception was the direct cause of the following exception:\\n\\nsqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedColumn) column orders.legacy_status does not exist\\nLINE 1: ...orders.total_cents AS orders_total_cents, orders.legacy_st...\\n[SQL: SELECT orders.id AS orders_id, orders.customer_id AS orders_customer_id, orders.total_cents AS orders_total_cents, orders.legacy_status AS orders_legacy_status, orders.created_at AS orders_created_at FROM orders WHERE orders.id = %(pk_1)s]\\n(Background on this error at: https://sqlalche.me/e/20/f405)"}`,
        `{"ts":"${at(t - 0.001)}","level":"INFO","logger":"uvicorn.access","msg":"10.0.130.${20 + (i % 9)}:0 - \\"GET /v1/orders/${id} HTTP/1.1\\" 500"}`,
      );
      if (i % 4 === 0) out.push(`{"ts":"${at(t - 0.3)}","level":"INFO","logger":"uvicorn.access","msg":"10.0.130.21:0 - \\"GET /healthz HTTP/1.1\\" 200"}`);
    }
    return lines(...out);
  };
  const newLog = lines(
    `{"ts":"${at(37)}","level":"INFO","logger":"orders.app","msg":"orders-service 2024.11.3 ready","fulfillment_state":"enabled"}`,
    `{"ts":"${at(0.8)}","level":"INFO","logger":"uvicorn.access","msg":"10.0.130.24:0 - \\"GET /v1/orders/4180912 HTTP/1.1\\" 200"}`,
    `{"ts":"${at(0.5)}","level":"INFO","logger":"uvicorn.access","msg":"10.0.130.27:0 - \\"POST /v1/orders HTTP/1.1\\" 201"}`,
  );
  const migrateLog = lines(
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    'INFO  [alembic.runtime.migration] Running upgrade 7f3c2a91d0be -> 9b1e44c2f7a3, orders: replace legacy_status with fulfillment_state',
  );
  return {
    id: 'heldout72-migration-drops-column-old-pods',
    class: 'rollout',
    truth: 'Revision 42\'s migrate init container ran alembic 9b1e44c2f7a3, which replaced orders.legacy_status with fulfillment_state in one step (no expand/contract). The rollout is paused at 50% by the canary gate, so the two revision-41 pods still serve half the traffic and every query they make selects the dropped column ("column orders.legacy_status does not exist") → ~50% of requests 500. Rolling back would put all traffic on code that needs the dropped column; finishing the rollout (resume) ends the errors.',
    ask: { service: 'orders-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-service', selector: { app: 'orders-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 42), 1, 0, 38),
      scaledReplicaSet(dep, rsOf(app, 41), 3, 4, 38),
      scaledReplicaSet(dep, rsOf(app, 42), 2, 1, 37),
      scaledReplicaSet(dep, rsOf(app, 41), 2, 3, 36),
      ...startedNormally(new0, 'migrate', image('2024.11.3'), 37.5).map((e) => ({ ...e, involvedObject: { ...e.involvedObject, ...(e.reason === 'Scheduled' ? {} : { fieldPath: 'spec.initContainers{migrate}' }) } })),
      ...restartedAgain(new0, 'app', image('2024.11.3'), { count: 1, firstAgo: 37.1, lastAgo: 37.1 }),
      ...startedNormally(new1, 'app', image('2024.11.3'), 36.8),
      event({ on: old1, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(old1)}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(old0, 'app', { current: oldLog(old0) }),
      logsFor(old1, 'app', { current: oldLog(old1) }),
      logsFor(new0, 'migrate', { current: migrateLog }),
      logsFor(new0, 'app', { current: newLog }),
      logsFor(new1, 'app', { current: newLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/legacy_status|UndefinedColumn|column/i],
      facts: [/does not exist/, /migrat|alembic/i, /revision 41|paused/i],
      never: [NO_ROLLBACK, /\bOOM/, /cart-service/],
    },
  };
}

// ---- 4. distroless Java base image: JAVA_OPTS no longer read, heap sized by default ---------------

function javaOptsIgnored(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.150', ['61', '178', '33']);
  const image = (v: string) => `${ECR}/pricing/quote-service:${v}`;
  const javaOpts = { name: 'JAVA_OPTS', value: '-Xms2g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -XX:+ExitOnOutOfMemoryError' };
  const tpl = (v: string, distroless: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '3Gi',
      ...(distroless ? { command: ['java', '-jar', '/app/quote-service.jar'] } : {}),
      env: [javaOpts, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SERVER_TOMCAT_THREADS_MAX', value: '200' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 2 }),
    })],
  });
  const last = { exitCode: 143, reason: 'Error', finishedAgo: 4.2, ranSeconds: 1260 };
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 16 * DAYS, changeCause: 'argocd: quote-service 5.1.7', template: tpl('5.1.7', false) },
      { revision: 24, createdAgo: 5 * HOURS, changeCause: 'argocd: quote-service 5.2.0 (base image gcr.io/distroless/java21-debian12)', template: tpl('5.2.0', true) },
    ],
    pods: [
      { revision: 24, node: names[0] ?? '', createdAgo: 5 * HOURS - 1, containers: { app: running({ sinceAgo: 4.1, ready: false, restarts: 3, last }) } },
      { revision: 24, node: names[1] ?? '', createdAgo: 5 * HOURS - 3, containers: { app: running({ sinceAgo: 11, restarts: 2, last: { ...last, finishedAgo: 11.1 } }) } },
      { revision: 24, node: names[2] ?? '', createdAgo: 5 * HOURS - 5, containers: { app: running({ sinceAgo: 23, ready: false, restarts: 3, last: { ...last, finishedAgo: 23.1 } }) } },
    ],
    settled: { available: true, availableSince: 4, progressingSince: 5 * HOURS, progressingUpdatedAgo: 5 * HOURS - 6 },
  });
  const p0 = podOf(app, 0);
  const p1 = podOf(app, 1);
  const p2 = podOf(app, 2);
  const other = bystander(ns, 'fx-rates', names, 26 * HOURS, { revisions: [9, 10], versions: ['1.3.0', '1.3.1'], olderAgo: 30 * DAYS });
  const boot = (startAgo: number, pid: number) => [
    `  .   ____          _            __ _ _`,
    ` :: Spring Boot ::                (v3.3.5)`,
    `${at(startAgo)}  INFO ${pid} --- [quote-service] [           main] c.a.p.quote.QuoteServiceApplication      : Starting QuoteServiceApplication v5.2.0 using Java 21.0.5 with PID ${pid} (/app/quote-service.jar started by nonroot in /)`,
    `${at(startAgo - 0.05)}  INFO ${pid} --- [quote-service] [           main] c.a.p.quote.QuoteServiceApplication      : The following 1 profile is active: "prod"`,
    `${at(startAgo - 0.3)}  INFO ${pid} --- [quote-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    `${at(startAgo - 0.31)}  INFO ${pid} --- [quote-service] [           main] c.a.p.quote.QuoteServiceApplication      : Started QuoteServiceApplication in 17.902 seconds (process running for 18.611)`,
    `${at(startAgo - 0.35)}  INFO ${pid} --- [quote-service] [           main] c.a.p.quote.cache.CurveCache             : loaded 48211 pricing curves (tenant=all)`,
  ];
  const oom = (t: number, pid: number, k: number) => [
    `${at(t)}  WARN ${pid} --- [quote-service] [nio-8080-exec-${17 + k}] c.a.p.quote.batch.BatchQuoteController   : batch quote slow: 1240 instruments, 8412 ms`,
    `${at(t - 0.02)} ERROR ${pid} --- [quote-service] [nio-8080-exec-${31 + k}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: java.lang.OutOfMemoryError: Java heap space] with root cause`,
    '',
    'java.lang.OutOfMemoryError: Java heap space',
    '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)',
    '\tat java.base/java.util.ArrayList.grow(ArrayList.java:237)',
    '\tat com.acme.pricing.quote.engine.ScenarioGrid.expand(ScenarioGrid.java:118)',
    '\tat com.acme.pricing.quote.engine.QuoteEngine.priceBatch(QuoteEngine.java:204)',
    '\tat com.acme.pricing.quote.batch.BatchQuoteController.quote(BatchQuoteController.java:61)',
    `Exception in thread "http-nio-8080-Poller" java.lang.OutOfMemoryError: Java heap space`,
    `${at(t - 0.1)}  WARN ${pid} --- [quote-service] [nio-8080-exec-${9 + k}] o.s.b.a.health.HealthEndpointSupport      : Health contributor db (db) took 1873ms to respond`,
  ];
  const prevLog = (endAgo: number) => lines(...boot(endAgo + 21, 1), ...oom(endAgo + 3, 1, 0), ...oom(endAgo + 1, 1, 2), ...oom(endAgo + 0.2, 1, 4));
  const curLog = (startAgo: number, failing: boolean) => lines(...boot(startAgo, 1), ...(failing ? [...oom(Math.max(0.5, startAgo - 3), 1, 1), ...oom(0.3, 1, 3)] : [`${at(0.4)}  INFO 1 --- [quote-service] [nio-8080-exec-3] c.a.p.quote.batch.BatchQuoteController   : batch quote: 210 instruments, 640 ms`]));
  return {
    id: 'heldout72-java-opts-ignored-new-base-image',
    class: 'containers',
    truth: 'Revision 24 (quote-service 5.2.0) moved to the distroless java21 base image and starts `java -jar` directly; the old image\'s entrypoint script expanded $JAVA_OPTS, the JVM itself does not, so -Xmx2g (and ExitOnOutOfMemoryError) is silently ignored and the heap defaults to 25% of the 3Gi limit (768Mi): under the batch-quote load the service throws "java.lang.OutOfMemoryError: Java heap space", stops answering its liveness probe and is restarted (exit 143, never OOMKilled). Fix: pass the flags in JAVA_TOOL_OPTIONS (the JVM reads it and prints "Picked up JAVA_TOOL_OPTIONS").',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      probeFailed(p0, 'app', 'Liveness', `Get "http://${ipOfPod(p0)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9, firstAgo: 4 * HOURS, lastAgo: 4.4 }),
      probeFailed(p2, 'app', 'Liveness', `Get "http://${ipOfPod(p2)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9, firstAgo: 3 * HOURS, lastAgo: 23.3 }),
      probeFailed(p1, 'app', 'Liveness', `Get "http://${ipOfPod(p1)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6, firstAgo: 2 * HOURS, lastAgo: 11.3 }),
      probeFailed(p0, 'app', 'Readiness', `Get "http://${ipOfPod(p0)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 41, firstAgo: 4 * HOURS, lastAgo: 0.3 }),
      probeFailed(p2, 'app', 'Readiness', `Get "http://${ipOfPod(p2)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 37, firstAgo: 3 * HOURS, lastAgo: 0.6 }),
      probeKilling(p0, 'app', 'liveness', { count: 3, firstAgo: 4 * HOURS, lastAgo: 4.3 }),
      probeKilling(p2, 'app', 'liveness', { count: 3, firstAgo: 3 * HOURS, lastAgo: 23.2 }),
      probeKilling(p1, 'app', 'liveness', { count: 2, firstAgo: 2 * HOURS, lastAgo: 11.2 }),
      ...restartedAgain(p0, 'app', image('5.2.0'), { count: 4, firstAgo: 5 * HOURS - 1, lastAgo: 4.1 }),
      configMap({ namespace: ns, name: 'quote-service-config', createdAgo: 200 * DAYS, updatedAgo: 16 * DAYS, data: { 'application-prod.yaml': 'quote:\n  batch:\n    max-instruments: 2000\n  curves:\n    preload: all\nspring:\n  datasource:\n    hikari:\n      maximum-pool-size: 20\n' } }),
    ],
    logs: [
      logsFor(p0, 'app', { current: curLog(4.1, true), previous: prevLog(4.2) }),
      logsFor(p1, 'app', { current: curLog(11, false), previous: prevLog(11.1) }),
      logsFor(p2, 'app', { current: curLog(23, true), previous: prevLog(23.1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/JAVA_OPTS|JAVA_TOOL_OPTIONS|-?Xmx|distroless|heap size/i],
      facts: [/Java heap space/, /JAVA_OPTS/],
      never: [/OOMKilled|\bOOM ?kill/i, /increase (the )?memory limit/i, /fx-rates/],
    },
  };
}

// ---- 5. AlwaysPreTouch of a 12 GiB heap outlasts the startup probe ---------------------------------

function alwaysPreTouchStartup(): CorpusScenario {
  const ns = 'search';
  const nodes = ['10.0.210.17', '10.0.211.88', '10.0.212.140'].map((ip, i) => node({
    name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', instanceType: 'r6i.2xlarge', pool: 'memory-optimized',
    allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63264436Ki', pods: '58' }, createdAgo: 25 * DAYS,
  }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/search/catalog-search:${v}`;
  const tpl = (v: string, opts: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '2', cpuLimit: '2', memory: '16Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }, { name: 'INDEX_DIR', value: '/data/index' }],
      startup: tcpProbe(8080, { periodSeconds: 5, failureThreshold: 6 }),
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080),
    })],
  });
  const oldOpts = '-Xms12g -Xmx12g -XX:+UseG1GC -Xlog:gc*:stdout:time,uptime,level,tags';
  const newOpts = '-Xms12g -Xmx12g -XX:+UseG1GC -XX:+AlwaysPreTouch -Xlog:gc*:stdout:time,uptime,level,tags';
  const last = { exitCode: 143, reason: 'Error', finishedAgo: 1.3, ranSeconds: 31 };
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-search',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 21 * DAYS, changeCause: 'argocd: catalog-search 4.6.1', template: tpl('4.6.1', oldOpts) },
      { revision: 9, createdAgo: 26, changeCause: 'argocd: catalog-search 4.6.1 (jvm: pre-touch heap to avoid page-fault latency)', template: tpl('4.6.1', newOpts) },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 21 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 21 * DAYS },
      { revision: 9, node: names[2] ?? '', createdAgo: 25.5, containers: { app: crashLoop(last, 8) } },
    ],
  });
  const pod = podOf(app, 2);
  const other = bystander(ns, 'search-suggest', names, 4 * HOURS, { revisions: [30, 31], versions: ['2.0.4', '2.0.5'], olderAgo: 14 * DAYS });
  const gcInit = (start: number) => [
    `[${at(start)}][0.006s][info][gc,init] Version: 21.0.5+11-LTS (release)`,
    `[${at(start)}][0.006s][info][gc,init] CPUs: 8 total, 2 available`,
    `[${at(start)}][0.006s][info][gc,init] Memory: 16384M`,
    `[${at(start)}][0.006s][info][gc,init] Large Page Support: Disabled`,
    `[${at(start)}][0.006s][info][gc,init] NUMA Support: Disabled`,
    `[${at(start)}][0.006s][info][gc,init] Compressed Oops: Enabled (Zero based)`,
    `[${at(start)}][0.006s][info][gc,init] Heap Region Size: 8M`,
    `[${at(start)}][0.006s][info][gc,init] Heap Min Capacity: 12G`,
    `[${at(start)}][0.006s][info][gc,init] Heap Initial Capacity: 12G`,
    `[${at(start)}][0.006s][info][gc,init] Heap Max Capacity: 12G`,
    `[${at(start)}][0.006s][info][gc,init] Pre-touch: ${start > 60 ? 'Disabled' : 'Enabled'}`,
    `[${at(start)}][0.006s][info][gc,init] Parallel Workers: 2`,
    `[${at(start)}][0.006s][info][gc,init] Concurrent Workers: 1`,
    `[${at(start)}][0.006s][info][gc,init] Concurrent Refinement Workers: 2`,
    `[${at(start)}][0.006s][info][gc,init] Periodic GC: Disabled`,
  ];
  const prev = lines(
    'Picked up JAVA_TOOL_OPTIONS: ' + newOpts,
    `[${at(1.8)}][0.004s][info][gc] Using G1`,
    ...gcInit(1.8),
  );
  const cur = lines('Picked up JAVA_TOOL_OPTIONS: ' + newOpts, `[${at(0.4)}][0.004s][info][gc] Using G1`, ...gcInit(0.4));
  const oldLog = lines(
    'Picked up JAVA_TOOL_OPTIONS: ' + oldOpts,
    `[${at(21 * DAYS)}][0.004s][info][gc] Using G1`,
    ...gcInit(21 * DAYS),
    `[${at(21 * DAYS - 0.25)}][14.902s][info][gc,start] GC(0) Pause Young (Normal) (G1 Evacuation Pause)`,
    `${at(21 * DAYS - 0.3)} INFO  c.a.s.CatalogSearchServer - index opened: 4.1M docs, 11.8 GiB on disk`,
    `${at(21 * DAYS - 0.31)} INFO  c.a.s.CatalogSearchServer - listening on :8080 (startup 18.4 s)`,
    `[${at(0.9)}][1814402.113s][info][gc] GC(20931) Pause Young (Normal) (G1 Evacuation Pause) 7412M->2318M(12288M) 38.114ms`,
  );
  const probeMsg = `dial tcp ${ipOfPod(pod)}:8080: connect: connection refused`;
  return {
    id: 'heldout72-jvm-alwayspretouch-startup-probe',
    class: 'probes',
    truth: 'Revision 9 added -XX:+AlwaysPreTouch to catalog-search\'s -Xms12g/-Xmx12g JVM: with 2 CPUs the JVM now spends well over 30 seconds touching all 12 GiB of heap before the server opens port 8080, longer than the startup probe allows (6 × 5 s), so the kubelet kills the container every time (exit 143, "Startup probe failed … connection refused") and the new pod crash-loops; no memory limit was hit. Fix: drop AlwaysPreTouch or give the startup probe a larger failureThreshold.',
    ask: { service: 'catalog-search', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 26),
      scheduled(pod, 25.5),
      ...restartedAgain(pod, 'app', image('4.6.1'), { count: 9, firstAgo: 25.4, lastAgo: 0.45 }),
      probeFailed(pod, 'app', 'Startup', probeMsg, { count: 53, firstAgo: 25.3, lastAgo: 0.05 }),
      probeKilling(pod, 'app', 'startup', { count: 8, firstAgo: 24.9, lastAgo: 1.3 }),
      backOff(pod, 'app', { count: 31, firstAgo: 22, lastAgo: 0.5 }),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8080/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(pod, 'app', { current: cur, previous: prev }),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
      logsFor(podOf(app, 1), 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/AlwaysPreTouch|pre-?touch|startup/i],
      facts: [/Startup probe failed/i, /12g|12G/],
      never: [/\bOOM/, /Insufficient/, /search-suggest/],
    },
  };
}

// ---- 6. bcrypt's async hashing fills libuv's four-thread pool; dns.lookup queues behind it ---------

function uvThreadpoolSaturated(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.88', ['12', '170', '231']);
  const dns = coreDns([{ node: names[0] ?? '', createdAgo: 40 * DAYS }, { node: names[2] ?? '', createdAgo: 9 * DAYS }]);
  const image = (v: string) => `${ECR}/identity/auth-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '1', memory: '512Mi',
      command: ['node', '--enable-source-maps', 'dist/server.js'],
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PG_HOST', value: 'identity-db.identity.svc.cluster.local' },
        { name: 'REDIS_URL', value: 'redis://sessions-redis.identity.svc.cluster.local:6379' },
        { name: 'BCRYPT_ROUNDS', value: '12' },
      ],
      readiness: httpProbe('/ready', 3000, { timeoutSeconds: 1, periodSeconds: 5 }),
      liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10, timeoutSeconds: 2 }),
    })],
  });
  const flap = (sinceAgo: number, ready: boolean) => ({ app: running({ sinceAgo, ready }) });
  const app = deploymentApp({
    namespace: ns,
    name: 'auth-service',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 13 * DAYS, changeCause: 'argocd: auth-service 3.7.4', template: tpl('3.7.4') },
      { revision: 57, createdAgo: 2 * DAYS, changeCause: 'argocd: auth-service 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 2 * DAYS, containers: flap(2 * DAYS, false) },
      { revision: 57, node: names[1] ?? '', createdAgo: 2 * DAYS, containers: flap(2 * DAYS, true) },
      { revision: 57, node: names[2] ?? '', createdAgo: 2 * DAYS, containers: flap(2 * DAYS, false) },
      { revision: 57, node: names[1] ?? '', createdAgo: 14, containers: flap(13.8, true) },
    ],
    settled: { available: true, availableSince: 2, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const redis = deploymentApp({
    namespace: ns, name: 'sessions-redis', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1', ports: [6379], memory: '256Mi', readiness: tcpProbe(6379), liveness: tcpProbe(6379) })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const other = bystander(ns, 'token-introspect', names, 6 * HOURS, { revisions: [21, 22], versions: ['1.9.2', '1.9.3'], olderAgo: 20 * DAYS });
  const pods = app.pods;
  const log = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [];
    for (let t = 24 - k * 0.3, i = 0; t > 0.2; t -= 0.55, i++) {
      const ms = 2300 + ((i * 733 + k * 97) % 4100);
      out.push(`{"level":30,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/login"},"res":{"statusCode":${i % 5 === 3 ? 503 : 200}},"responseTime":${ms},"msg":"request completed"}`);
      if (i % 4 === 1) out.push(`{"level":50,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"${nameOf(p)}","err":{"type":"Error","message":"getaddrinfo EAI_AGAIN identity-db.identity.svc.cluster.local","stack":"Error: getaddrinfo EAI_AGAIN identity-db.identity.svc.cluster.local\\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)","errno":-3001,"code":"EAI_AGAIN","syscall":"getaddrinfo","hostname":"identity-db.identity.svc.cluster.local"},"msg":"pg connect failed"}`);
      if (i % 6 === 2) out.push(`{"level":40,"time":${Date.parse(at(t - 0.02))},"pid":1,"hostname":"${nameOf(p)}","err":{"type":"Error","message":"Connection timeout","code":"ETIMEDOUT"},"target":"sessions-redis.identity.svc.cluster.local:6379","msg":"redis reconnecting"}`);
      if (i % 9 === 4) out.push(`{"level":40,"time":${Date.parse(at(t - 0.03))},"pid":1,"hostname":"${nameOf(p)}","check":"ready","durationMs":${1400 + i * 11},"deps":{"postgres":"timeout","redis":"ok"},"msg":"readiness check slow"}`);
      if (i % 10 === 0) out.push(`{"level":30,"time":${Date.parse(at(t - 0.04))},"pid":1,"hostname":"${nameOf(p)}","eventLoopDelayP99Ms":${11 + (i % 7)},"eventLoopUtilization":0.21,"heapUsedMb":${142 + (i % 13)},"rssMb":231,"msg":"runtime stats"}`);
    }
    return lines(...out);
  };
  const dnsLog = lines('[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.13, a6338e9');
  return {
    id: 'heldout72-node-uv-threadpool-saturated',
    class: 'containers',
    truth: 'auth-service 3.8.0 (revision 57) hashes passwords with bcrypt\'s async API at cost 12, which runs on libuv\'s threadpool (UV_THREADPOOL_SIZE unset, so 4 threads); under tonight\'s login spike the four threads are always busy hashing, so dns.lookup (getaddrinfo) and fs calls queue behind them: "getaddrinfo EAI_AGAIN" and timeouts to Postgres and Redis, readiness checks over their 1 s timeout and pods flapping Ready, while the event loop itself stays responsive and CoreDNS is fine. Fix: raise UV_THREADPOOL_SIZE (and/or move hashing to worker threads, lower cost), scale out.',
    ask: { service: 'auth-service', namespace: ns },
    objects: [
      ...nodes, ...dns.objects, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'auth-service', selector: { app: 'auth-service' }, pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'sessions-redis', selector: { app: 'sessions-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'token-introspect', selector: { app: 'token-introspect' }, pods: other.pods }),
      hpa({ namespace: ns, name: 'auth-service', target: { kind: 'Deployment', name: 'auth-service' }, min: 3, max: 4, current: 4, desired: 4, cpu: { current: 81, target: 70 } }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'auth-service', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target', firstAgo: 14.2, lastAgo: 14.2, component: 'horizontal-pod-autoscaler' }),
      ...startedNormally(podOf(app, 3), 'app', image('3.8.0'), 14),
      ...pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 88 - k * 9, firstAgo: k === 3 ? 13.9 : 24, lastAgo: 0.1 + k * 0.2 })),
      event({ on: podOf({ ...dns, uid: '' }, 1), type: 'Normal', reason: 'Killing', message: 'Stopping container coredns', count: 1, firstAgo: 9 * DAYS + 1, lastAgo: 9 * DAYS + 1, fieldPath: 'spec.containers{coredns}' }),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
      ...dns.pods.map((p) => logsFor(p, 'coredns', { current: dnsLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/thread ?pool|UV_THREADPOOL_SIZE|libuv|bcrypt/i],
      facts: [/EAI_AGAIN/, /bcrypt|UV_THREADPOOL_SIZE/i],
      never: [/coredns[^\n]*(down|fail|overload|crash|cause)/i, /\bOOM/, /event loop (is )?blocked/i],
    },
  };
}

// ---- 7. healthy control: Puma in cluster mode with a single worker ------------------------------

function healthyPumaSingleWorker(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.58', ['19', '144', '203']);
  const image = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '1Gi',
      command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'WEB_CONCURRENCY', value: '1' }, { name: 'RAILS_MAX_THREADS', value: '5' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }],
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 3,
    revisions: [
      { revision: 112, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-web 2026.11.14', template: tpl('2026.11.14') },
      { revision: 113, createdAgo: 95, changeCause: 'argocd: storefront-web 2026.11.20', template: tpl('2026.11.20') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 113, node: names[k] ?? '', createdAgo: 94 - k * 1.5 })),
  });
  const sidekiq = deploymentApp({
    namespace: ns, name: 'storefront-sidekiq', replicas: 2,
    revisions: [{ revision: 113, createdAgo: 95, template: { containers: [container({ name: 'sidekiq', image: image('2026.11.20'), command: ['bundle', 'exec', 'sidekiq'], ports: [], readiness: null, liveness: null, memory: '768Mi' })] } }],
    pods: [{ revision: 113, node: names[0] ?? '', createdAgo: 94 }, { revision: 113, node: names[2] ?? '', createdAgo: 93 }],
  });
  const puma = (p: k8s.V1Pod, startAgo: number) => {
    const ruby = (t: number, msg: string) => `I, [${at(t).replace('Z', '')}000 #12]  INFO -- : ${msg}`;
    const rid = (i: number) => `[${nameOf(p).slice(-5)}${(i * 7919).toString(16).padStart(6, '0').slice(0, 6)}-req]`;
    const out = [
      '[1] Puma starting in cluster mode...',
      '[1] * Puma version: 6.4.3 (ruby 3.3.6-p108) ("The Eagle of Durango")',
      '[1] *  Min threads: 5',
      '[1] *  Max threads: 5',
      '[1] *  Environment: production',
      '[1] *   Master PID: 1',
      '[1] *      Workers: 1',
      '[1] *     Restarts: (\u2714) hot (\u2716) phased',
      '[1] * Preloading application',
      '[1] * Listening on http://0.0.0.0:3000',
      '[1] ! WARNING: Detected running cluster mode with 1 worker.',
      '[1] ! Running Puma in cluster mode with a single worker is often a misconfiguration.',
      '[1] ! Consider running Puma in single-mode (workers = 0) in order to reduce memory overhead.',
      '[1] ! Set the `silence_single_worker_warning` option to silence this warning message.',
      '[1] Use Ctrl-C to stop',
      '[1] - Worker 0 (PID: 12) booted in 0.01s, phase: 0',
    ];
    const paths = ['/products/trail-runner-gtx', '/cart', '/collections/winter', '/products/merino-crew-sock', '/search?q=parka'];
    for (let i = 0; i < 8; i++) {
      const t = 4 - i * 0.45;
      const path = paths[i % paths.length] ?? '/';
      out.push(
        ruby(t, `${rid(i)} Started GET "${path}" for 10.0.58.${30 + i} at ${at(t).replace('T', ' ').slice(0, 19)} +0000`),
        ruby(t - 0.001, `${rid(i)} Completed 200 OK in ${21 + i * 7}ms (Views: ${11 + i * 3}.${i}ms | ActiveRecord: ${3 + i}.2ms (${2 + (i % 4)} queries, ${i % 2} cached) | GC: 0.${i}ms)`),
      );
    }
    void startAgo;
    return lines(...out);
  };
  const other = bystander(ns, 'storefront-assets', names, 95, { revisions: [40, 41], versions: ['1.12.0', '1.12.1'], olderAgo: 30 * DAYS });
  const dep = deploymentOf(app);
  return {
    id: 'heldout72-healthy-puma-single-worker-cluster-mode',
    class: 'healthy',
    truth: 'Nothing is wrong: storefront-web (revision 113, rolled out 95 minutes ago) runs Puma with WEB_CONCURRENCY=1, so Puma starts in cluster mode with one worker and prints its "Detected running cluster mode with 1 worker" warning at every start, which is only an efficiency hint. All three pods are ready and serve 200s.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sidekiq.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-assets', selector: { app: 'storefront-assets' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 113), 1, 0, 95),
      scaledReplicaSet(dep, rsOf(app, 112), 2, 3, 93.5),
      scaledReplicaSet(dep, rsOf(app, 113), 3, 1, 93.5),
      scaledReplicaSet(dep, rsOf(app, 112), 0, 2, 91.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2026.11.20'), 94 - k * 1.5)),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:3000/up": dial tcp ${ipOfPod(podOf(app, 1))}:3000: connect: connection refused`, count: 1, firstAgo: 92.4, lastAgo: 92.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: puma(p, 94 - k * 1.5) })),
      ...sidekiq.pods.map((p) => logsFor(p, 'sidekiq', { current: lines(`{"ts":"${at(2)}","pid":1,"tid":"2ow","lvl":"INFO","msg":"done","ctx":{"class":"OrderConfirmationJob","jid":"c1f0a2b9e4d7"},"elapsed":0.318}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/storefront-web|healthy|no (problem|issue)/i],
      facts: [/storefront-web/],
      never: [/single worker|cluster mode|WEB_CONCURRENCY/i, /crash ?loop/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kataOverheadPending(),
  kubeProxyIptablesNft(),
  migrationDropsColumn(),
  javaOptsIgnored(),
  alwaysPreTouchStartup(),
  uvThreadpoolSaturated(),
  healthyPumaSingleWorker(),
];

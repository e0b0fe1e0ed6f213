// Held-out stories, round 106, part two: a node whose calico-node lost its BGP sessions after a
// reboot (IP autodetection picked a bridge's 172.18.0.1), so the orders-api pod there times out on
// everything off-node while its siblings are fine; an old CentOS 7 (3.10 kernel) node whose memory
// cgroup kmem accounting is exhausted, so every new sandbox there fails with "mkdir
// /sys/fs/cgroup/memory/kubepods/…: cannot allocate memory" though the node has gigabytes free; a
// .NET 8 base-image bump whose ASP.NET Core now listens on 8080 while port, probes and Service still
// say 80; ingress-nginx switched to use-proxy-protocol behind an NLB that sends no PROXY header
// ("broken header … while reading PROXY protocol"); a CronJob whose startingDeadlineSeconds was cut
// to 5, so every run falls outside its starting window and is skipped without an event (the
// controller's MissSchedule event is never emitted, kubernetes#111223) and no Job ran for five
// hours; (storage) a StatefulSet revision that added fsGroup without fsGroupChangePolicy, so the
// kubelet's recursive chown of a 6-million-file volume keeps the new pod in ContainerCreating
// ("unmounted volumes=[data] … context deadline exceeded"); and a healthy control: a Kafka
// StatefulSet mid rolling update (kafka-2 on the new revision, kafka-0 and kafka-1 still old, all
// Ready).
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, ago, backOff, batchContainer, boundClaim, configMap, container, cronJob, deploymentApp,
  daemonSetApp, event, exposed, httpProbe, ipOf, nameOf, nodeEvent, probeFailed, probeKilling, pyTime, restartedAgain, running,
  scheduled, service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, execProbe, volumeOf, waiting, coreDns,
  kubeProxy, scaledReplicaSet, rsOf,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const three = (names: string[]): [string, string, string] => [names[0] ?? '', names[1] ?? '', names[2] ?? ''];
/** The InternalIP the node really has (the kit derives one from the name). */
function withInternalIp(n: k8s.V1Node, ip: string): void {
  if (n.status) n.status.addresses = [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: nameOf(n) }];
}
/** Calico's / Go's klog-ish time: `2026-11-21 03:12:41.563`. */
const calicoTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** klog's header time: `1121 03:12:41.563210`. */
const klogTime = (m: number): string => `${at(m).slice(5, 7)}${at(m).slice(8, 10)} ${at(m).slice(11, 23)}210`;

// ---- 1. calico-node on one node has no BGP session: that node's pods cannot reach other nodes ----

function calicoBgpDownOnOneNode(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.48', ['21', '87', '142']);
  const [n0, n1, n2] = three(names);
  const ips = ['10.0.48.21', '10.0.48.87', '10.0.48.142'];
  nodes.forEach((n, i) => withInternalIp(n, ips[i] ?? ''));
  const bad = nodes[1];
  if (bad?.status?.nodeInfo) bad.status.nodeInfo.bootID = 'c41f7a02-9e3b-4d55-b6a1-2f8e0d9c7b13';
  if (bad?.status?.conditions) for (const c of bad.status.conditions) if (c.type === 'Ready') c.lastTransitionTime = ago(49);

  const calicoImage = 'docker.io/calico/node:v3.28.2';
  const calico = daemonSetApp({
    namespace: 'kube-system',
    name: 'calico-node',
    selector: { 'k8s-app': 'calico-node' },
    revisions: [{
      revision: 4, createdAgo: 61 * DAYS, template: {
        containers: [container({
          name: 'calico-node', image: calicoImage, ports: [], cpu: '250m', memory: '256Mi', memoryLimit: null,
          env: [
            { name: 'DATASTORE_TYPE', value: 'kubernetes' }, { name: 'CALICO_NETWORKING_BACKEND', value: 'bird' },
            { name: 'CLUSTER_TYPE', value: 'k8s,bgp' }, { name: 'IP', value: 'autodetect' }, { name: 'IP_AUTODETECTION_METHOD', value: 'first-found' },
            { name: 'CALICO_IPV4POOL_IPIP', value: 'Never' }, { name: 'CALICO_IPV4POOL_CIDR', value: '10.0.0.0/18' }, { name: 'FELIX_HEALTHENABLED', value: 'true' },
          ],
          readiness: execProbe(['/bin/calico-node', '-felix-ready', '-bird-ready'], { periodSeconds: 10, timeoutSeconds: 10 }),
          liveness: execProbe(['/bin/calico-node', '-felix-live', '-bird-live'], { periodSeconds: 10, timeoutSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6 }),
          securityContext: { privileged: true },
        })],
        priorityClassName: 'system-node-critical', serviceAccountName: 'calico-node',
      },
    }],
    pods: [
      { revision: 4, node: n0, createdAgo: 61 * DAYS },
      { revision: 4, node: n1, createdAgo: 61 * DAYS, ready: false, containers: { 'calico-node': running({ sinceAgo: 48, ready: false, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 49.5, ranSeconds: 11 * DAYS * 60 } }) } },
      { revision: 4, node: n2, createdAgo: 61 * DAYS },
    ],
  });
  const calicoBad = podOf(calico, 1);
  const dns = coreDns([{ node: n0 }, { node: n2 }]);
  const proxy = kubeProxy([{ node: n0 }, { node: n1 }, { node: n2 }]);

  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '500m', memory: '2Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: n0, createdAgo: 23 * DAYS }],
  });
  const dbSvc = service({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const dbPod = podOf(db, 0);

  const image = `${ECR}/orders/orders-api:5.3.1`;
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [{ revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 5.3.1', template: { containers: [container({
      image, ports: [8080], cpu: '300m', memory: '512Mi',
      env: [{ name: 'DATABASE_HOST', value: 'orders-db.orders.svc.cluster.local' }, { name: 'DATABASE_PORT', value: '5432' }],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })] } }],
    pods: [
      { revision: 19, node: n0, createdAgo: 6 * DAYS },
      { revision: 19, node: n1, createdAgo: 6 * DAYS, ready: false, containers: { app: running({ sinceAgo: 47.5, ready: false, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 49.5, ranSeconds: 6 * DAYS * 60 } }) } },
      { revision: 19, node: n2, createdAgo: 6 * DAYS },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const stuck = podOf(api, 1);
  const apiSvc = exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods });
  const other = bystander(ns, 'orders-notifier', [n0, n2], 3 * HOURS, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const dbIp = ipOf(dbPod);
  const dnsIp = '172.20.0.10';

  const goLog = (lvl: string, m: number, msg: string, extra = '') => `{"level":"${lvl}","time":"${at(m)}","msg":"${msg}"${extra}}`;
  const stuckLog: string[] = [
    goLog('info', 47.4, 'starting orders-api', ',"version":"5.3.1"'),
    goLog('info', 47.3, 'http server listening', ',"addr":":8080"'),
  ];
  for (let t = 47; t > 0.3; t -= 2.3) {
    stuckLog.push(goLog('error', t, 'database ping failed', `,"host":"orders-db.orders.svc.cluster.local","error":"dial tcp: lookup orders-db.orders.svc.cluster.local on ${dnsIp}:53: read udp ${ipOf(stuck)}:4${Math.round(t * 97) % 9000 + 1000}->${dnsIp}:53: i/o timeout"`));
    if (Math.round(t * 10) % 3 === 0) stuckLog.push(goLog('error', t - 0.2, 'database ping failed', `,"host":"${dbIp}","error":"dial tcp ${dbIp}:5432: i/o timeout"`));
    stuckLog.push(goLog('warn', t - 0.3, 'readiness check failed', ',"check":"postgres","status":503'));
  }
  const healthyApiLog = (p: k8s.V1Pod) => lines(
    goLog('info', 6 * DAYS - 0.4, 'starting orders-api', ',"version":"5.3.1"'),
    goLog('info', 2.1, 'request', `,"method":"POST","path":"/v1/orders","status":201,"duration_ms":41,"pod":"${nameOf(p)}"`),
    goLog('info', 0.6, 'request', ',"method":"GET","path":"/v1/orders/ORD-88213","status":200,"duration_ms":12'),
  );
  const calicoLog = lines(
    `${calicoTime(48)} [INFO][9] startup/startup.go 432: Early log level set to info`,
    `${calicoTime(48)} [INFO][9] startup/utils.go 126: Using NODENAME environment for node name ${n1}`,
    `${calicoTime(47.9)} [INFO][9] startup/autodetection_methods.go 103: Using autodetected IPv4 address on interface br-5c1e0a7d9f21: 172.18.0.1/16`,
    `${calicoTime(47.9)} [INFO][9] startup/startup.go 717: Node IPv4 changed, will check for conflicts`,
    `${calicoTime(47.9)} [INFO][9] startup/startup.go 568: CALICO_IPV4POOL_NAT_OUTGOING is true (defaulted) through environment variable`,
    `${calicoTime(47.8)} [INFO][9] startup/startup.go 191: Successfully updated node IPv4 address and network from 10.0.48.87/20 to 172.18.0.1/16`,
    `bird: device1: Initializing`,
    `bird: direct1: Initializing`,
    `bird: Mesh_10_0_48_21: Initializing`,
    `bird: Mesh_10_0_48_142: Initializing`,
    `bird: Graceful restart started`,
    `bird: Started`,
    `${calicoTime(46)} [INFO][61] felix/int_dataplane.go 2003: Completed first update to dataplane. secsSinceStart=2.31`,
    `bird: Graceful restart done`,
    `${calicoTime(12)} [INFO][61] felix/summary.go 100: Summarising 11 dataplane reconciliation loops over 1m0.4s: avg=6ms longest=21ms ()`,
  );
  const peerLog = (peerOf: string) => lines(
    `${calicoTime(61 * DAYS - 1)} [INFO][9] startup/autodetection_methods.go 103: Using autodetected IPv4 address on interface ens5: ${peerOf}/20`,
    `bird: Mesh_10_0_48_87: State changed to stop`,
    `bird: Mesh_172_18_0_1: Initializing`,
    `bird: Mesh_172_18_0_1: Starting`,
    `${calicoTime(20)} [INFO][58] felix/summary.go 100: Summarising 12 dataplane reconciliation loops over 1m2.1s: avg=4ms longest=17ms ()`,
  );

  const objects: KubeJson[] = [
    ...nodes, ...calico.objects, ...dns.objects, ...proxy.objects, ...db.objects, dbSvc, endpointSliceFor(dbSvc, db.pods, 5432),
    ...api.objects, ...apiSvc, ...other.objects,
    nodeEvent(n1, 'Rebooted', `Node ${n1} has been rebooted, boot id: c41f7a02-9e3b-4d55-b6a1-2f8e0d9c7b13`, { type: 'Warning', firstAgo: 49 }),
    nodeEvent(n1, 'NodeNotReady', `Node ${n1} status is now: NodeNotReady`, { firstAgo: 49.5, component: 'node-controller' }),
    nodeEvent(n1, 'NodeReady', `Node ${n1} status is now: NodeReady`, { firstAgo: 48.6 }),
    probeFailed(calicoBad, 'calico-node', 'Readiness', 'calico/node is not ready: BIRD is not ready: BGP not established with 10.0.48.21,10.0.48.142', { count: 281, firstAgo: 47, lastAgo: 0.2 }),
    ...restartedAgain(calicoBad, 'calico-node', calicoImage, { count: 1, firstAgo: 48.2, lastAgo: 48.2 }),
    ...restartedAgain(stuck, 'app', image, { count: 1, firstAgo: 47.6, lastAgo: 47.6 }),
    probeFailed(stuck, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 279, firstAgo: 47, lastAgo: 0.1 }),
    event({ on: { kind: 'Pod', name: nameOf(stuck), namespace: ns }, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', firstAgo: 48, lastAgo: 48 }),
  ];
  return {
    id: 'heldout106-calico-bgp-down-on-one-node',
    class: 'network',
    truth: `After ${n1} rebooted, calico-node's first-found IP autodetection picked a container bridge (br-5c1e0a7d9f21, 172.18.0.1) instead of ens5, so BIRD cannot establish BGP with the other nodes and pods on ${n1} (orders-api's third replica) cannot reach CoreDNS or Postgres on other nodes; fix calico's IP_AUTODETECTION_METHOD (e.g. interface=ens5 or kubernetes-internal-ip) and restart calico-node there.`,
    ask: { service: 'orders-api', namespace: ns },
    objects,
    logs: [
      logsFor(stuck, 'app', { current: lines(...stuckLog) }),
      logsFor(podOf(api, 0), 'app', { current: healthyApiLog(podOf(api, 0)) }),
      logsFor(podOf(api, 2), 'app', { current: healthyApiLog(podOf(api, 2)) }),
      logsFor(calicoBad, 'calico-node', { current: calicoLog }),
      logsFor(podOf(calico, 0), 'calico-node', { current: peerLog('10.0.48.21') }),
      logsFor(podOf(calico, 2), 'calico-node', { current: peerLog('10.0.48.142') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/calico|BGP|BIRD|pod network|CNI/i, new RegExp(`${n1.replace(/\./g, '\\.')}|10-0-48-87|10\\.0\\.48\\.87`, 'i')],
      facts: [/BGP not established|BIRD is not ready/i, /i\/o timeout|timed? ?out/i, /172\.18\.0\.1|br-5c1e0a7d9f21|autodetect/i],
      never: [ADVISES_ROLLBACK, /(postgres|orders-db|database)[^\n]{0,20}\b(is|was) (down|crash(ing|ed)?)/i, /\bOOM/],
    },
  };
}

// ---- 2. a 3.10-kernel node whose memory cgroup (kmem) cannot create new cgroups -----------------

function kmemCgroupExhausted(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '77', '203']);
  const [n0, n1, n2] = three(names);
  const old = nodes[2];
  if (old?.metadata?.labels) {
    old.metadata.labels['eks.amazonaws.com/nodegroup'] = 'legacy-c7';
    old.metadata.labels['node.kubernetes.io/instance-type'] = 'r5.2xlarge';
  }
  if (old?.metadata) old.metadata.creationTimestamp = ago(214 * DAYS);
  if (old?.status) {
    old.status.capacity = { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '65049544Ki', pods: '58' };
    old.status.allocatable = { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '63896520Ki', pods: '58' };
    if (old.status.nodeInfo) Object.assign(old.status.nodeInfo, { kernelVersion: '3.10.0-1160.119.1.el7.x86_64', osImage: 'CentOS Linux 7 (Core)', containerRuntimeVersion: 'containerd://1.4.13', kubeletVersion: 'v1.28.15', kubeProxyVersion: 'v1.28.15' });
    for (const c of old.status.conditions ?? []) if (c.type === 'Ready') c.lastTransitionTime = ago(214 * DAYS);
  }
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'WORKERS', value: '4' }] })] });
  const cgroupError = (p: k8s.V1Pod, id: string) =>
    `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:385: applying cgroup configuration for process caused: mkdir /sys/fs/cgroup/memory/kubepods/burstable/pod${p.metadata?.uid ?? ''}/${id}: cannot allocate memory: unknown`;
  const creating = { app: waiting('ContainerCreating') };
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 2.14.0', template: tpl('2.14.0') },
      { revision: 22, createdAgo: 26, changeCause: 'argocd: thumbnailer 2.14.1', template: tpl('2.14.1') },
    ],
    pods: [
      { revision: 21, node: n2, createdAgo: 9 * DAYS },
      { revision: 22, node: n0, createdAgo: 26 },
      { revision: 22, node: n1, createdAgo: 24.5 },
      { revision: 22, node: n2, createdAgo: 23, containers: creating },
      { revision: 22, node: n2, createdAgo: 21, containers: creating },
    ],
  });
  const webhook = deploymentApp({
    namespace: ns, name: 'media-webhook', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/media/media-webhook:1.3.2`, ports: [8080], cpu: '100m', memory: '128Mi' })] } }],
    pods: [
      { revision: 6, node: n0, createdAgo: 30 * DAYS },
      { revision: 6, node: n2, createdAgo: 12, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const svc = exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods });
  const stuckA = podOf(app, 3);
  const stuckB = podOf(app, 4);
  const stuckW = podOf(webhook, 1);
  const id = (s: string) => `${s}${'0123456789abcdef'.repeat(4)}`.slice(0, 64);
  const healthy = (p: k8s.V1Pod, m: number) => lines(
    `${pyTime(m)} INFO thumbnailer.app: worker pool started (4 workers) pod=${nameOf(p)}`,
    `${pyTime(3)} INFO thumbnailer.jobs: rendered 240x240 for asset 7f1c2e9a in 118ms`,
    `${pyTime(1)} INFO thumbnailer.jobs: rendered 640x640 for asset 2b9d0c11 in 264ms`,
  );
  const objects: KubeJson[] = [
    ...nodes, ...app.objects, ...svc, ...webhook.objects,
    ...startedNormally(podOf(app, 1), 'app', image('2.14.1'), 26),
    ...startedNormally(podOf(app, 2), 'app', image('2.14.1'), 24.5),
    scheduled(stuckA, 23), scheduled(stuckB, 21), scheduled(stuckW, 12),
    event({ on: stuckA, reason: 'FailedCreatePodSandBox', message: cgroupError(stuckA, id('a91c4e07')), count: 94, firstAgo: 22.9, lastAgo: 0.3 }),
    event({ on: stuckB, reason: 'FailedCreatePodSandBox', message: cgroupError(stuckB, id('5d02b7f3')), count: 86, firstAgo: 20.9, lastAgo: 0.2 }),
    event({ on: stuckW, reason: 'FailedCreatePodSandBox', message: cgroupError(stuckW, id('e6f13a28')), count: 49, firstAgo: 11.9, lastAgo: 0.1 }),
    scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 22), 1, 0, 26),
  ];
  return {
    id: 'heldout106-kmem-cgroup-exhausted-old-kernel',
    class: 'nodes',
    truth: `${n2}, a CentOS 7 node on kernel 3.10 up for 214 days, has exhausted its memory cgroup (kmem accounting leak of the old kernel), so runc cannot mkdir any new cgroup under /sys/fs/cgroup/memory/kubepods ("cannot allocate memory") and every new pod there is stuck in ContainerCreating although the node has plenty of free memory; cordon, drain and reboot or replace the node (move off the 3.10 kernel), revision 22 is innocent.`,
    ask: { service: 'thumbnailer', namespace: ns },
    objects,
    logs: [
      logsFor(podOf(app, 0), 'app', { current: healthy(podOf(app, 0), 9 * DAYS) }),
      logsFor(podOf(app, 1), 'app', { current: healthy(podOf(app, 1), 25.8) }),
      logsFor(podOf(app, 2), 'app', { current: healthy(podOf(app, 2), 24.3) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cgroup|kmem|cannot allocate memory/i, lit(n2)],
      facts: [/cannot allocate memory/i, /3\.10|kernel|kmem|CentOS/i, /FailedCreatePodSandBox|sandbox/i],
      never: [/\bOOM/, /(increase|raise)[^\n]{0,30}memory (limit|request)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 3. a .NET 8 base image: ASP.NET Core now listens on 8080, everything else says 80 ----------

function dotnet8ListensOn8080(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '140', '66']);
  const [n0, n1, n2] = three(names);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [80], cpu: '250m', memory: '384Mi',
      env: [{ name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }, { name: 'ConnectionStrings__Billing', value: 'Host=billing-db.billing.svc.cluster.local;Database=billing;Username=invoice_api' }],
      readiness: httpProbe('/healthz/ready', 'http', { periodSeconds: 5 }),
      liveness: httpProbe('/healthz/live', 'http', { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 13, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 3.7.4', template: tpl('3.7.4') },
      { revision: 14, createdAgo: 18, changeCause: 'argocd: invoice-api 3.8.0 (net8.0)', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 13, node: n0, createdAgo: 12 * DAYS },
      { revision: 13, node: n1, createdAgo: 12 * DAYS - 1 },
      { revision: 13, node: n2, createdAgo: 12 * DAYS - 2 },
      { revision: 14, node: n1, createdAgo: 17.8, ready: false, containers: { app: running({ sinceAgo: 1.2, ready: false, restarts: 6, last: { exitCode: 143, finishedAgo: 1.3, ranSeconds: 46 } }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ip = ipOf(fresh);
  const svc = exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 80 });
  const other = bystander(ns, 'billing-scheduler', [n0, n2], 2 * HOURS + 10, { revisions: [40, 41], versions: ['2.2.0', '2.2.1'], olderAgo: 15 * DAYS });
  const dotnetStart = (port: number, m: number) => [
    `warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]`,
    `      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning`,
    `info: Microsoft.Hosting.Lifetime[14]`,
    `      Now listening on: http://[::]:${port}`,
    `info: Microsoft.Hosting.Lifetime[0]`,
    `      Application started. Press Ctrl+C to shut down.`,
    `info: Microsoft.Hosting.Lifetime[0]`,
    `      Hosting environment: Production`,
    `info: Microsoft.Hosting.Lifetime[0]`,
    `      Content root path: /app`,
    `info: Invoice.Api.Startup[0]`,
    `      invoice-api ${port === 80 ? '3.7.4' : '3.8.0'} started at ${at(m)} (runtime ${port === 80 ? '.NET 6.0.33' : '.NET 8.0.10'})`,
  ];
  const oldLog = (m: number) => lines(
    ...dotnetStart(80, m),
    `info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`,
    `      Request finished HTTP/1.1 GET http://invoice-api.billing/v2/invoices/INV-2026-118832 - 200 1843 application/json;+charset=utf-8 23.4411ms`,
  );
  return {
    id: 'heldout106-dotnet8-listens-on-8080',
    class: 'config',
    truth: 'Revision 14 (invoice-api 3.8.0) moved to the .NET 8 aspnet base image, whose ASP.NET Core listens on port 8080 by default instead of 80 ("Now listening on: http://[::]:8080"), while the containerPort named http, the probes and the Service still target 80, so probes get connection refused and the liveness probe restarts the new pod; set ASPNETCORE_HTTP_PORTS=80 or move port/probes to 8080.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...svc, ...other.objects,
      scheduled(fresh, 17.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.8.0')}"`, firstAgo: 17.7, lastAgo: 17.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.8.0')}" in 5.412s (5.412s including waiting). Image size: 92811533 bytes.`, firstAgo: 17.6, lastAgo: 17.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.8.0'), { count: 6, firstAgo: 16.3, lastAgo: 1.2 }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ip}:80/healthz/ready": dial tcp ${ip}:80: connect: connection refused`, { count: 198, firstAgo: 17.4, lastAgo: 0.1 }),
      probeFailed(fresh, 'app', 'Liveness', `Get "http://${ip}:80/healthz/live": dial tcp ${ip}:80: connect: connection refused`, { count: 21, firstAgo: 17.2, lastAgo: 0.4 }),
      probeKilling(fresh, 'app', 'liveness', { count: 6, firstAgo: 16.8, lastAgo: 1.3 }),
      backOff(fresh, 'app', { count: 14, firstAgo: 12, lastAgo: 2 }),
    ],
    logs: [
      logsFor(fresh, 'app', {
        current: lines(...dotnetStart(8080, 1.2)),
        previous: lines(...dotnetStart(8080, 2), `info: Microsoft.Hosting.Lifetime[0]`, `      Application is shutting down...`),
      }),
      logsFor(podOf(app, 0), 'app', { current: oldLog(12 * DAYS) }),
      logsFor(podOf(app, 1), 'app', { current: oldLog(12 * DAYS - 1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/8080/, /\b80\b|port|listen/i],
      facts: [/connection refused/i, /Now listening on|ASPNETCORE_HTTP_PORTS|ASPNETCORE_URLS|\.NET 8|net8/i, /revision 14|3\.8\.0/i],
      never: [/\bOOM/, /(increase|raise|lengthen)[^\n]{0,40}(initialDelay|timeoutSeconds|failureThreshold)/i],
    },
  };
}

// ---- 4. ingress-nginx expects the PROXY protocol, the NLB does not send it ------------------------

function proxyProtocolMismatch(): CorpusScenario {
  const ns = 'ingress-nginx';
  const { nodes, names } = threeEksNodes('10.0.61', ['23', '105', '180']);
  const [n0, n1, n2] = three(names);
  const image = 'registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7';
  const ctrl = deploymentApp({
    namespace: ns, name: 'ingress-nginx-controller', replicas: 2,
    selector: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
    revisions: [{ revision: 9, createdAgo: 9 * DAYS, changeCause: 'helm: ingress-nginx 4.11.3', template: { serviceAccountName: 'ingress-nginx', containers: [container({
      name: 'controller', image, cpu: '100m', memory: '90Mi', memoryLimit: null,
      args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443'],
      ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'webhook', containerPort: 8443 }, { name: 'metrics', containerPort: 10254 }],
      readiness: httpProbe('/healthz', 10254, { periodSeconds: 10 }), liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, failureThreshold: 5 }),
      env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
    })] } }],
    pods: [{ revision: 9, node: n0, createdAgo: 9 * DAYS }, { revision: 9, node: n2, createdAgo: 9 * DAYS - 1 }],
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  const svc = service({
    namespace: ns, name: 'ingress-nginx-controller', type: 'LoadBalancer',
    selector: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
    ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }],
    createdAgo: 300 * DAYS,
  });
  if (svc.metadata) svc.metadata.annotations = {
    'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
    'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    'service.beta.kubernetes.io/aws-load-balancer-backend-protocol': 'tcp',
    'meta.helm.sh/release-name': 'ingress-nginx',
  };
  if (svc.spec) svc.spec.externalTrafficPolicy = 'Cluster';
  svc.status = { loadBalancer: { ingress: [{ hostname: 'k8s-ingressn-ingressn-4c1d8e2f0a-9b7e3f21c6a4d5e8.elb.eu-west-1.amazonaws.com' }] } };
  const slice = endpointSliceFor(svc, ctrl.pods, 80);
  const cm = configMap({
    namespace: ns, name: 'ingress-nginx-controller', createdAgo: 300 * DAYS, updatedAgo: 38,
    data: { 'allow-snippet-annotations': 'false', 'use-forwarded-headers': 'false', 'use-proxy-protocol': 'true', 'real-ip-header': 'proxy_protocol', 'proxy-body-size': '16m', 'enable-real-ip': 'true' },
  });
  const shopNs = 'storefront';
  const shop = deploymentApp({
    namespace: shopNs, name: 'storefront-web', replicas: 2,
    revisions: [{ revision: 55, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront-web 8.4.2', template: { containers: [container({ image: `${ECR}/storefront/storefront-web:8.4.2`, ports: [3000] })] } }],
    pods: [{ revision: 55, node: n1, createdAgo: 2 * DAYS }, { revision: 55, node: n2, createdAgo: 2 * DAYS }],
  });
  const shopSvc = exposed({ namespace: shopNs, name: 'storefront-web', selector: { app: 'storefront-web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: shop.pods, endpointPort: 3000 });
  const lbIps = ['10.0.61.212', '10.0.77.19', '10.0.93.140'];
  const ctrlLog = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [
      `I${klogTime(9 * DAYS - 0.5)}       7 main.go:205] "Creating API client" host="https://172.20.0.1:443"`,
      `I${klogTime(9 * DAYS - 0.4)}       7 nginx.go:317] "Starting NGINX Ingress controller"`,
    ];
    for (let t = 46; t > 38.5; t -= 1.7) out.push(`${lbIps[k % 3]} - - [${at(t).slice(8, 10)}/Nov/2026:${at(t).slice(11, 19)} +0000] "GET /products/winter-jacket HTTP/1.1" 200 48211 "https://shop.example.com/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15" 512 0.031 [storefront-storefront-web-80] [] 10.0.${k + 30}.17:3000 48190 0.031 200 ${(91234567 + t * 1000 + k).toString(16)}`);
    out.push(
      `I${klogTime(38.1)}       7 controller.go:193] "Configuration changes detected, backend reload required"`,
      `I${klogTime(38)}       7 controller.go:213] "Backend successfully reloaded"`,
      `I${klogTime(38)}       7 event.go:377] Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"${nameOf(p)}", UID:"${p.metadata?.uid ?? ''}", APIVersion:"v1", ResourceVersion:"81442190", FieldPath:""}): type: 'Normal' reason: 'RELOAD' NGINX reload triggered due to a change in configuration`,
    );
    let n = 918_233 + k * 4_000;
    for (let t = 37.9; t > 0.2; t -= 0.9) {
      const client = lbIps[(n + k) % 3] ?? '';
      out.push(`${ngxTime(t)} [error] ${31 + k}#${31 + k}: *${n++} broken header: "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03\\x8b\\x1e\\xa4\\x9d\\xc2\\x17\\x5f" while reading PROXY protocol, client: ${client}, server: 0.0.0.0:443`);
      if (Math.round(t * 10) % 4 === 0) out.push(`${ngxTime(t - 0.1)} [error] ${31 + k}#${31 + k}: *${n++} broken header: "GET /products/winter-jacket HTTP/1.1\\r\\nHost: shop.example.com\\r\\nUser-Agent: Mozilla/5.0" while reading PROXY protocol, client: ${client}, server: 0.0.0.0:80`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout106-ingress-nginx-proxy-protocol-mismatch',
    class: 'network',
    truth: 'The ingress-nginx-controller ConfigMap was edited 38 minutes ago to use-proxy-protocol: "true", but the AWS NLB in front of it (Service ingress-nginx-controller) has no aws-load-balancer-proxy-protocol annotation and sends no PROXY header, so nginx rejects every connection with "broken header ... while reading PROXY protocol" and clients get resets; revert use-proxy-protocol or enable proxy protocol on the NLB target group.',
    ask: { service: 'ingress-nginx-controller', namespace: ns },
    objects: [
      ...nodes, ...ctrl.objects, svc, slice, cm, ...shop.objects, ...shopSvc,
      ...ctrl.pods.map((p) => event({ on: p, type: 'Normal', reason: 'RELOAD', message: 'NGINX reload triggered due to a change in configuration', firstAgo: 38, lastAgo: 38, component: 'nginx-ingress-controller' })),
    ],
    logs: ctrl.pods.map((p, k) => logsFor(p, 'controller', { current: ctrlLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/proxy[ _-]?protocol/i],
      facts: [/broken header/i, /use-proxy-protocol/i, /load ?balancer|\bNLB\b|aws-load-balancer-proxy-protocol/i],
      never: [/\bOOM/, /certificate[^\n]{0,20}(expired|invalid|mismatch)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. a CronJob whose startingDeadlineSeconds is 5: every run missed ---------------------------

function cronJobTinyStartingDeadline(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.140', ['31', '88', '201']);
  const [n0, n1, n2] = three(names);
  const image = `${ECR}/finance/ledger-export:4.2.0`;
  // Runs every 30 minutes; the Helm upgrade of 22:12 (5 h 2 min ago) set startingDeadlineSeconds: 5. The controller
  // records no event for a start time that fell outside the deadline (kubernetes#111223): the runs just stop.
  const runs = [374, 344, 314]; // 21:00, 21:30, 22:00 UTC yesterday
  const cj = cronJob({
    namespace: ns, name: 'ledger-export', schedule: '*/30 * * * *',
    template: { containers: [batchContainer({ name: 'export', image, args: ['export', '--since=35m', '--target=s3://acme-finance-ledger/exports'], cpu: '200m', memory: '256Mi' })] },
    backoffLimit: 2,
    jobs: runs.map((m) => ({ createdAgo: m, outcome: { complete: true as const, ago: m - 3 }, pods: [{ node: n1, createdAgo: m, phase: 'Succeeded' as const, containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(m - 0.1), finishedAt: ago(m - 3), containerID: `containerd://${'7'.repeat(8)}${m}` } }, ready: false, restartCount: 0, started: false } } }] })),
    lastSuccessfulAgo: 311,
    createdAgo: 180 * DAYS,
  });
  const cron = cj.objects[0] as k8s.V1CronJob;
  if (cron.spec) cron.spec.startingDeadlineSeconds = 5;
  if (cron.metadata) {
    cron.metadata.generation = 4;
    cron.metadata.labels = { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'ledger-export-0.9.0' };
    cron.metadata.annotations = { 'meta.helm.sh/release-name': 'ledger-export', 'meta.helm.sh/release-namespace': ns };
    cron.metadata.managedFields = [
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: ago(311), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
      { manager: 'helm', operation: 'Update', apiVersion: 'batch/v1', time: ago(5 * HOURS + 2), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:startingDeadlineSeconds': {} } } },
    ];
  }
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 27, createdAgo: 5 * HOURS + 2, changeCause: 'helm: ledger 0.9.0', template: { containers: [container({ image: `${ECR}/finance/ledger-api:4.2.0`, ports: [8080] })] } }],
    pods: [{ revision: 27, node: n0, createdAgo: 5 * HOURS + 1 }, { revision: 27, node: n2, createdAgo: 5 * HOURS }],
  });
  const apiSvc = exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods });
  const lastJob = cj.jobs[2];
  const lastPod = lastJob?.pods[0];
  return {
    id: 'heldout106-cronjob-missed-starting-deadline',
    class: 'jobs',
    truth: 'The ledger 0.9.0 Helm upgrade at 22:12 UTC set ledger-export\'s startingDeadlineSeconds to 5, shorter than the CronJob controller\'s scheduling latency on this cluster (the docs warn below 10 s), so every scheduled run since 22:30 fell outside its starting window and was silently skipped (lastScheduleTime stuck at 22:00, no Job for over five hours, not suspended, nothing running); raise startingDeadlineSeconds (e.g. 300) or remove it.',
    ask: { service: 'ledger-export', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...api.objects, ...apiSvc,
    ],
    logs: lastPod === undefined ? [] : [logsFor(lastPod, 'export', { current: lines(
      `{"level":"info","ts":"${at(313.9)}","msg":"export started","since":"${at(348.9)}"}`,
      `{"level":"info","ts":"${at(312.2)}","msg":"exported ledger entries","count":18211,"object":"s3://acme-finance-ledger/exports/2026-11-20T22-00.parquet"}`,
      `{"level":"info","ts":"${at(311.1)}","msg":"export finished","duration":"2m49s"}`,
    ) })],
    expect: {
      verdict: 'problems',
      headline: [/startingDeadlineSeconds|starting ?deadline|start(ing)? window|miss(ed)? ?(schedule|scheduled|run)/i],
      facts: [/startingDeadlineSeconds|starting ?deadline/i, /\b5 ?h|\bfive hours|\b31\d ?(m|min)|last ?schedule|last (run|job)|22:00/i],
      never: [/(reached|exceeded|hit)[^\n]{0,20}backoff ?limit|BackoffLimitExceeded/i, /\b(is|was) suspended\b/i, /(prior|previous|still)[^\n]{0,10}(job|run|execution)[^\n]{0,30}(running|active)/i],
    },
  };
}

// ---- 6. (storage) fsGroup added: the kubelet's recursive chown of a huge volume outlasts the mount wait ----

function fsGroupChownOnHugeVolume(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.200', ['12', '74', '139']);
  const [n0, n1, n2] = three(names);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = (v: string) => `${ECR}/media/asset-store:${v}`;
  const base = (v: string) => container({
    image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/asset-store' }],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
  });
  const sts = statefulSetApp({
    namespace: ns, name: 'asset-store', replicas: 3, podManagementPolicy: 'OrderedReady',
    revisions: [
      { revision: 4, createdAgo: 64 * DAYS, template: { containers: [base('3.2.0')] } },
      { revision: 5, createdAgo: 21.5, template: { containers: [base('3.2.0')], securityContext: { runAsUser: 10001, runAsGroup: 10001, runAsNonRoot: true, fsGroup: 10001 } } },
    ],
    pods: [
      { revision: 4, ordinal: 0, node: n0, createdAgo: 64 * DAYS },
      { revision: 4, ordinal: 1, node: n1, createdAgo: 64 * DAYS },
      { revision: 5, ordinal: 2, node: n2, createdAgo: 21, containers: { app: waiting('ContainerCreating') } },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-asset-store-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'asset-store' } }));
  const svc = exposed({ namespace: ns, name: 'asset-store', selector: { app: 'asset-store' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: sts.pods });
  const headless = service({ namespace: ns, name: 'asset-store-headless', selector: { app: 'asset-store' }, headless: true, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] });
  const stuck = podOf(sts, 2);
  const vol = volumeOf(ns, 'data-asset-store-2');
  const other = bystander(ns, 'asset-resizer', [n0, n1], 3 * HOURS, { revisions: [30, 31], versions: ['1.12.0', '1.12.1'], olderAgo: 10 * DAYS });
  const storeLog = (p: k8s.V1Pod) => lines(
    `{"level":"info","ts":"${at(64 * DAYS - 0.4)}","msg":"opening store","path":"/var/lib/asset-store","pod":"${nameOf(p)}"}`,
    `{"level":"info","ts":"${at(64 * DAYS - 3.1)}","msg":"index loaded","objects":6184220,"dirs":48211,"took":"2m41s"}`,
    `{"level":"info","ts":"${at(2)}","msg":"request","method":"GET","path":"/assets/7f/1c/7f1c2e9a-240.webp","status":200,"bytes":18233,"duration_ms":3}`,
    `{"level":"info","ts":"${at(0.5)}","msg":"request","method":"PUT","path":"/assets/2b/9d/2b9d0c11-orig.jpg","status":201,"bytes":2811233,"duration_ms":41}`,
  );
  return {
    id: 'heldout106-fsgroup-chown-huge-volume',
    class: 'storage',
    truth: 'StatefulSet revision 5 added a pod securityContext with fsGroup 10001 but no fsGroupChangePolicy, so on asset-store-2\'s restart the kubelet recursively chowns/chmods the ~6 million files of its 500Gi volume before the mount completes; the volume attached fine but the mount keeps timing out ("unmounted volumes=[data] … context deadline exceeded") and the pod sits in ContainerCreating, halting the ordered rollout; set fsGroupChangePolicy: OnRootMismatch (or pre-chown the data).',
    ask: { service: 'asset-store', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...svc, headless, endpointSliceFor(headless, sts.pods, 8080), ...other.objects,
      event({ on: { kind: 'StatefulSet', name: 'asset-store', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod asset-store-2 in StatefulSet asset-store successful', firstAgo: 21.4, lastAgo: 21.4, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'asset-store', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod asset-store-2 in StatefulSet asset-store successful', firstAgo: 21, lastAgo: 21, component: 'statefulset-controller' }),
      scheduled(stuck, 21),
      event({ on: stuck, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${vol}" `, firstAgo: 20.6, lastAgo: 20.6, component: 'attachdetach-controller' }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 9, firstAgo: 18.9, lastAgo: 0.6 }),
    ],
    logs: [
      logsFor(podOf(sts, 0), 'app', { current: storeLog(podOf(sts, 0)) }),
      logsFor(podOf(sts, 1), 'app', { current: storeLog(podOf(sts, 1)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fsGroup|ownership|chown|permission change/i],
      facts: [/context deadline exceeded|unmounted volumes|FailedMount/i, /fsGroupChangePolicy|OnRootMismatch/i, /revision 5|asset-store-2/i],
      never: [/Multi-Attach|attached to (another|a different) node/i, /\bOOM/, /(storage ?class|provision)[^\n]{0,30}(fail|missing|not found)/i],
    },
  };
}

// ---- control: a Kafka StatefulSet mid rolling update ---------------------------------------------

function kafkaRollingUpdateInProgress(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.160', ['40', '97', '222']);
  const [n0, n1, n2] = three(names);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = (v: string) => `docker.io/apache/kafka:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    name: 'kafka', image: image(v), cpu: '1', memory: '4Gi',
    ports: [{ name: 'broker', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }],
    env: [{ name: 'KAFKA_HEAP_OPTS', value: '-Xms2g -Xmx2g' }, { name: 'KAFKA_PROCESS_ROLES', value: 'broker,controller' }],
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
    readiness: tcpProbe('broker', { initialDelaySeconds: 10, periodSeconds: 10 }), liveness: tcpProbe('broker', { initialDelaySeconds: 60, periodSeconds: 20 }),
  })], terminationGracePeriodSeconds: 120 });
  const sts = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless',
    revisions: [
      { revision: 7, createdAgo: 40 * DAYS, template: tpl('3.8.0') },
      { revision: 8, createdAgo: 4.5, template: tpl('3.8.1') },
    ],
    pods: [
      { revision: 7, ordinal: 0, node: n0, createdAgo: 40 * DAYS },
      { revision: 7, ordinal: 1, node: n1, createdAgo: 40 * DAYS },
      { revision: 8, ordinal: 2, node: n2, createdAgo: 3.2, containers: { kafka: running({ sinceAgo: 3.1 }) } },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '200Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 200 * DAYS, labels: { app: 'kafka' } }));
  const headless = service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'broker', port: 9092, targetPort: 'broker' }, { name: 'controller', port: 9093, targetPort: 'controller' }] });
  const svc = exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'broker', port: 9092, targetPort: 'broker' }], pods: sts.pods, endpointPort: 9092 });
  const fresh = podOf(sts, 2);
  const ksTime = (m: number) => at(m).replace('T', ' ').replace('Z', '').replace('.', ',');
  const newLog = lines(
    `[${ksTime(3.1)}] INFO Starting controller (kafka.server.ControllerServer)`,
    `[${ksTime(2.9)}] INFO [LogLoader partition=orders-7, dir=/var/lib/kafka/data] Loading producer state till offset 18233091 with message format version 2 (kafka.log.UnifiedLog$)`,
    `[${ksTime(2.4)}] INFO [KafkaRaftServer nodeId=2] Kafka Server started (kafka.server.KafkaRaftServer)`,
    `[${ksTime(1.8)}] INFO [Partition orders-7 broker=2] ISR updated to 0,1,2 (under-min-isr = false) and version updated to 412 (kafka.cluster.Partition)`,
    `[${ksTime(1.2)}] INFO [Partition payments-3 broker=2] ISR updated to 2,0,1 (under-min-isr = false) and version updated to 388 (kafka.cluster.Partition)`,
  );
  const oldLog = (i: number) => lines(
    `[${ksTime(40 * DAYS - 2)}] INFO [KafkaRaftServer nodeId=${i}] Kafka Server started (kafka.server.KafkaRaftServer)`,
    `[${ksTime(3.5)}] INFO [Partition orders-7 broker=${i}] Shrinking ISR from 0,1,2 to 0,1. Leader: (highWatermark: 18233091, endOffset: 18233104). Out of sync replicas: (brokerId: 2, endOffset: 18233091, lastCaughtUpTimeMs: ${Date.parse(at(3.6))}). (kafka.cluster.Partition)`,
    `[${ksTime(1.8)}] INFO [Partition orders-7 broker=${i}] ISR updated to 0,1,2 (under-min-isr = false) and version updated to 412 (kafka.cluster.Partition)`,
  );
  const sts0 = { kind: 'StatefulSet', name: 'kafka', namespace: ns };
  return {
    id: 'heldout106-kafka-statefulset-rolling-update',
    class: 'healthy',
    truth: 'A routine Kafka 3.8.0 → 3.8.1 StatefulSet rolling update is in progress: kafka-2 was recreated on revision 8 and is Ready and back in ISR, kafka-0 and kafka-1 still run revision 7 and are Ready; the controller will roll kafka-1 next. Nothing is wrong.',
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, headless, endpointSliceFor(headless, sts.pods, 9092), ...svc,
      event({ on: sts0, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-2 in StatefulSet kafka successful', firstAgo: 4.4, lastAgo: 4.4, component: 'statefulset-controller' }),
      event({ on: sts0, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-2 in StatefulSet kafka successful', firstAgo: 3.2, lastAgo: 3.2, component: 'statefulset-controller' }),
      event({ on: fresh, type: 'Normal', reason: 'Killing', message: 'Stopping container kafka', firstAgo: 4.4, lastAgo: 4.4, fieldPath: 'spec.containers{kafka}' }),
      scheduled(fresh, 3.2),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.8.1')}"`, firstAgo: 3.2, lastAgo: 3.2, fieldPath: 'spec.containers{kafka}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.8.1')}" in 4.87s (4.87s including waiting). Image size: 187112340 bytes.`, firstAgo: 3.15, lastAgo: 3.15, fieldPath: 'spec.containers{kafka}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container kafka', firstAgo: 3.1, lastAgo: 3.1, fieldPath: 'spec.containers{kafka}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container kafka', firstAgo: 3.1, lastAgo: 3.1, fieldPath: 'spec.containers{kafka}' }),
      probeFailed(fresh, 'kafka', 'Readiness', `dial tcp ${ipOf(fresh)}:9092: connect: connection refused`, { count: 1, firstAgo: 2.9, lastAgo: 2.9 }),
    ],
    logs: [
      logsFor(fresh, 'kafka', { current: newLog }),
      logsFor(podOf(sts, 0), 'kafka', { current: oldLog(0) }),
      logsFor(podOf(sts, 1), 'kafka', { current: oldLog(1) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|ok\b|rolling|in progress|progress/i],
      facts: [/kafka-2|revision 8|rolling|updat/i],
      never: [/crash ?loop/i, ADVISES_ROLLBACK, /\bstuck\b|stalled/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  calicoBgpDownOnOneNode(),
  kmemCgroupExhausted(),
  dotnet8ListensOn8080(),
  proxyProtocolMismatch(),
  cronJobTinyStartingDeadline(),
  fsGroupChownOnHugeVolume(),
  kafkaRollingUpdateInProgress(),
];

// Held-out stories, ninety-sixth round, part two: a kubeadm node reset and re-joined without a
// reboot, so its stale cni0 bridge still holds the old pod CIDR's address and flannel cannot set up
// sandboxes for the new one; ClickHouse refusing inserts with TOO_MANY_PARTS since a writer
// revision flushes every row on its own; a Kafka consumer whose revision renamed its group while
// auto.offset.reset=none; a Spring/Hibernate service validating a column that the release's
// Liquibase Job never added (a stale changelog lock); a Redis key whose type a new revision
// changed from string to hash while the old one still serves; (my choice) Elasticsearch indices
// turned read-only at the flood-stage watermark because the retention CronJob was left suspended;
// and a healthy control: a Kafka consumer logging "isn't a known config" warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, clfTime, batchContainer, configMap, container, containerStatus, crashLoop, cronJob, daemonSetApp,
  deploymentApp, event, execProbe, exposed, hpa, httpProbe, job, jobEvent, nameOf, node, nodeEvent, probeFailed, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, terminated, waiting,
  boundClaim, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- node flavours --------------------------------------------------------------------------------

type Flavour = 'gke' | 'aks' | 'kubeadm' | 'doks';

/** The kit's node, relabelled as another provider's `kubectl get node -o json` shows it. */
function flavoured(f: Flavour, o: { name: string; zone: string; pool: string; createdAgo?: number; readySince?: number; podCIDR?: string; instanceType?: string }): k8s.V1Node {
  const n = node({ name: o.name, zone: o.zone, ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }), ...(o.readySince === undefined ? {} : { readySince: o.readySince }) });
  const labels = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  const region = o.zone.replace(/-[a-z0-9]$/, '');
  const info = n.status?.nodeInfo;
  if (f === 'gke') {
    Object.assign(labels, { 'cloud.google.com/gke-nodepool': o.pool, 'cloud.google.com/gke-os-distribution': 'cos', 'cloud.google.com/machine-family': 'e2', 'node.kubernetes.io/instance-type': o.instanceType ?? 'e2-standard-4', 'topology.kubernetes.io/region': region });
    if (n.spec) n.spec.providerID = `gce://acme-prod-4471/${o.zone}/${o.name}`;
    if (info) Object.assign(info, { osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.100+', kubeletVersion: 'v1.30.5-gke.1443001', kubeProxyVersion: 'v1.30.5-gke.1443001', containerRuntimeVersion: 'containerd://1.7.22' });
  } else if (f === 'aks') {
    Object.assign(labels, { 'kubernetes.azure.com/agentpool': o.pool, agentpool: o.pool, 'kubernetes.azure.com/cluster': 'MC_rg-fin-prod_aks-fin-prod_westeurope', 'node.kubernetes.io/instance-type': o.instanceType ?? 'Standard_D4s_v5', 'topology.kubernetes.io/region': 'westeurope' });
    if (n.spec) n.spec.providerID = `azure:///subscriptions/7d1e9b20-5c4a-4f0e-9a31-2b8e6f0c4d55/resourceGroups/mc_rg-fin-prod_aks-fin-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/${o.name.replace(/\d+$/, '')}/virtualMachines/${o.name.slice(-1)}`;
    if (info) Object.assign(info, { osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1074-azure', kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6', containerRuntimeVersion: 'containerd://1.7.23-1' });
  } else if (f === 'doks') {
    Object.assign(labels, { 'doks.digitalocean.com/node-pool': o.pool, 'doks.digitalocean.com/node-pool-id': uidOf(`pool/${o.pool}`), 'node.kubernetes.io/instance-type': o.instanceType ?? 's-8vcpu-16gb', 'topology.kubernetes.io/region': 'fra1' });
    delete labels['topology.kubernetes.io/zone'];
    if (n.spec) n.spec.providerID = `digitalocean://4${uidOf(o.name).replace(/[^0-9]/g, '').slice(0, 8)}`;
    if (info) Object.assign(info, { osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0-25-amd64', kubeletVersion: 'v1.31.1', kubeProxyVersion: 'v1.31.1', containerRuntimeVersion: 'containerd://1.6.31' });
  } else {
    delete labels['node.kubernetes.io/instance-type'];
    delete labels['topology.kubernetes.io/region'];
    delete labels['topology.kubernetes.io/zone'];
    Object.assign(labels, { 'node-role.kubernetes.io/worker': '', rack: o.zone });
    if (n.spec) delete n.spec.providerID;
    if (n.metadata) n.metadata.annotations = { ...n.metadata.annotations, 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'flannel.alpha.coreos.com/backend-type': 'vxlan', 'flannel.alpha.coreos.com/kube-subnet-manager': 'true', 'flannel.alpha.coreos.com/public-ip': `192.168.40.${o.name.slice(-1)}1` };
    if (info) Object.assign(info, { osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-48-generic', kubeletVersion: 'v1.31.3', kubeProxyVersion: 'v1.31.3', containerRuntimeVersion: 'containerd://1.7.24' });
  }
  if (n.metadata) n.metadata.labels = labels;
  if (o.podCIDR !== undefined && n.spec) Object.assign(n.spec, { podCIDR: o.podCIDR, podCIDRs: [o.podCIDR] });
  return n;
}

/** A 64-hex sandbox id, as containerd names it. */
const sandboxId = (seed: string): string => uidOf(`sb/${seed}`).replace(/-/g, '') + uidOf(`sb2/${seed}`).replace(/-/g, '');

// ---- 1. a node reset and re-joined without a reboot: stale cni0 holds the old pod CIDR ----------------

function staleCni0BridgeAfterRejoin(): CorpusScenario {
  const ns = 'billing';
  const names = ['k8s-worker-01', 'k8s-worker-02', 'k8s-worker-03', 'k8s-worker-04'];
  const cidrs = ['10.244.1.0/24', '10.244.2.0/24', '10.244.5.0/24', '10.244.4.0/24'];
  const nodes = names.map((n, i) => flavoured('kubeadm', { name: n, zone: `r${(i % 2) + 1}`, pool: 'workers', podCIDR: cidrs[i] ?? '', ...(i === 2 ? { createdAgo: 38, readySince: 36.5 } : { createdAgo: 210 * DAYS }) }));
  const bad = names[2] ?? '';
  const imageOf = (v: string) => `harbor.acme.lan/billing/invoice-renderer:${v}`;
  const tplOf = (v: string) => ({ containers: [container({ image: imageOf(v), ports: [3000], cpu: '500m', memory: '768Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'TEMPLATES_DIR', value: '/etc/invoice-templates' }, { name: 'CHROMIUM_FLAGS', value: '--no-sandbox --disable-dev-shm-usage' }], volumeMounts: [{ name: 'templates', mountPath: '/etc/invoice-templates', readOnly: true }] })], volumes: [{ name: 'templates', configMap: { name: 'invoice-templates', defaultMode: 420 } }] });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 6,
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'helm upgrade invoice-renderer 5.3.1', template: tplOf('5.3.1') },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'helm upgrade invoice-renderer 5.3.2', template: tplOf('5.3.2') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 19, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 19, node: names[3] ?? '', createdAgo: 95 },
      { revision: 19, node: names[0] ?? '', createdAgo: 94, containers: { app: running({ sinceAgo: 93, restarts: 0 }) } },
      { revision: 19, node: bad, createdAgo: 24, containers: { app: waiting('ContainerCreating') } },
      { revision: 19, node: bad, createdAgo: 24, containers: { app: waiting('ContainerCreating') } },
    ],
    settled: { available: false, availableSince: 24, progressingSince: 6 * DAYS - 2 },
  });
  // Pods 2 and 3 replaced the two that ran on worker-03 when it was drained for the reset.
  const stuck = [podOf(app, 4), podOf(app, 5)];
  const theHpa = hpa({ namespace: ns, name: 'invoice-renderer', target: { kind: 'Deployment', name: 'invoice-renderer' }, min: 4, max: 10, current: 6, desired: 6, cpu: { current: 88, target: 65 }, lastScaleAgo: 24 });
  const flannel = daemonSetApp({
    namespace: 'kube-flannel',
    name: 'kube-flannel-ds',
    revisions: [{ revision: 2, createdAgo: 150 * DAYS, template: { containers: [container({ name: 'kube-flannel', image: 'docker.io/flannel/flannel:v0.25.7', command: ['/opt/bin/flanneld'], args: ['--ip-masq', '--kube-subnet-mgr'], ports: [], cpu: '100m', memory: '50Mi', readiness: null, liveness: null, securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } } })] } }],
    pods: names.map((n, i) => ({ revision: 2, node: n, createdAgo: i === 2 ? 37.5 : 150 * DAYS - i })),
    pinnedToNodes: true,
  });
  const flannelOn3 = podOf(flannel, 2);
  // Addresses as this cluster has them: hosts on 192.168.40.0/24, pods in their node's flannel subnet.
  const hostIp = (n: string) => `192.168.40.${Number(n.slice(-1))}1`;
  for (const n of nodes) if (n.status) n.status.addresses = [{ type: 'InternalIP', address: hostIp(nameOf(n)) }, { type: 'Hostname', address: nameOf(n) }];
  app.pods.forEach((p, i) => {
    const n = p.spec?.nodeName ?? '';
    if (p.status) Object.assign(p.status, { hostIP: hostIp(n), hostIPs: [{ ip: hostIp(n) }] });
    const cidr = cidrs[names.indexOf(n)] ?? '10.244.0.0/24';
    const ip = `${cidr.split('.').slice(0, 3).join('.')}.${17 + i * 9}`;
    if (p.status?.podIP !== undefined) Object.assign(p.status, { podIP: ip, podIPs: [{ ip }] });
  });
  for (const p of flannel.pods) {
    const ip = hostIp(p.spec?.nodeName ?? '');
    if (p.spec) p.spec.hostNetwork = true;
    if (p.status) Object.assign(p.status, { hostIP: ip, hostIPs: [{ ip }], podIP: ip, podIPs: [{ ip }] });
  }
  const templates = configMap({ namespace: ns, name: 'invoice-templates', createdAgo: 200 * DAYS, updatedAgo: 2 * HOURS + 10, data: { 'footer.hbs': '<footer>{{company.legalName}} · VAT {{company.vatId}}</footer>\n', 'locale.json': '{"default":"de-DE","fallback":"en-GB"}\n' } });
  const sandboxErr = (p: k8s.V1Pod) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxId(nameOf(p))}": plugin type="flannel" failed (add): failed to delegate add: failed to set bridge addr: "cni0" already has an IP address different from 10.244.5.1/24`;
  const ok = (k: number) => lines(
    `{"level":30,"time":${ago(3.1 + k * 0.1).getTime()},"pid":1,"hostname":"invoice-renderer","reqId":"req-7f${k}2","msg":"rendered invoice","invoiceId":"INV-2026-118${k}42","pages":2,"ms":${640 + k * 37}}`,
    `{"level":30,"time":${ago(1.4 + k * 0.1).getTime()},"pid":1,"hostname":"invoice-renderer","reqId":"req-7f${k}9","msg":"rendered invoice","invoiceId":"INV-2026-118${k}77","pages":1,"ms":${410 + k * 29}}`,
  );
  return {
    id: 'heldout96-stale-cni0-bridge-after-node-rejoin',
    class: 'nodes',
    truth: 'Node k8s-worker-03 was drained, reset with `kubeadm reset` and re-joined 38 minutes ago without a reboot. The re-registered Node object got a new pod CIDR (10.244.5.0/24, it had 10.244.3.0/24), but the host kept its old cni0 bridge with 10.244.3.1, so flannel\'s bridge plugin fails every sandbox on that node: "cni0" already has an IP address different from 10.244.5.1/24. The two invoice-renderer pods the HPA added 24 minutes ago were scheduled onto the empty, freshly joined node and sit in ContainerCreating with FailedCreatePodSandBox; the four pods on the other nodes serve normally. Fix: delete the stale cni0 (and flannel.1) interface on k8s-worker-03 or reboot it, and cordon it meanwhile; the app, its revision and the templates ConfigMap are not involved.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...flannel.objects, theHpa, templates,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods, endpointPort: 3000 }),
      nodeEvent(bad, 'Starting', 'Starting kubelet.', { firstAgo: 38.2 }),
      nodeEvent(bad, 'NodeHasSufficientMemory', `Node ${bad} status is now: NodeHasSufficientMemory`, { firstAgo: 38.1 }),
      nodeEvent(bad, 'NodeHasNoDiskPressure', `Node ${bad} status is now: NodeHasNoDiskPressure`, { firstAgo: 38.1 }),
      nodeEvent(bad, 'NodeHasSufficientPID', `Node ${bad} status is now: NodeHasSufficientPID`, { firstAgo: 38.1 }),
      nodeEvent(bad, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: 38.1 }),
      nodeEvent(bad, 'RegisteredNode', `Node ${bad} event: Registered Node ${bad} in Controller`, { firstAgo: 37.9, component: 'node-controller' }),
      nodeEvent(bad, 'NodeReady', `Node ${bad} status is now: NodeReady`, { firstAgo: 36.5 }),
      nodeEvent(bad, 'NodeSchedulable', `Node ${bad} status is now: NodeSchedulable`, { firstAgo: 33 }),
      ...startedNormally(flannelOn3, 'kube-flannel', 'docker.io/flannel/flannel:v0.25.7', 37.5),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'invoice-renderer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 6, 4, 24),
      ...stuck.flatMap((p) => [
        scheduled(p, 24),
        event({ on: p, reason: 'FailedCreatePodSandBox', message: sandboxErr(p), count: 97, firstAgo: 23.9, lastAgo: 0.2 }),
      ]),
      // Yesterday's noise: a slow render tripped the readiness probe on worker-01.
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 0).status?.podIP ?? ''}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: ok(k) })),
      logsFor(flannelOn3, 'kube-flannel', {
        current: lines(
          `I1121 02:36:31.204113       1 main.go:212] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network kubeSubnetMgr:true iface:[] ipMasq:true subnetFile:/run/flannel/subnet.env}`,
          `I1121 02:36:31.311702       1 kube.go:139] Waiting 10m0s for node controller to sync`,
          `I1121 02:36:32.312047       1 kube.go:469] Starting kube subnet manager`,
          `I1121 02:36:32.318630       1 kube.go:490] Creating the node lease for IPv4. This is the n.Spec.PodCIDRs: [10.244.5.0/24]`,
          `I1121 02:36:32.402115       1 main.go:357] Current network or subnet (10.244.0.0/16, 10.244.5.0/24) is not equal to previous one (10.244.0.0/16, 10.244.3.0/24), trying to recycle old iptables rules`,
          `I1121 02:36:32.488310       1 main.go:332] Setting up masking rules`,
          `I1121 02:36:32.531877       1 main.go:383] Wrote subnet file to /run/flannel/subnet.env`,
          `I1121 02:36:32.531902       1 main.go:387] Running backend.`,
          `I1121 02:36:32.544215       1 vxlan_network.go:65] watching for new subnet leases`,
          `I1121 02:36:32.601377       1 main.go:408] Waiting for all goroutines to exit`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/k8s-worker-03|cni0/i],
      facts: [/cni0|already has an IP address/i, lit('10.244.5'), /k8s-worker-03/, /re-?join|re-?regist|kubeadm|new (pod )?CIDR|podCIDR|reset|reboot/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /invoice-templates[^\n]*(caus|broke|trigger)/i, /insufficient (cpu|memory)/i],
    },
  };
}

// ---- 2. ClickHouse TOO_MANY_PARTS since the writer flushes every row -----------------------------------

function clickhouseTooManyParts(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.33', ['18', '140', '221']);
  const chImage = 'docker.io/clickhouse/clickhouse-server:24.8.6.70';
  const ch = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 1,
    serviceName: 'clickhouse-headless',
    revisions: [{ revision: 4, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'clickhouse', image: chImage, ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }], cpu: '4', memory: '24Gi', readiness: httpProbe('/ping', 'http'), liveness: httpProbe('/ping', 'http', { initialDelaySeconds: 60, failureThreshold: 6 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 9 * DAYS, containers: { clickhouse: running({ sinceAgo: 9 * DAYS - 20, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 9 * DAYS - 20, ranSeconds: 3 * 3600 } }) } }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-clickhouse-0', storage: '1Ti', zone: 'eu-west-1c', createdAgo: 70 * DAYS });
  const image = (v: string) => `${ECR}/analytics/event-ingester:${v}`;
  const tpl = (v: string, rows: string, flush: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
      env: [
        { name: 'KAFKA_BROKERS', value: 'b-1.events-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9094,b-2.events-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9094' },
        { name: 'KAFKA_TOPIC', value: 'product-events' },
        { name: 'CH_ADDR', value: 'clickhouse.analytics.svc.cluster.local:9000' },
        { name: 'CH_TABLE', value: 'analytics.events_raw' },
        { name: 'CH_BATCH_MAX_ROWS', value: rows },
        { name: 'CH_FLUSH_INTERVAL', value: flush },
        { name: 'CH_ASYNC_INSERT', value: 'false' },
      ],
      readiness: httpProbe('/readyz', 8080, { periodSeconds: 10, failureThreshold: 3 }),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'event-ingester',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: event-ingester 3.8.4', template: tpl('3.8.4', '50000', '5s') },
      { revision: 58, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: event-ingester 3.9.0', template: tpl('3.9.0', '1', '0s') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k, containers: { app: running({ sinceAgo: 2 * HOURS + 9 - k, ready: false }) } })),
    settled: { available: false, availableSince: 31, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const dashboards = deploymentApp({
    namespace: ns,
    name: 'metabase',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 34 * DAYS, template: { containers: [container({ image: 'docker.io/metabase/metabase:v0.50.31', ports: [3000], memory: '2Gi' })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 34 * DAYS }],
  });
  const chPod = podOf(ch, 0);
  const tableUuid = '9b3f2c41-6a0e-4d7b-8f12-3c5e7a9d0b64';
  const tooMany = (n: number, kib: string) => `Too many parts (${n} with average size of ${kib} KiB) in table 'analytics.events_raw (${tableUuid})'. Merges are processing significantly slower than inserts`;
  const chTime = (m: number) => at(m).replace('T', ' ').replace('Z', '').replace(/-/g, '.') + String(Math.round(m * 997) % 1000).padStart(3, '0');
  const ingLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(2 * HOURS + 8.9 - k)}","caller":"cmd/ingester/main.go:61","msg":"starting event-ingester","version":"3.9.0","commit":"e4a17d0"}`,
      `{"level":"info","ts":"${at(2 * HOURS + 8.9 - k)}","caller":"sink/clickhouse.go:58","msg":"sink config","table":"analytics.events_raw","batch_max_rows":1,"flush_interval":"0s","async_insert":false}`,
      `{"level":"info","ts":"${at(2 * HOURS + 8.8 - k)}","caller":"kafka/consumer.go:92","msg":"partitions assigned","topic":"product-events","partitions":[${[0, 1, 2, 3].map((p) => p + 4 * k).join(',')}]}`,
    ];
    for (let i = 0; i < 5; i++) out.push(`{"level":"warn","ts":"${at(70 - i * 6 - k * 0.3)}","caller":"sink/clickhouse.go:131","msg":"slow insert","rows":1,"duration_ms":${900 + i * 140}}`);
    for (let i = 0; i < 14; i++) {
      const t = 30 - i * 2.1 - k * 0.07;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"sink/clickhouse.go:142","msg":"insert failed","table":"analytics.events_raw","rows":1,"attempt":${(i % 5) + 1},"error":"code: 252, message: ${tooMany(3000 + i * 2 + k, (6.3 - i * 0.01).toFixed(2))}"}`);
      if (i % 4 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.02)}","caller":"kafka/consumer.go:171","msg":"consumer lag rising, pausing fetch","topic":"product-events","lag":${310_000 + i * 52_000 + k * 1_100}}`);
    }
    out.push(`{"level":"info","ts":"${at(0.3)}","caller":"http/health.go:40","msg":"readyz","status":503,"reason":"sink failing for 31m"}`);
    return lines(...out);
  };
  return {
    id: 'heldout96-clickhouse-too-many-parts-per-row-inserts',
    class: 'config',
    truth: 'Revision 58 of event-ingester (3.9.0, 2 h 10 min ago) changed CH_BATCH_MAX_ROWS from 50000 to 1 and CH_FLUSH_INTERVAL from 5s to 0s, so every Kafka event became its own synchronous INSERT into analytics.events_raw, creating one tiny part per row. Background merges fell behind: ClickHouse first delayed inserts, then since about 30 minutes rejects them with DB::Exception code 252 TOO_MANY_PARTS ("Too many parts (3000…). Merges are processing significantly slower than inserts"); the ingester pods report unready and Kafka lag grows. ClickHouse itself is healthy (its OOM restart was nine days ago). Fix: restore batching (CH_BATCH_MAX_ROWS 50000 / 5s, or enable async_insert), i.e. roll back or correct revision 58, and let merges catch up.',
    ask: { service: 'event-ingester', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ch.objects, ...dashboards.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'event-ingester', selector: { app: 'event-ingester' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, pods: ch.pods, ports: [{ name: 'http', port: 8123, targetPort: 'http' }, { name: 'native', port: 9000, targetPort: 'native' }], endpointPort: 8123 }),
      ...exposed({ namespace: ns, name: 'metabase', selector: { app: 'metabase' }, pods: dashboards.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 3, 2 * HOURS + 6),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 180 - k * 3, firstAgo: 30.5 - k * 0.2, lastAgo: 0.1 + k * 0.1 })),
      event({ on: chPod, type: 'Normal', reason: 'Pulled', message: `Container image "${chImage}" already present on machine`, firstAgo: 9 * DAYS - 20, lastAgo: 9 * DAYS - 20, fieldPath: 'spec.containers{clickhouse}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: ingLog(k) })),
      logsFor(chPod, 'clickhouse', {
        current: lines(
          `${chTime(95)} [ 731 ] {} <Information> analytics.events_raw (${tableUuid}): Delaying inserting block by 161 ms. because there are 1512 parts and their average size is 8.94 KiB`,
          `${chTime(62)} [ 804 ] {} <Information> analytics.events_raw (${tableUuid}): Delaying inserting block by 1002 ms. because there are 2480 parts and their average size is 7.11 KiB`,
          `${chTime(44)} [ 17 ] {} <Warning> analytics.events_raw (${tableUuid}) (MergerMutator): Not enough idle threads to apply mutations at the moment. See settings 'number_of_free_entries_in_pool_to_execute_mutation' in MergeTree settings and 'background_pool_size' in server settings`,
          `${chTime(29.9)} [ 812 ] {3f6e2a10-77c4-4b1e-9d02-51a8c0e4f7b3} <Error> executeQuery: Code: 252. DB::Exception: ${tooMany(3000, '6.31')}. (TOO_MANY_PARTS) (version 24.8.6.70 (official build)) (from 10.0.33.57:48212) (in query: INSERT INTO analytics.events_raw (event_id, ts, tenant_id, type, payload) FORMAT Native), Stack trace (when copying this message, always include the lines below):`,
          '',
          '0. DB::Exception::Exception(DB::Exception::MessageMasked&&, int, bool) @ 0x000000000d5b1a3b',
          '1. DB::MergeTreeData::delayInsertOrThrowIfNeeded(Poco::Event*, std::shared_ptr<DB::Context const> const&, bool) const @ 0x0000000012e0c6f1',
          '2. DB::MergeTreeSink::onStart() @ 0x00000000133b7f40',
          '',
          `${chTime(1.1)} [ 845 ] {c01d9e44-2b3a-4f5e-8a17-0e9b6d3c2a55} <Error> executeQuery: Code: 252. DB::Exception: ${tooMany(3027, '6.18')}. (TOO_MANY_PARTS) (version 24.8.6.70 (official build)) (from 10.0.33.161:50944) (in query: INSERT INTO analytics.events_raw (event_id, ts, tenant_id, type, payload) FORMAT Native), Stack trace (when copying this message, always include the lines below):`,
          `${chTime(0.6)} [ 19 ] {} <Information> analytics.events_raw (${tableUuid}) (MergerMutator): Selected 24 parts from 202611_1828371_1828394_0 to 202611_1828395_1828418_0`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many parts|TOO_MANY_PARTS|\b252\b|merges/i],
      facts: [/CH_BATCH_MAX_ROWS|batch/i, /revision 58|3\.9\.0/, /50000|\b1 row|per.?row|every (row|event)|tiny|one part per/i],
      never: [/\bOOM[^\n]*(cause|reject|parts)|raise[^\n]*memory limit/i, /disk (full|space)|no space left/i, /clickhouse[^\n]*(\bis down|unreachable|connection refused)/i],
    },
  };
}

// ---- 3. a renamed Kafka consumer group with auto.offset.reset=none ----------------------------------------

function kafkaGroupRenamedNoResetPolicy(): CorpusScenario {
  const ns = 'finance';
  const nodes = [0, 1, 2].map((i) => flavoured('aks', { name: `aks-finpool-31847265-vmss00000${i}`, zone: `westeurope-${i + 1}`, pool: 'finpool', createdAgo: 44 * DAYS }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `acmefinprod.azurecr.io/finance/settlement-reconciler:${v}`;
  const tpl = (v: string, group: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'http', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError' },
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'fin-kafka-kafka-bootstrap.kafka.svc:9093' },
        { name: 'KAFKA_TOPIC', value: 'settlements.v1' },
        { name: 'KAFKA_GROUP_ID', value: group },
        { name: 'KAFKA_AUTO_OFFSET_RESET', value: 'none' },
        { name: 'KAFKA_ENABLE_AUTO_COMMIT', value: 'false' },
      ],
      readiness: httpProbe('/health/ready', 'http'), liveness: httpProbe('/health/live', 'http', { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'settlement-reconciler',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 11, createdAgo: 20 * DAYS, changeCause: 'flux: settlement-reconciler 3.2.1', template: tpl('3.2.1', 'settlement-reconciler') },
      { revision: 12, createdAgo: 19, changeCause: 'flux: settlement-reconciler 3.3.0', template: tpl('3.3.0', 'fin-settlement-reconciler') },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 20 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 17 * 86400 } }) } },
      { revision: 11, node: names[1] ?? '', createdAgo: 20 * DAYS - 1 },
      { revision: 12, node: names[2] ?? '', createdAgo: 18.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 11 }, 7) } },
    ],
  });
  const fresh = podOf(app, 2);
  const ledger = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 2,
    revisions: [{ revision: 40, createdAgo: 5 * DAYS, changeCause: 'flux: ledger-api 8.1.0', template: { containers: [container({ image: 'acmefinprod.azurecr.io/finance/ledger-api:8.1.0', ports: [8080] })] } }],
    pods: [{ revision: 40, node: names[0] ?? '', createdAgo: 5 * DAYS }, { revision: 40, node: names[2] ?? '', createdAgo: 5 * DAYS }],
  });
  const parts = [0, 1, 2, 3, 4, 5].map((p) => `settlements.v1-${p}`);
  const jt = (m: number) => at(m).replace('T', ' ').replace('Z', '');
  const cid = 'consumer-fin-settlement-reconciler-1';
  const crashed = lines(
    `${jt(2.1)} INFO  [main] c.a.f.reconciler.Main - Starting settlement-reconciler 3.3.0 on ${nameOf(fresh)} (Java 21.0.5)`,
    `${jt(2.08)} INFO  [main] o.a.k.c.c.ConsumerConfig - ConsumerConfig values: `,
    '\tallow.auto.create.topics = false',
    '\tauto.commit.interval.ms = 5000',
    '\tauto.offset.reset = none',
    '\tbootstrap.servers = [fin-kafka-kafka-bootstrap.kafka.svc:9093]',
    `\tclient.id = ${cid}`,
    '\tenable.auto.commit = false',
    '\tgroup.id = fin-settlement-reconciler',
    '\tisolation.level = read_committed',
    '\tmax.poll.records = 200',
    '\tsecurity.protocol = SSL',
    `${jt(2.07)} INFO  [main] o.a.k.c.u.AppInfoParser - Kafka version: 3.7.1`,
    `${jt(2.07)} INFO  [main] o.a.k.c.c.i.LegacyKafkaConsumer - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Subscribed to topic(s): settlements.v1`,
    `${jt(2.05)} INFO  [main] o.a.k.c.Metadata - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Cluster ID: Xq3p0ZtGSaW1f2bC8hN4kA`,
    `${jt(2.04)} INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Discovered group coordinator fin-kafka-kafka-1.fin-kafka-kafka-brokers.kafka.svc:9093 (id: 2147483646 rack: null)`,
    `${jt(2.03)} INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] (Re-)joining group`,
    `${jt(1.98)} INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Successfully joined group with generation Generation{generationId=15, memberId='${cid}-3b0f6c1e-9a2d-4e57-b8c4-17d2a6f0e931', protocol='range'}`,
    `${jt(1.97)} INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Notifying assignor about the new Assignment(partitions=[${parts.join(', ')}])`,
    `${jt(1.97)} INFO  [main] o.a.k.c.c.i.ConsumerRebalanceListenerInvoker - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Adding newly assigned partitions: ${parts.join(', ')}`,
    ...parts.map((p) => `${jt(1.96)} INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Found no committed offset for partition ${p}`),
    `${jt(1.95)} ERROR [main] c.a.f.reconciler.Main - Consumer loop failed, shutting down`,
    `org.apache.kafka.clients.consumer.NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: [${parts.join(', ')}]`,
    '\tat org.apache.kafka.clients.consumer.internals.SubscriptionState.resetInitializingPositions(SubscriptionState.java:750)',
    '\tat org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils.updateFetchPositions(OffsetFetcherUtils.java:285)',
    '\tat org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.updateFetchPositions(LegacyKafkaConsumer.java:1138)',
    '\tat org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.poll(LegacyKafkaConsumer.java:598)',
    '\tat org.apache.kafka.clients.consumer.KafkaConsumer.poll(KafkaConsumer.java:874)',
    '\tat com.acme.fin.reconciler.SettlementLoop.run(SettlementLoop.java:71)',
    '\tat com.acme.fin.reconciler.Main.main(Main.java:48)',
    `${jt(1.92)} INFO  [main] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=${cid}, groupId=fin-settlement-reconciler] Member ${cid}-3b0f6c1e-9a2d-4e57-b8c4-17d2a6f0e931 sending LeaveGroup request to coordinator fin-kafka-kafka-1.fin-kafka-kafka-brokers.kafka.svc:9093 (id: 2147483646 rack: null) due to the consumer is being closed`,
    `${jt(1.9)} INFO  [main] o.a.k.c.m.Metrics - Metrics reporters closed`,
  );
  const oldLog = lines(
    `${jt(4.2)} INFO  [main] c.a.f.reconciler.SettlementLoop - reconciled batch partition=settlements.v1-1 offsets=[1884210..1884409] matched=200 mismatched=0`,
    `${jt(1.1)} INFO  [main] c.a.f.reconciler.SettlementLoop - reconciled batch partition=settlements.v1-4 offsets=[1790022..1790141] matched=119 mismatched=1`,
    `${jt(1.1)} WARN  [main] c.a.f.reconciler.SettlementLoop - settlement STL-2026-11-21-004187 amount mismatch: bank=1249.90 EUR ledger=1249.00 EUR, queued for review`,
  );
  return {
    id: 'heldout96-kafka-group-renamed-no-offset-reset',
    class: 'config',
    truth: 'Revision 12 of settlement-reconciler (3.3.0, 19 minutes ago) renamed KAFKA_GROUP_ID from settlement-reconciler to fin-settlement-reconciler while KAFKA_AUTO_OFFSET_RESET stays none. The new group has no committed offsets on settlements.v1, and with no reset policy the consumer throws NoOffsetForPartitionException ("Undefined offset with no reset policy for partitions") at its first poll and exits 1, so the new pod crash-loops and the rollout is stuck with the two revision-11 pods still consuming under the old group. Kafka and the topic are fine. Fix: keep the old group id (or seed the new group\'s offsets from the old one with kafka-consumer-groups --reset-offsets before switching), never blindly set earliest/latest.',
    ask: { service: 'settlement-reconciler', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ledger.objects,
      ...exposed({ namespace: ns, name: 'settlement-reconciler', selector: { app: 'settlement-reconciler' }, pods: app.pods, endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: ledger.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 19),
      scheduled(fresh, 18.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.3.0')}"`, firstAgo: 18.7, lastAgo: 18.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.3.0')}" in 6.204s (6.204s including waiting). Image size: 148227310 bytes.`, firstAgo: 18.6, lastAgo: 18.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.3.0'), { count: 8, firstAgo: 18.5, lastAgo: 2.1 }),
      backOff(fresh, 'app', { count: 74, firstAgo: 18.2, lastAgo: 0.3 }),
      // Yesterday: a Kafka broker roll made the old pods' readiness flap once.
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 2, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS - 0.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed }),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
      logsFor(podOf(app, 1), 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NoOffsetForPartition|no (committed |reset )?(offset|policy)|auto\.offset\.reset|group/i],
      facts: [/fin-settlement-reconciler/, /auto\.offset\.reset|reset policy|\bnone\b/i, /revision 12|3\.3\.0/],
      never: [/\bOOM/, /(broker|kafka)s? (is |are |was )?(down|unreachable|unavailable)/i, /topic[^\n]*(not exist|missing|deleted)/i],
    },
  };
}

// ---- 4. Hibernate schema validation: the release's Liquibase Job never ran (stale changelog lock) ----------

function hibernateMissingColumnMigrationLocked(): CorpusScenario {
  const ns = 'crm';
  const nodes = ['a', 'b', 'c'].map((z, i) => flavoured('gke', { name: `gke-crm-prod-default-pool-7f3c2e1a-${['k2xq', 'm9vd', 'r4tn'][i]}`, zone: `europe-west3-${z}`, pool: 'default-pool', createdAgo: 26 * DAYS }));
  const names = nodes.map(nameOf);
  const reg = 'europe-west3-docker.pkg.dev/acme-crm/images';
  const image = (v: string) => `${reg}/customer-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://10.61.0.12:5432/crm' },
        { name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'validate' },
        { name: 'SPRING_LIQUIBASE_ENABLED', value: 'false' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'customer-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: customer-service 4.6.2', template: tpl('4.6.2') },
      { revision: 23, createdAgo: 17, changeCause: 'argocd: customer-service 4.7.0', template: tpl('4.7.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 16.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 24 }, 6) } },
    ],
  });
  const fresh = podOf(app, 3);
  const lbImage = (v: string) => `${reg}/customer-db-migrations:${v}`;
  const migTpl = (v: string) => ({ containers: [batchContainer({ name: 'liquibase', image: lbImage(v), args: ['--changelog-file=db/changelog/db.changelog-master.yaml', '--url=jdbc:postgresql://10.61.0.12:5432/crm', 'update'], cpu: '200m', memory: '512Mi' })] });
  const failedRun = (k: number, start: number, end: number) => ({ createdAgo: start, phase: 'Failed' as const, node: names[k % 3] ?? '', containers: { liquibase: terminated({ exitCode: 1, finishedAgo: end, ranSeconds: Math.round((start - end) * 60) - 5 }) } });
  const mig = job({ namespace: ns, name: 'customer-db-migrate-4-7-0', template: migTpl('4.7.0'), backoffLimit: 2, createdAgo: 17.2, pods: [failedRun(0, 17.1, 11.9), failedRun(1, 11.7, 6.5), failedRun(2, 6.2, 1.0)], outcome: { failed: 'BackoffLimitExceeded', ago: 0.9 } });
  const prevMig = job({ namespace: ns, name: 'customer-db-migrate-4-6-2', template: migTpl('4.6.2'), backoffLimit: 2, createdAgo: 9 * DAYS + 1, pods: [{ createdAgo: 9 * DAYS + 1, phase: 'Succeeded', node: names[0] ?? '', containers: { liquibase: terminated({ exitCode: 0, finishedAgo: 9 * DAYS + 0.5, ranSeconds: 21 }) } }], outcome: { complete: true, ago: 9 * DAYS + 0.5 } });
  for (const j of [mig, prevMig]) j.objects[0]!.metadata!.annotations = { 'argocd.argoproj.io/sync-wave': '-1', 'argocd.argoproj.io/instance': 'customer-service' };
  const lockMsg = 'Could not acquire change log lock.  Currently locked by dba-laptop-jmoreau (192.168.88.14) since 11/20/26, 4:52 PM';
  const lbLog = (start: number) => lines(
    '####################################################',
    '##   _     _             _ _                      ##',
    '##  | |   (_)           (_) |                     ##',
    '##  | |    _  __ _ _   _ _| |__   __ _ ___  ___   ##',
    '##  | |   | |/ _` | | | | | \'_ \\ / _` / __|/ _ \\  ##',
    '##  | |___| | (_| | |_| | | |_) | (_| \\__ \\  __/  ##',
    '##  \\_____/_|\\__, |\\__,_|_|_.__/ \\__,_|___/\\___|  ##',
    '##              | |                               ##',
    '##              |_|                               ##',
    '####################################################',
    `Starting Liquibase at ${at(start).slice(11, 19)} using Java 17.0.12 (version 4.29.2 #3683 built at 2024-08-29 16:45+0000)`,
    'Liquibase Version: 4.29.2',
    'Liquibase Open Source 4.29.2 by Liquibase',
    ...Array.from({ length: 6 }, () => 'Waiting for changelog lock....'),
    'ERROR: Exception Details',
    'ERROR: Exception Primary Class:  LockException',
    `ERROR: Exception Primary Reason:  ${lockMsg}`,
    'ERROR: Exception Primary Source:  PostgreSQL 15.8',
    '',
    `Unexpected error running Liquibase: ${lockMsg}`,
    '',
    'For more information, please use the --log-level flag',
  );
  const st = (m: number) => at(m).replace(/\.\d+Z$/, '.') + String(Math.round(m * 7919) % 1000).padStart(3, '0') + 'Z';
  const crashed = lines(
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
    `${st(2.8)}  INFO 1 --- [customer-service] [           main] c.a.crm.CustomerServiceApplication       : Starting CustomerServiceApplication v4.7.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${st(2.8)}  INFO 1 --- [customer-service] [           main] c.a.crm.CustomerServiceApplication       : The following 1 profile is active: "prod"`,
    `${st(2.72)}  INFO 1 --- [customer-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${st(2.7)}  INFO 1 --- [customer-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${st(2.69)}  INFO 1 --- [customer-service] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b1f29fa`,
    `${st(2.69)}  INFO 1 --- [customer-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${st(2.68)}  INFO 1 --- [customer-service] [           main] org.hibernate.Version                    : HHH000412: Hibernate ORM core version 6.5.3.Final`,
    `${st(2.62)}  WARN 1 --- [customer-service] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing column [loyalty_tier] in table [customers]`,
    `${st(2.61)}  INFO 1 --- [customer-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...`,
    `${st(2.61)}  INFO 1 --- [customer-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown completed.`,
    `${st(2.6)}  INFO 1 --- [customer-service] [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${st(2.6)} ERROR 1 --- [customer-service] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing column [loyalty_tier] in table [customers]`,
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806) ~[spring-beans-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335) ~[spring-boot-3.3.5.jar!/:3.3.5]',
    '\tat com.acme.crm.CustomerServiceApplication.main(CustomerServiceApplication.java:12) ~[!/:4.7.0]',
    `Caused by: jakarta.persistence.PersistenceException: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing column [loyalty_tier] in table [customers]`,
    '\tat org.springframework.orm.jpa.vendor.SpringHibernateJpaPersistenceProvider.createContainerEntityManagerFactory(SpringHibernateJpaPersistenceProvider.java:75) ~[spring-orm-6.1.14.jar!/:6.1.14]',
    'Caused by: org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing column [loyalty_tier] in table [customers]',
    '\tat org.hibernate.tool.schema.internal.AbstractSchemaValidator.validateTable(AbstractSchemaValidator.java:143) ~[hibernate-core-6.5.3.Final.jar!/:6.5.3.Final]',
    '\tat org.hibernate.tool.schema.internal.GroupedSchemaValidatorImpl.validateTables(GroupedSchemaValidatorImpl.java:46) ~[hibernate-core-6.5.3.Final.jar!/:6.5.3.Final]',
    '\t... 21 common frames omitted',
  );
  const search = deploymentApp({
    namespace: ns,
    name: 'customer-search',
    replicas: 2,
    revisions: [
      { revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${reg}/customer-search:2.0.9`, ports: [8080] })] } },
      { revision: 7, createdAgo: 3 * HOURS, changeCause: 'argocd: customer-search 2.1.0', template: { containers: [container({ image: `${reg}/customer-search:2.1.0`, ports: [8080] })] } },
    ],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 3 * HOURS }, { revision: 7, node: names[2] ?? '', createdAgo: 3 * HOURS - 1 }],
  });
  return {
    id: 'heldout96-hibernate-missing-column-migration-job-locked',
    class: 'jobs',
    truth: 'Release 4.7.0 of customer-service (revision 23, 17 minutes ago) maps a new column customers.loyalty_tier that its Liquibase migration Job customer-db-migrate-4-7-0 should have added. That Job failed (BackoffLimitExceeded, three pods exiting 1): each run waited five minutes for the changelog lock and gave up with "Could not acquire change log lock. Currently locked by dba-laptop-jmoreau (192.168.88.14) since 11/20/26, 4:52 PM", a lock a manual Liquibase run left behind yesterday. So the column was never created, and the new pod fails Hibernate schema validation at start (missing column [loyalty_tier] in table [customers]) and crash-loops while the three revision-22 pods keep serving. Fix: release the stale lock (liquibase release-locks, after checking nobody runs), re-run the migration Job, then the rollout completes.',
    ask: { service: 'customer-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mig.objects, ...prevMig.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'customer-service', selector: { app: 'customer-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'customer-search', selector: { app: 'customer-search' }, pods: search.pods }),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(mig.pods[0])}`, 17.1),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(mig.pods[1])}`, 11.7),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(mig.pods[2])}`, 6.2),
      jobEvent(mig.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 0.9, 'Warning'),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 17),
      scheduled(fresh, 16.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('4.7.0')}"`, firstAgo: 16.7, lastAgo: 16.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.7.0')}" in 4.877s (4.877s including waiting). Image size: 201338112 bytes.`, firstAgo: 16.6, lastAgo: 16.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('4.7.0'), { count: 6, firstAgo: 16.6, lastAgo: 2.9 }),
      backOff(fresh, 'app', { count: 61, firstAgo: 15.9, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed }),
      ...mig.pods.map((p, k) => logsFor(p, 'liquibase', { current: lbLog([17.05, 11.65, 6.15][k] ?? 6) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`${st(1.3 + k * 0.1)}  INFO 1 --- [customer-service] [nio-8080-exec-${k + 3}] c.a.crm.web.RequestLogFilter           : GET /api/customers/CUS-00${k}4471 200 18ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/migrat|liquibase|change ?log lock|customer-db-migrate/i],
      facts: [/customer-db-migrate-4-7-0/, /loyalty_tier/, /lock/i],
      never: [/\bOOM/, /password|credential|authenticat/i, /database[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 5. Redis WRONGTYPE: a revision changed a key from string to hash, both revisions serve ----------------

function redisWrongTypeMixedRevisions(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '87', '203']);
  const image = (v: string) => `${ECR}/storefront/cart-service:${v}`;
  const tpl = (v: string, hash: boolean) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '300m', memory: '384Mi',
      command: ['gunicorn'], args: ['-w', '4', '-b', '0.0.0.0:8000', '--access-logfile', '-', 'cart.wsgi:app'],
      env: [
        { name: 'REDIS_URL', value: 'redis://cart-redis.storefront.svc.cluster.local:6379/0' },
        { name: 'CART_TTL_SECONDS', value: '604800' },
        ...(hash ? [{ name: 'CART_STORE_FORMAT', value: 'hash' }] : []),
      ],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-service',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: cart-service 2.8.0', template: tpl('2.8.0', false) },
      { revision: 42, createdAgo: 14, changeCause: 'argocd: cart-service 2.9.0', template: tpl('2.9.0', true) },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 42, node: names[2] ?? '', createdAgo: 13.8 },
      { revision: 42, node: names[0] ?? '', createdAgo: 13.7 },
    ],
  });
  // The team's canary step: `kubectl rollout pause` once the first batch is up.
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.spec) dep.spec.paused = true;
  if (dep.status) dep.status.conditions = [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(12 * DAYS), lastTransitionTime: ago(12 * DAYS) },
    { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ago(13.5), lastTransitionTime: ago(13.5) },
  ];
  const redis = statefulSetApp({
    namespace: ns,
    name: 'cart-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1-alpine', args: ['--appendonly', 'yes', '--maxmemory', '1536mb', '--maxmemory-policy', 'volatile-lru'], ports: [{ name: 'redis', containerPort: 6379 }], memory: '2Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 31 * DAYS }],
  });
  const webFront = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 2,
    revisions: [{ revision: 77, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront-web 14.2.0', template: { containers: [container({ image: `${ECR}/storefront/storefront-web:14.2.0`, ports: [3000] })] } }],
    pods: [{ revision: 77, node: names[2] ?? '', createdAgo: 2 * DAYS }, { revision: 77, node: names[1] ?? '', createdAgo: 2 * DAYS }],
  });
  const gt = (m: number) => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
  const flaskTime = (m: number) => `[${pyTime(m)}]`;
  const users = ['u_81f2a', 'u_3c90d', 'u_77ab1', 'u_0e4c2', 'u_a19f7', 'u_5d2e8'];
  const trace = (m: number, worker: number, method: string, path: string, frames: string[]) => [
    `${flaskTime(m)} ERROR in app: Exception on ${path} [${method}]`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app',
    '    response = self.full_dispatch_request()',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 882, in full_dispatch_request',
    '    rv = self.handle_user_exception(e)',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 880, in full_dispatch_request',
    '    rv = self.dispatch_request()',
    '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 865, in dispatch_request',
    '    return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]',
    ...frames,
    '  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 559, in execute_command',
    '    return self._execute_command(*args, **options)',
    '  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 586, in _execute_command',
    '    return self.parse_response(conn, command_name, **options)',
    '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 592, in read_response',
    '    raise response',
    'redis.exceptions.ResponseError: WRONGTYPE Operation against a key holding the wrong kind of value',
    `10.0.120.${40 + worker} - - [${clfTime(m)}] "${method} ${path} HTTP/1.1" 500 265 "-" "storefront-web/14.2.0"`,
  ];
  const oldFrames = ['  File "/app/cart/views.py", line 38, in get_cart', '    cart = store.load(user_id)', '  File "/app/cart/store.py", line 44, in load', '    raw = self.redis.get(f"cart:{user_id}")', '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 1829, in get', '    return self.execute_command("GET", name, keys=[name])'];
  const newFrames = ['  File "/app/cart/views.py", line 41, in get_cart', '    cart = store.load(user_id)', '  File "/app/cart/store.py", line 57, in load', '    fields = self.redis.hgetall(f"cart:{user_id}")', '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 5034, in hgetall', '    return self.execute_command("HGETALL", name, keys=[name])'];
  const podLog = (k: number, isNew: boolean) => {
    const out = [`${gt(isNew ? 13.6 - k * 0.1 : 12 * DAYS - k)} [1] [INFO] Starting gunicorn 23.0.0`, `${gt(isNew ? 13.6 - k * 0.1 : 12 * DAYS - k)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`];
    for (let i = 0; i < 6; i++) {
      const t = 11 - i * 1.8 - k * 0.13;
      const u = users[(i + k * 2 + (isNew ? 1 : 0)) % users.length] ?? 'u_1';
      out.push(...trace(t, k, 'GET', `/api/v1/cart/${u}`, isNew ? newFrames : oldFrames));
      out.push(`10.0.120.${60 + k} - - [${clfTime(t - 0.05)}] "GET /api/v1/cart/u_${(9000 + i * 77 + k).toString(16)} HTTP/1.1" 200 ${180 + i * 11} "-" "storefront-web/14.2.0"`);
    }
    out.push(`10.0.120.${70 + k} - - [${clfTime(0.2)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`);
    return lines(...out);
  };
  return {
    id: 'heldout96-redis-wrongtype-string-vs-hash-mixed-revisions',
    class: 'rollout',
    truth: 'Revision 42 of cart-service (2.9.0, 14 minutes ago, CART_STORE_FORMAT=hash) stores each cart at cart:<user> as a Redis hash (HSET/HGETALL) where revision 41 (2.8.0) stores it as a JSON string (SET/GET). The rollout was paused after its first batch as a canary, so two pods of each revision serve behind one Service: a new pod reading a cart the old code wrote, and an old pod reading one the new code rewrote, both get "WRONGTYPE Operation against a key holding the wrong kind of value" and answer 500. Redis is healthy. Fix: stop the mixed state (finish or revert the rollout) and make the format change compatible (a new key prefix such as cart:v2:, or a reader that accepts both types); the hashes already written must be migrated or deleted whichever revision stays.',
    ask: { service: 'cart-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...webFront.objects,
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: webFront.pods, endpointPort: 3000 }),
      scaledReplicaSet(dep, rsOf(app, 42), 1, 0, 14),
      scaledReplicaSet(dep, rsOf(app, 41), 3, 4, 14),
      scaledReplicaSet(dep, rsOf(app, 42), 2, 1, 13.8),
      scaledReplicaSet(dep, rsOf(app, 41), 2, 3, 13.6),
      ...[2, 3].flatMap((k) => startedNormally(podOf(app, k), 'app', image('2.9.0'), 13.8 - (k - 2) * 0.1)),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: podLog(0, false) }),
      logsFor(podOf(app, 1), 'app', { current: podLog(1, false) }),
      logsFor(podOf(app, 2), 'app', { current: podLog(2, true) }),
      logsFor(podOf(app, 3), 'app', { current: podLog(3, true) }),
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M ${'21 Nov 2026 02:41:07.118'} * 100 changes in 300 seconds. Saving...`, `1:M 21 Nov 2026 02:41:07.121 * Background saving started by pid 4812`, `4812:C 21 Nov 2026 02:41:07.402 * DB saved on disk`, `1:M 21 Nov 2026 02:41:07.503 * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/WRONGTYPE|wrong (kind|type)|hash|string/i],
      facts: [/revision 42|2\.9\.0/, /revision 41|2\.8\.0|both revisions|old (revision|pods)|mixed/i, /cart:/],
      never: [/\bOOM/, /redis[^\n]*(\bdown|unreachable|maxmemory|out of memory|evict)/i, /network ?polic/i],
    },
  };
}

// ---- 6. (my choice) Elasticsearch flood-stage read-only blocks: the retention CronJob left suspended --------

function esFloodStageRetentionSuspended(): CorpusScenario {
  const ns = 'audit';
  const nodes = [0, 1, 2].map((i) => flavoured('doks', { name: `pool-audit-${['q8x2m', 'f4kzt', 'w7cnb'][i]}`, zone: 'fra1-x', pool: 'pool-audit', createdAgo: 61 * DAYS }));
  const names = nodes.map(nameOf);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'audit-es',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'audit-es-headless',
    revisions: [{ revision: 5, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi', env: [{ name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }, { name: 'cluster.name', value: 'audit' }], readiness: execProbe(['bash', '-c', 'curl -s -k -u "elastic:${ELASTIC_PASSWORD}" "https://127.0.0.1:9200/_cluster/health?local=true" | grep -vq \'"status":"red"\'']), liveness: tcpProbe('transport', { initialDelaySeconds: 90 }), volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'do-block-storage' }],
    pods: [0, 1, 2].map((o) => ({ revision: 5, ordinal: o, node: names[o] ?? '', createdAgo: 45 * DAYS - o })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-audit-es-${o}`, storage: '200Gi', zone: 'fra1', createdAgo: 45 * DAYS, storageClass: 'do-block-storage' }));
  // DigitalOcean block storage: its CSI driver, its region topology key.
  for (const c of claims) {
    if (c.kind === 'PersistentVolumeClaim' && c.metadata?.annotations) c.metadata.annotations['volume.kubernetes.io/storage-provisioner'] = 'dobs.csi.digitalocean.com';
    const spec = (c as k8s.V1PersistentVolume).spec;
    if (c.kind === 'PersistentVolume' && spec) {
      spec.csi = { driver: 'dobs.csi.digitalocean.com', fsType: 'ext4', volumeHandle: uidOf(`do-vol/${nameOf(c)}`), volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': '1728000000000-8081-dobs.csi.digitalocean.com' } };
      spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'region', operator: 'In', values: ['fra1'] }] }] } };
      if (c.metadata?.annotations) c.metadata.annotations['pv.kubernetes.io/provisioned-by'] = 'dobs.csi.digitalocean.com';
    }
  }
  const retImage = 'registry.digitalocean.com/acme/es-retention:1.4.0';
  const retention = cronJob({
    namespace: ns,
    name: 'audit-es-retention',
    schedule: '30 1 * * *',
    suspend: true,
    template: { containers: [batchContainer({ name: 'retention', image: retImage, args: ['--hosts', 'https://audit-es:9200', '--pattern', 'audit-*', '--delete-older-than', '30d'], cpu: '50m', memory: '128Mi' })] },
    jobs: [12, 11, 10].map((d) => ({ createdAgo: d * DAYS + 103, pods: [{ createdAgo: d * DAYS + 103, phase: 'Succeeded' as const, node: names[d % 3] ?? '', containers: { retention: terminated({ exitCode: 0, finishedAgo: d * DAYS + 102, ranSeconds: 14 }) } }], outcome: { complete: true as const, ago: d * DAYS + 102 } })),
    lastSuccessfulAgo: 10 * DAYS + 102,
    createdAgo: 300 * DAYS,
  });
  const cj = retention.objects[0];
  if (cj?.metadata) cj.metadata.managedFields = [
    { manager: 'helm', operation: 'Update', apiVersion: 'batch/v1', time: ago(300 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {}, 'f:jobTemplate': {} } } },
    { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: ago(10 * DAYS + 102), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:lastScheduleTime': {}, 'f:lastSuccessfulTime': {} } }, subresource: 'status' },
    { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'batch/v1', time: ago(9 * DAYS + 7 * HOURS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:suspend': {} } } },
  ];
  const image = (v: string) => `registry.digitalocean.com/acme/audit-shipper:${v}`;
  const tpl = (v: string, workers: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '250m', memory: '256Mi', env: [{ name: 'ES_URL', value: 'https://audit-es:9200' }, { name: 'ES_INDEX_PREFIX', value: 'audit-' }, { name: 'BULK_WORKERS', value: workers }, { name: 'SPOOL_DIR', value: '/spool' }], volumeMounts: [{ name: 'spool', mountPath: '/spool' }] })], volumes: [{ name: 'spool', emptyDir: { sizeLimit: '2Gi' } }] });
  const app = deploymentApp({
    namespace: ns,
    name: 'audit-shipper',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 40 * DAYS, changeCause: 'helm upgrade audit-shipper 1.7.0', template: tpl('1.7.0', '2') },
      { revision: 15, createdAgo: 3 * DAYS, changeCause: 'helm upgrade audit-shipper 1.7.0 (BULK_WORKERS=4)', template: tpl('1.7.0', '4') },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 3 * DAYS }, { revision: 15, node: names[2] ?? '', createdAgo: 3 * DAYS - 1 }],
  });
  const kibana = deploymentApp({
    namespace: ns,
    name: 'audit-kibana',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'kibana', image: 'docker.elastic.co/kibana/kibana:8.15.3', ports: [5601], memory: '1Gi' })] } }],
    pods: [{ revision: 3, node: names[1] ?? '', createdAgo: 45 * DAYS, containers: { kibana: running({ sinceAgo: 26 * HOURS, restarts: 2, last: { exitCode: 1, finishedAgo: 26 * HOURS, ranSeconds: 40 } }) } }],
  });
  const block = (idx: string) => `index [${idx}] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];`;
  const esJson = (m: number, level: string, logger: string, node: string, msg: string) => `{"@timestamp":"${at(m)}", "log.level": "${level}", "message":"${msg}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${node}][management][T#3]","log.logger":"${logger}","elasticsearch.cluster.name":"audit","elasticsearch.node.name":"${node}"}`;
  const shipLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 52 - i * 4.2 - k * 0.3;
      out.push(`{"level":"error","time":"${at(t)}","caller":"bulk/indexer.go:211","msg":"bulk item failed","index":"audit-2026.11.21","status":429,"error_type":"cluster_block_exception","error_reason":"${block('audit-2026.11.21')}","items_failed":${180 + i * 9 + k}}`);
      if (i % 3 === 2) out.push(`{"level":"warn","time":"${at(t - 0.05)}","caller":"spool/spool.go:88","msg":"spooling undelivered events","spool_bytes":${(120 + i * 66 + k * 5) * 1_048_576},"oldest_event_age":"${Math.round(52 - t + 1)}m"}`);
    }
    out.push(`{"level":"info","time":"${at(0.4)}","caller":"http/server.go:71","msg":"GET /ready","status":200}`);
    return lines(...out);
  };
  return {
    id: 'heldout96-elasticsearch-flood-stage-retention-suspended',
    class: 'storage',
    truth: 'The audit-es-retention CronJob, which deletes audit-* indices older than 30 days every night, was suspended by hand (kubectl patch, 9 days ago, during a snapshot migration) and never resumed: its last successful run was 10 days ago. The Elasticsearch data volumes (200Gi each) kept filling until about 55 minutes ago they crossed the 95% flood-stage watermark; Elasticsearch then put a read-only-allow-delete block on every index of those nodes, and audit-shipper\'s bulk requests fail with 429 cluster_block_exception ("disk usage exceeded flood-stage watermark"), so audit events pile up in its spool. The shipper and its revision 15 (BULK_WORKERS 2→4, 3 days ago) are not the cause. Fix: resume the CronJob (or delete old indices now) to free disk; ES 8 lifts the block once usage falls below the high watermark.',
    ask: { service: 'audit-shipper', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...claims, ...retention.objects, ...app.objects, ...kibana.objects,
      ...exposed({ namespace: ns, name: 'audit-shipper', selector: { app: 'audit-shipper' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'audit-es', selector: { app: 'audit-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'audit-kibana', selector: { app: 'audit-kibana' }, pods: kibana.pods, endpointPort: 5601 }),
      // Yesterday's noise: Kibana restarted twice while Elasticsearch did a rolling restart of its plugins.
      event({ on: podOf(kibana, 0), reason: 'BackOff', message: `Back-off restarting failed container kibana in pod ${nameOf(podOf(kibana, 0))}_${ns}(${podOf(kibana, 0).metadata?.uid ?? ''})`, count: 2, firstAgo: 26 * HOURS + 1, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{kibana}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: shipLog(k) })),
      ...es.pods.map((p, o) => logsFor(p, 'elasticsearch', {
        current: lines(
          esJson(20 * HOURS - o, 'WARN', 'org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor', `audit-es-${o}`, `high disk watermark [90%] exceeded on [${uidOf(`esnode/${o}`).slice(0, 22)}][audit-es-${o}][/usr/share/elasticsearch/data] free: ${(19.6 - o * 0.4).toFixed(1)}gb[${(9.8 - o * 0.2).toFixed(1)}%], shards will be relocated away from this node; currently relocating away shards totalling [0b] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete`),
          esJson(55 - o * 3, 'WARN', 'org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor', `audit-es-${o}`, `flood stage disk watermark [95%] exceeded on [${uidOf(`esnode/${o}`).slice(0, 22)}][audit-es-${o}][/usr/share/elasticsearch/data] free: ${(9.6 - o * 0.5).toFixed(1)}gb[${(4.8 - o * 0.25).toFixed(2)}%], all indices on this node will be marked read-only`),
          esJson(1.5 - o * 0.2, 'WARN', 'org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor', `audit-es-${o}`, `flood stage disk watermark [95%] exceeded on [${uidOf(`esnode/${o}`).slice(0, 22)}][audit-es-${o}][/usr/share/elasticsearch/data] free: ${(9.1 - o * 0.5).toFixed(1)}gb[${(4.55 - o * 0.25).toFixed(2)}%], all indices on this node will be marked read-only`),
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/flood.?stage|read.?only|watermark|disk|cluster_block|audit-es-retention|retention/i],
      facts: [/audit-es-retention|retention/i, /suspend/i, /95 ?%|flood.?stage|read.?only/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(BULK_WORKERS|revision 15)[^\n]*(caused|broke|introduced|triggered)/i, /password|credential|authenticat/i],
    },
  };
}

// ---- 7. healthy control: Kafka "isn't a known config" warnings at start ------------------------------------

function healthyKafkaUnknownConfigWarnings(): CorpusScenario {
  const ns = 'logistics';
  const nodes = ['b', 'c', 'd'].map((z, i) => flavoured('gke', { name: `gke-logi-prod-apps-3a91c7d2-${['x5qp', 'h2bn', 'z8tw'][i]}`, zone: `us-east1-${z}`, pool: 'apps', createdAgo: 18 * DAYS }));
  const names = nodes.map(nameOf);
  const reg = 'us-east1-docker.pkg.dev/acme-logistics/apps';
  const image = (v: string) => `${reg}/shipment-tracker:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'gcp' }, { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'logi-kafka-kafka-bootstrap.kafka.svc:9092' }, { name: 'SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL', value: 'http://schema-registry.kafka.svc:8081' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-tracker',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 16 * DAYS, changeCause: 'argocd: shipment-tracker 2.14.1', template: tpl('2.14.1') },
      { revision: 31, createdAgo: 52, changeCause: 'argocd: shipment-tracker 2.15.0', template: tpl('2.15.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 51 - k * 1.5 })),
  });
  const eta = deploymentApp({
    namespace: ns,
    name: 'eta-predictor',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, template: { containers: [container({ image: `${reg}/eta-predictor:0.9.4`, ports: [8000] })] } }],
    pods: [
      { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS, ranSeconds: 3 * 86400 } }) } },
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const st = (m: number) => at(m);
  const log = (p: k8s.V1Pod, k: number) => {
    const start = 51 - k * 1.5 - 0.2;
    const cid = `consumer-shipment-tracker-${k + 1}`;
    return lines(
      `${st(start)}  INFO 1 --- [shipment-tracker] [           main] c.a.l.ShipmentTrackerApplication         : Starting ShipmentTrackerApplication v2.15.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${st(start - 0.2)}  INFO 1 --- [shipment-tracker] [           main] o.a.k.clients.consumer.ConsumerConfig    : ConsumerConfig values: `,
      '\tauto.offset.reset = earliest',
      '\tbootstrap.servers = [logi-kafka-kafka-bootstrap.kafka.svc:9092]',
      `\tclient.id = ${cid}`,
      '\tgroup.id = shipment-tracker',
      '\tkey.deserializer = class org.apache.kafka.common.serialization.StringDeserializer',
      '\tvalue.deserializer = class io.confluent.kafka.serializers.KafkaAvroDeserializer',
      `${st(start - 0.21)}  WARN 1 --- [shipment-tracker] [           main] o.a.k.clients.consumer.ConsumerConfig    : The configuration 'schema.registry.url' was supplied but isn't a known config.`,
      `${st(start - 0.21)}  WARN 1 --- [shipment-tracker] [           main] o.a.k.clients.consumer.ConsumerConfig    : The configuration 'specific.avro.reader' was supplied but isn't a known config.`,
      `${st(start - 0.21)}  WARN 1 --- [shipment-tracker] [           main] o.a.k.clients.consumer.ConsumerConfig    : The configuration 'auto.register.schemas' was supplied but isn't a known config.`,
      `${st(start - 0.21)}  INFO 1 --- [shipment-tracker] [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version: 3.6.2`,
      `${st(start - 0.25)}  INFO 1 --- [shipment-tracker] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${st(start - 0.26)}  INFO 1 --- [shipment-tracker] [           main] c.a.l.ShipmentTrackerApplication         : Started ShipmentTrackerApplication in 14.82 seconds (process running for 15.9)`,
      `${st(start - 0.3)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=${cid}, groupId=shipment-tracker] Successfully synced group in generation Generation{generationId=88, memberId='${cid}-${uidOf(nameOf(p))}', protocol='range'}`,
      `${st(start - 0.3)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : shipment-tracker: partitions assigned: [shipment-events-${k * 2}, shipment-events-${k * 2 + 1}]`,
      `${st(12 + k)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] o.apache.kafka.clients.NetworkClient     : [Consumer clientId=${cid}, groupId=shipment-tracker] Node -1 disconnected.`,
      `${st(3 + k * 0.4)}  INFO 1 --- [shipment-tracker] [nio-8080-exec-${k + 2}] c.a.l.web.TrackingController            : GET /v1/shipments/1Z${(884210 + k * 317).toString(36).toUpperCase()}/events 200 (23 ms)`,
      `${st(0.7 + k * 0.1)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] c.a.l.events.ShipmentEventListener       : applied 57 events, lag=0`,
    );
  };
  return {
    id: 'heldout96-healthy-kafka-unknown-config-warnings',
    class: 'healthy',
    truth: 'shipment-tracker rolled out 2.15.0 (revision 31) 52 minutes ago and is healthy: three Ready pods consume shipment-events with lag 0 and answer requests. At start Kafka\'s ConsumerConfig logs "The configuration \'schema.registry.url\' was supplied but isn\'t a known config." (and the same for specific.avro.reader, auto.register.schemas): these are Confluent Avro deserializer settings passed through the consumer properties, harmless. The bystander eta-predictor\'s OOM restart was six days ago; nothing is current.',
    ask: { service: 'shipment-tracker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...eta.objects,
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'eta-predictor', selector: { app: 'eta-predictor' }, pods: eta.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 31), 3, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 30), 0, 3, 48),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.15.0'), 51 - k * 1.5)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current )?(problem|issue)|running|ready|serving/i],
      facts: [/shipment-tracker/],
      never: [/schema\.registry\.url[^\n]*(cause|broke|fail)/i, /unknown config[^\n]*(cause|fail)|misconfigur/i, /shipment-tracker[^\n]*\bOOM/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  staleCni0BridgeAfterRejoin(),
  clickhouseTooManyParts(),
  kafkaGroupRenamedNoResetPolicy(),
  hibernateMissingColumnMigrationLocked(),
  redisWrongTypeMixedRevisions(),
  esFloodStageRetentionSuspended(),
  healthyKafkaUnknownConfigWarnings(),
];

// Held-out round 18, second part (see stories.ts): stories 8–12 and the two healthy controls, and
// the helpers both parts share.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, container, crashLoop, cronJob, daemonSetApp, deploymentApp, event, exposed,
  httpProbe, nameOf, node, nodeEvent, probeFailed, restartedAgain, rsOf, service, startedNormally,
  statefulSetApp, terminated, ago, templateHash,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
export const bystander = (ns: string, name: string, names: readonly string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [22, 23], versions: ['4.1.0', '4.2.0'], olderAgo: 15 * DAYS });

/** The Deployment object of a built app (the first object deploymentApp returns). */
export const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** `Scaled up replica set X to 3 from 0`, as the deployment controller words it since 1.26. */
export function scaledRs(deployment: KubeJson, rs: string, to: number, from: number, atAgo: number): k8s.CoreV1Event {
  return event({ on: { kind: 'Deployment', ...(deployment.metadata === undefined ? {} : { metadata: deployment.metadata }) }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${to >= from ? 'up' : 'down'} replica set ${rs} to ${to} from ${from}`, firstAgo: atAgo, lastAgo: atAgo, component: 'deployment-controller' });
}

/** A GKE node (`gke-<cluster>-<pool>-<hash>-<id>`), europe-west1. */
export function gkeNode(o: { cluster: string; pool: string; id: string; zone: string; machine?: string; createdAgo?: number; allocatable?: Record<string, string>; labels?: Record<string, string> }): k8s.V1Node {
  const name = `gke-${o.cluster}-${o.pool}-${templateHash(`${o.cluster}/${o.pool}`).slice(0, 8)}-${o.id}`;
  const n = node({ name, zone: o.zone, instanceType: o.machine ?? 'e2-standard-4', pool: o.pool, ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }), ...(o.allocatable === undefined ? {} : { allocatable: o.allocatable }), labels: { 'cloud.google.com/gke-nodepool': o.pool, 'cloud.google.com/machine-family': (o.machine ?? 'e2').split('-')[0] ?? 'e2', ...o.labels } });
  const labels = n.metadata?.labels ?? {};
  delete labels['eks.amazonaws.com/nodegroup'];
  labels['topology.kubernetes.io/region'] = 'europe-west1';
  if (n.spec) n.spec.providerID = `gce://acme-prod/${o.zone}/${name}`;
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.100+', kubeletVersion: 'v1.31.3-gke.1162000', kubeProxyVersion: 'v1.31.3-gke.1162000', containerRuntimeVersion: 'containerd://1.7.23' });
  return n;
}

/** An AKS node (`aks-<pool>-<id>-vmss00000N`), westeurope. */
export function aksNode(o: { pool: string; index: number; zone: string; createdAgo?: number; unschedulable?: boolean; taints?: k8s.V1Taint[] }): k8s.V1Node {
  const name = `aks-${o.pool}-38291746-vmss${String(o.index).padStart(6, '0')}`;
  const n = node({ name, zone: o.zone, instanceType: 'Standard_D4s_v5', pool: o.pool, ...(o.createdAgo === undefined ? {} : { createdAgo: o.createdAgo }), ...(o.unschedulable ? { unschedulable: true } : {}), ...(o.taints === undefined ? {} : { taints: o.taints }), labels: { 'kubernetes.azure.com/agentpool': o.pool, 'kubernetes.azure.com/cluster': 'MC_rg-prod_aks-prod_westeurope', agentpool: o.pool } });
  const labels = n.metadata?.labels ?? {};
  delete labels['eks.amazonaws.com/nodegroup'];
  labels['topology.kubernetes.io/region'] = 'westeurope';
  if (n.spec) n.spec.providerID = `azure:///subscriptions/3f2b8c1e-0000-4000-a000-5d1c2e7f9a10/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${o.pool}-38291746-vmss/virtualMachines/${o.index}`;
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1074-azure', kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6', containerRuntimeVersion: 'containerd://1.7.23-1' });
  return n;
}

/** Java / Spring Boot's console log line. */
export const spring = (m: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

/** Ruby's Logger line: `I, [2026-11-21T03:10:02.114211 #1]  INFO -- : msg`. */
const rb = (m: number, level: 'INFO' | 'WARN' | 'ERROR', msg: string): string => `${level[0]}, [${at(m).replace('Z', '')}211 #1] ${level.padStart(5)} -- : ${msg}`;

/** klog's header: `E1121 03:10:02.131377       1 `. */
const klog = (m: number, sev: 'I' | 'W' | 'E', file: string, msg: string): string => `${sev}1121 ${at(m).slice(11, 23)}377       1 ${file}] ${msg}`;

// ---- 8. a revision changed the projected token's audience: 401 token audience invalid --------------

function projectedTokenAudienceChanged(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.166');
  const image = (v: string) => `${ECR}/inventory/stock-sync:${v}`;
  const tpl = (v: string, audience: string) => ({
    containers: [container({ image: image(v), command: ['bundle', 'exec', 'bin/stock-sync'], ports: [9292], memory: '512Mi', env: [{ name: 'WAREHOUSE_API_URL', value: 'http://warehouse-api.inventory.svc:8080' }, { name: 'WAREHOUSE_TOKEN_FILE', value: '/var/run/secrets/warehouse/token' }], readiness: httpProbe('/health/ready', 9292), liveness: httpProbe('/health/live', 9292, { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'warehouse-token', mountPath: '/var/run/secrets/warehouse', readOnly: true }] })],
    serviceAccountName: 'stock-sync',
    volumes: [{ name: 'warehouse-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience, expirationSeconds: 3600, path: 'token' } }] } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'stock-sync',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 15, createdAgo: 12 * DAYS, changeCause: 'helm: stock-sync chart 2.6.4, app 5.2.9', template: tpl('5.2.9', 'warehouse-api') },
      { revision: 16, createdAgo: 26, changeCause: 'helm: stock-sync chart 2.7.0, app 5.3.0 (auth.audience from values)', template: tpl('5.3.0', 'https://warehouse-api.inventory.svc') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 16, node: names[2] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 6 }, 9) } },
    ],
  });
  const wh = deploymentApp({
    namespace: ns, name: 'warehouse-api', replicas: 2,
    revisions: [{ revision: 40, createdAgo: 8 * DAYS, changeCause: 'argocd: warehouse-api 3.3.1', template: { containers: [container({ image: `${ECR}/inventory/warehouse-api:3.3.1`, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 8 * DAYS })),
  });
  const fresh = podOf(app, 3);
  const crash = (m: number) => lines(
    rb(m + 0.1, 'INFO', 'stock-sync 5.3.0 booting (env=production, pid=1)'),
    rb(m + 0.08, 'INFO', 'registering consumer stock-sync with http://warehouse-api.inventory.svc:8080/v1/consumers'),
    rb(m + 0.05, 'ERROR', 'registration failed: 401 Unauthorized {"error":"token audience invalid"}'),
    "/usr/local/bundle/gems/faraday-2.12.0/lib/faraday/response/raise_error.rb:30:in `on_complete': the server responded with status 401 (Faraday::UnauthorizedError)",
    "\tfrom /usr/local/bundle/gems/faraday-2.12.0/lib/faraday/middleware.rb:57:in `block in call'",
    "\tfrom /usr/local/bundle/gems/faraday-2.12.0/lib/faraday/rack_builder.rb:153:in `build_response'",
    "\tfrom /usr/local/bundle/gems/faraday-2.12.0/lib/faraday/connection.rb:444:in `run_request'",
    "\tfrom /app/lib/stock_sync/warehouse_client.rb:41:in `register!'",
    "\tfrom /app/bin/stock-sync:18:in `<main>'",
  );
  const whLog = (p: k8s.V1Pod) => lines(
    `time=${at(3)} level=INFO msg="request" method=GET path=/v1/stock status=200 sa=system:serviceaccount:inventory:stock-sync dur=4ms`,
    `time=${at(1.45)} level=WARN msg="rejecting token" err="token audience invalid" aud="[https://warehouse-api.inventory.svc]" want=warehouse-api sa=system:serviceaccount:inventory:stock-sync pod=${nameOf(fresh)}`,
    `time=${at(1.45)} level=INFO msg="request" method=POST path=/v1/consumers status=401 dur=1ms`,
    `time=${at(0.5)} level=INFO msg="request" method=GET path=/v1/stock status=200 sa=system:serviceaccount:inventory:stock-sync dur=3ms (${nameOf(p)})`,
  );
  return {
    id: 'heldout18-projected-token-audience-changed',
    class: 'config',
    truth: 'Chart 2.7.0 (revision 16, 26 minutes ago) took the projected service-account token\'s audience from a new values key, changing the warehouse-token volume\'s serviceAccountToken.audience from "warehouse-api" to "https://warehouse-api.inventory.svc". warehouse-api only accepts tokens whose audience is warehouse-api, so it rejects the new pod\'s registration with 401 "token audience invalid"; stock-sync raises Faraday::UnauthorizedError at boot, exits 1 and crash-loops. The revision-15 pods (old audience) keep working; maxUnavailable 0 holds the rollout. warehouse-api is healthy. Fix: set the audience back to warehouse-api (or roll back to revision 15).',
    ask: { service: 'stock-sync' },
    objects: [
      ...nodes, ...app.objects, ...wh.objects,
      ...exposed({ namespace: ns, name: 'stock-sync', selector: { app: 'stock-sync' }, pods: app.pods, endpointPort: 9292 }),
      ...exposed({ namespace: ns, name: 'warehouse-api', selector: { app: 'warehouse-api' }, pods: wh.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      scaledRs(deploymentOf(app), rsOf(app, 16), 1, 0, 26),
      ...startedAt(fresh, 'app', image('5.3.0'), 25.5),
      ...restartedAgain(fresh, 'app', image('5.3.0'), { count: 9, firstAgo: 25, lastAgo: 1.5 }),
      backOff(fresh, 'app', { count: 112, firstAgo: 24.8 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(1.4), current: lines(rb(0.05, 'INFO', 'stock-sync 5.3.0 booting (env=production, pid=1)')) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(rb(2, 'INFO', 'synced 214 sku levels from warehouse-api in 812ms'), rb(1, 'INFO', 'synced 198 sku levels from warehouse-api in 774ms')) })),
      ...wh.pods.map((p) => logsFor(p, 'app', { current: whLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/audience/i, /revision 16|401/],
      facts: [/401/, /token audience invalid/, /warehouse-api/],
      never: [/\bOOM/, /warehouse-api[^\n]*(is down|unreachable|outage|crash)/i, /secret[^\n]*(not found|missing)/i, /\bRBAC\b[^\n]*(missing|denied|lacks)|forbidden/i],
    },
  };
}

// ---- 9. a revision requests hugepages-2Mi that no node has ------------------------------------------

function hugepagesNoNode(): CorpusScenario {
  const ns = 'netfn';
  const zones = ['europe-west4-a', 'europe-west4-b', 'europe-west4-c'];
  const alloc = { cpu: '7910m', 'ephemeral-storage': '47060071478', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '29806216Ki', pods: '110' };
  const gke = ['q2fb', 'w7nd', 'z3kc', 'r8mv', 't5gh', 'b9xp'].map((id, i) => gkeNode({ cluster: 'edge-prod', pool: i < 3 ? 'default-pool' : 'highmem', id, zone: zones[i % 3] ?? 'europe-west4-a', machine: i < 3 ? 'n2-standard-8' : 'n2-highmem-8', allocatable: alloc }));
  for (const n of gke) if (n.status) n.status.capacity = { cpu: '8', 'ephemeral-storage': '98831908Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32880264Ki', pods: '110' };
  const names = gke.map(nameOf);
  const image = (v: string) => `europe-west4-docker.pkg.dev/acme-edge/netfn/packet-gw:${v}`;
  const tpl = (v: string, dpdk: boolean) => {
    const c = container({ image: image(v), ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '2', cpuLimit: '2', memory: '2Gi', readiness: httpProbe('/ready', 9100), liveness: httpProbe('/healthz', 9100, { initialDelaySeconds: 15 }), ...(dpdk ? { volumeMounts: [{ name: 'hugepage', mountPath: '/dev/hugepages' }], securityContext: { capabilities: { add: ['IPC_LOCK', 'NET_ADMIN'] } } } : {}) });
    if (dpdk) c.resources = { requests: { cpu: '2', memory: '2Gi', 'hugepages-2Mi': '1Gi' }, limits: { cpu: '2', memory: '2Gi', 'hugepages-2Mi': '1Gi' } };
    return { containers: [c], ...(dpdk ? { volumes: [{ name: 'hugepage', emptyDir: { medium: 'HugePages-2Mi' } }] } : {}) };
  };
  const msg = '0/6 nodes are available: 6 Insufficient hugepages-2Mi. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'packet-gw',
    replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 20 * DAYS, changeCause: 'argocd: packet-gw 2.7.5', template: tpl('2.7.5', false) },
      { revision: 9, createdAgo: 34, changeCause: 'argocd: packet-gw 3.0.0 (DPDK datapath)', template: tpl('3.0.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 20 * DAYS })),
      { revision: 9, node: null, createdAgo: 33.8, unschedulable: msg },
      { revision: 9, node: null, createdAgo: 33.8, unschedulable: msg },
    ],
  });
  const [p1, p2] = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'flow-collector', names, 52);
  return {
    id: 'heldout18-hugepages-no-node-has-them',
    class: 'scheduling',
    truth: 'Revision 9 (packet-gw 3.0.0, the DPDK datapath, 34 minutes ago) requests hugepages-2Mi: 1Gi per pod. None of the six nodes has huge pages pre-allocated (allocatable hugepages-2Mi 0 and hugepages-1Gi 0, the GKE default without a node system config), so the scheduler rejects every node ("6 Insufficient hugepages-2Mi") and the cluster autoscaler cannot help, since new nodes of those pools would have none either. The two new pods stay Pending; three revision-8 pods serve (3/4). CPU and memory are plentiful. Fix: a node pool with huge pages configured (linuxConfig hugepageSize2m), or roll back to revision 8.',
    ask: { service: 'packet-gw', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'packet-gw', selector: { app: 'packet-gw' }, pods: app.pods, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }], endpointPort: 9100 }),
      scaledRs(deploymentOf(app), rsOf(app, 9), 1, 0, 34),
      scaledRs(deploymentOf(app), rsOf(app, 8), 3, 4, 34),
      scaledRs(deploymentOf(app), rsOf(app, 9), 2, 1, 34),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 52),
      ...[p1, p2].flatMap((p) => [
        event({ on: p, reason: 'FailedScheduling', message: msg, count: 14, firstAgo: 33.8, lastAgo: 2.1, component: 'default-scheduler' }),
        event({ on: p, type: 'Normal', reason: 'NotTriggerScaleUp', message: 'pod didn\'t trigger scale-up: 2 Insufficient hugepages-2Mi', count: 190, firstAgo: 33.5, lastAgo: 0.4, component: 'cluster-autoscaler' }),
      ]),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`time=${at(1)} level=INFO msg="datapath stats" mode=af_packet rx_pps=412003 tx_pps=409871 drops=0`) })),
    expect: {
      verdict: 'problems',
      headline: [/hugepages-2Mi|huge ?pages/i],
      facts: [/Insufficient hugepages-2Mi/, /revision 9/, /1Gi/],
      never: [/Insufficient (cpu|memory)\b/i, /\bquota\b/i, /taint/i, /flow-collector/],
    },
  };
}

// ---- 10. the NVIDIA device plugin crash-loops after a driver upgrade: GPUs allocatable 0 ------------

function nvidiaDevicePluginDriverMismatch(): CorpusScenario {
  const ns = 'ml-serving';
  const { nodes } = threeEksNodes('10.0.88');
  const gpuTaint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };
  const gpus = ['10.0.88.140', '10.0.88.212'].map((ip, k) => {
    const n = node({ name: eksNodeName(ip), zone: k === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'gpu-a10g', instanceType: 'g5.2xlarge', createdAgo: 21 * DAYS, labels: { 'nvidia.com/gpu.present': 'true', workload: 'gpu' }, taints: [gpuTaint], allocatable: { cpu: '7910m', 'ephemeral-storage': '95491281146', memory: '31482284Ki', 'nvidia.com/gpu': '0', pods: '58' } });
    if (n.status) n.status.capacity = { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '32408044Ki', 'nvidia.com/gpu': '1', pods: '58' };
    return n;
  });
  const gpuNames = gpus.map(nameOf);
  const pluginImage = 'nvcr.io/nvidia/k8s-device-plugin:v0.16.2';
  const pluginLoop = crashLoop({ exitCode: 1, finishedAgo: 2.8, ranSeconds: 1 }, 12);
  const plugin = daemonSetApp({
    namespace: 'kube-system',
    name: 'nvidia-device-plugin-daemonset',
    selector: { name: 'nvidia-device-plugin-ds' },
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'nvidia-device-plugin-ctr', image: pluginImage, ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, env: [{ name: 'FAIL_ON_INIT_ERROR', value: 'true' }], securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }, volumeMounts: [{ name: 'device-plugin', mountPath: '/var/lib/kubelet/device-plugins' }] })], volumes: [{ name: 'device-plugin', hostPath: { path: '/var/lib/kubelet/device-plugins', type: '' } }], nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }], priorityClassName: 'system-node-critical' } }],
    pods: gpuNames.map((n) => ({ revision: 3, node: n, createdAgo: 21 * DAYS, containers: { 'nvidia-device-plugin-ctr': pluginLoop } })),
  });
  const image = `${ECR}/ml/llm-inference:2025.11.3`;
  const gpuContainer = container({ image, command: ['python3', '-m', 'vllm.entrypoints.openai.api_server', '--model', '/models/acme-assist-8b', '--port', '8000'], ports: [8000], cpu: '4', memory: '24Gi', readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 180 }) });
  gpuContainer.resources = { requests: { cpu: '4', memory: '24Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '24Gi', 'nvidia.com/gpu': '1' } };
  const pending = '0/5 nodes are available: 2 Insufficient nvidia.com/gpu, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const admission = 'Allocate failed due to no healthy devices present; cannot allocate unhealthy devices nvidia.com/gpu, which is unexpected';
  const app = deploymentApp({
    namespace: ns,
    name: 'llm-inference',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: llm-inference 2025.11.3', template: { containers: [gpuContainer], nodeSelector: { workload: 'gpu' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } }],
    pods: [
      ...gpuNames.map((n) => ({ revision: 12, node: n, createdAgo: 6 * DAYS, phase: 'Failed' as const, reason: 'UnexpectedAdmissionError', message: `Pod was rejected: ${admission}`, containers: { app: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 41 }) } })),
      { revision: 12, node: null, createdAgo: 40, unschedulable: pending },
      { revision: 12, node: null, createdAgo: 40, unschedulable: pending },
    ],
    settled: { available: false, availableSince: 41, progressingSince: 6 * DAYS },
  });
  const [r1, r2] = [podOf(app, 2), podOf(app, 3)];
  const pluginLog = (m: number) => lines(
    klog(m + 0.01, 'I', 'main.go:199', 'Starting FS watcher.'),
    klog(m + 0.01, 'I', 'main.go:206', 'Starting OS watcher.'),
    klog(m + 0.01, 'I', 'main.go:221', 'Starting Plugins.'),
    klog(m + 0.01, 'I', 'main.go:278', 'Loading configuration.'),
    klog(m + 0.01, 'I', 'main.go:303', 'Updating config with default resource matching patterns.'),
    klog(m, 'I', 'main.go:314', 'Retrieving plugins.'),
    klog(m, 'E', 'factory.go:68', 'Failed to initialize NVML: Driver/library version mismatch.'),
    klog(m, 'E', 'factory.go:69', 'If this is a GPU node, did you set the docker default runtime to `nvidia`?'),
    klog(m, 'E', 'factory.go:70', 'You can check the prerequisites at: https://github.com/NVIDIA/k8s-device-plugin#prerequisites'),
    klog(m, 'E', 'factory.go:71', 'You can learn how to set the runtime at: https://github.com/NVIDIA/k8s-device-plugin#quick-start'),
    klog(m, 'E', 'main.go:149', 'error starting plugins: error creating plugin manager: unable to create plugin manager: nvml init failed: ERROR_LIB_RM_VERSION_MISMATCH'),
  );
  return {
    id: 'heldout18-nvidia-device-plugin-driver-mismatch',
    class: 'nodes',
    truth: 'The GPU nodes\' NVIDIA driver was upgraded in place and the nodes rebooted 42 minutes ago, but the user-space library and the loaded kernel module no longer match: the NVIDIA device plugin (nvidia-device-plugin-daemonset, kube-system) fails NVML init with "Driver/library version mismatch" (ERROR_LIB_RM_VERSION_MISMATCH) and crash-loops on both GPU nodes, so the kubelets advertise nvidia.com/gpu allocatable 0 (capacity 1). After the reboot the kubelet rejected the existing llm-inference pods (UnexpectedAdmissionError, no healthy devices), and their replacements are Pending with "2 Insufficient nvidia.com/gpu": 0 of 2 serving. GPU capacity is not short and llm-inference did not change; the autoscaler\'s "max node group size reached" is a side note. Fix: reinstall/align the driver on the GPU nodes (or replace them with the matching AMI) so the device plugin registers the GPUs again.',
    ask: { service: 'llm-inference' },
    objects: [
      ...nodes, ...gpus, ...plugin.objects, ...app.objects,
      ...exposed({ namespace: ns, name: 'llm-inference', selector: { app: 'llm-inference' }, pods: app.pods, endpointPort: 8000 }),
      ...gpuNames.map((n) => nodeEvent(n, 'Rebooted', `Node ${n} has been rebooted, boot id: ${templateHash(n)}-4b1e-9c3a-2f7d81e06a55`, { type: 'Warning', firstAgo: 42 })),
      ...gpuNames.map((n) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 41.5 })),
      ...plugin.pods.flatMap((p) => [...restartedAgain(p, 'nvidia-device-plugin-ctr', pluginImage, { count: 12, firstAgo: 41.3, lastAgo: 2.8 }), backOff(p, 'nvidia-device-plugin-ctr', { count: 186, firstAgo: 41 })]),
      ...app.pods.slice(0, 2).map((p) => event({ on: p, reason: 'UnexpectedAdmissionError', message: admission, firstAgo: 41.2, lastAgo: 41.2 })),
      ...[r1, r2].flatMap((p) => [
        event({ on: p, reason: 'FailedScheduling', message: pending, count: 17, firstAgo: 40, lastAgo: 1.5, component: 'default-scheduler' }),
        event({ on: p, type: 'Normal', reason: 'NotTriggerScaleUp', message: 'pod didn\'t trigger scale-up: 1 max node group size reached, 2 node(s) didn\'t match Pod\'s node affinity/selector', count: 230, firstAgo: 39.5, lastAgo: 0.3, component: 'cluster-autoscaler' }),
      ]),
    ],
    logs: plugin.pods.map((p, k) => logsFor(p, 'nvidia-device-plugin-ctr', { previous: pluginLog(2.8 + k * 0.7), current: lines(klog(0.1, 'I', 'main.go:199', 'Starting FS watcher.')) })),
    expect: {
      verdict: 'problems',
      headline: [/nvidia-device-plugin|device[- ]plugin/i],
      facts: [/version mismatch|VERSION_MISMATCH|NVML/i, /nvidia\.com\/gpu/, /crash ?loop|BackOff|restart/i],
      never: [/max node group size|add (more )?(GPU )?nodes|scale up the (GPU )?node ?group|increase[^\n]*(node ?group|max size)/i, ADVISES_ROLLBACK, /\bOOM/, /\bquota\b/i],
    },
  };
}

// ---- 11. a revision dropped the logs emptyDir mount at /var/log/app ---------------------------------

function droppedLogVolumeMount(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.57', ['19', '140', '233']);
  const image = (v: string) => `${ECR}/checkout/pricing:${v}`;
  const tpl = (v: string, mount: boolean) => ({
    containers: [container({ image: image(v), args: ['--log-file=/var/log/app/app.log', '--listen=:8080'], ports: [8080], memory: '256Mi', securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65532 }, ...(mount ? { volumeMounts: [{ name: 'logs', mountPath: '/var/log/app' }] } : {}) })],
    volumes: [{ name: 'logs', emptyDir: { sizeLimit: '512Mi' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 30 * DAYS, changeCause: 'argocd: pricing 2.16.4', template: tpl('2.16.4', true) },
      { revision: 22, createdAgo: 8 * DAYS, changeCause: 'argocd: pricing 2.17.1', template: tpl('2.17.1', true) },
      { revision: 23, createdAgo: 19, changeCause: 'argocd: pricing 2.18.0 (chart: move to common library chart 1.4)', template: tpl('2.18.0', false) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 23, node: names[0] ?? '', createdAgo: 18.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.8, ranSeconds: 0 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'promo-engine', names, 38);
  const zap = (m: number, level: string, msg: string, rest = '') => `{"level":"${level}","ts":"${at(m)}","caller":"cmd/pricing/main.go:${level === 'fatal' ? 61 : 42}","msg":"${msg}"${rest}}`;
  const crash = (m: number) => lines(
    zap(m + 0.002, 'info', 'starting pricing', ',"version":"2.18.0","commit":"4f9c1ab","go":"go1.23.3"'),
    zap(m, 'fatal', 'open log file', ',"path":"/var/log/app/app.log","error":"open /var/log/app/app.log: no such file or directory","stacktrace":"main.main\\n\\t/src/cmd/pricing/main.go:61\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"'),
  );
  return {
    id: 'heldout18-dropped-logs-emptydir-mount',
    class: 'config',
    truth: 'Revision 23 (pricing 2.18.0, 19 minutes ago) moved the chart onto the common library chart, which renders extraVolumes but not extraVolumeMounts: the logs emptyDir volume is still declared but no longer mounted at /var/log/app. The image is distroless with a read-only root filesystem and no /var/log/app directory, so the service, started with --log-file=/var/log/app/app.log, exits 1 at once with "open /var/log/app/app.log: no such file or directory" and crash-loops. The three revision-22 pods keep serving; the rollout is stuck (maxUnavailable 0). Fix: restore the volumeMount (or roll back to revision 22).',
    ask: { service: 'pricing', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing', selector: { app: 'pricing' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'promo-engine', selector: { app: 'promo-engine' }, pods: other.pods }),
      scaledRs(deploymentOf(app), rsOf(app, 23), 1, 0, 19),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 38),
      ...startedAt(fresh, 'app', image('2.18.0'), 18.5),
      ...restartedAgain(fresh, 'app', image('2.18.0'), { count: 8, firstAgo: 18.4, lastAgo: 0.8 }),
      backOff(fresh, 'app', { count: 86, firstAgo: 18.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(0.8) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1)}","caller":"http/server.go:77","msg":"quote","sku_count":4,"ms":3}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\/var\/log\/app/],
      facts: [/revision 23/, /no such file or directory/, /volumeMount|mount|emptyDir|\blogs\b/i],
      never: [/\bOOM/, /permission denied/i, /config ?map[^\n]*(missing|not found)/i, /promo-engine/],
    },
  };
}

// ---- 12. a node's kubelet stopped posting status: a StatefulSet pod stuck Terminating ----------------

function nodeKubeletStoppedPosting(): CorpusScenario {
  const ns = 'media';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const ips = ['10.0.7.31', '10.0.7.201', '10.0.7.77'];
  const nodes = ips.map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: i === 1 ? 366 * DAYS : 40 * DAYS, ...(i === 1 ? { ready: 'Unknown' as const, readySince: 18 } : {}) }));
  const names = nodes.map(nameOf);
  const image = `${ECR}/media/media-indexer:3.4.2`;
  const sts = statefulSetApp({
    namespace: ns,
    name: 'media-indexer',
    replicas: 3,
    serviceName: 'media-indexer',
    revisions: [{ revision: 6, createdAgo: 16 * DAYS, template: { containers: [container({ image, command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'], ports: [7433], memory: '1Gi', readiness: httpProbe('/ready', 7433), liveness: httpProbe('/live', 7433, { initialDelaySeconds: 20 }) })] } }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 16 * DAYS, ready: false, deletingAgo: 12.9 },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 16 * DAYS },
    ],
  });
  const stuck = podOf(sts, 1);
  // The node controller marks the pod not Ready; the containers keep the kubelet's last report.
  for (const c of stuck.status?.conditions ?? []) if (c.type === 'Ready') { c.lastTransitionTime = ago(17.6); delete c.reason; delete c.message; }
  stuck.status?.conditions?.push({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(12.9) });
  const other = bystander(ns, 'media-api', [names[0] ?? '', names[2] ?? ''], 29);
  const bad = names[1] ?? '';
  return {
    id: 'heldout18-node-kubelet-stopped-posting-status',
    class: 'nodes',
    truth: 'Node ip-10-0-7-201 (a year old, kubelet client-certificate rotation disabled) lost its API credentials when its kubelet client certificate expired 18 minutes ago: the kubelet can no longer post status, the node controller marked it NotReady/Unknown ("Kubelet stopped posting node status") and tainted it unreachable, and after the 300 s toleration the taint manager marked media-indexer-1 for deletion. The kubelet cannot confirm the deletion, so the pod is stuck Terminating, and the StatefulSet will not create a new media-indexer-1 until it is gone: 2 of 3 run. The certificate itself is only visible on the node (kubelet log). Nothing changed in the workload. Fix: renew the kubelet certificate or replace the node (then the pod is released; force-delete only once the node is confirmed down).',
    ask: { service: 'media-indexer' },
    objects: [
      ...nodes, ...sts.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-indexer', selector: { app: 'media-indexer' }, pods: sts.pods, ports: [{ name: 'http', port: 7433, targetPort: 7433 }], endpointPort: 7433 }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: other.pods }),
      nodeEvent(bad, 'NodeNotReady', `Node ${bad} status is now: NodeNotReady`, { firstAgo: 17.6, component: 'node-controller' }),
      event({ on: stuck, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 17.6, lastAgo: 17.6, component: 'node-controller' }),
      event({ on: stuck, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(stuck)}`, firstAgo: 12.9, lastAgo: 12.9, component: 'taint-eviction-controller' }),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 29),
    ],
    logs: [podOf(sts, 0), podOf(sts, 2)].map((p) => logsFor(p, 'app', { current: lines(`${at(1.5).replace('Z', '')}Z pid=1 tid=gx4 class=IndexAssetJob jid=8c1e2f0a4b9d elapsed=2.114 INFO: done`, `${at(0.4).replace('Z', '')}Z pid=1 tid=gx8 class=IndexAssetJob jid=3d7a9e1c5f20 INFO: start`) })),
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-7-201/, /NotReady|not ready|Unknown|stopped posting|unreachable/i],
      facts: [/media-indexer-1/, /Terminating|deletion|being deleted/i, /2\/3|2 of (the )?3|two of (the )?three/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /media-api/],
    },
  };
}

// ---- 13. control: the nightly `kubectl rollout restart`, 5 minutes ago -----------------------------

function nightlyRolloutRestart(): CorpusScenario {
  const ns = 'analytics';
  const zones = ['us-central1-a', 'us-central1-b', 'us-central1-f'];
  const gke = ['j3nw', 'v6pd', 'f2lq'].map((id, i) => gkeNode({ cluster: 'data-prod', pool: 'pool-2', id, zone: zones[i] ?? 'us-central1-a', machine: 'e2-standard-8' }));
  for (const n of gke) if (n.metadata?.labels) n.metadata.labels['topology.kubernetes.io/region'] = 'us-central1';
  const names = gke.map(nameOf);
  const image = 'us-central1-docker.pkg.dev/acme-data/analytics/report-api:9.1.0';
  const tpl = (restartedAgo: number) => ({ containers: [container({ image, ports: [8080], memory: '1536Mi', cpu: '500m', readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })], annotations: { 'kubectl.kubernetes.io/restartedAt': ago(restartedAgo).toISOString().replace(/\.\d+Z$/, 'Z') } });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 3,
    revisions: [
      { revision: 39, createdAgo: 2 * DAYS + 5, changeCause: 'argocd: report-api 9.1.0', template: tpl(2 * DAYS + 5) },
      { revision: 40, createdAgo: DAYS + 5, changeCause: 'argocd: report-api 9.1.0', template: tpl(DAYS + 5) },
      { revision: 41, createdAgo: 5, changeCause: 'argocd: report-api 9.1.0', template: tpl(5) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 5 - k * 0.6 })),
  });
  const dep = deploymentOf(app);
  const old = deploymentApp({ namespace: ns, name: 'report-api', replicas: 3, revisions: [{ revision: 40, createdAgo: DAYS + 5, template: tpl(DAYS + 5) }], pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: DAYS + 5 })) });
  const restart = cronJob({
    namespace: ns,
    name: 'report-api-nightly-restart',
    schedule: '9 3 * * *',
    template: { containers: [batchContainer({ name: 'kubectl', image: 'docker.io/bitnami/kubectl:1.31.3', command: ['kubectl', 'rollout', 'restart', 'deployment/report-api'], cpu: '50m', memory: '64Mi' })], serviceAccountName: 'deployment-restarter' },
    jobs: [
      { createdAgo: DAYS + 5, pods: [{ node: names[1] ?? '', createdAgo: DAYS + 5, phase: 'Succeeded', containers: { kubectl: terminated({ exitCode: 0, finishedAgo: DAYS + 4.9, ranSeconds: 3 }) } }], outcome: { complete: true, ago: DAYS + 4.9 } },
      { createdAgo: 5.1, pods: [{ node: names[1] ?? '', createdAgo: 5.1, phase: 'Succeeded', containers: { kubectl: terminated({ exitCode: 0, finishedAgo: 5, ranSeconds: 3 }) } }], outcome: { complete: true, ago: 4.95 } },
    ],
    lastSuccessfulAgo: 4.95,
  });
  const spring = (m: number, msg: string) => `${at(m)}  INFO 1 --- [           main] c.a.analytics.ReportApiApplication       : ${msg}`;
  return {
    id: 'heldout18-control-nightly-rollout-restart',
    class: 'healthy',
    truth: 'Healthy. The CronJob report-api-nightly-restart ran `kubectl rollout restart deployment/report-api` at 03:09 as every night (its Job completed): revision 41 differs from revision 40 only by the kubectl.kubernetes.io/restartedAt annotation, the three new pods started one by one, passed readiness after Spring Boot\'s usual startup (a couple of early readiness failures while booting), and are all Ready; the old pods were stopped gracefully. Nothing to do.',
    ask: { service: 'report-api' },
    objects: [
      ...gke, ...app.objects, ...restart.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods }),
      ...[3, 2, 1].flatMap((to, i) => [scaledRs(dep, rsOf(app, 41), 4 - to, 3 - to, 5 - i * 0.6), scaledRs(dep, rsOf(app, 40), to - 1, to, 4.4 - i * 0.6)]),
      ...old.pods.map((p, i) => event({ on: { kind: 'Pod', name: nameOf(p), namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 4.4 - i * 0.6, lastAgo: 4.4 - i * 0.6, fieldPath: 'spec.containers{app}' })),
      ...app.pods.flatMap((p, i) => [...startedNormally(p, 'app', image, 5 - i * 0.6), probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2, firstAgo: 4.6 - i * 0.6, lastAgo: 4.45 - i * 0.6 })]),
    ],
    logs: app.pods.map((p, i) => logsFor(p, 'app', { current: lines(spring(4.9 - i * 0.6, 'Starting ReportApiApplication v9.1.0 using Java 21.0.5 with PID 1'), spring(4.5 - i * 0.6, 'Started ReportApiApplication in 23.1 seconds (process running for 24.4)'), `${at(0.5)}  INFO 1 --- [nio-8080-exec-2] c.a.analytics.web.AccessLog              : GET /v1/reports/daily 200 112ms`) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|all (3 )?(pods )?(are )?ready|3\/3/i],
      facts: [],
      never: [ADVISES_ROLLBACK, /crash ?loop/i, /\bOOM/, /report-api[^\n]*(unhealthy|failing|degraded)/i],
    },
  };
}

// ---- 14. control: a DaemonSet while one node is drained ---------------------------------------------

function daemonSetDuringDrain(): CorpusScenario {
  const ns = 'monitoring';
  const aks = [0, 1, 2, 3].map((i) => aksNode({ pool: 'nodepool1', index: i, zone: `westeurope-${(i % 3) + 1}`, createdAgo: 34 * DAYS, ...(i === 3 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(2.5) }] } : {}) }));
  const surge = aksNode({ pool: 'nodepool1', index: 4, zone: 'westeurope-1', createdAgo: 6 });
  const names = [...aks, surge].map(nameOf);
  const image = 'quay.io/prometheus/node-exporter:v1.8.2';
  const draining = names[3] ?? '';
  const ds = daemonSetApp({
    namespace: ns,
    name: 'node-exporter',
    selector: { 'app.kubernetes.io/name': 'node-exporter' },
    pinnedToNodes: true,
    revisions: [{ revision: 5, createdAgo: 44 * DAYS, template: { containers: [container({ name: 'node-exporter', image, args: ['--path.rootfs=/host/root', '--web.listen-address=:9100'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '50m', memory: '64Mi', readiness: httpProbe('/', 9100), liveness: httpProbe('/', 9100), volumeMounts: [{ name: 'root', mountPath: '/host/root', readOnly: true }] })], volumes: [{ name: 'root', hostPath: { path: '/', type: '' } }], tolerations: [{ operator: 'Exists' }], priorityClassName: 'system-node-critical' } }],
    pods: names.map((n, i) => ({ revision: 5, node: n, createdAgo: i === 4 ? 5.5 : 34 * DAYS, ...(i === 3 ? { deletingAgo: 0.4, conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: ago(0.4) }] } : {}) })),
  });
  const leaving = podOf(ds, 3);
  // The controller counts the pod being evicted until it is gone: it still runs, ready, on a node the DaemonSet tolerates.
  const dsObj = ds.objects[0] as k8s.V1DaemonSet;
  if (dsObj.status) dsObj.status = { ...dsObj.status, currentNumberScheduled: 5, numberReady: 5, numberAvailable: 5, updatedNumberScheduled: 5 };
  delete dsObj.status?.numberUnavailable;
  const joined = podOf(ds, 4);
  return {
    id: 'heldout18-control-daemonset-node-drain',
    class: 'healthy',
    truth: 'Healthy. An AKS node-image upgrade is under way: the surge node vmss000004 joined 6 minutes ago (node-exporter started on it), and vmss000003 was cordoned 2.5 minutes ago and is being drained; the drain evicted node-exporter\'s pod on it 24 seconds ago and it is shutting down gracefully, as the node will be removed. The other four node-exporter pods are Ready. This is planned maintenance; nothing to do.',
    ask: { service: 'node-exporter', namespace: ns },
    objects: [
      ...aks, surge, ...ds.objects,
      service({ namespace: ns, name: 'node-exporter', selector: { 'app.kubernetes.io/name': 'node-exporter' }, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }], headless: true }),
      nodeEvent(draining, 'NodeNotSchedulable', `Node ${draining} status is now: NodeNotSchedulable`, { firstAgo: 2.5 }),
      nodeEvent(names[4] ?? '', 'RegisteredNode', `Node ${names[4]} event: Registered Node ${names[4]} in Controller`, { firstAgo: 6, component: 'node-controller' }),
      nodeEvent(names[4] ?? '', 'NodeReady', `Node ${names[4]} status is now: NodeReady`, { firstAgo: 5.7 }),
      event({ on: leaving, type: 'Normal', reason: 'Killing', message: 'Stopping container node-exporter', firstAgo: 0.4, lastAgo: 0.4, fieldPath: 'spec.containers{node-exporter}' }),
      event({ on: { kind: 'DaemonSet', name: 'node-exporter', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(joined)}`, firstAgo: 5.5, lastAgo: 5.5, component: 'daemonset-controller' }),
      ...startedNormally(joined, 'node-exporter', image, 5.5),
    ],
    logs: ds.pods.map((p) => logsFor(p, 'node-exporter', { current: lines(`ts=${at(30 * 24 * 60)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.2, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`, `ts=${at(30 * 24 * 60)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100`) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|drain|maintenance/i],
      facts: [],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /node-exporter[^\n]*(failing|failed|broken|is down)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  projectedTokenAudienceChanged(),
  hugepagesNoNode(),
  nvidiaDevicePluginDriverMismatch(),
  droppedLogVolumeMount(),
  nodeKubeletStoppedPosting(),
  nightlyRolloutRestart(),
  daemonSetDuringDrain(),
];

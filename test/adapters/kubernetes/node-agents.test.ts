// A pod placed on a node that gets no sandbox because its CNI plugin fails: the adapter lists that
// node's pods (all namespaces, by field selector), keeps the DaemonSet pods (the node's agents) and
// reads the previous log of the plugin's failing agent in its own namespace.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { pickSandboxNodes } from '../../../src/adapters/kubernetes/read-node-agents.js';
import { DAYS, NODE_A, NODE_B, container, crashLoop, daemonSetApp, deploymentApp, event, nameOf, node, threeNodes, waiting } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { event as eventEvidence, pod } from '../../domain/triage/scenarios/builders.js';
import { useHarness } from './harness.js';

const h = useHarness();
const SANDBOX = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "5d1c7e0a9b3f": plugin type="calico" failed (add): stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/';

function cluster(withSandboxFailure: boolean, over: { message?: string; readyAgent?: boolean } = {}) {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:4.2.0' })] } }],
    pods: [
      { revision: 4, node: NODE_B, createdAgo: 3 * DAYS },
      { revision: 4, node: NODE_A, createdAgo: 17, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const calico = daemonSetApp({
    namespace: 'kube-system',
    name: 'calico-node',
    selector: { 'k8s-app': 'calico-node' },
    revisions: [{ revision: 7, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'calico-node', image: 'docker.io/calico/node:v3.28.2' })] } }],
    pods: [
      over.readyAgent ? { revision: 7, node: NODE_A, createdAgo: 30 * DAYS } : { revision: 7, node: NODE_A, createdAgo: 25, containers: { 'calico-node': crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 3 }, 9) } },
      { revision: 7, node: NODE_B, createdAgo: 30 * DAYS },
    ],
  });
  const stuck = podOf(app, 1);
  const objects = [...threeNodes(), ...app.objects, ...calico.objects, ...(withSandboxFailure ? [event({ on: stuck, reason: 'FailedCreatePodSandBox', message: over.message ?? SANDBOX, count: 31, firstAgo: 16.9, lastAgo: 0.4 })] : [])];
  return { objects, agent: nameOf(podOf(calico, 0)) };
}

describe('the agents of a node where new pods get no sandbox network', () => {
  it('lists that node\'s pods once, keeps its DaemonSet pods and reads the failing CNI agent\'s previous log', async () => {
    const { objects, agent } = cluster(true);
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('kube-system', agent, 'calico-node', { previous: '2026-11-21 03:12:01.201 [FATAL][9] startup/startup.go 1043: Unable to autodetect an IPv4 address\n' });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.nodeAgents?.map((n) => ({ node: n.node, agents: n.agents.map((a) => `${a.namespace}/${a.pod.name} ${a.owner ?? ''}`) }))).toEqual([{ node: NODE_A, agents: [`kube-system/${agent} DaemonSet calico-node`] }]);
    expect(ev.nodeAgents?.[0]?.logs).toEqual([expect.objectContaining({ pod: agent, container: 'calico-node', previous: true, lines: ['2026-11-21 03:12:01.201 [FATAL][9] startup/startup.go 1043: Unable to autodetect an IPv4 address'] })]);
    const nodeLists = h.fake.requests.filter((r) => r.path === '/api/v1/pods');
    expect(nodeLists.map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads the current log of a ready CNI agent when the API server refuses the plugin: the agent is refused too, though it looks fine', async () => {
    const refused = SANDBOX.replace(/failed \(add\): .*$/, 'failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized');
    const { objects, agent } = cluster(true, { message: refused, readyAgent: true });
    for (const o of objects) h.fake.add(o);
    const line = '2026-11-21 03:13:41.602 [ERROR][91] cni-config-monitor/token_watch.go 108: Unable to create token for CNI kubeconfig error=Unauthorized';
    h.fake.setLogs('kube-system', agent, 'calico-node', { current: `${line}\n` });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.[0]?.logs).toEqual([expect.objectContaining({ pod: agent, container: 'calico-node', previous: false, lines: [line] })]);
  });

  it('reads no log of a ready CNI agent when the plugin fails on the node itself', async () => {
    const { objects, agent } = cluster(true, { readyAgent: true });
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('kube-system', agent, 'calico-node', { current: 'fine\n' });
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.[0]?.logs).toEqual([]);
  });

  it('reads no node\'s pods when no pod failed to get a sandbox', async () => {
    for (const o of cluster(false).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});

/** Two pending pods asking for a GPU; the one GPU node advertises 0 (its device plugin crash-loops there). */
function gpuCluster() {
  const taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };
  const gpuNode = node({ name: 'ip-10-0-88-140.eu-west-1.compute.internal', pool: 'gpu-a10g', instanceType: 'g5.2xlarge', labels: { workload: 'gpu' }, taints: [taint], allocatable: { cpu: '7910m', memory: '31482284Ki', 'nvidia.com/gpu': '0', pods: '58' } });
  const gpu = container({ image: 'registry.example.com/ml/llm-inference:2025.11.3', ports: [8000] });
  gpu.resources = { requests: { cpu: '4', memory: '24Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '24Gi', 'nvidia.com/gpu': '1' } };
  const pending = "0/4 nodes are available: 1 Insufficient nvidia.com/gpu, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.";
  const app = deploymentApp({
    namespace: 'ml',
    name: 'llm-inference',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 6 * DAYS, template: { containers: [gpu], nodeSelector: { workload: 'gpu' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } }],
    pods: [{ revision: 12, node: null, createdAgo: 40, unschedulable: pending }, { revision: 12, node: null, createdAgo: 40, unschedulable: pending }],
  });
  const plugin = daemonSetApp({
    namespace: 'kube-system',
    name: 'nvidia-device-plugin-daemonset',
    selector: { name: 'nvidia-device-plugin-ds' },
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'nvidia-device-plugin-ctr', image: 'nvcr.io/nvidia/k8s-device-plugin:v0.16.2', ports: [] })] } }],
    pods: [{ revision: 3, node: nameOf(gpuNode), createdAgo: 21 * DAYS, containers: { 'nvidia-device-plugin-ctr': crashLoop({ exitCode: 1, finishedAgo: 2.8, ranSeconds: 1 }, 12) } }],
  });
  return { objects: [...threeNodes(), gpuNode, ...app.objects, ...plugin.objects], node: nameOf(gpuNode), agent: nameOf(podOf(plugin, 0)) };
}

describe('the agents of a node the pending pods may use that advertises none of their device', () => {
  const target = { service: 'llm-inference', namespace: 'ml', kind: 'Deployment', name: 'llm-inference' } as const;
  const NVML = 'E1121 03:11:12.000311       1 factory.go:68] Failed to initialize NVML: Driver/library version mismatch.';

  it('lists that node\'s pods and reads the failing device plugin\'s previous log', async () => {
    const { objects, node: gpuNode, agent } = gpuCluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('kube-system', agent, 'nvidia-device-plugin-ctr', { previous: `${NVML}\n` });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.map((n) => ({ node: n.node, agents: n.agents.map((a) => a.owner) }))).toEqual([{ node: gpuNode, agents: ['DaemonSet nvidia-device-plugin-daemonset'] }]);
    expect(ev.nodeAgents?.[0]?.logs).toEqual([expect.objectContaining({ pod: agent, container: 'nvidia-device-plugin-ctr', previous: true, lines: [NVML] })]);
  });

  it('leaves out a node whose pods could not be listed, so that no absence is claimed from an unread list', async () => {
    for (const o of gpuCluster().objects) h.fake.add(o);
    h.fake.failWith(/^\/api\/v1\/pods$/, 503);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents).toBeUndefined();
    expect(ev.readFailures.map((f) => f.what)).toContain('pods on node ip-10-0-88-140.eu-west-1.compute.internal');
  });
});

describe('pickSandboxNodes', () => {
  it('reads a node once, for the plugin its sandbox failures name, and only nodes of the workload\'s pods', () => {
    const stuck = [pod(0, { nodeName: NODE_A }), pod(1, { nodeName: NODE_A })];
    const on = (p: string, message = SANDBOX) => eventEvidence({ object: { kind: 'Pod', name: p }, reason: 'FailedCreatePodSandBox', message });
    const events = [on(stuck[0]?.name ?? ''), on(stuck[1]?.name ?? ''), on('someone-else'), on(stuck[0]?.name ?? '', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "registry.k8s.io/pause:3.9": i/o timeout')];
    expect(pickSandboxNodes(events, stuck)).toEqual([{ node: NODE_A, plugin: 'calico' }]);
  });
});

describe('the agents of a node whose runtime lacks the pods\' AppArmor profile', () => {
  const REFUSED = 'failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found k8s-hardened';
  function profileCluster() {
    const app = deploymentApp({
      namespace: 'edge',
      name: 'gateway',
      replicas: 2,
      revisions: [{ revision: 5, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/edge/gateway:2.1.0' })] } }],
      pods: [{ revision: 5, node: NODE_B, createdAgo: 9 * DAYS }, { revision: 5, node: NODE_A, createdAgo: 38, containers: { app: waiting('CreateContainerError', REFUSED) } }],
    });
    const loader = daemonSetApp({
      namespace: 'kube-system',
      name: 'apparmor-loader',
      revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'loader', image: 'registry.example.com/security/apparmor-loader:0.4.2', ports: [] })] } }],
      pods: [{ revision: 2, node: NODE_B, createdAgo: 60 * DAYS }],
    });
    return [...threeNodes(), ...app.objects, ...loader.objects];
  }

  it('lists the pods of the refused pod\'s node and of a ready pod\'s node, where the loader runs', async () => {
    for (const o of profileCluster()) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'gateway', namespace: 'edge', kind: 'Deployment', name: 'gateway' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.map((n) => ({ node: n.node, agents: n.agents.map((a) => a.owner) }))).toEqual([{ node: NODE_A, agents: [] }, { node: NODE_B, agents: ['DaemonSet apparmor-loader'] }]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`, `spec.nodeName=${NODE_B}`]);
  });
});

describe('the agents of a node whose local egress proxy refuses the pods', () => {
  const REFUSED = "2026-11-21 03:13:36,000 ERROR payouts.providers.stripe: payout po_7781 failed: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded with url: /v1/payouts (Caused by ProxyError('Unable to connect to proxy', NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a2c1e5d90>: Failed to establish a new connection: [Errno 111] Connection refused')))";
  const ENVOY = "[2026-11-21 03:12:48.000][1][critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Unable to parse JSON as proto (INVALID_ARGUMENT:(static_resources.clusters[0].connect_timeout): Illegal duration format; duration must end with letter 's')";
  function proxyCluster() {
    const env = [
      { name: 'NODE_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
      { name: 'HTTPS_PROXY', value: 'http://$(NODE_IP):3128' },
    ];
    const app = deploymentApp({
      namespace: 'payouts',
      name: 'payout-service',
      replicas: 2,
      revisions: [{ revision: 23, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/payouts/payout-service:1.42.0', env })] } }],
      pods: [{ revision: 23, node: NODE_A, createdAgo: 2 * DAYS }, { revision: 23, node: NODE_B, createdAgo: 2 * DAYS }],
    });
    const envoy = container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.3', ports: [{ name: 'proxy', containerPort: 3128, hostPort: 3128 }] });
    const proxy = daemonSetApp({
      namespace: 'egress',
      name: 'egress-proxy',
      revisions: [{ revision: 8, createdAgo: 58 * DAYS, template: { containers: [envoy] } }, { revision: 9, createdAgo: 41, template: { containers: [envoy] } }],
      pods: [{ revision: 8, node: NODE_A, createdAgo: 58 * DAYS }, { revision: 9, node: NODE_B, createdAgo: 40.6, containers: { envoy: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 0.4 }, 14) } }],
    });
    return { objects: [...threeNodes(), ...app.objects, ...proxy.objects], refused: nameOf(podOf(app, 1)), fine: nameOf(podOf(app, 0)), agent: nameOf(podOf(proxy, 1)) };
  }

  it('lists the pods of the refused pod\'s node and reads the previous log of the crash-looping pod serving the proxy\'s port there', async () => {
    const { objects, refused, fine, agent } = proxyCluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('payouts', refused, 'app', { current: `${REFUSED}\n` });
    h.fake.setLogs('payouts', fine, 'app', { current: '2026-11-21 03:12:48,000 INFO payouts.providers.stripe: payout po_7790 created (tr_3QmX21) in 412ms\n' });
    h.fake.setLogs('egress', agent, 'envoy', { previous: `${ENVOY}\n` });
    const ev = await h.cluster.collectEvidence({ service: 'payout-service', namespace: 'payouts', kind: 'Deployment', name: 'payout-service' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeAgents?.map((n) => ({ node: n.node, agents: n.agents.map((a) => a.owner) }))).toEqual([{ node: NODE_B, agents: ['DaemonSet egress-proxy'] }]);
    expect(ev.nodeAgents?.[0]?.logs).toEqual([expect.objectContaining({ pod: agent, container: 'envoy', previous: true, lines: [ENVOY] })]);
  });
});

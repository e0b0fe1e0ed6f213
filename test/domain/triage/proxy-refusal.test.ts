import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EnvVarEvidence, NodeAgentsEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { isProxyRefusal, pickProxyNodes, readNodeLocalProxy, servesNodePort } from '../../../src/domain/triage/node-local-proxy.js';
import { identityOf } from '../../../src/domain/triage/node-agents.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NOW, baseEvidence, container, crashLooping, minutesAgo, pod, terminated } from './scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace('.', ',');
const NODE_ENV: EnvVarEvidence[] = [
  { name: 'NODE_IP', ref: { kind: 'field', key: 'status.hostIP' } },
  { name: 'HTTPS_PROXY', value: 'http://$(NODE_IP):3128' },
  { name: 'NO_PROXY', value: '.svc,.cluster.local,10.0.0.0/8' },
  { name: 'STRIPE_API_BASE', value: 'https://api.stripe.com' },
];
const PROXY_ERROR = (m: number, i: number) =>
  `${stamp(m)} ERROR payouts.providers.stripe: payout po_${7781 + i} failed: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded with url: /v1/payouts (Caused by ProxyError('Unable to connect to proxy', NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a2c1e5d90>: Failed to establish a new connection: [Errno 111] Connection refused')))`;
const ENVOY_CRITICAL = "[2026-11-21 03:12:48.000][1][critical][main] [source/server/server.cc:131] error initializing configuration '/etc/envoy/envoy.yaml': Unable to parse JSON as proto (INVALID_ARGUMENT:(static_resources.clusters[0].connect_timeout): Illegal duration format; duration must end with letter 's')";

function proxyPod(ready: boolean): PodEvidence {
  const name = ready ? 'egress-proxy-7xk2p' : 'egress-proxy-q9d4m';
  const envoy = container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.3', ports: [{ name: 'proxy', containerPort: 3128, protocol: 'TCP', hostPort: 3128 }, { name: 'admin', containerPort: 9901, protocol: 'TCP' }] });
  return pod(9, {
    name,
    nodeName: ready ? NODE_A : NODE_B,
    hostNetwork: true,
    labels: { app: 'egress-proxy', 'controller-revision-hash': ready ? '6d8f9b7c4' : '5b4c7d9f8' },
    revisionHash: ready ? '6d8f9b7c4' : '5b4c7d9f8',
    ready,
    createdAt: minutesAgo(ready ? 58 * 24 * 60 : 40.6),
    volumes: [{ name: 'config', source: 'configMap', ref: ready ? 'egress-proxy-v8' : 'egress-proxy-v9' }],
    containers: [ready ? envoy : crashLooping(name, terminated(1, 'Error', 1.2, { runSeconds: 0.4 }), 14, { name: 'envoy', image: envoy.image, ports: envoy.ports })],
  });
}

/** Two pods on NODE_B refused by their node's proxy, one on NODE_A fine; the proxy pod on NODE_B read or not. */
function scenario(agents?: NodeAgentsEvidence[]): TriageEvidence {
  const pods = [0, 1, 3].map((i) => pod(i, { nodeName: i === 0 ? NODE_A : NODE_B, containers: [container({ env: NODE_ENV })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({
      pod: p.name,
      container: 'app',
      previous: false,
      lines: p.nodeName === NODE_B ? [3.1, 1.6, 0.4].map((m, i) => PROXY_ERROR(m, i + k * 10)) : [`${stamp(1.2)} INFO payouts.providers.stripe: payout po_7790 created (tr_3QmX21) in 412ms`],
    })),
    ...(agents ? { nodeAgents: agents } : {}),
  });
}

describe('a node-local proxy the pods reach through HTTPS_PROXY', () => {
  it('is read from the env: $(VAR) from status.hostIP, or a link-local address; any other proxy is not the node\'s', () => {
    expect(readNodeLocalProxy({ env: NODE_ENV })).toMatchObject({ proxy: '$(NODE_IP):3128', port: 3128, via: 'NODE_IP from status.hostIP' });
    expect(readNodeLocalProxy({ env: [{ name: 'HTTP_PROXY', value: 'http://169.254.20.11:3128' }] })).toMatchObject({ port: 3128, via: expect.stringMatching(/link-local/) });
    expect(readNodeLocalProxy({ env: [{ name: 'HTTPS_PROXY', value: 'http://squid.egress.svc:3128' }] })).toBeUndefined();
    expect(readNodeLocalProxy({ env: [{ name: 'POD_IP', ref: { kind: 'field', key: 'status.podIP' } }, { name: 'HTTPS_PROXY', value: 'http://$(POD_IP):3128' }] })).toBeUndefined();
  });

  it('tells a client\'s proxy refusal (Python, Go, Node) from the destination\'s', () => {
    expect(isProxyRefusal(PROXY_ERROR(1, 1))).toBe(true);
    expect(isProxyRefusal('Post "https://api.stripe.com/v1/payouts": proxyconnect tcp: dial tcp 10.0.129.152:3128: connect: connection refused')).toBe(true);
    expect(isProxyRefusal('Error: tunneling socket could not be established, cause=connect ECONNREFUSED 10.0.129.152:3128')).toBe(true);
    expect(isProxyRefusal("HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))")).toBe(false);
  });

  it('picks the nodes of the pods refused by their node-local proxy, and the agent serving its port there (hostPort, or any port on the host network)', () => {
    const ev = scenario();
    expect(pickProxyNodes(ev.pods, ev.logs)).toEqual([{ node: NODE_B, port: 3128 }]);
    const agent = { namespace: 'egress', owner: 'DaemonSet egress-proxy', pod: proxyPod(false) };
    expect(servesNodePort(identityOf(agent), 3128)).toBe(true);
    const hostNet = { ...agent, pod: { ...agent.pod, containers: agent.pod.containers.map((c) => ({ ...c, ports: c.ports.map(({ hostPort: _, ...p }) => p) })) } };
    expect(servesNodePort(identityOf(hostNet), 9901)).toBe(true);
    expect(servesNodePort(identityOf({ ...hostNet, pod: { ...hostNet.pod, hostNetwork: false } }), 3128)).toBe(false);
  });

  it('names the crash-looping proxy pod on the failing node, its log line and ConfigMap, not the destination', () => {
    const agents: NodeAgentsEvidence[] = [{ node: NODE_B, agents: [{ namespace: 'egress', owner: 'DaemonSet egress-proxy', pod: proxyPod(false) }], logs: [{ pod: 'egress-proxy-q9d4m', container: 'envoy', previous: true, lines: [ENVOY_CRITICAL, "[2026-11-21 03:12:48.000][1][info][main] [source/server/server.cc:1001] exiting"] }] }];
    const [f] = analyzeDependencyErrors(scenario(agents));
    expect(f?.id).toBe('dependency-error/proxy-refused/$(NODE_IP):3128');
    expect(f?.title).toContain(`The node-local proxy DaemonSet egress-proxy (namespace egress) on ${NODE_B} is crash-looping (exit 1, 14 restarts)`);
    expect(f?.title).toMatch(/replaced 4\dm ago with ConfigMap egress-proxy-v9/);
    expect(f?.title).toMatch(/refused \(proxy error\), not api\.stripe\.com/);
    expect(f?.decisive).toBe(ENVOY_CRITICAL);
    expect(f?.nextAction).toMatch(/correct ConfigMap egress-proxy-v9/);
    expect(f?.nextAction).toContain('kubectl rollout undo daemonset/egress-proxy -n egress');
    expect(f?.affected?.nodes).toEqual([NODE_B]);
    const report = buildTriageReport(scenario(agents), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/egress-proxy/);
    expect(report.headline).toContain(NODE_B);
    expect(report.headline).toMatch(/Illegal duration/);
    expect(report.headline).not.toMatch(/no change found|Check api\.stripe/);
    expect(report.headline.length).toBeLessThanOrEqual(720);
  });

  it('says the refusal is the proxy\'s even when its pod was not read', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toMatch(/^The proxy \$\(NODE_IP\):3128 \(HTTPS_PROXY, node-local: NODE_IP from status\.hostIP\) refuses the pods' connections on ip-10-0-2-41/);
    expect(f?.title).toMatch(/not api\.stripe\.com:443's refusal/);
    expect(f?.confidence).toBe('medium');
  });

  it('does not blame a proxy pod that runs and is ready: its state goes to the evidence only', () => {
    const [f] = analyzeDependencyErrors(scenario([{ node: NODE_B, agents: [{ namespace: 'egress', owner: 'DaemonSet egress-proxy', pod: { ...proxyPod(true), nodeName: NODE_B } }], logs: [] }]));
    expect(f?.title).toMatch(/^The proxy \$\(NODE_IP\):3128/);
    expect(f?.evidence.join('\n')).toMatch(/egress-proxy-7xk2p serves port 3128 on ip-10-0-2-41[^\n]*: running and ready/);
  });
});

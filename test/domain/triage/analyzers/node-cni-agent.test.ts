import { describe, expect, it } from 'vitest';
import { analyzeNodeNetwork } from '../../../../src/domain/triage/analyzers/node-network.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import type { CniAgentDownEvidence, LogEvidence, NodeNetworkEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { pickDownCniAgent, readAgentStartLines, readWrongAddress } from '../../../../src/domain/triage/node-cni-agent.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { NODE_A, NODE_B, baseEvidence, container, event, minutesAgo, node, pod } from '../scenarios/builders.js';

const DNS_TIMEOUT = '[ERROR] cache warmup failed: dial tcp: lookup ledger-pg.books.svc.cluster.local on 172.31.0.10:53: read udp 10.8.3.77:51234->172.31.0.10:53: i/o timeout';
const DB_TIMEOUT = '[ERROR] pool: dial tcp 10.8.9.14:5432: i/o timeout';
const FINE = '[INFO] GET /v2/ledger 200 14ms';

/** Pod 0 sits on NODE_A, unready, timing out; pods 1 and 2 are fine on the other nodes. */
function oneNodeCutOff(read: NodeNetworkEvidence | undefined, over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, i === 0 ? { ready: false, containers: [container({ ready: false })] } : {}));
  const logs: LogEvidence[] = pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: i === 0 ? [DNS_TIMEOUT, DB_TIMEOUT] : [FINE] }));
  const nodes = [node(NODE_A, { addresses: [{ type: 'InternalIP', address: '10.1.7.33' }, { type: 'Hostname', address: NODE_A }] }), node(NODE_B)];
  return baseEvidence({ pods, logs, nodes, ...(read === undefined ? {} : { nodeNetwork: [read] }), ...over });
}

function agentPod(name: string, image: string, ready: boolean): PodEvidence {
  return pod(9, { name, nodeName: NODE_A, ready, labels: { 'k8s-app': name.replace(/-[a-z0-9]{5}$/, '') }, containers: [container({ name: name.replace(/-[a-z0-9]{5}$/, ''), image, ready })] });
}

function readWith(agent: PodEvidence, owner: string, down: Omit<CniAgentDownEvidence, 'namespace' | 'pod' | 'container'> | undefined, tail: string[] = []): NodeNetworkEvidence {
  const c = agent.containers[0]?.name ?? 'agent';
  return {
    node: NODE_A,
    pods: [{ namespace: 'kube-system', owner, pod: agent }],
    logs: tail.length > 0 ? [{ pod: agent.name, container: c, previous: false, lines: tail }] : [],
    ...(down === undefined ? {} : { cniAgent: { namespace: 'kube-system', pod: agent.name, container: c, ...down } }),
  };
}

const BGP_PROBE = (peers: string) => event({ object: { kind: 'Pod', name: 'calico-node-q7t2m', namespace: 'kube-system' }, reason: 'Unhealthy', message: `Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with ${peers}`, count: 140, firstSeen: minutesAgo(22), lastSeen: minutesAgo(0.3) });

describe('pickDownCniAgent', () => {
  it('picks the CNI agent of the node that is not ready, by its DaemonSet, and none when it is ready', () => {
    const down = agentPod('calico-node-q7t2m', 'quay.io/calico/node:v3.27.4', false);
    const shipper = agentPod('log-shipper-x8k2p', 'fluent/fluent-bit:3.1', false);
    expect(pickDownCniAgent([{ namespace: 'logging', owner: 'DaemonSet log-shipper', pod: shipper }, { namespace: 'kube-system', owner: 'DaemonSet calico-node', pod: down }])).toEqual({ namespace: 'kube-system', pod: 'calico-node-q7t2m', container: 'calico-node' });
    expect(pickDownCniAgent([{ namespace: 'kube-system', owner: 'DaemonSet calico-node', pod: agentPod('calico-node-q7t2m', 'quay.io/calico/node:v3.27.4', true) }])).toBeUndefined();
  });
});

describe('readWrongAddress', () => {
  const node10 = node(NODE_A, { addresses: [{ type: 'InternalIP', address: '10.1.7.33' }] });

  it("names the address an agent autodetected on a container bridge instead of the node's InternalIP", () => {
    const lines = ['2026-11-21 02:51:02.114 [INFO][11] startup/autodetection_methods.go 103: Using autodetected IPv4 address on interface docker0: 172.17.0.1/16'];
    expect(readWrongAddress(lines, node10)).toMatchObject({ address: '172.17.0.1', iface: 'docker0', virtual: true, internal: ['10.1.7.33'] });
  });

  it("reads flannel's wording, and says nothing when the agent took the node's own address", () => {
    expect(readWrongAddress(['I1121 02:51:02.114  1 main.go:521] Using interface with name virbr0 and address 192.168.122.1'], node10)).toMatchObject({ address: '192.168.122.1', iface: 'virbr0', virtual: true });
    expect(readWrongAddress(['Using autodetected IPv4 address on interface eth0: 10.1.7.33/20'], node10)).toBeUndefined();
  });

  it('keeps from the start of a log only the lines that state a choice or fail', () => {
    expect(readAgentStartLines(['[INFO] Early log level set to info', ' Using autodetected IPv4 address on interface docker0: 172.17.0.1/16 ', '[INFO] Summarising 9 dataplane loops'])).toEqual(['Using autodetected IPv4 address on interface docker0: 172.17.0.1/16']);
  });
});

describe('a node whose CNI agent is not ready', () => {
  it('names the agent, the node, its probe failure and the bridge address it took, above the DNS and database timeouts', () => {
    const agent = agentPod('calico-node-q7t2m', 'quay.io/calico/node:v3.27.4', false);
    const start = ['2026-11-21 02:51:02.114 [INFO][11] startup/autodetection_methods.go 103: Using autodetected IPv4 address on interface docker0: 172.17.0.1/16'];
    const ev = oneNodeCutOff(readWith(agent, 'DaemonSet calico-node', { probeEvents: [BGP_PROBE('10.1.7.90,10.1.7.140')], startLines: start }));
    const [f] = analyzeNodeNetwork(ev);
    expect(f?.id).toBe(`node-condition/cni-agent/${NODE_A}`);
    expect(f?.title).toMatch(new RegExp(`^calico-node \\(the CNI agent\\) on node ${NODE_A} is not ready .*BGP not established with 10\\.1\\.7\\.90.*it took 172\\.17\\.0\\.1 on docker0 as the node's address, not its InternalIP 10\\.1\\.7\\.33: the pod of .* times out off the node \\(DNS lookups, 10\\.8\\.9\\.14:5432\\); its pods on other nodes are fine`));
    expect(f?.confidence).toBe('high');
    expect(f?.fix).toMatch(/IP_AUTODETECTION_METHOD=kubernetes-internal-ip/);
    expect(f?.nextAction).toMatch(new RegExp(`^Mitigate: cordon ${NODE_A}`));
    expect(f?.affected).toEqual({ pods: [ev.pods[0]?.name], nodes: [NODE_A] });
    expect(rankFindings(runAnalyzers(ev).findings)[0]?.id).toBe(`node-condition/cni-agent/${NODE_A}`);
  });

  it('dates the trouble from a reboot of the node just before, and reads a Cilium agent that states no address', () => {
    const agent = agentPod('cilium-h2k8d', 'quay.io/cilium/cilium:v1.16.3', false);
    const probe = event({ object: { kind: 'Pod', name: 'cilium-h2k8d', namespace: 'kube-system' }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://127.0.0.1:9879/healthz": dial tcp 127.0.0.1:9879: connect: connection refused', count: 60, firstSeen: minutesAgo(30), lastSeen: minutesAgo(0.5) });
    const reboot = event({ object: { kind: 'Node', name: NODE_A }, reason: 'Rebooted', message: `Node ${NODE_A} has been rebooted, boot id: 0d9e`, firstSeen: minutesAgo(33), lastSeen: minutesAgo(33) });
    const ev = oneNodeCutOff(readWith(agent, 'DaemonSet cilium', { probeEvents: [probe], startLines: [] }), { events: [reboot] });
    const [f] = analyzeNodeNetwork(ev);
    expect(f?.title).toMatch(new RegExp(`^cilium \\(the CNI agent\\) on node ${NODE_A} is not ready since the node rebooted 33m ago — Get "http://127\\.0\\.0\\.1:9879/healthz"`));
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/make cilium on .* ready again/);
  });

  it('says nothing when the agent is ready, was not read, or the pods there do not time out', () => {
    const ready = agentPod('calico-node-q7t2m', 'quay.io/calico/node:v3.27.4', true);
    expect(analyzeNodeNetwork(oneNodeCutOff(readWith(ready, 'DaemonSet calico-node', { probeEvents: [] })))).toEqual([]);
    expect(analyzeNodeNetwork(oneNodeCutOff(undefined))).toEqual([]);
    const down = agentPod('calico-node-q7t2m', 'quay.io/calico/node:v3.27.4', false);
    const quiet = oneNodeCutOff(readWith(down, 'DaemonSet calico-node', { probeEvents: [BGP_PROBE('10.1.7.90')] }));
    expect(analyzeNodeNetwork({ ...quiet, logs: quiet.logs.map((l) => ({ ...l, lines: [FINE] })) })).toEqual([]);
  });
});

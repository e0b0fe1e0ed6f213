import { describe, expect, it } from 'vitest';
import { analyzeNodeGroupTimeouts } from '../../../../src/domain/triage/analyzers/node-group-timeouts.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import type { CniAgentEvidence } from '../../../../src/domain/triage/evidence-cni-agent.js';
import type { LogEvidence, NodeEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { pickSplitNodes } from '../../../../src/domain/triage/node-group-split.js';
import { readMtuLines } from '../../../../src/domain/triage/packet-size.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { NOW, REV7, baseEvidence, minutesAgo, node, pod } from '../scenarios/builders.js';

const OLD_1 = 'ip-10-0-40-23.eu-west-1.compute.internal';
const OLD_2 = 'ip-10-0-40-201.eu-west-1.compute.internal';
const NEW_1 = 'ip-10-0-97-14.eu-west-1.compute.internal';
const NEW_2 = 'ip-10-0-112-203.eu-west-1.compute.internal';
const grouped = (name: string, group: string, agoMinutes: number): NodeEvidence =>
  node(name, { labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'eks.amazonaws.com/nodegroup': group }, createdAt: minutesAgo(agoMinutes) });
const NODES = [grouped(OLD_1, 'general', 80 * 24 * 60), grouped(OLD_2, 'general', 80 * 24 * 60), grouped(NEW_1, 'blue', 11 * 60), grouped(NEW_2, 'blue', 11 * 60)];

const HOST = 'ledger.corp.example.net';
const SMALL_OK = `{"level":"INFO","msg":"GET /v1/health","upstream":"${HOST}","status":200,"bytes":68}`;
const BIG_TIMEOUT = `{"level":"ERROR","msg":"upload failed","bytes":184320,"err":"Post \\"http://${HOST}:8080/v1/batches\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"}`;
const TLS_TIMEOUT = `{"level":"ERROR","msg":"refresh failed","err":"Get \\"https://rates.corp.example.net/v1\\": net/http: TLS handshake timeout"}`;
const PLAIN_TIMEOUT = `{"level":"ERROR","msg":"call failed","err":"Post \\"http://${HOST}:8080/v1/batches\\": context deadline exceeded"}`;
const UPLOADED = `{"level":"INFO","msg":"batch uploaded","upstream":"${HOST}","bytes":191488,"status":201}`;

const log = (p: PodEvidence, lines: string[]): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines });

/** Four ready pods of one revision: two on the old group, two on the new one; one of each sampled. */
function splitEvidence(badLines: string[], over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [pod(0, { nodeName: OLD_1 }), pod(1, { nodeName: OLD_2 }), pod(2, { nodeName: NEW_1 }), pod(3, { nodeName: NEW_2 })];
  const [p0, , , p3] = pods as [PodEvidence, PodEvidence, PodEvidence, PodEvidence];
  return baseEvidence({ pods, nodes: NODES, logs: [log(p0, [UPLOADED, SMALL_OK]), log(p3, badLines)], ...over });
}

const calico = (n: string, host: number, workload: number): CniAgentEvidence => ({
  node: n,
  namespace: 'kube-system',
  pod: `calico-node-${host}`,
  log: { pod: `calico-node-${host}`, container: 'calico-node', previous: false, lines: [
    '2026-11-20 16:14:00.100 [INFO][74] felix/summary.go 100: Summarising 11 dataplane reconciliation loops',
    `2026-11-20 16:14:00.100 [INFO][74] felix/int_dataplane.go 1043: Detected host MTU mtu=${host} iface="ens5"`,
    `2026-11-20 16:14:00.100 [INFO][74] felix/int_dataplane.go 1061: Determined MTU for VXLAN and workload interfaces vxlanMTU=${workload} workloadMTU=${workload}`,
  ] },
});

describe('pickSplitNodes', () => {
  it('picks a node of the group whose sampled pods time out and a node of the group whose pods do not', () => {
    const ev = splitEvidence([SMALL_OK, BIG_TIMEOUT]);
    expect(pickSplitNodes(ev.pods, ev.logs, ev.nodes, NOW)).toEqual([NEW_2, OLD_1]);
  });

  it('picks nothing when pods of both groups time out (the dependency, not the nodes)', () => {
    const ev = splitEvidence([BIG_TIMEOUT]);
    const logs = ev.logs.map((l) => ({ ...l, lines: [BIG_TIMEOUT] }));
    expect(pickSplitNodes(ev.pods, logs, ev.nodes, NOW)).toEqual([]);
  });
});

describe('readMtuLines', () => {
  it('keeps the lines of a CNI agent that state an MTU, with the numbers', () => {
    const lines = calico(NEW_2, 9001, 8951).log?.lines ?? [];
    expect(readMtuLines(lines).map((l) => l.mtus)).toEqual([[9001], [8951]]);
    expect(readMtuLines(['Setting MTU of eth0 to 9001', 'MTU is 1500', 'plain line 1500']).map((l) => l.mtus)).toEqual([[9001], [1500]]);
  });
});

describe('analyzeNodeGroupTimeouts', () => {
  it('names the new node group as where calls time out, and an MTU black hole when only large calls fail', () => {
    const ev = splitEvidence([SMALL_OK, BIG_TIMEOUT, TLS_TIMEOUT, SMALL_OK]);
    const [f] = analyzeNodeGroupTimeouts(ev);
    expect(f?.kind).toBe('node-condition');
    expect(f?.title).toMatch(/node group blue/);
    expect(f?.title).toMatch(/added 11h ago/);
    expect(f?.title).toMatch(/MTU/);
    expect(f?.likelyCause).toMatch(/revision 6[^.]*node group general[^.]*: not the code, not the rollout/);
    expect(f?.nextAction).toMatch(/cordon/i);
    expect(f?.nextAction).toMatch(/1500/);
    expect(f?.affected?.nodes).toEqual([NEW_1, NEW_2]);
    const ranked = rankFindings(runAnalyzers(ev).findings);
    expect(ranked[0]?.id).toBe(f?.id);
  });

  it("quotes the CNI agent's MTU on the failing group against the healthy one", () => {
    const ev = splitEvidence([SMALL_OK, BIG_TIMEOUT], { cniAgents: [calico(NEW_2, 9001, 8951), calico(OLD_1, 1500, 1450)] });
    const [f] = analyzeNodeGroupTimeouts(ev);
    expect(f?.title).toMatch(/MTU 8951/);
    expect(f?.title).toMatch(/1450/);
    expect(f?.evidence.join('\n')).toMatch(/mtu=9001/);
    expect(f?.confidence).toBe('high');
  });

  it('names the node split without claiming an MTU when nothing says the size matters', () => {
    const ev = splitEvidence([PLAIN_TIMEOUT]);
    const [f] = analyzeNodeGroupTimeouts(ev);
    expect(f?.title).toMatch(/node group blue/);
    expect(f?.title).not.toMatch(/MTU/);
    expect(f?.confidence).not.toBe('high');
  });

  it('says nothing from one pod on a newer node of no other group when nothing says the size matters (any two nodes differ in age)', () => {
    const nodes = NODES.map((n) => ({ ...n, labels: { 'topology.kubernetes.io/zone': 'eu-west-1a' } }));
    expect(analyzeNodeGroupTimeouts(splitEvidence([PLAIN_TIMEOUT], { nodes }))).toEqual([]);
    expect(analyzeNodeGroupTimeouts(splitEvidence([SMALL_OK, BIG_TIMEOUT], { nodes }))[0]?.title).toMatch(/^Large calls .* on new nodes \(added 11h ago\)/);
  });

  it('says nothing when the timing-out pods also run another revision (the rollout explains it as well)', () => {
    const ev = splitEvidence([SMALL_OK, BIG_TIMEOUT]);
    const pods = ev.pods.map((p) => (p.nodeName === NEW_2 ? { ...p, revisionHash: REV7.hash } : p));
    expect(analyzeNodeGroupTimeouts({ ...ev, pods })).toEqual([]);
  });

  it('says nothing when the pods of both groups time out', () => {
    const ev = splitEvidence([BIG_TIMEOUT]);
    expect(analyzeNodeGroupTimeouts({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [SMALL_OK, BIG_TIMEOUT] })) })).toEqual([]);
  });
});

describe('analyzeNodeGroupTimeouts, when what times out is the instance metadata service', () => {
  const IMDS = '{"level":"ERROR","msg":"sqs receive failed","err":"operation error SQS: ReceiveMessage, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, canceled, context deadline exceeded"}';

  it('says the pods on that group cannot reach the metadata service, with the hop limit, rather than a network path', () => {
    const ev = splitEvidence([IMDS, SMALL_OK]);
    const [f] = analyzeNodeGroupTimeouts(ev);
    expect(f?.title).toContain('Pods on node pool blue cannot reach the instance metadata service (169.254.169.254 times out: IMDSv2 hop limit 1 on its launch template)');
    expect(f?.title).toContain('is fine on node group general');
    expect(f?.fix).toMatch(/HttpPutResponseHopLimit\) on node pool blue's launch template/);
    expect(f?.likelyCause).not.toMatch(/stops at start-up/);
  });
});

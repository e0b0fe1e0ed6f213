import { describe, expect, it } from 'vitest';
import { analyzeNodeNetwork } from '../../../../src/domain/triage/analyzers/node-network.js';
import type { LogEvidence, NodeNetworkEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { pickNetworkNodes } from '../../../../src/domain/triage/node-network.js';
import { readKlogTime } from '../../../../src/domain/triage/log-line-time.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { NODE_A, NODE_B, NOW, NS, baseEvidence, container, event, minutesAgo, pod, service } from '../scenarios/builders.js';

const TIMEOUT = (ip: string) => `{"level":"error","msg":"cache get failed","error":"dial tcp ${ip}:6379: i/o timeout"}`;
const CONNTRACK = 'Conntrack table usage over 90%: 262144/262144 entries; kernel: nf_conntrack: nf_conntrack: table full, dropping packet';

/** Pods 0 and 3 sit on NODE_A, unready and timing out; the others are fine elsewhere. */
function oneNodeTimesOut(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, i % 3 === 0 ? { ready: false, containers: [container({ ready: false })] } : {}));
  const logs: LogEvidence[] = pods.filter((p) => !p.ready).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [TIMEOUT('172.20.44.19')] }));
  return baseEvidence({ pods, logs, ...over });
}

function nodeRead(extra: NodeNetworkEvidence['pods'], logs: LogEvidence[] = []): NodeNetworkEvidence {
  return { node: NODE_A, pods: extra, logs };
}

describe('pickNetworkNodes', () => {
  it('picks the node whose pods all time out while pods elsewhere are ready, and a node whose conntrack table is full', () => {
    const ev = oneNodeTimesOut();
    expect(pickNetworkNodes(ev.pods, ev.logs, [])).toEqual([NODE_A]);
    const full = event({ object: { kind: 'Node', name: NODE_B }, reason: 'ConntrackFull', message: CONNTRACK, type: 'Warning' });
    expect(pickNetworkNodes(ev.pods, [], [full])).toEqual([NODE_B]);
  });

  it('picks no node when every pod times out the same (the dependency, not a node)', () => {
    const pods = [0, 1, 2].map((i) => pod(i, { ready: false }));
    const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [TIMEOUT('172.20.44.19')] }));
    expect(pickNetworkNodes(pods, logs, [])).toEqual([]);
  });

  it('reads klog header times in the year of the triage', () => {
    expect(readKlogTime('E1121 02:33:00.118000       1 proxier.go:1523] "Failed to execute iptables-restore" err=<', NOW)).toBe('2026-11-21T02:33:00.118Z');
    expect(readKlogTime('plain line', NOW)).toBeUndefined();
  });
});

describe('analyzeNodeNetwork', () => {
  it('names a full conntrack table on the node as the mechanism, with the pod that started there just before', () => {
    const soak = pod(7, { name: 'k6-soak-7xk2q', nodeName: NODE_A, createdAt: minutesAgo(31), labels: { 'job-name': 'k6-soak' } });
    const ev = oneNodeTimesOut({
      events: [event({ object: { kind: 'Node', name: NODE_A }, reason: 'ConntrackFull', message: CONNTRACK, type: 'Warning', count: 52, firstSeen: minutesAgo(28), lastSeen: minutesAgo(0.5) })],
      nodeNetwork: [nodeRead([{ namespace: NS, owner: 'Job k6-soak', pod: soak }])],
    });
    const [f] = analyzeNodeNetwork(ev);
    expect(f?.title).toMatch(new RegExp(`^Node ${NODE_A}'s conntrack table is full since Job k6-soak .* started there 31m ago`));
    expect(f?.affected).toEqual({ pods: ev.pods.filter((p) => !p.ready).map((p) => p.name), nodes: [NODE_A] });
    const ranked = rankFindings(runAnalyzers(ev).findings);
    expect(ranked[0]?.id).toBe(`node-condition/conntrack/${NODE_A}`);
  });

  it("names the kernel's ARP neighbour table overflowing on the nodes of the timing-out pods, with the sysctls to raise", () => {
    const overflow = (node: string) => event({ object: { kind: 'Node', name: node }, reason: 'NeighbourTableOverflow', message: 'kernel: [431200.180233] neighbour: arp_cache: neighbor table overflow!', type: 'Warning', count: 1840, firstSeen: minutesAgo(2900), lastSeen: minutesAgo(0.5) });
    const ev = oneNodeTimesOut({ events: [overflow(NODE_A)] });
    const found = analyzeNodeNetwork(ev).find((f) => f.id.startsWith('node-condition/neighbour-table/'));
    expect(found?.title).toMatch(new RegExp(`^Node ${NODE_A} overflows the kernel's ARP neighbour table .* while its pods on other nodes are fine`));
    expect(found?.fix).toMatch(/gc_thresh1\/2\/3/);
    expect(found?.affected).toEqual({ pods: ev.pods.filter((p) => !p.ready).map((p) => p.name), nodes: [NODE_A] });
    expect(rankFindings(runAnalyzers(ev).findings)[0]?.id).toBe(`node-condition/neighbour-table/${NODE_A}`);
  });

  it('names kube-proxy failing to sync on the node, and the Service created since that the pods time out to', () => {
    const proxy = pod(8, { name: 'kube-proxy-9xq2w', nodeName: NODE_A, labels: { 'k8s-app': 'kube-proxy' } });
    const proxyLog: LogEvidence = {
      pod: 'kube-proxy-9xq2w', container: 'kube-proxy', previous: false,
      lines: ['E1121 02:33:00.118000       1 proxier.go:1523] "Failed to execute iptables-restore" err=<', '\texit status 4: Another app is currently holding the xtables lock. Stopped waiting after 5s.', ' >', 'I1121 02:33:00.119000       1 proxier.go:810] "Sync failed" retryingTime="30s"'],
    };
    const ev = oneNodeTimesOut({
      services: [service(), service({ name: 'geo-cache', clusterIP: '172.20.44.19', selector: { app: 'geo-cache' } })],
      namespaceObjects: [{ kind: 'Service', name: 'geo-cache', createdAt: minutesAgo(26) }],
      nodeNetwork: [nodeRead([{ namespace: 'kube-system', owner: 'DaemonSet kube-proxy', pod: proxy }], [proxyLog])],
    });
    const [f] = analyzeNodeNetwork(ev);
    expect(f?.title).toMatch(new RegExp(`^kube-proxy on node ${NODE_A} fails to apply Service rules \\(iptables-restore\\) since 41m ago; .* to geo-cache`));
    expect(f?.decisive).toMatch(/xtables lock/);
    expect(rankFindings(runAnalyzers(ev).findings)[0]?.id).toBe(`node-condition/kube-proxy/${NODE_A}`);
  });

  it("names kube-proxy's iptables backend missing from the node's kernel (legacy mode, nf_tables-only image), not a lock", () => {
    const proxy = pod(8, { name: 'kube-proxy-4hw7c', nodeName: NODE_A, labels: { 'k8s-app': 'kube-proxy' } });
    const proxyLog: LogEvidence = {
      pod: 'kube-proxy-4hw7c', container: 'kube-proxy', previous: false,
      lines: [
        'E1121 02:33:00.118000       1 proxier.go:1523] "Failed to execute iptables-restore" err=<',
        "\texit status 2: iptables-restore v1.8.7 (legacy): iptables-restore: unable to initialize table 'nat'",
        ' >',
        'I1121 02:33:00.119000       1 proxier.go:810] "Sync failed" retryingTime="30s"',
        'W1121 02:33:00.120000       1 iptables.go:210] "Failed to ensure chain exists" err="exit status 3: modprobe: FATAL: Module ip_tables not found in directory /lib/modules/6.1.0\\niptables v1.8.7 (legacy): can\'t initialize iptables table `filter\': Table does not exist (do you need to insmod?)"',
      ],
    };
    const ev = oneNodeTimesOut({ nodeNetwork: [nodeRead([{ namespace: 'kube-system', owner: 'DaemonSet kube-proxy', pod: proxy }], [proxyLog])] });
    const [f] = analyzeNodeNetwork(ev);
    expect(f?.title).toMatch(new RegExp(`^kube-proxy on node ${NODE_A} cannot write any Service rule: its iptables \\(legacy\\) cannot initialize table 'nat'.*nf_tables.* to every ClusterIP`));
    expect(f?.decisive).toMatch(/unable to initialize table 'nat'/);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction} ${f?.fix}`).not.toMatch(/xtables lock holder|kill what holds/);
    expect(f?.likelyCause).toMatch(/ip_tables is not there/);
    expect(f?.fix).toMatch(/nf_tables/);
    expect(rankFindings(runAnalyzers(ev).findings)[0]?.id).toBe(`node-condition/kube-proxy/${NODE_A}`);
  });

  it('says nothing when kube-proxy syncs fine or nothing was read', () => {
    const proxy = pod(8, { name: 'kube-proxy-9xq2w', nodeName: NODE_A });
    const ok = oneNodeTimesOut({ nodeNetwork: [nodeRead([{ namespace: 'kube-system', owner: 'DaemonSet kube-proxy', pod: proxy }], [{ pod: proxy.name, container: 'kube-proxy', previous: false, lines: ['I1121 02:33:00.118000       1 proxier.go:805] "Syncing iptables rules"'] }])] });
    expect(analyzeNodeNetwork(ok)).toEqual([]);
    expect(analyzeNodeNetwork(oneNodeTimesOut())).toEqual([]);
  });
});

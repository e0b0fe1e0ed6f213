// A Consul cluster whose servers came back with new pod IPs on their old data volumes: their raft
// peer set still names the old addresses, every vote request to them times out and no leader is
// elected, so Consul answers its clients 500 "No cluster leader". The fix is the raft peer set
// (peers.json with the current addresses), not a restart of the clients.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { readRaftPeerFormation } from '../../../../src/domain/triage/raft-peers.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, running } from '../scenarios/builders.js';

const NO_LEADER = "com.ecwid.consul.v1.OperationException: OperationException(statusCode=500, statusMessage='Internal Server Error', statusContent='No cluster leader')";
const OLD = ['10.9.1.50', '10.9.2.60'];
const NOW_IPS = ['10.9.3.10', '10.9.4.20', '10.9.5.30'];
const CONFIG = `2026-11-21T02:40:00.000Z [INFO]  agent.server.raft: initial configuration: index=1200 servers="[{Suffrage:Voter ID:aa Address:${NOW_IPS[0]}:8300} {Suffrage:Voter ID:bb Address:${OLD[0]}:8300} {Suffrage:Voter ID:cc Address:${OLD[1]}:8300}]"`;
const VOTE = (ip: string, id: string) => `2026-11-21T03:10:00.000Z [ERROR] agent.server.raft: failed to make requestVote RPC: target="{Voter ${id} ${ip}:8300}" error="dial tcp <nil>->${ip}:8300: i/o timeout" term=40`;
const AHEAD = `2026-11-21T03:10:01.000Z [WARN]  agent.server.raft: rejecting vote request since our last index is greater: candidate=${NOW_IPS[1]}:8300 last-index=1300 last-candidate-index=1290`;

function server(i: number) {
  return { ...pod(i, { name: `vault-consul-${i}`, labels: { app: 'vault-consul' }, ready: false, containers: [container({ name: 'consul', ready: false, state: running() })], createdAt: i === 0 ? minutesAgo(9 * 24 * 60) : minutesAgo(30) }), podIPs: [NOW_IPS[i] ?? ''] };
}

function members(): DependencyMembersEvidence {
  return {
    namespace: 'payments',
    service: 'vault-consul',
    pods: [server(0), server(1), server(2)],
    nodeLosses: [],
    logs: [
      { pod: 'vault-consul-0', container: 'consul', previous: false, lines: [CONFIG, VOTE(OLD[0] ?? '', 'bb'), VOTE(OLD[1] ?? '', 'cc'), AHEAD] },
      { pod: 'vault-consul-1', container: 'consul', previous: false, lines: [CONFIG, VOTE(OLD[1] ?? '', 'cc')] },
    ],
  };
}

function scenario(dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'CONSUL_HTTP_ADDR', value: 'http://vault-consul.payments.svc.cluster.local:8500' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [NO_LEADER, NO_LEADER] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('a Consul cluster whose raft peers name addresses no server has now', () => {
  it("is followed from the clients' No cluster leader to the Service of their Consul address, with the members' logs asked for", () => {
    expect(pickClusterDownService(scenario())).toEqual({ name: 'vault-consul', namespace: 'payments', memberLogs: true });
  });

  it("reads the stale peers and the servers that came back with new IPs from the members' logs", () => {
    const told = readRaftPeerFormation(members().logs ?? [], members().pods);
    expect(told?.said).toBe('its raft peers still list 10.9.1.50 and 10.9.2.60, addresses no server has now (vault-consul-1 and vault-consul-2 came back with new pod IPs): votes to them time out, no leader is elected');
    expect(told?.cause).toMatch(/vault-consul-0 also rejects the others' votes because its log is ahead/);
    expect(told?.fix).toMatch(/peers\.json/);
    // Peers that all answer at their own addresses: not this.
    expect(readRaftPeerFormation([{ pod: 'vault-consul-0', container: 'consul', previous: false, lines: [VOTE(NOW_IPS[1] ?? '', 'bb')] }], members().pods)).toBeUndefined();
  });

  it('names the stale peers and the peers.json recovery in the headline, not a restart of the clients', () => {
    const [f] = analyzeDependencyClusterDown(scenario([members()]));
    expect(f?.title).toMatch(/^Consul vault-consul has no leader — its raft peers still list 10\.9\.1\.50 and 10\.9\.2\.60/);
    const r = buildTriageReport(scenario([members()]), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.headline).toMatch(/raft peers still list 10\.9\.1\.50/);
    expect(r.headline).toMatch(/peers\.json/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|restart (the )?app/i);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeNetworkPolicies } from '../../../../src/domain/triage/analyzers/network-policy.js';
import type { EndpointSliceEvidence, LogEvidence, NetworkPolicyEvidence, ServiceEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

const DNS_RULE = 'to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on';
const PEERS = `cache-peers.${NS}.svc.cluster.local`;

function policy(over: Partial<NetworkPolicyEvidence>): NetworkPolicyEvidence {
  return { name: 'default-deny-egress', createdAt: minutesAgo(101), podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: [], ...over };
}

/** A headless Service with `n` ready endpoints: its A answer grows by 16 bytes per endpoint. */
function headless(n: number): { service: ServiceEvidence; slice: EndpointSliceEvidence } {
  return {
    service: { name: 'cache-peers', type: 'ClusterIP', selector: { app: 'cache' }, headless: true, ports: [{ port: 11211, targetPort: 11211, protocol: 'TCP' }] },
    slice: { name: 'cache-peers-x1', service: 'cache-peers', endpoints: Array.from({ length: n }, (_, i) => ({ addresses: [`10.0.7.${i + 1}`], ready: true, podName: `cache-${i}` })), ports: [{ port: 11211, protocol: 'TCP' }] },
  };
}

/**
 * A default-deny egress policy and the workload's own allow-list, both 100 minutes old; the pods'
 * lookups of one headless Service time out since, while their calls to others go through.
 */
function scenario(opts: { dnsPorts: string; endpoints: number }): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false })] }));
  const lines = [
    `2026-11-21 01:40:00,100 WARNING app.peers: peer refresh failed for ${PEERS}: [Errno -3] Temporary failure in name resolution (after 10012 ms); keeping 36 peers`,
    '2026-11-21 01:40:01,100 INFO app.geocode: POST https://geocode.example.com/v1/geocode 200 (140 ms)',
    `2026-11-21 03:13:28,200 WARNING app.peers: peer refresh failed for ${PEERS}: [Errno -3] Temporary failure in name resolution (after 10009 ms); ring is empty`,
  ];
  const logs: LogEvidence[] = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines }));
  const { service, slice } = headless(opts.endpoints);
  const base = baseEvidence({ pods, logs, workload: workload({ readyReplicas: 0, availableReplicas: 0 }) });
  return {
    ...base,
    services: [...base.services, service],
    endpointSlices: [...base.endpointSlices, slice],
    networkPolicies: [
      policy({}),
      policy({ name: 'app-egress', createdAt: minutesAgo(100), podSelector: {}, egress: [`${DNS_RULE} ${opts.dnsPorts}`, 'to pods app=cache on TCP/11211', 'to 0.0.0.0/0 on TCP/443'] }),
      policy({ name: 'other-egress', createdAt: minutesAgo(100), podSelector: { app: 'other' }, egress: [`${DNS_RULE} UDP/53, TCP/53`] }),
    ],
  };
}

describe('DNS allowed only over UDP to pods whose lookup of a large headless answer times out', () => {
  it('names the missing TCP 53 in the policy, the headless Service and its truncated answer', () => {
    const report = buildTriageReport(scenario({ dnsPorts: 'UDP/53', endpoints: 36 }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/NetworkPolicy app-egress/);
    expect(report.headline).toMatch(/TCP 53/);
    expect(report.headline).toMatch(/cache-peers/);
    expect(report.headline).not.toMatch(/no egress at all|CoreDNS/);
    // No finding blames the DNS server for lookups a policy drops.
    expect(report.findings.map((x) => `${x.title}\n${x.likelyCause}`).join('\n')).not.toMatch(/CoreDNS[^\n]*(down|crash|fail|overload)/i);
    const f = report.findings[0];
    expect(f?.likelyCause).toMatch(/truncat/);
    expect(f?.nextAction).toMatch(/other-egress/);
  });

  it('says nothing of TCP when the policy allows DNS over TCP too, or the answer fits in UDP', () => {
    for (const ev of [scenario({ dnsPorts: 'UDP/53, TCP/53', endpoints: 36 }), scenario({ dnsPorts: 'UDP/53', endpoints: 4 })]) {
      const titles = analyzeNetworkPolicies(ev).map((f) => f.title).join('\n');
      expect(titles).not.toMatch(/TCP 53/);
    }
  });

  it('does not call a default-deny "no egress at all" when another policy opens egress for the same pods', () => {
    const titles = analyzeNetworkPolicies(scenario({ dnsPorts: 'UDP/53', endpoints: 36 })).map((f) => f.title);
    expect(titles.join('\n')).not.toMatch(/no egress at all/);
  });
});

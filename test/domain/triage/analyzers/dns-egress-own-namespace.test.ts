import { describe, expect, it } from 'vitest';
import type { LogEvidence, NetworkPolicyEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

function policy(over: Partial<NetworkPolicyEvidence>): NetworkPolicyEvidence {
  return { name: 'egress-allowlist', createdAt: minutesAgo(20), podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: [], ...over };
}

/** An egress allow-list created 20 minutes ago; since then every lookup of the pods times out. */
function scenario(dnsRule: string): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false })] }));
  const lines = [
    `2026-11-21 01:40:00 error: startup probe: lookup ledger-store.${NS}.svc.cluster.local on 10.96.0.10:53: read udp 10.8.1.4:40211->10.96.0.10:53: i/o timeout`,
    `2026-11-21 01:40:30 error: startup probe: lookup ledger-store.${NS}.svc.cluster.local on 10.96.0.10:53: read udp 10.8.1.4:40877->10.96.0.10:53: i/o timeout`,
  ];
  const logs: LogEvidence[] = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines }));
  const base = baseEvidence({ pods, logs, workload: workload({ readyReplicas: 0, availableReplicas: 0 }) });
  return { ...base, networkPolicies: [policy({ egress: [dnsRule, 'to pods app=ledger-store on TCP/5432'] })] };
}

describe('a DNS egress rule that names the DNS pods without a namespaceSelector', () => {
  it('names the missing namespaceSelector and the fix', () => {
    const report = buildTriageReport(scenario('to pods k8s-app=kube-dns on UDP/53, TCP/53'), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/NetworkPolicy egress-allowlist/);
    expect(report.headline).toMatch(/no namespaceSelector/);
    expect(report.findings[0]?.nextAction).toMatch(/namespaceSelector \(kubernetes\.io\/metadata\.name: kube-system\)/);
  });

  it('makes no such claim when the rule reaches kube-system', () => {
    const report = buildTriageReport(scenario('to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53'), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings.some((f) => f.id.endsWith('/dns-own-namespace'))).toBe(false);
  });
});

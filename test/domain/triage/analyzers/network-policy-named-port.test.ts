import { describe, expect, it } from 'vitest';
import { analyzeNamedPortPolicies } from '../../../../src/domain/triage/analyzers/network-policy-named-port.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { NetworkPolicyEvidence, PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, minutesAgo, pod } from '../scenarios/builders.js';

// The callers are admitted to the port NAMED "http"; the pods now call 8080 "api" (a rename).
const admitsHttp: NetworkPolicyEvidence = {
  name: 'payment-service-ingress', createdAt: minutesAgo(90 * 24 * 60), podSelector: { app: 'payment-service' }, policyTypes: ['Ingress'],
  ingress: ['from pods app=checkout on TCP/http', 'from namespaces name=monitoring on TCP/metrics'], egress: [],
  ingressRules: [
    { from: [{ podSelector: { matchLabels: { app: 'checkout' } } }], ports: [{ protocol: 'TCP', port: 'http' }] },
    { from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 'metrics' }] },
  ],
};

function withPorts(names: { api: string; metrics: string }): PodEvidence[] {
  return [0, 1].map((i) => {
    const p = pod(i);
    const c = p.containers[0];
    return c === undefined ? p : { ...p, containers: [{ ...c, ports: [{ name: names.api, containerPort: 8080, protocol: 'TCP' as const }, { name: names.metrics, containerPort: 9102, protocol: 'TCP' as const }] }] };
  });
}

describe('an ingress rule on a port name the pods no longer declare', () => {
  it('is the verdict, not an all-clear: names the policy, the name it admits and the port nothing admits', () => {
    const report = buildTriageReport(baseEvidence({ pods: withPorts({ api: 'api', metrics: 'metrics' }), networkPolicies: [admitsHttp] }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/NetworkPolicy payment-service-ingress/);
    expect(report.headline).toMatch(/port name "http", which no container of these pods declares/);
    expect(report.headline).toMatch(/podSelector app=checkout/);
    expect(report.headline).toMatch(/allow port "api" \(or 8080\)/i);
  });

  it('says nothing while the pods declare the name, or when another rule admits the port by number', () => {
    expect(analyzeNamedPortPolicies(baseEvidence({ pods: withPorts({ api: 'http', metrics: 'metrics' }), networkPolicies: [admitsHttp] }))).toEqual([]);
    const byNumber: NetworkPolicyEvidence = { ...admitsHttp, ingressRules: [...(admitsHttp.ingressRules ?? []), { from: [], ports: [{ protocol: 'TCP', port: 8080 }] }] };
    expect(analyzeNamedPortPolicies(baseEvidence({ pods: withPorts({ api: 'api', metrics: 'metrics' }), networkPolicies: [byNumber] }))).toEqual([]);
    // A range up to endPort admits 8080 too.
    const byRange: NetworkPolicyEvidence = { ...admitsHttp, ingressRules: [...(admitsHttp.ingressRules ?? []), { from: [], ports: [{ protocol: 'TCP', port: 8000, endPort: 8999 }] }] };
    expect(analyzeNamedPortPolicies(baseEvidence({ pods: withPorts({ api: 'api', metrics: 'metrics' }), networkPolicies: [byRange] }))).toEqual([]);
  });

  it('says nothing of a policy that selects other pods, or whose rules were not read apart', () => {
    const other: NetworkPolicyEvidence = { ...admitsHttp, podSelector: { app: 'ledger' } };
    expect(analyzeNamedPortPolicies(baseEvidence({ pods: withPorts({ api: 'api', metrics: 'metrics' }), networkPolicies: [other] }))).toEqual([]);
    const { ingressRules: _dropped, ...unmapped } = admitsHttp;
    expect(analyzeNamedPortPolicies(baseEvidence({ pods: withPorts({ api: 'api', metrics: 'metrics' }), networkPolicies: [unmapped] }))).toEqual([]);
  });
});

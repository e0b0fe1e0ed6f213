// A timeout to a Service of the namespace whose NetworkPolicies admit the callers at both ends:
// the generic words "a NetworkPolicy drops them" would send the on-call to a policy that lets the
// traffic through. Only a sure admission changes the words; anything unsure keeps them.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { NetworkPolicyEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { APP, NODE_A, baseEvidence, container, pod, service, workload } from './scenarios/builders.js';

const timeout = `{"level":50,"msg":"quote call failed","err":{"message":"connect ETIMEDOUT quotes:7000","code":"ETIMEDOUT"}}`;

function ingressFrom(name: string, dest: Record<string, string>, from: Record<string, string>, port: number | string = 7070): NetworkPolicyEvidence {
  return {
    name,
    podSelector: dest,
    policyTypes: ['Ingress'],
    ingress: [`from podSelector ${Object.entries(from).map(([k, v]) => `${k}=${v}`).join(',')} ports TCP/${port}`],
    egress: [],
    ingressRules: [{ from: [{ podSelector: { matchLabels: from } }], ports: [{ protocol: 'TCP', port }] }],
  };
}

function scenario(policies: NetworkPolicyEvidence[] | undefined): TriageEvidence {
  const pods = [0, 1].map((i) => (i === 1 ? pod(i, { ready: false, nodeName: NODE_A, containers: [container({ ready: false })] }) : pod(i)));
  const base = baseEvidence({
    pods,
    workload: workload({ readyReplicas: 1 }),
    logs: [{ pod: pods[1]?.name ?? '', container: 'app', previous: false, lines: [timeout, timeout, timeout] }],
  });
  const quotes = service({ name: 'quotes', clusterIP: '172.30.2.9', selector: { app: 'quotes' }, ports: [{ name: 'rpc', port: 7000, targetPort: 'rpc', protocol: 'TCP' }] });
  return {
    ...base,
    services: [...base.services, quotes],
    endpointSlices: [...base.endpointSlices, { name: 'quotes-h4k2', service: 'quotes', endpoints: [{ addresses: ['10.0.5.20'], ready: true, podName: 'quotes-6f7-a', nodeName: NODE_A }], ports: [{ name: 'rpc', port: 7070, protocol: 'TCP' }] }],
    ...(policies ? { networkPolicies: policies } : {}),
  };
}

const blamesPolicy = /NetworkPolic(y|ies)[^\n]*(block|den(y|ies)|drop)/i;

describe('a timeout to a Service whose NetworkPolicies let the callers through', () => {
  it('does not say a NetworkPolicy drops the packets when the ingress policy admits the callers on the pods\' port', () => {
    const [f] = analyzeDependencyErrors(scenario([ingressFrom('quotes-ingress', { app: 'quotes' }, { app: APP })]));
    expect(f?.likelyCause).not.toMatch(blamesPolicy);
    expect(f?.likelyCause).toContain('let these pods through');
    expect(f?.evidence.join('\n')).toContain('NetworkPolicy quotes-ingress admits these pods to Service quotes\'s pods on TCP 7070');
  });

  it('says no policy stands between them when none selects either end', () => {
    const [f] = analyzeDependencyErrors(scenario([]));
    expect(f?.likelyCause).not.toMatch(blamesPolicy);
    expect(f?.evidence.join('\n')).toContain('no NetworkPolicy selects Service quotes\'s pods for ingress');
  });

  it('keeps a policy as a lead when the ingress policy admits other pods only', () => {
    const [f] = analyzeDependencyErrors(scenario([ingressFrom('quotes-ingress', { app: 'quotes' }, { app: 'billing' })]));
    expect(f?.likelyCause).toMatch(/NetworkPolicy/);
  });

  it('keeps a policy as a lead when it admits another port', () => {
    const [f] = analyzeDependencyErrors(scenario([ingressFrom('quotes-ingress', { app: 'quotes' }, { app: APP }, 9090)]));
    expect(f?.likelyCause).toMatch(/NetworkPolicy/);
  });

  it('keeps a policy as a lead when an egress policy selects the callers', () => {
    const egress: NetworkPolicyEvidence = { name: 'default-deny-egress', podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: [] };
    expect(analyzeDependencyErrors(scenario([egress]))[0]?.likelyCause).toMatch(/NetworkPolicy/);
  });

  it('keeps a policy as a lead when one keyed on a label the Service does not fix may select its pods, unless another admits the callers', () => {
    const tiered = ingressFrom('gold-only', { tier: 'gold' }, { app: 'billing' });
    expect(analyzeDependencyErrors(scenario([tiered]))[0]?.likelyCause).toMatch(/NetworkPolicy/);
    // Policies add up: the one that admits them lets them in whatever the other says.
    expect(analyzeDependencyErrors(scenario([ingressFrom('quotes-ingress', { app: 'quotes' }, { app: APP }), tiered]))[0]?.likelyCause).not.toMatch(blamesPolicy);
  });

  it('keeps the generic words when the policies were not read', () => {
    const [f] = analyzeDependencyErrors(scenario(undefined));
    expect(f?.likelyCause).toMatch(/NetworkPolicy/);
  });
});

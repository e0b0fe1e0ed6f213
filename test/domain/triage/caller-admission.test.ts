// A caller against the ingress NetworkPolicies that select the workload's pods, as the API server
// and the CNI plugin judge it: policies add up, peers are ORed, a peer's two selectors are ANDed.
import { describe, expect, it } from 'vitest';
import { checkCallerAdmission, describePeer } from '../../../src/domain/triage/caller-admission.js';
import type { NetworkPolicyEvidence } from '../../../src/domain/triage/evidence.js';
import { pod } from './scenarios/builders.js';

const pods = [pod(0), pod(1)];
const denyAll: NetworkPolicyEvidence = { name: 'default-deny-ingress', podSelector: {}, policyTypes: ['Ingress'], ingress: [], egress: [], ingressRules: [], createdAt: '2026-04-01T10:00:00Z' };
const allowFrom = (peer: NonNullable<NetworkPolicyEvidence['ingressRules']>[number]['from'][number], port: number | string = 8080): NetworkPolicyEvidence => ({
  name: 'payment-service-allow-ingress',
  podSelector: { app: 'payment-service' },
  policyTypes: ['Ingress'],
  ingress: ['(as lines)'],
  egress: [],
  ingressRules: [
    { from: [peer, { podSelector: { matchLabels: { app: 'checkout-bff' } } }], ports: [{ protocol: 'TCP', port }] },
    { from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }], ports: [{ protocol: 'TCP', port: 9090 }] },
  ],
  createdAt: '2026-04-01T10:00:00Z',
});
// A re-installed controller namespace: only the label the API server sets.
const controller = {
  namespace: 'ingress-nginx',
  namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' },
  podLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller', 'pod-template-hash': '7d9f8c6b5' },
  ips: ['10.0.72.18'],
};

describe('whether the ingress policies of the pods admit a caller', () => {
  it('finds none admits a namespace that lost the label its namespaceSelector asks for, and names that term', () => {
    const policy = allowFrom({ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } });
    const check = checkCallerAdmission({ policies: [denyAll, policy], policyNamespace: 'payments', pods, caller: controller, port: 8080 });
    expect(check?.admitted).toBe('no');
    expect(check?.nearest?.policy.name).toBe('payment-service-allow-ingress');
    expect(check?.nearest?.unmet).toEqual([{ on: 'namespace', term: 'name=ingress-nginx', key: 'name' }]);
    expect(describePeer(check?.nearest?.peer ?? {})).toBe('namespaceSelector name=ingress-nginx');
  });

  it('admits the same caller when the selector uses kubernetes.io/metadata.name, a named port that resolves, or a matching expression', () => {
    for (const policy of [
      allowFrom({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }),
      allowFrom({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }, 'http'),
      allowFrom({ namespaceSelector: { matchLabels: {}, matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['ingress-nginx', 'edge'] }] } }),
      allowFrom({ namespaceSelector: { matchLabels: {} }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }),
      allowFrom({ ipBlock: { cidr: '10.0.72.0/24' } }),
    ]) {
      expect(checkCallerAdmission({ policies: [denyAll, policy], policyNamespace: 'payments', pods, caller: controller, port: 8080 })?.admitted).toBe('yes');
    }
  });

  it('keeps out a caller admitted on another port only, or a pod selector alone for a caller of another namespace', () => {
    const otherPort = allowFrom({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }, 9000);
    expect(checkCallerAdmission({ policies: [denyAll, otherPort], policyNamespace: 'payments', pods, caller: controller, port: 8080 })?.admitted).toBe('no');
    const podsOnly = allowFrom({ podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller' } } });
    const check = checkCallerAdmission({ policies: [denyAll, podsOnly], policyNamespace: 'payments', pods, caller: controller, port: 8080 });
    expect(check?.admitted).toBe('no');
    expect(check?.nearest?.ownNamespaceOnly).toBe(true);
  });

  it('makes no claim without a selecting policy, with an unmapped rule, an unknown port or a podSelector it cannot match', () => {
    const policy = allowFrom({ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } });
    expect(checkCallerAdmission({ policies: [{ ...policy, podSelector: { app: 'fraud-service' } }], policyNamespace: 'payments', pods, caller: controller, port: 8080 })).toBeUndefined();
    expect(checkCallerAdmission({ policies: [denyAll, { ...policy, ingressRules: undefined }], policyNamespace: 'payments', pods, caller: controller, port: 8080 })).toBeUndefined();
    const open = allowFrom({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } });
    expect(checkCallerAdmission({ policies: [denyAll, open], policyNamespace: 'payments', pods, caller: controller })?.admitted).toBe('maybe');
    const maybeSelects: NetworkPolicyEvidence = { ...open, podSelector: {}, podSelectorExpressions: ['tier in (web)'], ingressRules: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [] }] };
    expect(checkCallerAdmission({ policies: [denyAll, policy, maybeSelects], policyNamespace: 'payments', pods, caller: controller, port: 8080 })?.admitted).toBe('maybe');
    expect(checkCallerAdmission({ policies: [{ ...policy, podSelector: {}, podSelectorExpressions: ['tier in (web)'] }], policyNamespace: 'payments', pods, caller: controller, port: 8080 })?.admitted).toBe('maybe');
  });
});

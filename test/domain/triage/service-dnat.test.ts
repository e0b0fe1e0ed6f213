// A NetworkPolicy is enforced after kube-proxy's DNAT: a rule for a Service's ClusterIP allows
// nothing, and the API server's Service is read only when the logs time out on an address a rule
// allows by ipBlock.
import { describe, expect, it } from 'vitest';
import type { NetworkPolicyEvidence } from '../../../src/domain/triage/evidence.js';
import { findServiceDnat, wantsApiServerService } from '../../../src/domain/triage/service-dnat.js';

const policy = (egress: string[], over: Partial<NetworkPolicyEvidence> = {}): NetworkPolicyEvidence => ({ name: 'baseline-egress', podSelector: {}, policyTypes: ['Egress'], ingress: [], egress, ...over });
const api = {
  namespace: 'default',
  service: { name: 'kubernetes', type: 'ClusterIP' as const, clusterIP: '10.96.0.1', selector: {}, ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' as const }] },
  slices: [{ name: 'kubernetes', service: 'kubernetes', endpoints: [{ addresses: ['10.0.0.12'], ready: false }, { addresses: ['10.0.0.11'], ready: true }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' as const }] }],
};
const TIMEOUT = 'dial tcp 10.96.0.1:443: i/o timeout';

describe('findServiceDnat', () => {
  it('reads a rule that allows a ClusterIP as allowing nothing: the endpoints on the target port are what leave the pod', () => {
    expect(findServiceDnat([policy(['to 10.96.0.1/32 on TCP/443'])], [api], '10.96.0.1:443')).toEqual({
      dependency: '10.96.0.1:443',
      service: 'default/kubernetes',
      endpoints: ['10.0.0.11', '10.0.0.12'],
      targetPort: 6443,
      protocol: 'TCP',
      allowedBy: [{ policy: 'baseline-egress', rule: 'to 10.96.0.1/32 on TCP/443' }],
    });
  });

  it('says nothing when a rule allows an endpoint, may allow it (a selector), or none allows the ClusterIP', () => {
    expect(findServiceDnat([policy(['to 10.96.0.1/32 on TCP/443', 'to 10.0.0.0/24 on TCP/6443'])], [api], '10.96.0.1:443')).toBeUndefined();
    expect(findServiceDnat([policy(['to 10.96.0.1/32 on TCP/443', 'to namespaces a=b on all ports'])], [api], '10.96.0.1:443')).toBeUndefined();
    expect(findServiceDnat([policy(['to 10.0.0.0/24 on TCP/443'])], [api], '10.96.0.1:443')).toBeUndefined();
    expect(findServiceDnat([policy(['to 10.96.0.1/32 on TCP/443'])], [], '10.96.0.1:443')).toBeUndefined();
    expect(findServiceDnat([policy(['to 10.96.0.1/32 on TCP/443'])], [api], 'kubernetes.default.svc:443')).toBeUndefined();
  });
});

describe('wantsApiServerService', () => {
  const input = { logs: [{ pod: 'p', container: 'c', previous: true, lines: [TIMEOUT] }], labels: { app: 'op' }, services: [], networkPolicies: [policy(['to 10.96.0.1/32 on TCP/443'])], namespace: 'ops' };

  it('asks for it when the logs time out on an address an egress rule allows by ipBlock', () => {
    expect(wantsApiServerService(input)).toBe(true);
  });

  it('does not without such a rule, a timeout, policies read, or when the address is a Service of the namespace', () => {
    expect(wantsApiServerService({ ...input, networkPolicies: [policy(['to anywhere on all ports'])] })).toBe(false);
    expect(wantsApiServerService({ ...input, networkPolicies: [policy(['to 10.96.0.1/32 on TCP/443'], { policyTypes: ['Ingress'] })] })).toBe(false);
    expect(wantsApiServerService({ ...input, networkPolicies: undefined })).toBe(false);
    expect(wantsApiServerService({ ...input, logs: [{ ...input.logs[0]!, lines: ['dial tcp 10.96.0.1:443: connect: connection refused'] }] })).toBe(false);
    expect(wantsApiServerService({ ...input, services: [{ name: 'x', type: 'ClusterIP', clusterIP: '10.96.0.1', selector: {}, ports: [] }] })).toBe(false);
    expect(wantsApiServerService({ ...input, namespace: 'default' })).toBe(false);
  });
});

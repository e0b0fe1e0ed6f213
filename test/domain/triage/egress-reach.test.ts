// A timeout to an address the pods' egress NetworkPolicy allows: the policy is not what drops the
// packets, and the finding must not say it is.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { NetworkPolicyEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { APP, baseEvidence, container, pod } from './scenarios/builders.js';

const BLAMES_POLICY = /network ?polic[^\n]*(block|drop|den(y|ies))/i;
const line = 'ERROR dial tcp 10.60.3.21:5432: i/o timeout';

function scenario(egress: string[] | undefined): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false })] }));
  const policies: NetworkPolicyEvidence[] | undefined = egress === undefined ? undefined : [{ name: 'app-egress', podSelector: { app: APP }, policyTypes: ['Egress'], ingress: [], egress }];
  return {
    ...baseEvidence({ pods }),
    ...(policies === undefined ? {} : { networkPolicies: policies }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line, line, line] })),
  };
}

describe('timeouts to an address the egress NetworkPolicy allows', () => {
  it('says the policy allows it and blames no policy', () => {
    const [f] = analyzeDependencyErrors(scenario(['to 10.60.0.0/16 on TCP/5432']));
    expect(f?.evidence).toContain('NetworkPolicy app-egress allows egress to 10.60.3.21:5432 (to 10.60.0.0/16 on TCP/5432)');
    expect(`${f?.title}\n${f?.likelyCause}\n${f?.nextAction}`).not.toMatch(BLAMES_POLICY);
  });

  it('still names NetworkPolicies when one may drop the address', () => {
    const [f] = analyzeDependencyErrors(scenario(['to 10.70.0.0/16 on TCP/5432']));
    expect(f?.likelyCause).toMatch(/NetworkPolicy/);
  });

  it('still names NetworkPolicies when they were not read', () => {
    const [f] = analyzeDependencyErrors(scenario(undefined));
    expect(f?.likelyCause).toMatch(/NetworkPolicy/);
  });
});

describe('timeouts to a Service ClusterIP the egress NetworkPolicy allows', () => {
  it('does not clear the policy: the connections go to the endpoints, which it does not allow', () => {
    const ev = scenario(['to 10.60.3.21/32 on TCP/5432']);
    ev.dependencyServices = [{
      namespace: 'data',
      service: { name: 'pg', type: 'ClusterIP', clusterIP: '10.60.3.21', selector: { app: 'pg' }, ports: [{ port: 5432, targetPort: 5432, protocol: 'TCP' }] },
      slices: [{ name: 'pg-a', service: 'pg', endpoints: [{ addresses: ['10.244.3.8'], ready: true }], ports: [{ port: 5432, protocol: 'TCP' }] }],
    }];
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.evidence.join('\n')).not.toMatch(/allows egress to 10\.60\.3\.21/);
    expect(f?.likelyCause).toMatch(/NetworkPolicy/);
  });
});

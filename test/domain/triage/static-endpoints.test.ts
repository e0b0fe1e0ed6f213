// A Service without a selector: its endpoints are whatever someone wrote into its Endpoints, and
// nothing keeps them current. When connections to it time out, the finding and the headline must
// name the address those Endpoints send them to and when it was written — not a NetworkPolicy that
// allows that address.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EndpointSliceEvidence, NetworkPolicyEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NS, baseEvidence, container, minutesAgo, pod, service } from './scenarios/builders.js';

const DAY = 24 * 60;
const host = `ledger.${NS}.svc.cluster.local`;
const url = `jdbc:postgresql://${host}:5432/ledger`;
const stack = [
  'Caused by: org.postgresql.util.PSQLException: The connection attempt failed.',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)',
  'Caused by: java.net.SocketTimeoutException: Connect timed out',
  '\tat org.postgresql.core.PGStream.createSocket(PGStream.java:243)',
];

const mirrored = (over: Partial<EndpointSliceEvidence> = {}): EndpointSliceEvidence => ({
  name: 'ledger-q7x2c',
  service: 'ledger',
  endpoints: [{ addresses: ['10.60.3.21'], ready: true }],
  ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
  managedBy: 'endpointslicemirroring-controller.k8s.io',
  createdAt: minutesAgo(400 * DAY),
  ...over,
});

const egress: NetworkPolicyEvidence = {
  name: 'app-egress',
  createdAt: minutesAgo(200 * DAY),
  podSelector: { app: APP },
  policyTypes: ['Egress'],
  ingress: [],
  egress: ['to 10.60.0.0/16 on TCP/5432', 'to namespaces kubernetes.io/metadata.name=kube-system on UDP/53, TCP/53'],
};

function scenario(slice = mirrored(), selector: Record<string, string> = {}): TriageEvidence {
  const env = [{ name: 'DATABASE_URL', value: url }];
  const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env })] }));
  const base = baseEvidence({ pods });
  return {
    ...base,
    services: [...base.services, service({ name: 'ledger', selector, ports: [{ name: 'postgres', port: 5432, targetPort: 5432, protocol: 'TCP' }], createdAt: minutesAgo(400 * DAY) })],
    endpointSlices: [...base.endpointSlices, slice],
    networkPolicies: [egress],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...stack, ...stack] })),
  };
}

describe('connections to a Service whose endpoints were written by hand', () => {
  it('names the address its Endpoints send them to, and that no selector keeps it current', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain(`Connections to ${host}:5432 time out`);
    expect(f?.title).toContain('10.60.3.21:5432');
    expect(f?.title).toMatch(/no selector/);
    expect(f?.evidence.join('\n')).toMatch(/Endpoints[^\n]*written 400d ago/);
    expect(f?.nextAction).toMatch(/10\.60\.3\.21/);
    expect(f?.nextAction).toMatch(/ExternalName/);
    expect(f?.fix).toMatch(/Endpoints ledger/);
  });

  it('does not blame a NetworkPolicy that allows the address, and says that it does', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(`${f?.title}\n${f?.likelyCause}\n${f?.nextAction}`).not.toMatch(/network ?polic[^\n]*(block|drop|den(y|ies))/i);
    expect(f?.evidence).toContain('NetworkPolicy app-egress allows egress to 10.60.3.21:5432 (to 10.60.0.0/16 on TCP/5432)');
  });

  it('puts the address and the Endpoints in the headline', () => {
    const r = buildTriageReport(scenario(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(r.headline).toMatch(/ledger/);
    expect(r.headline).toMatch(/10\.60\.3\.21/);
    expect(r.headline).not.toMatch(/network ?polic[^\n]*(block|drop|den(y|ies))/i);
  });

  it('says when the Endpoints were last rewritten, not only created', () => {
    const [f] = analyzeDependencyErrors(scenario(mirrored({ changedAt: minutesAgo(30 * DAY) })));
    expect(f?.evidence.join('\n')).toMatch(/written 30d ago/);
  });

  it('leaves a Service with a selector to the usual reading', () => {
    const [f] = analyzeDependencyErrors(scenario(mirrored({ managedBy: 'endpointslice-controller.k8s.io' }), { app: 'ledger' }));
    expect(f?.title ?? '').not.toMatch(/no selector/);
  });
});

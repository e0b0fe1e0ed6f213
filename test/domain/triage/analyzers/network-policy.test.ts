import { describe, expect, it } from 'vitest';
import { analyzeNetworkPolicies } from '../../../../src/domain/triage/analyzers/network-policy.js';
import type { LogEvidence, NetworkPolicyEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, REV6, baseEvidence, container, minutesAgo, pod, podName, workload } from '../scenarios/builders.js';

const PG_TIMEOUT = 'failed to connect to `host=postgres.payments.svc.cluster.local user=payments database=payments`: dial error (dial tcp 10.100.23.7:5432: connect: connection timed out)';
const REDIS_TIMEOUT = '{"level":"error","ts":"2026-11-21T03:13:12Z","msg":"cache unavailable","error":"dial tcp 10.100.41.3:6379: i/o timeout"}';

/** A policy as the adapter maps it; created 20 minutes ago unless told otherwise. */
function policy(over: Partial<NetworkPolicyEvidence> = {}): NetworkPolicyEvidence {
  return { name: 'default-deny-egress', createdAt: minutesAgo(20), podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: [], ...over };
}

/**
 * Three of five pods went unready 18 minutes ago: their readiness checks the database and the
 * cache, and both connections time out. `policies` are the namespace's NetworkPolicies.
 */
function timeoutScenario(policies: NetworkPolicyEvidence[]): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => (i < 3 ? pod(i, { ready: false, containers: [container({ ready: false })] }) : pod(i)));
  const logs: LogEvidence[] = pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"info","msg":"GET /ready 503"}', PG_TIMEOUT, REDIS_TIMEOUT] }));
  return baseEvidence({ pods, logs, networkPolicies: policies, workload: workload({ readyReplicas: 2, availableReplicas: 2 }) });
}

describe('analyzeNetworkPolicies', () => {
  it('names a new default-deny egress policy and the dependencies whose connections it drops', () => {
    const findings = analyzeNetworkPolicies(timeoutScenario([policy()]));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('network-policy/default-deny-egress');
    expect(f?.kind).toBe('network-policy');
    expect(f?.title).toBe('NetworkPolicy default-deny-egress (created 20m ago) allows these pods no egress at all: connections to 10.100.23.7:5432, 10.100.41.3:6379 time out');
    expect(f?.layer).toBe('network/routing');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      'NetworkPolicy default-deny-egress: selects every pod of the namespace; types Egress; created 20m ago',
      'egress: none allowed',
      '6 timeout lines in 3 pods',
    ]);
    // The structured line condensed to what it says, as every analyzer quotes it.
    expect(f?.decisive).toBe('cache unavailable: dial tcp 10.100.41.3:6379: i/o timeout');
    expect(f?.likelyCause).toBe(
      'A NetworkPolicy that selects pods for Egress drops every connection it does not allow; dropped packets show up as timeouts, not refusals. default-deny-egress appeared shortly before the timeouts and does not allow 10.100.23.7:5432, 10.100.41.3:6379.',
    );
    expect(f?.nextAction).toBe('Add egress rules for 10.100.23.7:5432, 10.100.41.3:6379 to default-deny-egress (or revert it through whoever owns it); the pods recover without a restart.');
    expect(f?.fix).toBe('allow egress to 10.100.23.7:5432, 10.100.41.3:6379 in default-deny-egress');
    expect(f?.confirmCommands).toEqual([
      'kubectl get networkpolicy default-deny-egress -o yaml -n payments --context prod-eu-west-1',
      'kubectl get networkpolicy -n payments --context prod-eu-west-1',
    ]);
    expect(f?.affected).toEqual({ pods: [podName(REV6.hash, 0), podName(REV6.hash, 1), podName(REV6.hash, 2)], nodes: [NODE_A, NODE_B, NODE_C] });
  });

  it('names only the ports a changed allow-list no longer lets through', () => {
    const changed = policy({
      name: 'payment-service-egress',
      createdAt: minutesAgo(40 * 24 * 60),
      changedAt: minutesAgo(35),
      podSelector: { app: 'payment-service' },
      egress: ['to pods app=redis on TCP/6379', 'to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53'],
    });
    const [f] = analyzeNetworkPolicies(timeoutScenario([changed]));
    expect(f?.title).toBe(
      'NetworkPolicy payment-service-egress (changed 35m ago) allows these pods egress only to pods app=redis on TCP/6379; to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53: connections to 10.100.23.7:5432 time out',
    );
    expect(f?.evidence).toEqual([
      'NetworkPolicy payment-service-egress: selects app=payment-service; types Egress; changed 35m ago',
      'egress: to pods app=redis on TCP/6379',
      'egress: to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53',
      '6 timeout lines in 3 pods',
    ]);
    expect(f?.fix).toBe('allow egress to 10.100.23.7:5432 in payment-service-egress');
  });

  it('counts DNS lookups that get no answer: a deny-all egress policy blocks port 53 too', () => {
    const ev = timeoutScenario([policy()]);
    ev.logs = [{ pod: podName(REV6.hash, 0), container: 'app', previous: false, lines: ['Error: getaddrinfo EAI_AGAIN postgres.payments.svc.cluster.local'] }];
    const [f] = analyzeNetworkPolicies(ev);
    expect(f?.title).toBe('NetworkPolicy default-deny-egress (created 20m ago) allows these pods no egress at all: connections to postgres.payments.svc.cluster.local time out');
    expect(f?.evidence[2]).toBe('1 timeout line in 1 pod');
  });

  it('is only a warning when the pods that time out are still ready', () => {
    const ev = timeoutScenario([policy()]);
    ev.logs = [{ pod: podName(REV6.hash, 3), container: 'app', previous: false, lines: [PG_TIMEOUT] }];
    expect(analyzeNetworkPolicies(ev).map((f) => f.severity)).toEqual(['warning']);
  });

  it('treats a policy selecting by expressions as selecting these pods', () => {
    const expr = policy({ name: 'tier-egress', podSelector: {}, podSelectorExpressions: ['tier In (backend,payments)'], egress: ['to pods app=redis on TCP/6379'] });
    expect(analyzeNetworkPolicies(timeoutScenario([expr])).map((f) => f.id)).toEqual(['network-policy/tier-egress']);
  });

  it('says nothing about a policy older than six hours', () => {
    expect(analyzeNetworkPolicies(timeoutScenario([policy({ createdAt: minutesAgo(3 * 24 * 60) })]))).toEqual([]);
    expect(analyzeNetworkPolicies(timeoutScenario([policy({ createdAt: undefined })]))).toEqual([]);
  });

  it('says nothing without timeouts in the logs, however new the policy', () => {
    const ev = timeoutScenario([policy()]);
    ev.logs = ev.logs.map((l) => ({ ...l, lines: ['Error: connect ECONNREFUSED 10.100.23.7:5432'] }));
    expect(analyzeNetworkPolicies(ev)).toEqual([]);
    expect(analyzeNetworkPolicies({ ...ev, logs: [] })).toEqual([]);
  });

  it('says nothing about a policy for ingress only, or one that selects other pods', () => {
    const ingress = policy({ name: 'allow-from-gateway', policyTypes: ['Ingress'], ingress: ['from namespaces kubernetes.io/metadata.name=gateway on TCP/8080'] });
    const other = policy({ name: 'fraud-egress', podSelector: { app: 'fraud-service' } });
    expect(analyzeNetworkPolicies(timeoutScenario([ingress, other]))).toEqual([]);
  });

  it('says nothing when the policy allows the ports that time out (the dependency itself is slow)', () => {
    const allows = policy({ name: 'payment-service-egress', egress: ['to pods app=postgres on TCP/5432', 'to pods app=redis on TCP/6379'] });
    const anywhere = policy({ name: 'allow-all-egress', egress: ['to anywhere on all ports'] });
    expect(analyzeNetworkPolicies(timeoutScenario([allows, anywhere]))).toEqual([]);
  });
});

describe('analyzeNetworkPolicies: a destination outside the ranges an older policy allows', () => {
  const egress = [
    'to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53',
    'to 10.100.23.0/24 on TCP/5432',
    'to 10.100.41.0/24 on TCP/6379',
  ];

  it('names the policy, the range it allows and the address now outside it, however old the policy', () => {
    const old = policy({ name: 'payment-egress', createdAt: minutesAgo(40 * 24 * 60), egress: egress.map((r) => r.replace('10.100.23.0/24', '10.100.22.0/24')) });
    const [f, ...rest] = analyzeNetworkPolicies(timeoutScenario([old]));
    expect(rest).toEqual([]);
    expect(f?.title).toBe('NetworkPolicy payment-egress allows port 5432 only to 10.100.22.0/24: 10.100.23.7:5432 is outside it, and connections to it time out');
    expect(f?.likelyCause).toContain('the dependency now answers at an address outside it');
  });

  it('says nothing of an older policy whose ranges hold the address (the timeouts are someone else\'s)', () => {
    expect(analyzeNetworkPolicies(timeoutScenario([policy({ name: 'payment-egress', createdAt: minutesAgo(40 * 24 * 60), egress })]))).toEqual([]);
  });

  it('adds policies up: another policy allowing the address clears it', () => {
    const narrow = policy({ name: 'payment-egress', createdAt: minutesAgo(40 * 24 * 60), egress: ['to 10.100.22.0/24 on TCP/5432'] });
    const wide = policy({ name: 'allow-db', createdAt: minutesAgo(40 * 24 * 60), egress: ['to 10.100.0.0/16 on TCP/5432, TCP/6379'] });
    expect(analyzeNetworkPolicies(timeoutScenario([narrow, wide]))).toEqual([]);
  });
});

describe('analyzeNetworkPolicies: a public name dialled at an address outside the policy\'s ipBlock', () => {
  const CALL = '{"level":"error","msg":"charge failed","error":"Post \\"https://api.vendor.example.com/v2/charges\\": dial tcp 198.51.100.40:443: i/o timeout"}';
  const egress = [
    'to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53',
    'to 203.0.113.0/24 on TCP/443',
  ];
  function vendorScenario(rules: string[]): TriageEvidence {
    const ev = timeoutScenario([policy({ name: 'checkout-egress', createdAt: minutesAgo(90 * 24 * 60), egress: rules })]);
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [CALL, CALL] }));
    return ev;
  }

  it('names the policy, its range and the address the name now resolves to, outside it', () => {
    const [f, ...rest] = analyzeNetworkPolicies(vendorScenario(egress));
    expect(rest).toEqual([]);
    expect(f?.title).toBe('NetworkPolicy checkout-egress allows port 443 only to 203.0.113.0/24: api.vendor.example.com:443 (dialled at 198.51.100.40) is outside it, and connections to it time out');
    expect(f?.likelyCause).toContain('api.vendor.example.com now resolves to 198.51.100.40, outside it');
    expect(f?.fix).toBe('allow api.vendor.example.com\'s new range (198.51.100.40) in checkout-egress');
  });

  it('says nothing when the range holds the dialled address', () => {
    expect(analyzeNetworkPolicies(vendorScenario(egress.map((r) => r.replace('203.0.113.0/24', '198.51.100.0/24'))))).toEqual([]);
  });
});

describe('analyzeNetworkPolicies: an egress rule written for a Service\'s ClusterIP', () => {
  const API_TIMEOUT = 'E setup unable to start manager: Get "https://10.96.0.1:443/api?timeout=32s": dial tcp 10.96.0.1:443: i/o timeout';
  const egress = [
    'to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53',
    'to 10.96.0.1/32 on TCP/443',
  ];
  const apiServer = {
    namespace: 'default',
    service: { name: 'kubernetes', type: 'ClusterIP' as const, clusterIP: '10.96.0.1', selector: {}, ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' as const }] },
    slices: [{ name: 'kubernetes', service: 'kubernetes', endpoints: ['10.0.0.11', '10.0.0.12', '10.0.0.13'].map((ip) => ({ addresses: [ip], ready: true })), ports: [{ name: 'https', port: 6443, protocol: 'TCP' as const }] }],
  };

  function apiScenario(rules: string[], read = true): TriageEvidence {
    const ev = timeoutScenario([policy({ name: 'baseline-egress', createdAt: minutesAgo(44), egress: rules })]);
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [API_TIMEOUT] }));
    return read ? { ...ev, dependencyServices: [apiServer] } : ev;
  }

  it('says the policy allows the ClusterIP but the connections are DNATed to the endpoints on the target port', () => {
    const [f, ...rest] = analyzeNetworkPolicies(apiScenario(egress));
    expect(rest).toEqual([]);
    expect(f?.id).toBe('network-policy/baseline-egress/dnat');
    expect(f?.title).toBe(
      'NetworkPolicy baseline-egress allows egress to 10.96.0.1:443, the ClusterIP of Service default/kubernetes, but NetworkPolicy is enforced after kube-proxy\'s DNAT: the connections leave addressed to its endpoints 10.0.0.11, 10.0.0.12, 10.0.0.13 on TCP 6443, which no rule allows, and time out',
    );
    expect(f?.evidence[0]).toBe('NetworkPolicy baseline-egress: selects every pod of the namespace; types Egress; created 44m ago');
    expect(f?.evidence).toContain('Service default/kubernetes: 10.96.0.1:443 → endpoints 10.0.0.11, 10.0.0.12, 10.0.0.13 on TCP 6443');
    expect(f?.nextAction).toBe('Allow egress to the endpoints of default/kubernetes in baseline-egress (ipBlock 10.0.0.11/32, 10.0.0.12/32, 10.0.0.13/32 on TCP port 6443), instead of or besides its ClusterIP; the pods recover without a restart.');
    expect(f?.fix).toBe('allow egress to 10.0.0.11, 10.0.0.12, 10.0.0.13 on TCP 6443 (the endpoints of default/kubernetes) in baseline-egress');
    expect(f?.severity).toBe('critical');
  });

  it('works for a Service of the namespace too, with a named target port', () => {
    const ev = timeoutScenario([policy({ name: 'db-egress', createdAt: minutesAgo(3 * 24 * 60), egress: ['to 10.100.23.7/32 on TCP/5432'] })]);
    ev.services = [{ name: 'postgres', type: 'ClusterIP', clusterIP: '10.100.23.7', selector: { app: 'postgres' }, ports: [{ name: 'pg', port: 5432, targetPort: 'pg', protocol: 'TCP' }] }];
    ev.endpointSlices = [{ name: 'postgres-x1', service: 'postgres', endpoints: [{ addresses: ['10.244.1.9'], ready: true }], ports: [{ name: 'pg', port: 15432, protocol: 'TCP' }] }];
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [PG_TIMEOUT] }));
    expect(analyzeNetworkPolicies(ev).map((f) => f.fix)).toEqual(['allow egress to 10.244.1.9 on TCP 15432 (the endpoints of payments/postgres) in db-egress']);
  });

  it('says nothing when a rule also allows the endpoints, or the Service was not read', () => {
    expect(analyzeNetworkPolicies(apiScenario([...egress, 'to 10.0.0.0/24 on TCP/6443']))).toEqual([]);
    expect(analyzeNetworkPolicies(apiScenario(egress, false))).toEqual([]);
  });
});

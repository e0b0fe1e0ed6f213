import { describe, expect, it } from 'vitest';
import { analyzeNetworkPolicies } from '../../../../src/domain/triage/analyzers/network-policy.js';
import { egressAllows, isPublicHostname } from '../../../../src/domain/triage/egress-rules.js';
import type { NetworkPolicyEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

/** A namespace lockdown from 19 hours ago: DNS, the namespace's own pods and the VPC on 443. */
const LOCKDOWN: NetworkPolicyEvidence = {
  name: 'default-deny-egress', createdAt: minutesAgo(19 * 60), podSelector: {}, policyTypes: ['Egress'], ingress: [],
  egress: [
    'to namespaces kubernetes.io/metadata.name=kube-system / pods k8s-app=kube-dns on UDP/53, TCP/53',
    'to pods (all) on all ports',
    'to 10.0.0.0/16 on TCP/443',
  ],
};

/** freshclam's failed download in a sidecar: the timeout names no host, the next lines name the URL. */
const FRESHCLAM = [
  'ClamAV update process started at Sat Nov 21 03:10:00 2026',
  "WARNING: Can't query current.cvd.clamav.net",
  'ERROR: Download failed (28)',
  'ERROR:  Message: Connection timed out after 30001 milliseconds',
  'ERROR: getcvd: Failed to download CVD file from https://database.clamav.net/daily.cvd',
  'ERROR: Update failed.',
  'LibClamAV Error: cli_loaddbdir(): No supported database files found in /var/lib/clamav',
];

/** The one pod was recreated 37 minutes ago (a rollout), long after the policy. */
function lockedOut(podAgo: number): TriageEvidence {
  const pods = [pod(0, { ready: false, createdAt: minutesAgo(podAgo), containers: [container({ ready: false }), container({ name: 'clamd', ready: false })] })];
  return baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'clamd', previous: true, lines: FRESHCLAM }], networkPolicies: [LOCKDOWN], workload: workload({ specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0 }) });
}

describe('an older egress policy that cuts pods started under it off a public host', () => {
  it('tells public hosts from cluster names, and no selector or private block reaches one', () => {
    expect(isPublicHostname('database.clamav.net')).toBe(true);
    expect(isPublicHostname('orders.shop')).toBe(false);
    // A Service in a namespace named like a top-level domain (dev, app, io) is a cluster name.
    expect(isPublicHostname('orders.dev')).toBe(false);
    expect(isPublicHostname('ledger.app')).toBe(false);
    expect(isPublicHostname('stripe.com')).toBe(true);
    expect(isPublicHostname('payments.shop.svc.cluster.local')).toBe(false);
    expect(isPublicHostname('prod-db.c9akciq32.eu-west-1.rds.amazonaws.com')).toBe(false);
    expect(egressAllows(LOCKDOWN.egress, 'database.clamav.net', '443')).toBe('no');
    expect(egressAllows([...LOCKDOWN.egress, 'to 0.0.0.0/0 except 10.0.0.0/8 on TCP/443'], 'database.clamav.net', '443')).toBe('maybe');
  });

  it('names the policy, the host read from the URL after the timeout, and clears whatever recreated the pods', () => {
    const [f, ...rest] = analyzeNetworkPolicies(lockedOut(37));
    expect(rest).toHaveLength(0);
    expect(f?.title).toMatch(/^NetworkPolicy default-deny-egress \(created 19h ago\) .*: connections to database\.clamav\.net:443 time out$/);
    expect(f?.outsideWorkload).toMatch(/predates these pods/);
    expect(f?.nextAction).toMatch(/^Allow egress to database\.clamav\.net:443 in default-deny-egress/);
  });

  it('does not blame an old policy for pods that ran before it', () => {
    expect(analyzeNetworkPolicies(lockedOut(30 * 60))).toEqual([]);
  });
});

describe('an older egress policy, and pods that have a proxy to go out through', () => {
  it('does not call the policy the cut-off: the pods are meant to reach the host through their proxy', () => {
    const ev = lockedOut(37);
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, envFrom: [{ kind: 'configMap' as const, name: 'egress-env' }] })) }));
    ev.namespaceObjects = [{ kind: 'ConfigMap', name: 'egress-env', keys: ['HTTPS_PROXY', 'NO_PROXY'] }];
    expect(analyzeNetworkPolicies(ev)).toEqual([]);
  });
});

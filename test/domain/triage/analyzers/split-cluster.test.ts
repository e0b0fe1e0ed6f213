import { describe, expect, it } from 'vitest';
import { analyzeSplitCluster } from '../../../../src/domain/triage/analyzers/split-cluster.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { NetworkPolicyEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

const IPS = ['10.0.1.15', '10.0.2.33', '10.0.3.71'];

/** Three Ready replicas of an app that embeds a JGroups cluster on 7800, next to its HTTP port. */
function members(n = 3): PodEvidence[] {
  return IPS.slice(0, n).map((ip, i) => pod(i, {
    podIPs: [ip],
    createdAt: minutesAgo(40 - i), startTime: minutesAgo(40 - i),
    containers: [container({ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'jgroups', containerPort: 7800, protocol: 'TCP' }] })],
  }));
}

/** Each member's log: it binds on 7800, then holds a view of `size` members. */
const viewLog = (p: PodEvidence, i: number, size: number): string[] => [
  `2026-11-21T02:35:0${i}.000Z INFO  [org.jgroups.protocols.TCP] bound to ${IPS[i]}:7800`,
  `2026-11-21T02:35:4${i}.000Z INFO  [org.infinispan.CLUSTER] ISPN000094: Received new cluster view for channel app: [${p.name}|0] (${size}) [${p.name}]`,
  `2026-11-21T03:10:0${i}.000Z INFO  [io.http] GET /v1/items 200 11ms`,
];

const denyAll: NetworkPolicyEvidence = { name: 'deny-by-default', createdAt: minutesAgo(55), podSelector: {}, policyTypes: ['Ingress'], ingress: [], egress: [], ingressRules: [] };
const allowHttp: NetworkPolicyEvidence = {
  name: 'payment-service-http', createdAt: minutesAgo(55), podSelector: { app: 'payment-service' }, policyTypes: ['Ingress'],
  ingress: ['from namespaces kubernetes.io/metadata.name=edge on TCP/8080'], egress: [],
  ingressRules: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
};

function evidence(sizes: number[], policies: NetworkPolicyEvidence[], n = 3): TriageEvidence {
  const pods = members(n);
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: n, replicas: n, readyReplicas: n, availableReplicas: n, updatedReplicas: n }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: viewLog(p, i, sizes[i] ?? n) })),
    networkPolicies: policies,
  });
}

describe('a split cluster behind an ingress NetworkPolicy', () => {
  it('is the verdict, not an all-clear: names the split, the member port, the policy and the fix', () => {
    const report = buildTriageReport(evidence([1, 1, 1], [denyAll, allowHttp]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/split cluster/i);
    expect(report.headline).not.toMatch(/roll ?back/i);
    expect(report.headline).toMatch(/NetworkPolicy (deny-by-default|payment-service-http)/);
    expect(report.headline).toMatch(/7800/);
    expect(report.headline).toMatch(/each of the 3 Ready Infinispan members sees only itself/);
    const [f] = analyzeSplitCluster(evidence([1, 1, 1], [denyAll, allowHttp]));
    expect(f?.fix).toMatch(/allow TCP 7800 \(jgroups\) from the members themselves \(podSelector app=payment-service\) in NetworkPolicy payment-service-http/);
  });

  it('says nothing when the members see one another, or a rule admits them on the member port', () => {
    expect(analyzeSplitCluster(evidence([3, 3, 3], [denyAll, allowHttp]))).toEqual([]);
    const ownPods: NetworkPolicyEvidence = { ...allowHttp, ingressRules: [...(allowHttp.ingressRules ?? []), { from: [{ podSelector: { matchLabels: { app: 'payment-service' } } }], ports: [{ protocol: 'TCP', port: 7800 }] }] };
    const [f] = analyzeSplitCluster(evidence([1, 1, 1], [denyAll, ownPods]));
    expect(f?.id).toBe('split-cluster/unexplained');
    expect(f?.title).not.toMatch(/NetworkPolicy/);
  });

  it('says nothing of a single replica alone, the cluster it is meant to be', () => {
    expect(analyzeSplitCluster(evidence([1], [denyAll, allowHttp], 1))).toEqual([]);
  });

  it('makes no policy claim when a namespaceSelector asks for a label of the own namespace it cannot see', () => {
    const byTeam: NetworkPolicyEvidence = { ...allowHttp, ingressRules: [{ from: [{ namespaceSelector: { matchLabels: { team: 'payments' } } }], ports: [{ protocol: 'TCP', port: 7800 }] }] };
    expect(analyzeSplitCluster(evidence([1, 1, 1], [denyAll, byTeam]))[0]?.id).toBe('split-cluster/unexplained');
  });
});

/**
 * What the egress NetworkPolicies that select the workload's pods say about one destination
 * address. A policy explains dropped connections only when none of its rules lets them through;
 * one that allows the address is evidence against that reading, and saying so keeps the verdict
 * from blaming it.
 */
import type { NetworkPolicyEvidence, TriageEvidence } from './evidence.js';
import { type Reach, egressAllows, ruleAllows } from './egress-rules.js';
import { getPodLabels, matchesLabels } from './service-match.js';
import { findServiceDnatIn, formatEndpoints } from './service-dnat.js';

export interface EgressReach {
  /** yes: a rule allows it (or no policy restricts egress); no: none can; maybe: a selector might. */
  reach: Reach;
  /** "NetworkPolicy app-egress allows egress to 10.60.3.21:5432 (to 10.60.0.0/16 on TCP/5432)". */
  text: string;
  /** The policy whose rule allows it; absent when no policy restricts egress (a CNI's own policies may still). */
  allowedBy?: string;
}

function selects(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  // matchExpressions are not evaluated here: such a policy is counted as selecting the pods.
  if (policy.podSelectorExpressions !== undefined && policy.podSelectorExpressions.length > 0) return true;
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/** Undefined when the namespace's NetworkPolicies were not read: nothing can be said either way. */
export function findEgressReach(ev: TriageEvidence, ip: string, port: string | undefined): EgressReach | undefined {
  if (ev.networkPolicies === undefined || ev.readFailures.some((f) => f.source === 'networkPolicies')) return undefined;
  const labels = getPodLabels(ev);
  const policies = ev.networkPolicies.filter((p) => p.policyTypes.includes('Egress') && selects(p, labels));
  const target = `${ip}${port === undefined ? '' : `:${port}`}`;
  if (policies.length === 0) return { reach: 'yes', text: `no NetworkPolicy restricts these pods' egress: nothing in the cluster stops connections to ${target}` };
  const reach = egressAllows(policies.flatMap((p) => p.egress), ip, port);
  const names = policies.map((p) => p.name).join(', ');
  // A rule for a Service's ClusterIP lets nothing through: the policy sees the endpoints kube-proxy translated it to.
  const dnat = reach === 'yes' && port !== undefined ? findServiceDnatIn(ev, `${ip}:${port}`) : undefined;
  if (dnat) return { reach: 'no', text: `${dnat.allowedBy[0]?.policy ?? names} allows ${target}, the ClusterIP of Service ${dnat.service}, but after kube-proxy's DNAT the connections go to ${formatEndpoints(dnat.endpoints)} on ${dnat.protocol} ${dnat.targetPort}, which no egress rule of ${names} allows` };
  if (reach === 'yes') {
    const policy = policies.find((p) => p.egress.some((r) => ruleAllows(r, ip, port) === 'yes'));
    const rule = policy?.egress.find((r) => ruleAllows(r, ip, port) === 'yes');
    return { reach, text: `NetworkPolicy ${policy?.name ?? names} allows egress to ${target} (${rule ?? ''})`, allowedBy: policy?.name ?? names };
  }
  return { reach, text: reach === 'no' ? `no egress rule of ${names} allows ${target}` : `the egress rules of ${names} may allow ${target} (a selector, not an address range)` };
}

/**
 * A cluster name (a Service's `name.namespace.svc…`) that "does not exist" for pods that never ask
 * the cluster DNS: with dnsPolicy Default a pod inherits its node's resolv.conf (the VPC or
 * datacenter resolver), with None only the nameservers it sets, and a hostNetwork pod under
 * ClusterFirst falls back to Default. Those resolvers know no cluster names, so the lookup fails
 * with "no such host" while external names still resolve. The Service and the cluster DNS can be
 * perfectly healthy; the pods' DNS policy is the cause.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { unique } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';

/** The resolver a pod's lookups go to instead of the cluster DNS; undefined when it asks the cluster DNS. */
export function describeBypass(pod: Pick<PodEvidence, 'dnsPolicy' | 'dnsNameservers' | 'hostNetwork'>): string | undefined {
  const policy = pod.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'Default') return 'dnsPolicy Default sends the pods\' lookups to the node\'s resolver';
  if (policy === 'None') return `dnsPolicy None sends the pods' lookups only to their dnsConfig nameservers${pod.dnsNameservers?.length ? ` (${pod.dnsNameservers.join(', ')})` : ''}`;
  // ClusterFirst on the host network resolves like Default; ClusterFirstWithHostNet is the fix.
  if (policy === 'ClusterFirst' && pod.hostNetwork === true) return 'hostNetwork under dnsPolicy ClusterFirst sends the pods\' lookups to the node\'s resolver';
  return undefined;
}

/** A name only the cluster DNS answers: `x.ns.svc`, `x.ns.svc.cluster.local`, or a Service of the namespace by its short name. */
export function isClusterName(ev: Pick<TriageEvidence, 'services'>, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/\.svc(\.|$)/.test(h) || h.endsWith('.cluster.local')) return true;
  return !h.includes('.') && ev.services.some((s) => s.name === h);
}

export interface BypassDiagnosis {
  state: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  confirm: string[];
}

/** The revision that moved the pods off the cluster DNS, told as "revision 8 set dnsPolicy ClusterFirst → Default". */
function findPolicyChange(revisions: readonly RevisionEvidence[]): string | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest?.template === undefined || previous?.template === undefined) return undefined;
  const a = previous.template.dnsPolicy ?? 'ClusterFirst';
  const b = newest.template.dnsPolicy ?? 'ClusterFirst';
  return a === b ? undefined : `revision ${newest.revision} changed dnsPolicy ${a} → ${b}; revision ${previous.revision} ran with ${a}`;
}

/**
 * Why a cluster name does not resolve in these pods, when every one of them bypasses the cluster
 * DNS; undefined when any asks the cluster DNS (then the name itself is the question).
 */
export function diagnoseClusterDnsBypass(ev: TriageEvidence, host: string, pods: readonly PodEvidence[]): BypassDiagnosis | undefined {
  if (pods.length === 0 || !isClusterName(ev, host)) return undefined;
  const ways = pods.map(describeBypass);
  if (ways.some((w) => w === undefined)) return undefined;
  // A pod on the host network asks the cluster DNS only under ClusterFirstWithHostNet.
  const hostNet = pods.every((p) => p.hostNetwork === true);
  const said = unique(ways.flatMap((w) => w ?? []));
  // Pods of the same workload that do resolve through the cluster DNS show the name is fine.
  const others = ev.pods.filter((p) => !pods.includes(p) && describeBypass(p) === undefined && p.ready).map((p) => p.name);
  const changed = findPolicyChange(ev.revisions);
  const dns = ev.dns;
  const clusterDns = dns === undefined || dns.pods.length === 0 ? undefined : `${dns.pods.filter((p) => p.ready).length}/${dns.pods.length} cluster DNS pods ready in ${dns.namespace}`;
  const wanted = hostNet ? 'ClusterFirstWithHostNet' : 'ClusterFirst';
  return {
    state: `: ${said.join('; ')}, which knows no cluster names (${wanted} would ask the cluster DNS)`,
    evidence: [
      `${pods.map((p) => p.name).slice(0, 3).join(', ')}: ${said.join('; ')}`,
      ...(changed ? [changed] : []),
      ...(others.length > 0 ? [`pods that ask the cluster DNS (${wanted}) are ready: ${others.slice(0, 3).join(', ')}`] : []),
      ...(clusterDns ? [`${clusterDns}: not asked by these pods`] : []),
    ],
    cause: `${host} is a cluster name, answered only by the cluster DNS. These pods never ask it: ${said.join('; ')}, a resolver outside the cluster that knows nothing of *.svc names, so it answers "no such host" while external names still resolve. The Service and the cluster DNS can be healthy; the pods' DNS policy is the cause.`,
    action: `Set dnsPolicy back to ${wanted} (tune lookups of external names with dnsConfig options such as ndots instead)${changed ? '; rolling back to the previous revision restores it meanwhile' : ''}.`,
    fix: `set dnsPolicy back to ${wanted} (tune ndots through dnsConfig instead)`,
    confirm: [formatKubectl(ev.target, `get pod ${pods[0]?.name ?? ''} -o jsonpath='{.spec.dnsPolicy} {.spec.hostNetwork} {.spec.dnsConfig}'`)],
  };
}

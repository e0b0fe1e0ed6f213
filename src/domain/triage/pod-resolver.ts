/**
 * Which resolver a DNS failure came from, told from the resolver address in the error ("lookup x
 * on 10.8.0.53:53: … i/o timeout") and the pods' own DNS settings: a node-local DNS cache on the
 * failing pods' node, or a nameserver the pods set themselves (dnsPolicy None or Default, a
 * dnsConfig nameserver) instead of the cluster DNS. Either way the cluster DNS is not the place
 * to look, and the verdict must say so rather than suspect CoreDNS.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { listNodesOf, unique } from './pod-status.js';
import { describeUpstreamResolvers } from './dns-upstream.js';
import type { ResolverDiagnosis } from './resolver-diagnosis.js';
import { findNamedResolver } from './resolver-address.js';
import { describeOrphanedNameserver, findOrphanedNameserver } from './dns-service.js';

/** Policies that keep lookups away from the cluster DNS. */
const BYPASSES_CLUSTER_DNS = new Set(['None', 'Default']);

/** Whether the pod resolves through the cluster DNS (ClusterFirst, the default, or unknown). */
export function usesClusterDns(pod: PodEvidence): boolean {
  return pod.dnsPolicy === undefined || !BYPASSES_CLUSTER_DNS.has(pod.dnsPolicy);
}

/** The resolver named in the failing lines, and what it is. Undefined when nothing says which resolver failed. */
export function diagnoseResolver(ev: TriageEvidence, lines: readonly string[], pods: readonly PodEvidence[]): ResolverDiagnosis | undefined {
  const resolver = findNamedResolver(lines);
  // A link-local resolver is the node-local DNS cache on the pods' node, however they were pointed at it.
  if (resolver?.startsWith('169.254.')) return describeNodeLocal(ev, resolver, pods);
  const own = pods.filter((p) => !usesClusterDns(p) || (resolver !== undefined && (p.dnsNameservers ?? []).includes(resolver)));
  if (own.length === 0) {
    // Pods that ask the cluster DNS at an address no DNS Service has (kube-dns re-created with a new ClusterIP).
    const orphaned = findOrphanedNameserver(ev, resolver, pods);
    if (orphaned !== undefined) return describeOrphanedNameserver(ev, orphaned, pods);
    // Else its own logs may say the resolvers it forwards to are silent.
    return describeUpstreamResolvers(ev.dns);
  }
  if (own.length < pods.length) return undefined;
  return describeOwnResolver(ev, resolver, own);
}

function describeNodeLocal(ev: TriageEvidence, resolver: string, pods: readonly PodEvidence[]): ResolverDiagnosis {
  const nodes = listNodesOf(pods);
  const where = nodes.join(', ') || 'that node';
  // Claim an OOM kill only when a node of these pods recorded one (SystemOOM, OOMKilling): a cache that is simply absent is not OOM-killed.
  const oom = ev.events.some((e) => e.object.kind === 'Node' && nodes.includes(e.object.name) && /OOM/.test(`${e.reason} ${e.message}`));
  return {
    state: `: the node-local DNS cache (${resolver}) on ${nodes.length > 0 ? `node ${where}` : 'these pods\' node'} does not answer`,
    cause: `The pods ask the node-local DNS cache on their own node (${resolver}) and it refuses or does not answer: ${oom ? 'its pod on that node is OOM-killed (the node recorded an OOM kill), down or restarting' : 'its pod on that node is missing (the DaemonSet does not tolerate the node\'s taints), down or restarting'}; pods on other nodes resolve fine.`,
    action: `Look at the node-local-dns pod on ${where} (\`${formatKubectl(ev.target, `get pods -n kube-system -l k8s-app=node-local-dns -o wide --field-selector spec.nodeName=${nodes[0] ?? '<node>'}`, 'cluster')}\`: ${oom ? 'restarts, OOMKilled, its memory limit' : 'whether it runs there at all (its tolerations against the node\'s taints), its restarts'}); meanwhile cordon and drain the node so the pods move.`,
    fix: `bring back the node-local DNS cache on ${where} (or drain the node)`,
    evidence: [],
  };
}

function describeOwnResolver(ev: TriageEvidence, resolver: string | undefined, pods: readonly PodEvidence[]): ResolverDiagnosis {
  const policies = unique(pods.map((p) => p.dnsPolicy ?? 'ClusterFirst'));
  const policy = policies.join('/');
  const servers = unique(pods.flatMap((p) => p.dnsNameservers ?? []));
  const named = resolver ?? servers[0];
  const bypass = policies.every((p) => BYPASSES_CLUSTER_DNS.has(p));
  const from = resolver !== undefined && servers.includes(resolver) ? 'from their dnsConfig' : policies.includes('Default') ? 'the node\'s resolver, dnsPolicy Default' : 'from their dnsConfig';
  const who = named === undefined ? 'the resolver the pods set themselves' : `the pods' own resolver ${named}`;
  const dns = ev.dns;
  const clusterDns = dns === undefined || dns.pods.length === 0 ? undefined : `${dns.pods.filter((p) => p.ready).length}/${dns.pods.length} cluster DNS pods ready in ${dns.namespace}`;
  const unanswered = named === undefined ? 'that resolver' : named;
  return {
    state: `: it is ${who} (dnsPolicy ${policy}${servers.length > 0 && from === 'from their dnsConfig' ? ', dnsConfig' : ''}), not the cluster DNS`,
    cause: `${bypass ? `These pods bypass the cluster DNS: dnsPolicy ${policy} sends every lookup, in-cluster names included, to ${named ?? 'the resolver they set'} (${from})` : `These pods' dnsConfig adds nameserver ${named ?? '?'}, and the failing lookups went to it`}, and it does not answer: that server is down, retired, moved or unreachable from the cluster. The cluster DNS is not in the path${clusterDns ? ` (${clusterDns})` : ''}.`,
    action: `Check whether ${unanswered} still serves DNS; unless these pods must use it, drop the override (dnsPolicy ClusterFirst, no dnsConfig nameservers) so lookups go through the cluster DNS, with a forward rule there for any private zone.`,
    fix: `point the pods back at the cluster DNS (dnsPolicy ClusterFirst, without the dnsConfig nameserver ${unanswered}) or bring ${unanswered} back`,
    evidence: [
      `dnsPolicy ${policy}${servers.length > 0 ? `, dnsConfig nameservers ${servers.join(', ')}` : ''} on ${pods.length} pod${pods.length === 1 ? '' : 's'}${named !== undefined && resolver !== undefined ? `; the failing lookups went to ${resolver}` : ''}`,
      ...(clusterDns ? [`${clusterDns}: not the resolver these pods ask`] : []),
    ],
  };
}

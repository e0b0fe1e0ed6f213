/**
 * The cluster DNS is up, but the resolvers it forwards external names to do not answer: CoreDNS
 * logs every such forward as `plugin/errors: 2 name. A: read udp 10.1.2.3:41203->10.0.0.2:53: i/o
 * timeout`. Its pods stay ready and cluster names still resolve, so only lookups of names outside
 * the cluster fail, from every workload. Told only from the DNS pods' own log tails, read when the
 * workload's lookups time out while every DNS pod is ready.
 */
import type { ClusterDnsEvidence } from './evidence.js';
import type { ResolverDiagnosis } from './resolver-diagnosis.js';
import { unique } from './pod-status.js';

/** A forward to an upstream that got no answer: `read udp <self>-><upstream>:53: i/o timeout`. */
const UPSTREAM_TIMEOUT = /(?:read|dial) (?:udp|tcp) [\d.:[\]a-f]*->(\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:]+\]):53: i\/o timeout/i;

/** Fewer lines than this are the odd lost packet, not an upstream that stopped answering. */
const MIN_TIMEOUTS = 3;

/** Which upstream resolvers the cluster DNS pods fail to get answers from, with a line that shows it. */
export function findUpstreamTimeouts(dns: ClusterDnsEvidence | undefined): { upstreams: string[]; line: string; pods: string[] } | undefined {
  const hits = (dns?.capacity?.logs ?? []).flatMap((l) => l.lines.map((line) => ({ pod: l.pod, line, upstream: UPSTREAM_TIMEOUT.exec(line)?.[1] }))).filter((h) => h.upstream !== undefined);
  if (hits.length < MIN_TIMEOUTS) return undefined;
  const last = hits[hits.length - 1];
  return { upstreams: unique(hits.map((h) => h.upstream ?? '')), line: last?.line.trim() ?? '', pods: unique(hits.map((h) => h.pod)) };
}

/** The upstream resolvers as the cause of lookups that get no answer, or undefined when the DNS logs do not say so. */
export function describeUpstreamResolvers(dns: ClusterDnsEvidence | undefined): ResolverDiagnosis | undefined {
  const found = findUpstreamTimeouts(dns);
  if (dns === undefined || found === undefined) return undefined;
  const ups = found.upstreams.join(', ');
  const plural = found.upstreams.length > 1;
  return {
    state: `: the cluster DNS is up but the upstream resolver${plural ? 's' : ''} it forwards to (${ups}) ${plural ? 'do' : 'does'} not answer`,
    cause: `The cluster DNS pods are ready and still answer cluster names, but their forwards of external names to ${ups} time out (i/o timeout): the upstream resolver${plural ? 's are' : ' is'} down or unreachable from the cluster. Every workload that resolves names outside the cluster is hit; nothing in this workload changed.`,
    action: `Treat it as a cluster/network incident: get the upstream resolver${plural ? 's' : ''} ${ups} answering again (or the path to ${plural ? 'them' : 'it'}), or point the Corefile's forward at a resolver that works. Do not restart or roll back this workload.`,
    fix: `restore the upstream resolver${plural ? 's' : ''} ${ups} the cluster DNS forwards to, or forward to a working resolver`,
    evidence: [`${dns.namespace}/${found.pods[0] ?? 'DNS pod'} log: ${found.line}`],
  };
}

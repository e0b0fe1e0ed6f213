// The cluster DNS's Corefile (kube-system/<the DNS Deployment's name>, "coredns"): one get of a
// ConfigMap, read only when the workload's lookups answer NXDOMAIN (needsDnsConfig): of a name outside
// the cluster (its route), or of a Service's (its denial cache). Only its `Corefile` key and its times are kept; a cluster whose DNS has no such
// ConfigMap (kube-dns) is no failure.
import type { DnsConfigEvidence } from '../../domain/triage/evidence-dns-config.js';
import type { CollectContext } from './collect-context.js';
import { namespaceObject } from './map-context.js';

const NAMESPACE = 'kube-system';
/** A Corefile of dozens of server blocks fits; more says nothing new. */
const MAX_CHARS = 16_000;

export async function readDnsConfig(ctx: CollectContext, name: string): Promise<DnsConfigEvidence | undefined> {
  const r = await ctx.reads.attempt((o) => ctx.clients.core.readNamespacedConfigMap({ namespace: NAMESPACE, name }, o));
  if (!r.ok) {
    if (r.reason !== 'not-found') ctx.reads.failures.push({ what: `the cluster DNS's Corefile (${NAMESPACE}/${name})`, source: 'dns', reason: r.reason, detail: r.detail });
    return undefined;
  }
  const corefile = r.value.data?.['Corefile'];
  if (corefile === undefined) return undefined;
  const { createdAt, changedAt } = namespaceObject('ConfigMap', r.value.metadata);
  return { namespace: NAMESPACE, name, corefile: corefile.slice(0, MAX_CHARS), ...(createdAt === undefined ? {} : { createdAt }), ...(changedAt === undefined ? {} : { changedAt }) };
}

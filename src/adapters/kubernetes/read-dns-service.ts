// The cluster DNS's Services: one list of the DNS namespace's Services (kube-system), at most
// MAX_ITEMS, read only when the workload's lookups time out toward a nameserver their lines name
// while every DNS pod is ready (needsDnsService). Only the Services that select the DNS pods are
// kept, with their ClusterIPs, creation time and Helm release: whether the pods' nameserver (the
// kubelets' clusterDNS) is still the address of one of them.
import type * as k8s from '@kubernetes/client-node';
import type { ClusterDnsEvidence } from '../../domain/triage/evidence.js';
import type { DnsServiceEvidence } from '../../domain/triage/evidence-dns-service.js';
import type { CollectContext } from './collect-context.js';
import { namespaceObject } from './map-context.js';
import { pageParams } from './paginate.js';

/** kube-system holds a handful of Services; past this many the rest say nothing more. */
const MAX_ITEMS = 100;

/** Whether the Service's selector picks at least one of the DNS pods. */
function selectsAny(s: k8s.V1Service, pods: ClusterDnsEvidence['pods']): boolean {
  const selector = Object.entries(s.spec?.selector ?? {});
  return selector.length > 0 && pods.some((p) => selector.every(([k, v]) => p.labels[k] === v));
}

export async function readDnsServices(ctx: CollectContext, dns: ClusterDnsEvidence): Promise<DnsServiceEvidence[] | undefined> {
  const namespace = dns.namespace;
  const list = await ctx.reads.list(`Services in ${namespace} (the cluster DNS's address)`, 'dns', (cont, limit, o) =>
    ctx.clients.core.listNamespacedService({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_ITEMS },
  );
  if (list.failed) return undefined;
  return list.items.filter((s) => selectsAny(s, dns.pods)).map((s) => {
    const { createdAt } = namespaceObject('Service', s.metadata);
    const ips = [s.spec?.clusterIP, ...(s.spec?.clusterIPs ?? [])].filter((ip): ip is string => ip !== undefined && ip !== '' && ip !== 'None');
    const release = s.metadata?.annotations?.['meta.helm.sh/release-name'];
    return {
      namespace,
      name: s.metadata?.name ?? '',
      clusterIPs: [...new Set(ips)],
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(release === undefined || release === '' ? {} : { helmRelease: release }),
    };
  });
}

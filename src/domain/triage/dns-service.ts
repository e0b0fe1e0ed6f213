/**
 * The cluster DNS Service's address against the nameserver the pods query. Each kubelet writes
 * its clusterDNS setting into the resolv.conf of every ClusterFirst pod it starts, and that address
 * is meant to be the ClusterIP of the DNS Service (kube-system/kube-dns). A Service that is
 * deleted and re-created (an add-on re-installed, a chart that renders it anew) gets a new
 * ClusterIP unless its manifest pins one: the kubelets' address then routes to no DNS pod, and
 * every lookup times out while the DNS pods are ready and see nothing. A senior SRE compares the
 * nameserver in the failing lines ("lookup x on <ip>:53") with the Service's ClusterIP, and dates
 * the break by the Service's creation.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { ClusterDnsEvidence, IsoTime, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { DnsServiceEvidence } from './evidence-dns-service.js';
import { findOnset } from './failure-onset.js';
import { formatKubectl } from './kubectl-command.js';
import type { ResolverDiagnosis } from './resolver-diagnosis.js';
import { findNamedResolver, isLinkLocalResolver, isLoopbackResolver } from './resolver-address.js';
import { formatAgo } from './time-span.js';
import { isInTriggerWindow } from './trigger-window.js';

/** The nameserver the timed-out lookups of these logs name, when it could be the cluster DNS Service's. */
function findTimedOutNameserver(logs: readonly LogEvidence[]): string | undefined {
  const lines = logs.flatMap((l) => l.lines.filter((line) => parseDependencyError(line)?.problem === 'dns-unavailable'));
  const resolver = findNamedResolver(lines);
  return resolver === undefined || isLinkLocalResolver(resolver) || isLoopbackResolver(resolver) ? undefined : resolver;
}

/**
 * Worth one list of the DNS namespace's Services: lookups time out toward a nameserver the lines
 * name (not a node-local cache's link-local address) while every DNS pod is ready.
 */
export function needsDnsService(logs: readonly LogEvidence[], dns: ClusterDnsEvidence | undefined): boolean {
  if (dns === undefined || dns.pods.length === 0 || dns.pods.some((p) => !p.ready)) return false;
  return findTimedOutNameserver(logs) !== undefined;
}

export interface OrphanedNameserver {
  /** The address the pods query: the kubelets' clusterDNS. */
  nameserver: string;
  /** The DNS Service as it is now; undefined when no Service of its namespace selects the DNS pods. */
  service?: DnsServiceEvidence;
  /** Set when the Service was created within the trigger window before the lookups began failing. */
  recreatedAt?: IsoTime;
}

/** The Service a kube-dns-like list is best told by: kube-dns itself, else one that is not a cache's upstream. */
function pickDnsService(services: readonly DnsServiceEvidence[]): DnsServiceEvidence | undefined {
  return services.find((s) => s.name === 'kube-dns') ?? services.find((s) => !s.name.endsWith('-upstream')) ?? services[0];
}

/**
 * The nameserver the pods' lookups time out on is no ClusterIP of any Service that selects the DNS
 * pods. Only for pods that ask the cluster DNS (the caller knows), and only when those Services were read.
 */
export function findOrphanedNameserver(ev: TriageEvidence, nameserver: string | undefined, pods: readonly PodEvidence[]): OrphanedNameserver | undefined {
  const dns = ev.dns;
  const services = dns?.services;
  if (dns === undefined || services === undefined || nameserver === undefined || isLinkLocalResolver(nameserver) || isLoopbackResolver(nameserver)) return undefined;
  if (dns.pods.length === 0 || dns.pods.some((p) => !p.ready)) return undefined;
  if (services.some((s) => s.clusterIPs.includes(nameserver))) return undefined;
  const service = pickDnsService(services);
  if (service === undefined) return { nameserver };
  const onset = findOnset(ev, pods) ?? ev.collectedAt;
  return { nameserver, service, ...(isInTriggerWindow(service.createdAt, onset) && service.createdAt !== undefined ? { recreatedAt: service.createdAt } : {}) };
}

/** The finding's words for a nameserver no DNS Service has. */
export function describeOrphanedNameserver(ev: TriageEvidence, o: OrphanedNameserver, pods: readonly PodEvidence[]): ResolverDiagnosis {
  const dns = ev.dns;
  const ns = dns?.namespace ?? 'kube-system';
  const ready = dns === undefined ? '' : `${dns.pods.filter((p) => p.ready).length}/${dns.pods.length} cluster DNS pods ready in ${ns}`;
  const podName = pods[0]?.name ?? '<pod>';
  const resolvConf = formatKubectl(ev.target, `exec ${podName} -- cat /etc/resolv.conf`);
  const { nameserver, service } = o;
  if (service === undefined) {
    return {
      state: `: the pods query ${nameserver} (the kubelets' clusterDNS), but no Service in ${ns} routes to the DNS pods any more`,
      cause: `The cluster DNS pods are ready, but nothing sends them these queries: no Service in ${ns} selects them (kube-dns deleted, or re-created with another selector), so ${nameserver}, the nameserver every kubelet writes into its pods' resolv.conf, routes nowhere and every lookup times out. Neither this workload nor the names it looks up are at fault.`,
      action: `Treat it as a cluster incident: restore the DNS Service (kube-dns in ${ns}) with spec.clusterIP ${nameserver} and a selector of the DNS pods' labels; the pods recover without a restart. Do not roll back this workload.`,
      fix: `restore the DNS Service in ${ns} with clusterIP ${nameserver}, the address the kubelets' clusterDNS gives every pod`,
      evidence: [`no Service in ${ns} selects the DNS pods${ready ? ` (${ready})` : ''}; the failing lookups went to ${nameserver}:53`],
      confirm: [formatKubectl(ev.target, `get services -n ${ns} -o wide`, 'cluster'), resolvConf],
    };
  }
  const where = `${service.namespace}/${service.name}`;
  const ips = service.clusterIPs.join(', ') || 'no ClusterIP';
  const ip = service.clusterIPs[0] ?? 'its new address';
  const helm = service.helmRelease === undefined ? '' : ` (Helm release ${service.helmRelease})`;
  const createdText = service.createdAt === undefined ? '' : `, created ${formatAgo(service.createdAt, ev.collectedAt)}`;
  const evidence = [
    `Service ${where}: ClusterIP ${ips}${createdText}${helm}; the failing lookups went to ${nameserver}:53, which is not its address`,
    ...(ready ? [`${ready}: the DNS pods run, but the pods' queries to ${nameserver} never reach them`] : []),
  ];
  const confirm = [formatKubectl(ev.target, `get service ${service.name} -n ${service.namespace} -o jsonpath='{.spec.clusterIP} {.metadata.creationTimestamp}'`, 'cluster'), resolvConf];
  const pinned = service.helmRelease !== undefined ? `pinned in the values of Helm release ${service.helmRelease}` : 'pinned in its manifest';
  const pin = `re-create ${where} with spec.clusterIP ${nameserver} (the field is immutable: delete it and apply it with that address, ${pinned})`;
  const pinFix = `re-create ${where} with clusterIP ${nameserver} (${pinned})`;
  if (o.recreatedAt !== undefined) {
    const ago = formatAgo(o.recreatedAt, ev.collectedAt);
    return {
      state: `: the pods query ${nameserver} (the kubelets' clusterDNS), but ${where} was re-created ${ago} with ClusterIP ${ip}, so their queries reach no DNS pod`,
      datesChange: true,
      cause: `The cluster DNS pods are ready, but nothing sends them these queries: Service ${where} was deleted and re-created ${ago}${helm} and got a new ClusterIP, ${ip}. Each kubelet writes its clusterDNS setting, ${nameserver}, into the resolv.conf of every pod it starts; that address is no DNS Service's now, so every lookup from those pods, in the whole cluster, times out. Neither this workload nor the names it looks up are at fault.`,
      action: `Treat it as a cluster incident: ${pin}, so the address every pod already has routes to the DNS pods again; the pods recover without a restart. Pointing the kubelets' clusterDNS at ${ip} instead reaches only pods created afterwards. Do not roll back this workload.`,
      fix: `${pinFix}, the address the kubelets' clusterDNS gives every pod`,
      evidence,
      confirm,
    };
  }
  return {
    state: `: the pods query ${nameserver} (the kubelets' clusterDNS), which is not the ClusterIP of ${where} (${ip}), so their queries reach no DNS pod`,
    cause: `The cluster DNS pods are ready, but these pods' queries do not reach them: their resolv.conf names ${nameserver}, the clusterDNS of the kubelets on their nodes, while the DNS Service ${where} has ClusterIP ${ip}. Those kubelets are configured with a wrong address, or the Service was re-created with a new one. Neither this workload nor the names it looks up are at fault.`,
    action: `Make the two agree: set the kubelets' clusterDNS on these pods' nodes to ${ip} and re-create the pods (resolv.conf is written when a pod starts), or ${pin}. Do not roll back this workload.`,
    fix: `make the kubelets' clusterDNS (${nameserver}) and the ClusterIP of ${where} (${ip}) agree`,
    evidence,
    confirm,
  };
}

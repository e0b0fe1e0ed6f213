/**
 * A cluster DNS that is up but too small: every pod ready, yet lookups time out now and then
 * under load. A senior SRE looks at how many replicas serve the whole cluster, whether a CPU limit
 * throttles them, and what scaled them down (the DNS autoscaler's ConfigMap, an edit of the
 * Deployment). Read only when the workload's own lookups time out, so it is never a bystander.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { ClusterDnsEvidence, EventEvidence, IsoTime, LogEvidence, NamespaceObjectEvidence, PodEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** The Deployment that runs the DNS pods: the pod name less its ReplicaSet hash and suffix. */
export function dnsDeploymentOf(pods: readonly PodEvidence[]): string | undefined {
  const p = pods[0];
  if (p === undefined) return undefined;
  const hash = p.labels['pod-template-hash'];
  if (hash !== undefined && p.name.includes(`-${hash}-`)) return p.name.slice(0, p.name.indexOf(`-${hash}-`));
  return /^(.+)-[a-z0-9]{5,10}-[a-z0-9]{5}$/.exec(p.name)?.[1];
}

/** Lookups that got no answer (timeouts, EAI_AGAIN), not names that do not exist. */
export function hasDnsTimeouts(logs: readonly LogEvidence[]): boolean {
  return logs.some((l) => l.lines.some((line) => parseDependencyError(line)?.problem === 'dns-unavailable'));
}

/** Worth the DNS Deployment's events and its namespace's ConfigMaps: lookups time out while every DNS pod is ready. */
export function needsDnsCapacity(logs: readonly LogEvidence[], dns: ClusterDnsEvidence | undefined): string | undefined {
  if (dns === undefined || dns.pods.length === 0 || dns.pods.some((p) => !p.ready)) return undefined;
  return hasDnsTimeouts(logs) ? dnsDeploymentOf(dns.pods) : undefined;
}

export interface DnsShortfall {
  replicas: number;
  /** "100m" when the DNS container has a CPU limit. */
  cpuLimit?: string;
  /** "Scaled down replica set coredns-5d8c… from 2 to 1" with when. */
  scaledDown?: EventEvidence;
  /** ConfigMaps named after the DNS Deployment (its Corefile, its autoscaler's parameters) changed since the scale-down or lately. */
  configChanges: NamespaceObjectEvidence[];
}

/** A single replica, a CPU limit, a scale-down: what makes a ready cluster DNS too small. */
export function findDnsShortfall(dns: ClusterDnsEvidence, now: IsoTime): DnsShortfall | undefined {
  const replicas = dns.pods.filter((p) => p.deletionTimestamp === undefined).length;
  const container = dns.pods[0]?.containers[0];
  const limit = container?.resources.limits['cpu'];
  // A limit of a core or more rarely throttles DNS; below that it does under a burst.
  const cpuLimit = limit !== undefined && (parseQuantity(limit) ?? Infinity) < 1 ? String(limit) : undefined;
  const cap = dns.capacity;
  const scaledDown = cap?.events
    .filter((e) => e.reason === 'ScalingReplicaSet' && /Scaled down/i.test(e.message))
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))[0];
  const deployment = cap?.deployment ?? dnsDeploymentOf(dns.pods) ?? '';
  // An edit shortly before the scale-down (or, without one seen, in the last hours) is what scaled or reconfigured it.
  const anchor = scaledDown?.firstSeen ?? now;
  const recent = (at: IsoTime | undefined): boolean => at !== undefined && msBetween(at, anchor) >= -5 * MINUTE_MS && msBetween(at, anchor) <= 3 * HOUR_MS;
  const configChanges = (cap?.configMaps ?? []).filter((c) => deployment !== '' && c.name.startsWith(deployment) && c.changedAt !== c.createdAt && recent(c.changedAt));
  if (replicas > 1 && cpuLimit === undefined && scaledDown === undefined) return undefined;
  return { replicas, ...(cpuLimit === undefined ? {} : { cpuLimit }), ...(scaledDown === undefined ? {} : { scaledDown }), configChanges };
}

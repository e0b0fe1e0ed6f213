/**
 * A short host name (`redis`) resolves only through the pod's search domains, the first being its
 * own namespace's `<ns>.svc.cluster.local`: when no Service of that name is left in the namespace,
 * a Service of the same name in another namespace is where the dependency went (moved to a shared
 * namespace), and the fix is to use its namespaced name. Services of the namespace are named as
 * alternatives only when their names are close to the missing one: a list of unrelated Services
 * reads as a suggestion.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { IsoTime, LogEvidence, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { rankNearNames } from './near-names.js';
import { isPodFailing } from './pod-status.js';
import { formatAgo } from './time-span.js';

const MAX_NAMES = 2;

/** Short names the failing pods cannot resolve and that no Service of the namespace has: each worth one cluster-wide list by name. */
export function pickShortNamesElsewhere(pods: readonly PodEvidence[], logs: readonly LogEvidence[], services: readonly ServiceEvidence[], now: IsoTime): string[] {
  const failing = new Set(pods.filter((p) => isPodFailing(p, now)).map((p) => p.name));
  const own = new Set(services.map((s) => s.name));
  const picked = new Set<string>();
  for (const log of logs) {
    if (!log.previous && !failing.has(log.pod)) continue;
    for (const line of log.lines) {
      const error = parseDependencyError(line);
      const host = error?.problem === 'dns-missing' ? error.dependency?.replace(/:\d+$/, '') : undefined;
      // A DNS-1123 label only: a dotted name says its own namespace or is not a Service at all.
      if (host === undefined || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(host) || own.has(host)) continue;
      picked.add(host);
    }
  }
  return [...picked].slice(0, MAX_NAMES);
}

/** Services of the namespace whose names are close to the missing one (a rename, a typo, a suffix). */
export function listNearServices(ev: TriageEvidence, name: string): string[] {
  return pickNearNames(name, ev.services.map((s) => s.name));
}

/** Names close to the missing one among a namespace's Services: a typo, a shared prefix, or the name as one of its words (tempo → tempo-distributor). */
export function pickNearNames(name: string, names: readonly string[]): string[] {
  const token = names.filter((n) => n !== name && n.split('-').includes(name));
  return [...new Set([...rankNearNames(name, names, 3), ...token])].slice(0, 3);
}

export interface ServiceElsewhere {
  /** "Service redis exists in namespace cache (redis.cache.svc.cluster.local, created 70 minutes ago)". */
  text: string;
  /** The namespaced host the client should use, when one namespace has it. */
  host?: string;
  cause: string;
  action: string;
  fix: string;
}

/** Where a Service of the missing short name exists in other namespaces, read by name cluster-wide. */
export function describeServiceElsewhere(ev: TriageEvidence, name: string): ServiceElsewhere | undefined {
  const found = (ev.servicesElsewhere ?? []).filter((s) => s.service.name === name && s.namespace !== ev.target.namespace);
  const first = found[0];
  if (first === undefined) return undefined;
  const ns = ev.target.namespace;
  const when = (at: IsoTime | undefined, verb: string) => (at === undefined ? '' : `, ${verb} ${formatAgo(at, ev.collectedAt)}`);
  const short = `A short name resolves only in the pod's own namespace (its first search domain is ${ns}.svc.cluster.local), so "${name}" finds no Service once ${name} is gone from ${ns}`;
  if (found.length === 1) {
    const host = `${name}.${first.namespace}.svc.cluster.local`;
    return {
      text: `a Service ${name} exists in namespace ${first.namespace} (${host}${when(first.createdAt, 'created')})`,
      host,
      cause: `${short}; a Service ${name} exists in namespace ${first.namespace}: the dependency most likely moved there while the clients still dial the short name. The dependency and the cluster DNS can both be healthy.`,
      action: `Point the clients at ${host} (or ${name}.${first.namespace}) in their configuration, or add an ExternalName Service ${name} in ${ns} pointing there; check that ${name} in ${first.namespace} is the instance they should use.`,
      fix: `point the clients at ${host} (Service ${name} is in namespace ${first.namespace}, not ${ns}), or add an ExternalName Service ${name} in ${ns} pointing there`,
    };
  }
  const spaces = found.map((s) => s.namespace);
  return {
    text: `Services named ${name} exist in namespaces ${spaces.slice(0, 4).join(', ')}`,
    cause: `${short}; Services of that name exist in ${spaces.slice(0, 4).join(', ')}: the clients need the namespaced name of the one they mean.`,
    action: `Ask the owners which ${name} these clients should use, and point them at ${name}.<namespace>.svc.cluster.local.`,
    fix: `point the clients at the namespaced name of the ${name} they should use (${spaces.slice(0, 3).map((n) => `${name}.${n}`).join(', ')})`,
  };
}

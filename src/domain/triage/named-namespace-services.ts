/**
 * A cluster-local name of another namespace that does not resolve (`unleash.feature-flags.svc…`,
 * getaddrinfo ENOTFOUND): the cluster DNS answers every Service of a namespace, so the Service is
 * gone from there — deleted, or renamed by a chart upgrade while its clients kept the old name.
 * One list of that namespace's Services (evidence-named-namespace-services.ts) says it is gone and
 * names those close to it. Pure: log lines and that list.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { LogEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { NamedNamespaceServicesEvidence } from './evidence-named-namespace-services.js';
import { findInClusterService } from './down-service.js';
import { pickNearNames } from './service-elsewhere.js';
import { formatAgo } from './time-span.js';

/** One namespace is enough: the client names one dependency that does not resolve. */
const MAX_NAMESPACES = 1;

/** Services of other namespaces, by their cluster-local name, that the logs say do not resolve. */
export function pickUnresolvedNamespaces(logs: readonly LogEvidence[], namespace: string): { name: string; namespace: string }[] {
  const picked = new Map<string, { name: string; namespace: string }>();
  for (const log of logs) {
    for (const line of log.lines) {
      const error = parseDependencyError(line);
      const host = error?.problem === 'dns-missing' ? error.dependency?.replace(/:\d+$/, '') : undefined;
      // Only names that say they are a Service of a namespace (`name.namespace.svc…`).
      if (host === undefined || !/^[\w-]+\.[\w-]+\.svc(\.|$)/.test(host)) continue;
      const ref = findInClusterService(host, namespace);
      if (ref !== undefined && ref.namespace !== namespace) picked.set(ref.namespace, ref);
    }
  }
  return [...picked.values()].slice(0, MAX_NAMESPACES);
}

/** "no Service unleash in feature-flags (similar: unleash-api, created 3h 10m ago, port 4242)", when the list of that namespace lacks it. */
export function describeGoneElsewhere(listed: readonly NamedNamespaceServicesEvidence[] | undefined, ref: { name: string; namespace: string }, now: IsoTime): string | undefined {
  const list = listed?.find((l) => l.namespace === ref.namespace);
  if (list === undefined || list.services.some((s) => s.name === ref.name)) return undefined;
  // Newest first: a Service created lately beside the gone one is the likely successor of a rename.
  const created = (n: string) => Date.parse(list.services.find((x) => x.name === n)?.createdAt ?? '') || 0;
  const near = pickNearNames(ref.name, list.services.map((s) => s.name)).sort((a, b) => created(b) - created(a));
  const said = near.flatMap((n) => {
    const s = list.services.find((x) => x.name === n);
    if (s === undefined) return [];
    return [`${n}${s.createdAt ? `, created ${formatAgo(s.createdAt, now)}` : ''}${s.ports.length > 0 ? `, port ${s.ports.join('/')}` : ''}`];
  });
  return `no Service ${ref.name} in ${ref.namespace}${said.length > 0 ? ` (similar: ${said.join('; ')})` : ''}`;
}

/**
 * A per-pod host name (`<set>-<ordinal>.<service>.<namespace>.svc…`) that does not resolve, under
 * a Service with a cluster IP. DNS publishes per-pod records only under a StatefulSet's headless
 * governing Service (spec.serviceName); a ClusterIP Service has one name, never `<pod>.<service>`.
 * Clustered servers hand such names to their clients (Kafka's advertised listeners, a replica
 * set's member list): bootstrap through the Service works, every connection to a named member
 * fails. The setting that names hosts under the wrong Service, and the revision that changed it,
 * are the cause and the fix.
 */
import type { AdvertisedHostEvidence } from './evidence-advertised-host.js';
import type { LogEvidence } from './evidence-pod.js';
import { parseDependencyError } from './dependency-error-line.js';
import { formatAgo } from './time-span.js';

/** The pod, Service and namespace a per-pod cluster name is made of. */
export interface PerPodHost {
  host: string;
  pod: string;
  /** The StatefulSet the pod belongs to: its name minus the ordinal. */
  statefulSet: string;
  service: string;
  namespace: string;
}

const PER_POD = /^(?<pod>(?<set>[a-z0-9]([a-z0-9-]*[a-z0-9])?)-\d+)\.(?<service>[a-z0-9]([a-z0-9-]*[a-z0-9])?)\.(?<ns>[a-z0-9]([a-z0-9-]*[a-z0-9])?)\.svc(\.[a-z0-9.-]+)?\.?(:\d+)?$/;

export function parsePerPodHost(host: string): PerPodHost | undefined {
  const g = PER_POD.exec(host)?.groups;
  if (g === undefined) return undefined;
  return { host: host.replace(/:\d+$/, ''), pod: g['pod'] ?? '', statefulSet: g['set'] ?? '', service: g['service'] ?? '', namespace: g['ns'] ?? '' };
}

/** Lines read per log: the failures repeat, the first ones name the host. */
const MAX_LINES = 400;

/** The first per-pod cluster name the current logs say does not resolve. */
export function pickPerPodHost(logs: readonly LogEvidence[]): PerPodHost | undefined {
  for (const log of logs) {
    if (log.previous) continue;
    for (const line of log.lines.slice(-MAX_LINES)) {
      const e = parseDependencyError(line);
      if (e?.problem !== 'dns-missing' || e.dependency === undefined) continue;
      const found = parsePerPodHost(e.dependency);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Whether a setting's value names hosts under the Service (`$(POD_NAME).kafka.streaming.svc…`). */
export function namesUnderService(value: string, service: string, namespace: string): boolean {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`\\.${esc(service)}\\.${esc(namespace)}(?![\\w-])`).test(value);
}

export interface AdvertisedHostTold {
  /** Added to the finding's title. */
  title: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  outsideWorkload: string;
  /** The newest revision of the set changed the setting that names the host: that change is the trigger. */
  dated: boolean;
}

export function explainAdvertisedHost(e: AdvertisedHostEvidence, now: string): AdvertisedHostTold {
  const { service, governingService: gov, statefulSet: sts, namespace: ns } = e;
  const r = e.revision;
  const changed = r?.settings.filter((s) => s.before !== undefined && s.before !== s.value) ?? [];
  const names = (changed.length > 0 ? changed : (r?.settings ?? [])).map((s) => s.name);
  const named = names.length > 0 ? names.join(', ') : 'its settings';
  const wasGov = changed.some((c) => c.before !== undefined && namesUnderService(c.before, gov, ns));
  const since = r !== undefined && changed.length > 0
    ? ` since StatefulSet ${sts}'s revision ${r.number} (${formatAgo(r.createdAt, now)}: ${named} changed from ${wasGov ? `names under ${gov}.${ns}.svc` : 'other names'} to names under ${service}.${ns}.svc)`
    : ` (StatefulSet ${sts}: ${named} names hosts under ${service}.${ns}.svc)`;
  const title = `: per-pod names resolve only under the headless Service ${gov} that governs StatefulSet ${sts}; ${service} is a ClusterIP Service, so ${e.host} does not exist in DNS — the servers of ${sts} hand their clients names under ${service}${since}`;
  const evidence = [
    `Service ${service} in ${ns} has cluster IP ${e.clusterIP}: no per-pod DNS records under it; StatefulSet ${sts} is governed by the headless Service ${gov}`,
    ...(r?.settings ?? []).map((s) => `StatefulSet ${sts} revision ${r?.number ?? ''} ${s.name}: ${s.before !== undefined && s.before !== s.value ? `${s.before} (revision ${r?.previous ?? ''}) → ` : ''}${s.value}`),
  ];
  const rollback = r !== undefined && changed.length > 0 && r.previous !== undefined ? ` or roll StatefulSet ${sts} back to revision ${r.previous} (kubectl rollout undo statefulset/${sts} -n ${ns})` : '';
  return {
    title,
    evidence,
    cause: `The servers of StatefulSet ${sts} hand their clients per-pod host names under the ClusterIP Service ${service} (${named}); DNS has per-pod records only under the headless governing Service ${gov}, so every connection to a named member fails to resolve while bootstrap through ${service} still works.`,
    action: `Make StatefulSet ${sts} advertise the per-pod names under the headless Service ${gov} again (${named})${rollback}; the clients recover on their own.`,
    fix: `advertise names under ${gov} in ${named}`,
    outsideWorkload: `StatefulSet ${sts} names the hosts its clients are handed; any revision of the clients gets the same names`,
    dated: changed.length > 0,
  };
}

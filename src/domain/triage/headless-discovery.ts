/**
 * A headless Service (clusterIP None) has no virtual IP: the cluster DNS answers its name with the
 * addresses of its ready endpoints only, unless spec.publishNotReadyAddresses is true. When the
 * pods that cannot resolve it are its own endpoints — a clustered StatefulSet whose members find
 * each other through it (Elasticsearch seed hosts, etcd, ZooKeeper, Cassandra seeds) — none is
 * ready, so the name has no address, so no member finds a peer and none becomes ready: a
 * bootstrap deadlock that a running cluster never shows and a full restart triggers.
 */
import type { EndpointSliceEvidence, IsoTime, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { formatAgo } from './time-span.js';

export interface HeadlessDeadlock {
  state: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  services: string[];
  confirm: string[];
}

const selects = (selector: Record<string, string>, pod: PodEvidence): boolean =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => pod.labels[k] === v);

/** A headless Service of the namespace, named by a host that does not resolve, that publishes no address of its own not-ready peers. */
export function explainHeadlessDeadlock(
  ev: TriageEvidence,
  svc: { service: ServiceEvidence; slices: EndpointSliceEvidence[]; changedAt?: IsoTime; own: boolean },
): HeadlessDeadlock | undefined {
  const { service, slices } = svc;
  if (!service.headless || service.publishNotReadyAddresses || !svc.own) return undefined;
  const eps = slices.flatMap((s) => s.endpoints);
  if (eps.some((e) => e.ready && !e.terminating)) return undefined;
  const mine = new Set(ev.pods.map((p) => p.name));
  // Its endpoints are the workload's own pods (or, with none listed, its selector picks them): they resolve themselves.
  const peers = eps.some((e) => e.podName !== undefined && mine.has(e.podName)) || (eps.length === 0 && ev.pods.some((p) => selects(service.selector, p)));
  if (!peers) return undefined;
  const ready = ev.pods.filter((p) => p.ready).length;
  // One ready member would publish its address and let the others join: the deadlock needs none.
  if (ready > 0) return undefined;
  const name = service.name;
  const total = ev.pods.length;
  const changed = svc.changedAt === undefined ? '' : `, last changed ${formatAgo(svc.changedAt, ev.collectedAt)}`;
  const kind = ev.workload?.kind ?? ev.target.kind;
  return {
    state: `: headless Service ${name} publishes no address — none of its ${total} pods (this ${kind}'s own) is ready and publishNotReadyAddresses is not set, so the members cannot find each other (bootstrap deadlock)`,
    evidence: [
      `Service ${name}: headless (clusterIP None), ${eps.filter((e) => e.ready).length}/${eps.length} endpoints ready, publishNotReadyAddresses not set${changed}`,
      `0/${total} pods of ${kind} ${ev.target.name} ready: they are the endpoints of ${name}`,
    ],
    cause: `${name} is a headless Service: the cluster DNS answers its name only with the addresses of ready endpoints unless publishNotReadyAddresses is true. Its endpoints are these same pods, which become ready only once they have found each other through that name (cluster formation, quorum): with none ready the name has no address, so none finds its peers and none ever becomes ready — a bootstrap deadlock. A formed cluster hides it; a restart of all members at once triggers it. Not the image, memory or storage.`,
    action: `Set publishNotReadyAddresses: true on Service ${name} (in the chart or manifest that renders it); the members resolve each other at their next discovery round and elect a leader. Do not delete pods or volumes.`,
    fix: `set publishNotReadyAddresses: true on headless Service ${name}, so the members resolve each other before they are ready`,
    services: [name],
    confirm: [
      formatKubectl(ev.target, `get service ${name} -o jsonpath='{.spec.clusterIP} {.spec.publishNotReadyAddresses}'`),
      formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${name} -o yaml`),
    ],
  };
}

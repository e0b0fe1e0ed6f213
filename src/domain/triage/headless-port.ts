/**
 * A headless Service (clusterIP None) has no virtual IP, so nothing translates its port: the
 * cluster DNS answers its name with the pods' own addresses and clients connect to them on the
 * Service's `port`, never on `targetPort`. When the two differ (port 5432 → targetPort 15432),
 * a Service that worked as a ClusterIP one — kube-proxy mapped the port — refuses every connection
 * once it is made headless (often by re-creating it: clusterIP cannot change in place). The sign:
 * a refusal at a pod IP (or the Service's name) on a port of a headless Service whose targetPort,
 * as its EndpointSlice resolves it, is another number.
 */
import type { EndpointSliceEvidence, IsoTime, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { findInClusterService } from './down-service.js';
import { formatKubectl } from './kubectl-command.js';
import { formatAgo, msBetween } from './time-span.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';

export interface HeadlessPortGap {
  service: ServiceEvidence;
  namespace: string;
  /** The port clients dial: the Service's port. */
  port: number;
  /** The port its pods listen on: the targetPort, resolved. */
  listens: number;
  /** The refused pod IP and the pod it is, when the address is one. */
  endpoint?: { ip: string; pod?: string };
  /** Its creation, when it came after the clients started (they used its name before): a re-creation. */
  recreatedAt?: IsoTime;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** "db-pool.payments.svc" / "db-pool.payments.svc.cluster.local" in a log line. */
const SERVICE_HOST = /\b([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.svc\b/g;

interface Candidate {
  service: ServiceEvidence;
  namespace: string;
  slices: readonly EndpointSliceEvidence[];
}

function listCandidates(ev: TriageEvidence): Candidate[] {
  const own = ev.services.map((service) => ({ service, namespace: ev.target.namespace, slices: ev.endpointSlices.filter((s) => s.service === service.name) }));
  const others = (ev.dependencyServices ?? []).map((d) => ({ service: d.service, namespace: d.namespace, slices: d.slices }));
  return [...own, ...others];
}

/** The port the Service's pods listen on for this port: a number as written, a name as its EndpointSlice resolved it. */
function resolveTargetPort(c: Candidate, port: ServiceEvidence['ports'][number]): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const resolved = c.slices.flatMap((s) => s.ports).filter((p) => (p.name ?? '') === (port.name ?? ''));
  const numbers = [...new Set(resolved.map((p) => p.port))];
  return numbers.length === 1 ? numbers[0] : undefined;
}

function runStart(p: PodEvidence): IsoTime | undefined {
  return p.startTime ?? p.createdAt;
}

/**
 * The headless Service a refused `host:port` dials through without port translation: the host is
 * one of its endpoints' IPs (the lines may name the Service too) or its own name.
 */
export function findHeadlessPortGap(ev: TriageEvidence, dependency: string, lines: readonly string[], clients: readonly PodEvidence[]): HeadlessPortGap | undefined {
  const m = /^(.+):(\d+)$/.exec(dependency);
  if (!m) return undefined;
  const host = m[1] ?? '';
  const port = Number(m[2]);
  const candidates = listCandidates(ev).filter((c) => c.service.headless);
  const named = new Set(lines.flatMap((l) => [...l.matchAll(SERVICE_HOST)].map((x) => `${x[2] ?? ''}/${x[1] ?? ''}`)));
  let picked: Candidate[];
  if (IPV4.test(host)) {
    const holding = candidates.filter((c) => c.slices.some((s) => s.endpoints.some((e) => e.addresses.includes(host))));
    // Several Services over the same pods: the one the lines name.
    picked = holding.length > 1 ? holding.filter((c) => named.has(`${c.namespace}/${c.service.name}`)) : holding;
  } else {
    const ref = findInClusterService(host, ev.target.namespace);
    picked = ref ? candidates.filter((c) => c.namespace === ref.namespace && c.service.name === ref.name) : [];
  }
  const c = picked.length === 1 ? picked[0] : undefined;
  if (c === undefined) return undefined;
  const svcPort = c.service.ports.find((p) => p.port === port && p.protocol === 'TCP');
  if (svcPort === undefined) return undefined;
  const listens = resolveTargetPort(c, svcPort);
  if (listens === undefined || listens === port) return undefined;
  const endpoint = IPV4.test(host) ? c.slices.flatMap((s) => s.endpoints).find((e) => e.addresses.includes(host)) : undefined;
  // Created after the clients that name it started, and recently: re-created under them.
  const created = c.service.createdAt;
  const starts = clients.map(runStart).filter((t): t is IsoTime => t !== undefined);
  const recreated = created !== undefined && starts.length > 0 && starts.every((t) => msBetween(t, created) > 0) && msBetween(created, ev.collectedAt) <= TRIGGER_WINDOW_MS;
  return {
    service: c.service,
    namespace: c.namespace,
    port,
    listens,
    ...(endpoint ? { endpoint: { ip: host, ...(endpoint.podName ? { pod: endpoint.podName } : {}) } } : {}),
    ...(recreated && created ? { recreatedAt: created } : {}),
  };
}

export interface HeadlessPortTold {
  title: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  confirm: string[];
}

/** Whether the title itself dates the re-creation: a Service of another namespace, which the verdict's trigger does not see. */
export function dated(ev: TriageEvidence, g: HeadlessPortGap): boolean {
  return g.recreatedAt !== undefined && g.namespace !== ev.target.namespace;
}

export function explainHeadlessPortGap(ev: TriageEvidence, g: HeadlessPortGap): HeadlessPortTold {
  const name = g.service.name;
  // A Service of the namespace is among its objects, whose change the verdict dates as the trigger ("Since Service x was created 35m ago"); one elsewhere is not.
  const state = g.recreatedAt ? `was re-created headless (clusterIP None)${dated(ev, g) ? ` ${formatAgo(g.recreatedAt, ev.collectedAt)}` : ''}` : 'is headless (clusterIP None)';
  const fix = `make Service ${name} a ClusterIP Service again, or use the same port on both sides (port = targetPort: the clients dialing ${g.listens}, or the pods listening on ${g.port})`;
  const t = { ...ev.target, namespace: g.namespace };
  return {
    title: `Service ${name} ${state}: clients dial its pods on ${g.port}, but they listen on ${g.listens} — a headless Service does no port translation`,
    evidence: [
      `Service ${name}: clusterIP None, port ${g.port} → targetPort ${g.listens}${g.recreatedAt ? `, created ${formatAgo(g.recreatedAt, ev.collectedAt)}, after the clients started` : ''}`,
      ...(g.endpoint ? [`${g.endpoint.ip} is ${g.endpoint.pod ? `pod ${g.endpoint.pod}, ` : ''}an endpoint of Service ${name}`] : []),
    ],
    cause: `${name} is a headless Service: it has no virtual IP, so its name resolves to the pods' own addresses and no kube-proxy rule maps port ${g.port} to targetPort ${g.listens}. Clients connect to the pods on ${g.port}, where nothing listens, and are refused, whatever the state of the pods on ${g.listens}. A ClusterIP Service translated the port${g.recreatedAt ? ` — and this one was re-created ${formatAgo(g.recreatedAt, ev.collectedAt)}` : ''}. Restarting the clients will not help.`,
    action: `Mitigate: ${fix}.`,
    fix,
    confirm: [formatKubectl(t, `get service ${name} -o jsonpath='{.spec.clusterIP} {.spec.ports}'`), formatKubectl(t, `get endpointslices -l kubernetes.io/service-name=${name} -o wide`)],
  };
}

/**
 * Service links: with enableServiceLinks (the default), the kubelet sets docker-link variables
 * for every Service of the namespace in each container it starts — `REDIS_PORT=tcp://<clusterIP>:
 * <port>`, `REDIS_PORT_6379_TCP…`, `REDIS_SERVICE_HOST`, `REDIS_SERVICE_PORT`. An app that reads
 * `<NAME>_PORT` as a number breaks the day someone creates a Service of that name, and only in
 * containers started since: a value `tcp://<ip>:<port>` that is a namespace Service's address, in
 * a variable the template does not set, is a service link.
 */
import type { ContainerSpecEvidence, IsoTime, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { formatAgo, msBetween } from './time-span.js';

export interface ServiceLink {
  /** The variable the app reads it from: "REDIS_PORT". */
  variable: string;
  /** "tcp://172.20.61.214:6379". */
  value: string;
  service: ServiceEvidence;
  createdAt?: IsoTime;
  /** Pods of the workload whose containers run since before the Service existed: they never got it. */
  olderPods: string[];
}

const LINK_VALUE = /\b(tcp|udp|sctp):\/\/(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):(\d{1,5})\b/;

/** The kubelet's variable prefix for a Service: upper case, dashes to underscores. */
function prefixOf(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}

function runStart(c: ContainerSpecEvidence & { state?: PodEvidence['containers'][number]['state'] }): IsoTime | undefined {
  const s = c.state;
  return s && 'running' in s ? s.running.startedAt : undefined;
}

/** The service link behind a `tcp://ip:port` value the app choked on, when it is one. */
export function findServiceLink(text: string, ev: TriageEvidence, container: ContainerSpecEvidence, failing: readonly PodEvidence[]): ServiceLink | undefined {
  const m = LINK_VALUE.exec(text);
  if (!m) return undefined;
  const [value = '', proto = '', host = '', portText = ''] = m;
  const ip = host.replace(/^\[|\]$/g, '');
  const port = Number(portText);
  const service = ev.services.find((s) => s.clusterIP === ip && s.ports.some((p) => p.port === port && p.protocol.toLowerCase() === proto));
  if (service === undefined) return undefined;
  if (failing.length > 0 && failing.every((p) => p.enableServiceLinks === false)) return undefined;
  const prefix = prefixOf(service.name);
  // <NAME>_PORT holds the first port; every port also has <NAME>_PORT_<port>_<PROTO>.
  const first = service.ports[0];
  const variable = first?.port === port && first.protocol.toLowerCase() === proto ? `${prefix}_PORT` : `${prefix}_PORT_${port}_${proto.toUpperCase()}`;
  // A variable the template sets itself overrides the link: the value came from elsewhere.
  if ((container.env ?? []).some((e) => e.name === variable)) return undefined;
  const createdAt = (ev.namespaceObjects ?? []).find((o) => o.kind === 'Service' && o.name === service.name)?.createdAt;
  const failingNames = new Set(failing.map((p) => p.name));
  const olderPods = createdAt === undefined ? [] : ev.pods.filter((p) => {
    if (failingNames.has(p.name)) return false;
    const c = p.containers.find((x) => x.name === container.name);
    const started = c ? runStart(c) : undefined;
    return started !== undefined && msBetween(started, createdAt) > 0;
  }).map((p) => p.name);
  return { variable, value, service, ...(createdAt ? { createdAt } : {}), olderPods };
}

/** The finding's words for a service link: title clause, cause, action, fix, evidence. */
export function tellServiceLink(link: ServiceLink, now: IsoTime, newestRevisionAt: IsoTime | undefined): { title: string; cause: string; action: string; fix: string; evidence: string[]; outside?: string } {
  const { variable, value, service } = link;
  const prefix = prefixOf(service.name);
  const created = link.createdAt ? ` (created ${formatAgo(link.createdAt, now)})` : '';
  const older = link.olderPods.length > 0 ? ` The ${link.olderPods.length} pod${link.olderPods.length === 1 ? '' : 's'} whose containers started before it still run with the old environment; any container started since gets the variable.` : ' Every container started since it exists gets the variable.';
  const outside = link.createdAt !== undefined && (newestRevisionAt === undefined || msBetween(newestRevisionAt, link.createdAt) > 0)
    ? `every container started since Service ${service.name} was created gets ${variable}, whatever its revision`
    : undefined;
  return {
    title: `: it cannot parse ${variable}="${value}", the service link the kubelet injects for Service ${service.name}`,
    cause: `With enableServiceLinks (the default, true in these pods), the kubelet sets docker-link variables for every Service of the namespace in each container it starts: Service ${service.name}${created} brings ${variable}=${value} (with ${prefix}_SERVICE_HOST, ${prefix}_SERVICE_PORT and the other ${prefix}_PORT_* variables). The app reads ${variable} expecting a port number and cannot parse the link's URL.${older}`,
    action: `Set enableServiceLinks: false in the pod template (or set ${variable} explicitly in the container's env, or rename Service ${service.name}); a rollback would not help, every new container gets the variable.`,
    fix: `set enableServiceLinks: false (or set ${variable} explicitly)`,
    evidence: [
      `Service ${service.name}${created} has clusterIP ${service.clusterIP ?? '?'} and port ${service.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}: its service link is ${variable}=${value}`,
      `the pod template does not set ${variable} and leaves enableServiceLinks at its default (true)`,
    ],
    ...(outside ? { outside } : {}),
  };
}

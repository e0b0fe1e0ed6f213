/**
 * Where a dependency's name really leads, resolved the way the pod resolves it: its own
 * /etc/hosts first (spec.hostAliases, which no DNS answer overrides), then the Service the name
 * is — an ExternalName is only a CNAME to another host, and a Service with internalTrafficPolicy
 * Local reaches only the endpoints on the caller's own node. A connection that fails because of
 * where the name leads is not a NetworkPolicy or a down dependency; saying where it led is the
 * root cause.
 */
import type { EndpointSliceEvidence, IsoTime, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { diagnoseClusterDnsBypass } from './cluster-dns-bypass.js';
import { diagnoseDenialCache } from './dns-denial-cache.js';
import { diagnoseDnsRoute } from './dns-route.js';
import { findInClusterService } from './down-service.js';
import { explainHeadlessDeadlock } from './headless-discovery.js';
import { explainNonHeadlessGoverning } from './governing-service.js';
import { formatKubectl } from './kubectl-command.js';
import { findPolicyDrops, tellPolicyDrops } from './cni-policy-drops.js';
import { findRecreatedService, tellRecreatedService } from './recreated-service.js';
import { findSearchFallthrough, tellSearchFallthrough } from './search-fallthrough.js';
import { findStaleOutsideProxy, tellStaleOutsideProxy } from './stale-outside-proxy.js';
import { listNodesOf, unique } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { explainStaticEndpoints } from './static-endpoints.js';
import { formatAgo } from './time-span.js';

/** What the name led to, and what that changes in the finding. */
export interface Resolution {
  /** Said after the title: ": hostAliases pins it to 10.40.12.9 in the pods' /etc/hosts". */
  state: string;
  evidence: string[];
  /** Set when where the name leads is the cause: it replaces the problem's generic cause. */
  cause?: string;
  action?: string;
  fix?: string;
  /** Services of the workload's namespace the name goes through: their change is a trigger to test. */
  services?: string[];
  confirm?: string[];
  /** The state dates the change that made the name lead there (the Corefile was edited just before). */
  datesChange?: true;
  /** Where the name leads is set outside the workload's template: why a rollback would not change it. */
  outside?: string;
}

/** The problems a wrong destination produces; DNS errors and expired certificates are the destination's own. */
type Problem = 'tls-expired' | 'tls-untrusted' | 'tls-name' | 'refused' | 'unreachable' | 'dns-missing' | 'dns-unavailable' | 'timeout' | 'reset' | 'closed-idle';
const CONNECTING = new Set<Problem>(['timeout', 'refused', 'unreachable', 'reset', 'tls-name']);

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;

/** The failures of a connection to an address nobody answers at any more: said after "connections there". */
const STATIC_FAILURES: Partial<Record<Problem, 'time out' | 'are refused' | 'find no route'>> = { timeout: 'time out', refused: 'are refused', unreachable: 'find no route' };

/** `port`: the one the client dials, when the line or its env says it. */
export function resolveDependency(ev: TriageEvidence, problem: Problem, host: string, pods: readonly PodEvidence[], lines: readonly string[], port?: string): Resolution | undefined {
  // The CNI's own policy drops the connections: its agent says so, whatever the address.
  const dropped = problem === 'timeout' ? findPolicyDrops(ev, pods) : undefined;
  if (dropped) return tellPolicyDrops(ev, dropped, host);
  if (IPV4.test(host) && host.replace(IPV4, '') === '') {
    // An address no Service has any more: the old ClusterIP of a re-created Service, from the pods' environment.
    const recreated = CONNECTING.has(problem) ? findRecreatedService(ev, host, pods, lines) : undefined;
    if (recreated) return tellRecreatedService(ev, recreated, host);
    // An old address of an outside name (a load balancer's) that nginx resolved once at its start.
    const frozen = CONNECTING.has(problem) ? findStaleOutsideProxy(ev, host, pods) : undefined;
    if (frozen) return tellStaleOutsideProxy(ev, frozen);
    // An outside address for a cluster name: the name fell through the pods' search list.
    const leaked = CONNECTING.has(problem) ? findSearchFallthrough(ev, host, pods, lines) : undefined;
    if (leaked) return tellSearchFallthrough(ev, leaked);
    // A client that logs the ClusterIP it dials: the Service with that address routes it as by its name.
    const byAddress = CONNECTING.has(problem) ? lookUpService(ev, host) : undefined;
    return byAddress?.service.internalTrafficPolicy === 'Local' ? resolveLocalPolicy(ev, byAddress, pods) : undefined;
  }
  // A cluster name asked of a resolver outside the cluster (the pods' DNS policy) exists nowhere it looks.
  const bypass = problem === 'dns-missing' ? diagnoseClusterDnsBypass(ev, host, pods) : undefined;
  if (bypass) return bypass;
  // An outside name the cluster DNS answers NXDOMAIN for: where its Corefile sends it, and whether an edit just changed that.
  const route = problem === 'dns-missing' ? diagnoseDnsRoute(ev, host, pods) : undefined;
  if (route?.cause !== undefined) return route;
  if (CONNECTING.has(problem)) {
    const pinned = resolvePin(ev, host, pods, lines);
    if (pinned) return pinned;
  }
  // A member's own name under a governing Service that is not headless: no per-pod record exists.
  const governing = problem === 'dns-missing' ? explainNonHeadlessGoverning(ev, host) : undefined;
  if (governing) return governing;
  const svc = lookUpService(ev, host);
  // No Service by that name: where the cluster DNS sends it is all there is to tell.
  if (svc === undefined) return route;
  if (svc.service.type === 'ExternalName' && svc.service.externalName) return resolveExternalName(ev, problem, svc);
  if (svc.service.internalTrafficPolicy === 'Local' && CONNECTING.has(problem)) return resolveLocalPolicy(ev, svc, pods);
  // No selector: the connections go where someone wrote its endpoints, and nothing moves them.
  const failure = STATIC_FAILURES[problem];
  const written = failure ? explainStaticEndpoints(ev, svc, port, failure) : undefined;
  if (written) return written;
  // A Service created after the callers' first lookups, still "no such host": the cluster DNS's cache keeps the old denial.
  const cached = problem === 'dns-missing' ? diagnoseDenialCache(ev, svc.service, svc.namespace, host, lines, pods) : undefined;
  if (cached) return { ...cached, ...(svc.own ? { services: [svc.service.name] } : {}) };
  if (problem === 'dns-missing') return explainHeadlessDeadlock(ev, svc);
  return undefined;
}

interface FoundService {
  namespace: string;
  service: ServiceEvidence;
  slices: EndpointSliceEvidence[];
  changedAt?: IsoTime;
  /** The Service is in the workload's namespace (its change can be the trigger). */
  own: boolean;
}

/** The Service a host names: of this namespace from its lists, of another from the read one hop away. */
export function lookUpService(ev: TriageEvidence, host: string): FoundService | undefined {
  const bare = host.replace(/:\d+$/, '');
  if (IPV4.test(bare) && bare.replace(IPV4, '') === '') return lookUpClusterIp(ev, bare);
  const ref = findInClusterService(bare, ev.target.namespace);
  if (ref === undefined) return undefined;
  if (ref.namespace === ev.target.namespace) {
    const service = ev.services.find((s) => s.name === ref.name);
    return service === undefined ? undefined : findOwn(ev, service);
  }
  const dep = ev.dependencyServices?.find((d) => d.namespace === ref.namespace && d.service.name === ref.name);
  return dep === undefined ? undefined : { ...dep, own: false };
}

/** The Service whose ClusterIP the address is: of this namespace, or one read one hop away. */
function lookUpClusterIp(ev: TriageEvidence, ip: string): FoundService | undefined {
  const service = ev.services.find((s) => s.clusterIP === ip);
  if (service !== undefined) return findOwn(ev, service);
  const dep = ev.dependencyServices?.find((d) => d.service.clusterIP === ip);
  return dep === undefined ? undefined : { ...dep, own: false };
}

/** A Service of the workload's namespace with its slices and when it last changed. */
function findOwn(ev: TriageEvidence, service: ServiceEvidence): FoundService {
  const changedAt = ev.namespaceObjects?.find((o) => o.kind === 'Service' && o.name === service.name)?.changedAt;
  return { namespace: ev.target.namespace, service, slices: ev.endpointSlices.filter((s) => s.service === service.name), own: true, ...(changedAt ? { changedAt } : {}) };
}

/** A hostAliases entry of the failing pods that pins the host: /etc/hosts wins over DNS. */
function resolvePin(ev: TriageEvidence, host: string, pods: readonly PodEvidence[], lines: readonly string[]): Resolution | undefined {
  const h = host.toLowerCase();
  const pinOf = (p: PodEvidence) => p.hostAliases?.find((a) => a.hostnames.some((n) => n.toLowerCase() === h));
  const pinnedPods = pods.filter((p) => pinOf(p) !== undefined);
  const alias = pinnedPods.map(pinOf)[0];
  if (alias === undefined) return undefined;
  const ip = alias.ip;
  // Pods of the workload without the pin name the address DNS gives them (Java logs "host/10.40.18.22").
  const unpinned = new Set(ev.pods.filter((p) => pinOf(p) === undefined).map((p) => p.name));
  const after = new RegExp(`${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::\\d+)?[\\s/([]{1,3}(\\d{1,3}(?:\\.\\d{1,3}){3})\\b`, 'i');
  const fromDns = unique(ev.logs.filter((l) => unpinned.has(l.pod)).flatMap((l) => l.lines.flatMap((x) => after.exec(x)?.[1] ?? [])).filter((x) => x !== ip));
  // A Service of the namespace named as the host's first label: where the dependency's endpoints are now.
  const label = h.split('.')[0] ?? h;
  const current = ev.services.some((s) => s.name === label) ? unique(ev.endpointSlices.filter((s) => s.service === label).flatMap((s) => s.endpoints.filter((e) => e.ready).flatMap((e) => e.addresses))).filter((a) => a !== ip) : [];
  const moved = fromDns.length === 0 && current.length > 0;
  const elsewhere = moved ? current.map((a) => `${a} (Service ${label}'s endpoint)`) : fromDns;
  const toPinned = lines.some((l) => after.exec(l)?.[1] === ip);
  const [newest, previous] = sortRevisions(ev.revisions);
  const entry = (t: typeof newest) => (t?.template?.hostAliases ?? []).some((a) => a.split(' ')[0] === ip && a.split(' ').slice(1).some((n) => n.toLowerCase() === h));
  const added = newest !== undefined && previous !== undefined && entry(newest) && !entry(previous) ? newest.revision : undefined;
  const evidence = [
    `spec.hostAliases of ${pinnedPods.map((p) => p.name).slice(0, 3).join(', ')}: ${ip} ${alias.hostnames.join(' ')} (written into the pod's /etc/hosts)${added !== undefined ? `; added in revision ${added}` : ''}`,
  ];
  if (toPinned) evidence.push(`the failing connections go to ${ip}, the pinned address`);
  if (elsewhere.length > 0) evidence.push(`${moved ? `the dependency is now at ${elsewhere.slice(0, 2).join(', ')}` : `pods without the pin reach ${host} at ${elsewhere.slice(0, 2).join(', ')} (from DNS)`}`);
  const pod = pinnedPods[0]?.name ?? '';
  return {
    state: `: hostAliases pins it to ${ip} in the pods' /etc/hosts${elsewhere.length > 0 ? `, while ${moved ? 'it is now at' : 'pods without the pin reach'} ${elsewhere[0] ?? ''}` : ''}`,
    evidence,
    cause: `spec.hostAliases writes ${host} → ${ip} into the pod's /etc/hosts, which is read before any DNS lookup: these pods connect to ${ip} whatever DNS answers${elsewhere.length > 0 ? `, while ${moved ? `${host} is now at` : `pods without the pin reach ${host} at`} ${elsewhere.join(', ')}` : ''}. A pinned address goes stale when the dependency moves; DNS and the network path need not be wrong.`,
    action: `Remove the hostAliases entry for ${host} from the pod template (or correct its IP) so the pods resolve it through DNS again${added !== undefined ? `; rolling back to the revision before ${added} drops it too` : ''}.`,
    fix: `remove the hostAliases pin of ${host} to ${ip}`,
    confirm: [formatKubectl(ev.target, `get pod ${pod} -o jsonpath='{.spec.hostAliases}'`)],
  };
}

function describeChange(svc: FoundService, now: IsoTime): string {
  return svc.changedAt === undefined ? '' : `, changed ${formatAgo(svc.changedAt, now)}`;
}

/** A change of a Service of the workload's namespace becomes the verdict's trigger; one elsewhere is said in the title. */
function titleChange(svc: FoundService, now: IsoTime): string {
  return svc.own ? '' : describeChange(svc, now);
}

/** An ExternalName Service is a CNAME: the lookup of its name is the lookup of its target. */
function resolveExternalName(ev: TriageEvidence, problem: Problem, svc: FoundService): Resolution {
  const name = svc.service.name;
  const target = svc.service.externalName ?? '';
  const label = svc.own ? `Service ${name}` : `Service ${name} (${svc.namespace})`;
  const changed = describeChange(svc, ev.collectedAt);
  const evidence = [`${label}: type ExternalName → ${target}${changed}`];
  const confirm = [formatKubectl({ ...ev.target, namespace: svc.namespace }, `get service ${name} -o jsonpath='{.spec.externalName}'`)];
  const services = svc.own ? [name] : [];
  if (problem !== 'dns-missing') return { state: `: ${label} is an ExternalName for ${target}`, evidence, services, confirm };
  return {
    state: `: ${label} is an ExternalName pointing at ${target}, which does not resolve${titleChange(svc, ev.collectedAt)}`,
    evidence,
    cause: `${name} is an ExternalName Service: the cluster DNS answers its name with a CNAME to ${target}, and that host does not exist (NXDOMAIN). The lookup fails because of where the Service points, not because the Service is missing or the cluster DNS is down.`,
    action: `Point ${label}'s externalName back at a host that resolves${changed ? ' (what it was before the change)' : ''}; the pods recover at their next retry.`,
    fix: `point ${label}'s externalName (${target}) at a host that resolves`,
    services,
    confirm,
  };
}

/** internalTrafficPolicy Local: kube-proxy sends a pod's traffic only to endpoints on its own node, and drops it where there is none. */
function resolveLocalPolicy(ev: TriageEvidence, svc: FoundService, pods: readonly PodEvidence[]): Resolution | undefined {
  const name = svc.service.name;
  const withEndpoint = unique(svc.slices.flatMap((s) => s.endpoints.filter((e) => e.ready && !e.terminating).flatMap((e) => (e.nodeName ? [e.nodeName] : []))));
  const callers = listNodesOf(pods);
  const lonely = callers.filter((n) => !withEndpoint.includes(n));
  // Only when every failing caller sits on a node without a local endpoint, while other nodes have one, does the policy explain them all.
  if (callers.length === 0 || lonely.length !== callers.length || withEndpoint.length === 0) return undefined;
  const label = svc.own ? `Service ${name}` : `Service ${name} (${svc.namespace})`;
  const now = ev.collectedAt;
  // When the field itself was written (its managedFields entry); else only when the Service last changed, if that is known.
  const set = svc.service.localPolicySet;
  const setText = set ? ` (set ${formatAgo(set.at, now)} by ${set.by})` : '';
  const dated = set ? '' : titleChange(svc, now);
  const nodes = (list: readonly string[]) => `${list.length === 1 ? 'node' : 'nodes'} ${list.join(', ')}`;
  const fine = ev.pods.filter((p) => p.ready && p.nodeName !== undefined && withEndpoint.includes(p.nodeName)).map((p) => p.name);
  const when = set ? `, set ${formatAgo(set.at, now)} by ${set.by} (managedFields)` : `${describeChange(svc, now)} (when the field was set is not recorded)`;
  const evidence = [
    `${label}: internalTrafficPolicy Local${when}; ready endpoints only on ${withEndpoint.join(', ')}`,
    `failing callers on ${lonely.join(', ')}, where no ${name} endpoint runs`,
  ];
  if (fine.length > 0) evidence.push(`pods on nodes with a ${name} endpoint are ready: ${fine.slice(0, 3).join(', ')}`);
  const t = { ...ev.target, namespace: svc.namespace };
  return {
    state: `: ${label}${dated}${dated ? ',' : ''} has internalTrafficPolicy Local${setText}: its ready endpoints run only on ${nodes(withEndpoint)}, none on ${nodes(lonely)} where the failing ${pods.length === 1 ? 'pod runs' : 'pods run'}`,
    evidence,
    cause: `With internalTrafficPolicy: Local, kube-proxy sends a pod's traffic for ${name} only to its endpoints on the pod's own node and drops it where there is none: the callers on ${lonely.join(', ')} time out while those on nodes with a ${name} endpoint work. ${name} itself can be healthy.`,
    action: `Set internalTrafficPolicy of ${label} back to Cluster, or run ${name} on every node that has callers (a DaemonSet); meanwhile the pods on other nodes carry the traffic.`,
    fix: `set internalTrafficPolicy of ${label} back to Cluster (or run ${name} on every node with callers)`,
    services: svc.own ? [name] : [],
    confirm: [formatKubectl(t, `get service ${name} -o jsonpath='{.spec.internalTrafficPolicy}'`), formatKubectl(t, `get endpointslices -l kubernetes.io/service-name=${name} -o wide`)],
    ...(set ? { datesChange: true as const } : {}),
  };
}

/**
 * NetworkPolicy is enforced on the packet as it leaves the pod after kube-proxy's DNAT (Calico,
 * Cilium, …): a connection to a Service's ClusterIP is already addressed to one of its endpoints, on
 * the target port. An egress rule that allows the ClusterIP (an ipBlock around it) therefore lets
 * nothing through; the endpoints' addresses and the target port are what a rule must allow. The
 * usual case is the API server: `kubernetes.default` is 10.96.0.1:443, its endpoints the control
 * plane's addresses on 6443 — which no pod or namespace selector can match either.
 */
import type { LogEvidence, NetworkPolicyEvidence, TriageEvidence } from './evidence.js';
import type { EndpointSliceEvidence, ServiceEvidence } from './evidence-network.js';
import { parseDependencyError } from './dependency-error-line.js';
import { egressAllows, ruleAllows } from './egress-rules.js';
import { getPodLabels, matchesLabels } from './service-match.js';

/** A Service with its EndpointSlices, in its namespace. */
export interface ServiceBehind {
  namespace: string;
  service: ServiceEvidence;
  slices: readonly EndpointSliceEvidence[];
}

export interface ServiceDnat {
  /** The address the pods dial: "10.96.0.1:443". */
  dependency: string;
  /** "default/kubernetes". */
  service: string;
  /** The endpoints' addresses the connections are translated to (ready ones first; all of them). */
  endpoints: string[];
  targetPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** The selecting policies whose rules allow the ClusterIP, with the rule: what was meant. */
  allowedBy: { policy: string; rule: string }[];
}

/** The API server's Service, the one in-cluster clients dial by its ClusterIP (KUBERNETES_SERVICE_HOST). */
export const API_SERVER_SERVICE = { namespace: 'default', name: 'kubernetes' } as const;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function selects(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  if (policy.podSelectorExpressions !== undefined && policy.podSelectorExpressions.length > 0) return true; // matched conservatively
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/** The egress policies that select pods with these labels. */
export function listEgressPolicies(policies: readonly NetworkPolicyEvidence[], labels: Record<string, string>): NetworkPolicyEvidence[] {
  return policies.filter((p) => p.policyTypes.includes('Egress') && selects(p, labels));
}

/** "10.96.0.1:443" → its parts, when the host is an IPv4 address. */
function splitAddress(dependency: string): { ip: string; port: string } | undefined {
  const m = /^(.+):(\d+)$/.exec(dependency);
  return m && IPV4.test(m[1] ?? '') ? { ip: m[1] ?? '', port: m[2] ?? '' } : undefined;
}

/**
 * The DNAT reading of a timeout to ip:port: some selecting egress rule allows the ClusterIP:port
 * of a known Service, and no rule allows any of its endpoints on the target port. Undefined when
 * the address is no known ClusterIP, a rule allows an endpoint, or one might (a selector).
 */
export function findServiceDnat(policies: readonly NetworkPolicyEvidence[], services: readonly ServiceBehind[], dependency: string): ServiceDnat | undefined {
  const addr = splitAddress(dependency);
  if (addr === undefined || policies.length === 0) return undefined;
  const allowedBy = policies.flatMap((p) => p.egress.filter((r) => ruleAllows(r, addr.ip, addr.port) === 'yes').map((rule) => ({ policy: p.name, rule })));
  if (allowedBy.length === 0) return undefined;
  for (const { namespace, service, slices } of services) {
    if (service.clusterIP !== addr.ip || service.type === 'ExternalName') continue;
    const port = service.ports.find((p) => String(p.port) === addr.port);
    if (port === undefined) continue;
    // The slice's port of the same name is the resolved target port; a number in the Service says it too.
    const slicePort = slices.flatMap((s) => s.ports).find((p) => (p.name ?? '') === (port.name ?? ''));
    const targetPort = slicePort?.port ?? (typeof port.targetPort === 'number' ? port.targetPort : undefined);
    if (targetPort === undefined) continue;
    const eps = slices.flatMap((s) => s.endpoints).filter((e) => !e.terminating);
    const ready = eps.filter((e) => e.ready).flatMap((e) => e.addresses);
    const endpoints = [...new Set([...ready, ...eps.flatMap((e) => e.addresses)])];
    if (endpoints.length === 0) continue;
    const rules = policies.flatMap((p) => p.egress);
    if (!endpoints.every((ip) => egressAllows(rules, ip, String(targetPort)) === 'no')) return undefined;
    return { dependency, service: `${namespace}/${service.name}`, endpoints, targetPort, protocol: port.protocol, allowedBy };
  }
  return undefined;
}

/** The Services of the evidence with their slices: the namespace's own and those read one hop away. */
export function listServicesBehind(ev: TriageEvidence): ServiceBehind[] {
  const own = ev.services.map((service) => ({ namespace: ev.target.namespace, service, slices: ev.endpointSlices.filter((s) => s.service === service.name) }));
  const others = (ev.dependencyServices ?? []).map((d) => ({ namespace: d.namespace, service: d.service, slices: d.slices }));
  return [...own, ...others];
}

/** The DNAT reading for a dependency of the workload's logs, from what the evidence holds. */
export function findServiceDnatIn(ev: TriageEvidence, dependency: string): ServiceDnat | undefined {
  if (ev.networkPolicies === undefined) return undefined;
  return findServiceDnat(listEgressPolicies(ev.networkPolicies, getPodLabels(ev)), listServicesBehind(ev), dependency);
}

/** "192.168.10.11, 192.168.10.12, 192.168.10.13" (at most `max`, then how many more). */
export function formatEndpoints(endpoints: readonly string[], max = 3): string {
  const shown = endpoints.slice(0, max).join(', ');
  return endpoints.length > max ? `${shown} and ${endpoints.length - max} more` : shown;
}

/**
 * Whether to read the API server's Service and its EndpointSlices: the logs time out dialling an
 * IPv4 address that a selecting egress rule allows by address, and no Service of the namespace has
 * that ClusterIP (those are read already). Such a rule is most often written for the API server's
 * ClusterIP; one get and one list say whether it is, and where its traffic really goes.
 */
export function wantsApiServerService(input: { logs: readonly LogEvidence[]; labels: Record<string, string>; services: readonly ServiceEvidence[]; networkPolicies: readonly NetworkPolicyEvidence[] | undefined; namespace: string }): boolean {
  if (input.namespace === API_SERVER_SERVICE.namespace || input.networkPolicies === undefined) return false;
  const policies = listEgressPolicies(input.networkPolicies, input.labels);
  if (policies.length === 0) return false;
  const own = new Set(input.services.map((s) => s.clusterIP).filter((ip): ip is string => ip !== undefined));
  const rules = policies.flatMap((p) => p.egress);
  return input.logs.some((l) => l.lines.some((line) => {
    const error = parseDependencyError(line);
    const addr = error?.problem === 'timeout' && error.dependency !== undefined ? splitAddress(error.dependency) : undefined;
    return addr !== undefined && !own.has(addr.ip) && rules.some((r) => ruleAllows(r, addr.ip, addr.port) === 'yes' && /\d+\.\d+\.\d+\.\d+\/\d+/.test(r));
  }));
}

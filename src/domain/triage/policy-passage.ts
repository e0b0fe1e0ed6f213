/**
 * Whether the namespace's NetworkPolicies let the workload's pods through to a Service of the
 * namespace on the port they call: the callers' egress, and the ingress of the pods the Service
 * selects. A timeout is laid on a policy only while one may stop it; when both ends admit the
 * connection, naming a policy as what loses the packets sends the on-call the wrong way.
 * Only a sure "admitted" is told: a selector or a named port that cannot be judged here says nothing.
 */
import type { PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { ruleReach } from './caller-admission.js';
import type { Reach } from './egress-rules.js';
import { getPodLabels } from './service-match.js';

export interface PolicyPassage {
  /** "NetworkPolicy x admits these pods to Service y's pods on TCP 8080; no NetworkPolicy restricts their egress". */
  text: string;
}

/** Undefined when the policies were not read, or any of them might stop the connection. */
export function findPolicyPassage(ev: TriageEvidence, svc: ServiceEvidence, servicePort: number | undefined, callers: readonly PodEvidence[]): PolicyPassage | undefined {
  const policies = ev.networkPolicies;
  if (policies === undefined || ev.readFailures.some((f) => f.source === 'networkPolicies')) return undefined;
  if (Object.keys(svc.selector).length === 0 || callers.length === 0) return undefined;
  const labels = getPodLabels(ev);
  // Egress: only a namespace where no policy restricts these pods' egress is sure to let them out.
  if (policies.some((p) => p.policyTypes.includes('Egress') && reachesLabels(p.podSelector, p.podSelectorExpressions, labels) !== 'no')) return undefined;
  // Ingress: the Service's pods carry at least its selector's labels; a policy keyed on another label may select them too.
  const ingress = policies.filter((x) => x.policyTypes.includes('Ingress')).map((p) => ({ p, selects: selectsByServiceSelector(p.podSelector, p.podSelectorExpressions, svc.selector) }));
  const selecting = ingress.filter((x) => x.selects === 'yes').map((x) => x.p);
  const unsure = ingress.some((x) => x.selects === 'maybe');
  const egress = 'no NetworkPolicy restricts their egress';
  if (selecting.length === 0 && !unsure) return { text: `no NetworkPolicy selects Service ${svc.name}'s pods for ingress and ${egress}: no policy of the namespace stands between these pods and ${svc.name}` };
  // Policies add up: one that surely selects the pods and admits the callers lets them in, whatever the others say.
  const port = findPodPort(ev, svc, servicePort);
  if (port === undefined) return undefined;
  const caller = { namespace: ev.target.namespace, namespaceLabels: { 'kubernetes.io/metadata.name': ev.target.namespace }, podLabels: labels, ips: callers.flatMap((p) => p.podIPs ?? []) };
  const admitting = selecting.find((p) => (p.ingressRules ?? []).some((r) => ruleReach(r, ev.target.namespace, caller, port, []) === 'yes'));
  if (admitting === undefined) return undefined;
  return { text: `NetworkPolicy ${admitting.name} admits these pods to Service ${svc.name}'s pods on TCP ${port} and ${egress}` };
}

function reachesLabels(selector: Record<string, string>, expressions: readonly string[] | undefined, labels: Record<string, string>): Reach {
  if (expressions !== undefined && expressions.length > 0) return 'maybe';
  return Object.entries(selector).every(([k, v]) => labels[k] === v) ? 'yes' : 'no';
}

/** A policy's podSelector against the labels every pod of the Service has (its selector): a key it does not fix may be on them or not. */
function selectsByServiceSelector(selector: Record<string, string>, expressions: readonly string[] | undefined, known: Record<string, string>): Reach {
  if (expressions !== undefined && expressions.length > 0) return 'maybe';
  const entries = Object.entries(selector);
  if (entries.some(([k, v]) => known[k] !== undefined && known[k] !== v)) return 'no';
  return entries.every(([k, v]) => known[k] === v) ? 'yes' : 'maybe';
}

/** The pods' port a Service port leads to: its targetPort, or for a named one the number its EndpointSlices give that port. */
function findPodPort(ev: TriageEvidence, svc: ServiceEvidence, servicePort: number | undefined): number | undefined {
  const sp = servicePort === undefined ? (svc.ports.length === 1 ? svc.ports[0] : undefined) : svc.ports.find((p) => p.port === servicePort);
  if (sp === undefined || sp.protocol !== 'TCP') return undefined;
  if (typeof sp.targetPort === 'number') return sp.targetPort;
  const numbers = new Set(ev.endpointSlices.filter((s) => s.service === svc.name).flatMap((s) => s.ports.filter((p) => (p.name ?? '') === (sp.name ?? '')).map((p) => p.port)));
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

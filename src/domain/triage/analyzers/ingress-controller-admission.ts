/**
 * The ingress controller's connections to the workload's pods time out while connecting, and the
 * pods' ingress NetworkPolicies admit no rule for the controller: its namespace's labels, its
 * pods' labels or the port fail every peer. Names the policy and the selector term that fails,
 * with the namespace's actual labels and, when recent, when it was created (a re-installed
 * controller's Namespace carries only kubernetes.io/metadata.name: any hand-added label is gone).
 */
import type { TriageEvidence } from '../evidence.js';
import type { PeerNamespaceEvidence } from '../evidence-peer-namespace.js';
import type { Finding } from '../finding.js';
import { type CallerAdmission, type NearestPeer, checkCallerAdmission, describePeer } from '../caller-admission.js';
import { findUpstreamErrors, isConnectTimeout, readUpstreamPort } from '../ingress-upstream-errors.js';
import { formatKubectl } from '../kubectl-command.js';
import { HOUR_MS, formatAgo, msBetween } from '../time-span.js';
import { joinAnd, listFirst } from '../../text.js';

/** A namespace created or changed this recently is the change that dropped the label. */
const RECENT_MS = 7 * 24 * HOUR_MS;
/** The label the API server sets on every Namespace (Kubernetes 1.21+): a selector on it survives a re-creation. */
const NAME_LABEL = 'kubernetes.io/metadata.name';
const LABELS_SHOWN = 4;

function formatLabels(labels: Record<string, string>): string {
  const all = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return all.length === 0 ? 'no labels' : listFirst(all, LABELS_SHOWN);
}

/** "re-created 3h 4m ago", "last changed 40m ago", or nothing when neither is recent. */
function namespaceChange(ns: PeerNamespaceEvidence, check: CallerAdmission, now: string): { text: string; at: string } | undefined {
  const created = ns.createdAt;
  if (created !== undefined && msBetween(created, now) <= RECENT_MS) {
    // Younger than a policy that was written to admit it: it stood before, under the same name.
    const older = check.policies.some((p) => p.createdAt !== undefined && p.createdAt < created);
    return { text: `${older ? 're-created' : 'created'} ${formatAgo(created, now)}`, at: created };
  }
  if (ns.changedAt !== undefined && msBetween(ns.changedAt, now) <= RECENT_MS) return { text: `last changed ${formatAgo(ns.changedAt, now)}`, at: ns.changedAt };
  return undefined;
}

/** "has no label name", "has team=platform, not team=edge". */
function describeUnmet(n: NearestPeer): string {
  return joinAnd(n.unmet.map((u) => (u.have === undefined ? `no label ${u.key}` : `${u.key}=${u.have}, not ${u.term}`)));
}

/** The failing side's labels are all listed and none of the wanted keys is among them: the list says it already. */
function shownAll(n: NearestPeer, labels: Record<string, string>): boolean {
  return n.unmet.length > 0 && n.unmet.every((x) => x.have === undefined) && Object.keys(labels).length <= LABELS_SHOWN;
}

export function analyzeIngressControllerAdmission(ev: TriageEvidence): Finding[] {
  const ic = ev.ingressController;
  const ns = ic?.namespaceMeta;
  if (ic === undefined || ns === undefined || ic.podLabels === undefined) return [];
  const u = findUpstreamErrors(ev);
  if (u === undefined) return [];
  // The connect itself times out, on most of the errors: packets dropped, not a slow or refusing pod.
  const timeouts = u.errors.filter((e) => isConnectTimeout(e.message));
  const last = timeouts.at(-1);
  if (last === undefined || timeouts.length * 2 < u.errors.length) return [];
  const port = readUpstreamPort(last.line);
  const check = checkCallerAdmission({
    policies: ev.networkPolicies ?? [],
    policyNamespace: ev.target.namespace,
    pods: ev.pods,
    caller: { namespace: ns.name, namespaceLabels: ns.labels, podLabels: ic.podLabels, ips: ic.podIPs ?? [] },
    ...(port !== undefined ? { port } : {}),
  });
  if (check === undefined || check.admitted !== 'no') return [];

  const now = ev.collectedAt;
  const svc = ev.target.name;
  const near = check.nearest;
  const change = namespaceChange(ns, check, now);
  const names = check.policies.map((p) => p.name);
  const onPort = port !== undefined ? ` on port ${port}` : '';
  const nsDesc = `Namespace ${ns.name}${change ? `, ${change.text},` : ''} carries ${Object.keys(ns.labels).length === 1 ? 'only ' : ''}${formatLabels(ns.labels)}`;
  const podDesc = `the controller's pods carry ${formatLabels(ic.podLabels)}`;
  const nsSide = near === undefined || near.ownNamespaceOnly === true || near.unmet.some((x) => x.on === 'namespace');
  const why = near === undefined
    ? `no rule of ${joinAnd(names)} admits namespace ${ns.name} or the controller's pods${onPort}; ${nsDesc}`
    : near.ownNamespaceOnly
      ? `NetworkPolicy ${near.policy.name} admits the controller's pods by ${describePeer(near.peer)} with no namespaceSelector, which admits pods of namespace ${ev.target.namespace} only, not of ${ns.name}`
      : `NetworkPolicy ${near.policy.name} admits ${ic.controller} by ${describePeer(near.peer)}, but ${nsSide ? nsDesc : podDesc}${shownAll(near, nsSide ? ns.labels : ic.podLabels) ? '' : `: it has ${describeUnmet(near)}`}`;
  const failed = u.failed.length > 0 ? `${u.failed.length} of ${u.requests} requests ${[...new Set(u.failed.map((f) => f.status))].join('/')}` : `${timeouts.length} connect timeouts`;
  const title = `${ic.controller}'s connections to ${svc}'s pods${onPort} time out (${failed}: "${last.message ?? ''}"): ${why}; no rule of ${joinAnd(names).replace(/ and /, ' or ')} admits the controller, so its packets are dropped`;

  const target = near?.policy.name ?? names[0] ?? '';
  const hasName = ns.labels[NAME_LABEL] === ns.name;
  const fix = near === undefined
    ? `add an ingress rule admitting namespace ${ns.name} (namespaceSelector ${NAME_LABEL}=${ns.name}) to ${target}`
    : nsSide
      ? `select the controller's namespace in ${near.policy.name} by ${hasName ? `${NAME_LABEL}=${ns.name}, a label the API server sets on every Namespace` : 'a label it carries'} (or put ${near.unmet.filter((x) => x.on === 'namespace').map((x) => x.term).join(', ') || 'the label'} back on Namespace ${ns.name})`
      : `make the podSelector of ${near.policy.name} match the controller's pods (${formatLabels(ic.podLabels)})`;
  const ctl = { ...ev.target, namespace: ic.namespace };
  return [{
    id: `network-policy/ingress-controller/${target}`,
    kind: 'network-policy',
    title,
    layer: 'network/routing',
    severity: u.requests === 0 || u.failed.length * 2 >= u.requests ? 'critical' : 'warning',
    confidence: 'high',
    ...(last.message ? { decisive: last.message } : {}),
    evidence: [
      ...check.policies.map((p) => `NetworkPolicy ${p.name}: selects ${Object.keys(p.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(p.podSelector).map(([k, v]) => `${k}=${v}`).join(',')}; ingress: ${p.ingress.length === 0 ? 'none allowed' : p.ingress.join('; ')}`),
      `Namespace ${ns.name}: labels ${formatLabels(ns.labels)}${ns.createdAt ? `; created ${ns.createdAt} (${formatAgo(ns.createdAt, now)})` : ''}${ns.changedAt ? `; last changed ${formatAgo(ns.changedAt, now)}` : ''}`,
      `${ic.controller} pods (namespace ${ic.namespace}): labels ${formatLabels(ic.podLabels)}${ic.podIPs?.length ? `; addresses ${ic.podIPs.join(', ')}` : ''}`,
      ...timeouts.slice(-2).map((e) => `log ${ic.namespace}/${e.pod}: ${e.line}`),
      ...u.failed.slice(-1).map((f) => `log ${ic.namespace}/${f.pod}: ${f.line}`),
    ],
    likelyCause:
      `Once a NetworkPolicy selects pods for Ingress, only connections some rule admits get through; the rest are dropped, so the controller's connect times out (a slow pod would time out reading instead) while the pods stay Ready (the kubelet's probes are always let through). ${why}.` +
      (change?.text.startsWith('re-created') ? ` A Namespace deleted and created again (a re-install with --create-namespace) keeps only the labels its manifest or the API server gives it.` : ''),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the pods need no restart and a rollback would not help.`,
    fix,
    outsideWorkload: `the ingress NetworkPolicies and the controller's Namespace decide it, not the pod template: pods of any revision are cut off the same way`,
    ...(change && msBetween(change.at, now) <= RECENT_MS ? { datesChange: true as const } : {}),
    onset: change?.at ?? u.errors[0]?.at ?? now,
    confirmCommands: [
      formatKubectl(ev.target, `get networkpolicy ${target} -o yaml`),
      formatKubectl(ctl, `get namespace ${ns.name} --show-labels`, 'cluster'),
      formatKubectl(ctl, `logs ${last.pod} --tail=500 | grep "while connecting to upstream"`),
    ],
    affected: { services: u.upstreams.length > 0 ? u.upstreams : [svc] },
  }];
}

/**
 * A new or changed NetworkPolicy that selects the workload's pods for Ingress and admits only
 * some peers: the pods stay Ready (the kubelet's probes are always let through) and keep logging
 * their own work, but no caller's request has reached them since. The callers, not these pods,
 * log the failure (timeouts). Names the policy, whom it admits, and who called before it.
 */
import type { CallerPodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { findIngressCutoff } from '../ingress-cutoff.js';
import { formatAgo } from '../time-span.js';

/** "checkout-api, settlement-worker (namespace payments)". */
function describeCallers(callers: readonly CallerPodEvidence[]): string {
  const byNs = new Map<string, string[]>();
  for (const c of callers) byNs.set(c.namespace, unique([...(byNs.get(c.namespace) ?? []), c.owner?.replace(/^\w+ /, '') ?? c.pod]));
  return [...byNs].map(([ns, names]) => `${names.join(', ')} (namespace ${ns})`).join('; ');
}

export function analyzeIngressPolicies(ev: TriageEvidence): Finding[] {
  const cut = findIngressCutoff(ev);
  if (cut === undefined) return [];
  const { policy, changedAt, silence } = cut;
  const verb = policy.changedAt !== undefined ? 'changed' : 'created';
  const when = formatAgo(changedAt, ev.collectedAt);
  const scope = Object.keys(policy.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(policy.podSelector).map(([k, v]) => `${k}=${v}`).join(',');
  const rules = cut.admitting.flatMap((p) => p.ingress.map((r) => `${r} (${p.name})`));
  const admits = rules.length === 0 ? 'no ingress at all' : `ingress only ${cut.admitting.flatMap((p) => p.ingress).join('; ')}`;
  const callers = (ev.callerPods ?? []).filter((c) => silence.callers.includes(c.ip));
  const outside = callers.filter((c) => c.namespace !== ev.target.namespace);
  const who = callers.length > 0 ? describeCallers(callers) : silence.callers.slice(0, MAX_SHOWN).join(', ');
  const namespaces = unique(outside.map((c) => c.namespace));
  const fix = namespaces.length > 0
    ? `add an ingress rule to ${policy.name} for namespace ${namespaces.join(', ')} (or revert it)`
    : `add ingress rules to ${policy.name} for the callers it leaves out (or revert it)`;
  const pods = unique(ev.logs.filter((l) => !l.previous && ev.pods.some((p) => p.name === l.pod)).map((l) => l.pod));
  return [{
    id: `network-policy-ingress/${policy.name}`,
    kind: 'network-policy',
    title: `NetworkPolicy ${policy.name} (${verb} ${when}) selects ${scope} and admits ${admits}: no request has reached these pods since — the last came ${formatAgo(silence.lastRequest, ev.collectedAt)}${who ? `, from ${who}` : ''}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: callers.length > 0 ? 'high' : 'medium',
    evidence: [
      `NetworkPolicy ${policy.name}: selects ${scope}; types ${policy.policyTypes.join(', ')}; ${verb} ${when}`,
      ...(rules.length === 0 ? ['ingress: none allowed'] : rules.map((r) => `ingress: ${r}`)),
      `${silence.before} requests served before it, the last ${formatAgo(silence.lastRequest, ev.collectedAt)}; none after, while the same logs wrote ${silence.linesAfter} other lines`,
      ...callers.map((c) => `caller ${c.ip}: pod ${c.pod} in ${c.namespace}${c.owner ? ` (${c.owner})` : ''}`),
    ],
    likelyCause:
      `A NetworkPolicy that selects pods for Ingress drops every connection it does not admit. ${policy.name} appeared ${when} and admits ${admits}; the requests these pods served until then came from ${who || 'other peers'}, which it does not admit. ` +
      'The pods stay Ready because the kubelet\'s probes are always let through; the callers see connection timeouts, in their own logs, not in these.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the pods need no restart and the rollout is not involved.`,
    fix,
    onset: changedAt,
    confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`), formatKubectl(ev.target, `logs ${pods[0] ?? ''} --since=1h`)],
    affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
  }];
}

const MAX_SHOWN = 3;

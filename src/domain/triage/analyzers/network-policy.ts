import type { NetworkPolicyEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { getPodLabels, matchesLabels } from '../service-match.js';
import { HOUR_MS, formatAgo, msBetween } from '../time-span.js';
import { parseDependencyError } from './dependency-errors.js';

/** A policy changed this recently is a suspect for timeouts that began after it. */
const RECENT_POLICY_MS = 6 * HOUR_MS;

function selects(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  if (policy.podSelectorExpressions !== undefined && policy.podSelectorExpressions.length > 0) return true; // matched conservatively
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/** Whether the policy's egress rules name this port (a rule with no ports allows every port). */
function allowsPort(policy: NetworkPolicyEvidence, port: string | undefined): boolean {
  if (policy.egress.length === 0) return false;
  return policy.egress.some((rule) => / on all ports$/.test(rule) || (port !== undefined && new RegExp(`/(${port})\\b`).test(rule)));
}

/**
 * NetworkPolicies that restrict this workload's egress, created or changed recently, while its
 * logs show connections timing out (dropped packets look exactly like that). Names the policy,
 * when it appeared, what it still allows, and the dependencies it cuts off.
 */
export function analyzeNetworkPolicies(ev: TriageEvidence): Finding[] {
  const labels = getPodLabels(ev);
  const timeouts = ev.logs.flatMap((l) => l.lines.map((line) => ({ pod: l.pod, line, error: parseDependencyError(line) }))).filter((x) => x.error?.problem === 'timeout' || x.error?.problem === 'dns-unavailable');
  if (timeouts.length === 0) return [];
  const findings: Finding[] = [];
  for (const policy of ev.networkPolicies ?? []) {
    if (!policy.policyTypes.includes('Egress') || !selects(policy, labels)) continue;
    const changed = policy.changedAt ?? policy.createdAt;
    if (changed === undefined || msBetween(changed, ev.collectedAt) > RECENT_POLICY_MS) continue;
    const blocked = unique(timeouts.map((t) => t.error?.dependency).filter((d): d is string => d !== undefined && !allowsPort(policy, d.split(':')[1])));
    if (blocked.length === 0 && policy.egress.length > 0) continue;
    const pods = unique(timeouts.map((t) => t.pod));
    const podObjects = ev.pods.filter((p) => pods.includes(p.name));
    const allows = policy.egress.length === 0 ? 'no egress at all' : `egress only ${policy.egress.join('; ')}`;
    const verb = policy.changedAt !== undefined ? 'changed' : 'created';
    const last = timeouts[timeouts.length - 1];
    findings.push({
      id: `network-policy/${policy.name}`,
      kind: 'network-policy',
      title: `NetworkPolicy ${policy.name} (${verb} ${formatAgo(changed, ev.collectedAt)}) allows these pods ${allows}: connections to ${blocked.slice(0, 3).join(', ') || 'their dependencies'} time out`,
      layer: 'network/routing',
      severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
      confidence: 'high',
      evidence: [
        `NetworkPolicy ${policy.name}: selects ${Object.keys(policy.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(policy.podSelector).map(([k, v]) => `${k}=${v}`).join(',')}; types ${policy.policyTypes.join(', ')}; ${verb} ${formatAgo(changed, ev.collectedAt)}`,
        ...(policy.egress.length === 0 ? ['egress: none allowed'] : policy.egress.map((r) => `egress: ${r}`)),
        `${timeouts.length} timeout line${timeouts.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      ],
      decisive: last?.line.trim() ?? '',
      likelyCause: `A NetworkPolicy that selects pods for Egress drops every connection it does not allow; dropped packets show up as timeouts, not refusals. ${policy.name} appeared shortly before the timeouts${blocked.length > 0 ? ` and does not allow ${blocked.join(', ')}` : ''}.`,
      nextAction: `Add egress rules for ${blocked.join(', ') || 'the dependencies'} to ${policy.name} (or revert it through whoever owns it); the pods recover without a restart.`,
      fix: `allow egress to ${blocked.slice(0, 2).join(', ') || 'the dependencies'} in ${policy.name}`,
      confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`), formatKubectl(ev.target, 'get networkpolicy')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    });
  }
  return findings;
}

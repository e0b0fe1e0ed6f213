import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { parseDependencyError } from '../dependency-error-line.js';
import { getPodLabels } from '../service-match.js';
import { listEgressPolicies } from '../service-dnat.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/** Failed lookups before it counts: one is a blip. */
const MIN_LINES = 2;
/** The namespace the cluster DNS runs in. */
const DNS_NAMESPACE = 'kube-system';

/** Whether a rule's ports let DNS (53) through; a named port counts as yes. */
function allows53(rule: string): boolean {
  const ports = / on (.*)$/.exec(rule)?.[1] ?? 'all ports';
  if (ports === 'all ports') return true;
  return ports.split(', ').some((p) => {
    const spec = p.split('/')[1] ?? '';
    const range = /^(\d+)-(\d+)$/.exec(spec);
    return spec === '*' || spec === '53' || (range !== null && Number(range[1]) <= 53 && Number(range[2]) >= 53) || !/^\d+(-\d+)?$/.test(spec);
  });
}

/** The rule's peers: "pods k8s-app=kube-dns", "namespaces …", "10.0.0.0/8"… */
function peersOf(rule: string): string[] {
  const to = /^to (.*?) on /.exec(rule)?.[1] ?? /^to (.*)$/.exec(rule)?.[1] ?? 'anywhere';
  return to.split('; ');
}

/**
 * An egress NetworkPolicy whose only rule to port 53 names the DNS pods by a podSelector alone:
 * a peer with no namespaceSelector selects pods of the policy's own namespace only, so the cluster
 * DNS in kube-system is not allowed and every lookup times out. The fix is a namespaceSelector
 * next to the podSelector, not the DNS server.
 */
export function analyzeDnsEgressOwnNamespace(ev: TriageEvidence): Finding[] {
  const ns = ev.target.namespace;
  if (ns === DNS_NAMESPACE) return [];
  const labels = getPodLabels(ev);
  const mine = listEgressPolicies(ev.networkPolicies ?? [], labels);
  const rules = mine.flatMap((p) => p.egress.filter(allows53).map((rule) => ({ policy: p, rule })));
  if (rules.length === 0) return [];
  // Any rule to 53 whose peers reach beyond the own namespace (an ipBlock, a namespaceSelector, anywhere) may reach the DNS: no claim.
  if (rules.some((r) => peersOf(r.rule).some((p) => !p.startsWith('pods ')))) return [];
  const failing = ev.logs.flatMap((l) => l.lines.filter((line) => parseDependencyError(line)?.problem === 'dns-unavailable' || /[\d.]+:53: i\/o timeout/.test(line)).map((line) => ({ pod: l.pod, line })));
  if (failing.length < MIN_LINES) return [];
  const hit = rules[0]!;
  const policy = hit.policy;
  const changed = policy.changedAt ?? policy.createdAt;
  const when = changed === undefined ? '' : ` (${policy.changedAt ? 'changed' : 'created'} ${formatAgo(changed, ev.collectedAt)})`;
  const pods = unique(failing.map((f) => f.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const unready = podObjects.filter((p) => !p.ready).length;
  const peer = peersOf(hit.rule)[0] ?? '';
  return [
    {
      id: `network-policy/${policy.name}/dns-own-namespace`,
      kind: 'network-policy',
      title: `NetworkPolicy ${policy.name} allows DNS (port 53) only to ${peer} of namespace ${ns}: its rule has a podSelector and no namespaceSelector, so the cluster DNS in ${DNS_NAMESPACE} is not allowed and every lookup times out`,
      layer: 'network/routing',
      severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
      confidence: 'high',
      datesChange: true,
      evidence: [
        `NetworkPolicy ${policy.name}${when}: egress ${hit.rule}; no rule of the policies that select these pods allows port 53 to another namespace`,
        `${failing.length} failed lookup${failing.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      ],
      decisive: condenseStructuredLine(failing.at(-1)?.line.trim() ?? ''),
      likelyCause: `A NetworkPolicy peer with a podSelector and no namespaceSelector selects pods of the policy's own namespace (${ns}) only. The cluster DNS pods run in ${DNS_NAMESPACE}, so ${policy.name} drops every query to them and lookups time out; the DNS server itself is fine.`,
      nextAction: `Add a namespaceSelector (kubernetes.io/metadata.name: ${DNS_NAMESPACE}) next to the podSelector in ${policy.name}'s DNS rule; lookups succeed again without a restart.`,
      fix: `add namespaceSelector kubernetes.io/metadata.name=${DNS_NAMESPACE} to the DNS rule of ${policy.name}`,
      confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

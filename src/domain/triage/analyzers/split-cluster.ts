/**
 * A split cluster (cluster-view.ts): Ready replicas that each hold a smaller cluster view than
 * there are replicas. Then why the members cannot reach one another: the namespace's ingress
 * NetworkPolicies that select the pods, checked for the pods themselves as callers on the port the
 * members talk on. When no rule admits them, the policy is the cause, and the newest of them the
 * trigger; a rollout that only replaced the pods is not, for any pods they start stay apart.
 */
import type { NetworkPolicyEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { checkCallerAdmission } from '../caller-admission.js';
import { type SplitCluster, findSplitCluster } from '../cluster-view.js';
import { formatKubectl } from '../kubectl-command.js';
import { findOwnAccountRefusal } from '../own-account-refused.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { joinAnd } from '../../text.js';

/** The label the API server puts on every Namespace: the only namespace label known without reading the Namespace. */
const NAME_LABEL = 'kubernetes.io/metadata.name';

const formatLabels = (labels: Record<string, string>): string => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');

interface MemberBlock {
  /** The ingress policies that select the pods; none admits the pods themselves on the member port. */
  policies: NetworkPolicyEvidence[];
  /** The newest of them, and when it was made or changed. */
  newest: NetworkPolicyEvidence;
  changedAt: string;
}

/** The pods' own ingress policies, when they surely keep the members out of one another on `port`. */
function findMemberBlock(ev: TriageEvidence, split: SplitCluster): MemberBlock | undefined {
  const port = split.port?.containerPort;
  const pod = ev.pods.find((p) => p.ready);
  if (port === undefined || pod === undefined) return undefined;
  const ns = ev.target.namespace;
  const check = checkCallerAdmission({
    policies: ev.networkPolicies ?? [],
    policyNamespace: ns,
    pods: ev.pods,
    caller: { namespace: ns, namespaceLabels: { [NAME_LABEL]: ns }, podLabels: pod.labels, ips: ev.pods.flatMap((p) => p.podIPs ?? []) },
    port,
  });
  if (check === undefined || check.admitted !== 'no') return undefined;
  // A namespaceSelector on any other label of our own namespace cannot be judged without reading it: no claim.
  const peers = check.policies.flatMap((p) => (p.ingressRules ?? []).flatMap((r) => r.from));
  if (peers.some((x) => x.namespaceSelector && [...Object.keys(x.namespaceSelector.matchLabels), ...(x.namespaceSelector.matchExpressions ?? []).map((e) => e.key)].some((k) => k !== NAME_LABEL))) return undefined;
  const dated = check.policies.flatMap((p) => {
    const at = p.changedAt ?? p.createdAt;
    return at === undefined ? [] : [{ p, at }];
  }).sort((a, b) => b.at.localeCompare(a.at));
  const first = dated[0];
  return first === undefined ? undefined : { policies: check.policies, newest: first.p, changedAt: first.at };
}

export function analyzeSplitCluster(ev: TriageEvidence): Finding[] {
  const split = findSplitCluster(ev.logs, ev.pods);
  if (split === undefined) return [];
  const block = findMemberBlock(ev, split);
  // Members refused their peer discovery by the API server: own-account-refused tells that story.
  if (block === undefined && findOwnAccountRefusal(ev.logs, ev.pods, ev.target.namespace) !== undefined) return [];
  const now = ev.collectedAt;
  const sizes = [...new Set(split.views.map((v) => v.size))];
  const alone = sizes.length === 1 && sizes[0] === 1;
  const members = `${split.library ? `${split.library} ` : ''}members`;
  const sees = alone ? 'sees only itself, a cluster of 1' : `sees a cluster of ${joinAnd(sizes.map(String)).replace(' and ', ' or ')}`;
  const quoted = (split.views[0]?.line ?? '').slice(0, 120);
  // Logs are read from a few pods: say how many spoke, of how many are Ready.
  const scope = split.views.length === split.ready
    ? `each of the ${split.ready} Ready ${members} ${sees} ("${quoted}")`
    : `each of the ${split.views.length} ${members} whose logs were read (of ${split.ready} Ready) ${sees} ("${quoted}")`;
  const port = split.port;
  const portText = port ? `TCP ${port.containerPort}${port.name ? ` (${port.name})` : ''}` : 'their member port';
  const selector = ev.workload?.selector && Object.keys(ev.workload.selector).length > 0 ? ev.workload.selector : {};
  const own = Object.keys(selector).length > 0 ? `podSelector ${formatLabels(selector)}` : 'the workload\'s own pods';
  const pods = split.views.map((v) => v.pod);
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const shared = 'what the members were meant to share (an embedded cache, sessions, locks) is split, so users see stale or inconsistent data while every pod stays Ready';

  if (block === undefined) {
    const fix = `find what keeps the members from reaching one another on ${portText} (a NetworkPolicy, the discovery service or its permissions), then restart them so they join one cluster`;
    return [{
      id: 'split-cluster/unexplained',
      kind: 'cluster-state',
      title: `Split cluster: ${scope} — the members do not find one another`,
      layer: 'network/routing',
      severity: 'warning',
      confidence: 'medium',
      evidence: split.views.map((v) => `log ${v.pod}: ${v.line.slice(0, 200)}`),
      likelyCause: `Each member formed its own cluster: ${shared}. No NetworkPolicy read here keeps them apart; the members' discovery and connect lines say why they did not join.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=300`), formatKubectl(ev.target, 'get networkpolicy -o wide')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    }];
  }

  const names = block.policies.map((p) => p.name);
  const target = block.policies.find((p) => Object.keys(p.podSelector).length > 0 && p.ingress.length > 0) ?? block.newest;
  const fix = `allow ${portText} from the members themselves (${own}) in NetworkPolicy ${target.name}`;
  return [{
    id: `split-cluster/${names.join(',')}`,
    kind: 'network-policy',
    title: `Split cluster: ${scope} — ${joinAnd(names)} admit${names.length === 1 ? 's' : ''} no ingress on ${portText} from the pods themselves, so no member reaches another`,
    datesChange: true,
    outsideWorkload: 'the NetworkPolicy keeps any pods it selects apart, of any revision: a rollout that replaced the pods only made them form their clusters again',
    onset: block.changedAt,
    layer: 'network/routing',
    severity: 'critical',
    confidence: 'high',
    decisive: quoted,
    evidence: [
      ...block.policies.map((p) => `NetworkPolicy ${p.name}: selects ${Object.keys(p.podSelector).length === 0 ? 'every pod of the namespace' : formatLabels(p.podSelector)}; ingress: ${p.ingress.length === 0 ? 'none allowed' : p.ingress.join('; ')}; ${p.changedAt ? `changed ${formatAgo(p.changedAt, now)}` : p.createdAt ? `created ${formatAgo(p.createdAt, now)}` : ''}`),
      `member port: ${portText}, declared by the pods' containers and named in their own addresses`,
      ...split.views.map((v) => `log ${v.pod}: ${v.line.slice(0, 200)}`),
    ],
    likelyCause:
      `Once a NetworkPolicy selects pods for Ingress, only what some rule admits gets in. No rule of ${joinAnd(names)} admits the workload's own pods on ${portText}, the port its members connect to one another on, so every connect between members is dropped and each started a cluster of its own: ${shared}. ` +
      "The kubelet's probes are always let through, so the pods stay Ready; the members' connect timeouts are logged at INFO or WARN.",
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}, then restart the pods one at a time so they join one cluster; no rollback, the revision is not involved.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${names.join(' ')} -o yaml`), formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=300`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}

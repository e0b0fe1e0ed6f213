import type { NodeEvidence, PlacementEvidence, PodEvidence, TopologySpreadEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { matchesPlacement, untoleratedTaints } from './placement.js';
import { domainWord, formatSpreadConstraint } from './spread-min-domains.js';
import type { SpreadExplanation } from './spread-missing-label.js';

interface Domain {
  value: string;
  nodes: NodeEvidence[];
  /** The workload's placed pods on its nodes. */
  pods: number;
  /** Every node of the domain is cordoned or tainted against these pods: it can take none of them. */
  closed: boolean;
}

/** When the node was cordoned: its NodeNotSchedulable event, else the unschedulable taint's timeAdded. */
function cordonedAt(ev: TriageEvidence, n: NodeEvidence): string | undefined {
  const event = ev.events.filter((e) => e.object.kind === 'Node' && e.object.name === n.name && e.reason === 'NodeNotSchedulable').map((e) => e.firstSeen).sort()[0];
  return event ?? n.taints.find((t) => t.key === 'node.kubernetes.io/unschedulable')?.timeAdded;
}

function domainsOf(ev: TriageEvidence, c: TopologySpreadEvidence, placement: PlacementEvidence, nodes: readonly NodeEvidence[]): Domain[] {
  const placed = ev.pods.filter((p) => p.nodeName !== undefined && p.deletionTimestamp === undefined && (p.phase === 'Running' || p.phase === 'Pending' || p.phase === 'Unknown'));
  // nodeAffinityPolicy Honor (the default): only the nodes the pods' selector/affinity admit form domains.
  const eligible = nodes.filter((n) => matchesPlacement(n, placement) && n.labels?.[c.topologyKey] !== undefined);
  return unique(eligible.map((n) => n.labels?.[c.topologyKey] ?? '')).sort().map((value) => {
    const members = eligible.filter((n) => n.labels?.[c.topologyKey] === value);
    const names = new Set(members.map((n) => n.name));
    return {
      value,
      nodes: members,
      pods: placed.filter((p) => names.has(p.nodeName ?? '')).length,
      closed: members.every((n) => n.unschedulable || untoleratedTaints(n, placement).some((t) => t.effect !== 'PreferNoSchedule')),
    };
  });
}

/**
 * A domain that can take no pod still counts: with nodeTaintsPolicy Ignore (the default), a zone
 * whose only nodes are cordoned (or tainted against the pods) stays a domain of a DoNotSchedule
 * spread constraint, holding the global minimum of matching pods, so every open domain already
 * sits maxSkew above it and refuses the next pod. Counts the workload's own placed pods (what the
 * constraint's selector normally matches); needs the cluster's nodes. Undefined when no closed
 * domain holds the minimum, or when an open domain could still take a pod.
 */
export function explainSpreadClosedDomain(ev: TriageEvidence, pending: readonly PodEvidence[]): SpreadExplanation | undefined {
  const placement = pending.find((p) => p.placement?.topologySpread !== undefined)?.placement;
  const nodes = ev.clusterNodes ?? [];
  if (placement === undefined || nodes.length === 0) return undefined;
  for (const c of placement.topologySpread ?? []) {
    if (c.whenUnsatisfiable !== 'DoNotSchedule' || c.nodeTaintsPolicy === 'Honor') continue;
    const domains = domainsOf(ev, c, placement, nodes);
    const open = domains.filter((d) => !d.closed);
    const closed = domains.filter((d) => d.closed);
    if (open.length === 0 || closed.length === 0) continue;
    const min = Math.min(...domains.map((d) => d.pods));
    // The closed domain sets the minimum, and every open domain would exceed maxSkew with one more pod.
    const low = closed.filter((d) => d.pods === min);
    if (low.length === 0 || !open.every((d) => d.pods + 1 - min > c.maxSkew)) continue;
    // Without the closed domains the pods would fit: the open ones are within maxSkew of each other.
    const openMin = Math.min(...open.map((d) => d.pods));
    if (!open.some((d) => d.pods + 1 - openMin <= c.maxSkew)) continue;
    return describe(ev, c, low, open);
  }
  return undefined;
}

function describe(ev: TriageEvidence, c: TopologySpreadEvidence, low: readonly Domain[], open: readonly Domain[]): SpreadExplanation {
  const word = domainWord(c.topologyKey, 1);
  const first = low[0] as Domain;
  const nodeList = first.nodes.slice(0, 3).map((n) => n.name).join(', ');
  const cordoned = first.nodes.every((n) => n.unschedulable);
  const how = cordoned ? 'cordoned' : 'tainted against these pods';
  const at = first.nodes.map((n) => cordonedAt(ev, n)).filter((t): t is string => t !== undefined).sort()[0];
  const since = cordoned && at !== undefined ? ` ${formatAgo(at, ev.collectedAt)}` : '';
  const one = first.nodes.length === 1;
  const only = one ? `the only node of ${word} ${first.value}, ${nodeList},` : `all ${first.nodes.length} nodes of ${word} ${first.value} (${nodeList})`;
  const verb = `${since ? (one ? 'was' : 'were') : one ? 'is' : 'are'} ${how}${since}`;
  const counts = [...low, ...open].map((d) => `${d.value} ${d.pods}`).join(', ');
  const others = open.map((d) => d.value).join(', ');
  return {
    detail: `${only} ${verb}, yet the ${word} still counts for the spread with ${first.pods} of these pods, so maxSkew ${c.maxSkew} bars ${others}`,
    evidence: [
      `pods of the workload per ${word}: ${counts}; ${word} ${first.value} can take none (${nodeList} ${how}${since})`,
      `nodeTaintsPolicy is Ignore (the default): a cordoned or tainted node's ${word} still counts as a domain for the skew`,
    ],
    cause: `The pods spread over ${c.topologyKey} (${formatSpreadConstraint(c)}). ${only.charAt(0).toUpperCase()}${only.slice(1)} ${verb}, yet with nodeTaintsPolicy Ignore (the default) ${word} ${first.value} still counts as a domain, holding ${first.pods} of these pods: the global minimum. Every other ${word} (${others}) already holds maxSkew more, so one more pod there would exceed the skew and the scheduler refuses it, whatever room the nodes have. Not capacity: more nodes in ${others} will not help.`,
    action: `${cordoned ? `Uncordon ${nodeList} if its maintenance is done` : `Lift the taint from ${nodeList} if it is no longer needed`}, or bring up a schedulable node in ${word} ${first.value}; else set nodeTaintsPolicy: Honor (so cordoned/tainted nodes drop out of the spread) or whenUnsatisfiable: ScheduleAnyway in the pod template. The pending pods then schedule by themselves.`,
    fix: `${cordoned ? 'uncordon' : 'untaint'} ${nodeList} or replace it with a schedulable node in ${word} ${first.value} (or set nodeTaintsPolicy: Honor / ScheduleAnyway)`,
    confirm: [formatKubectl(ev.target, `get nodes -L ${c.topologyKey}`, 'cluster')],
  };
}

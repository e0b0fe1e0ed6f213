import type { NodeEvidence, PodEvidence, TopologySpreadEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { matchesPlacement } from './placement.js';
import type { SpreadExplanation } from './spread-missing-label.js';

/** `topology.kubernetes.io/zone maxSkew 2, DoNotSchedule, minDomains 3`: the constraint as the template sets it. */
export function formatSpreadConstraint(c: TopologySpreadEvidence): string {
  return `topologyKey ${c.topologyKey}, maxSkew ${c.maxSkew}, whenUnsatisfiable ${c.whenUnsatisfiable}${c.minDomains !== undefined ? `, minDomains ${c.minDomains}` : ''}`;
}

/** The short word for a domain of the key: zone, node, region; else "domains of <key>". */
export function domainWord(key: string, n: number): string {
  const word = /zone$/.test(key) ? 'zone' : /region$/.test(key) ? 'region' : key === 'kubernetes.io/hostname' ? 'node' : undefined;
  return word === undefined ? `value${n === 1 ? '' : 's'} of ${key}` : `${word}${n === 1 ? '' : 's'}`;
}

/** The pods' spread constraints, one evidence line each: what "didn't match pod topology spread constraints" refers to. */
export function stateSpreadConstraints(pending: readonly PodEvidence[]): string[] {
  const constraints = pending.find((p) => p.placement?.topologySpread !== undefined)?.placement?.topologySpread ?? [];
  return constraints.map((c) => `the pods' topology spread constraint: ${formatSpreadConstraint(c)}`);
}

/**
 * The minDomains trap: while fewer eligible domains exist than minDomains, the scheduler takes the
 * global minimum as 0, so each domain holds at most maxSkew matching pods whatever room its nodes
 * have. Counts domains only over the nodes the pods' selector/affinity admit (the scheduler's
 * default nodeAffinityPolicy). Undefined when the pods carry no constraint; the domain count is
 * only claimed when the cluster's nodes were read.
 */
export function explainSpreadTooFewDomains(ev: TriageEvidence, pending: readonly PodEvidence[]): SpreadExplanation | undefined {
  const placement = pending.find((p) => p.placement?.topologySpread !== undefined)?.placement;
  const constraints = placement?.topologySpread ?? [];
  if (placement === undefined || constraints.length === 0) return undefined;
  const nodes: readonly NodeEvidence[] = ev.clusterNodes ?? [];
  const short = nodes.length === 0 ? undefined : constraints
    .filter((c) => c.whenUnsatisfiable === 'DoNotSchedule' && c.minDomains !== undefined && c.minDomains > 1)
    .map((c) => ({ c, domains: unique(nodes.filter((n) => matchesPlacement(n, placement)).flatMap((n) => { const v = n.labels?.[c.topologyKey]; return v === undefined ? [] : [v]; })).sort() }))
    .find(({ c, domains }) => domains.length > 0 && domains.length < (c.minDomains ?? 0));
  if (short === undefined) return undefined;
  const { c, domains } = short;
  const d = domains.length;
  const spans = `${d} ${domainWord(c.topologyKey, d)} (${domains.join(', ')})`;
  return {
    detail: `minDomains ${c.minDomains} but the nodes span ${spans}`,
    evidence: [`the nodes the pods may use span ${spans} of ${c.topologyKey}, fewer than minDomains ${c.minDomains}`],
    cause: `The pods' topology spread constraint (${formatSpreadConstraint(c)}) asks for at least ${c.minDomains} ${domainWord(c.topologyKey, 2)}, but the nodes span only ${spans}. With fewer eligible domains than minDomains the scheduler takes the global minimum as 0, so each ${domainWord(c.topologyKey, 1)} may hold at most maxSkew (${c.maxSkew}) of these pods: once they are full, further pods stay Pending whatever CPU and memory the nodes have. Not capacity in the usual sense: more nodes in the same ${domainWord(c.topologyKey, 2)} will not help.`,
    action: `Set minDomains to ${d} (or drop it, or use whenUnsatisfiable: ScheduleAnyway) in the pod template's topologySpreadConstraints, or add nodes in another ${domainWord(c.topologyKey, 1)} to the pool; the pending pods then schedule by themselves.`,
    fix: `set minDomains to ${d} (or drop it / use ScheduleAnyway), or add a ${domainWord(c.topologyKey, 1)} to the node pool`,
    confirm: [formatKubectl(ev.target, `get nodes -L ${c.topologyKey}`, 'cluster')],
  };
}

import type { NodeEvidence, PlacementEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { nodePoolOf } from '../node-pool.js';
import { unique } from '../pod-status.js';
import { matchesPlacement, untoleratedTaints } from './placement.js';

/** Why pods spread over a topology key wait (nodes lacking the key's label, too few domains for minDomains), and what lets them in. */
export interface SpreadExplanation {
  /** Said after the scheduler's reasons in the title. */
  detail: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  /** Never set: a revision may have added the constraint, so the rollout is not cleared here. */
  outsideWorkload?: undefined;
  confirm: string[];
}

const LISTED = 4;

function listNodes(nodes: readonly NodeEvidence[]): string {
  const names = nodes.slice(0, LISTED).map((n) => n.name).join(', ');
  return nodes.length > LISTED ? `${names}, …` : names;
}

/** Nodes the pods could use but for the spread: schedulable, matching their selector, taints tolerated. */
function isCandidate(n: NodeEvidence, placement: PlacementEvidence): boolean {
  return !n.unschedulable && matchesPlacement(n, placement) && untoleratedTaints(n, placement).length === 0;
}

/**
 * "missing required label": a DoNotSchedule topology spread constraint counts only nodes that
 * carry its topologyKey, so a node without that label (a new pool, on-prem or bare-metal nodes) is
 * filtered out whatever room it has. Names the key and the nodes without it; undefined when the
 * pods spread over no such key or every candidate node has it.
 */
export function explainSpreadMissingLabel(ev: TriageEvidence, pending: readonly PodEvidence[]): SpreadExplanation | undefined {
  const placement = pending.find((p) => p.placement?.topologySpread !== undefined)?.placement;
  const keys = unique((placement?.topologySpread ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map((c) => c.topologyKey));
  if (placement === undefined || keys.length === 0) return undefined;
  const candidates = (ev.clusterNodes ?? []).filter((n) => isCandidate(n, placement));
  const found = keys.map((key) => ({ key, lacking: candidates.filter((n) => n.labels?.[key] === undefined) })).find((k) => k.lacking.length > 0);
  if (found === undefined) return undefined;
  const { key, lacking } = found;
  const pools = unique(lacking.flatMap((n) => { const p = nodePoolOf(n); return p === undefined ? [] : [p]; }));
  const inPool = pools.length === 1 ? ` (pool ${pools[0] ?? ''})` : '';
  const n = lacking.length;
  const nodes = listNodes(lacking);
  const first = lacking[0]?.name ?? '<node>';
  return {
    detail: `${n} schedulable node${n === 1 ? '' : 's'} lack${n === 1 ? 's' : ''} label ${key} (${nodes})${inPool}`,
    evidence: [
      `the pods' topology spread constraint: whenUnsatisfiable: DoNotSchedule on ${key}`,
      `nodes without label ${key}: ${nodes}${inPool}`,
    ],
    cause: `The pods' topology spread constraint (whenUnsatisfiable: DoNotSchedule on ${key}) counts only nodes that carry that label, and ${n === 1 ? 'node' : 'nodes'} ${nodes}${inPool}, which could take the pods, ${n === 1 ? 'has' : 'have'} none: the scheduler filters ${n === 1 ? 'it' : 'them'} out ("missing required label") whatever room ${n === 1 ? 'it has' : 'they have'}. Not capacity: the nodes the label leaves are cordoned, tainted or do not match.`,
    action: `Label ${nodes} with ${key} (\`kubectl label node ${first} ${key}=<value>\`, and in the node group's kubelet labels so new nodes get it), or set whenUnsatisfiable: ScheduleAnyway on the constraint; the pods then schedule by themselves.`,
    fix: `label ${nodes} with ${key}, or set whenUnsatisfiable: ScheduleAnyway on the constraint`,
    confirm: [formatKubectl(ev.target, `get nodes -L ${key}`, 'cluster')],
  };
}

/**
 * Pods refused for "Insufficient memory" (or cpu) on nodes that offer only a small part of what
 * they have: a node's allocatable is its capacity less the kubelet's kube-reserved,
 * system-reserved and hard eviction threshold, which take a few percent (up to ~10% of memory on
 * small nodes). When every node the pods may use keeps less than half its capacity allocatable,
 * the kubelet configuration of those nodes (a reservation with a digit too many in a launch
 * template or node pool config) is what leaves no room, and more nodes of the same group would
 * bring the same small room: their kubelet config is the fix, not the node group's size.
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { nodePoolOf } from '../node-pool.js';
import { formatBytes, formatCpu, parseQuantity } from '../quantity.js';
import { isSchedulable, matchesPlacement, untoleratedTaints } from './placement.js';
import type { PendingExplanation } from '../pending-explanation.js';

/** Below this share of capacity allocatable, the reservation is no ordinary one (those keep ~90%+). */
export const RESERVED_SHARE = 0.5;

/** Pods refused room on nodes whose kubelet reserves most of it: "node pool X: allocatable memory 5.8Gi of 62Gi capacity per node (9%): …". */
export type KubeletReserved = PendingExplanation & { decisive: string };

function share(n: NodeEvidence, resource: string): { allocatable: number; capacity: number } | undefined {
  const allocatable = parseQuantity(n.allocatable[resource]);
  const capacity = parseQuantity(n.capacity?.[resource]);
  return allocatable === undefined || capacity === undefined || capacity <= 0 ? undefined : { allocatable, capacity };
}

/** The nodes these pods may use: their placement, their tolerations, schedulable. */
export function usableNodes(ev: TriageEvidence, pod: PodEvidence): NodeEvidence[] {
  const nodes = ev.clusterNodes ?? [];
  const p = pod.placement;
  return nodes.filter((n) => isSchedulable(n) && (p === undefined || (matchesPlacement(n, p) && untoleratedTaints(n, p).length === 0)));
}

/**
 * `resources`: what the scheduler found insufficient ("memory", "cpu"). Undefined unless every node
 * the pods may use keeps less than RESERVED_SHARE of that resource's capacity allocatable.
 */
export function explainKubeletReserved(ev: TriageEvidence, pending: readonly PodEvidence[], resources: readonly string[]): KubeletReserved | undefined {
  const first = pending[0];
  if (first === undefined) return undefined;
  const usable = usableNodes(ev, first);
  if (usable.length === 0) return undefined;
  for (const resource of resources.filter((r) => r === 'memory' || r === 'cpu')) {
    const shares = usable.map((n) => ({ node: n, s: share(n, resource) }));
    if (!shares.every((x) => x.s !== undefined && x.s.allocatable < RESERVED_SHARE * x.s.capacity)) continue;
    const fmt = (v: number) => (resource === 'memory' ? formatBytes(v) : `${formatCpu(v)} CPU`);
    const [head] = shares;
    const s = head?.s;
    if (head === undefined || s === undefined) continue;
    const pools = [...new Set(usable.map(nodePoolOf))];
    const pool = pools.length === 1 ? pools[0] : undefined;
    const where = pool !== undefined ? `node pool ${pool}` : usable.length === 1 ? `node ${head.node.name}` : `nodes ${usable.slice(0, 3).map((n) => n.name).join(', ')}${usable.length > 3 ? ' …' : ''}`;
    const pct = Math.round((100 * s.allocatable) / s.capacity);
    const sameSize = shares.every((x) => x.s?.allocatable === s.allocatable && x.s?.capacity === s.capacity);
    const perNode = usable.length > 1 && sameSize ? ' per node' : '';
    const reserved = s.capacity - s.allocatable;
    const target = pool !== undefined ? `node pool ${pool}` : 'those nodes';
    return {
      detail: `${where}: allocatable ${resource} ${fmt(s.allocatable)} of ${fmt(s.capacity)} capacity${perNode} (${pct}%): the kubelet's reservations (kube-reserved/system-reserved, eviction threshold) hold the rest`,
      decisive: `${head.node.name}: allocatable ${resource} ${head.node.allocatable[resource] ?? '?'} of capacity ${head.node.capacity?.[resource] ?? '?'}`,
      evidence: [
        ...shares.slice(0, 3).map((x) => `node ${x.node.name}${nodePoolOf(x.node) ? ` (${nodePoolOf(x.node)})` : ''}: allocatable ${resource} ${x.node.allocatable[resource] ?? '?'} of capacity ${x.node.capacity?.[resource] ?? '?'} (${x.s ? Math.round((100 * x.s.allocatable) / x.s.capacity) : '?'}%)`),
        `the kubelet withholds ${fmt(reserved)} of ${resource} on ${usable.length === 1 ? 'that node' : 'each such node'}; an ordinary reservation keeps 90% or more allocatable (this reading needs less than ${Math.round(RESERVED_SHARE * 100)}% on every node the pods may use)`,
      ],
      cause:
        `The scheduler places pods against a node's allocatable, which is its capacity less the kubelet's kube-reserved, system-reserved and hard eviction threshold — ordinarily a few percent. ` +
        `On ${target} they withhold ${fmt(reserved)} of ${fmt(s.capacity)} ${resource}, so the nodes look full with little running on them: a kubelet configuration error ` +
        `(a reservation mistyped in the launch template, user data or node pool config), not a lack of nodes. More nodes of the same group bring the same small room.`,
      action: `Correct the kubelet reservations (--kube-reserved / --system-reserved / evictionHard) in the config of ${target} and roll its nodes; raising the node group maximum only adds more nodes with the same small allocatable.`,
      fix: `correct the kubelet's kube-reserved/system-reserved in the config of ${target} and roll its nodes (more such nodes would not help)`,
      outsideWorkload: `pods of any revision find the same small allocatable on ${target}`,
      confirm: [formatKubectl(ev.target, `get node ${head.node.name} -o jsonpath='{.status.capacity}{"\\n"}{.status.allocatable}'`, 'cluster')],
    };
  }
  return undefined;
}

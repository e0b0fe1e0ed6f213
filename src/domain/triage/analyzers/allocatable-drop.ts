/**
 * Pods refused for "Insufficient memory" (or cpu) after a node group was replaced: the new nodes
 * have the same capacity as the older ones left (cordoned, or of the same pool) but less
 * allocatable — their kubelet reserves more (a new image's bootstrap, a changed launch template) —
 * so fewer of the pods fit on each. The reservation of the new nodes is the change, not the pods.
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { nodePoolOf } from '../node-pool.js';
import { formatBytes, formatCpu, parseQuantity } from '../quantity.js';
import { formatAgo } from '../time-span.js';
import { isSchedulable, matchesPlacement, untoleratedTaints } from './placement.js';
import type { PendingExplanation } from '../pending-explanation.js';

export type AllocatableDrop = PendingExplanation & { decisive: string };

function amount(n: NodeEvidence, resource: string, field: 'allocatable' | 'capacity'): number | undefined {
  return parseQuantity(field === 'allocatable' ? n.allocatable[resource] : n.capacity?.[resource]);
}

function requestOf(pod: PodEvidence, resource: string): number {
  return pod.containers.reduce((sum, c) => sum + (parseQuantity(c.resources.requests[resource]) ?? 0), 0);
}

/**
 * `resources`: what the scheduler found insufficient. Undefined unless every node the pods may use
 * is newer than an older node of the same placement and capacity whose allocatable held more of the pods.
 */
export function explainAllocatableDrop(ev: TriageEvidence, pending: readonly PodEvidence[], resources: readonly string[]): AllocatableDrop | undefined {
  const first = pending[0];
  const p = first?.placement;
  if (first === undefined || p === undefined) return undefined;
  const fits = (n: NodeEvidence) => matchesPlacement(n, p);
  const nodes = (ev.clusterNodes ?? []).filter(fits);
  const usable = nodes.filter((n) => isSchedulable(n) && untoleratedTaints(n, p).length === 0);
  for (const resource of resources.filter((r) => r === 'memory' || r === 'cpu')) {
    const request = requestOf(first, resource);
    const [head] = usable;
    const capacity = head ? amount(head, resource, 'capacity') : undefined;
    const now = head ? amount(head, resource, 'allocatable') : undefined;
    if (head === undefined || request <= 0 || capacity === undefined || now === undefined) continue;
    // One generation of usable nodes: the same capacity and allocatable on each.
    if (!usable.every((n) => amount(n, resource, 'capacity') === capacity && amount(n, resource, 'allocatable') === now)) continue;
    const newest = usable.map((n) => n.createdAt ?? '').sort()[0] ?? '';
    const older = nodes.filter((n) => !usable.includes(n) && (n.createdAt ?? '') !== '' && (n.createdAt ?? '') < newest && amount(n, resource, 'capacity') === capacity && (amount(n, resource, 'allocatable') ?? 0) > now);
    const old = older[0];
    const before = old ? amount(old, resource, 'allocatable') : undefined;
    if (old === undefined || before === undefined) continue;
    // Only a drop that fits fewer of these pods on a node explains their waiting.
    const perNodeNow = Math.floor(now / request);
    const perNodeBefore = Math.floor(before / request);
    if (perNodeNow >= perNodeBefore) continue;
    const fmt = (v: number) => (resource === 'memory' ? formatBytes(v) : `${formatCpu(v)} CPU`);
    const pool = nodePoolOf(head);
    const target = pool !== undefined ? `node pool ${pool}` : 'the new nodes';
    const since = head.createdAt ? ` (created ${formatAgo(newest, ev.collectedAt)})` : '';
    const pods = (k: number) => `${k} pod${k === 1 ? '' : 's'}`;
    return {
      detail: `the new nodes of ${target}${since} keep allocatable ${resource} ${fmt(now)} of the same ${fmt(capacity)} capacity, ${fmt(before - now)} less than older node ${old.name} (${fmt(before)}): their kubelet reserves more (kube-reserved/system-reserved), so ${pods(perNodeNow)} of ${fmt(request)} fit${perNodeNow === 1 ? 's' : ''} per node instead of ${perNodeBefore}`,
      decisive: `${head.name}: allocatable ${resource} ${head.allocatable[resource] ?? '?'} of capacity ${head.capacity?.[resource] ?? '?'}; ${old.name}: allocatable ${old.allocatable[resource] ?? '?'} of the same capacity`,
      evidence: [
        ...usable.slice(0, 3).map((n) => `node ${n.name}${n.createdAt ? ` (created ${formatAgo(n.createdAt, ev.collectedAt)})` : ''}: allocatable ${resource} ${n.allocatable[resource] ?? '?'} of capacity ${n.capacity?.[resource] ?? '?'}`),
        `node ${old.name}${old.createdAt ? ` (created ${formatAgo(old.createdAt, ev.collectedAt)})` : ''}${old.unschedulable ? ', cordoned' : ''}: allocatable ${resource} ${old.allocatable[resource] ?? '?'} of capacity ${old.capacity?.[resource] ?? '?'}`,
        `each pod requests ${fmt(request)}: ${pods(perNodeNow)} per new node, ${perNodeBefore} per older node`,
      ],
      cause:
        `The scheduler places pods against a node's allocatable, its capacity less the kubelet's kube-reserved, system-reserved and eviction threshold. ` +
        `The nodes that replaced the older ones have the same ${fmt(capacity)} capacity but ${fmt(before - now)} less allocatable ${resource}: their kubelet config (a new node image's bootstrap, a changed launch template) reserves more. ` +
        `${capitalize(pods(perNodeBefore))} of ${fmt(request)} fit on an older node, ${perNodeNow} on a new one, so the pods that fit before wait now.`,
      action: `Lower the kubelet reservations (kube-reserved / system-reserved) in the config of ${target} back to what the older nodes had and roll them, or lower the pods' ${resource} request to fit ${perNodeBefore} per node, or add nodes.`,
      fix: `lower the kubelet's kube-reserved/system-reserved on ${target} (the new nodes keep ${fmt(before - now)} less allocatable), or the pods' ${resource} request`,
      outsideWorkload: `pods of any revision find the smaller allocatable on ${target}`,
      confirm: [formatKubectl(ev.target, `get nodes -o custom-columns=NAME:.metadata.name,CREATED:.metadata.creationTimestamp,CAPACITY:.status.capacity.${resource},ALLOCATABLE:.status.allocatable.${resource}`, 'cluster')],
    };
  }
  return undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

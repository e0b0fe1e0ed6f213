import type { NodeEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { formatTaint, isSchedulable, matchesPlacement, untoleratedTaints } from './placement.js';

/** Taints a DaemonSet is expected to stay off: the control plane's. */
const CONTROL_PLANE = /^node-role\.kubernetes\.io\/(control-plane|master)$/;

/**
 * A DaemonSet whose own status looks fine (every pod it wants is ready) can still be missing from
 * nodes: a new node pool carries a taint it does not tolerate, so the controller never wants a pod
 * there and whatever it does per node (ship logs, run an agent, a CNI or CSI plugin) silently does
 * not happen on them. Nodes its nodeSelector or affinity excludes are left out on purpose; the
 * control plane's taints too.
 */
export function analyzeDaemonSetCoverage(ev: TriageEvidence): Finding[] {
  const placement = ev.workload?.templatePlacement;
  if (ev.target.kind !== 'DaemonSet' || ev.workload === null || placement === undefined || ev.clusterNodes === undefined) return [];
  // Wanted on no node at all: it runs nowhere, not short of some nodes (daemonset-no-node.ts).
  if (ev.workload.specReplicas === 0) return [];
  const running = new Set(ev.pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  const candidates = ev.clusterNodes.filter((n) => isSchedulable(n) && matchesPlacement(n, placement) && !running.has(n.name));
  const skipped = candidates
    .map((n) => ({ node: n, taints: untoleratedTaints(n, placement).filter((t) => !CONTROL_PLANE.test(t.key)) }))
    .filter((s) => s.taints.length > 0 && untoleratedTaints(s.node, placement).every((t) => !CONTROL_PLANE.test(t.key)));
  if (skipped.length === 0) return [];
  const taints = [...new Set(skipped.flatMap((s) => s.taints.map(formatTaint)))];
  const pools = [...new Set(skipped.flatMap((s) => poolOf(s.node) ?? []))];
  const newest = skipped.map((s) => s.node.createdAt).filter((t): t is string => t !== undefined).sort().at(-1);
  // The nodes it is meant for: where it may run, the control plane aside unless it tolerates it.
  const total = ev.clusterNodes.filter((n) => isSchedulable(n) && matchesPlacement(n, placement) && !untoleratedTaints(n, placement).some((t) => CONTROL_PLANE.test(t.key))).length;
  const names = skipped.map((s) => s.node.name);
  const where = pools.length > 0 ? ` (${pools.length === 1 ? 'pool' : 'pools'} ${pools.join(', ')}${newest ? `, the newest added ${formatAgo(newest, ev.collectedAt)}` : ''})` : '';
  const name = ev.target.name;
  return [
    {
      id: `daemonset-coverage/${name}`,
      kind: 'daemonset-coverage',
      title: `${name} does not run on ${skipped.length} of ${total} nodes${where}: taint ${taints.join(', ')} not tolerated`,
      layer: 'capacity',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        ...skipped.slice(0, 3).map((s) => `node ${s.node.name}: taint ${s.taints.map(formatTaint).join(', ')}; no ${name} pod`),
        ...(skipped.length > 3 ? [`and ${skipped.length - 3} more nodes alike`] : []),
        `tolerations of ${name}: ${placement.tolerations.length === 0 ? 'none' : placement.tolerations.map((t) => `${t.key ?? '*'}${t.operator === 'Exists' ? ' exists' : `=${t.value ?? ''}`}${t.effect ? `:${t.effect}` : ''}`).join(', ')}`,
        `desired ${ev.workload.specReplicas}, ready ${ev.workload.readyReplicas}: the DaemonSet's own status counts only the nodes it tolerates`,
      ],
      decisive: `taint ${taints[0]} on ${names[0]}; ${name} has no toleration for it`,
      likelyCause: `The DaemonSet controller places pods only on nodes whose taints they tolerate, so its status looks complete while ${skipped.length} node${skipped.length === 1 ? '' : 's'} have no ${name} pod: whatever it does per node does not happen there.`,
      nextAction: `If ${name} must run everywhere (logs, monitoring, networking, storage agents), add a toleration for ${taints.map((t) => t.replace(/=.*:/, ':').replace(/:.*/, '')).join(', ')} (or operator Exists); if the exclusion is meant, nothing to do.`,
      fix: `add a toleration for ${taints.join(', ')}`,
      confirmCommands: [
        `kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints${ev.target.context ? ` --context ${ev.target.context}` : ''}`,
        formatKubectl(ev.target, `get pods -o wide -l ${Object.entries(ev.workload.selector).map(([k, v]) => `${k}=${v}`).join(',')}`),
      ],
      affected: { nodes: names },
    },
  ];
}

function poolOf(n: NodeEvidence): string | undefined {
  const l = n.labels ?? {};
  return l['karpenter.sh/nodepool'] ?? l['eks.amazonaws.com/nodegroup'] ?? l['cloud.google.com/gke-nodepool'] ?? l['agentpool'] ?? l['node.kubernetes.io/pool'] ?? l['pool'];
}

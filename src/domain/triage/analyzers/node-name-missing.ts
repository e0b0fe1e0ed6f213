/**
 * A pod template pinned by spec.nodeName to a node that no longer exists. nodeName binds each pod
 * straight to that node, past the scheduler: nothing looks for another node and no FailedScheduling
 * is written. With the node gone (scaled in, replaced) no kubelet ever picks the pods up — they sit
 * Pending with no status until PodGC deletes them ("PodGC: node no longer exists") — and the
 * controller creates the next one, pinned the same way. The node's get says 404; its last events
 * (the autoscaler's scale-down, the node controller's RemovingNode) say when it went.
 */
import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { severityForPods, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/** PodGC's words on a pod it deletes because its node is gone. */
const NODE_GONE = /node no longer exists|node does not exist/i;
/** Events that say a node was taken out of the cluster. */
const REMOVED = new Set(['RemovingNode', 'DeletingNode', 'ScaleDown', 'NodeDeleted']);

function templateOf(ev: TriageEvidence, pod: PodEvidence): RevisionEvidence | undefined {
  return ev.revisions.find((r) => r.hash !== undefined && r.hash === pod.revisionHash);
}

/** The node's get said 404, or PodGC deleted a pod of it as bound to a node that no longer exists. */
function isGone(ev: TriageEvidence, node: string, pods: readonly PodEvidence[]): boolean {
  if (ev.nodes.some((n) => n.name === node) || ev.clusterNodes?.some((n) => n.name === node)) return false;
  const notFound = ev.readFailures.some((f) => f.source === 'nodes' && f.reason === 'not-found' && f.what === `node ${node}`);
  return notFound || pods.some((p) => p.conditions.some((c) => NODE_GONE.test(c.message ?? '')));
}

export function analyzeNodeNameMissing(ev: TriageEvidence): Finding[] {
  const pinned = ev.pods.filter((p) => p.nodeName !== undefined && p.nodeName === templateOf(ev, p)?.template?.nodeName);
  return unique(pinned.map((p) => p.nodeName ?? '')).flatMap((node): Finding[] => {
    const pods = pinned.filter((p) => p.nodeName === node);
    if (!isGone(ev, node, pods)) return [];
    const waiting = pods.filter((p) => p.phase === 'Pending' && p.deletionTimestamp === undefined);
    const collected = pods.filter((p) => p.conditions.some((c) => NODE_GONE.test(c.message ?? '')));
    const gcLine = collected.flatMap((p) => p.conditions.filter((c) => NODE_GONE.test(c.message ?? '')).map((c) => `${p.name}: ${p.phase}, ${c.type} ${c.reason ?? ''}: "${c.message ?? ''}"`))[0];
    const removals = listEventsOf(ev, 'Node', node).filter((e) => REMOVED.has(e.reason));
    const last = removals.reduce<string | undefined>((t, e) => (t === undefined || e.lastSeen > t ? e.lastSeen : t), undefined);
    const byAutoscaler = removals.some((e) => /autoscaler/i.test(e.source ?? '') || e.reason === 'ScaleDown');
    const pinning = sortRevisions(ev.revisions.filter((r) => r.template?.nodeName === node));
    const [, previous] = sortRevisions(ev.revisions);
    const since = pinning.at(-1);
    const beforeToo = previous !== undefined && previous.template?.nodeName === node ? `revision ${previous.revision} pins the pods to ${node} too` : undefined;
    const hostPath = unique(pinning.flatMap((r) => r.template?.volumes.filter((v) => v.source === 'hostPath').map((v) => v.ref ?? v.name) ?? []));
    const removed = last !== undefined ? ` (removed ${formatAgo(last, ev.collectedAt)}${byAutoscaler ? ' by the cluster autoscaler' : ''})` : '';
    const n = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
    return [{
      id: `placement/node-name-missing/${node}`,
      kind: 'placement',
      layer: 'capacity',
      severity: severityForPods(ev, Math.max(pods.length, ev.workload?.specReplicas ?? 0)),
      confidence: 'high',
      title: `The pod template sets spec.nodeName: ${node}, a node that no longer exists${removed}: its pods bypass the scheduler, are bound to a node no kubelet serves and stay Pending until PodGC deletes them (${n}${waiting.length > 0 ? `, ${waiting.length} Pending` : ''})`,
      evidence: [
        `the pod template sets spec.nodeName: ${node}${pinning.length > 0 ? ` (revision${pinning.length === 1 ? '' : 's'} ${pinning.map((r) => r.revision).reverse().join(', ')})` : ''}`,
        `node ${node}: not found${ev.nodes.length > 0 ? `; the pods' other nodes: ${ev.nodes.map((x) => x.name).slice(0, 3).join(', ')}` : ''}`,
        ...collapseEvents(removals, { acrossObjects: true }).slice(0, 2).map((e) => formatEventLine(e, { withObject: true })),
        ...waiting.slice(0, 2).map((p) => `${p.name}: Pending on ${node}, no status from a kubelet (no conditions, no container started)`),
        ...(gcLine ? [gcLine] : []),
        'no FailedScheduling: the scheduler never sees a pod whose nodeName is set',
      ],
      decisive: `spec.nodeName: ${node}`,
      likelyCause: `spec.nodeName in the pod template binds every pod straight to ${node}, past the scheduler, and that node is gone${removed}: no kubelet ever runs the pods, they stay Pending with no status, PodGC deletes them as bound to a node that no longer exists, and the ReplicaSet creates the next one, pinned the same way. The other nodes are never considered; this is not a lack of room.${since !== undefined ? ` The pin dates from revision ${since.revision} (${formatAgo(since.createdAt, ev.collectedAt)}).` : ''}${beforeToo ? ` A rollback would not help: ${beforeToo}.` : ''}`,
      nextAction: `Remove spec.nodeName from the pod template and let the scheduler place the pods (to keep them on certain nodes, use a nodeSelector or node affinity on a label)${hostPath.length > 0 ? `; keep the data of hostPath ${hostPath.join(', ')} on a PersistentVolume instead, as it was on the removed node` : ''}; if it must stay on one node, protect that node from scale-down.`,
      fix: 'remove spec.nodeName from the pod template (use a nodeSelector or node affinity)',
      datesChange: true,
      ...(beforeToo ? { outsideWorkload: beforeToo } : {}),
      ...(last !== undefined ? { onset: last } : {}),
      confirmCommands: [
        formatKubectl(ev.target, `get node ${node}`, 'cluster'),
        formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.template.spec.nodeName}'`),
        ...(pods[0] ? [describePodCommand(ev.target, pods[0].name)] : []),
        formatKubectl(ev.target, `get events --field-selector involvedObject.kind=Node,involvedObject.name=${node}`, 'cluster'),
      ],
      affected: { pods: pods.map((p) => p.name), nodes: [node] },
    }];
  });
}

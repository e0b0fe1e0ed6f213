// Failures confined to one node that reports no bad condition: what started on that node just
// before (a DaemonSet's new pod, a heavy newcomer) is its change. The node's pods come from the
// list shared with the other node leads (ctx.podsOnNode, one field-selector list), and the current
// log tail of at most one newcomer says what it is doing. One node at most.
import type { EventEvidence, NodeEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { NodeChangeEvidence } from '../../domain/triage/evidence-node-change.js';
import { pickChangedNode, rankNewcomers } from '../../domain/triage/node-change.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';
import { readOtherPodsOnNode } from './read-port-holders.js';

export async function readNodeChange(ctx: CollectContext, pods: readonly PodEvidence[], nodes: readonly NodeEvidence[], events: readonly EventEvidence[]): Promise<NodeChangeEvidence | undefined> {
  const picked = pickChangedNode(pods, nodes, events, ctx.now().toISOString());
  if (picked === undefined) return undefined;
  // A list that could not be read proves no absence of a change: nothing is said (its failure is reported).
  const others = await readOtherPodsOnNode(ctx, picked.node, 'nodeChange', new Set(pods.map((p) => p.name)));
  if (others === undefined) return undefined;
  const newcomers = rankNewcomers(others, picked.onset);
  const first = newcomers[0];
  const container = first?.pod.containers.find((c) => c.sidecar !== true) ?? first?.pod.containers[0];
  const logs = first === undefined || container === undefined ? [] : await readLogs(ctx, [{ pod: first.pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, namespace: first.namespace }]);
  return { node: picked.node, onset: picked.onset, newcomers, logs };
}

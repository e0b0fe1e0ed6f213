// A node where only the workload's pods time out on the network, or whose kernel reports its conntrack
// table full: its pods of every namespace (one field-selector list; node agents and what started there
// lately are kept) and the log tail of its kube-proxy. At most two nodes (pickNetworkNodes).
import type { NodeNetworkEvidence } from '../../domain/triage/evidence.js';
import { isKubeProxy } from '../../domain/triage/node-network.js';
import type { CollectContext } from './collect-context.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { readLogs } from './read-pod-details.js';
import { listPodsOnNode } from './read-port-holders.js';

/** Pods older than this are neither agents nor newcomers worth keeping. */
const RECENT_MS = 6 * 60 * 60_000;

export async function readNodeNetwork(ctx: CollectContext, nodes: readonly string[]): Promise<NodeNetworkEvidence[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const listed = await listPodsOnNode(ctx, node, 'nodeNetwork');
      const now = ctx.now().getTime();
      const pods = listed.flatMap((p) => {
        const c = controllerOf(p);
        const owner = c === undefined ? undefined : `${c.kind} ${c.name}`;
        const created = p.metadata?.creationTimestamp === undefined ? Number.NaN : new Date(p.metadata.creationTimestamp).getTime();
        const keep = c?.kind === 'DaemonSet' || now - created <= RECENT_MS;
        return keep ? [{ namespace: p.metadata?.namespace ?? '', ...(owner === undefined ? {} : { owner }), pod: mapForeignPod(p) }] : [];
      });
      const proxy = pods.find((p) => isKubeProxy(p.pod.name, p.owner));
      const container = proxy?.pod.containers.find((c) => c.name === 'kube-proxy') ?? proxy?.pod.containers[0];
      const logs = proxy === undefined || container === undefined ? [] : await readLogs(ctx, [{ pod: proxy.pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, namespace: proxy.namespace }]);
      return { node, pods, logs };
    }),
  );
}

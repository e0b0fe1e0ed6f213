// A node under DiskPressure, or whose kubelet evicted the workload's pods for its disk (bytes or
// inodes): its pods of every namespace, by the list shared with the other node leads
// (ctx.podsOnNode, one field-selector list), and the current log tail of at most one likely
// consumer there (a running pod of another workload writing to an emptyDir with no sizeLimit,
// disk-consumer.ts). At most two nodes (pickDiskPressureNodes), so at most two log tails.
import type { NodeDiskEvidence } from '../../domain/triage/evidence.js';
import { rankDiskConsumers } from '../../domain/triage/disk-consumer.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';
import { readOtherPodsOnNode } from './read-port-holders.js';

export async function readNodeDisk(ctx: CollectContext, nodes: readonly string[], own: ReadonlySet<string>): Promise<NodeDiskEvidence[]> {
  const isOwn = (namespace: string, name: string) => namespace === ctx.namespace && own.has(name);
  const read = await Promise.all(
    nodes.map(async (node): Promise<NodeDiskEvidence | undefined> => {
      const pods = await readOtherPodsOnNode(ctx, node, 'nodeDisk', own);
      if (pods === undefined) return undefined;
      const [top] = rankDiskConsumers(pods, isOwn);
      const logs = top === undefined ? [] : await readLogs(ctx, [{ pod: top.pod.name, container: top.dir.container, previous: false, why: 'system', restarts: 0, namespace: top.namespace }]);
      return { node, pods, logs };
    }),
  );
  return read.filter((r): r is NodeDiskEvidence => r !== undefined);
}

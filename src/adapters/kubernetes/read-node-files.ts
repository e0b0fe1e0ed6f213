// A node whose kernel file table the workload's logs find full (ENFILE, "too many open files in
// system"): its pods of every namespace, by the list shared with the other node leads
// (ctx.podsOnNode, one field-selector list), and the current log tails of at most three likely
// holders there (running pods of other workloads, host-mounting node agents first:
// node-file-table.ts). At most two nodes (pickFileTableNodes), so at most six log tails.
import type { NodeFilesEvidence } from '../../domain/triage/evidence.js';
import { MAX_HOLDER_LOGS, pickHolderContainer, rankFileHolders } from '../../domain/triage/node-file-table.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';
import { readOtherPodsOnNode } from './read-port-holders.js';

export async function readNodeFiles(ctx: CollectContext, nodes: readonly string[], own: ReadonlySet<string>): Promise<NodeFilesEvidence[]> {
  const isOwn = (namespace: string, name: string) => namespace === ctx.namespace && own.has(name);
  const read = await Promise.all(
    nodes.map(async (node): Promise<NodeFilesEvidence | undefined> => {
      const pods = await readOtherPodsOnNode(ctx, node, 'nodeFiles', own);
      if (pods === undefined) return undefined;
      const targets = rankFileHolders(pods, isOwn).slice(0, MAX_HOLDER_LOGS).flatMap((x) => {
        const container = pickHolderContainer(x.pod);
        return container === undefined ? [] : [{ pod: x.pod.name, container, previous: false, why: 'system' as const, restarts: 0, namespace: x.namespace }];
      });
      return { node, pods, logs: targets.length === 0 ? [] : await readLogs(ctx, targets) };
    }),
  );
  return read.filter((r): r is NodeFilesEvidence => r !== undefined);
}

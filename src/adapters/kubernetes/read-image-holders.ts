// The cluster's NotReady nodes, where a pod of the workload that is not ready has recent mount
// events saying its RBD image is still in use ("is still being used", "(16) Device or resource
// busy"): one list of the nodes (capped like the placement check's), keeping only those whose Ready
// condition is not True (at most three). Nothing at all while no such event was read.
import type { EventEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ImageHolderNodeEvidence } from '../../domain/triage/evidence-image-holders.js';
import { MAX_HOLDER_NODES, isNotReadyNode, pickImageHolderRead } from '../../domain/triage/rbd-image-held.js';
import type { CollectContext } from './collect-context.js';
import { mapNode } from './map-node.js';
import { pageParams } from './paginate.js';

export async function readImageHolders(ctx: CollectContext, seen: { events: readonly EventEvidence[]; pods: readonly PodEvidence[] }): Promise<ImageHolderNodeEvidence[]> {
  if (!pickImageHolderRead(seen.events, seen.pods, ctx.now().toISOString())) return [];
  const { core } = ctx.clients;
  const max = ctx.limits.maxClusterNodes;
  const list = await ctx.reads.list('nodes of the cluster, for a NotReady node that still holds an RBD image', 'clusterNodes', (cont, limit, o) => core.listNode({ ...pageParams(cont, limit) }, o), { maxItems: max });
  if (list.more) ctx.reads.skipped(`nodes beyond the first ${max}`, 'clusterNodes', `NotReady nodes were looked for among ${max} nodes`);
  return list.items.map((n) => mapNode(n)).filter(isNotReadyNode).slice(0, MAX_HOLDER_NODES);
}

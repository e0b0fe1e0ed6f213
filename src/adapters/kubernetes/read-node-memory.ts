// A node whose kernel OOM killer (SystemOOM) struck the workload's containers: its pods of every
// namespace, by one field-selector list, for what they request and may use of memory. At most two
// nodes (pickSystemOomNodes); finished pods hold no memory and are left out.
import type { NodeMemoryEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { listPodsOnNode } from './read-port-holders.js';

export async function readNodeMemory(ctx: CollectContext, nodes: readonly string[]): Promise<NodeMemoryEvidence[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const listed = await listPodsOnNode(ctx, node, 'nodeMemory');
      const pods = listed.flatMap((p) => {
        if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') return [];
        const c = controllerOf(p);
        return [{ namespace: p.metadata?.namespace ?? '', ...(c === undefined ? {} : { owner: `${c.kind} ${c.name}` }), pod: mapForeignPod(p) }];
      });
      return { node, pods };
    }),
  );
}

// The pods of the in-cluster Service that serves an NFS share the workload's logs find stale
// (ESTALE): when they started says whether the server was re-created after the workload's pods
// mounted the share. One pod list per Service by its selector, at most one Service and 5 pods.
import type { ServiceEvidence, TriageEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';

const MAX_PODS = 5;

export async function readVolumeServerPods(ctx: CollectContext, services: readonly ServiceEvidence[]): Promise<NonNullable<TriageEvidence['volumeServerPods']>> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  return Promise.all(
    services.slice(0, 1).map(async (svc) => {
      const labelSelector = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
      const list = await ctx.reads.list(`pods of NFS server Service ${svc.name} (${labelSelector})`, 'foreignPods', (cont, limit, o) =>
        core.listNamespacedPod({ namespace, labelSelector, ...pageParams(cont, limit) }, o),
        { maxItems: MAX_PODS },
      );
      return { service: svc.name, pods: list.items.map(mapForeignPod) };
    }),
  );
}

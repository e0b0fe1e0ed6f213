// A Service (of any namespace) that the workload's logs say refuses it for a reason its own servers
// log (an Elasticsearch disk watermark, logged by whichever node is the elected master): one page of
// its EndpointSlices (or, when they name no pod, one get of its Endpoints: read-endpoints-pods.ts), then
// a get and a log tail of at most three of its ready pods. Bounded whatever
// the cluster holds; read only when the workload's logs carry that refusal.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { SERVICE_NAME_LABEL, mapEndpointSlice } from './map-network.js';
import { readPodsWithLogs } from './read-dependency-pods.js';
import { readEndpointsPodNames } from './read-endpoints-pods.js';

/** Pods whose log tails are read: enough to include the master of a small cluster. */
const MAX_PODS = 3;
const SLICE_LIMIT = 10;

export async function readExplainingPods(ctx: CollectContext, refs: readonly { namespace: string; name: string }[]): Promise<{ service: string; namespace: string; pod: PodEvidence; logs: LogEvidence[] }[]> {
  const { discovery } = ctx.clients;
  const perService = await Promise.all(refs.map(async ({ namespace, name }) => {
    const slices = await ctx.reads.one(`EndpointSlices of Service ${name} in ${namespace} (it refuses the workload)`, 'dependencyPods', (o) =>
      discovery.listNamespacedEndpointSlice({ namespace, labelSelector: `${SERVICE_NAME_LABEL}=${name}`, limit: SLICE_LIMIT }, o),
    );
    const sliced = [...new Set((slices?.items ?? []).map(mapEndpointSlice).flatMap((s) => s.endpoints).filter((e) => e.ready && e.podName !== undefined).map((e) => e.podName as string))].slice(0, MAX_PODS);
    // No slice names a pod (a Service without a selector, its Endpoints written by Patroni): its Endpoints object does.
    const pods = sliced.length > 0 || slices === undefined ? sliced : await readEndpointsPodNames(ctx, namespace, name, MAX_PODS);
    const read = await readPodsWithLogs(ctx, pods.map((pod) => ({ service: name, namespace, pod })), `pods of Service ${name} in ${namespace}`);
    return read.map((r) => ({ ...r, namespace }));
  }));
  return perService.flat();
}

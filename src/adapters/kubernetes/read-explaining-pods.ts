// A Service (of any namespace) that the workload's logs say refuses it for a reason its own servers
// log (an Elasticsearch disk watermark, logged by whichever node is the elected master): one page of
// its EndpointSlices, then a get and a log tail of at most three of its ready pods. Bounded whatever
// the cluster holds; read only when the workload's logs carry that refusal.
import type * as k8s from '@kubernetes/client-node';
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { SERVICE_NAME_LABEL, mapEndpointSlice } from './map-network.js';
import { mapForeignPod } from './map-pod.js';
import { readLogs } from './read-pod-details.js';

/** Pods whose log tails are read: enough to include the master of a small cluster. */
const MAX_PODS = 3;
const SLICE_LIMIT = 10;

export async function readExplainingPods(ctx: CollectContext, refs: readonly { namespace: string; name: string }[]): Promise<{ service: string; namespace: string; pod: PodEvidence; logs: LogEvidence[] }[]> {
  const { core, discovery } = ctx.clients;
  const perService = await Promise.all(refs.map(async ({ namespace, name }) => {
    const slices = await ctx.reads.one(`EndpointSlices of Service ${name} in ${namespace} (it refuses the workload)`, 'dependencyPods', (o) =>
      discovery.listNamespacedEndpointSlice({ namespace, labelSelector: `${SERVICE_NAME_LABEL}=${name}`, limit: SLICE_LIMIT }, o),
    );
    const pods = [...new Set((slices?.items ?? []).map(mapEndpointSlice).flatMap((s) => s.endpoints).filter((e) => e.ready && e.podName !== undefined).map((e) => e.podName as string))].slice(0, MAX_PODS);
    const got = await ctx.reads.each(pods, { label: `pods of Service ${name} in ${namespace}`, source: 'dependencyPods', what: (p) => `pod ${p} in ${namespace}`, limit: ctx.objectGate }, (pod, options): Promise<k8s.V1Pod> =>
      core.readNamespacedPod({ name: pod, namespace }, options),
    );
    return Promise.all(got.map(async ({ value }) => {
      const pod = mapForeignPod(value);
      const container = pod.containers[0];
      const logs = container ? await readLogs(ctx, [{ pod: pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, namespace }]) : [];
      return { service: name, namespace, pod, logs };
    }));
  }));
  return perService.flat();
}

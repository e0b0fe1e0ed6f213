// A pull of the workload's image that has not finished for minutes: what else that node's kubelet
// is pulling. It pulls one image at a time by default, so a huge pull asked for first holds ours.
// The node's pods come from the list shared with the other node leads (ctx.podsOnNode, one
// field-selector list); of those, pods of other workloads with a container still in
// ContainerCreating (at most 3 per node, oldest first) have their events read in their own
// namespace, one field-selector query each. At most two nodes.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { PullQueueEvidence } from '../../domain/triage/evidence-pull-queue.js';
import { getWaiting } from '../../domain/triage/pod-status.js';
import { MAX_QUEUED_PODS, pickPullQueueNodes } from '../../domain/triage/pull-queue.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { PAGE_SIZE } from './paginate.js';
import { readPodsOnNode } from './read-port-holders.js';

type Waiting = PullQueueEvidence['waiting'][number];

/** Pods of other workloads on the node whose containers wait to be created (their image not pulled yet), oldest first. */
function pickWaiting(items: readonly k8s.V1Pod[], namespace: string, own: ReadonlySet<string>): Omit<Waiting, 'events'>[] {
  const waiting = items.flatMap((p) => {
    const ns = p.metadata?.namespace ?? '';
    if (ns === namespace && own.has(p.metadata?.name ?? '')) return [];
    const pod = mapForeignPod(p);
    if (!pod.containers.some((c) => getWaiting(c)?.reason === 'ContainerCreating')) return [];
    const c = controllerOf(p);
    return [{ namespace: ns, pod, ...(c === undefined ? {} : { owner: `${c.kind} ${c.name}` }) }];
  });
  return waiting.sort((a, b) => (a.pod.createdAt ?? '').localeCompare(b.pod.createdAt ?? '')).slice(0, MAX_QUEUED_PODS);
}

export async function readPullQueue(ctx: CollectContext, pods: readonly PodEvidence[], events: readonly EventEvidence[]): Promise<PullQueueEvidence[] | undefined> {
  const nodes = pickPullQueueNodes(pods, events, ctx.now().toISOString());
  if (nodes.length === 0) return undefined;
  const own = new Set(pods.map((p) => p.name));
  const read = await Promise.all(
    nodes.map(async (node): Promise<PullQueueEvidence | undefined> => {
      const listed = await readPodsOnNode(ctx, node, 'pullQueue');
      // A list that could not be read proves no queue: nothing is said (its failure is reported).
      if (listed.failed) return undefined;
      const waiting = pickWaiting(listed.items, ctx.namespace, own);
      const results = await ctx.reads.each(
        waiting,
        { label: 'events of pods waiting on the same node', source: 'events', what: (w) => `events of Pod ${w.namespace}/${w.pod.name}`, limit: ctx.eventGate },
        (w, options): Promise<k8s.CoreV1EventList> =>
          ctx.clients.core.listNamespacedEvent({ namespace: w.namespace, fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${w.pod.name}`, limit: PAGE_SIZE }, options),
      );
      return { node, waiting: waiting.map((w) => ({ ...w, events: results.find((r) => r.item === w)?.value.items.map(mapEvent) ?? [] })) };
    }),
  );
  return read.filter((q): q is PullQueueEvidence => q !== undefined);
}

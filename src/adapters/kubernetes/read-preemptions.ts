// Pods of the workload the scheduler preempted, and the pods it preempted them for. The victims are
// gone (the workload now lists their replacements), so their events are found by reason: one
// `reason=Preempted` list of the namespace (one page), kept to the names the workload's controller
// gives its pods. Each event names a node and the preemptor (uid, namespace/name or `related`),
// which is found among that node's pods: one field-selector list per node, at most two nodes.
// Read only while a pod of the workload waits to be placed.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, PodEvidence, PreemptorEvidence, Quantity, WorkloadKind } from '../../domain/triage/evidence.js';
import { isPreemptorOf, parsePreemption } from '../../domain/triage/preemption-message.js';
import { formatBytes, formatCpu, parseQuantity } from '../../domain/triage/quantity.js';
import type { CollectContext } from './collect-context.js';
import { toIsoTime } from './map-common.js';
import { mapEvent } from './map-event.js';
import { controllerOf } from './map-pod.js';
import { PAGE_SIZE } from './paginate.js';
import { listPodsOnNode } from './read-port-holders.js';

const MAX_NODES = 2;

/** A pod the scheduler has not placed: preemption is one reason the room it needs is gone. */
export function needsPreemptions(pods: readonly PodEvidence[]): boolean {
  return pods.some((p) => p.phase === 'Pending' && p.nodeName === undefined);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a pod name is one the workload's controller gives: `<ReplicaSet>-<5>` (owners: the
 * ReplicaSets; without them, `<name>-<hash>-<5>`), `<name>-<ordinal>`, `<Job>-[<index>-]<5>`
 * (owners: a CronJob's Jobs), `<name>-<5>` for a DaemonSet.
 */
export function isOwnPodName(kind: WorkloadKind, name: string, owners: readonly string[], pod: string): boolean {
  const suffix = '(\\d+-)?[a-z0-9]{5}';
  if (kind === 'StatefulSet') return new RegExp(`^${escape(name)}-\\d+$`).test(pod);
  if ((kind === 'Deployment' || kind === 'CronJob') && owners.length > 0) return owners.some((o) => new RegExp(`^${escape(o)}-${suffix}$`).test(pod));
  if (kind === 'Deployment') return new RegExp(`^${escape(name)}-[a-z0-9]{6,10}-[a-z0-9]{5}$`).test(pod);
  if (kind === 'CronJob') return new RegExp(`^${escape(name)}-\\d+-${suffix}$`).test(pod);
  return new RegExp(`^${escape(name)}-${suffix}$`).test(pod);
}

/** Container requests summed by resource; a resource one container asks for is copied as given. */
function sumRequests(pod: k8s.V1Pod): Record<string, Quantity> {
  const byResource = new Map<string, string[]>();
  for (const c of pod.spec?.containers ?? []) {
    for (const [k, v] of Object.entries(c.resources?.requests ?? {})) byResource.set(k, [...(byResource.get(k) ?? []), String(v)]);
  }
  const out: Record<string, Quantity> = {};
  for (const [k, values] of byResource) {
    const total = values.reduce((sum, v) => sum + (parseQuantity(v) ?? 0), 0);
    out[k] = values.length === 1 ? (values[0] ?? '') : k === 'cpu' ? formatCpu(total) : /memory|storage/.test(k) ? formatBytes(total) : String(total);
  }
  return out;
}

function mapPreemptor(pod: k8s.V1Pod, node: string): PreemptorEvidence {
  const meta = pod.metadata ?? {};
  const owner = controllerOf(pod);
  const requests = sumRequests(pod);
  const created = toIsoTime(meta.creationTimestamp);
  return {
    namespace: meta.namespace ?? '',
    pod: meta.name ?? '',
    node,
    ...(meta.uid ? { uid: meta.uid } : {}),
    ...(owner ? { owner: `${owner.kind} ${owner.name}` } : {}),
    ...(pod.spec?.priorityClassName ? { priorityClassName: pod.spec.priorityClassName } : {}),
    ...(pod.spec?.priority !== undefined ? { priority: pod.spec.priority } : {}),
    ...(Object.keys(requests).length > 0 ? { requests } : {}),
    ...(created ? { createdAt: created } : {}),
  };
}

/**
 * The Preempted events of the workload's former pods (those of pods in `read` already came with
 * their pods' events) and the pods they were preempted for.
 */
export async function readPreemptions(ctx: CollectContext, own: (pod: string) => boolean, read: ReadonlySet<string>): Promise<{ events: EventEvidence[]; preemptors: PreemptorEvidence[] }> {
  const { core } = ctx.clients;
  const list = await ctx.reads.one('Preempted events of the namespace', 'events', (o) =>
    core.listNamespacedEvent({ namespace: ctx.namespace, fieldSelector: 'reason=Preempted', limit: PAGE_SIZE }, o),
  );
  const ours = (list?.items ?? []).map(mapEvent).filter((e) => e.object.kind === 'Pod' && own(e.object.name));
  const refs = ours.map(parsePreemption);
  const nodes = [...new Set(refs.flatMap((r) => (r.node !== undefined ? [r.node] : [])))];
  if (nodes.length > MAX_NODES) ctx.reads.skipped(`pods of ${nodes.length - MAX_NODES} more nodes where pods were preempted`, 'preemptors', `the pods of ${MAX_NODES} nodes were read`);
  const found = await Promise.all(
    nodes.slice(0, MAX_NODES).map(async (node) => {
      const pods = await listPodsOnNode(ctx, node, 'preemptors');
      return pods.map((p) => mapPreemptor(p, node)).filter((p) => refs.some((r) => isPreemptorOf(p, r)));
    }),
  );
  return { events: ours.filter((e) => !read.has(e.object.name)), preemptors: found.flat() };
}

/**
 * Image pulls that wait in the kubelet's queue. By default (serializeImagePulls: true) the kubelet
 * pulls one image at a time, in the order pods asked: a multi-GB image asked for first holds
 * every pull behind it, and a small image that pulls in seconds elsewhere sits "Pulling" for as
 * long as the big one takes. The senior SRE's question for a pull that has not finished after
 * minutes: what else is that node pulling, since when?
 */
import type { EventEvidence, IsoTime, PodEvidence } from './evidence.js';
import type { PullQueueEvidence } from './evidence-pull-queue.js';
import { eventContainer } from './evidence-lookup.js';
import { type ContainerRef, getWaiting, listAllContainers, unique } from './pod-status.js';
import { MINUTE_MS, msBetween } from './time-span.js';

/** A pull still running after this long is worth a finding: ordinary images pull in seconds. */
export const SLOW_PULL_MS = 5 * MINUTE_MS;
/** At most this many nodes have their queue read. */
export const MAX_QUEUE_NODES = 2;
/** At most this many waiting pods of other workloads are kept per node. */
export const MAX_QUEUED_PODS = 3;

export interface SlowPull {
  ref: ContainerRef;
  /** The kubelet's "Pulling image" that nothing has answered since. */
  started: EventEvidence;
  elapsed: number;
}

/** The newest "Pulling image" of a container's image with no Pulled, Failed or BackOff after it. */
function findOpenPull(events: readonly EventEvidence[], pod: string, container: string, image: string): EventEvidence | undefined {
  const own = events.filter((e) => e.object.kind === 'Pod' && e.object.name === pod && ['Pulling', 'Pulled', 'Failed', 'BackOff'].includes(e.reason) && e.message.includes(`"${image}"`) && (eventContainer(e) ?? container) === container);
  const started = own.filter((e) => e.reason === 'Pulling').sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
  if (started === undefined || own.some((e) => e.reason !== 'Pulling' && msBetween(started.lastSeen, e.lastSeen) >= 0)) return undefined;
  return started;
}

/**
 * Containers of pods not ready that wait in ContainerCreating since the kubelet's "Pulling image"
 * at least SLOW_PULL_MS ago, with no Pulled and no error after it.
 */
export function findSlowPulls(pods: readonly PodEvidence[], events: readonly EventEvidence[], now: IsoTime): SlowPull[] {
  return listAllContainers(pods).flatMap((ref) => {
    const { pod, container } = ref;
    if (pod.ready || pod.deletionTimestamp !== undefined || getWaiting(container)?.reason !== 'ContainerCreating') return [];
    const started = findOpenPull(events, pod.name, container.name, container.image);
    if (started === undefined) return [];
    const elapsed = msBetween(started.lastSeen, now);
    return elapsed >= SLOW_PULL_MS ? [{ ref, started, elapsed }] : [];
  });
}

/** The nodes whose pull queue is worth reading: those under a slow pull of the workload (at most MAX_QUEUE_NODES). */
export function pickPullQueueNodes(pods: readonly PodEvidence[], events: readonly EventEvidence[], now: IsoTime): string[] {
  return unique(findSlowPulls(pods, events, now).flatMap((p) => p.ref.pod.nodeName ?? [])).slice(0, MAX_QUEUE_NODES);
}

export interface PullAhead {
  namespace: string;
  pod: PodEvidence;
  /** "Deployment ranker-triton", from the pod's ReplicaSet; else its controller as read. */
  owner?: string;
  image: string;
  /** Its "Pulling image" event, asked for before the queued pull and not answered since. */
  started: EventEvidence;
}

/** A ReplicaSet made by a Deployment carries the pod's template hash: name the Deployment. */
function describeOwner(owner: string | undefined, pod: PodEvidence): string | undefined {
  const [kind, name] = owner?.split(' ') ?? [];
  const hash = pod.labels['pod-template-hash'];
  if (kind === 'ReplicaSet' && name !== undefined && hash !== undefined && name.endsWith(`-${hash}`)) return `Deployment ${name.slice(0, -hash.length - 1)}`;
  return owner;
}

/**
 * The pull on `node` that holds `queued` back: another pod's pull of another image asked for
 * before it and still running (no Pulled, no error). The longest running first.
 */
export function findPullAhead(queue: readonly PullQueueEvidence[] | undefined, node: string, queued: EventEvidence): PullAhead | undefined {
  const waiting = queue?.find((q) => q.node === node)?.waiting ?? [];
  const ahead = waiting.flatMap(({ namespace, owner, pod, events }) =>
    pod.containers.flatMap((c) => {
      if (getWaiting(c)?.reason !== 'ContainerCreating') return [];
      const started = findOpenPull(events, pod.name, c.name, c.image);
      if (started === undefined || msBetween(started.lastSeen, queued.lastSeen) <= 0) return [];
      const who = describeOwner(owner, pod);
      return [{ namespace, pod, image: c.image, started, ...(who !== undefined ? { owner: who } : {}) }];
    }),
  );
  return ahead.sort((a, b) => msBetween(b.started.lastSeen, a.started.lastSeen))[0];
}

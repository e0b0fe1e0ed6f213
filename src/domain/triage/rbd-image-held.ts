/**
 * A Ceph RBD image that will not map on the pod's new node because another client still holds it.
 * ceph-csi refuses to map an image that has a watcher ("rbd image … is still being used"), and with
 * the exclusive-lock option the kernel refuses it too ("rbd: map failed: (16) Device or resource
 * busy"). The holder is almost always the node the pod ran on before: a node that crashed or lost
 * its network (NotReady) still has the image mapped, and its watcher only goes when the node's
 * client is fenced (blocklisted) or the node is really down and the watch times out. Waiting for a
 * detach does not help: Kubernetes does not hold the image, Ceph does.
 */
import type { EventEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { NodeEvidence } from './evidence-node.js';
import type { ImageHolderNodeEvidence } from './evidence-image-holders.js';
import { findCondition } from './evidence-lookup.js';
import { formatKubectl } from './kubectl-command.js';
import { RECENT_MS } from './pod-status.js';
import { formatAgo, isWithin } from './time-span.js';

/** ceph-csi's and the rbd tool's words for an image another client still has mapped. */
export const IMAGE_STILL_USED = /rbd image \S+ is still being used|rbd: map failed[\s\S]{0,400}?\(16\) Device or resource busy/i;

/** "replicapool/csi-vol-…", from either wording. */
function imageOf(messages: readonly string[]): string | undefined {
  for (const m of messages) {
    const named = /rbd image (\S+) is still being used/i.exec(m)?.[1] ?? /\bmap (\S+\/\S+)/.exec(m)?.[1];
    if (named !== undefined) return named;
  }
  return undefined;
}

/** What the reading says, in the shape volume-attach.ts takes a mount reading in. */
export interface ImageStillUsedReading {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
  confirm: string[];
  decisive: string;
  datesChange?: true;
}

/** At most this many NotReady nodes are kept: more is an outage of its own, not one holder. */
export const MAX_HOLDER_NODES = 3;

/** Whether a pod that is not ready has recent mount events saying its RBD image is still in use: then the cluster's NotReady nodes are read. */
export function pickImageHolderRead(events: readonly EventEvidence[], pods: readonly PodEvidence[], now: string): boolean {
  const waiting = new Set(pods.filter((p) => !p.ready && p.deletionTimestamp === undefined).map((p) => p.name));
  return events.some((e) => e.object.kind === 'Pod' && waiting.has(e.object.name) && (e.reason === 'FailedMount' || e.reason === 'FailedMapVolume') && isWithin(e.lastSeen, now, RECENT_MS) && IMAGE_STILL_USED.test(e.message));
}

/** A node whose Ready condition is False or Unknown. */
export function isNotReadyNode(n: NodeEvidence): boolean {
  const ready = findCondition(n.conditions, 'Ready');
  return ready !== undefined && ready.status !== 'True';
}

/**
 * The reading of a mount refused because the RBD image is still in use, naming the NotReady nodes
 * read (the likely holders) and how to fence them.
 */
export function describeImageStillUsed(ev: TriageEvidence, pods: readonly PodEvidence[], volume: string | undefined, messages: readonly string[]): ImageStillUsedReading | undefined {
  const hit = messages.find((m) => IMAGE_STILL_USED.test(m));
  if (hit === undefined) return undefined;
  const image = imageOf(messages);
  const mine = new Set(pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  const holders: ImageHolderNodeEvidence[] = (ev.imageHolderNodes ?? []).filter((n) => isNotReadyNode(n) && !mine.has(n.name));
  const names = holders.map((n) => n.name);
  const what = `the RBD image${image ? ` ${image}` : ''}`;
  const on = [...mine].join(', ');
  const since = (n: NodeEvidence): string => {
    const ready = findCondition(n.conditions, 'Ready');
    return `${n.name}: Ready ${ready?.status ?? '?'}${ready?.lastTransitionTime ? ` since ${formatAgo(ready.lastTransitionTime, ev.collectedAt)}` : ''}${ready?.reason ? ` (${ready.reason})` : ''}`;
  };
  const who = names.length === 0 ? 'another client (the node the pod ran on before)' : names.length === 1 ? `NotReady node ${names[0] ?? ''}` : `one of the NotReady nodes ${names.join(', ')}`;
  const fence = names.length === 0 ? 'the node the pod ran on before' : names.join(', ');
  return {
    title: `${what} is still held by ${who} (its watcher: ceph-csi says "still being used", map failed: Device or resource busy), so it cannot be mapped${on ? ` on ${on}` : ''}`,
    cause:
      `Ceph refuses to map an RBD image that another client still watches, and with exclusive-lock the kernel answers (16) Device or resource busy. ` +
      `${names.length > 0 ? `Node ${names.join(', ')} is NotReady: it went away with the image mapped, and its client still holds the image's watcher (and lock), ` : 'The node the pod ran on before still has the image mapped (a crashed or partitioned node keeps its watcher and lock), '}` +
      'so the pod\'s new node cannot map it. Kubernetes does not hold the image — Ceph does — so waiting for a detach or deleting the pod again does not free it.',
    action:
      `Mitigate: fence ${fence} — power it off for good, then taint it node.kubernetes.io/out-of-service=nodeshutdown:NoExecute so the pods and VolumeAttachments there are released (with Rook's network fencing its Ceph client is blocklisted), or blocklist its client by hand (\`ceph osd blocklist add <its address>\`, after \`rbd status ${image ?? '<pool>/<image>'}\` shows the watcher); the map then succeeds by itself. ` +
      'Do not map the image on two live nodes at once: if the old node may still write, fence it first. Then bring the node back or replace it, and remove the taint.',
    fix: `fence ${fence} (power it off and taint it node.kubernetes.io/out-of-service, or blocklist its Ceph client) so the image's watcher goes`,
    evidence: [
      ...holders.slice(0, MAX_HOLDER_NODES).map((n) => `NotReady node ${since(n)}`),
      ...(image ? [`ceph-csi: rbd image ${image} is still being used`] : []),
    ],
    confirm: [...names.slice(0, 1).map((n) => formatKubectl(ev.target, `get node ${n} -o wide`, 'cluster')), formatKubectl(ev.target, 'get volumeattachments -o wide', 'cluster')],
    decisive: hit.replace(/\s+/g, ' ').trim().slice(0, 300),
    ...(names.length > 0 ? { datesChange: true as const } : {}),
  };
}

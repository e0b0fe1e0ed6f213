/**
 * The kubelet's FailedToRetrieveImagePullSecret ("Unable to retrieve some image pull secrets (x);
 * attempting to pull the image may not succeed") says the pod spec names a pull Secret that does not
 * exist. It warns on every pod sync, pull or no pull: when the pod's containers have their image
 * (running, or run before) and no pod of the workload fails to pull, the image came from the node's
 * cache, a public registry or the node's own credentials, and the reference is a harmless leftover,
 * never the workload's fault. With a pod in ErrImagePull/ImagePullBackOff, or still waiting for its
 * first start, it stays part of a possible pull failure (image-pull.ts reads those).
 */
import type { ContainerEvidence, EventEvidence, TriageEvidence } from './evidence.js';
import { getWaiting, listAllContainers } from './pod-status.js';

const MISSING_PULL_SECRET = 'FailedToRetrieveImagePullSecret';

/** Waiting reasons of a pull that fails or is stuck: the missing Secret may be why. */
const PULL_FAILURE = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);

/** The container has run its image (it runs, or ran before): the pull is behind it. */
function hasItsImage(c: ContainerEvidence): boolean {
  if (c.state !== undefined && ('running' in c.state || 'terminated' in c.state)) return true;
  return c.lastState !== undefined && 'terminated' in c.lastState;
}

/** A missing-pull-Secret warning about a pod that already runs its image, while no pod fails to pull. */
export function isLeftoverPullSecretWarning(ev: Pick<TriageEvidence, 'pods'>, e: Pick<EventEvidence, 'reason' | 'object'>): boolean {
  if (e.reason !== MISSING_PULL_SECRET || e.object.kind !== 'Pod') return false;
  const pod = ev.pods.find((p) => p.name === e.object.name);
  if (pod === undefined) return false;
  const pulling = listAllContainers(ev.pods).some((r) => PULL_FAILURE.has(getWaiting(r.container)?.reason ?? ''));
  if (pulling) return false;
  const containers = [...pod.initContainers, ...pod.containers];
  return containers.length > 0 && containers.every(hasItsImage);
}

/** "3 about a stale image pull secret reference …", told beside the warning count of an all-clear. */
export function describeLeftoverPullSecretWarnings(count: number): string {
  return `${count} kubelet warning${count === 1 ? '' : 's'} about an image pull secret named in the pod spec that no longer exists (a stale reference: the pods already run their image; drop it from the template when convenient)`;
}

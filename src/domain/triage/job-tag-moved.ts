/**
 * A Job whose template did not change can still run another image: a mutable tag (`:main`,
 * `:latest`) pushed again gives every new pod the new build under imagePullPolicy Always. The
 * kubelet records what the tag resolved to in each pod's imageID, and the size it pulled in its
 * Pulled event: a failing run whose digest (or pulled size) differs from an earlier successful
 * run's pod is the trigger, told as "the tag now points at a different image". Without a kept pod
 * or event of a good run nothing is claimed.
 */
import type { EventEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { digestOf } from './verdict/differential.js';
import { shortDigest } from './verdict/image-digest.js';
import { unique } from './pod-status.js';

export interface TagMoved {
  image: string;
  /** What the failing pods run: a short digest, or the pulled size. */
  now: string;
  /** What the earlier successful run's pod ran. */
  before: string;
  /** The pod of the earlier good run it was compared with. */
  goodPod: string;
}

function digestsOf(pods: readonly PodEvidence[], container: string, image: string): string[] {
  return unique(pods.flatMap((p) => {
    const c = p.containers.find((x) => x.name === container && x.image === image);
    return c?.imageID ? [digestOf(c.imageID)] : [];
  }));
}

const PULLED_SIZE = /Successfully pulled image "([^"]+)".*Image size: (\d+) bytes/;

function pulledSizes(events: readonly EventEvidence[], pods: readonly string[], image: string): string[] {
  return unique(events.flatMap((e) => {
    if (e.reason !== 'Pulled' || !pods.includes(e.object.name)) return [];
    const m = PULLED_SIZE.exec(e.message);
    return m?.[1] === image && m[2] !== undefined ? [m[2]] : [];
  }));
}

/**
 * The failing pods' build of `image` against the pods of earlier successful runs of the same
 * workload (other Jobs, phase Succeeded): different digests, or different pulled sizes.
 */
export function findTagMoved(ev: TriageEvidence, failing: readonly PodEvidence[], container: string, image: string): TagMoved | undefined {
  if (/@sha256:/.test(image)) return undefined;
  const failingJobs = new Set(failing.map((p) => p.jobName));
  const good = ev.pods.filter((p) => p.phase === 'Succeeded' && p.jobName !== undefined && !failingJobs.has(p.jobName));
  if (good.length === 0) return undefined;
  const goodPod = [...good].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0]?.name ?? '';
  const now = digestsOf(failing, container, image);
  const before = digestsOf(good, container, image);
  if (now.length > 0 && before.length > 0) {
    if (now.some((d) => before.includes(d))) return undefined;
    return { image, now: `digest ${now.map(shortDigest).join(', ')}`, before: `digest ${before.map(shortDigest).join(', ')}`, goodPod };
  }
  const sizesNow = pulledSizes(ev.events, failing.map((p) => p.name), image);
  const sizesBefore = pulledSizes(ev.events, good.map((p) => p.name), image);
  if (sizesNow.length === 0 || sizesBefore.length === 0 || sizesNow.some((s) => sizesBefore.includes(s))) return undefined;
  return { image, now: `pulled size ${sizesNow.join(', ')} bytes`, before: `${sizesBefore.join(', ')} bytes`, goodPod };
}

/** "the tag team/app:latest now points at a different image (digest …; the last good run's pod ran …)". */
export function tellTagMoved(moved: TagMoved, shortImage: string, pullPolicy: string | undefined): string {
  const policy = pullPolicy === 'Always' ? ', pulled anew by every pod under imagePullPolicy Always' : '';
  return `the tag ${shortImage} now points at a different image (${moved.now}; the last good run's pod ${moved.goodPod} ran ${moved.before})${policy}`;
}

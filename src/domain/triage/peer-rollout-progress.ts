/**
 * Whether a peer's newest revision is what serves: from its ReplicaSets (PeerRolloutEvidence) and
 * its pods (read as a called Service's). A Deployment whose new pods never become ready keeps its
 * old ReplicaSet's pods serving (maxUnavailable 0): whatever the new release brings has not
 * arrived, however long ago the rollout began.
 */
import type { PeerRevisionEvidence, PeerRolloutEvidence, PodEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import { clipMiddle } from './collapse-events.js';
import { getWaiting } from './pod-status.js';
import { MINUTE_MS, msBetween } from './time-span.js';

/** A new pod not ready after this long is not starting: it is held. */
const HELD_AFTER_MS = 10 * MINUTE_MS;
/** Waiting reasons of a container that is still on its way. */
const ON_ITS_WAY = new Set(['ContainerCreating', 'PodInitializing']);

export interface PeerRolloutProgress {
  newest: PeerRevisionEvidence;
  /** Older revisions that still run pods: what serves while the newest is held. */
  serving: PeerRevisionEvidence[];
  /** Set when the newest revision's pods are held back: the first of them and what holds it. */
  held?: { pod: string; reason?: string; message?: string };
}

/** The pods a ReplicaSet made: its name is the Deployment's and their pod-template-hash. */
function podsOf(r: PeerRevisionEvidence, pods: readonly PodEvidence[]): PodEvidence[] {
  return pods.filter((p) => {
    const hash = p.revisionHash ?? p.labels['pod-template-hash'];
    return hash !== undefined && r.name.endsWith(`-${hash}`);
  });
}

export function describePeerProgress(history: PeerRolloutEvidence, pods: readonly PodEvidence[], now: IsoTime): PeerRolloutProgress | undefined {
  const [newest, ...older] = history.revisions;
  if (newest === undefined) return undefined;
  const serving = older.filter((r) => (r.replicas ?? 0) > 0);
  const mine = podsOf(newest, pods);
  if (serving.length === 0 || mine.length === 0 || mine.some((p) => p.ready)) return { newest, serving };
  const waiting = mine.flatMap((p) => p.containers.flatMap((c) => { const w = getWaiting(c); return w ? [{ pod: p, w }] : []; }));
  const stuck = waiting.find((x) => !ON_ITS_WAY.has(x.w.reason));
  const old = mine.find((p) => p.createdAt !== undefined && msBetween(p.createdAt, now) > HELD_AFTER_MS);
  if (stuck === undefined && old === undefined) return { newest, serving };
  const pod = stuck?.pod ?? (old as PodEvidence);
  const w = stuck?.w;
  return { newest, serving, held: { pod: pod.name, ...(w ? { reason: w.reason } : {}), ...(w?.message ? { message: clipMiddle(w.message, 200) } : {}) } };
}

/** The image tag of a revision's first container ("2.14.0"). */
export function peerVersionOf(r: PeerRevisionEvidence): string | undefined {
  const tag = /:([\w][\w.-]*)$/.exec((r.images[0] ?? '').replace(/@sha256:[0-9a-f]+$/, ''))?.[1];
  return tag === 'latest' ? undefined : tag;
}

// A WaitForFirstConsumer claim is provisioned only after the scheduler picks a node for a pod that
// uses it (it writes volume.kubernetes.io/selected-node on the claim, then waits for the bind
// before it binds the pod). A pod that sets spec.nodeName never passes the scheduler: it is on its
// node already, the claim never learns a node, stays Pending ("waiting for first consumer") and the
// kubelet waits forever on "PVC is not bound". Not the CSI driver, not the mount.
import type { EventEvidence, PvcEvidence, TriageEvidence } from './evidence.js';
import { msBetween } from './time-span.js';

/** Longer than the scheduler takes to select a node and the provisioner to start. */
const GRACE_MS = 2 * 60_000;

export interface SchedulerBypass {
  what: string;
  cause: string;
  action: string;
  fix: string;
  fact: string;
  /** The claim's own words: it waits for a consumer. */
  decisive: string;
}

/** The claim waits for a consumer that is on a node already, put there by spec.nodeName; undefined otherwise. */
export function findSchedulerBypass(ev: TriageEvidence, pvc: PvcEvidence, events: readonly EventEvidence[]): SchedulerBypass | undefined {
  if (pvc.phase !== 'Pending') return undefined;
  const waits = events.some((e) => e.reason === 'WaitForFirstConsumer') || ev.storageClasses?.some((c) => c.name === pvc.storageClass && c.volumeBindingMode === 'WaitForFirstConsumer');
  if (!waits) return undefined;
  const placed = ev.pods.filter((p) => pvc.usedByPods.includes(p.name) && p.nodeName !== undefined && (p.createdAt === undefined || msBetween(p.createdAt, ev.collectedAt) >= GRACE_MS));
  if (placed.length === 0) return undefined;
  const pinnedIn = (hash: string | undefined) => ev.revisions.find((r) => r.hash !== undefined && r.hash === hash)?.template?.nodeName;
  const pod = placed.find((p) => pinnedIn(p.revisionHash) !== undefined) ?? placed[0];
  if (pod === undefined) return undefined;
  const node = pod.nodeName ?? '';
  const byTemplate = pinnedIn(pod.revisionHash) !== undefined;
  const how = byTemplate ? `the pod template sets spec.nodeName: ${node}` : `pod ${pod.name} was put on ${node} with spec.nodeName`;
  return {
    what: `pod ${pod.name} is pinned by spec.nodeName ${node}, which bypasses the scheduler, so its WaitForFirstConsumer claim is never provisioned`,
    cause: `Claim ${pvc.name} (StorageClass ${pvc.storageClass ?? '?'}) binds in WaitForFirstConsumer mode: its volume is made only after the scheduler selects a node for a pod that uses it (the volume.kubernetes.io/selected-node annotation). ${how[0]?.toUpperCase()}${how.slice(1)}, so the pod goes straight to the node's kubelet and the scheduler never sees it: the claim stays Pending ("waiting for first consumer") and the kubelet cannot mount it ("PVC is not bound"). Not the CSI driver, not the mount, not capacity.`,
    action: `Replace spec.nodeName with a nodeSelector (kubernetes.io/hostname: ${node}) or node affinity, so the scheduler places the pod and the claim gets provisioned in that node's zone; then delete the stuck pod.`,
    fix: `replace spec.nodeName with nodeSelector kubernetes.io/hostname: ${node} (or node affinity), so the scheduler places the pod and the claim gets provisioned`,
    decisive: events.find((e) => e.reason === 'WaitForFirstConsumer')?.message ?? 'waiting for first consumer to be created before binding',
    fact: `${how}; the claim waits for its first consumer though the pod is on ${node} already: the scheduler, which would select the claim's node, never saw the pod`,
  };
}

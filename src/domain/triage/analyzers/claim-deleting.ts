import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import type { PendingExplanation } from '../pending-explanation.js';

/** Pods refused for a claim being deleted. */
export type ClaimDeleting = PendingExplanation;

function revisionOf(ev: TriageEvidence, name: string): number | undefined {
  const p = ev.pods.find((x) => x.name === name);
  return ev.revisions.find((r) => r.hash === p?.revisionHash)?.revision;
}

/**
 * Pending pods refused because a claim they mount "is being deleted": someone deleted the claim,
 * and pvc-protection keeps it only while running pods use it. The scheduler refuses every new pod
 * that mounts it, of any revision, so neither the rollout nor a rollback can place a pod; once the
 * last pod using it stops, the claim goes, and with a Delete reclaim policy its volume and data too.
 * The safe path keeps the running pods, protects the volume, then recreates the claim.
 */
export function explainClaimDeleting(ev: TriageEvidence, pending: readonly PodEvidence[], claim: string): ClaimDeleting {
  const pvc = ev.pvcs.find((c) => c.name === claim);
  const waiting = new Set(pending.map((p) => p.name));
  const users = (pvc?.usedByPods ?? []).filter((n) => !waiting.has(n));
  const revs = [...new Set(users.flatMap((n) => { const r = revisionOf(ev, n); return r === undefined ? [] : [r]; }))];
  const pv = pvc?.volumeName === undefined ? undefined : ev.volumes?.find((v) => v.name === pvc.volumeName);
  const since = pvc?.deletionTimestamp === undefined ? '' : ` ${formatAgo(pvc.deletionTimestamp, ev.collectedAt)}`;
  const held = pvc?.finalizers?.includes('kubernetes.io/pvc-protection') === true ? ' (kubernetes.io/pvc-protection)' : '';
  const ofRevision = revs.length > 0 ? ` of revision ${revs.join(', ')}` : '';
  const usedBy = users.length === 0 ? 'a pod uses it' : `${users.length} running pod${users.length === 1 ? '' : 's'}${ofRevision} ${users.length === 1 ? 'uses' : 'use'} it`;
  const loses = pv?.reclaimPolicy === 'Delete' ? `, and with it volume ${pv.name} (reclaim policy Delete): its data is lost` : '';
  const evidence = [
    ...(pvc?.deletionTimestamp ? [`PVC ${claim}: deletionTimestamp ${pvc.deletionTimestamp}${since ? ` (${since.trim()})` : ''}${pvc.finalizers?.length ? `, finalizers ${pvc.finalizers.join(', ')}` : ''}`] : []),
    ...(users.length > 0 ? [`claim ${claim} is still mounted by ${users.join(', ')}${revs.length > 0 ? ` (revision ${revs.join(', ')})` : ''}: that is all that keeps it`] : []),
    ...(pv ? [`volume ${pv.name}: reclaim policy ${pv.reclaimPolicy ?? 'unknown'}${pv.driver ? `, ${pv.driver}` : ''}`] : []),
  ];
  const protect = pv === undefined
    ? `make sure the volume behind ${claim} has reclaim policy Retain and back up its data`
    : `set volume ${pv.name}'s reclaim policy to Retain (\`${formatKubectl(ev.target, `patch pv ${pv.name} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`, 'cluster')}\` — the bot will not) and back up its data`;
  return {
    detail: `claim ${claim} was deleted${since} and is kept only while ${usedBy}${held}`,
    evidence,
    cause: `Claim ${claim} was deleted${since} but stays only while ${usedBy}${held}: the scheduler refuses every new pod that mounts a claim being deleted, whatever its revision, so no new pod can start (a rollback's neither). When the last pod using it stops, the claim is gone${loses}.`,
    action: `Keep the pods that use ${claim} running (no restart, scale-down or rollback); first ${protect}; then, once you know who deleted it and why, recreate claim ${claim} bound to that volume so new pods can mount it.`,
    fix: `keep the pods that use claim ${claim} running, protect its volume (reclaim policy Retain, a backup), then recreate the claim bound to it`,
    outsideWorkload: `claim ${claim} is being deleted, and the scheduler refuses new pods of any revision that mount it`,
    confirm: [
      formatKubectl(ev.target, `get pvc ${claim} -o jsonpath='{.metadata.deletionTimestamp} {.metadata.finalizers}'`),
      ...(pv ? [formatKubectl(ev.target, `get pv ${pv.name} -o jsonpath='{.spec.persistentVolumeReclaimPolicy}'`, 'cluster')] : []),
    ],
  };
}

/**
 * A ReplicaSet with no owner whose pods a workload's Service selects. Deleting a Deployment with
 * `--cascade=orphan` (the only way to change its immutable selector) leaves its ReplicaSets
 * running without an ownerReference; a Deployment re-created under the same name adopts them only
 * if its selector matches their labels. When it does not, nothing scales them down, and their
 * pods — the old version — keep the labels the Service selects.
 */
import type { TriageEvidence } from './evidence.js';
import type { ForeignReplicaSetEvidence } from './evidence-foreign-replica-set.js';
import type { PodEvidence } from './evidence-pod.js';
import { splitImage } from './revision-diff.js';

export interface OrphanedReplicaSet {
  replicaSet: ForeignReplicaSetEvidence;
  /** Its pods behind the Service, as read. */
  pods: PodEvidence[];
  /** The Deployment its name says made it (`<deployment>-<pod-template-hash>`), when its pods carry that hash. */
  madeBy?: string;
  /** The workload is that Deployment, created after the ReplicaSet: it was deleted (orphaning it) and re-created. */
  recreatedAt?: string;
  /** Its image against the workload's, when both are of one repository and differ: `{ old: '3.7.2', now: '3.8.0' }`. */
  versions?: { old: string; now: string };
  /** The workload's selector labels its pods lack: why the workload does not adopt them. */
  unmatched: Record<string, string>;
}

/** `<deployment>-<hash>` when the pods' pod-template-hash label ends the ReplicaSet's name. */
function deploymentNameOf(rs: ForeignReplicaSetEvidence, pods: readonly PodEvidence[]): string | undefined {
  const hash = pods.map((p) => p.labels['pod-template-hash']).find((h) => h !== undefined);
  return hash !== undefined && rs.name.endsWith(`-${hash}`) ? rs.name.slice(0, -hash.length - 1) : undefined;
}

/** The workload's image of the same repository as the ReplicaSet's, when its version differs. */
function compareVersions(ev: TriageEvidence, rs: ForeignReplicaSetEvidence): OrphanedReplicaSet['versions'] {
  const own = [...(ev.workload?.templateContainers.map((c) => c.image) ?? []), ...ev.pods.flatMap((p) => p.containers.map((c) => c.image))];
  for (const image of rs.images) {
    const old = splitImage(image);
    const now = own.map(splitImage).find((o) => o.repo === old.repo && o.version !== old.version);
    if (now !== undefined) return { old: old.version, now: now.version };
  }
  return undefined;
}

/** The first ReplicaSet without an owner among the foreign pods read from these endpoint pod names. */
export function findOrphanedReplicaSet(ev: TriageEvidence, podNames: readonly string[]): OrphanedReplicaSet | undefined {
  const read = (ev.foreignPods ?? []).filter((f) => podNames.includes(f.pod.name));
  const rs = read.find((f) => f.replicaSet !== undefined && f.replicaSet.owner === undefined)?.replicaSet;
  if (rs === undefined) return undefined;
  const pods = read.filter((f) => f.replicaSet?.name === rs.name).map((f) => f.pod);
  const madeBy = deploymentNameOf(rs, pods);
  const created = ev.workload?.createdAt;
  const recreated = madeBy !== undefined && ev.target.kind === 'Deployment' && madeBy === ev.target.name && created !== undefined && rs.createdAt !== undefined && created > rs.createdAt;
  const selector = ev.workload?.selector ?? {};
  const unmatched = Object.fromEntries(Object.entries(selector).filter(([k, v]) => pods.every((p) => p.labels[k] !== v)));
  const versions = compareVersions(ev, rs);
  return { replicaSet: rs, pods, ...(madeBy ? { madeBy } : {}), ...(recreated ? { recreatedAt: created } : {}), ...(versions ? { versions } : {}), unmatched };
}

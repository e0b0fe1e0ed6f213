/**
 * Redis Cluster members that came back empty: pods re-created (the workload is much older than
 * they are) whose last start found no cluster config ("No cluster configuration found, I'm <new
 * id>") and never joined since, because the directory holding nodes.conf and the data is an
 * emptyDir (or no volume at all) — it dies with the pod. Such a node has a new ID, no slots and no
 * peers: the cluster still waits for the old IDs, and if a master and its replicas all came back
 * so, nothing can fail over and the cluster stays in state fail. Pure.
 */
import type { PodEvidence, TriageEvidence, VolumeEvidence } from './evidence.js';
import { findPod } from './evidence-lookup.js';
import type { RedisClusterLog } from './redis-cluster-log.js';
import { MINUTE_MS, msBetween } from './time-span.js';

/** A pod created this long after the workload (or its oldest sibling) is a re-creation, not the first start. */
const RECREATED_AFTER_MS = 30 * MINUTE_MS;
/** Volumes whose contents never outlive the pod (config and secrets are read-only inputs, not data). */
const INPUT_SOURCES = new Set<VolumeEvidence['source']>(['configMap', 'secret', 'projected']);

export interface EmptiedMember {
  pod: PodEvidence;
  /** The ID it took on its empty start, and the line that says so. */
  id: string;
  line: string;
}

export interface ClusterReset {
  members: EmptiedMember[];
  /** Where its data directory lived: an emptyDir volume (name, mount path), or the container's own filesystem. */
  storage: { kind: 'emptyDir'; volume: string; mountPath: string } | { kind: 'container' };
}

/** Where a member keeps its data, when that cannot outlive the pod; undefined when some mount may persist (a claim, a host path). */
function ephemeralStorage(pod: PodEvidence, container: string): ClusterReset['storage'] | undefined {
  const mounts = pod.containers.find((c) => c.name === container)?.volumeMounts ?? [];
  const withSource = mounts.map((m) => ({ m, v: pod.volumes?.find((v) => v.name === m.name) }));
  const data = withSource.filter(({ v }) => v === undefined || !INPUT_SOURCES.has(v.source));
  if (data.some(({ v }) => v?.source !== 'emptyDir')) return undefined;
  // The one called data (or mounted at …/data) when there are several.
  const pick = data.find(({ m }) => /(^|\/)data(\/|$)/.test(m.mountPath) || /data/i.test(m.name)) ?? data[0];
  return pick ? { kind: 'emptyDir', volume: pick.m.name, mountPath: pick.m.mountPath } : { kind: 'container' };
}

function isRecreated(ev: TriageEvidence, pod: PodEvidence): boolean {
  const born = pod.createdAt;
  if (born === undefined) return false;
  const oldest = [ev.workload?.createdAt, ...ev.pods.map((p) => p.createdAt)].filter((t): t is string => t !== undefined).sort()[0];
  return oldest !== undefined && msBetween(oldest, born) > RECREATED_AFTER_MS;
}

export function findClusterReset(ev: TriageEvidence, nodes: readonly RedisClusterLog[]): ClusterReset | undefined {
  const members: EmptiedMember[] = [];
  let storage: ClusterReset['storage'] | undefined;
  for (const n of nodes) {
    // Joined since (it saw the cluster ok after its empty start): re-formed, not lost.
    if (n.fresh === undefined || n.state?.value === 'ok') continue;
    const pod = findPod(ev, n.log.pod);
    if (pod === undefined || !isRecreated(ev, pod)) continue;
    const where = ephemeralStorage(pod, n.log.container);
    if (where === undefined) continue;
    storage ??= where;
    members.push({ pod, id: n.fresh.id, line: n.fresh.line });
  }
  return storage && members.length > 0 ? { members, storage } : undefined;
}

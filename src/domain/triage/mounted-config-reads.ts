/**
 * The ConfigMaps behind a container's config file: the one its pod mounts now (the first volume
 * of that container that is a ConfigMap) and the one the revision before had behind the same
 * volume when it differs — what the setting was, and what to restore. Never a Secret.
 */
import type { PodEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/** A ConfigMap to read for a container's setting; `mountedNow`: the pods mount it today, else the revision before did. */
export interface MountedConfigRead {
  configMap: string;
  mountedNow: boolean;
}

/** At most: the file mounted now and the one it replaced. */
const MAX_CONFIG_READS = 2;

export function pickMountedConfigReads(pods: readonly PodEvidence[], revisions: readonly RevisionEvidence[], podName: string | undefined, container: string): MountedConfigRead[] {
  const pod = pods.find((p) => p.name === podName);
  const mounts = pod?.containers.find((c) => c.name === container)?.volumeMounts ?? [];
  const volume = (pod?.volumes ?? []).find((v) => v.source === 'configMap' && v.ref !== undefined && mounts.some((m) => m.name === v.name));
  if (volume?.ref === undefined) return [];
  const reads: MountedConfigRead[] = [{ configMap: volume.ref, mountedNow: true }];
  const sorted = sortRevisions(revisions);
  const current = sorted.findIndex((r) => r.hash !== undefined && r.hash === pod?.revisionHash);
  const before = current < 0 ? undefined : sorted[current + 1];
  const was = before?.template?.volumes.find((v) => v.name === volume.name && v.source === 'configMap')?.ref;
  if (was !== undefined && was !== volume.ref) reads.push({ configMap: was, mountedNow: false });
  return reads.slice(0, MAX_CONFIG_READS);
}

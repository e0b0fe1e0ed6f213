// The zone a zonal volume is pinned to, read from its node affinity: the labels the cloud's CSI
// drivers and Kubernetes itself put on nodes for their zone.
import type { PersistentVolumeEvidence } from './evidence-context.js';
import type { DownMember } from './cluster-down.js';

export const ZONE_KEYS = ['topology.kubernetes.io/zone', 'topology.ebs.csi.aws.com/zone', 'topology.gke.io/zone', 'failure-domain.beta.kubernetes.io/zone', 'topology.disk.csi.azure.com/zone'];

/** The zones a volume is pinned to by its node affinity; empty when it is not zonal. */
export function listVolumeZones(v: Pick<PersistentVolumeEvidence, 'nodeAffinity'>): string[] {
  return [...new Set(v.nodeAffinity.flat().filter((r) => ZONE_KEYS.includes(r.key) && r.operator === 'In').flatMap((r) => r.values))];
}

/** Members whose volumes are read: a replicated store loses one or two to a zone at a time. */
const MAX_MEMBERS = 2;

/** The Pending members the scheduler cannot place for their volume's zone, with their claims: whose volumes to read. */
export function listZonePinnedMembers(down: readonly DownMember[]): { pod: string; claims: string[] }[] {
  return down
    .filter((d) => d.state === 'Pending' && /volume node affinity conflict/i.test(d.unschedulable ?? ''))
    .map((d) => ({ pod: d.pod.name, claims: (d.pod.volumes ?? []).flatMap((v) => (v.source === 'pvc' && v.ref !== undefined ? [v.ref] : [])).slice(0, 1) }))
    .filter((m) => m.claims.length > 0)
    .slice(0, MAX_MEMBERS);
}

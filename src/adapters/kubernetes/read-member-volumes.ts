// The volumes of a clustered dependency's members that the scheduler cannot place for a volume
// node affinity conflict (at most two members, one claim each): a get of each claim, then of the
// volume bound to it — the zone it is pinned to is where a node must be. Read-only; never Secrets.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import type { MemberVolumeEvidence } from '../../domain/triage/evidence-member-volumes.js';
import { listDownMembers } from '../../domain/triage/cluster-down.js';
import { listVolumeZones, listZonePinnedMembers } from '../../domain/triage/volume-zones.js';
import type { CollectContext } from './collect-context.js';
import { mapPersistentVolume } from './map-context.js';

export async function readMemberVolumes(ctx: CollectContext, members: DependencyMembersEvidence): Promise<MemberVolumeEvidence[]> {
  const pinned = listZonePinnedMembers(listDownMembers(members.pods));
  const { namespace } = members;
  const why = (pod: string) => `member ${pod} of ${members.service} is Pending on a volume node affinity conflict`;
  const read = await Promise.all(pinned.flatMap((m) => m.claims.map(async (claim): Promise<MemberVolumeEvidence | undefined> => {
    const pvc = await ctx.reads.one(`PersistentVolumeClaim ${claim} in ${namespace} (${why(m.pod)})`, 'dependencyMembers', (o) => ctx.clients.core.readNamespacedPersistentVolumeClaim({ name: claim, namespace }, o));
    const volume = pvc?.spec?.volumeName;
    if (volume === undefined || volume === '') return undefined;
    const pv = await ctx.reads.one(`PersistentVolume ${volume} (${why(m.pod)})`, 'dependencyMembers', (o) => ctx.clients.core.readPersistentVolume({ name: volume }, o));
    return pv === undefined ? undefined : { pod: m.pod, claim, volume, zones: listVolumeZones(mapPersistentVolume(pv)) };
  })));
  return read.filter((v): v is MemberVolumeEvidence => v !== undefined);
}

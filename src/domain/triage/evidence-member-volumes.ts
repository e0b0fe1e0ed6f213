// The volumes of a clustered dependency's members that the scheduler cannot place for a volume
// node affinity conflict: which claim holds each, and the zones its volume is pinned to. A zonal
// disk attaches only in its zone, so that zone is where a node must be for the member to run.

export interface MemberVolumeEvidence {
  pod: string;
  claim: string;
  volume: string;
  /** The zones the volume's node affinity pins it to; empty when it is not zonal. */
  zones: string[];
}

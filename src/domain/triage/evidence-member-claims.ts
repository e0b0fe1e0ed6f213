// The claims of a StatefulSet-run dependency's members and the set's claim retention policy, read
// when one member is far younger than its siblings: a member re-created on a claim the controller
// deleted (whenScaled: Delete, then scaled back up) starts empty, with none of its old data.
import type { IsoTime } from './evidence-spec.js';

export interface MemberClaimsEvidence {
  statefulSet: string;
  /** spec.persistentVolumeClaimRetentionPolicy; absent means Retain for both. */
  whenScaled?: string;
  whenDeleted?: string;
  /** The members' claims (at most a few): name, the member that mounts it, when it was made. */
  claims: { name: string; pod: string; createdAt?: IsoTime }[];
}

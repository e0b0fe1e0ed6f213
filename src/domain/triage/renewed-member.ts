/**
 * A StatefulSet member re-created on a new claim: its claim is far younger than its siblings', so
 * the controller made it afresh — the old one was deleted, most often by the set's own retention
 * policy (persistentVolumeClaimRetentionPolicy whenScaled: Delete, then a scale down and back up).
 * The member then starts empty: a clustered store's node with no data, no cluster config, a new id.
 */
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import type { PodEvidence } from './evidence.js';
import { formatSpan, msBetween } from './time-span.js';

/** The young member (or claim) is at most this old… */
const YOUNG_MS = 24 * 3600_000;
/** …and its siblings at least this many times older. */
const OLDER_BY = 7;

/** The StatefulSet a pod belongs to: its owner, or its name without the ordinal. */
export function setOf(p: PodEvidence): string | undefined {
  if (p.ownerWorkload?.kind === 'StatefulSet') return p.ownerWorkload.name;
  return p.ordinal !== undefined && p.name.endsWith(`-${p.ordinal}`) ? p.name.slice(0, -`-${p.ordinal}`.length) : undefined;
}

/** The member of a StatefulSet far younger than every sibling (at least two), when there is one. */
export function findRenewedMember(pods: readonly PodEvidence[], now: string): { pod: PodEvidence; set: string } | undefined {
  const members = pods.filter((p) => setOf(p) !== undefined && p.createdAt !== undefined);
  const set = members[0] === undefined ? undefined : setOf(members[0]);
  if (set === undefined || members.length < 3 || members.some((p) => setOf(p) !== set)) return undefined;
  const age = (p: PodEvidence) => msBetween(p.createdAt ?? now, now);
  const [young, ...rest] = [...members].sort((a, b) => age(a) - age(b));
  if (young === undefined || age(young) > YOUNG_MS || rest.some((p) => age(p) < OLDER_BY * Math.max(age(young), 60_000))) return undefined;
  return { pod: young, set };
}

export interface WipedClaim {
  pod: string;
  claim: string;
  set: string;
  /** "41m", "140d". */
  age: string;
  siblingsAge: string;
  /** "persistentVolumeClaimRetentionPolicy whenScaled: Delete", when the set deletes claims. */
  policy?: string;
  createdAt: string;
}

/** The member whose claim is far younger than its siblings' claims: it came back on a new, empty volume. */
export function findWipedClaim(members: DependencyMembersEvidence, now: string): WipedClaim | undefined {
  const mc = members.memberClaims;
  if (mc === undefined) return undefined;
  const dated = mc.claims.filter((c) => c.createdAt !== undefined);
  const age = (c: { createdAt?: string }) => msBetween(c.createdAt ?? now, now);
  const [young, ...rest] = [...dated].sort((a, b) => age(a) - age(b));
  if (young === undefined || rest.length < 2 || age(young) > YOUNG_MS || rest.some((c) => age(c) < OLDER_BY * Math.max(age(young), 60_000))) return undefined;
  const deletes = [mc.whenScaled === 'Delete' ? 'whenScaled: Delete' : undefined, mc.whenDeleted === 'Delete' ? 'whenDeleted: Delete' : undefined].filter((x) => x !== undefined);
  return {
    pod: young.pod,
    claim: young.name,
    set: mc.statefulSet,
    age: formatSpan(age(young)),
    siblingsAge: formatSpan(Math.min(...rest.map(age))),
    ...(deletes.length > 0 ? { policy: `persistentVolumeClaimRetentionPolicy ${deletes.join(', ')}` } : {}),
    createdAt: young.createdAt ?? now,
  };
}

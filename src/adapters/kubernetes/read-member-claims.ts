// The claims of a clustered dependency's members and their StatefulSet's claim retention policy,
// read only when one member is far younger than its siblings (renewed-member.ts), or — `whole` says
// why — when the workload's own members refuse the identity this dependency hands out (its claims
// may be younger than theirs: coordinator-reset.ts): a get of the StatefulSet and a get of each
// member's claim (at most five). Read-only; never Secrets.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import type { MemberClaimsEvidence } from '../../domain/triage/evidence-member-claims.js';
import { findRenewedMember, setOf } from '../../domain/triage/renewed-member.js';
import type { CollectContext } from './collect-context.js';

/** A cluster has a handful of members: their claims are enough to see which one is new. */
const MAX_CLAIMS = 5;

export async function readMemberClaims(ctx: CollectContext, members: DependencyMembersEvidence, whole?: string): Promise<MemberClaimsEvidence | undefined> {
  const first = members.pods[0];
  const named = whole !== undefined && first !== undefined ? setOf(first) : undefined;
  const renewed = named !== undefined && first !== undefined ? { pod: first, set: named } : findRenewedMember(members.pods, ctx.now().toISOString());
  if (renewed === undefined) return undefined;
  const { namespace } = members;
  const claims = members.pods
    .filter((p) => setOf(p) === renewed.set)
    .flatMap((p) => (p.volumes ?? []).filter((v) => v.source === 'pvc' && v.ref !== undefined).map((v) => ({ pod: p.name, name: v.ref ?? '' })))
    .slice(0, MAX_CLAIMS);
  if (claims.length === 0) return undefined;
  const why = whole ?? `member ${renewed.pod.name} is far younger than its siblings`;
  const [set, ...read] = await Promise.all([
    ctx.reads.one(`StatefulSet ${renewed.set} in ${namespace} (${why})`, 'dependencyMembers', (o) => ctx.clients.apps.readNamespacedStatefulSet({ name: renewed.set, namespace }, o)),
    ...claims.map((c) => ctx.reads.one(`PersistentVolumeClaim ${c.name} in ${namespace} (${why})`, 'dependencyMembers', (o) => ctx.clients.core.readNamespacedPersistentVolumeClaim({ name: c.name, namespace }, o))),
  ]);
  const policy = set?.spec?.persistentVolumeClaimRetentionPolicy;
  return {
    statefulSet: renewed.set,
    ...(policy?.whenScaled ? { whenScaled: policy.whenScaled } : {}),
    ...(policy?.whenDeleted ? { whenDeleted: policy.whenDeleted } : {}),
    claims: claims.flatMap((c, i) => {
      const got = read[i];
      const created = got?.metadata?.creationTimestamp;
      return got === undefined ? [] : [{ name: c.name, pod: c.pod, ...(created ? { createdAt: new Date(created).toISOString() } : {}) }];
    }),
  };
}

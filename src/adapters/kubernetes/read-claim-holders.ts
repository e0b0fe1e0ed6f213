// Who holds a ReadWriteOncePod claim the workload's pending pods wait for, when none of its own
// pods mounts it: one list of the namespace's pods (at most MAX_LISTED); of them the running pods
// that mount the claim, with the workload that owns each (at most MAX_HOLDERS). Read only when a
// pending pod of the workload mounts a ReadWriteOncePod claim no pod of its own holds.
import type * as k8s from '@kubernetes/client-node';
import type { PodEvidence, PvcEvidence, TriageEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';

const MAX_LISTED = 200;
const MAX_HOLDERS = 2;

const mountsClaim = (p: PodEvidence, claim: string) => (p.volumes ?? []).some((v) => v.source === 'pvc' && v.ref === claim);

/** The ReadWriteOncePod claims pending pods of the workload mount and none of its scheduled pods does. */
export function pickHeldClaims(pods: readonly PodEvidence[], pvcs: readonly PvcEvidence[]): string[] {
  const rwop = pvcs.filter((c) => c.accessModes.includes('ReadWriteOncePod')).map((c) => c.name);
  const pending = pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined);
  const scheduled = pods.filter((p) => p.nodeName !== undefined && p.phase !== 'Succeeded' && p.phase !== 'Failed');
  return rwop.filter((c) => pending.some((p) => mountsClaim(p, c)) && !scheduled.some((p) => mountsClaim(p, c)));
}

export async function readClaimHolders(ctx: CollectContext, claims: readonly string[], own: ReadonlySet<string>): Promise<NonNullable<TriageEvidence['claimHolders']>> {
  if (claims.length === 0) return [];
  const list = await ctx.reads.list('pods of the namespace (who holds a ReadWriteOncePod claim)', 'pods', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_LISTED },
  );
  const claimOf = (p: k8s.V1Pod) => (p.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).find((c): c is string => c !== undefined && claims.includes(c));
  return list.items
    .filter((p) => p.status?.phase === 'Running' && p.spec?.nodeName !== undefined && p.metadata?.deletionTimestamp === undefined && !own.has(p.metadata?.name ?? '') && claimOf(p) !== undefined)
    .slice(0, MAX_HOLDERS)
    .map((p) => {
      const owner = ownerWorkloadOf(p);
      return { claim: claimOf(p) ?? '', pod: p.metadata?.name ?? '', ...(p.spec?.nodeName ? { node: p.spec.nodeName } : {}), ...(owner ? { owner } : {}) };
    });
}

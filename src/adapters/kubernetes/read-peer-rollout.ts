// The rollout history of the Service whose answers the workload's client refuses for their size
// (oversized-peer.ts), or that answers its gRPC calls UNIMPLEMENTED (grpc-unimplemented.ts), its
// HTTP calls 404 on a path (http-route-gone.ts), 400 for plain HTTP on a TLS port, 414 for a URL
// too long or 417 to Expect: 100-continue, a forward proxy among them (peer-request-refusal.ts): one list of the ReplicaSets its selector matches (at most 10),
// read only then. What changed is the peer's answer, so when its newest revision came, what it
// changed, and whether it is out, decides.
import type { PeerRevisionEvidence, PeerRolloutEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import { diffRevisions } from '../../domain/triage/revision-diff.js';
import type { CollectContext } from './collect-context.js';
import { mapReplicaSet } from './map-revision.js';
import { pageParams } from './paginate.js';

const MAX_REPLICA_SETS = 10;
/** Lines of a revision's diff kept. */
const MAX_CHANGES = 6;

export async function readPeerRollout(ctx: CollectContext, svc: ServiceEvidence, opts: { probes?: boolean; why?: string } = {}): Promise<PeerRolloutEvidence | undefined> {
  const { apps } = ctx.clients;
  const namespace = ctx.namespace;
  const labelSelector = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
  if (labelSelector === '') return undefined;
  const list = await ctx.reads.list(`ReplicaSets of Service ${svc.name} (${labelSelector}), ${opts.why ?? 'whose answers fail the workload'}`, 'dependencyPods', (cont, limit, o) =>
    apps.listNamespacedReplicaSet({ namespace, labelSelector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_REPLICA_SETS },
  );
  const owned = list.items.flatMap((rs) => {
    const r = mapReplicaSet(rs);
    const owner = rs.metadata?.ownerReferences?.find((o) => o.kind === 'Deployment')?.name;
    if (r === undefined) return [];
    const revision: PeerRevisionEvidence = { revision: r.revision, name: r.name, createdAt: r.createdAt, images: r.containers.map((c) => c.image), ...(r.replicas === undefined ? {} : { replicas: r.replicas }), ...(r.changeCause ? { changeCause: r.changeCause } : {}), ...(opts.probes === true ? { probes: r.containers.map((c) => c.probes ?? {}) } : {}) };
    return [{ owner, revision, template: r }];
  });
  // Two Deployments behind one selector: the one that rolled out last is the lead.
  const newest = [...owned].sort((a, b) => (a.revision.createdAt < b.revision.createdAt ? 1 : -1))[0];
  if (newest === undefined) return undefined;
  const mine = owned.filter((o) => o.owner === newest.owner).sort((a, b) => b.revision.revision - a.revision.revision);
  // What each revision changed from the one before it: a peer's image often stays while its config or port scheme moves.
  const revisions = mine.map((o, i) => {
    const older = mine[i + 1];
    const changes = older === undefined ? [] : diffRevisions(older.template, o.template).slice(0, MAX_CHANGES);
    return changes.length > 0 ? { ...o.revision, changes } : o.revision;
  });
  return { service: svc.name, ...(newest.owner ? { deployment: newest.owner } : {}), revisions };
}

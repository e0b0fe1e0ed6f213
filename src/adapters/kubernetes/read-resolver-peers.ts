// The resolver options of the namespace's other Deployments, read only when the workload's lookups
// stall at the resolver timeout (needsResolverPeers): one list of the namespace's Deployments (at
// most 200), keeping each one's name and its pod template's spec.dnsConfig.options, and only those
// that set any. A sibling that already sets single-request-reopen shows how this namespace fixed it.
import type { ResolverPeerEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';

const MAX_DEPLOYMENTS = 200;

export async function readResolverPeers(ctx: CollectContext, target: TriageTarget): Promise<ResolverPeerEvidence[]> {
  const namespace = ctx.namespace;
  const list = await ctx.reads.list(`Deployments of namespace ${namespace} (lookups stall at the resolver timeout: which set resolver options)`, 'dns', (cont, limit, o) =>
    ctx.clients.apps.listNamespacedDeployment({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_DEPLOYMENTS },
  );
  return list.items.flatMap((d) => {
    const deployment = d.metadata?.name;
    if (deployment === undefined || (target.kind === 'Deployment' && deployment === target.name)) return [];
    const options = (d.spec?.template.spec?.dnsConfig?.options ?? []).flatMap((o) => (o.name ? [o.value === undefined ? o.name : `${o.name}:${o.value}`] : []));
    return options.length === 0 ? [] : [{ deployment, options }];
  });
}

// The resolver options of the namespace's other Deployments, read only when the workload's lookups
// stall at the resolver timeout (needsResolverPeers): one list of the namespace's Deployments (at
// most 200, shared with other leads: list-namespace-deployments.ts), keeping each one's name and
// its pod template's spec.dnsConfig.options, and only those that set any. A sibling that already sets single-request-reopen shows how this namespace fixed it.
import type { ResolverPeerEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';

export async function readResolverPeers(ctx: CollectContext, target: TriageTarget): Promise<ResolverPeerEvidence[]> {
  const list = await listNamespaceDeployments(ctx, 'lookups stall at the resolver timeout: which set resolver options', 'dns');
  return list.items.flatMap((d) => {
    const deployment = d.metadata?.name;
    if (deployment === undefined || (target.kind === 'Deployment' && deployment === target.name)) return [];
    const options = (d.spec?.template.spec?.dnsConfig?.options ?? []).flatMap((o) => (o.name ? [o.value === undefined ? o.name : `${o.name}:${o.value}`] : []));
    return options.length === 0 ? [] : [{ deployment, options }];
  });
}

// The namespace's Deployments (at most 200), listed once per triage whichever lead needs them first
// (resolver peers, schedulers): two leads cost one list. A failure is recorded under the first
// reader's words and source; every reader sees `failed`, so none reads an absence into it.
import type { EvidenceSource } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';

const MAX_DEPLOYMENTS = 200;

export type DeploymentsList = NonNullable<CollectContext['namespaceDeployments']> extends Promise<infer L> ? L : never;

export function listNamespaceDeployments(ctx: CollectContext, why: string, source: EvidenceSource): Promise<DeploymentsList> {
  const namespace = ctx.namespace;
  ctx.namespaceDeployments ??= ctx.reads.list(`Deployments of namespace ${namespace} (${why})`, source, (cont, limit, o) =>
    ctx.clients.apps.listNamespacedDeployment({ namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_DEPLOYMENTS },
  );
  return ctx.namespaceDeployments;
}

// The Services of another namespace whose cluster-local name (`name.namespace.svc…`) the workload's
// logs say does not resolve (at most one namespace, see pickUnresolvedNamespaces): one list of that
// namespace's Services, at most MAX_ITEMS, names, creation times and ports kept. Read only then: a
// Service gone from there (renamed by a chart upgrade) is the cause, and its successor the fix.
import type { NamedNamespaceServicesEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { namespaceObject } from './map-context.js';
import { pageParams } from './paginate.js';

const MAX_ITEMS = 100;

export async function readNamedNamespaceServices(ctx: CollectContext, refs: readonly { name: string; namespace: string }[]): Promise<NamedNamespaceServicesEvidence[]> {
  const { core } = ctx.clients;
  return Promise.all(
    refs.map(async ({ name, namespace }) => {
      const list = await ctx.reads.list(`Services of namespace ${namespace} (${name}.${namespace} does not resolve)`, 'dependencyServices', (cont, limit, o) =>
        core.listNamespacedService({ namespace, ...pageParams(cont, limit) }, o),
        { maxItems: MAX_ITEMS },
      );
      return {
        namespace,
        services: list.items.map((s) => {
          const { createdAt } = namespaceObject('Service', s.metadata);
          return { name: s.metadata?.name ?? '', ...(createdAt === undefined ? {} : { createdAt }), ports: (s.spec?.ports ?? []).map((p) => String(p.port)) };
        }),
      };
    }),
  );
}

// Services of any namespace named like a short host name the failing pods cannot resolve (at most
// two names, see pickShortNamesElsewhere): one cluster-wide list per name, by fieldSelector
// metadata.name, so its cost does not grow with the cluster. Specs only, no EndpointSlices.
import type { ServiceElsewhereEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { namespaceObject } from './map-context.js';
import { mapService } from './map-network.js';
import { pageParams } from './paginate.js';

/** A name shared by many namespaces (every team's own `redis`) says little past the first few. */
const MAX_ITEMS = 20;

export async function readServicesElsewhere(ctx: CollectContext, names: readonly string[]): Promise<ServiceElsewhereEvidence[]> {
  const { core } = ctx.clients;
  const lists = await Promise.all(
    names.map((name) =>
      ctx.reads.list(`Services named ${name} in other namespaces`, 'dependencyServices', (cont, limit, o) =>
        core.listServiceForAllNamespaces({ fieldSelector: `metadata.name=${name}`, ...pageParams(cont, limit) }, o),
        { maxItems: MAX_ITEMS },
      ),
    ),
  );
  return lists.flatMap((l) =>
    l.items
      .filter((s) => s.metadata?.namespace !== undefined && s.metadata.namespace !== ctx.namespace)
      .map((s) => {
        const { createdAt, changedAt } = namespaceObject('Service', s.metadata);
        return { namespace: s.metadata?.namespace ?? '', service: mapService(s), ...(createdAt === undefined ? {} : { createdAt }), ...(changedAt === undefined ? {} : { changedAt }) };
      }),
  );
}

// Where the workload's current log says a name does not resolve without naming it (gRPC's "name
// resolver error: produced zero addresses"): a get of the ConfigMaps the logging container mounts
// (at most two, config-endpoint.ts), keeping only the lines that hold an in-cluster Service name;
// then, for the other namespaces those name (at most two), one list of their Services, to see
// whether the named one exists and what is there instead. Never a Secret; nothing at all while
// the logs name every host they fail on.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ConfigEndpointEvidence } from '../../domain/triage/evidence-config-endpoint.js';
import { findConfigEndpoints, pickConfigEndpointRead, pickEndpointNamespaces } from '../../domain/triage/config-endpoint.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { mapService } from './map-network.js';
import { pageParams } from './paginate.js';

/** A namespace with more Services than this is listed no further: the named one is judged absent only from a whole list. */
const MAX_SERVICES = 200;

export async function readConfigEndpoints(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<ConfigEndpointEvidence[]> {
  const wanted = pickConfigEndpointRead(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps mounted by pods whose log says a name does not resolve, for the names they configure', (name) => name);
  const endpoints = got.flatMap(({ item, value }) => Object.entries(value.data ?? {}).flatMap(([key, text]) => findConfigEndpoints(text).map((e) => ({ configMap: item, key, ...e }))));
  const namespaces = pickEndpointNamespaces(endpoints, ctx.namespace);
  const lists = await Promise.all(
    namespaces.map(async (namespace) => {
      const list = await ctx.reads.list(`Services of namespace ${namespace} (named in the pods' mounted config)`, 'dependencyServices', (cont, limit, o) =>
        ctx.clients.core.listNamespacedService({ namespace, ...pageParams(cont, limit) }, o),
        { maxItems: MAX_SERVICES },
      );
      return { namespace, services: list.failed || list.more ? undefined : list.items.map(mapService) };
    }),
  );
  return endpoints.map((e) => {
    const services = lists.find((l) => l.namespace === e.namespace)?.services;
    return services === undefined ? e : { ...e, namespaceServices: services };
  });
}

// Services of other namespaces that the failing pods' logs name as a dependency (at most two, see
// pickDependencyServices): a get of each and a list of its EndpointSlices — where the name leads
// (ExternalName target, internalTrafficPolicy, endpoints per node); or the API server's Service, when an egress
// rule may have been written for its ClusterIP (service-dnat.ts). Two requests per Service.
import type { DependencyServiceEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { namespaceObject } from './map-context.js';
import { SERVICE_NAME_LABEL, mapEndpointSlice, mapService } from './map-network.js';
import { pageParams } from './paginate.js';

export async function readDependencyServices(ctx: CollectContext, refs: readonly { name: string; namespace: string }[]): Promise<DependencyServiceEvidence[]> {
  const { core, discovery } = ctx.clients;
  const read = await Promise.all(
    refs.map(async ({ name, namespace }) => {
      const [svc, slices] = await Promise.all([
        ctx.reads.one(`Service ${name} in ${namespace} (a dependency of the logs)`, 'dependencyServices', (o) => core.readNamespacedService({ name, namespace }, o)),
        ctx.reads.list(`EndpointSlices of Service ${name} in ${namespace}`, 'dependencyServices', (cont, limit, o) =>
          discovery.listNamespacedEndpointSlice({ namespace, labelSelector: `${SERVICE_NAME_LABEL}=${name}`, ...pageParams(cont, limit) }, o),
        ),
      ]);
      if (svc === undefined) return undefined;
      const changedAt = namespaceObject('Service', svc.metadata).changedAt;
      return { namespace, service: mapService(svc), slices: slices.items.map(mapEndpointSlice), ...(changedAt === undefined ? {} : { changedAt }) };
    }),
  );
  return read.filter((d): d is DependencyServiceEvidence => d !== undefined);
}

// The v1 Endpoints of the Services selecting a workload that runs past the 1000 addresses one such
// object holds: one get each (at most two Services), only the over-capacity annotation and the
// address counts kept (evidence-endpoints-capacity.ts). Nothing is read for a smaller workload.
import type { EndpointsCapacityEvidence } from '../../domain/triage/evidence-endpoints-capacity.js';
import { OVER_CAPACITY_ANNOTATION } from '../../domain/triage/evidence-endpoints-capacity.js';
import type { CollectContext } from './collect-context.js';

export async function readEndpointsCapacity(ctx: CollectContext, services: readonly string[]): Promise<EndpointsCapacityEvidence[]> {
  const namespace = ctx.namespace;
  const read = await Promise.all(
    services.map(async (name): Promise<EndpointsCapacityEvidence | undefined> => {
      const ep = await ctx.reads.one(`Endpoints ${name} (a Service past the 1000 addresses one holds)`, 'endpointsCapacity', (o) => ctx.clients.core.readNamespacedEndpoints({ name, namespace }, o));
      if (ep === undefined) return undefined;
      const subsets = ep.subsets ?? [];
      const overCapacity = ep.metadata?.annotations?.[OVER_CAPACITY_ANNOTATION];
      return {
        service: name,
        ...(overCapacity === undefined ? {} : { overCapacity }),
        addresses: subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0),
        notReadyAddresses: subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0),
      };
    }),
  );
  return read.filter((e): e is EndpointsCapacityEvidence => e !== undefined);
}

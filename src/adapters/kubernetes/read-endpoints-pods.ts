// A Service without a selector whose Endpoints another program writes (Patroni's leader Endpoints,
// an operator's): when no EndpointSlice names its pods, the pods behind it are read from one get of
// its Endpoints object — the pods its addresses' targetRefs name, ready ones first. Only for a
// Service a dependency lead names (a server whose own log says why it refuses the workload).
import type { CollectContext } from './collect-context.js';

export async function readEndpointsPodNames(ctx: CollectContext, namespace: string, name: string, max: number): Promise<string[]> {
  const ep = await ctx.reads.one(`Endpoints ${name} in ${namespace} (a Service without pods in its EndpointSlices)`, 'dependencyPods', (o) =>
    ctx.clients.core.readNamespacedEndpoints({ name, namespace }, o),
  );
  const refs = (ep?.subsets ?? []).flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]);
  const pods = refs.flatMap((a) => (a.targetRef?.kind === 'Pod' && a.targetRef.name !== undefined && (a.targetRef.namespace ?? namespace) === namespace ? [a.targetRef.name] : []));
  return [...new Set(pods)].slice(0, max);
}

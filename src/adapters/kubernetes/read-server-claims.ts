// The PersistentVolumeClaims a refusing server's pod mounts, read only when its own log says its
// disk is full (No space left on device): a get of each claim listServerClaimReads names, at most
// two in all, so the volume to grow and its size can be stated.
import type { DependencyPodEvidence } from '../../domain/triage/evidence-server-config.js';
import type { CollectContext } from './collect-context.js';
import { mapPvc } from './map-pvc.js';

export interface ServerClaimRead {
  service: string;
  namespace?: string;
  pod: string;
  claims: string[];
}

/** The dependency pods with the claims asked for attached. */
export async function readServerClaims(ctx: CollectContext, pods: readonly DependencyPodEvidence[], wanted: readonly ServerClaimRead[]): Promise<DependencyPodEvidence[]> {
  const gets = wanted.flatMap((w) => w.claims.map((name) => ({ ...w, name })));
  if (gets.length === 0) return [...pods];
  const got = await ctx.reads.each(gets, { label: 'PVCs of a server that refuses the workload', source: 'dependencyPods', what: (g) => `PVC ${g.namespace ?? ctx.namespace}/${g.name}`, limit: ctx.objectGate }, (g, options) =>
    ctx.clients.core.readNamespacedPersistentVolumeClaim({ name: g.name, namespace: g.namespace ?? ctx.namespace }, options),
  );
  return pods.map((p) => {
    const claims = got.filter(({ item }) => item.pod === p.pod.name && item.service === p.service && item.namespace === p.namespace).map(({ value }) => mapPvc(value, [p.pod.name]));
    return claims.length === 0 ? p : { ...p, claims };
  });
}

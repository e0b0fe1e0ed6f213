// The pods behind the caller addresses of requests that stopped when an ingress NetworkPolicy
// changed (ingress-cutoff.ts): one list by field selector status.podIP per address, at most three
// addresses, so the verdict names the callers the policy leaves out.
import type { CallerPodEvidence } from '../../domain/triage/evidence.js';
import { MAX_CALLERS } from '../../domain/triage/ingress-cutoff.js';
import type { CollectContext } from './collect-context.js';
import { controllerOf } from './map-pod.js';
import { pageParams } from './paginate.js';

/** "ReplicaSet checkout-api-7c9d8f6b5d" → "Deployment checkout-api": the name a person knows. */
function ownerName(kind: string, name: string, hash: string | undefined): string {
  if (kind === 'ReplicaSet' && hash !== undefined && name.endsWith(`-${hash}`)) return `Deployment ${name.slice(0, -hash.length - 1)}`;
  return `${kind} ${name}`;
}

export async function readCallerPods(ctx: CollectContext, ips: readonly string[]): Promise<CallerPodEvidence[]> {
  const found = await Promise.all(ips.slice(0, MAX_CALLERS).map(async (ip) => {
    const list = await ctx.reads.list(`pods with IP ${ip}`, 'callerPods', (cont, limit, o) =>
      ctx.clients.core.listPodForAllNamespaces({ fieldSelector: `status.podIP=${ip}`, ...pageParams(cont, limit) }, o),
      { maxItems: 5 },
    );
    // Host-network pods share their node's IP: only a pod that alone holds the address names the caller.
    const pods = list.items.filter((p) => p.spec?.hostNetwork !== true && p.status?.phase === 'Running');
    const pod = pods.length === 1 ? pods[0] : undefined;
    if (pod === undefined) return [];
    const owner = controllerOf(pod);
    return [{
      ip,
      namespace: pod.metadata?.namespace ?? '',
      pod: pod.metadata?.name ?? '',
      ...(owner ? { owner: ownerName(owner.kind, owner.name, pod.metadata?.labels?.['pod-template-hash']) } : {}),
    }];
  }));
  return found.flat();
}

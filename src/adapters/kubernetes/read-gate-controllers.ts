// Who lifts a scheduling gate the workload's pods wait on (evidence-gate-controllers.ts). Read only
// when a pod has carried a gate past the grace (scheduling-gates.ts): one page of the cluster's
// Deployments (at most 500), kept (at most 3) when a container's command, argument or literal env
// value names the gate, or the Deployment is named like it. Env from Secrets or ConfigMaps stays unread.
import type * as k8s from '@kubernetes/client-node';
import type { GateControllerEvidence } from '../../domain/triage/evidence-gate-controllers.js';
import type { PodEvidence } from '../../domain/triage/evidence.js';
import { listGatedPods, namedLikeGate } from '../../domain/triage/scheduling-gates.js';
import type { CollectContext } from './collect-context.js';
import { listSpecFieldOwners } from './map-field-owners.js';
import { pageParams } from './paginate.js';

const MAX_DEPLOYMENTS = 500;
const MAX_KEPT = 3;

function namesGate(spec: k8s.V1PodSpec | undefined, gate: string): boolean {
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].some((c) => [...(c.command ?? []), ...(c.args ?? []), ...(c.env ?? []).map((e) => e.value ?? '')].some((v) => v.includes(gate)));
}

export async function readGateControllers(ctx: CollectContext, pods: readonly PodEvidence[]): Promise<GateControllerEvidence[]> {
  const gates = [...new Set(listGatedPods(pods, ctx.now().toISOString()).flatMap((g) => g.gates))].filter((g) => g !== '(unnamed)').slice(0, 2);
  if (gates.length === 0) return [];
  const list = await ctx.reads.list(`Deployments of the cluster (one that lifts scheduling gate ${gates.join(', ')})`, 'dependencyPods', (cont, limit, o) => ctx.clients.apps.listDeploymentForAllNamespaces(pageParams(cont, limit), o), { maxItems: MAX_DEPLOYMENTS });
  const out: GateControllerEvidence[] = [];
  for (const gate of gates) {
    for (const d of list.items) {
      const byTemplate = namesGate(d.spec?.template.spec, gate);
      if (!byTemplate && !namedLikeGate(d.metadata?.name ?? '', gate)) continue;
      out.push({
        gate,
        namespace: d.metadata?.namespace ?? '',
        name: d.metadata?.name ?? '',
        replicas: d.spec?.replicas ?? 1,
        readyReplicas: d.status?.readyReplicas ?? 0,
        namesGate: byTemplate,
        replicasOwners: d.metadata ? listSpecFieldOwners(d.metadata, 'f:replicas') : [],
      });
    }
  }
  // Those whose template names the gate first.
  return out.sort((a, b) => Number(b.namesGate) - Number(a.namesGate)).slice(0, MAX_KEPT);
}

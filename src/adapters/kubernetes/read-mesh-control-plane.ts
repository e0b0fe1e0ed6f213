// The service mesh's control plane behind the workload's proxies (evidence-mesh-control-plane.ts):
// read only when a running pod of the workload carries Linkerd's proxy and its already-read logs
// carry errors (pickMeshProxyLead): first the current log tail of that one proxy sidecar; then, only
// where that log says the control plane is out of reach ("Failed to resolve control-plane component",
// its controller connects refused), one list of the control plane's pods in the namespace the proxy's
// LINKERD2_PROXY_DESTINATION_SVC_ADDR names (else `linkerd`), by the label its chart gives them (at
// most 20), and the log tail of one that is not ready (its last run's when it restarts). A failure is
// its own source, never 'logs'. No Secret is read.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { MeshControlPlaneEvidence } from '../../domain/triage/evidence-mesh-control-plane.js';
import { pickComponentLog } from '../../domain/triage/component-down.js';
import { LINKERD_CONTROL_PLANE_SELECTOR, listControlPlaneLost, pickMeshProxyLead } from '../../domain/triage/mesh-control-plane.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { LOG_TAIL_LINES, splitLogLines } from './read-pod-details.js';

const MAX_PODS = 20;
const LIMIT_BYTES = 128_000;

async function readTail(ctx: CollectContext, namespace: string, pod: string, container: string, previous: boolean, why: string): Promise<LogEvidence | undefined> {
  const text = await ctx.reads.one(`${previous ? 'previous' : 'current'} logs of ${namespace}/${pod}/${container} (${why})`, 'meshControlPlane', (o) =>
    ctx.clients.core.readNamespacedPodLog({ name: pod, namespace, container, previous, tailLines: LOG_TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
  );
  return text === undefined ? undefined : { pod, container, previous, lines: splitLogLines(text) };
}

export async function readMeshControlPlane(ctx: CollectContext, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): Promise<MeshControlPlaneEvidence | undefined> {
  const lead = pickMeshProxyLead(pods, logs);
  if (lead === undefined) return undefined;
  const proxyLog = await readTail(ctx, ctx.namespace, lead.pod, lead.container, false, 'its mesh proxy');
  if (proxyLog === undefined) return undefined;
  const base = { mesh: 'Linkerd' as const, namespace: lead.namespace, proxyLog, logs: [], complete: true };
  if (listControlPlaneLost(proxyLog.lines).length === 0) return base;
  const list = await ctx.reads.list(`Linkerd control-plane pods in ${lead.namespace} (the proxies cannot reach it)`, 'meshControlPlane', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: lead.namespace, labelSelector: LINKERD_CONTROL_PLANE_SELECTOR, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  if (list.failed) return base;
  const found = list.items.map(mapForeignPod);
  const pick = pickComponentLog(found);
  const tail = pick === undefined ? undefined : await readTail(ctx, lead.namespace, pick.pod, pick.container, pick.previous, 'the mesh control plane');
  return { ...base, pods: found, logs: tail === undefined ? [] : [tail], complete: !list.more };
}

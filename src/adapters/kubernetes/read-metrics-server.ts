// metrics-server, read only when an HPA of the workload cannot get its metrics: its pods in
// kube-system (by the Helm chart's label, else the upstream manifest's) and the log tail of one.
import type { HpaEvidence, SystemComponentEvidence } from '../../domain/triage/evidence.js';
import { findAdapterApi } from '../../domain/triage/hpa-metrics-adapter.js';
import type { CollectContext } from './collect-context.js';
import { mapPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';

const NAMESPACE = 'kube-system';
const SELECTORS = ['app.kubernetes.io/name=metrics-server', 'k8s-app=metrics-server'];
const MAX_PODS = 5;

/** ScalingActive=False because a metric could not be fetched: the metrics pipeline is the lead (an adapter's for custom or external metrics). */
export function needsMetricsServer(hpas: readonly HpaEvidence[]): boolean {
  return hpas.some((h) => h.conditions.some((c) => c.type === 'ScalingActive' && c.status === 'False' && /metric/i.test(`${c.reason ?? ''} ${c.message ?? ''}`) && findAdapterApi(c.message ?? '') === undefined));
}

export async function readMetricsServer(ctx: CollectContext): Promise<SystemComponentEvidence | undefined> {
  const { core } = ctx.clients;
  for (const labelSelector of SELECTORS) {
    const list = await ctx.reads.list(`metrics-server pods in ${NAMESPACE} (${labelSelector})`, 'metricsServer', (cont, limit, o) =>
      core.listNamespacedPod({ namespace: NAMESPACE, labelSelector, ...pageParams(cont, limit) }, o),
      { maxItems: MAX_PODS },
    );
    if (list.failed) return undefined;
    if (list.items.length === 0) continue;
    const pods = list.items.map((p) => mapPod(p, 'Deployment'));
    const pod = pods.find((p) => !p.ready) ?? pods[0];
    const container = pod?.containers.find((c) => c.name === 'metrics-server') ?? pod?.containers[0];
    const logs = pod && container ? await readLogs(ctx, [{ pod: pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, namespace: NAMESPACE }]) : [];
    return { name: 'metrics-server', namespace: NAMESPACE, pods, logs };
  }
  return { name: 'metrics-server', namespace: NAMESPACE, pods: [], logs: [] };
}

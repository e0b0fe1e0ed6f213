// The adapter that serves the custom or external metrics API, read only when an HPA of the workload
// reports that API unable to answer (needsMetricsAdapter): one cluster-wide list of pods by the name
// label the adapters' charts give them (at most 5); where none has it, one more by the plain `app`
// label of older charts and manifests (at most 5). Then, for the Deployment of the first (an unready
// one first): the log tail of one of its pods (a crashed run's previous log first) and its
// ReplicaSets by the pod's template labels (at most 20), to date the revision its pods run.
import type { MetricsAdapterEvidence } from '../../domain/triage/evidence-context.js';
import { METRICS_ADAPTER_NAMES } from '../../domain/triage/hpa-metrics-adapter.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';
import { readDeploymentRollout } from './read-server-rollout.js';

const NAMES = METRICS_ADAPTER_NAMES.join(',');
const SELECTORS = [`app.kubernetes.io/name in (${NAMES})`, `app in (${NAMES})`];
const MAX_PODS = 5;

export async function readMetricsAdapter(ctx: CollectContext): Promise<MetricsAdapterEvidence | undefined> {
  for (const labelSelector of SELECTORS) {
    const list = await ctx.reads.list(`metrics adapter pods, all namespaces (${labelSelector})`, 'metricsAdapter', (cont, limit, o) =>
      ctx.clients.core.listPodForAllNamespaces({ labelSelector, ...pageParams(cont, limit) }, o),
      { maxItems: MAX_PODS },
    );
    if (list.failed) return undefined;
    if (list.items.length === 0) continue;
    const first = list.items.find((p) => !(p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) ?? list.items[0];
    const owner = first ? ownerWorkloadOf(first) : undefined;
    const namespace = first?.metadata?.namespace ?? '';
    // The one Deployment's pods: another adapter's pods elsewhere are not this one.
    const mine = list.items.filter((p) => p.metadata?.namespace === namespace && ownerWorkloadOf(p)?.name === owner?.name);
    const pods = mine.map(mapForeignPod);
    const pod = pods.find((p) => !p.ready) ?? pods[0];
    const container = pod?.containers.find((c) => c.restartCount > 0) ?? pod?.containers[0];
    const logs = pod && container
      ? await readLogs(ctx, [{ pod: pod.name, container: container.name, previous: container.restartCount > 0, why: 'system', restarts: container.restartCount, namespace }])
      : [];
    const name = owner?.name ?? first?.metadata?.name ?? '';
    const rollout = owner?.kind === 'Deployment' && pod?.revisionHash !== undefined
      ? await readDeploymentRollout(ctx, { namespace, labels: pod.labels, deployment: owner.name, revisionHash: pod.revisionHash }, 'the metrics adapter an HPA cannot reach', 'metricsAdapter')
      : undefined;
    return { name, namespace, pods, logs, ...(rollout ? { rollout } : {}) };
  }
  return undefined;
}

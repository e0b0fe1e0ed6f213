// What other workloads of the namespace log about the workload's former pods as stream consumers,
// when the workload reads a Redis stream through a consumer group under its pods' names
// (findPodNamedConsumers): one list of the namespace's pods (at most MAX_LISTED), of them at most
// MAX_PODS running pods of other workloads (one per workload, ready ones first) and the current log
// tail of each (readLogs' tail); only the lines naming a pod-shaped consumer of the workload that
// is no current pod, next to waiting work, kept (a watchdog listing stale entries by consumer).
import type * as k8s from '@kubernetes/client-node';
import type { FormerConsumerLinesEvidence } from '../../domain/triage/evidence-former-consumers.js';
import { keepFormerConsumerLines } from '../../domain/triage/pod-named-consumers.js';
import type { CollectContext } from './collect-context.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';

const MAX_LISTED = 200;
const MAX_PODS = 3;

const isReady = (p: k8s.V1Pod): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

export async function readFormerConsumers(ctx: CollectContext, workload: string, live: ReadonlySet<string>, group?: string): Promise<FormerConsumerLinesEvidence[]> {
  const list = await ctx.reads.list('pods of the namespace (what other workloads log about its former consumers)', 'pods', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_LISTED },
  );
  const others = list.items
    .filter((p) => p.status?.phase === 'Running' && !live.has(p.metadata?.name ?? '') && ownerWorkloadOf(p)?.name !== workload)
    .sort((a, b) => Number(isReady(b)) - Number(isReady(a)));
  const seen = new Set<string>();
  const picked = others.filter((p) => {
    const owner = ownerWorkloadOf(p);
    const key = owner === undefined ? p.metadata?.name ?? '' : `${owner.kind} ${owner.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_PODS);
  const read = await Promise.all(picked.map(async (p) => {
    const pod = p.metadata?.name ?? '';
    const container = p.spec?.containers[0]?.name ?? '';
    const [log] = await readLogs(ctx, [{ pod, container, previous: false, why: 'system', restarts: 0 }]);
    const lines = keepFormerConsumerLines(log?.lines ?? [], workload, live, group);
    const owner = ownerWorkloadOf(p);
    return lines.length === 0 ? undefined : { pod, ...(owner === undefined ? {} : { owner: `${owner.kind} ${owner.name}` }), container, lines };
  }));
  return read.filter((r): r is FormerConsumerLinesEvidence => r !== undefined);
}

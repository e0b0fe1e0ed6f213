// Who holds a ResourceQuota that refuses the workload's pods: read only when the controller's
// refusal says a quota is full on a resource a pod's spec counts (findFullQuota). One list of the
// namespace's pods (at most MAX_PODS), summed by the workload that owns them; the namespace's
// HPAs are already listed (readHpas), so the top holders' HPAs cost no request.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, QuotaHolderEvidence, QuotaHoldersEvidence } from '../../domain/triage/evidence.js';
import { findFullQuota, podAmount } from '../../domain/triage/quota-holders.js';
import type { CollectContext } from './collect-context.js';
import { mapHpa, targetsWorkload } from './map-hpa.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';

const MAX_PODS = 500;
const MAX_HOLDERS = 5;

/** Env names that hand options to a JVM. */
const JVM_ENV = new Set(['JAVA_TOOL_OPTIONS', 'JAVA_OPTS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS']);

/** The full quota the workload's FailedCreate events or ReplicaFailure conditions name; undefined when none. */
export function needsQuotaHolders(events: readonly EventEvidence[], conditionMessages: readonly string[]): { quota: string; resources: string[] } | undefined {
  return findFullQuota([...events.filter((e) => e.reason === 'FailedCreate').map((e) => e.message), ...conditionMessages]);
}

function runsJvm(pod: k8s.V1Pod): boolean {
  return (pod.spec?.containers ?? []).some((c) =>
    (c.env ?? []).some((e) => JVM_ENV.has(e.name)) || [...(c.command ?? []), ...(c.args ?? [])].some((a) => /(^|\/)java$/.test(a)));
}

export async function readQuotaHolders(ctx: CollectContext, full: { quota: string; resources: string[] }, hpas: readonly k8s.V2HorizontalPodAutoscaler[]): Promise<QuotaHoldersEvidence | undefined> {
  const list = await ctx.reads.list(`pods of ${ctx.namespace} (who holds ResourceQuota ${full.quota})`, 'quotas', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  if (list.failed) return undefined;
  const byOwner = new Map<string, QuotaHolderEvidence>();
  for (const pod of list.items) {
    // A quota counts only pods that have not ended.
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const owner = ownerWorkloadOf(pod) ?? { kind: 'Pod', name: pod.metadata?.name ?? '' };
    const key = `${owner.kind}/${owner.name}`;
    const holder = byOwner.get(key) ?? { kind: owner.kind, name: owner.name, pods: 0, amounts: {} };
    const containers = (pod.spec?.containers ?? []).map((c) => ({ requests: stringify(c.resources?.requests), limits: stringify(c.resources?.limits) }));
    holder.pods += 1;
    for (const r of full.resources) holder.amounts[r] = (holder.amounts[r] ?? 0) + podAmount(containers, r);
    if (runsJvm(pod)) holder.jvm = true;
    byOwner.set(key, holder);
  }
  const first = full.resources[0] ?? '';
  const holders = [...byOwner.values()].sort((a, b) => (b.amounts[first] ?? 0) - (a.amounts[first] ?? 0)).slice(0, MAX_HOLDERS).map((h) => {
    const hpa = hpas.find((x) => targetsWorkload(x, h.kind, h.name));
    if (hpa === undefined) return h;
    const { name, minReplicas, maxReplicas, currentReplicas, metrics } = mapHpa(hpa);
    return { ...h, hpa: { name, minReplicas, maxReplicas, currentReplicas, metrics } };
  });
  return { quota: full.quota, resources: full.resources, holders, complete: !list.more };
}

function stringify(r: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, String(v)]));
}

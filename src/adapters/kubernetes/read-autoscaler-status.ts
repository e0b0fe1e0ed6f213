// The cluster autoscaler's status ConfigMap (kube-system/cluster-autoscaler-status), which it
// writes for people to read: read only while a pod of the workload waits to be placed, one get.
// Only its `status` key is kept; a cluster without the autoscaler (404) is no failure.
import type { AutoscalerStatusEvidence } from '../../domain/triage/evidence-autoscaler.js';
import type { CollectContext } from './collect-context.js';
import { toIsoTime } from './map-common.js';

const NAMESPACE = 'kube-system';
const NAME = 'cluster-autoscaler-status';
/** A status for dozens of node groups fits; more says nothing new. */
const MAX_CHARS = 16_000;

/** "2026-11-21 03:14:05.123 +0000 UTC" (the autoscaler's annotation) as an ISO time. */
function parseAutoscalerTime(text: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? \+0000 UTC$/.exec(text?.trim() ?? '');
  return m ? `${m[1]}T${m[2]}Z` : undefined;
}

export async function readAutoscalerStatus(ctx: CollectContext): Promise<AutoscalerStatusEvidence | undefined> {
  const r = await ctx.reads.attempt((o) => ctx.clients.core.readNamespacedConfigMap({ namespace: NAMESPACE, name: NAME }, o));
  if (!r.ok) {
    if (r.reason !== 'not-found') ctx.reads.failures.push({ what: `the cluster autoscaler's status (${NAMESPACE}/${NAME})`, source: 'autoscalerStatus', reason: r.reason, detail: r.detail });
    return undefined;
  }
  const status = r.value.data?.['status'];
  if (status === undefined) return undefined;
  const updatedAt = parseAutoscalerTime(r.value.metadata?.annotations?.['cluster-autoscaler.kubernetes.io/last-updated']) ?? parseAutoscalerTime(/^time:\s*(.+)$/m.exec(status)?.[1]) ?? toIsoTime(r.value.metadata?.creationTimestamp);
  return { namespace: NAMESPACE, name: NAME, status: status.slice(0, MAX_CHARS), ...(updatedAt === undefined ? {} : { updatedAt }) };
}

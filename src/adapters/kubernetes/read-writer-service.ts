// The members beside the one pod a store's writer Service selects by name
// (statefulset.kubernetes.io/pod-name=mysql-0), read only when the workload's writes through that
// Service are refused as read-only (pinned-writer-service.ts): one page of the pods the rest of its
// selector selects (at most 30), for their role labels. One request; never a Secret.
import type { WriterServiceEvidence } from '../../domain/triage/evidence-writer-service.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';

/** A replicated store has a handful of members. */
const MAX_PODS = 30;

export async function readWriterService(ctx: CollectContext, ref: { namespace: string; service: string; pin: { key: string; value: string }; selector: Record<string, string> }): Promise<WriterServiceEvidence | undefined> {
  const { namespace, service, pin, selector } = ref;
  const labelSelector = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
  const list = await ctx.reads.list(`pods beside ${pin.value} of writer Service ${service} in ${namespace} (${labelSelector}; its writes are refused as read-only)`, 'dependencyMembers', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace, labelSelector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  // A partial list could miss the primary: told as unread, none kept.
  if (list.failed) return undefined;
  return { namespace, service, pin, pods: list.items.map(mapForeignPod) };
}

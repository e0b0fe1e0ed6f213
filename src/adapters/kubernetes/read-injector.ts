// The injector of a webhook injection that failing pods asked for and did not get (see
// evidence-injection.ts): its pods, in the namespace and by the labels its chart gives them (at most
// 5), and the log tail of one that is not ready. Read only when a failing pod missed its injection.
import type { PodEvidence, SystemComponentEvidence } from '../../domain/triage/evidence.js';
import type { MissedInjectionEvidence } from '../../domain/triage/evidence-injection.js';
import { isPodFailing } from '../../domain/triage/pod-status.js';
import type { CollectContext } from './collect-context.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';

const MAX_PODS = 5;

/** The injection a failing pod of the workload missed, if any. */
export function pickMissedInjection(pods: readonly PodEvidence[], now: string): MissedInjectionEvidence | undefined {
  return pods.find((p) => p.missedInjection !== undefined && isPodFailing(p, now))?.missedInjection;
}

export async function readInjector(ctx: CollectContext, missed: MissedInjectionEvidence): Promise<SystemComponentEvidence | undefined> {
  const { namespace, selector, name } = missed.home;
  const list = await ctx.reads.list(`${name} pods in ${namespace} (the pods missed its injection)`, 'injector', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace, labelSelector: selector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  if (list.failed || list.items.length === 0) return undefined;
  const pods = list.items.map(mapForeignPod);
  const pod = pods.find((p) => !p.ready) ?? pods[0];
  const container = pod?.containers[0];
  const logs = pod && container ? await readLogs(ctx, [{ pod: pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, namespace }]) : [];
  return { name, namespace, pods, logs };
}

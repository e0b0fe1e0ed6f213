// The PriorityClasses the namespace's pods run with: read only when admission refuses a class name
// ("no PriorityClass with name X was found"), so the report can name the class the template meant.
// One page of the namespace's pods; a pod is only admitted with a class that exists, so the names
// they carry are real classes (without reading the cluster-scoped PriorityClasses).
import type { EventEvidence, PriorityClassUseEvidence } from '../../domain/triage/evidence.js';
import { findMissingPriorityClass } from '../../domain/triage/priority-class.js';
import type { CollectContext } from './collect-context.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';

const MAX_PODS = 500;
const MAX_USERS = 3;

/** Whether the workload's controller was refused for a PriorityClass name that does not exist. */
export function needsPriorityClasses(events: readonly EventEvidence[], conditionMessages: readonly string[]): boolean {
  return [...events.filter((e) => e.reason === 'FailedCreate').map((e) => e.message), ...conditionMessages].some((m) => findMissingPriorityClass(m) !== undefined);
}

export async function readPriorityClasses(ctx: CollectContext): Promise<PriorityClassUseEvidence[]> {
  const list = await ctx.reads.list(`pods of ${ctx.namespace} (their PriorityClasses)`, 'priorityClasses', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  const byClass = new Map<string, Set<string>>();
  for (const pod of list.items) {
    const name = pod.spec?.priorityClassName;
    if (!name) continue;
    const users = byClass.get(name) ?? new Set<string>();
    const workload = ownerWorkloadOf(pod);
    const owner = workload === undefined ? `Pod ${pod.metadata?.name ?? ''}` : `${workload.kind} ${workload.name}`;
    if (users.size < MAX_USERS) users.add(owner);
    byClass.set(name, users);
  }
  return [...byClass].map(([name, users]) => ({ name, usedBy: [...users] })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

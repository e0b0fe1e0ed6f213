// Where the workload's Redis calls time out with no blocking command of its own and another
// Deployment on the same Redis rolled out just before (redis-client-rollout.ts): one list of that
// revision's pods by its pod-template-hash (at most two) and the current log tail of one running pod,
// so the verdict can say what it runs against Redis. Nothing while the logs show no such timeouts.
import type { LogEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';

export async function readRedisClientLog(ctx: CollectContext, pick: { deployment: string; hash: string }): Promise<LogEvidence[]> {
  const list = await ctx.reads.list(`pods of ${pick.deployment} revision ${pick.hash} (another client of the Redis whose calls time out)`, 'dependencyPods', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, labelSelector: `pod-template-hash=${pick.hash}`, ...pageParams(cont, limit) }, o),
    { maxItems: 2 },
  );
  const pod = list.items.find((p) => p.status?.phase === 'Running');
  const container = pod?.spec?.containers[0]?.name;
  if (pod?.metadata?.name === undefined || container === undefined) return [];
  return readLogs(ctx, [{ pod: pod.metadata.name, container, previous: false, why: 'system', restarts: 0 }]);
}

// Who calls a workload that had no serving pod, or whose own log reports slow requests, sustained GC overhead or headers refused for their size: one list of the namespace's pods (at most
// MAX_LISTED), those of other workloads whose env values or args name one of its Services, and
// the current log tail of at most two of them (one per workload). When pods were cut off at their
// stop (a preStop hook past the grace period), reverse proxies of the namespace too (by image): their
// upstreams live in a config file; one is kept only if its log names the Service. Their log is where the outage
// shows as impact (connection refused to its Service, deadlines that expire on it). Env values only as the spec states them:
// valueFrom references (Secrets, ConfigMaps) are not followed, and no Secret is read.
import type * as k8s from '@kubernetes/client-node';
import type { CallerCandidate, ServiceCallerEvidence } from '../../domain/triage/evidence-callers.js';
import type { CalledService } from '../../domain/triage/service-callers.js';
import { MAX_SERVICE_CALLERS, confirmProxyCaller, pickServiceCallers } from '../../domain/triage/service-callers.js';
import type { CollectContext } from './collect-context.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';

/** Pods of the namespace looked at for callers: one page, whatever the namespace holds. */
const MAX_LISTED = 200;

function candidateOf(pod: k8s.V1Pod): CallerCandidate {
  const owner = ownerWorkloadOf(pod);
  const restarts = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s.restartCount]));
  return {
    pod: pod.metadata?.name ?? '',
    ...(owner === undefined ? {} : { owner: `${owner.kind} ${owner.name}` }),
    running: pod.status?.phase === 'Running',
    containers: (pod.spec?.containers ?? []).map((c) => ({
      name: c.name,
      restarts: restarts.get(c.name) ?? 0,
      ...(c.image === undefined ? {} : { image: c.image }),
      refs: [
        ...(c.env ?? []).flatMap((e) => (e.value === undefined ? [] : [{ via: `env ${e.name}`, value: e.value }])),
        ...[...(c.command ?? []), ...(c.args ?? [])].map((a) => ({ via: 'args', value: a })),
      ],
    })),
  };
}

/** `proxies`: also reverse proxies of the namespace (by image), kept only if their log names a Service. */
export async function readServiceCallers(ctx: CollectContext, services: readonly CalledService[], own: ReadonlySet<string>, opts: { proxies?: boolean } = {}): Promise<ServiceCallerEvidence[]> {
  const list = await ctx.reads.list('pods of the namespace (callers of its Services)', 'serviceCallers', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_LISTED },
  );
  const picked = pickServiceCallers(list.items.map(candidateOf), services, ctx.namespace, own, MAX_SERVICE_CALLERS, opts);
  const read = await Promise.all(picked.map(async (c) => {
    const [log] = await readLogs(ctx, [{ pod: c.pod, container: c.container, previous: false, why: 'system', restarts: 0 }]);
    return confirmProxyCaller(log === undefined ? c : { ...c, log }, services, ctx.namespace);
  }));
  return read.filter((c): c is ServiceCallerEvidence => c !== undefined);
}

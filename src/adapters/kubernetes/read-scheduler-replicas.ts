// Scheduler Deployments of the namespace that run more than one replica, read only where the
// workload executes queued tasks (a Celery worker: scheduler-replicas.ts): one list of the
// namespace's Deployments (at most 200); for at most two whose container runs a scheduler without
// leader election (Celery beat, rq-scheduler, clockwork) at 2+ replicas, the events of that
// Deployment (one field-selected query), one list of its pods (at most 5) and the current log tails
// of two of its running pods. Only literal broker env values are kept of its env; never a Secret.
import type * as k8s from '@kubernetes/client-node';
import type { SchedulerReplicasEvidence } from '../../domain/triage/evidence-scheduler-replicas.js';
import type { LogEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import { BROKER_ENV, findSchedulerKind } from '../../domain/triage/scheduler-replicas.js';
import type { CollectContext } from './collect-context.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';
import { listSpecFieldOwners } from './map-field-owners.js';
import { pageParams } from './paginate.js';
import { readEvents } from './read-events.js';
import { splitLogLines } from './read-pod-details.js';

const MAX_SCHEDULERS = 2;
const MAX_PODS = 5;
const MAX_LOGS = 2;
const TAIL_LINES = 100;
const LIMIT_BYTES = 64_000;

function commandOf(c: k8s.V1Container): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join(' ');
}

async function readOne(ctx: CollectContext, d: k8s.V1Deployment, c: k8s.V1Container): Promise<SchedulerReplicasEvidence> {
  const namespace = ctx.namespace;
  const name = d.metadata?.name ?? '';
  const labelSelector = Object.entries(d.spec?.selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const [events, pods] = await Promise.all([
    readEvents(ctx, [{ kind: 'Deployment', name }], `events of Deployment ${name} (a scheduler at ${d.spec?.replicas ?? '?'} replicas)`),
    labelSelector === ''
      ? { items: [] as k8s.V1Pod[] }
      : ctx.reads.list(`pods of Deployment ${name} (${labelSelector})`, 'dependencyPods', (cont, limit, o) => ctx.clients.core.listNamespacedPod({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_PODS }),
  ]);
  const running = pods.items.filter((p) => p.status?.phase === 'Running').slice(0, MAX_LOGS);
  const got = await ctx.reads.each(running, { label: `current logs of scheduler ${name}`, source: 'dependencyPods', what: (p) => `logs of ${p.metadata?.name ?? ''}/${c.name}`, limit: ctx.objectGate }, (p, o) =>
    ctx.clients.core.readNamespacedPodLog({ name: p.metadata?.name ?? '', namespace, container: c.name, tailLines: TAIL_LINES, limitBytes: LIMIT_BYTES }, o),
  );
  const logs: LogEvidence[] = got.map(({ item, value }) => ({ pod: item.metadata?.name ?? '', container: c.name, previous: false, lines: splitLogLines(value) }));
  return {
    deployment: name,
    container: c.name,
    command: commandOf(c),
    replicas: d.spec?.replicas ?? 1,
    readyReplicas: d.status?.readyReplicas ?? 0,
    brokerEnv: (c.env ?? []).flatMap((e) => (e.value !== undefined && BROKER_ENV.test(e.name) ? [{ name: e.name, value: e.value }] : [])),
    replicasOwners: d.metadata ? listSpecFieldOwners(d.metadata, 'f:replicas') : [],
    events,
    logs,
  };
}

export async function readSchedulerReplicas(ctx: CollectContext, target: TriageTarget): Promise<SchedulerReplicasEvidence[]> {
  const list = await listNamespaceDeployments(ctx, 'the workload executes queued tasks: does a scheduler run more than one replica?', 'dependencyPods');
  const picked = list.items.flatMap((d) => {
    if (target.kind === 'Deployment' && d.metadata?.name === target.name) return [];
    const c = (d.spec?.template.spec?.containers ?? []).find((x) => findSchedulerKind([commandOf(x)]) !== undefined);
    return c !== undefined && (d.spec?.replicas ?? 1) > 1 ? [{ d, c }] : [];
  }).slice(0, MAX_SCHEDULERS);
  return Promise.all(picked.map(({ d, c }) => readOne(ctx, d, c)));
}

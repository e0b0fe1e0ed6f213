// collectEvidence: everything a triage reads, in parallel, under one deadline.
//
// Request plan (N = pods kept, capped; n ≤ maxPodsWithEvents):
//   1 get of the workload, then at once:
//   pods (labelSelector = the workload's selector), ReplicaSets or ControllerRevisions (same
//   selector, kept by owner uid), HPAs, Services and EndpointSlices of the namespace, events of
//   the workload — one list each (pages of 500);
//   then, as each of those arrives: events of n pods, of the newest ReplicaSets and of the HPA
//   (one field-selector query each), a get and an events query per node under the pods, a get
//   and an events query per PVC, and `--previous` logs of up to maxLogs crashed containers.
// None of this depends on how many other pods or events the namespace holds.
import type { TriageEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { CollectContext, CollectLimits } from './collect-context.js';
import { Deadline } from './deadline.js';
import type { KubeClients } from './kube-clients.js';
import { formatSelector } from './label-selector.js';
import { createLimiter } from './limit-concurrency.js';
import { claimsOfPods, statefulSetClaims } from './map-pvc.js';
import { mapWorkload } from './map-workload.js';
import type { Workload } from './map-workload.js';
import { readEvents, sortEvents } from './read-events.js';
import { pickCrashedContainers, pickNodes, readNodes, readPreviousLogs, readPvcs } from './read-pod-details.js';
import { readEndpointSlices, readHpas, readPods, readRevisions, readServices } from './read-workload-parts.js';
import type { PodsRead, RevisionsRead } from './read-workload-parts.js';
import { Reads } from './reads.js';

async function readWorkload(ctx: CollectContext, t: TriageTarget): Promise<Workload | undefined> {
  const { apps } = ctx.clients;
  const req = { name: t.name, namespace: t.namespace };
  const what = `${t.kind} ${t.namespace}/${t.name}`;
  if (t.kind === 'Deployment') {
    const obj = await ctx.reads.one(what, 'workload', (o) => apps.readNamespacedDeployment(req, o));
    return obj === undefined ? undefined : { kind: 'Deployment', obj };
  }
  const obj = await ctx.reads.one(what, 'workload', (o) => apps.readNamespacedStatefulSet(req, o));
  return obj === undefined ? undefined : { kind: 'StatefulSet', obj };
}

function emptyEvidence(target: TriageTarget): Omit<TriageEvidence, 'collectedAt' | 'readFailures'> {
  return {
    target,
    workload: null,
    pods: [],
    events: [],
    revisions: [],
    nodes: [],
    services: [],
    endpointSlices: [],
    hpas: [],
    pvcs: [],
    logs: [],
  };
}

async function podDetails(ctx: CollectContext, w: Workload, pods: PodsRead) {
  const { limits, reads } = ctx;
  const withEvents = pods.ranked.slice(0, limits.maxPodsWithEvents);
  if (pods.ranked.length > withEvents.length) {
    const more = pods.ranked.length - withEvents.length;
    reads.skipped(`events of ${more} more pods`, 'events', `events are read for the ${limits.maxPodsWithEvents} least healthy pods`);
  }
  const nodes = pickNodes(pods.ranked, limits.maxNodes);
  if (nodes.others > 0) {
    reads.skipped(`${nodes.others} more nodes`, 'nodes', `the ${limits.maxNodes} nodes under the least healthy pods were read`);
  }
  const claims = claimsOfPods(pods.raw.values());
  if (w.kind === 'StatefulSet') for (const c of statefulSetClaims(w.obj)) if (!claims.has(c)) claims.set(c, []);
  const claimNames = [...claims.keys()];
  if (claimNames.length > limits.maxPvcs) {
    reads.skipped(`${claimNames.length - limits.maxPvcs} more PVCs`, 'pvcs', `at most ${limits.maxPvcs} PVCs per triage`);
    for (const c of claimNames.slice(limits.maxPvcs)) claims.delete(c);
  }
  const crashed = pickCrashedContainers(pods.ranked, limits.maxLogs);
  if (crashed.others > 0) {
    const why = `at most ${limits.maxLogs} logs per triage, one per container name first`;
    reads.skipped(`previous logs of ${crashed.others} more crashed containers`, 'logs', why);
  }

  const [podEvents, nodeEvidence, nodeEvents, pvcs, pvcEvents, logs] = await Promise.all([
    readEvents(ctx, withEvents.map((p) => ({ kind: 'Pod', name: p.name })), 'events of pods'),
    readNodes(ctx, nodes.picked),
    readEvents(ctx, nodes.picked.map((name) => ({ kind: 'Node', name })), 'events of nodes'),
    readPvcs(ctx, claims),
    readEvents(ctx, [...claims.keys()].map((name) => ({ kind: 'PersistentVolumeClaim', name })), 'events of PVCs'),
    readPreviousLogs(ctx, crashed.picked),
  ]);
  return { events: [...podEvents, ...nodeEvents, ...pvcEvents], nodes: nodeEvidence, pvcs, logs };
}

/** Events of the ReplicaSets that matter: any still running pods, and the newest few. */
function revisionEvents(ctx: CollectContext, w: Workload, r: RevisionsRead) {
  if (w.kind !== 'Deployment') return Promise.resolve([]); // ControllerRevisions get no events
  const max = ctx.limits.maxRevisionsWithEvents;
  const active = r.revisions.filter((rev) => (rev.replicas ?? 0) > 0);
  const picked = [...new Set([...active, ...r.revisions])].slice(0, Math.max(max, active.length));
  return readEvents(ctx, picked.map((rev) => ({ kind: 'ReplicaSet', name: rev.name })), 'events of ReplicaSets');
}

async function collect(ctx: CollectContext, target: TriageTarget) {
  const base = emptyEvidence(target);
  const w = await readWorkload(ctx, target);
  if (w === undefined) {
    // Without the workload there is no selector to find its pods by; its events may still
    // say what happened to it (deleted, failed to create).
    const events = await readEvents(ctx, [{ kind: target.kind, name: target.name }], 'events of the workload');
    return { ...base, events };
  }
  const name = w.obj.metadata?.name ?? target.name;
  const selector = formatSelector(w.obj.spec?.selector);
  if (selector === '') {
    // apps/v1 rejects empty selectors; if one got through, it would select the whole namespace.
    const detail = 'the workload has an empty selector';
    ctx.reads.failures.push({ what: `pods of ${w.kind} ${name}`, source: 'pods', reason: 'error', detail });
  }
  const emptyPods: PodsRead = { ranked: [], raw: new Map() };
  const podsP = selector === '' ? Promise.resolve(emptyPods) : readPods(ctx, w, selector);
  const noRevisions: RevisionsRead = { revisions: [], byName: new Map() };
  const revisionsP = selector === '' ? Promise.resolve(noRevisions) : readRevisions(ctx, w, selector);
  const hpasP = readHpas(ctx, w);
  const servicesP = readServices(ctx);
  const slicesP = readEndpointSlices(ctx);
  const workloadEventsP = readEvents(ctx, [{ kind: w.kind, name }], 'events of the workload');
  const detailsP = podsP.then((pods) => podDetails(ctx, w, pods));
  const revisionEventsP = revisionsP.then((r) => revisionEvents(ctx, w, r));
  const hpaEventsP = hpasP.then((hpas) =>
    readEvents(ctx, hpas.map((h) => ({ kind: 'HorizontalPodAutoscaler', name: h.name })), 'events of HPAs'),
  );

  const [pods, revisions, hpas, services, slices, workloadEvents, details, rsEvents, hpaEvents] = await Promise.all([
    podsP, revisionsP, hpasP, servicesP, slicesP, workloadEventsP, detailsP, revisionEventsP, hpaEventsP,
  ]);
  const updateRevision = w.kind === 'StatefulSet' ? w.obj.status?.updateRevision : undefined;
  const serviceNames = new Set(services.services.map((s) => s.name));
  return {
    ...base,
    workload: mapWorkload(w, updateRevision === undefined ? undefined : revisions.byName.get(updateRevision)),
    pods: [...pods.ranked].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    events: sortEvents([...workloadEvents, ...rsEvents, ...hpaEvents, ...details.events]),
    revisions: revisions.revisions,
    nodes: details.nodes,
    services: services.services,
    // When the Services could not be listed, keep every slice rather than none.
    endpointSlices: services.complete ? slices.filter((s) => serviceNames.has(s.service)) : slices,
    hpas,
    pvcs: details.pvcs,
    logs: details.logs,
  };
}

export async function collectEvidenceWith(
  clients: KubeClients,
  target: TriageTarget,
  opts: { budgetMs: number; limits: CollectLimits; now: () => Date },
): Promise<TriageEvidence> {
  const deadline = new Deadline(opts.budgetMs);
  const reads = new Reads(deadline);
  const ctx: CollectContext = {
    clients,
    reads,
    namespace: target.namespace,
    limits: opts.limits,
    eventGate: createLimiter(opts.limits.concurrency),
    objectGate: createLimiter(opts.limits.concurrency),
  };
  try {
    const evidence = await collect(ctx, target);
    return { ...evidence, collectedAt: opts.now().toISOString(), readFailures: reads.failures };
  } finally {
    deadline.dispose();
  }
}

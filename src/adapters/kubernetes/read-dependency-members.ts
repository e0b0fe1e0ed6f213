// The members of a clustered dependency whose clients log that its cluster is down (Redis
// CLUSTERDOWN): a get of the Service their env names (any namespace, for its selector), one page
// of its pods, and — only while a member was re-created within the hour and is not running — the
// cluster's node-loss events (RemovingNode, NodeNotReady: two field-selected lists) and the events
// of the first node lost around that re-creation (its reclaim notice); and a get of each node a
// member that does not serve is on (at most three: a dead node holds them Terminating); and the
// previous log tail of each member that keeps crashing (at most two: its own reason, a torn commit
// log or a full disk). At most ten requests. For a primary that refuses writes for want of its
// replicas (Redis NOREPLICAS), whose Service selects it alone, the pods are those of its whole set
// (the selector without its role label), and the ConfigMaps it mounts (at most two) are read for
// the settings of that limit (read-member-settings.ts). For a server that says its own state in its
// readiness probe (a sealed Vault), the Unhealthy events of members that run unready (at most two: read-member-probes.ts).
// For a server whose members run but cannot form (a raft cluster with no leader), the current log
// tail of members that run unready (at most two): why no leader is elected. For a server whose
// ready members may not count yet (MongoDB majority writes timing out), the current log tail of
// members that run ready and were created within 12 hours (at most two, 100 lines / 64 KB): a
// member still in initial sync (STARTUP2) confirms no write. When one member is far
// younger than its siblings, its StatefulSet and the members' claims (at most six gets: read-member-claims.ts);
// the same for a coordinator whose clients refuse the cluster id it hands out (`claims`: coordinator-reset.ts).
// For members Pending on a volume node affinity conflict, their claim and its volume (at most two
// members, four gets: read-member-volumes.ts): the zone a node must be in for them to run.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import { findLostNodes, listCrashedMembers, listDownMembers, listProbedMembers, listRecentReadyMembers, widenToSet } from '../../domain/triage/cluster-down.js';
import { HOUR_MS, isWithin } from '../../domain/triage/time-span.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';
import { mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { readEvents } from './read-events.js';
import { readLogs, readNodes } from './read-pod-details.js';
import { readMemberSettings } from './read-member-settings.js';
import { readTopicReplication } from './read-topic-replication.js';
import { readMemberProbes } from './read-member-probes.js';
import { readMemberClaims } from './read-member-claims.js';
import { readMemberVolumes } from './read-member-volumes.js';

/** A cluster has a handful of members; more are not needed to see which are missing. */
const MAX_PODS = 30;
/** Node-loss events kept per reason: the node controller records one per node and loss. */
const EVENT_LIMIT = 100;
const LOSS_REASONS = ['RemovingNode', 'NodeNotReady'];
/** Nodes read under down members: a replicated store has a handful, and one lost node is the usual story. */
const MAX_NODES = 3;
/** Crashing members whose previous log is read: one or two say why the store lost its quorum. */
const MAX_CRASH_LOGS = 2;

export async function readDependencyMembers(ctx: CollectContext, ref: { name: string; namespace: string; wholeSet?: true; settings?: readonly string[]; probes?: true; memberLogs?: true; syncLogs?: true; claims?: true; topics?: readonly string[] }, why = 'its clients log that its cluster is down'): Promise<DependencyMembersEvidence | undefined> {
  const { core } = ctx.clients;
  const { name, namespace } = ref;
  const svc = await ctx.reads.one(`Service ${name} in ${namespace} (${why})`, 'dependencyMembers', (o) => core.readNamespacedService({ name, namespace }, o));
  const selector = svc?.spec?.selector ?? {};
  if (svc === undefined) return undefined;
  if (Object.keys(selector).length === 0) {
    ctx.reads.skipped(`pods of Service ${name} in ${namespace}`, 'dependencyMembers', 'the Service has no selector');
    return undefined;
  }
  const labelSelector = Object.entries((ref.wholeSet ? widenToSet(selector) : undefined) ?? selector).map(([k, v]) => `${k}=${v}`).join(',');
  const list = await ctx.reads.list(`pods of Service ${name} in ${namespace} (${labelSelector})`, 'dependencyMembers', (cont, limit, o) =>
    core.listNamespacedPod({ namespace, labelSelector, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  // A partial list would make present members look missing: told as unread, none kept.
  if (list.failed) return undefined;
  const pods = list.items.map(mapForeignPod);
  const now = ctx.now().toISOString();
  const all = listDownMembers(pods);
  const down = all.filter((d) => isWithin(d.pod.createdAt, now, HOUR_MS));
  const under = [...new Set(all.flatMap((d) => (d.pod.nodeName === undefined ? [] : [d.pod.nodeName])))].slice(0, MAX_NODES);
  const crashed = listCrashedMembers(pods).slice(0, MAX_CRASH_LOGS);
  // Members that run unready, whose current log says why the cluster cannot form (at most two).
  const unready = ref.memberLogs ? listProbedMembers(pods).flatMap((p) => { const c = pods.find((x) => x.name === p)?.containers[0]; return c ? [{ pod: p, container: c.name }] : []; }) : [];
  // Members that run ready but started recently, whose current log says whether they still catch up (initial sync; at most two).
  const syncing = ref.syncLogs ? listRecentReadyMembers(pods, now) : [];
  const [nodeLosses, nodes, logs, probeEvents] = await Promise.all([
    down.length === 0 ? [] : readNodeLosses(ctx, { namespace, service: name, pods, nodeLosses: [] }, down),
    under.length === 0 ? [] : readNodes(ctx, under),
    crashed.length + unready.length + syncing.length === 0 ? [] : readLogs(ctx, [
      ...crashed.map((c) => ({ ...c, previous: true, why: 'system' as const, restarts: pods.find((p) => p.name === c.pod)?.containers.find((x) => x.name === c.container)?.restartCount ?? 0, namespace })),
      ...unready.map((c) => ({ ...c, previous: false, why: 'system' as const, restarts: 0, namespace })),
      ...syncing.map((c) => ({ ...c, previous: false, why: 'system' as const, restarts: 0, namespace })),
    ]),
    // A server that says its own state in its probe (a sealed Vault): the probe failures of members that run unready.
    ref.probes ? readMemberProbes(ctx, { namespace, service: name, pods, nodeLosses: [] }) : [],
  ]);
  // Members the scheduler cannot place for their volume's zone: the zone their claims are pinned to (at most two, read-member-volumes.ts).
  const volumes = await readMemberVolumes(ctx, { namespace, service: name, pods, nodeLosses: [] });
  const base = { namespace, service: name, pods, nodeLosses, ...(nodes.length > 0 ? { nodes } : {}), ...(logs.length > 0 ? { logs } : {}), ...(probeEvents.length > 0 ? { probeEvents } : {}), ...(volumes.length > 0 ? { volumes } : {}) };
  // A member far younger than its siblings may have come back on a new, empty claim: its set's retention policy and the claims.
  // Or the workload's members refuse the identity it hands out: all its claims, whose age says whether it started empty.
  const memberClaims = await readMemberClaims(ctx, base, ref.claims ? why : undefined);
  const members = memberClaims === undefined ? base : { ...base, memberClaims };
  const set = ref.settings ? await readMemberSettings(ctx, members, ref.settings, selector) : members;
  // Writes refused for too few in-sync replicas: the replication factor the topic definitions of its namespace set for the topics refused.
  return ref.topics && ref.topics.length > 0 ? readTopicReplication(ctx, set, ref.topics) : set;
}

/** The node-loss events of the cluster, then the own events of the first node lost around the members' re-creation. */
async function readNodeLosses(ctx: CollectContext, members: DependencyMembersEvidence, down: ReturnType<typeof listDownMembers>): Promise<EventEvidence[]> {
  const { core } = ctx.clients;
  const lists = await Promise.all(LOSS_REASONS.map((reason) =>
    ctx.reads.one(`${reason} events of nodes (members of ${members.service} were re-created)`, 'dependencyMembers', (o) =>
      core.listEventForAllNamespaces({ fieldSelector: `involvedObject.kind=Node,reason=${reason}`, limit: EVENT_LIMIT }, o),
    ),
  ));
  const losses = lists.flatMap((l) => (l?.items ?? []).map(mapEvent));
  const lost = findLostNodes({ ...members, nodeLosses: losses }, down);
  const first = lost[0];
  if (first === undefined) return [];
  const own = await readEvents(ctx, [{ kind: 'Node', name: first.node }], `events of node ${first.node}`);
  const names = new Set(lost.map((l) => l.node));
  // Its own events carry the loss events again: each kept once.
  const seen = new Set<string>();
  return [...losses.filter((e) => names.has(e.object.name)), ...own].filter((e) => {
    const key = `${e.reason}/${e.firstSeen}/${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A clustered dependency that answers "the cluster is down" (Redis CLUSTERDOWN): the workload's
 * pods stay Ready while every call fails. What an SRE looks at next is the cluster's members —
 * which are gone, why their replacements cannot start, and the node lost under them — so the
 * verdict names those, not the workload (restarting or rolling it back changes nothing).
 */
import { capitalize, joinAnd } from '../../text.js';
import type { NodeEvidence, TriageEvidence } from '../evidence.js';
import type { DependencyMembersEvidence } from '../evidence-dependency-members.js';
import type { MemberVolumeEvidence } from '../evidence-member-volumes.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeMajority, findClusterDown, findDeadNodes, findLostNodes, findRestartInPlace, findSyncingMembers, listDownMembers, readMemberReadiness, shortenReason } from '../cluster-down.js';
import type { ClusterDown, DeadNode, DownMember, LostNode, MemberReadiness } from '../cluster-down.js';
import { listNodesOf, unique } from '../pod-status.js';
import { findWipedClaim } from '../renewed-member.js';
import { HOUR_MS, MINUTE_MS, earliest, formatAgo, isWithin, msBetween } from '../time-span.js';
import { findDiskFullLine } from '../server-disk-full.js';
import { findFragileTopic, readMinIsr } from '../topic-replication.js';

/** "node ip-… was lost (SpotInterruption 16m ago, RemovingNode 13m ago)". */
function describeLoss(lost: LostNode, now: string): string {
  const said = unique(lost.events.map((e) => e.reason)).map((r) => {
    const e = lost.events.find((x) => x.reason === r);
    return e ? `${r} ${formatAgo(e.firstSeen, now)}` : r;
  });
  return `node ${lost.node} was lost (${said.join(', ')})`;
}

/** "node ip-… is not Ready (Unknown: Kubelet stopped posting node status.) since 27m ago". */
function describeDeadNode(d: DeadNode, now: string): string {
  return `node ${d.node.name} is not Ready (${d.ready}${d.message ? `: ${d.message.replace(/\.$/, '')}` : ''})${d.since ? ` since ${formatAgo(d.since, now)}` : ''}`;
}

/** "orders-mongo-1 and orders-mongo-2 Terminating on node …, which is not Ready (…)". */
function describeHeld(d: DeadNode, now: string): string {
  const states = unique(d.members.map((m) => m.state));
  return `${joinAnd(d.members.map((m) => m.pod.name))} ${states.join('/')} on node ${d.node.name}, not Ready (${d.ready})${d.since ? ` since ${formatAgo(d.since, now)}` : ''}`;
}

/** "claim data-redis-2 of redis-2 pinned to eu-west-1b": where a node must be for the member to run. */
function describePinned(volumes: readonly MemberVolumeEvidence[]): string | undefined {
  const zonal = volumes.filter((v) => v.zones.length > 0);
  return zonal.length === 0 ? undefined : joinAnd(zonal.map((v) => `claim ${v.claim} of ${v.pod} pinned to ${v.zones.join('/')}`));
}

/** "sessions-redis-2 and sessions-redis-5 Pending since node … was lost (…) — the scheduler: …". */
function describeDown(all: readonly DownMember[], lost: readonly LostNode[], now: string, dead: readonly DeadNode[] = [], nodes: readonly NodeEvidence[] = [], volumes: readonly MemberVolumeEvidence[] = []): string {
  const held = new Set(dead.flatMap((d) => d.members.map((m) => m.pod.name)));
  const down = all.filter((d) => !held.has(d.pod.name));
  const byState = new Map<string, string[]>();
  for (const d of down) {
    const key = d.crash?.said ? `${d.state}: ${d.crash.said}` : d.state;
    byState.set(key, [...(byState.get(key) ?? []), d.pod.name]);
  }
  const states = [...dead.map((d) => describeHeld(d, now)), ...[...byState].map(([state, pods]) => `${joinAnd(pods)} ${state}`)].join(', ');
  if (down.length === 0) return states;
  // A member crashing in place was not re-created: its age says nothing of when it went down.
  // A member that runs unready where it always ran (a quorum's survivor) was not re-created: its age says nothing.
  const created = earliest(down.filter((d) => d.crash === undefined && !(d.state.startsWith('Running') && !isWithin(d.pod.createdAt, now, HOUR_MS))).map((d) => d.pod.createdAt));
  const fresh = created ? findNewNode(down.filter((d) => d.crash === undefined), nodes, created) : undefined;
  const onFresh = fresh?.createdAt ? ` on node ${fresh.name}, itself new ${formatAgo(fresh.createdAt, now)}` : '';
  const since = lost.length > 0 ? ` since ${joinAnd(lost.map((l) => describeLoss(l, now)))}` : created ? ` (re-created ${formatAgo(created, now)}${onFresh})` : '';
  const why = down.find((d) => d.unschedulable !== undefined)?.unschedulable;
  const pinned = describePinned(volumes);
  return `${states}${since}${why ? ` — the scheduler: ${why}` : ''}${pinned ? ` — ${pinned}` : ''}`;
}

/** A node joins this long before the members re-created on it, at most: they were moved there as it replaced another. */
const NEW_NODE_MS = 30 * MINUTE_MS;

/** The one node the re-created members run on, when it joined the cluster just before them (a node group replaced a node). */
function findNewNode(recreated: readonly DownMember[], nodes: readonly NodeEvidence[], created: string): NodeEvidence | undefined {
  const names = unique(recreated.flatMap((d) => (d.pod.nodeName === undefined ? [] : [d.pod.nodeName])));
  const node = names.length === 1 ? nodes.find((n) => n.name === names[0]) : undefined;
  if (node?.createdAt === undefined) return undefined;
  const lead = msBetween(node.createdAt, created);
  return lead >= 0 && lead <= NEW_NODE_MS ? node : undefined;
}

export function analyzeDependencyClusterDown(ev: TriageEvidence): Finding[] {
  const told = tellClusterDown(ev);
  return told === undefined ? [] : [told.finding];
}

/**
 * The finding, and its title without the count of refused calls: what a failed run's own verdict
 * (a Job that met the cluster down) says of the cluster, its missing members and why.
 */
export function tellClusterDown(ev: TriageEvidence): { finding: Finding; head: string; membersDown: boolean } | undefined {
  const found = findClusterDown(ev);
  if (found === undefined) return undefined;
  const members = found.service ? ev.dependencyMembers?.find((m) => m.service === found.service?.name && m.namespace === found.service.namespace) : undefined;
  return describe(ev, found, members);
}

function describe(ev: TriageEvidence, found: ClusterDown, members: DependencyMembersEvidence | undefined): { finding: Finding; head: string; membersDown: boolean } {
  const { sign, hits, address, service } = found;
  // A Service named like the server ("Vault vault") says no more than its address does.
  const sameName = service !== undefined && service.name.toLowerCase() === sign.cluster.toLowerCase();
  const named = `${sign.cluster}${service && !(sameName && address) ? ` ${service.name}` : address ? ` at ${address.host}` : ''}`;
  const callers = unique(hits.map((h) => h.log.pod));
  const callerPods = callers.flatMap((p) => findPod(ev, p) ?? []);
  const clients = address ? ev.pods.filter((p) => p.containers.some((c) => (c.env ?? []).some((e) => e.name === address.env))).map((p) => p.name) : [];
  const unready = callerPods.filter((p) => !p.ready).length;
  // A member that runs unready says its own state in its failing probe (a sealed Vault's "Sealed true").
  const down = (members ? listDownMembers(members.pods, members.logs) : []).map((d): DownMember & { readiness?: MemberReadiness } => {
    const r = readMemberReadiness(sign, members, d.pod.name);
    return r ? { ...d, state: `${d.state}, its probe says ${r.said}`, readiness: r } : d;
  });
  const readiness = down.find((d) => d.readiness !== undefined)?.readiness;
  const lost = members && down.length > 0 ? findLostNodes(members, down) : [];
  const dead = members && down.length > 0 ? findDeadNodes(members, down) : [];
  const majority = sign.majority && members && members.pods.length > 0 ? describeMajority(members.pods, down) : undefined;
  // The members' own logs may say why the cluster cannot form (none may bootstrap it): that names the fix, not each crash.
  const formation = members?.logs && sign.formation ? sign.formation(members.logs, members.pods) : undefined;
  const now = ev.collectedAt;
  // Members restarted in their old pods (their node rebooted): the restart, and the node's reboot, date it.
  const inPlace = members && down.length > 0 ? findRestartInPlace(down, [...ev.events, ...members.nodeLosses], now) : undefined;
  const inPlaceSaid = inPlace ? ` (restarted in place ${formatAgo(inPlace.startedAt, now)}${inPlace.nodeDown ? `, as its node ${inPlace.nodeDown.object.name} ${inPlace.nodeDown.reason === 'Rebooted' ? 'rebooted' : 'went NotReady'} ${formatAgo(inPlace.nodeDown.firstSeen, now)}` : ''})` : '';
  const where = service ? { ...ev.target, namespace: service.namespace } : ev.target;
  const state = members === undefined
    ? 'its pods were not read'
    : members.pods.length === 0
      ? 'its Service selects no pod'
      : down.length === 0
        ? `all ${members.pods.length} of its pods are Running and ready`
        : `${describeDown(formation ? down.map(({ crash, ...d }) => ({ ...d, ...(crash ? { crash: { container: crash.container, restarts: crash.restarts } } : {}) })) : down, lost, now, dead, members.nodes, members.volumes)}${inPlaceSaid}`;
  // Ready members that still copy the data set (initial sync): they answer their probe but confirm no write yet.
  const syncing = findSyncingMembers(sign, members);
  const syncStep = syncing.length > 0 ? `let ${joinAnd(syncing.map((m) => m.pod))} finish ${syncing.length === 1 ? 'its' : 'their'} initial sync` : undefined;
  const syncSaid = syncing.length > 0 ? `${joinAnd(syncing.map((m) => `${m.pod} ${m.said}`))}, so ${syncing.length === 1 ? 'it' : 'they'} cannot acknowledge writes yet` : undefined;
  // A member that came back on a new, empty claim (its set deleted the old one): it runs, and holds nothing.
  const wiped = members && down.length === 0 ? findWipedClaim(members, ev.collectedAt) : undefined;
  const countedAll = wiped ? `${wiped.pod} came back ${wiped.age} ago on a new, empty claim ${wiped.claim} (its siblings' are ${wiped.siblingsAge} old)${wiped.policy ? `: StatefulSet ${wiped.set} deletes claims (${wiped.policy})` : ''}` : majority && down.length > 0 ? `${majority.text} — ${state}` : state;
  const counted = syncSaid ? `${countedAll}, ${syncSaid}` : countedAll;
  const count = `${hits.length} refused call${hits.length === 1 ? '' : 's'} in the logs of ${callers.length} pod${callers.length === 1 ? '' : 's'}${unready === 0 ? ' (all ready)' : ''}`;
  const pending = down.filter((d) => d.state === 'Pending');
  const inZone = pending.some((d) => /volume node affinity conflict/i.test(d.unschedulable ?? ''));
  const downNames = joinAnd(down.map((d) => d.pod.name));
  const together = lost.length === 1 && down.length > 1
    ? ` They were re-created together as ${lost[0]?.node ?? 'that node'} went away, so they most likely ran there together: a master and its only replica on one node leave nothing to fail over to.`
    : '';
  const lostWhy = lost.length > 0 ? ` ${capitalize(joinAnd(lost.map((l) => describeLoss(l, now))))}.` : '';
  const heldNames = joinAnd(dead.flatMap((d) => d.members.map((m) => m.pod.name)));
  const sharedNode = dead.some((d) => d.members.length > 1);
  const deadWhy = dead.length > 0
    ? ` ${capitalize(joinAnd(dead.map((d) => describeDeadNode(d, now))))}: the control plane cannot confirm that the pods there stopped, so ${heldNames} stay${dead.flatMap((d) => d.members).length === 1 ? 's' : ''} in place and the StatefulSet does not re-create ${dead.flatMap((d) => d.members).length === 1 ? 'it' : 'them'} elsewhere.${sharedNode ? ' Members sharing one node went down together.' : ''}`
    : '';
  const quorumWhy = majority && down.length > 0 && majority.up < majority.needed ? ` With ${majority.text.replace(/ of its /, ' of ')}, no member can be elected.` : '';
  const stuck = pending.length > 0
    ? ` Their replacements stay Pending: ${pending[0]?.unschedulable ?? 'the scheduler places them nowhere'}${inZone ? ' — their volumes are bound to a zone where no node they may use is left' : ''}, so the cluster cannot heal by itself.`
    : '';
  const membersCause = down.length > 0 ? ` Its member${down.length === 1 ? '' : 's'} ${downNames} ${down.length === 1 ? 'is' : 'are'} not serving.${quorumWhy}${deadWhy}${lostWhy}${together}${stuck}` : '';
  const forced = dead.length > 0
    ? `bring ${dead.length === 1 ? 'that node' : 'those nodes'} back, or once ${dead.length === 1 ? 'it is' : 'they are'} confirmed gone force-delete ${heldNames} so the StatefulSet re-creates ${dead.flatMap((d) => d.members).length === 1 ? 'it' : 'them'} on a healthy node`
    : undefined;
  const forceCommand = dead.length > 0 ? ` (${formatKubectl(where, `delete pod ${dead.flatMap((d) => d.members.map((m) => m.pod.name)).join(' ')} --grace-period=0 --force`)}; with zonal volumes they need a node in their zone)` : '';
  // The zone has a node they may use, short of what they request: room there, not a new zone's node.
  const short = inZone ? /\bInsufficient ([\w./-]+)/.exec(pending[0]?.unschedulable ?? '')?.[1] : undefined;
  // A cordoned node is counted apart from the zone's conflict: it may be the very node of their zone.
  const cordoned = /\bwere unschedulable\b/.test(pending[0]?.unschedulable ?? '');
  // The zones their claims' volumes are pinned to, when read: where that node must be.
  const zones = unique((members?.volumes ?? []).flatMap((v) => v.zones));
  const place = forced ?? (inZone && short
    ? `free or add ${short} in ${pending.length === 1 ? "its volume's" : "their volumes'"} zone, where the scheduler finds a node ${pending.length === 1 ? 'it' : 'they'} may use but short of ${short} (the pods that took it there, or a bigger node)`
    : inZone && cordoned
    ? `uncordon the node the scheduler counts as unschedulable if it is the one in ${pending.length === 1 ? "its volume's" : "their volumes'"} zone${zones.length > 0 ? ` (${zones.join(', ')})` : ''} (a drain left unfinished), or get a node into that zone that ${pending.length === 1 ? 'it' : 'they'} may use`
    : inZone
    ? `get a node into their volumes' zone${zones.length > 0 ? ` (${zones.join(', ')})` : ''} that they may use (the cluster autoscaler's scale-up there, or its backoff, says why none came)`
    : pending.length > 0
      ? 'make room for them where the scheduler says it has none'
      : `bring ${downNames || 'them'} back`);
  const rejoined = sign.recovers ?? 'the cluster covers every slot';
  // A run (a Job) does not recover by itself: it is re-run once the cluster serves again, and says so itself.
  const run = ev.target.kind === 'Job' || ev.target.kind === 'CronJob';
  const rerun = `re-run the ${ev.target.kind === 'CronJob' ? 'CronJob\'s Job' : 'Job'}`;
  const recovers = run ? ` and ${rejoined}, ${rerun}` : `, ${rejoined} and ${ev.target.name} recovers by itself`;
  const recoversAfter = run ? `${rejoined}, ${rerun}` : `${rejoined}, ${ev.target.name} recovers by itself`;
  const crashed = formation ? [] : down.filter((d) => d.crash?.line !== undefined);
  // A member that fails at every start on its own data (a torn commit log, a full disk): what its log says is the fix, not a restart.
  const crashFix = crashed.length > 0 ? `fix what stops ${joinAnd(crashed.map((d) => d.pod.name))} at every start` : undefined;
  const held = new Set(dead.flatMap((d) => d.members.map((m) => m.pod.name)));
  const rest = down.filter((d) => !held.has(d.pod.name) && d.crash?.line === undefined);
  const steps = crashFix === undefined
    ? undefined
    : [...(forced ? [forced] : []), crashFix, ...(syncStep ? [syncStep] : []), ...(rest.length > 0 ? [`get ${joinAnd(rest.map((d) => d.pod.name))} running again: ${inZone ? `get a node into ${rest.length === 1 ? "its volume's zone" : "their volumes' zone"} that ${rest.length === 1 ? 'it' : 'they'} may use` : pending.length > 0 ? 'make room for them where the scheduler says it has none' : 'bring them back'}`] : [])];
  const rejoin = wiped ? `rejoin ${wiped.pod} to the cluster and give it back what claim ${wiped.claim} held before it was deleted (${sign.check}; its old member id, its share of the data — from a backup or a replica)${wiped.policy ? `; then set whenScaled: Retain on StatefulSet ${wiped.set} so a scale-down never deletes a member's data again` : ''}` : undefined;
  const baseFix = rejoin !== undefined
    ? rejoin
    : formation
    ? `${formation.fix}; once ${recoversAfter}`
    : down.length > 0
    ? steps !== undefined
      ? `${steps.join('; ')}; once they rejoin${recovers}`
      : sign.remedy && !forced && pending.length === 0
        ? `${sign.remedy(downNames, readiness)}; once ${recoversAfter}`
        : `${forced ? '' : `get ${downNames} of ${named} running again: `}${place}${syncStep ? `; ${syncStep}` : ''}; once they rejoin${recovers}`
    : members === undefined
      ? `look at ${named}'s pods (${formatKubectl(where, 'get pods -o wide')}: which are not running, and why) and at the cluster's own state (${sign.check})`
      : `ask the cluster which slots or members it lacks (${sign.check}) and restore them`;
  const spread = together || sharedNode ? ` Then spread the members across nodes and zones (pod anti-affinity or topology spread) so one node never holds ${sign.majority ? 'a majority of them' : 'a master and its replica'}.` : '';
  const selector = members?.pods[0]?.labels;
  // A member crashing in place was not re-created, nor was one held on a dead node: their age says nothing of when they went down (the node's does).
  const inPlaceAt = inPlace?.nodeDown?.firstSeen ?? inPlace?.startedAt;
  const onset = earliest([...down.filter((d) => d.crash === undefined && !held.has(d.pod.name)).map((d) => (inPlace?.pods.includes(d.pod.name) ? inPlaceAt : d.pod.createdAt)), ...dead.map((d) => d.since)]);
  const described = sign.describe?.(hits.at(-1)?.line ?? '');
  // The shortest refusal says it best: the exception's own message, not a retry line around the code.
  const quoted = shortenReason(hits.map((h) => condenseStructuredLine(h.line)).reduce((a, b) => (b.length < a.length ? b : a), condenseStructuredLine(hits.at(-1)?.line ?? '')), 300);
  // The limit it refuses at, as its own config sets it: "NOREPLICAS: min-replicas-to-write 1".
  const limits = (members?.config ?? []).filter((c) => sign.settings?.includes(c.setting));
  const token = limits.length > 0 ? `${sign.token}: ${unique(limits.map((c) => `${c.setting} ${c.value}`)).join(', ')}` : sign.token;
  const plainSaid = described ?? (formation ? `${sign.state ?? 'is down'} — ${formation.said}` : `${sign.state ?? 'is down'} (${token})`);
  // A topic whose replication factor is no more than its min.insync.replicas: one broker down stops its writes.
  const brokerMin = readMinIsr([...hits.map((h) => h.line), ...(members?.logs ?? []).flatMap((l) => l.lines)]) ?? Number((members?.config ?? []).find((c) => c.setting === 'min.insync.replicas')?.value ?? Number.NaN);
  const fragile = findFragileTopic(members?.topicReplication ?? [], Number.isNaN(brokerMin) ? undefined : brokerMin);
  const fragileSaid = fragile ? `topic ${fragile.topic.topic} has replication factor ${fragile.topic.replicationFactor}, ${fragile.topic.replicationFactor === fragile.minInsync ? 'equal to' : 'below'} min.insync.replicas ${fragile.minInsync}, so one broker down stops its acks=all writes` : undefined;
  const said = fragileSaid === undefined ? plainSaid : plainSaid.endsWith(')') ? `${plainSaid.slice(0, -1)}; ${fragileSaid})` : `${plainSaid} (${fragileSaid})`;
  const fix = fragile ? `${baseFix}; then raise topic ${fragile.topic.topic}'s replication factor to ${fragile.minInsync + 1} (above min.insync.replicas ${fragile.minInsync}; kafka-reassign-partitions.sh, and in ConfigMap ${fragile.topic.configMap}) so one broker down no longer stops its writes` : baseFix;
  // Clients that meet it only when they start: the pods that started before it went down still run on what they got.
  const before = sign.atStart && onset ? ev.pods.filter((p) => !callers.includes(p.name) && p.ready && p.createdAt !== undefined && p.createdAt < onset).map((p) => p.name) : [];
  const startWhy = sign.atStart ? ` These pods fail because ${sign.atStart}${before.length > 0 ? ` (${joinAnd(before)}, started before it went down ${formatAgo(onset ?? '', now)}, still run)` : ''}.` : '';
  const crashWhy = crashed.length > 0 ? ` ${crashed.map((d) => `${d.pod.name} fails at every start${d.crash?.exitCode !== undefined ? ` (exit ${d.crash.exitCode}, ${d.crash.restarts} restarts)` : ''}: its own log says "${d.crash?.said ?? ''}"`).join('; ')} — that is what to fix on it; restarting it again replays the same failure.` : '';
  const head = `${named} ${said}: ${counted}`;
  const finding: Finding = {
    id: `dependency-cluster-down/${service?.name ?? sign.server}`,
    kind: 'dependency-error',
    title: `${head}; ${count}`,
    layer: 'network/routing',
    severity: 'critical',
    // Without the members read, or with all of them up, the cause on the cluster's side is not seen.
    confidence: down.length > 0 ? 'high' : 'medium',
    evidence: [
      ...(address ? [`${named} (${address.env}=${address.host})`] : []),
      ...hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line)}`),
      ...limits.map((c) => `ConfigMap ${c.configMap} (${c.key}) sets ${c.setting} ${c.value}`),
      ...(fragile ? [`ConfigMap ${fragile.topic.configMap} (${fragile.topic.key}): topic ${fragile.topic.topic} replication factor ${fragile.topic.replicationFactor}${fragile.topic.minInsyncReplicas !== undefined ? `, min.insync.replicas ${fragile.topic.minInsyncReplicas}` : ''}`] : []),
      ...(members ? [`pods of ${members.service} in ${members.namespace}: ${members.pods.length - down.length}/${members.pods.length} Running and ready`] : []),
      ...(wiped ? [`claim ${wiped.claim} of ${wiped.pod} created ${wiped.age} ago; the other members' claims ${wiped.siblingsAge} or older`, `StatefulSet ${wiped.set}: ${wiped.policy ?? 'persistentVolumeClaimRetentionPolicy Retain (the old claim was deleted by hand)'}`] : []),
      ...down.map((d) => `pod ${d.pod.name}: ${d.state}${d.crash ? `, ${d.crash.restarts} restarts` : ''}${d.pod.deletionTimestamp ? ` (marked for deletion ${formatAgo(d.pod.deletionTimestamp, now)})` : ''}${d.pod.nodeName ? ` on node ${d.pod.nodeName}` : ''}${d.pod.createdAt ? `, created ${formatAgo(d.pod.createdAt, now)}` : ''}${d.unschedulable ? ` — ${d.unschedulable}` : ''}`),
      // A full disk said by its errno and the write that failed, not by the structured line's generic message.
      ...crashed.map((d) => `log ${d.pod.name} (previous run): ${findDiskFullLine([d.crash?.line ?? ''])?.said ?? condenseStructuredLine(d.crash?.line ?? '')}`),
      ...(formation?.lines ?? []).map((l) => `log ${l.pod}${l.current ? '' : ' (previous run)'}: ${l.line}`),
      // The structured line's message alone drops its state ("newState"): what it says is added.
      ...syncing.map((m) => `log ${m.pod}: ${condenseStructuredLine(m.line)} (${m.said})`),
      ...dead.map((d) => `${describeDeadNode(d, now)}${d.node.taints.length > 0 ? `, tainted ${d.node.taints.map((t) => `${t.key}:${t.effect}`).join(', ')}` : ''}`),
      ...(inPlace?.nodeDown ? [`event Node ${inPlace.nodeDown.object.name}: ${inPlace.nodeDown.reason} ${formatAgo(inPlace.nodeDown.firstSeen, now)}: ${inPlace.nodeDown.message}`] : []),
      ...lost.flatMap((l) => l.events.map((e) => `event Node ${l.node}: ${e.reason}${e.source ? ` (${e.source})` : ''} ${formatAgo(e.firstSeen, now)}: ${e.message}`)),
    ],
    // The refusal's words are in the title already when it was read from the line.
    decisive: described !== undefined ? said : quoted,
    likelyCause: `${sign.meaning}${membersCause}${fragile ? ` Topic ${fragile.topic.topic} has replication factor ${fragile.topic.replicationFactor} against min.insync.replicas ${fragile.minInsync} (ConfigMap ${fragile.topic.configMap}): each of its partitions has no replica to spare, so any one broker down leaves the partitions it held a replica of short and their acks=all writes are refused; the broker down is the trigger, the topic's replication factor is why one broker stops the writes.` : ''}${wiped ? ` ${wiped.pod} runs, but on claim ${wiped.claim} made ${wiped.age} ago while its siblings' are ${wiped.siblingsAge} old: its old claim and volume were deleted${wiped.policy ? ` — StatefulSet ${wiped.set} has ${wiped.policy}, so scaling it down deleted the claim of the member it removed, and scaling back up gave that member a new, empty one` : ''}. It started with no data and no cluster config (a new member id), so what it held before is served by no one.` : ''}${formation?.cause ?? ''}${crashWhy}${syncing.length > 0 ? ` ${joinAnd(syncing.map((m) => m.pod))} ${syncing.length === 1 ? 'runs and is' : 'run and are'} ready but ${syncing.length === 1 ? 'is' : 'are'} ${syncing.length === 1 ? syncing[0]?.said ?? '' : 'still in initial sync (STARTUP2)'}: a member copying the data set from its sync source applies no write of its own and counts toward no majority until it becomes SECONDARY.` : ''}${startWhy} The fault is in ${named}, not in these pods: ${sign.atStart ? 'their image and config are not at fault' : 'they stay Ready and fail every call that needs it'}; restarting or rolling them back will not help.`,
    nextAction: `${capitalize(fix)}.${forceCommand}${spread}${sign.stopgap && down.length > 0 ? ` ${sign.stopgap}.` : ''}`,
    fix,
    // The title says what the cluster answers; the exoneration only points at it.
    outsideWorkload: `these pods only fail on ${named}`,
    ...(onset ? { onset } : {}),
    // The title dates what took the members down (a node lost, their re-creation): that is the trigger.
    ...(onset && down.length > 0 ? { datesChange: true as const } : {}),
    ...(wiped ? { datesChange: true as const, onset: wiped.createdAt } : {}),
    confirmCommands: [
      formatKubectl(where, `get pods${selector ? ` -l ${Object.entries(selector).filter(([k]) => !/pod-template-hash|controller-revision-hash|statefulset.kubernetes.io|apps.kubernetes.io\/pod-index/.test(k)).map(([k, v]) => `${k}=${v}`).join(',')}` : ''} -o wide`),
      ...(down[0] ? [formatKubectl(where, `describe pod ${down[0].pod.name}`)] : []),
      ...(members?.pods.find((p) => p.ready) ? [formatKubectl(where, `exec ${members.pods.find((p) => p.ready)?.name ?? ''} -- ${sign.check.split(';')[0] ?? ''}`)] : []),
      // A member that runs unready answers its own check too (a sealed Vault's `vault status`).
      ...(readiness ? [formatKubectl(where, `exec ${down.find((d) => d.readiness)?.pod.name ?? ''} -- ${sign.check.split(';')[0] ?? ''}`)] : []),
    ],
    // Every pod configured with the cluster's address is its client and fails with it, whether or not its log was read.
    // With the address out of sight (a Secret, a mounted config file) but the store found, every serving pod of the workload is its client: the logs read are a sample.
    affected: { pods: sign.atStart ? callers : clients.length > 0 ? clients : service && unready === 0 ? unique([...callers, ...ev.pods.filter((p) => p.ready).map((p) => p.name)]) : callers, nodes: unique([...listNodesOf(callerPods), ...lost.map((l) => l.node), ...dead.map((d) => d.node.name)]), ...(service ? { services: [service.name] } : {}) },
  };
  return { finding, head, membersDown: down.length > 0 };
}

/**
 * An Elasticsearch or OpenSearch cluster that its own master logs as RED while every pod is Ready:
 * a primary shard has no active copy, and every write or read routed to it fails (the clients
 * wait, then get unavailable_shards_exception "primary shard is not active"). Kubernetes sees
 * nothing: the readiness probe asks the node, not the shard. With no replica, the primary's only
 * copy lived on one node's disk; a node that came back with a new node ID (and, often, a claim
 * created after it left) came back empty, so the shard will not come back by itself — it must be
 * restored from a snapshot, or given up and re-indexed. Restarting or rolling back changes nothing.
 */
import type { PvcEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { findSearchClusterRed, listInactiveShards, listShardRefusals } from '../search-cluster-health.js';
import type { LostSearchNode, SearchClusterRed } from '../search-cluster-health.js';
import { formatAgo, msBetween } from '../time-span.js';
import { truncate, joinAnd } from '../../text.js';

/** A claim made within this long of the StatefulSet itself was made with it, not after a loss. */
const WITH_THE_SET_MS = 60 * 60_000;

interface Refusals { caller: string; pod: string; via: string; lines: string[] }

/** The callers' own lines refused for an inactive primary (the callers' log is read while the cluster is RED). */
function readRefusals(ev: TriageEvidence): Refusals[] {
  return (ev.serviceCallers ?? []).flatMap((c) => {
    const lines = listShardRefusals(c.log?.lines ?? []);
    return lines.length === 0 ? [] : [{ caller: c.owner ?? `pod ${c.pod}`, pod: c.pod, via: c.via, lines }];
  });
}

/** The error's own reason in a client's line ("'reason': '[orders][1] primary shard is not active …'"), else the line. */
function reasonOf(line: string): string {
  const type = /['"]type['"]\s*:\s*['"](\w+)['"]/.exec(line)?.[1];
  const reason = /['"]reason['"]\s*:\s*['"]([^'"]+)['"]/.exec(line)?.[1];
  // The request the error echoes back ("…, request: [BulkShardRequest …]") adds nothing to the reason.
  return reason === undefined ? condenseStructuredLine(line) : `${type ? `${type}: ` : ''}${reason.replace(/,? request: \[.*$/, '')}`;
}

/**
 * The claim the lost node's pod mounts now, when it was made after the node left (or long after
 * the StatefulSet): the pod came back on a new, empty volume.
 */
function newClaimOf(ev: TriageEvidence, lost: LostSearchNode): PvcEvidence | undefined {
  const claim = ev.pvcs.find((c) => c.usedByPods.includes(lost.node) && c.createdAt !== undefined);
  if (claim?.createdAt === undefined) return undefined;
  if (lost.at !== undefined) return msBetween(lost.at, claim.createdAt) >= 0 ? claim : undefined;
  const set = ev.workload?.createdAt;
  return set !== undefined && msBetween(set, claim.createdAt) > WITH_THE_SET_MS ? claim : undefined;
}

export function analyzeSearchClusterRed(ev: TriageEvidence): Finding[] {
  const own = podNames(ev);
  const red = findSearchClusterRed(ev.logs.filter((l) => own.has(l.pod)));
  return red === undefined ? [] : [describe(ev, red)];
}

function describe(ev: TriageEvidence, red: SearchClusterRed): Finding {
  const now = ev.collectedAt;
  const refusals = readRefusals(ev);
  const shards = unique([...red.shards, ...listInactiveShards(refusals.flatMap((r) => r.lines))]);
  const indices = unique(shards.map((s) => /^\[([^\]]+)\]/.exec(s)?.[1] ?? ''));
  // The index of the shard, when the log shows it made without a replica; any such index when no shard is named.
  const bare = red.noReplicas.filter((n) => indices.length === 0 || indices.includes(n.index));
  const [lost] = red.lost;
  const claim = lost?.newId !== undefined ? newClaimOf(ev, lost) : undefined;
  const since = red.at ? ` since ${formatAgo(red.at, now)}` : '';
  const what = shards.length > 0
    ? `primary of ${joinAnd(shards.slice(0, 3))} unassigned`
    : red.unassigned !== undefined
      ? `${red.unassigned} unassigned shard${red.unassigned === 1 ? '' : 's'} that cannot be allocated`
      : 'a primary shard has no active copy';
  const leftWhen = lost ? `left the cluster${lost.at ? ` ${formatAgo(lost.at, now)}` : ''} (${lost.reason})` : '';
  const left = lost ? `${lost.node} ${leftWhen}` : '';
  const back = lost?.newId === undefined
    ? ''
    : claim?.createdAt !== undefined
      ? ` and came back with a new node ID on a new, empty claim ${claim.name} (created ${formatAgo(claim.createdAt, now)})`
      : ' and came back with a new node ID (an empty data path)';
  const where = lost === undefined ? '' : bare.length > 0 ? ` — its only copy was on ${lost.node}, which ${leftWhen}${back}` : ` — ${left}${back}`;
  const zero = bare[0];
  const replicas = zero ? `; index ${zero.index} has 0 replicas${zero.shards !== undefined ? ` (shards [${zero.shards}]/[0]${zero.template ? `, template ${zero.template}` : ''})` : ''}` : '';
  const title = `${red.product} cluster RED${since}: ${what}${where}${replicas}`;

  const newest = refusals[0]?.lines.at(-1);
  const decisive = truncate(newest !== undefined ? reasonOf(newest) : condenseStructuredLine(red.line), 300);
  const shard = shards[0] ?? 'the red shard';
  const index = zero?.index ?? indices[0] ?? 'the index';
  const template = zero?.template ? `template ${zero.template}` : 'its index template';
  const fix = `restore ${shard} from a snapshot (or allocate an empty primary and re-index its documents), and set number_of_replicas ≥ 1 on ${index} and in ${template}`;
  const emptyDisk = lost?.newId !== undefined
    ? ` ${lost.node} joined again with another node ID (${lost.newId}, was ${lost.id}): a node keeps its ID in its data path, so it started on an empty one${claim?.createdAt ? ` — claim ${claim.name} was created ${formatAgo(claim.createdAt, now)}, after the node left${ev.workload?.createdAt ? ` (the StatefulSet is ${formatAgo(ev.workload.createdAt, now).replace(/ ago$/, '')} old)` : ''}` : ''}. The copy that was on it is gone, so the primary cannot come back by itself.`
    : '';
  const likelyCause =
    `${red.product}'s master logs the cluster RED${since}: ${what}, so every write and search routed to ${shards.length > 0 ? 'that shard' : 'it'} fails (the clients wait for the primary, then give up with "primary shard is not active"), while the pods stay Ready — their probe asks the node, not the shard.` +
    (lost ? ` The cluster turned RED when ${left}${zero ? `; with 0 replicas on ${zero.index}, the primaries on that node had no other copy to promote` : ''}.` : '') +
    emptyDisk;
  const master = red.pod;
  const confirmCommands = [
    formatKubectl(ev.target, `logs ${master} --tail=500`),
    ...(claim ? [formatKubectl(ev.target, `get pvc ${claim.name} -o wide`)] : []),
  ];
  const pods = lost !== undefined && podNames(ev).has(lost.node) ? [lost.node] : [];
  return {
    id: `search-cluster-red/${ev.target.name}`,
    kind: 'search-cluster-red',
    title,
    layer: 'storage',
    severity: 'critical',
    // RED is the master's own word; which node held the lost copy is inferred from the timing and the replica count.
    confidence: lost !== undefined && zero !== undefined ? 'high' : 'medium',
    evidence: [
      `log ${master}: ${condenseStructuredLine(red.line)}`,
      ...(lost ? [`${lost.node} left the cluster${lost.at ? ` ${formatAgo(lost.at, now)}` : ''} with node ID ${lost.id} (${lost.reason})${lost.newId ? `; joined again${lost.rejoinedAt ? ` ${formatAgo(lost.rejoinedAt, now)}` : ''} with node ID ${lost.newId}` : ''}`] : []),
      ...(claim?.createdAt ? [`claim ${claim.name} (mounted by ${lost?.node ?? ''}) created ${claim.createdAt} (${formatAgo(claim.createdAt, now)})`] : []),
      ...red.noReplicas.slice(0, 3).map((n) => `index ${n.index}: 0 replicas${n.shards !== undefined ? ` (created with shards [${n.shards}]/[0]${n.template ? ` from template ${n.template}` : ''})` : ''}`),
      ...(red.unassigned !== undefined ? [`${red.unassigned} unassigned shard${red.unassigned === 1 ? '' : 's'} that cannot be allocated (the master's newest balance)`] : []),
      ...refusals.slice(0, 2).map((r) => `caller ${r.caller} (pod ${r.pod}, ${r.via}) logged ${r.lines.length} refused request${r.lines.length === 1 ? '' : 's'}; newest: "${truncate((r.lines.at(-1) ?? '').trim(), 300)}"`),
    ],
    decisive,
    likelyCause,
    nextAction:
      `Confirm with GET _cluster/allocation/explain (it names the shard and why no copy can be allocated). Restore ${shard}: if a snapshot holds ${index}, restore it from there (_snapshot/<repository>/<snapshot>/_restore); if none does, accept that the shard's documents are lost — _cluster/reroute with allocate_empty_primary for ${shard} (accept_data_loss) — and re-index them from their source. ` +
      `Then set number_of_replicas ≥ 1 on ${index} and in ${template}, so that one lost node or disk no longer loses a shard. Restarting or rolling back the pods brings nothing back.`,
    fix,
    outsideWorkload: `the shard's only copy went with a node's disk; no revision of ${ev.target.name} brings it back`,
    ...(lost?.at ? { datesChange: true as const } : {}),
    ...(red.at ? { onset: red.at } : {}),
    confirmCommands,
    affected: { pods, nodes: listNodesOf(pods.flatMap((p) => findPod(ev, p) ?? [])), ...(refusals.length > 0 ? { services: unique((ev.serviceCallers ?? []).map((c) => c.service)) } : {}) },
  };
}

function podNames(ev: TriageEvidence): Set<string> {
  return new Set(ev.pods.map((p) => p.name));
}

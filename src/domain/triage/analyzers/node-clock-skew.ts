/**
 * Refusals that mean "the time is off" (S3's RequestTimeTooSkewed, a JWT not valid yet, a
 * certificate not valid yet, Kerberos' clock skew) logged only by the workload's pods on one node,
 * while the same revision's pods elsewhere make the same calls: the node's clock is off, since the
 * containers read the time from it. What that clock stamped (the kubelet's heartbeat, the pods' own
 * log lines, the refusal's request and server times) measures how far. Neither the code nor the
 * rollout: restoring time sync on the node, or moving the pods off it, ends it.
 */
import type { LogEvidence, NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findNode, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { findPlace } from '../failing-place.js';
import { nodePoolOf } from '../node-pool.js';
import { findClockRefusal } from '../clock-refusal.js';
import { readNodeClock } from '../node-clock.js';
import type { NodeClock } from '../node-clock.js';
import { limitLines, severityForPods, unique } from '../pod-status.js';
import { formatSpan } from '../time-span.js';
import { capitalize } from '../../text.js';

/** More nodes than this refusing is no one node's clock. */
const MAX_NODES = 2;

function limitNames(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

function describeClock(clock: NodeClock | undefined): string {
  if (clock === undefined) return 'is off';
  return `runs ${clock.offsetMs !== undefined ? `${formatSpan(clock.offsetMs)} ` : ''}${clock.direction} (${clock.basis})`;
}

/** The refused pods' node pool, against the fine pods' nodes. */
interface PoolReading {
  pool: string;
  /** When the pool's refused nodes came, if after every fine pod's node: the change behind it. */
  addedAgo?: string;
  /** "node pool a": where the same workload runs fine, when only the refused nodes are in this pool. */
  elsewhere?: string;
  /** Some fine pods' nodes are in the same pool: the pool does not set the node apart. */
  shared: boolean;
  /** The pool's other nodes (same image, same time sync config), when the pool sets the nodes apart. */
  poolmates: string[];
}

function readPool(ev: TriageEvidence, refused: readonly PodEvidence[], fine: readonly PodEvidence[], nodes: readonly string[], allNodes: readonly NodeEvidence[]): PoolReading | undefined {
  const pools = unique(nodes.map((n) => nodePoolOf(findNode(ev, n))));
  const [pool] = pools;
  if (pools.length !== 1 || pool === undefined) return undefined;
  const finePools = unique(fine.map((p) => nodePoolOf(findNode(ev, p.nodeName))));
  const place = fine.length > 0 ? findPlace(ev, refused, fine) : undefined;
  if (place?.byPool !== true) return { pool, shared: finePools.includes(pool), poolmates: [] };
  const poolmates = allNodes.filter((n) => nodePoolOf(n) === pool && !nodes.includes(n.name)).map((n) => n.name);
  return { pool, ...(place.addedAgo !== undefined ? { addedAgo: place.addedAgo } : {}), elsewhere: `node pool ${finePools.join(', ')}`, shared: false, poolmates };
}

/** "node pool b, added 5h ago", "node pool a, as are the healthy pods' nodes". */
function describePool(p: PoolReading): string {
  return `node pool ${p.pool}${p.addedAgo !== undefined ? `, added ${p.addedAgo}` : ''}${p.shared ? ", as are the healthy pods' nodes" : ''}`;
}

export function analyzeNodeClockSkew(ev: TriageEvidence): Finding[] {
  const logsOf = (p: PodEvidence): LogEvidence[] => ev.logs.filter((l) => l.pod === p.name && l.lines.length > 0);
  const read = ev.pods.filter((p) => p.nodeName !== undefined && p.deletionTimestamp === undefined && logsOf(p).length > 0);
  const hits = new Map(read.map((p) => [p.name, logsOf(p).flatMap((l) => l.lines.filter((line) => findClockRefusal(line) !== undefined))]));
  const refused = read.filter((p) => (hits.get(p.name) ?? []).length > 0);
  const nodes = unique(refused.flatMap((p) => p.nodeName ?? []));
  if (refused.length === 0 || nodes.length > MAX_NODES) return [];
  const onNodes = (p: PodEvidence) => p.nodeName !== undefined && nodes.includes(p.nodeName);
  const fine = read.filter((p) => !onNodes(p));
  // Pods on those nodes whose logs carry no refusal: the node does not set them apart, unless its clock is read off.
  const spared = read.filter((p) => onNodes(p) && !refused.includes(p));
  const sameRevision = fine.filter((f) => refused.some((r) => r.revisionHash !== undefined && r.revisionHash === f.revisionHash));
  const allNodes = [...ev.nodes, ...(ev.clusterNodes ?? []).filter((n) => !ev.nodes.some((m) => m.name === n.name))];
  const elsewhere = fine.flatMap(logsOf);
  const clocks = nodes.map((n) => ({
    node: n,
    clock: readNodeClock(findNode(ev, n), allNodes.filter((m) => m.name !== n), refused.filter((p) => p.nodeName === n).flatMap(logsOf), elsewhere, refused.filter((p) => p.nodeName === n).flatMap((p) => hits.get(p.name) ?? []), ev.collectedAt),
  }));
  const measured = clocks.filter((c) => c.clock !== undefined);
  const confined = sameRevision.length > 0 && spared.length === 0;
  if (!confined && measured.length === 0) return [];

  const lines = refused.flatMap((p) => hits.get(p.name) ?? []);
  const decisive = pickDecisiveLine(lines) ?? lines.at(-1) ?? '';
  const phrase = findClockRefusal(decisive) ?? findClockRefusal(lines.at(-1) ?? '') ?? 'a clock refusal';
  const nodesText = nodes.join(', ');
  const [one] = clocks;
  const pool = readPool(ev, refused, fine, nodes, allNodes);
  const poolText = pool !== undefined ? ` (${describePool(pool)})` : '';
  const clockText = (nodes.length === 1 && one !== undefined ? `Node ${one.node}'s clock ${describeClock(one.clock)}` : `The clocks of nodes ${nodesText} are off`) + poolText;
  const named = refused.length <= 2 ? ` (${refused.map((p) => p.name).join(', ')})` : '';
  const who = refused.length === 1 ? `${ev.target.name}'s pod there${named} fails` : `${ev.target.name}'s ${refused.length} pods there${named} fail`;
  const revs = unique(sameRevision.flatMap((p) => ev.revisions.find((r) => r.hash === p.revisionHash)?.revision ?? []));
  const revText = revs.length > 0 ? `revision ${revs.join(', ')}` : 'the same revision';
  const fineNodes = unique(sameRevision.flatMap((p) => p.nodeName ?? [])).length;
  const fineWhere = pool?.elsewhere ?? (fineNodes === 1 ? 'another node' : `${fineNodes} other nodes`);
  const cleared = sameRevision.length > 0 ? `; ${revText} runs fine on ${sameRevision.length} pod${sameRevision.length === 1 ? '' : 's'} on ${fineWhere}: not the rollout` : '';
  const mates = pool !== undefined && pool.poolmates.length > 0 ? limitNames(pool.poolmates) : undefined;
  const title = `${clockText}: ${who} time checks (${phrase})${cleared}`;
  const podsThere = ev.pods.filter(onNodes).map((p) => p.name);
  const fix = `restore time sync (chrony/NTP) on ${nodesText}, or cordon it and delete its pods so they start on a node whose clock is right`;
  return [{
    id: `node-condition/clock/${nodes.join('+')}`,
    kind: 'node-condition',
    title,
    layer: 'node/eviction',
    severity: severityForPods(ev, podsThere.length),
    confidence: measured.length > 0 && sameRevision.length > 0 ? 'high' : 'medium',
    evidence: [
      ...limitLines(refused.flatMap((p) => (hits.get(p.name) ?? []).slice(-2).map((l) => `log ${p.name} (on ${p.nodeName ?? '?'}): ${l.trim()}`)), 4),
      ...measured.flatMap((c) => c.clock?.readings ?? []),
      ...limitLines(fine.map((p) => `${p.name} on ${p.nodeName ?? '?'}${sameRevision.includes(p) ? ` (${revText})` : ''}: no such refusal in its log`), 3),
    ],
    decisive,
    outsideWorkload: `the same revision's pods on other nodes make the same calls: the node's clock fails them, whatever the revision`,
    likelyCause: `${capitalize(phrase)} means the time a request, token or certificate is stamped with and the time it is checked against differ by more than is allowed. A container reads the time from its node, and only the pods on ${nodesText} are refused: that node's clock is off — its time sync (chronyd, ntpd, systemd-timesyncd) stopped or never started.` +
      (measured.length > 0 ? ` ${clockText}.` : ' How far is not read here: `chronyc tracking` on the node says.') +
      (pool?.elsewhere !== undefined ? ` Only pods on node pool ${pool.pool}${pool.addedAgo !== undefined ? ` (added ${pool.addedAgo})` : ''} are refused, none on ${pool.elsewhere}: the pool's nodes share their image and bootstrap, so look at its time source config (chrony/NTP servers).` : '') +
      (mates !== undefined ? ` The pool's other node${pool?.poolmates.length === 1 ? '' : 's'} ${mates} may run off too (no refusal was read from ${pool?.poolmates.length === 1 ? 'it' : 'them'}): check ${pool?.poolmates.length === 1 ? 'it' : 'them'}.` : ''),
    nextAction: `Mitigate: cordon ${nodesText}${mates !== undefined ? ` (and check ${mates}, in the same pool)` : ''} and delete its pods so they start on a node whose clock is right (the bot will not). Then restore time sync on ${nodesText} (\`chronyc tracking\`, \`timedatectl\`)${pool?.elsewhere !== undefined ? ' and in the pool\'s node config' : ''}, or replace the node.`,
    fix,
    confirmCommands: [
      ...nodes.slice(0, 2).map((n) => describeNodeCommand(ev.target, n)),
      formatKubectl(ev.target, 'get nodes -o custom-columns=NAME:.metadata.name,HEARTBEAT:.status.conditions[-1].lastHeartbeatTime', 'cluster'),
    ],
    affected: { pods: podsThere, nodes },
  }];
}

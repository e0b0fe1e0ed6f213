// Calls that time out from the workload's pods on some nodes while the same revision's pods on
// other nodes make them: the differential an SRE draws by node group. When the failing pods all
// sit on one node group (or on nodes added after the others) that the fine pods' nodes are not
// part of, the nodes — their network path — are the suspect, not the code or the rollout. Pods
// are compared by their logs, since such pods still pass their probes.
import { parseDependencyError } from './dependency-error-line.js';
import type { IsoTime, LogEvidence, NodeEvidence, PodEvidence } from './evidence.js';
import { nodePoolOf } from './node-pool.js';
import { unique } from './pod-status.js';
import { HOUR_MS, msBetween } from './time-span.js';

/** A TLS handshake that never finished: the server's certificate chain never arrived. */
export const TLS_HANDSHAKE_TIMEOUT = /TLS handshake timeout|handshake timed out|SSLHandshakeException[^\n]*timed out|handshake operation timed out/i;

/** Nodes added at most this long ago, after every fine pod's node, count as "new nodes". */
const NEW_NODES_MS = 7 * 24 * HOUR_MS;

/** A call that got no answer in time (the dependency parser's timeouts, a stalled TLS handshake). */
export function isCallTimeout(line: string): boolean {
  return TLS_HANDSHAKE_TIMEOUT.test(line) || parseDependencyError(line)?.problem === 'timeout';
}

export interface NodeGroup {
  /** "node group blue", "new nodes": how the verdict names them. */
  name: string;
  /** The pool label's value the failing nodes share, when a pool tells them apart. */
  pool?: string;
  /** The fine pods' pools, when known. */
  finePools: string[];
  /** When the first of the group's nodes was created, when they all came after the fine pods' nodes. */
  addedAt?: IsoTime;
  /** The workload's nodes in the group (read or not). */
  nodes: string[];
}

export interface TimeoutSplit {
  /** Ready pods whose current log times out calling out. */
  failing: PodEvidence[];
  /** Ready pods whose current log was read and has no such timeout. */
  fine: PodEvidence[];
  /** The timeout lines, by pod. */
  timeouts: Map<string, string[]>;
  group: NodeGroup;
}

/** The time the oldest (`first`) or newest of the nodes was created; undefined when one does not say. */
function createdEdge(nodes: readonly NodeEvidence[], first: boolean): IsoTime | undefined {
  const times = nodes.map((n) => n.createdAt);
  if (times.length === 0 || times.some((t) => t === undefined)) return undefined;
  return (times as IsoTime[]).reduce((a, b) => ((msBetween(a, b) > 0) === first ? a : b));
}

/** What the failing nodes share that no fine node has: a pool, or being added after them all. */
function findGroup(failing: readonly NodeEvidence[], fine: readonly NodeEvidence[], all: readonly NodeEvidence[], now: IsoTime): NodeGroup | undefined {
  const pools = unique(failing.map(nodePoolOf));
  const finePools = unique(fine.map(nodePoolOf).filter((p): p is string => p !== undefined));
  const [pool] = pools;
  const byPool = pools.length === 1 && pool !== undefined && fine.every((n) => nodePoolOf(n) !== undefined && nodePoolOf(n) !== pool);
  const oldestFailing = createdEdge(failing, true);
  const newestFine = createdEdge(fine, false);
  const isNew = oldestFailing !== undefined && newestFine !== undefined && msBetween(newestFine, oldestFailing) > 0 && msBetween(oldestFailing, now) <= NEW_NODES_MS;
  if (!byPool && !isNew) return undefined;
  const inGroup = (n: NodeEvidence) => (byPool ? nodePoolOf(n) === pool : n.createdAt !== undefined && oldestFailing !== undefined && msBetween(oldestFailing, n.createdAt) >= 0);
  return {
    name: byPool ? `node group ${pool}` : 'new nodes',
    ...(byPool ? { pool } : {}),
    finePools,
    ...(isNew ? { addedAt: oldestFailing } : {}),
    nodes: all.filter(inGroup).map((n) => n.name),
  };
}

/**
 * Ready pods whose logs time out calling out, on a group of nodes none of the ready pods whose
 * logs do not is on; undefined when there is no such split, or when the two sides run no common
 * revision (then the rollout explains the split as well as the nodes do).
 */
export function splitTimeoutsByNode(pods: readonly PodEvidence[], logs: readonly LogEvidence[], nodes: readonly NodeEvidence[], now: IsoTime): TimeoutSplit | undefined {
  const split = splitLogLinesByNode(pods, logs, nodes, now, isCallTimeout);
  return split === undefined ? undefined : { failing: split.failing, fine: split.fine, timeouts: split.hits, group: split.group };
}

export interface LogLineSplit {
  /** Ready pods whose current log has such lines. */
  failing: PodEvidence[];
  /** Ready pods whose current log was read and has none. */
  fine: PodEvidence[];
  /** The lines, by pod. */
  hits: Map<string, string[]>;
  group: NodeGroup;
}

/**
 * Ready pods whose logs carry lines `matches` picks (a call that fails), on a group of nodes none
 * of the ready pods whose logs do not is on; undefined when there is no such split, or when the two
 * sides run no common revision (then the rollout explains the split as well as the nodes do).
 */
export function splitLogLinesByNode(pods: readonly PodEvidence[], logs: readonly LogEvidence[], nodes: readonly NodeEvidence[], now: IsoTime, matches: (line: string) => boolean): LogLineSplit | undefined {
  const hits = new Map<string, string[]>();
  const failing: PodEvidence[] = [];
  const fine: PodEvidence[] = [];
  for (const p of pods) {
    if (!p.ready || p.deletionTimestamp !== undefined || p.nodeName === undefined) continue;
    const read = logs.filter((l) => l.pod === p.name && !l.previous && l.lines.length > 0);
    if (read.length === 0) continue;
    const lines = read.flatMap((l) => l.lines.filter(matches));
    if (lines.length > 0) (hits.set(p.name, lines), failing.push(p));
    else fine.push(p);
  }
  if (failing.length === 0 || fine.length === 0) return undefined;
  const revs = new Set(fine.map((p) => p.revisionHash));
  if (!failing.some((p) => p.revisionHash !== undefined && revs.has(p.revisionHash))) return undefined;
  const nodeOf = (p: PodEvidence) => nodes.find((n) => n.name === p.nodeName);
  const failingNodes = unique(failing.map(nodeOf));
  const fineNodes = unique(fine.map(nodeOf));
  if (failingNodes.some((n) => n === undefined) || fineNodes.some((n) => n === undefined)) return undefined;
  if (failingNodes.some((n) => fineNodes.includes(n))) return undefined;
  const ours = new Set(pods.map((p) => p.nodeName));
  const group = findGroup(failingNodes as NodeEvidence[], fineNodes as NodeEvidence[], nodes.filter((n) => ours.has(n.name)), now);
  return group === undefined ? undefined : { failing, fine, hits, group };
}

/** A node where the calls time out and one where they do not, to read their CNI agents; empty without a split. */
export function pickSplitNodes(pods: readonly PodEvidence[], logs: readonly LogEvidence[], nodes: readonly NodeEvidence[], now: IsoTime): string[] {
  const split = splitTimeoutsByNode(pods, logs, nodes, now);
  const bad = split?.failing[0]?.nodeName;
  const good = split?.fine[0]?.nodeName;
  return bad === undefined || good === undefined ? [] : [bad, good];
}

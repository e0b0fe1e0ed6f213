/**
 * Why pods of two workloads went down at once: all of them were created within minutes, and the
 * nodes under them were themselves created just before — the nodes were replaced together (a node
 * group upgrade or rotation that took every node at once), restarting everything on them.
 */
import type { IsoTime, NodeEvidence, PodEvidence } from './evidence.js';
import { unique } from './pod-status.js';
import { MINUTE_MS, earliest, latest, msBetween } from './time-span.js';

/** Pods created within this span of each other were restarted together. */
const TOGETHER_MS = 10 * MINUTE_MS;
/** A node created this long before the first of its pods, or less, came with them. */
const NODE_BEFORE_MS = 30 * MINUTE_MS;

export interface RestartedTogether {
  pods: number;
  /** The first and the last pod's creation. */
  from: IsoTime;
  to: IsoTime;
  /** The nodes under them, all created just before them; absent when any known one is older. */
  nodes?: { names: string[]; from: IsoTime; to: IsoTime };
}

/**
 * Whether every pod was created within TOGETHER_MS, and whether the nodes under them (those of
 * `nodes` that are read, which must include every node of `required`) all came just before.
 */
export function findRestartedTogether(pods: readonly PodEvidence[], nodes: readonly NodeEvidence[], required: readonly PodEvidence[]): RestartedTogether | undefined {
  const created = pods.map((p) => p.createdAt);
  const from = earliest(created);
  const to = latest(created);
  if (pods.length < 2 || created.some((c) => c === undefined) || from === undefined || to === undefined || msBetween(from, to) > TOGETHER_MS) return undefined;
  const under = unique(pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  const known = nodes.filter((n) => under.includes(n.name));
  const covered = required.every((p) => p.nodeName !== undefined && known.some((n) => n.name === p.nodeName));
  const fresh = known.every((n) => n.createdAt !== undefined && msBetween(n.createdAt, from) >= 0 && msBetween(n.createdAt, from) <= NODE_BEFORE_MS);
  const nodeFrom = earliest(known.map((n) => n.createdAt));
  const nodeTo = latest(known.map((n) => n.createdAt));
  const replaced = covered && known.length > 0 && fresh && nodeFrom !== undefined && nodeTo !== undefined;
  return { pods: pods.length, from, to, ...(replaced ? { nodes: { names: known.map((n) => n.name), from: nodeFrom, to: nodeTo } } : {}) };
}

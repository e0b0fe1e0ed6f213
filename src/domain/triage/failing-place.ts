// Where a workload's failing pods sit when none of its healthy pods sits there: one node pool,
// nodes added after the healthy pods' nodes, or the nodes by name. A node-level cause (a setting,
// a driver, a profile) is told by that place, and dated by when its nodes came.
import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { nodePoolOf } from './node-pool.js';
import { isPodHealthy, listNodesOf, unique } from './pod-status.js';
import { formatAgo, msBetween } from './time-span.js';

/** Where the failing pods sit, when none of the healthy pods sits there: a pool, new nodes, or the nodes by name. */
export interface Place {
  /** "node pool batch-b", "node ip-…", "the new nodes ip-…, ip-…" */
  name: string;
  /** "node pool general", "2 other nodes": where the same image runs. */
  elsewhere: string;
  byPool: boolean;
  /** When the place's nodes came after every healthy pod's node: the change behind it. */
  addedAgo?: string;
}

export function nodesOf(ev: TriageEvidence, pods: readonly PodEvidence[]): NodeEvidence[] {
  return unique(pods.map((p) => findNode(ev, p.nodeName))).filter((n): n is NodeEvidence => n !== undefined);
}

export function findPlace(ev: TriageEvidence, failing: readonly PodEvidence[], fine?: readonly PodEvidence[]): Place | undefined {
  const names = listNodesOf(failing);
  const failingSet = new Set(failing.map((p) => p.name));
  const healthy = (fine ?? ev.pods.filter((p) => !failingSet.has(p.name) && isPodHealthy(p, ev.collectedAt))).filter((p) => p.nodeName !== undefined);
  if (names.length === 0 || healthy.length === 0 || healthy.some((p) => names.includes(p.nodeName ?? ''))) return undefined;
  const bad = nodesOf(ev, failing);
  const good = nodesOf(ev, healthy);
  const pools = unique(bad.map(nodePoolOf));
  const goodPools = unique(good.map(nodePoolOf));
  const [pool] = pools;
  const byPool = pools.length === 1 && pool !== undefined && bad.length === names.length && goodPools.every((p) => p !== undefined && p !== pool);
  const created = bad.map((n) => n.createdAt);
  const goodCreated = good.map((n) => n.createdAt);
  const oldestBad = created.every((c) => c !== undefined) && created.length > 0 ? (created as string[]).reduce((a, b) => (msBetween(a, b) < 0 ? b : a)) : undefined;
  const newestGood = goodCreated.every((c) => c !== undefined) && goodCreated.length > 0 ? (goodCreated as string[]).reduce((a, b) => (msBetween(a, b) > 0 ? b : a)) : undefined;
  const isNew = oldestBad !== undefined && newestGood !== undefined && good.length === unique(healthy.map((p) => p.nodeName)).length && msBetween(newestGood, oldestBad) > 0;
  const added = isNew && oldestBad !== undefined ? { addedAgo: formatAgo(oldestBad, ev.collectedAt) } : {};
  if (byPool) return { name: `node pool ${pool}`, elsewhere: `node pool ${goodPools.join(', ')}`, byPool, ...added };
  const others = unique(healthy.map((p) => p.nodeName ?? ''));
  const elsewhere = `${others.length} other node${others.length === 1 ? '' : 's'}`;
  return { name: `${isNew ? 'the new ' : ''}node${names.length === 1 ? '' : 's'} ${names.join(', ')}`, elsewhere, byPool, ...added };
}

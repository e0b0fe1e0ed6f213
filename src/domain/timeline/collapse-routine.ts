/**
 * The routine chatter of controllers — a rollout scaling ReplicaSets, pods scheduled, images
 * pulled, containers started, old pods killed — says "a rollout ran", not what went wrong. On the
 * timeline each burst of it becomes one line with counts, so the lines that matter stay visible.
 */
import type { TimelineEntry } from './timeline-entry.js';

export interface Placed {
  entry: TimelineEntry;
  /** Milliseconds since the epoch; NaN when `at` does not parse. */
  ms: number;
}

export interface Burst {
  firstMs: number;
  lastMs: number;
  /** Events in the burst, repeats included. */
  count: number;
  /** Count by reason, in order of first appearance. */
  reasons: Map<string, number>;
  /** "Rollout events" or "Pod start-up events". */
  label: string;
  /** The last ScalingReplicaSet message: where the rollout got to. */
  lastScaling?: string | undefined;
}

export type TimelineItem = Placed | { burst: Burst };

/** Events of the same burst are at most this far apart. */
export const BURST_GAP_MS = 5 * 60_000;
const ROLLOUT_REASONS = new Set(['ScalingReplicaSet', 'SuccessfulCreate', 'SuccessfulDelete']);
const ROUTINE_REASONS = new Set([...ROLLOUT_REASONS, 'Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'SuccessfulAttachVolume']);

/** The event's reason, from the entry's key (`cluster:Kind/name:Reason:hash`) or its text (`kind/name: Reason — …`). */
export function clusterReason(entry: TimelineEntry): string | undefined {
  if (entry.source !== 'cluster') return undefined;
  return /^cluster:[^:]+:(\w+):/.exec(entry.key)?.[1] ?? /^\S+: (\w+)/.exec(entry.text)?.[1];
}

/**
 * The entries in the order given, with each burst of routine events replaced by one item at its
 * first event. A lone routine event stays a line of its own, never a key one. `Killing` is
 * routine only near a rollout (old pods go); anywhere else it is news.
 */
export function collapseRoutine(placed: Placed[]): TimelineItem[] {
  const rollouts = placed.filter((p) => ROLLOUT_REASONS.has(clusterReason(p.entry) ?? '') && !Number.isNaN(p.ms));
  const nearRollout = (p: Placed) => rollouts.some((r) => p.ms >= r.ms - BURST_GAP_MS && p.ms <= (untilMs(r) ?? r.ms) + BURST_GAP_MS);
  const isRoutine = (p: Placed) => {
    const reason = clusterReason(p.entry);
    if (reason === undefined || Number.isNaN(p.ms)) return false;
    return ROUTINE_REASONS.has(reason) || (reason === 'Killing' && nearRollout(p));
  };

  const items: (Placed | { members: Placed[]; lastMs: number })[] = [];
  let open: { members: Placed[]; lastMs: number } | undefined;
  for (const p of placed) {
    if (!isRoutine(p)) {
      items.push(p);
      continue;
    }
    if (open === undefined || p.ms - open.lastMs > BURST_GAP_MS) {
      open = { members: [], lastMs: p.ms };
      items.push(open);
    }
    open.members.push(p);
    open.lastMs = Math.max(open.lastMs, untilMs(p) ?? p.ms);
  }
  return items.map((item) => {
    if (!('members' in item)) return item;
    const only = item.members.length === 1 ? item.members[0] : undefined;
    if (only !== undefined) return { ...only, entry: { ...only.entry, important: false } };
    return { burst: toBurst(item.members, item.lastMs) };
  });
}

function toBurst(members: Placed[], lastMs: number): Burst {
  const reasons = new Map<string, number>();
  let count = 0;
  let lastScaling: string | undefined;
  for (const { entry } of members) {
    const reason = clusterReason(entry) ?? 'event';
    const n = Math.max(1, entry.count ?? 1);
    reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    count += n;
    if (reason === 'ScalingReplicaSet') lastScaling = / — (.*)$/.exec(entry.text)?.[1] ?? entry.text;
  }
  const rollout = [...reasons.keys()].some((r) => ROLLOUT_REASONS.has(r) || r === 'Killing');
  return { firstMs: members[0]!.ms, lastMs, count, reasons, label: rollout ? 'Rollout events' : 'Pod start-up events', lastScaling };
}

function untilMs(p: Placed): number | undefined {
  if (p.entry.until === undefined) return undefined;
  const ms = Date.parse(p.entry.until);
  return Number.isNaN(ms) ? undefined : ms;
}

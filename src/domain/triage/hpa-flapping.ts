// An HPA that swings up and down again and again: its own SuccessfulRescale events read as a
// cycle. At its maximum one moment and its minimum the next, it is not short of replicas, so a
// higher maxReplicas cannot help; what moves the metric with every new pod is the question.
import type { EventEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';

/** How far back the rescales are read: a cycle of scale-up, warm-up and the 5-minute scale-down window fits several times. */
const LOOKBACK_MS = 2 * 60 * 60_000;
/** The last rescale must be this recent: flapping that stopped is history, not the incident. */
const ONGOING_MS = 60 * 60_000;
/** Pods this young were added by the latest scale-up: their start-up is what the HPA measured. */
const YOUNG_MS = 15 * 60_000;

export interface HpaFlapping {
  /** The sizes it scaled up to, ascending ("8", "12"). */
  upSizes: number[];
  /** The sizes it scaled down to, ascending. */
  downSizes: number[];
  ups: number;
  downs: number;
  /** From the first rescale read to the last. */
  spanMs: number;
  /** About how long one up-and-down cycle takes; undefined when the span is unreadable. */
  periodMs?: number;
  lastSeen: IsoTime;
}

/** "New size: 8; reason: cpu resource utilization (percentage of request) above target" → 8, 'up'. */
function parseRescale(message: string): { size: number; way?: 'up' | 'down' } | undefined {
  const size = /New size: (\d+)/i.exec(message)?.[1];
  if (size === undefined) return undefined;
  const way = /above target/i.test(message) ? 'up' : /below target/i.test(message) ? 'down' : undefined;
  return { size: Number(size), ...(way ? { way } : {}) };
}

/**
 * The HPA's rescales in the last two hours, when they went up at least twice and down at least
 * twice and the last is recent; undefined otherwise (one rise with the evening traffic is not a flap).
 */
export function findHpaFlapping(rescales: EventEvidence[], collectedAt: IsoTime): HpaFlapping | undefined {
  const now = Date.parse(collectedAt);
  const read = rescales
    .filter((e) => e.reason === 'SuccessfulRescale' && now - Date.parse(e.lastSeen) <= LOOKBACK_MS)
    .flatMap((e) => {
      const r = parseRescale(e.message);
      return r?.way ? [{ ...r, way: r.way, count: Math.max(1, e.count), first: Date.parse(e.firstSeen), last: Date.parse(e.lastSeen), lastSeen: e.lastSeen }] : [];
    });
  const up = read.filter((r) => r.way === 'up');
  const down = read.filter((r) => r.way === 'down');
  const ups = up.reduce((n, r) => n + r.count, 0);
  const downs = down.reduce((n, r) => n + r.count, 0);
  if (ups < 2 || downs < 2) return undefined;
  const latest = read.reduce((a, b) => (b.last > a.last ? b : a));
  if (now - latest.last > ONGOING_MS) return undefined;
  const first = Math.max(Math.min(...read.map((r) => r.first)), now - LOOKBACK_MS);
  const spanMs = latest.last - first;
  const cycles = Math.min(ups, downs);
  const sizes = (rs: typeof read) => [...new Set(rs.map((r) => r.size))].sort((a, b) => a - b);
  return {
    upSizes: sizes(up),
    downSizes: sizes(down),
    ups,
    downs,
    spanMs,
    ...(spanMs > 0 ? { periodMs: spanMs / cycles } : {}),
    lastSeen: latest.lastSeen,
  };
}

/** "4 ↔ 12": the lowest size it drops to and the highest it climbs to. */
export function formatSwing(f: HpaFlapping): string {
  const low = Math.min(...f.downSizes, ...f.upSizes);
  const high = Math.max(...f.upSizes, ...f.downSizes);
  return `${low} ↔ ${high}`;
}

/** Pods started within minutes of the collection: each cycle's new replicas, still starting up. */
export function listYoungPods(pods: PodEvidence[], collectedAt: IsoTime): PodEvidence[] {
  const now = Date.parse(collectedAt);
  return pods.filter((p) => {
    const t = p.startTime ?? p.createdAt;
    return t !== undefined && now - Date.parse(t) <= YOUNG_MS;
  });
}

/**
 * A process whose killed run ended while it was still replaying its write-ahead log at start-up:
 * a TSDB rebuilding its head block (Prometheus, Thanos, Mimir, Loki: "Replaying WAL", "WAL segment
 * loaded"), Postgres' crash-recovery redo, InnoDB's redo-log recovery. An OOM kill there is not
 * load: every restart replays the same log again and dies at the same point, so it never becomes
 * ready and the restart loop cannot end by itself.
 */
import { truncate } from '../text.js';
import { formatBytes } from './quantity.js';

export interface StartupReplay {
  /** What is replayed, in words: "WAL", "WAL (crash-recovery redo)", "redo log (crash recovery)". */
  what: string;
  /** The log's last progress line of the replay. */
  line: string;
  segment?: number;
  maxSegment?: number;
  /** Active series the log reports, when it does. */
  series?: number;
  /** A time-series store whose WAL can be moved aside (losing its recent samples); a database's must not. */
  discardable: boolean;
}

interface ReplayKind {
  what: string;
  /** Lines logged while the replay runs (its start and its progress). */
  progress: RegExp;
  /** Lines that say it finished (or that the server got past it). */
  done: RegExp;
  discardable: boolean;
}

const KINDS: readonly ReplayKind[] = [
  {
    what: 'WAL',
    progress: /Replaying WAL|replaying WAL segment|WAL (segment|checkpoint) loaded|Replaying on-disk memory mappable chunks|memory mappable chunks replay completed|WBL segment loaded|recovering from WAL/i,
    done: /WAL replay completed|TSDB started|Server is ready|WAL recovery finished|recovered from WAL/i,
    discardable: true,
  },
  {
    what: 'WAL (crash-recovery redo)',
    progress: /automatic recovery in progress|redo starts at|redo in progress/i,
    done: /redo done at|ready to accept connections/i,
    discardable: false,
  },
  {
    what: 'redo log (crash recovery)',
    progress: /Starting crash recovery|Doing recovery: scanned up to|Applying a batch of \d+ redo log records|Starting to apply a batch of log records/i,
    done: /Apply batch completed|ready for connections/i,
    discardable: false,
  },
];

/** Lines the log may carry after the last progress line and still have died in the replay (another component's chatter). */
const TRAILING = 3;

/** The replay the log ends in, if its last lines are one's progress with nothing saying it finished. */
export function findStartupReplay(lines: readonly string[]): StartupReplay | undefined {
  const kept = lines.filter((l) => l.trim() !== '');
  for (const kind of KINDS) {
    const last = findLastIndex(kept, (l) => kind.progress.test(l));
    if (last < 0 || kept.length - 1 - last > TRAILING) continue;
    if (kept.slice(last + 1).some((l) => kind.done.test(l))) continue;
    const line = kept[last] ?? '';
    const seg = /\bsegment=(\d+)\b.*?\bmaxSegment=(\d+)/.exec(line);
    const series = kept.map((l) => /\b(?:num_?series|head_?series|active_?series)=(\d+)/i.exec(l)?.[1]).filter((s) => s !== undefined).pop();
    return {
      what: kind.what,
      line,
      discardable: kind.discardable,
      ...(seg ? { segment: Number(seg[1]), maxSegment: Number(seg[2]) } : {}),
      ...(series !== undefined ? { series: Number(series) } : {}),
    };
  }
  return undefined;
}

/** "segment 4523 of 4597", or the last progress line itself. */
export function describeReplayProgress(r: StartupReplay): string {
  return r.segment !== undefined && r.maxSegment !== undefined ? `segment ${r.segment} of ${r.maxSegment}` : `"${truncate(r.line.trim(), 140)}"`;
}

/** The words of an OOM finding whose every killed run died in the replay. */
export function tellStartupReplayOom(
  replays: readonly { pod: string; replay: StartupReplay }[],
  container: string,
  limit: string,
  limitBytes: number | undefined,
): { clause: string; evidence: string[]; cause: string; action: string; fix: string } {
  const first = replays[0]?.replay as StartupReplay;
  const furthest = replays.reduce((a, b) => ((b.replay.segment ?? -1) > (a.replay.segment ?? -1) ? b : a), replays[0] as { pod: string; replay: StartupReplay });
  const bigger = limitBytes !== undefined ? ` (e.g. ${limit} → ${formatBytes(limitBytes * 1.5)})` : '';
  const series = replays.map((r) => r.replay.series).find((s) => s !== undefined);
  const growth = first.discardable
    ? `find the series growth${series !== undefined ? ` (${series} series in the head)` : ''}: a scrape target that added labels (a per-request or per-session label) multiplies the active series, and the WAL holds them all`
    : 'find what wrote so much before the crash (a large transaction or bulk load)';
  const aside = first.discardable ? `, or move the WAL aside (or cut retention) to start with an empty head, losing the samples it holds` : '; do not delete the log: it holds committed data';
  return {
    clause: ` during start-up replay of its ${first.what} (last logged: ${describeReplayProgress(furthest.replay)}): every restart replays it again, so it never becomes ready`,
    evidence: replays.map(({ pod, replay }) => `${pod}/${container} previous log ends in the start-up replay of its ${replay.what}, at ${describeReplayProgress(replay)}: ${truncate(replay.line.trim(), 200)}`),
    cause:
      `The kernel killed ${container} at its ${limit} limit while it was still replaying its ${first.what} at start-up, before it ever became ready. ` +
      `The replay rebuilds in memory what the log holds, and that now needs more than ${limit}; each restart replays the same log again and dies at the same point, so the restart loop cannot end by itself. ` +
      `It is not a leak over time and the probes are not what kills it.`,
    action: `Give ${container} memory enough to finish the replay${bigger}${aside}. A plain restart only replays it again. Then ${growth}.`,
    fix: first.discardable
      ? `raise the memory limit enough to finish the replay, or move the WAL aside (losing its samples); then find the series growth`
      : `raise the memory limit enough to finish crash recovery (keep the log: it holds committed data)`,
  };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

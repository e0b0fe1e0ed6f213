/**
 * A Kafka consumer group that another workload joined: the workload's own consumers give up part of
 * the partitions they held at a rebalance none of its pods caused (none started, none left), so a
 * member that is not one of its pods now holds the rest. Two services sharing one group id (a
 * copied configuration) split the topic between them: each sees only its share of the messages and
 * commits the other's offsets away. Nothing crashes and nothing logs an error; only the shrinking
 * assignment says it.
 */
import { parsePartitions, readConsumerAssignments } from './consumer-assignment.js';
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import { readLogLineTime } from './log-line-time.js';
import { MINUTE_MS, msBetween } from './time-span.js';

/** What a member gave up at the rebalance: Java client, Spring Kafka, kafka-python. */
const REVOKED: RegExp[] = [
  /Revoke previously assigned partitions\s+([^\n]*)$/,
  /\bpartitions revoked\s*[:=]\s*(\[[^\]]*\])/i,
  /Revoking previously assigned partitions\s+(set\(\)|\{[^}]*\}|\[[^\]]*\])/,
];
/** A pod that started this close to the rebalance may have caused it. */
const OWN_CHANGE_MS = 10 * MINUTE_MS;
/** Namespace objects made this long before the rebalance are the other member's likely arrival. */
const ARRIVAL_MS = 30 * MINUTE_MS;

export interface GroupShareLoss {
  group?: string;
  /** Partitions the workload's consumers held before the rebalance, and hold now. */
  before: string[];
  after: string[];
  at?: IsoTime;
  pods: string[];
  /** The line of the newest assignment read. */
  line: string;
  /** ConfigMaps or Services of the namespace created shortly before the rebalance: the other member's likely arrival. */
  arrivals: NamespaceObjectEvidence[];
}

function revokedIn(log: LogEvidence): string[] | undefined {
  let out: string[] | undefined;
  for (const line of log.lines) {
    const m = REVOKED.map((re) => re.exec(line)).find((x) => x !== null);
    if (m) out = parsePartitions(m[1] ?? '');
  }
  return out;
}

export function findGroupShareLoss(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; namespaceObjects?: readonly NamespaceObjectEvidence[]; collectedAt: IsoTime }): GroupShareLoss | undefined {
  const current = ev.logs.filter((l) => !l.previous);
  const assigned = readConsumerAssignments(current);
  if (assigned.pods.length === 0 || assigned.pods.length !== current.filter((l) => revokedIn(l) !== undefined).length) return undefined;
  const before = [...new Set(current.flatMap((l) => revokedIn(l) ?? []))];
  const after = [...new Set(assigned.pods.flatMap((p) => p.partitions))];
  // Shrunk: every partition kept was held before, and some were given up.
  if (after.length >= before.length || after.some((p) => !before.includes(p))) return undefined;
  const newest = [...assigned.pods].map((p) => ({ p, at: readLogLineTime(p.line, ev.collectedAt) })).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).at(-1);
  const at = newest?.at;
  if (at === undefined) return undefined;
  // None of its own pods started around it (a scale-up or a replacement of its own explains a smaller share).
  if (ev.pods.some((p) => { const s = p.startTime ?? p.createdAt; return s === undefined || msBetween(s, at) < OWN_CHANGE_MS; })) return undefined;
  if (ev.pods.length > assigned.pods.length) return undefined;
  const arrivals = (ev.namespaceObjects ?? []).filter((o) => {
    if (o.kind !== 'ConfigMap' && o.kind !== 'Service') return false;
    const lead = o.createdAt === undefined ? NaN : msBetween(o.createdAt, at);
    return lead >= -2 * MINUTE_MS && lead <= ARRIVAL_MS;
  });
  return {
    ...(assigned.group ? { group: assigned.group } : {}),
    before, after, at,
    pods: assigned.pods.map((p) => p.pod),
    line: newest?.p.line ?? '',
    arrivals,
  };
}

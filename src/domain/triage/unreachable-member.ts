/**
 * A member of an Akka (or Pekko) cluster that its peers mark UNREACHABLE and that nobody downs:
 * without a downing provider (the Split Brain Resolver) the cluster never decides that a member
 * on a lost node is gone, so it stays in the membership as unreachable for ever. Until it is downed
 * the leader "can currently not perform its duties": no member moves to Up (a replacement stays
 * Joining and unready), and singletons on it — the shard coordinator — are not moved, so sharded
 * requests buffer and callers' asks time out. Akka says at start-up when no downing provider is
 * configured ("No downing-provider-class configured, manual cluster downing required").
 * Pure: reads the workload's log lines.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';

const ADDRESS = String.raw`((?:akka|pekko)(?:\.tcp)?://[^\s,\]\)]+)`;
/** "Marking node as UNREACHABLE [Member(akka://sys@10.0.0.1:25520, Up)]", 2.5's "Marking node(s) as UNREACHABLE [Member(address = akka.tcp://…". */
const UNREACHABLE = new RegExp(String.raw`Marking node(?:\(s\))? as UNREACHABLE \[(?:Member\()?(?:address = )?${ADDRESS}`);
const REACHABLE = new RegExp(String.raw`Marking node(?:\(s\))? as REACHABLE \[(?:Member\()?(?:address = )?${ADDRESS}`);
/** A decision that took the member out: downed by hand or by a provider, removed by the leader. */
const DOWNED = /as \[Down\]|SBR took decision|\bDowning \[|Member removed|\bremoving (?:unreachable|confirmed|exiting) node|Marking unreachable node/i;
export const NO_DOWNING = /No downing-provider-class configured|manual cluster downing required/i;
const LEADER_STUCK = /Leader can currently not perform its duties/i;
const COORDINATOR_UNREACHABLE = /Coordinator \[[^\]]*\] is unreachable/i;
const ASK_TIMEOUT = /AskTimeoutException|Ask timed out/;
/** Members the leader's line lists as Joining: "akka://sys@10.0.0.4:25520 Joining seen=true". */
const JOINING = new RegExp(String.raw`${ADDRESS} Joining seen=`, 'g');
const MAX_CHARS = 300;

export interface UnreachableMember {
  address: string;
  /** The address's host: matched against the pods' IPs. */
  host?: string;
  since?: IsoTime;
  markedLine: string;
  /** Some log says no downing provider is configured. */
  noDowning?: string;
  /** The leader's "can currently not perform its duties" line, the last one. */
  leaderStuck?: string;
  /** A shard coordinator's "is unreachable" line, the last one. */
  coordinator?: string;
  joining: string[];
  askTimeouts: { pod: string; line: string }[];
}

const clip = (line: string): string => {
  const first = line.split('\n')[0] ?? line;
  return (first.length > MAX_CHARS ? `${first.slice(0, MAX_CHARS)}…` : first).trim();
};

/**
 * Members marked UNREACHABLE and neither marked REACHABLE again nor downed or removed after, in
 * the workload's current logs; earliest mark first.
 */
export function readUnreachableMembers(logs: readonly LogEvidence[], now: IsoTime): UnreachableMember[] {
  const marks = new Map<string, { since?: IsoTime; line: string; at: number }>();
  const cleared = new Map<string, number>();
  let noDowning: string | undefined;
  let leaderStuck: string | undefined;
  let coordinator: string | undefined;
  const joining = new Set<string>();
  const askTimeouts: { pod: string; line: string }[] = [];
  let order = 0;
  for (const l of logs) {
    if (l.previous) continue;
    for (const line of l.lines) {
      order++;
      const at = readLogLineTime(line, now);
      const marked = UNREACHABLE.exec(line)?.[1];
      if (marked !== undefined) {
        const known = marks.get(marked);
        if (known === undefined || (at !== undefined && (known.since === undefined || at < known.since))) marks.set(marked, { ...(at ? { since: at } : {}), line: clip(line), at: order });
      }
      const back = REACHABLE.exec(line)?.[1];
      if (back !== undefined) cleared.set(back, at ? Date.parse(at) : Number.MAX_SAFE_INTEGER);
      if (DOWNED.test(line) && !NO_DOWNING.test(line)) {
        for (const m of line.matchAll(new RegExp(ADDRESS, 'g'))) if (m[1]) cleared.set(m[1], at ? Date.parse(at) : Number.MAX_SAFE_INTEGER);
      }
      if (NO_DOWNING.test(line)) noDowning = clip(line);
      if (LEADER_STUCK.test(line)) {
        leaderStuck = clip(line);
        for (const m of line.matchAll(JOINING)) if (m[1]) joining.add(m[1]);
      }
      if (COORDINATOR_UNREACHABLE.test(line)) coordinator = clip(line);
      if (ASK_TIMEOUT.test(line)) askTimeouts.push({ pod: l.pod, line: clip(line) });
    }
  }
  const left = [...marks.entries()].filter(([address, m]) => {
    const when = cleared.get(address);
    return when === undefined || (m.since !== undefined && when < Date.parse(m.since));
  });
  return left
    .sort(([, a], [, b]) => (a.since ?? '').localeCompare(b.since ?? ''))
    .map(([address, m]) => ({
      address,
      ...(/@([^:/]+)/.exec(address)?.[1] ? { host: /@([^:/]+)/.exec(address)?.[1] } : {}),
      ...(m.since ? { since: m.since } : {}),
      markedLine: m.line,
      ...(noDowning ? { noDowning } : {}),
      ...(leaderStuck ? { leaderStuck } : {}),
      ...(coordinator ? { coordinator } : {}),
      joining: [...joining],
      askTimeouts,
    }));
}

/**
 * How far a node's clock is off, read from what that clock stamped: the kubelet's heartbeat on the
 * node object, its pods' own log lines, and a refusal that states the request's time beside the
 * server's. Each is compared with the same reading elsewhere (the other nodes, the pods elsewhere),
 * so a triage whose own clock is off does not blame one node for it.
 */
import type { IsoTime, LogEvidence, NodeEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { readLogLineTime } from './log-line-time.js';
import { readStampedTimes } from './clock-refusal.js';
import { MINUTE_MS, formatSpan, latest, msBetween } from './time-span.js';

/** Less than this off is the ordinary spread of stamps and reads, not a clock. */
const OFF_MS = MINUTE_MS;
/** The kubelet posts its status at least this often (nodeStatusReportFrequency), however quiet the node. */
const REPORT_MS = 5 * MINUTE_MS;
/** A Ready node's heartbeat older than this was stamped by a clock that runs behind. */
const STALE_MS = REPORT_MS + OFF_MS;

export interface NodeClock {
  /** Positive: ahead of real time; negative: behind. */
  direction: 'ahead' | 'behind';
  /** How far, when a reading measures it (at least this far for the one-sided readings). */
  offsetMs?: number;
  /** What measured it first, for a title: "by its kubelet's heartbeat". */
  basis: string;
  /** The readings, one sentence each. */
  readings: string[];
}

/** The kubelet's heartbeat: in the future, or stale on a Ready node while the other nodes' are fresh. */
function readHeartbeat(node: NodeEvidence, others: readonly NodeEvidence[], now: IsoTime): NodeClock | undefined {
  if (node.heartbeatAt === undefined) return undefined;
  const lead = msBetween(now, node.heartbeatAt);
  const leads = others.flatMap((n) => (n.heartbeatAt === undefined ? [] : [msBetween(now, n.heartbeatAt)]));
  if (leads.length === 0) return undefined;
  if (lead > OFF_MS && leads.every((l) => l <= OFF_MS)) {
    return { direction: 'ahead', offsetMs: lead, basis: "by its kubelet's heartbeat", readings: [`node ${node.name}: its kubelet's last heartbeat is stamped ${formatSpan(lead)} in the future (the other nodes' are not)`] };
  }
  // A NotReady node's heartbeat is old for want of a kubelet, not of a clock: only Ready ones compare.
  const isReady = (n: NodeEvidence) => findCondition(n.conditions, 'Ready')?.status === 'True';
  const fresh = others.filter((n) => isReady(n) && n.heartbeatAt !== undefined).map((n) => -msBetween(now, n.heartbeatAt ?? now));
  if (isReady(node) && -lead > STALE_MS && fresh.length > 0 && fresh.every((age) => age <= REPORT_MS)) {
    return { direction: 'behind', basis: "by its kubelet's heartbeat", readings: [`node ${node.name}: Ready, yet its kubelet's last heartbeat is stamped ${formatSpan(-lead)} ago (a kubelet reports at least every ${formatSpan(REPORT_MS)}; the other nodes' are fresh)`] };
  }
  return undefined;
}

/** The newest stamped line of `logs`, when it lies in the future. */
function readFutureLine(logs: readonly LogEvidence[], now: IsoTime): { pod: string; lead: number } | undefined {
  let best: { pod: string; lead: number } | undefined;
  for (const l of logs) {
    const newest = latest(l.lines.map((line) => readLogLineTime(line, now)));
    const lead = newest === undefined ? Number.NaN : msBetween(now, newest);
    if (lead > (best?.lead ?? OFF_MS)) best = { pod: l.pod, lead };
  }
  return best;
}

/** A refusal stating the request's time beside the server's. */
function readRefusalStamps(lines: readonly string[]): NodeClock | undefined {
  for (const line of [...lines].reverse()) {
    const t = readStampedTimes(line);
    const off = t === undefined ? Number.NaN : msBetween(t.server, t.request);
    if (t === undefined || !(Math.abs(off) > OFF_MS)) continue;
    return { direction: off > 0 ? 'ahead' : 'behind', offsetMs: Math.abs(off), basis: "by the refusal's request and server times", readings: [`the refusal states the request's time ${t.request} against the server's ${t.server}: ${formatSpan(Math.abs(off))} ${off > 0 ? 'ahead' : 'behind'}`] };
  }
  return undefined;
}

/**
 * The clock of `node`, from its heartbeat (against `others`), the logs of its pods (against
 * `elsewhere`, the logs of pods on other nodes) and the refusal lines its pods logged; undefined
 * when nothing read says it is off, or the readings disagree on the direction.
 */
export function readNodeClock(node: NodeEvidence | undefined, others: readonly NodeEvidence[], logs: readonly LogEvidence[], elsewhere: readonly LogEvidence[], refusals: readonly string[], now: IsoTime): NodeClock | undefined {
  const future = readFutureLine(logs, now);
  const fromLogs: NodeClock | undefined = future === undefined || readFutureLine(elsewhere, now) !== undefined
    ? undefined
    : { direction: 'ahead', offsetMs: future.lead, basis: "by its pods' log stamps", readings: [`pod ${future.pod}'s newest log line is stamped ${formatSpan(future.lead)} in the future (the pods elsewhere stamp none)`] };
  // The refusal measures the offset itself; the heartbeat and the log lines give at least as much.
  const found = [readRefusalStamps(refusals), node === undefined ? undefined : readHeartbeat(node, others, now), fromLogs].filter((c): c is NodeClock => c !== undefined);
  const [first] = found;
  if (first === undefined || found.some((c) => c.direction !== first.direction)) return undefined;
  const offsetMs = found.find((c) => c.offsetMs !== undefined)?.offsetMs;
  return { direction: first.direction, ...(offsetMs !== undefined ? { offsetMs } : {}), basis: first.basis, readings: found.flatMap((c) => c.readings) };
}

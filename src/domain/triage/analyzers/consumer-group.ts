import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLogLineTime } from '../log-line-time.js';
import { listNodesOf, unique } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { formatAgo, msBetween } from '../time-span.js';

/** The Kafka client saying its consumer left or was thrown out of its group for being too slow. */
const KICKED_OUT = [
  /consumer poll timeout has expired/i,
  /CommitFailedException|kicked out of the group|not part of an active group/i,
  /Application maximum poll interval \(\d+ms\) exceeded/i,
];

/** Lines across the logs before it counts: one rebalance is routine, a storm is not. */
const MIN_LINES = 2;

/** The client's own word that a poll came too late: a consumer slower than its batch. */
const POLL_EXPIRED = /consumer poll timeout has expired|maximum poll interval \(\d+ms\) exceeded/i;

/** How close together one rebalance's lines, and the pod start that set it off, fall. */
const ONE_MOMENT_MS = 3 * 60_000;
/** How long the logs must stay quiet after it before it counts as over. */
const QUIET_AFTER_MS = 10 * 60_000;

/** Settings that decide how long one batch may take. */
const POLL_SETTING = /poll|batch|fetch|session\.timeout|heartbeat/i;

/**
 * One routine rebalance: a member's pod was (re)started, every member's auto-commit failed once
 * while the group rebalanced, no poll came too late, and none failed again since. Kafka fails an
 * in-flight commit in any rebalance; only a repeat, or a poll-interval expiry, says the consumers
 * are too slow for their batches.
 */
function isOneRoutineRebalance(ev: TriageEvidence, hits: readonly { pod: string; line: string }[]): boolean {
  if (hits.some((h) => POLL_EXPIRED.test(h.line))) return false;
  if (new Set(hits.map((h) => h.pod)).size !== hits.length) return false;
  const times = hits.map((h) => readLogLineTime(h.line, ev.collectedAt));
  if (times.some((t) => t === undefined)) return false;
  const sorted = (times as string[]).map((t) => Date.parse(t)).sort((a, b) => a - b);
  const [first, last] = [sorted[0] ?? 0, sorted[sorted.length - 1] ?? 0];
  if (last - first > ONE_MOMENT_MS) return false;
  if (Date.parse(ev.collectedAt) - last < QUIET_AFTER_MS) return false;
  // The start that explains it: a pod of the workload that came up just before the rebalance.
  return ev.pods.some((p) => {
    const started = p.startTime ?? p.createdAt;
    if (started === undefined) return false;
    const lead = first - Date.parse(started);
    return lead >= -ONE_MOMENT_MS && lead <= ONE_MOMENT_MS;
  });
}

/**
 * Kafka consumers that process a batch for longer than max.poll.interval.ms: the client leaves
 * the group mid-batch, the offset commit fails, the group rebalances and the same records come
 * back. Every pod stays Ready and nothing restarts, but nothing is committed and the lag grows.
 */
export function analyzeConsumerGroups(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((l) => l.lines.filter((line) => KICKED_OUT.some((re) => re.test(line))).map((line) => ({ pod: l.pod, line })));
  if (hits.length < MIN_LINES || isOneRoutineRebalance(ev, hits)) return [];
  const pods = unique(hits.map((h) => h.pod));
  const commitFailed = hits.find((h) => /CommitFailedException|kicked out/i.test(h.line));
  const decisive = condenseStructuredLine((commitFailed ?? hits[hits.length - 1] ?? { line: '' }).line.trim());
  // The batch size or poll interval a recent revision changed, said with the revision.
  const [newest, previous] = sortRevisions(ev.revisions);
  const changed = newest && previous ? diffRevisions(previous, newest).filter((l) => / env /.test(l) && POLL_SETTING.test(l)) : [];
  // "KAFKA_MAX_POLL_RECORDS: "200" → "2000"" → KAFKA_MAX_POLL_RECORDS="200", the value that worked.
  const was = /^\S+ env (\S+): ("[^"]*"|\S+) →/.exec(changed[0] ?? '');
  const restore = was ? `${was[1] ?? ''}=${was[2] ?? ''}` : undefined;
  const since = changed.length > 0 && newest ? `; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) changed ${changed.map((l) => l.replace(/^\S+ env /, '')).join(', ')}` : '';
  return [
    {
      id: 'consumer-group/kicked-out',
      kind: 'consumer-group',
      title: `Kafka consumers are kicked out of their group mid-batch (max.poll.interval.ms exceeded) and their offset commits fail, so the group rebalances and the same records come back (${pods.length} pod${pods.length === 1 ? '' : 's'}, ${hits.length} lines)${since}`,
      ...(since ? { datesChange: true } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [...hits.slice(-3).map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line.trim())}`), ...changed.map((l) => `revision ${newest?.revision ?? '?'}: ${l}`)],
      decisive,
      likelyCause: 'One poll() returns more records than the consumer can process within max.poll.interval.ms (a bigger max.poll.records, a slower call per record): the client leaves the group, the partitions move, the commit of the finished work fails, and the work starts again. The pods look healthy; the consumer lag says otherwise.',
      nextAction: `Bring a batch back under the interval: lower max.poll.records${changed.length > 0 && previous ? ` (revision ${previous.revision} had it lower)` : ''} or raise max.poll.interval.ms; then watch the consumer group's lag fall.`,
      fix: restore ? `set ${restore} again, or raise max.poll.interval.ms` : 'lower max.poll.records or raise max.poll.interval.ms',
      confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
    },
  ];
}

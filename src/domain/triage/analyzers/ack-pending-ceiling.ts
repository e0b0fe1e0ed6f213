import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/**
 * A consumer's count of deliveries awaiting an ack, as the JetStream consumer info carries it (the
 * JSON `num_ack_pending`, the Go struct's `NumAckPending`, the CLI's "Outstanding Acks: 1,000 out
 * of maximum 1,000"), and its ceiling (`max_ack_pending`, `MaxAckPending`).
 */
const ACK_PENDING = /\bnum_?ack_?pending"?\s*[:=]\s*"?([\d,]+)|\bNumAckPending\W{1,3}([\d,]+)|\bOutstanding Acks:\s*([\d,]+)/i;
const MAX_ACK_PENDING = /\bmax_?ack_?pending"?\s*[:=]\s*"?([\d,]+)|\bMaxAckPending\W{1,3}([\d,]+)|\bout of maximum\s+([\d,]+)/i;
/** The messages the stream holds for the consumer and has not delivered yet: its backlog. */
const BACKLOG = /\bnum_?pending"?\s*[:=]\s*"?([\d,]+)|\bNumPending\W{1,3}([\d,]+)|\bUnprocessed Messages:\s*([\d,]+)/i;
/** A pull that came back empty: the server had nothing to deliver to this consumer. */
const EMPTY_FETCH = /nats: timeout|\bno messages\b|ErrTimeout|context deadline exceeded.*fetch|fetch.*context deadline exceeded/i;
/** The client's own words for it, quoted before the app's. */
const CLIENT_TIMEOUT = /nats: timeout|ErrTimeout|context deadline exceeded/i;
/** A delivery the worker turned down, and one that came back after its ack wait. */
const REJECTED = /\b(reject(ed)?|invalid|validation failed|failed validation|discard(ed)?|skipp(ed|ing))\b/i;
const REDELIVERED = /"redelivered"\s*:\s*true|\bredelivered[=:]\s*true\b|"num_?delivered"\s*:\s*([2-9]|\d\d+)\b/i;
/** The consumer's name in the same lines. */
const CONSUMER = /"(?:consumer|durable)(?:_name)?"\s*:\s*"([^"]+)"|\b(?:consumer|durable)=([\w.-]+)/i;
/** An ack wait as the client logs it: "ack_wait":"2h0m0s", ack_wait=30s. */
const ACK_WAIT = /\back_?wait"?\s*[:=]\s*"?([\dhmsµn.]+)/i;

/** Readings at the ceiling before a consumer counts as sitting there, not passing through. */
const MIN_AT_CEILING = 2;

const number = (m: RegExpExecArray | null): number | undefined => {
  const raw = m?.slice(1).find((g) => g !== undefined);
  return raw === undefined ? undefined : Number(raw.replace(/,/g, ''));
};

const quoteEmpty = (line: string): string => (CLIENT_TIMEOUT.exec(line) ?? EMPTY_FETCH.exec(line))?.[0] ?? 'timeout';
/** The stream the consumer reads, for the CLI command that confirms it. */
const STREAM = /"stream(?:_name)?"\s*:\s*"([^"]+)"|\bstream=([\w.-]+)/i;

interface Reading {
  pod: string;
  line: string;
  ackPending: number;
  backlog?: number;
}

/** The ceiling the consumer was bound with: its own logs first, then a literal env of the pod template. */
function readCeiling(ev: TriageEvidence, lines: readonly string[]): { max: number; source: string } | undefined {
  for (const line of lines) {
    const max = number(MAX_ACK_PENDING.exec(line));
    if (max !== undefined && max > 0) return { max, source: 'max_ack_pending' };
  }
  const newest = sortRevisions(ev.revisions)[0];
  for (const c of newest?.containers ?? []) {
    for (const e of c.env) {
      if (/MAX_?ACK_?PENDING/i.test(e.name) && 'value' in e && /^\d+$/.test(e.value)) return { max: Number(e.value), source: e.name };
    }
  }
  return undefined;
}

/**
 * A JetStream consumer stuck at its max_ack_pending: every delivery it may hold unacknowledged is
 * out, so the server delivers nothing more until some are acked, nak'd or their ack wait runs out.
 * The workers' pulls come back empty ("nats: timeout") while the stream's backlog for the consumer
 * grows; every pod is Ready and nothing logs an error. Deliveries a handler neither acks nor naks
 * (a reject path that just returns) stay outstanding for the whole ack wait, come back, are
 * rejected again, and hold the ceiling for good.
 */
export function analyzeAckPendingCeiling(ev: TriageEvidence): Finding[] {
  const all = ev.logs.flatMap((l) => l.lines);
  const ceiling = readCeiling(ev, all);
  if (ceiling === undefined) return [];
  const readings: Reading[] = ev.logs.flatMap((l) =>
    l.lines.flatMap((line) => {
      const ackPending = number(ACK_PENDING.exec(line));
      if (ackPending === undefined) return [];
      const backlog = number(BACKLOG.exec(line.replace(ACK_PENDING, '')));
      return [{ pod: l.pod, line, ackPending, ...(backlog === undefined ? {} : { backlog }) }];
    }),
  );
  // The newest reading of each log says where the consumer is now.
  const latest = ev.logs.flatMap((l) => readings.filter((r) => r.pod === l.pod).slice(-1));
  if (latest.length === 0 || !latest.every((r) => r.ackPending >= ceiling.max)) return [];
  const atCeiling = readings.filter((r) => r.ackPending >= ceiling.max);
  if (atCeiling.length < MIN_AT_CEILING) return [];
  const backlogs = atCeiling.flatMap((r) => (r.backlog === undefined ? [] : [r.backlog]));
  const lastBacklog = backlogs[backlogs.length - 1];
  const firstBacklog = backlogs[0];
  const empty = ev.logs.flatMap((l) => l.lines.filter((x) => EMPTY_FETCH.test(x)).map((line) => ({ pod: l.pod, line })));
  // At the ceiling with nothing waiting is a consumer keeping up; with a backlog and empty pulls, the server holds back.
  if (lastBacklog === undefined || lastBacklog === 0) return [];
  const grows = firstBacklog !== undefined && lastBacklog > firstBacklog;
  if (!grows && empty.length === 0) return [];

  const pods = unique(atCeiling.map((r) => r.pod));
  const consumer = all.map((x) => CONSUMER.exec(x)).find((m) => m !== null);
  const name = consumer ? consumer[1] ?? consumer[2] : undefined;
  const streamMatch = all.map((x) => STREAM.exec(x)).find((m) => m !== null);
  const stream = streamMatch ? streamMatch[1] ?? streamMatch[2] : undefined;
  const ackWait = all.map((x) => ACK_WAIT.exec(x)?.[1]).find((x) => x !== undefined);
  const rejected = ev.logs.flatMap((l) => l.lines.filter((x) => REJECTED.test(x) && !EMPTY_FETCH.test(x)).map((line) => ({ pod: l.pod, line })));
  const redone = rejected.filter((r) => REDELIVERED.test(r.line));
  const fmt = (n: number) => n.toLocaleString('en-US');
  const backlogText = grows && firstBacklog !== undefined ? `the backlog grows (num_pending ${fmt(firstBacklog)} → ${fmt(lastBacklog)})` : `${fmt(lastBacklog)} messages wait (num_pending)`;
  const idle = empty.length > 0 ? `pulls come back empty ("${quoteEmpty(empty[empty.length - 1]?.line ?? '')}", ${empty.length} lines) while ${backlogText}` : backlogText;
  const unacked = redone.length > 0
    ? `; the outstanding ones are rejects the workers never ack or nak, redelivered every ${ackWait ? `ack_wait (${ackWait})` : 'ack wait'} and rejected again`
    : rejected.length > 0 ? `; deliveries the workers reject (${rejected.length} lines) stay unacked for ${ackWait ? `ack_wait (${ackWait})` : 'the ack wait'}` : '';
  // The rejects began under the revision the pods run: that rollout brought the un-acked path in.
  const [newest, previous] = sortRevisions(ev.revisions);
  const since = rejected.length > 0 && newest && previous ? `; since revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)})` : '';
  const subject = name ? `JetStream consumer ${name}` : 'The JetStream consumer';
  return [
    {
      id: 'consumer-group/ack-pending-ceiling',
      kind: 'consumer-group',
      title: `${subject} sits at its max_ack_pending ceiling (${fmt(ceiling.max)} of ${fmt(ceiling.max)} unacknowledged), so the server delivers nothing more: ${idle}${unacked}${since}`,
      ...(since ? { datesChange: true } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: redone.length > 0 ? 'high' : 'medium',
      evidence: [
        `${ceiling.source}: ${fmt(ceiling.max)}; ${atCeiling.length} readings at it (num_ack_pending ${fmt(ceiling.max)}) in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
        ...atCeiling.slice(-2).map((r) => `log ${r.pod}: ${condenseStructuredLine(r.line.trim())}`),
        ...empty.slice(-1).map((r) => `log ${r.pod}: ${condenseStructuredLine(r.line.trim())}`),
        ...(redone.length > 0 ? redone : rejected).slice(-1).map((r) => `log ${r.pod}: ${condenseStructuredLine(r.line.trim())}`),
      ],
      likelyCause: `A JetStream consumer hands out at most max_ack_pending (${fmt(ceiling.max)}) deliveries that await an ack; once that many are out, the server stops delivering to it until some are acked, nak'd or terminated, or their ack wait${ackWait ? ` (${ackWait})` : ''} runs out. ${rejected.length > 0 ? 'The workers reject some deliveries and return without Ack, Nak or Term: each stays outstanding for the whole ack wait, comes back, is rejected again, and the ceiling fills with them.' : 'Deliveries that are never acked (a handler path that returns without Ack, Nak or Term, or work that hangs) fill the ceiling.'} The pods stay Ready and log no error; the stream and the NATS servers are fine.`,
      nextAction: `Make every delivery end in Ack, Nak or Term — Term (or a dead-letter subject) for ones that will never be valid${since && previous ? `, or roll back to revision ${previous.revision}` : ''}; the outstanding ones clear as their ack wait runs out (or remove them with a consumer reset). Confirm with \`nats consumer info ${stream ?? '<stream>'} ${name ?? '<consumer>'}\`: Outstanding Acks below the maximum and Unprocessed Messages falling.`,
      fix: 'ack, nak or term every delivery, the rejected ones too',
      confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
    },
  ];
}

import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { formatSpan, formatAgo } from '../time-span.js';

/**
 * RabbitMQ closing a consumer's channel because a delivery stayed unacknowledged past its
 * consumer_timeout, as the clients report it (pika, amqplib, the Java and Go clients quote the
 * broker's reply text) and as the broker logs it.
 */
const ACK_TIMED_OUT = /delivery acknowledge?ment on channel \d+ timed out|timed out waiting for a consumer acknowledge?ment|consumer ack timed out on channel/i;

/** "Timeout value used: 1800000 ms" (3.8+), "Timeout used: 1800000 ms" (the broker's warning). */
const TIMEOUT_USED = /Timeout (?:value )?used:? (\d+) ?ms/i;

/** Settings that decide how many deliveries a consumer holds unacknowledged, and how long it may. */
const HOLD_SETTING = /prefetch|qos|consumer_?timeout|concurrency|batch/i;
const PREFETCH = /prefetch|qos/i;

/** RabbitMQ's default consumer_timeout: 30 minutes. */
const DEFAULT_TIMEOUT_MS = 1_800_000;

/**
 * Consumers that hold a delivery unacknowledged past the broker's consumer_timeout: RabbitMQ
 * closes the channel (406 PRECONDITION_FAILED), requeues every unacked delivery and the work
 * done on them is lost and done again. Never routine, so one closed channel counts: the pods stay
 * Ready and nothing restarts, but the queue does not drain. With a prefetch of N worked one at a
 * time, the Nth delivery waits N jobs before its turn: N × job time past the timeout closes it.
 */
export function analyzeConsumerAckTimeouts(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((l) => l.lines.filter((line) => ACK_TIMED_OUT.test(line)).map((line) => ({ pod: l.pod, container: l.container, line })));
  if (hits.length === 0) return [];
  const pods = unique(hits.map((h) => h.pod));
  const timeoutMs = hits.map((h) => Number(TIMEOUT_USED.exec(h.line)?.[1])).find((n) => Number.isFinite(n) && n > 0);
  const timeout = timeoutMs !== undefined ? `consumer_timeout (${timeoutMs} ms = ${formatSpan(timeoutMs)})` : `consumer_timeout (${formatSpan(DEFAULT_TIMEOUT_MS)} by default)`;
  const decisive = condenseStructuredLine((hits[hits.length - 1] ?? { line: '' }).line.trim());
  // The prefetch or concurrency a recent revision changed: how many deliveries each consumer holds.
  const [newest, previous] = sortRevisions(ev.revisions);
  const changed = newest && previous ? diffRevisions(previous, newest).filter((l) => / env /.test(l) && HOLD_SETTING.test(l.replace(/:.*$/, ''))) : [];
  const told = changed.map((l) => l.replace(/^\S+ env /, ''));
  // The prefetch the pods run with, from the spec: the Nth delivery waits N jobs.
  const prefetchEnv = (newest?.containers.find((c) => c.name === hits[0]?.container) ?? newest?.containers[0])?.env.find((e) => PREFETCH.test(e.name) && 'value' in e && /^\d+$/.test(e.value));
  const prefetch = prefetchEnv && 'value' in prefetchEnv ? Number(prefetchEnv.value) : undefined;
  // One delivery held at a time: a single job outlives the timeout, the prefetch is not the story.
  const holding = prefetch !== undefined && prefetch > 1 && prefetchEnv ? `: each consumer holds ${prefetch} deliveries (${prefetchEnv.name}), so the last times out once a job takes over ${formatSpan((timeoutMs ?? DEFAULT_TIMEOUT_MS) / prefetch)}` : '';
  const since = told.length > 0 && newest ? `; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) changed ${told.join(', ')}` : '';
  const was = /^\S+ env (\S+): ("[^"]*"|\S+) →/.exec(changed[0] ?? '');
  const restore = was ? `${was[1] ?? ''}=${was[2] ?? ''}` : undefined;
  return [
    {
      id: 'consumer-group/ack-timeout',
      kind: 'consumer-group',
      title: `RabbitMQ closes the consumers' channel with 406 PRECONDITION_FAILED: deliveries stay unacknowledged past ${timeout}, so all unacked ones are requeued and redone (${pods.length} pod${pods.length === 1 ? '' : 's'}, ${hits.length} line${hits.length === 1 ? '' : 's'})${since}${holding}`,
      ...(since ? { datesChange: true } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [...hits.slice(-3).map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line.trim())}`), ...changed.map((l) => `revision ${newest?.revision ?? '?'}: ${l}`)],
      decisive,
      likelyCause: `A consumer held a delivery unacknowledged longer than the broker's consumer_timeout: the prefetched deliveries wait in the client's buffer while the ones before them are worked, so prefetch × time per job past the timeout closes the channel. The ack of the job in flight then fails, every unacked delivery comes back redelivered, and the worker starts the same batch again. The pods look healthy; the queue does not drain.`,
      nextAction: `Keep prefetch × time per job well under the timeout: lower the prefetch${restore && previous ? ` (revision ${previous.revision} had ${restore})` : ''} or roll back, or raise consumer_timeout for the queue; then watch the redeliveries stop and the queue drain.`,
      fix: restore ? `set ${restore} again, or raise consumer_timeout` : 'lower the prefetch so prefetch × job time stays under consumer_timeout, or raise consumer_timeout',
      confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
    },
  ];
}

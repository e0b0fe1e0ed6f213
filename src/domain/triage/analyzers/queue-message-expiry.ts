/**
 * The workload's queue drops what waits (queue-expiry.ts): its consumer takes far fewer messages
 * than it did while the queue stays empty, and the broker's definitions give that queue a message
 * TTL or a length limit without a dead-letter exchange. The work its producers confirmed is lost
 * in between, with no error anywhere; the pods stay Ready.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findConsumerShortfall, findDroppingQueue } from '../queue-expiry.js';
import { formatAgo, formatClock } from '../time-span.js';

export function analyzeQueueMessageExpiry(ev: TriageEvidence): Finding[] {
  const s = findConsumerShortfall(ev.logs, ev.collectedAt);
  if (s === undefined) return [];
  const broker = (ev.dependencyMembers ?? []).find((m) => (m.topology ?? []).length > 0);
  const q = broker === undefined ? undefined : findDroppingQueue(broker.topology ?? [], s.queue);
  if (broker === undefined || q === undefined || q.deadLetterExchange !== undefined) return [];
  const who = ev.target.name;
  const limit = q.ttlMs !== undefined ? `x-message-ttl ${q.ttlMs} (${q.ttlMs % 1000 === 0 ? `${q.ttlMs / 1000} s` : `${q.ttlMs} ms`})` : `x-max-length ${q.maxLength ?? '?'}`;
  const where = `${q.topology.key} of ConfigMap ${q.topology.configMap}`;
  const drops = q.ttlMs !== undefined ? `every message that waits longer than ${q.ttlMs % 1000 === 0 ? `${q.ttlMs / 1000} s` : `${q.ttlMs} ms`} expires` : 'every message past the limit is dropped';
  const since = s.onset ? ` since ${formatClock(s.onset)} (${formatAgo(s.onset, ev.collectedAt)})` : '';
  const title = `Messages of queue ${s.queue} expire unconsumed: its ${limit} in ${where} has no dead-letter exchange, and${since} ${who} takes ${s.now} messages per stats window per pod instead of ${s.before} while at most ${s.readyMax} wait ready — ${drops} and is lost without a trace`;
  const fix = `remove the ${q.ttlMs !== undefined ? 'message TTL' : 'length limit'} from queue ${s.queue} (or give it a dead-letter exchange so nothing is lost), find why ${who} slowed down, and replay the lost messages from their producer`;
  return [{
    id: 'missing-destination/queue-message-expiry',
    kind: 'missing-destination',
    title,
    layer: 'container/process',
    severity: 'critical',
    confidence: 'medium',
    evidence: [
      `broker definitions (${where}): queue ${s.queue} ${limit}, no x-dead-letter-exchange`,
      `${who}'s consumer stats: ${s.before} → ${s.now} messages per window per pod${since}; at most ${s.readyMax} ready in the queue since`,
    ],
    decisive: `queue ${s.queue}: ${limit}, no dead-letter exchange`,
    ...(s.onset ? { onset: s.onset } : {}),
    outsideWorkload: `the broker drops the queue's messages: any revision of ${who} that consumes slower than they arrive loses them alike`,
    likelyCause: `A slower consumer whose input keeps coming leaves a backlog in its queue; ${s.queue} stays empty although ${who} now takes a fraction of what it did, so the messages leave the queue another way: the broker expires them (${limit}) and, without a dead-letter exchange, discards them. Producers' publishes are confirmed, the consumer logs no error, and the work is silently lost.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    confirmCommands: [
      formatKubectl({ ...ev.target, namespace: broker.namespace }, `get configmap ${q.topology.configMap} -o jsonpath='{.data.${q.topology.key.replace(/\./g, '\\.')}}'`),
      `kubectl exec -n ${broker.namespace} ${broker.pods[0]?.name ?? '<broker-pod>'} -- rabbitmqctl list_queues name messages_ready arguments`,
    ],
    affected: { pods: [], nodes: [] },
  }];
}

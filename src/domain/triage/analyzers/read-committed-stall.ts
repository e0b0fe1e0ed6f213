/**
 * A Kafka consumer that receives nothing while its lag grows, with no error (read-committed-stall.ts):
 * nothing consumed, or its position standing still, pods Ready. Never healthy. Reading
 * read_committed it waits behind an open transaction that holds the last stable offset, and the way
 * out is on the producer's side: the transaction ends when its producer commits or aborts it, or when
 * the transaction coordinator aborts it after the producer's transaction.timeout.ms — a producer pod
 * lost mid-transaction whose replacement uses another transactional.id never aborts it itself
 * (open-transaction-producer.ts names that producer). Where every fetch fails with an error instead,
 * kafka-fetch-stall.ts says so and this stands down.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { describePartitions, findFetchStall } from '../kafka-fetch-stall.js';
import { type TransactionalProducer, describeTimeout, findOpenTransactionProducer, spanOfTimeout } from '../open-transaction-producer.js';
import { listNodesOf } from '../pod-status.js';
import { type ConsumerStall, findConsumerStall } from '../read-committed-stall.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';

const ABORT = 'kafka-transactions.sh find-hanging, then abort; Kafka 3.0+';

export function analyzeReadCommittedStall(ev: TriageEvidence): Finding[] {
  const s = findConsumerStall(ev);
  if (s === undefined || findFetchStall(ev.logs, ev.pods, ev.collectedAt) !== undefined) return [];
  const name = ev.target.name;
  const n = s.pods.length;
  const span = s.since !== undefined ? ` for ${formatSpan(Math.max(0, msBetween(s.since, ev.collectedAt)))}` : '';
  const progress = s.partitions.length > 0
    ? `receives nothing past ${describePartitions(s.partitions)}: its position has not moved${span} while its lag grew to ${s.lag} (${n} pod${n === 1 ? '' : 's'}, no errors)`
    : `fetches 0 records while its lag grows to ${s.lag} (${n} pod${n === 1 ? '' : 's'}, no errors)`;
  const common = {
    layer: 'container/process' as const,
    decisive: s.line.slice(0, 200),
    ...(s.since ? { onset: s.since } : {}),
    affected: { pods: s.pods, nodes: listNodesOf(ev.pods.filter((p) => s.pods.includes(p.name))) },
  };
  if (s.setting === undefined) return [stalledConsumer(ev, s, progress, common)];

  const producer = findOpenTransactionProducer(ev.namespaceRollouts ?? [], ev.namespaceWarnings ?? [], s.since ?? ev.collectedAt);
  const lost = producer?.lost;
  const timeout = producer?.timeoutMs !== undefined ? `transaction.timeout.ms ${describeTimeout(producer.timeoutMs)}` : undefined;
  const tail = producer !== undefined && lost !== undefined
    ? `since ${producer.deployment}'s pod ${lost.pod} was ${describeLoss(lost.reason)} ${formatAgo(lost.at, ev.collectedAt)} mid-transaction (${[producer.perPod ? 'its replacement took a new transactional.id' : '', producer.timeoutMs !== undefined ? `transaction.timeout.ms=${producer.timeoutMs}, ${spanOfTimeout(producer.timeoutMs)}` : ''].filter(Boolean).join('; ') || 'open until its transaction.timeout.ms'})`
    : 'a transactional producer killed mid-transaction stays open until its transaction.timeout.ms';
  const fix = writeFix(producer);
  return [{
    id: 'consumer-group/read-committed-stall',
    kind: 'consumer-group',
    title: `${name} (isolation.level=read_committed) ${progress}: an open ${lost !== undefined ? '' : 'producer '}transaction holds the last stable offset — ${tail}`,
    ...(lost !== undefined ? { datesChange: true as const } : {}),
    severity: 'critical',
    confidence: lost !== undefined ? 'high' : 'medium',
    evidence: [
      `log ${s.pods[s.pods.length - 1] ?? ''}: ${s.line.slice(0, 300)}`,
      `${name} reads with ${s.setting}`,
      ...(producer ? describeProducer(producer) : []),
    ],
    outsideWorkload: `the open transaction is a producer's: any revision of ${name} reading read_committed waits behind it the same way`,
    likelyCause: `A read_committed consumer reads only up to the partition's last stable offset; a transaction a producer opened and never ended holds it, so every record written after it waits while ${name}'s pods stay Ready and log no error. ${producer !== undefined && lost !== undefined
      ? `${producer.deployment} writes transactionally (${producer.idSetting}) and its pod ${lost.pod} was ${describeLoss(lost.reason)} ${formatAgo(lost.at, ev.collectedAt)} ("${lost.message.slice(0, 160)}")${producer.perPod ? `; its transactional.id follows the pod's name, so the replacement pod started with another id and nothing fenced or aborted the open transaction${producer.oldId !== undefined ? ` of ${producer.oldId}` : ''}` : ''}. The transaction coordinator aborts it only after ${timeout !== undefined ? `${producer.deployment}'s ${timeout}` : `${producer.deployment}'s transaction.timeout.ms (not in its template's env${producer.envFrom.length > 0 ? `: see ConfigMap ${producer.envFrom.join(', ')}` : ''})`} from the transaction's start.`
      : `The usual cause: a transactional producer pod killed mid-transaction (an eviction, a node drain) whose replacement uses a new transactional.id, so nothing aborts the old transaction before the coordinator's transaction.timeout.ms of that producer runs out — long when it was raised.`}`,
    nextAction: `${capitalize(fix)}. ${producer !== undefined ? `Then give ${producer.deployment} a transactional.id that survives a pod's replacement (a StatefulSet's stable pod name, one fixed id per replica)` : 'Keep the producer\'s transactional.id stable across pod replacements (a StatefulSet\'s pod name, not a Deployment\'s)'} and a short transaction.timeout.ms.${producer === undefined ? ' Find the producer of the topic that lost a pod mid-transaction: the namespace\'s Evicted and Killing events of its pods.' : ''}`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${s.pods[0] ?? ''} --tail=200`),
      formatKubectl(ev.target, lost !== undefined ? `get events --field-selector involvedObject.name=${lost.pod}` : 'get events --sort-by=.lastTimestamp'),
    ],
    ...common,
  }];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "evicted", "preempted": what the event says happened to the pod. */
function describeLoss(reason: string): string {
  if (reason === 'Evicted') return 'evicted';
  if (/^Preempt/.test(reason)) return 'preempted';
  if (/^OOMKill/.test(reason)) return 'killed for memory';
  if (reason === 'NodeShutdown') return 'stopped by its node\'s shutdown';
  return 'killed';
}

function describeProducer(p: TransactionalProducer): string[] {
  return [
    `Deployment ${p.deployment}: ${p.idSetting}${p.perPod ? ' (follows the pod name)' : ''}${p.timeoutSetting !== undefined ? `, ${p.timeoutSetting}` : ''}`,
    ...(p.lost ? [`event ${p.lost.reason} of pod ${p.lost.pod}: ${p.lost.message.slice(0, 200)}`] : []),
    ...(p.oldId !== undefined ? [`the lost pod's transactional.id: ${p.oldId}`] : []),
  ];
}

function writeFix(p: TransactionalProducer | undefined): string {
  const wait = `wait out ${p !== undefined ? `${p.deployment}'s` : 'the producer\'s'} transaction.timeout.ms${p?.timeoutMs !== undefined ? ` ${describeTimeout(p.timeoutMs)}` : ''}`;
  const which = p?.oldId !== undefined ? ` of ${p.oldId}` : p !== undefined ? ` ${p.deployment} left open` : '';
  return `abort the hanging transaction${which} (${ABORT}) or ${wait}`;
}

/** A stall without read_committed: nothing explains it on the broker's side, so the consumer itself is stuck. */
function stalledConsumer(ev: TriageEvidence, s: ConsumerStall, progress: string, common: Pick<Finding, 'layer' | 'decisive' | 'onset' | 'affected'>): Finding {
  const name = ev.target.name;
  return {
    id: 'consumer-group/consumer-stall',
    kind: 'consumer-group',
    title: `${name} ${progress}: a stalled consumer`,
    severity: 'warning',
    confidence: 'medium',
    evidence: [`log ${s.pods[s.pods.length - 1] ?? ''}: ${s.line.slice(0, 300)}`],
    likelyCause: `${name}'s lag reports show its position standing still while records keep arriving, and no error: its poll loop does not get past a record — a handler call that hangs, a retry without end, a blocked listener thread — while its pods stay Ready because their health check does not look at consumption. (A read_committed consumer stands the same way behind an open producer transaction; ${name} reads uncommitted.)`,
    nextAction: `Take a thread dump of one stalled pod (${s.pods[0] ?? ''}) to see where its consumer thread waits, and look at the record at the stuck offset; skip or fix what it cannot process.`,
    fix: 'find what holds the consumer thread at the stuck offset',
    confirmCommands: [formatKubectl(ev.target, `logs ${s.pods[0] ?? ''} --tail=200`)],
    ...common,
  };
}

import { findIdleConsumers, type IdleConsumers } from '../consumer-assignment.js';
import type { HpaEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatMetrics, isAboveTarget } from './hpa.js';

/** The workload's HPA pinned at its maximum while it still wants more (a metric above target, or TooManyReplicas). */
function findPinnedHpa(ev: TriageEvidence): HpaEvidence | undefined {
  return ev.hpas.find((h) => {
    const limited = findCondition(h.conditions, 'ScalingLimited');
    return h.desiredReplicas >= h.maxReplicas && (h.metrics.some(isAboveTarget) || (limited?.status === 'True' && limited.reason === 'TooManyReplicas'));
  });
}

/** "shipment-events-3" → "shipment-events". */
function topicsOf(partitions: readonly string[]): string[] {
  return [...new Set(partitions.map((p) => p.replace(/-\d+$/, '')))];
}

/** "shipment-events-0 … shipment-events-5" for a long list, all of them for a short one. */
function listPartitions(partitions: readonly string[]): string {
  const sorted = [...partitions].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return sorted.length <= 8 ? sorted.join(', ') : `${sorted[0] ?? ''} … ${sorted[sorted.length - 1] ?? ''}`;
}

/** The log line as the client wrote it, without the logger's prefix when it has one. */
function quote(line: string): string {
  const condensed = condenseStructuredLine(line.trim());
  const message = / : (.+)$/.exec(condensed)?.[1];
  // The Java client's "[Consumer clientId=…, groupId=…]" repeats what the title says.
  return (message ?? condensed).replace(/^\[Consumer [^\]]*\]\s*/, '').trim();
}

function describeCount(c: IdleConsumers, topics: string[]): string {
  const n = c.partitions.length;
  const of = topics.length === 1 ? `topic ${topics[0] ?? ''}` : `topics ${topics.join(', ')}`;
  return c.exact ? `the ${n} partition${n === 1 ? '' : 's'} of ${of}` : `the partitions of ${of} (at least ${n})`;
}

/**
 * A consumer group with more members than its topic has partitions: each partition goes to one
 * member, so members past the count get an empty assignment and idle. Throughput is capped at the
 * partition count; an HPA scaling on lag keeps adding consumers that can take nothing.
 */
export function analyzeConsumerPartitions(ev: TriageEvidence): Finding[] {
  const c = findIdleConsumers(ev.logs);
  if (c === undefined) return [];
  const hpa = findPinnedHpa(ev);
  const topics = topicsOf(c.partitions);
  const n = c.partitions.length;
  const count = describeCount(c, topics);
  const group = c.group ? ` of group ${c.group}` : '';
  const who = c.exact ? `${c.idle} of ${c.members} consumers${group}` : `${c.idle} of the ${c.members} consumers${group} whose logs were read`;
  const pinned = hpa ? `; HPA ${hpa.name} at its maximum (${hpa.currentReplicas}/${hpa.maxReplicas} replicas)${hpa.metrics.some(isAboveTarget) ? ` with ${formatMetrics({ ...hpa, metrics: hpa.metrics.filter(isAboveTarget) })}` : ''}` : '';
  const idleLine = c.idlePods[0];
  const leader = c.leader;
  const limited = hpa ? findCondition(hpa.conditions, 'ScalingLimited') : undefined;
  const cap = c.exact ? `${n}` : `the partition count`;
  const topicName = topics.length === 1 ? (topics[0] ?? 'the topic') : 'the topics';
  return [
    {
      id: `consumer-group/past-partitions${c.group ? `/${c.group}` : ''}`,
      kind: 'consumer-group',
      title: `Kafka consumers scaled past ${count}: ${who} got no partition and sit idle — more replicas add no throughput${pinned}`,
      layer: 'capacity',
      severity: hpa ? 'warning' : 'info',
      confidence: c.exact ? 'high' : 'medium',
      evidence: [
        ...(leader ? [`log ${leader.pod}: group leader's assignment${leader.generation !== undefined ? ` at generation ${leader.generation}` : ''}: ${leader.members} members, ${leader.assigned} given a partition (${listPartitions(leader.partitions)}), ${leader.members - leader.assigned} given none`] : []),
        ...c.idlePods.slice(0, 3).map((p) => `log ${p.pod}: ${quote(p.line)}`),
        ...c.busyPods.slice(0, 1).map((p) => `log ${p.pod}: ${quote(p.line)}`),
        ...(hpa ? [`HPA ${hpa.name}: replicas ${hpa.currentReplicas} current, ${hpa.desiredReplicas} desired, range ${hpa.minReplicas}–${hpa.maxReplicas}; metrics: ${formatMetrics(hpa)}${limited?.status === 'True' ? `; ScalingLimited=True (${limited.reason ?? ''})` : ''}`] : []),
      ],
      ...(idleLine ? { decisive: quote(idleLine.line) } : {}),
      likelyCause: `In a consumer group each partition is read by exactly one member: with ${c.exact ? n : `at least ${n}`} partition${n === 1 ? '' : 's'}, members past that count get an empty assignment and consume nothing. Throughput is capped at what ${c.exact ? n : 'that many'} consumers process; ${hpa ? 'scaling on lag, the HPA keeps adding consumers that get no partition, so lag grows while traffic exceeds that cap' : 'the replicas past it only wait'}.`,
      nextAction: `Make each consumer process faster (bigger batches, parallel work within a partition, a faster downstream call): with ${cap} partitions only that moves the lag now. Then add partitions to ${topicName} (keyed records map to new partitions, so per-key order shifts once) and keep the HPA's maxReplicas at the partition count so it stops adding idle pods.`,
      fix: `add partitions to ${topicName} (with maxReplicas capped at the partition count), or make each consumer process faster`,
      confirmCommands: [
        ...(hpa ? [formatKubectl(ev.target, `describe hpa ${hpa.name}`)] : []),
        ...[leader?.pod ?? idleLine?.pod].filter((p): p is string => p !== undefined).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      ],
      // Which members idle is the assignor's draw, not a trait of those pods: the group is the scope.
      affected: { pods: ev.pods.map((p) => p.name) },
    },
  ];
}

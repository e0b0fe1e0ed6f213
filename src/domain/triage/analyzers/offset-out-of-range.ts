import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findOutOfRangeReset } from '../offset-out-of-range.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo, msBetween } from '../time-span.js';

/** The policies that move a consumer to the end of the log: what lies between is skipped. */
const TO_END = new Set(['latest', 'largest', 'end']);
/** A group that consumed before the reset has been around this long before it. */
const EXISTED_BEFORE_MS = 60 * 60_000;

/** "usage-3" → "usage". */
function topicsOf(partitions: readonly string[]): string[] {
  return [...new Set(partitions.map((p) => p.replace(/-\d+$/, '')))];
}

/**
 * A Kafka consumer whose positions fell out of range (the brokers deleted the segments under it:
 * the topic's retention is shorter than its lag) and that reset to the end of the log
 * (auto.offset.reset=latest): it silently skipped every record it had not read yet — data loss
 * the pods never show (INFO lines, Ready, no restarts). Rolling back changes nothing.
 */
export function analyzeOffsetOutOfRange(ev: TriageEvidence): Finding[] {
  const r = findOutOfRangeReset(ev.logs, ev.workload?.templateContainers ?? []);
  if (r === undefined || r.policy === undefined || !TO_END.has(r.policy)) return [];
  const oldest = sortRevisions(ev.revisions).pop();
  const existed = oldest !== undefined && r.at !== undefined && msBetween(oldest.createdAt, r.at) > EXISTED_BEFORE_MS;
  // One reset at the first start of a new group is no backlog lost.
  if (r.partitions.length < 2 && !existed) return [];
  const name = ev.target.name;
  const group = r.group ?? name;
  const topics = topicsOf(r.partitions);
  const of = topics.length === 1 ? `of ${topics[0] ?? ''}` : `of topics ${topics.join(', ')}`;
  const parts = `${r.partitions.length} partition${r.partitions.length === 1 ? '' : 's'} ${of}`;
  const skipped = r.skipped !== undefined ? `, skipping about ${r.skipped.toLocaleString('en')} records` : ' and skipped every record it had not read';
  const when = r.at !== undefined ? ` ${formatAgo(r.at, ev.collectedAt)}` : '';
  const topic = topics[0] ?? '<topic>';
  return [
    {
      id: `consumer-group/offset-out-of-range/${group}`,
      kind: 'consumer-group',
      title: `Kafka consumer group ${group} lost data: its fetch positions were out of range for ${parts}${when} and it reset to the end of the log (auto.offset.reset=${r.policy})${skipped}; the brokers had deleted the segments under it — the topic's retention is shorter than the group's lag`,
      datesChange: true,
      layer: 'container/process',
      severity: 'critical',
      confidence: r.skipped !== undefined || existed ? 'high' : 'medium',
      evidence: [
        `log ${r.pods[0] ?? ''}: ${r.quote}`,
        `out of range: ${r.partitions.slice(0, 8).join(', ')}${r.partitions.length > 8 ? ' …' : ''}`,
        `auto.offset.reset = ${r.policy}${r.policyFrom ? ` (${r.policyFrom})` : ''}`,
        ...(r.skipped !== undefined ? [`skipped: the reset positions are ${r.skipped.toLocaleString('en')} records past the out-of-range ones`] : []),
      ],
      decisive: r.quote,
      likelyCause: `A position is out of range when the log no longer holds it: the brokers deleted the segments before the consumer read them, because the topic's retention (retention.ms / retention.bytes) is shorter than the group's lag — a retention cut, or a consumer stopped or slow for longer than the retention. With auto.offset.reset=${r.policy} the client then jumps to the end of each partition, so the backlog is silently never processed.`,
      nextAction: `Restore ${topic}'s retention above the worst lag (kafka-configs --alter --entity-type topics --entity-name ${topic} --add-config retention.ms=<as before>, and in whatever applies the topic configs); re-ingest the skipped window from its source or a backup; set auto.offset.reset=earliest for a consumer that must not skip.`,
      fix: `restore ${topic}'s retention.ms above the group's lag, replay the skipped records from their source, and set auto.offset.reset=earliest`,
      outsideWorkload: 'the records were deleted by the brokers\' retention: any revision resumes at the end of the log',
      confirmCommands: [
        ...r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=500 | grep -i "out of range\\|Resetting offset"`)),
        `kafka-configs --bootstrap-server <broker>:9092 --describe --entity-type topics --entity-name ${topic}`,
      ],
      affected: { pods: ev.pods.map((p) => p.name) },
    },
  ];
}

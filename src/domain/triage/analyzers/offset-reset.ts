import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findOffsetReset } from '../offset-reset.js';
import type { OffsetReset } from '../offset-reset.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo, formatClock, formatSpan, msBetween } from '../time-span.js';

const SCALED_FROM_ZERO = /Scaled up replica set \S+ from 0 to (\d+)/;
/** A group that consumed before the reset has been around this long before it. */
const EXISTED_BEFORE_MS = 60 * 60_000;

/** "shipment-events-3" → "shipment-events". */
function topicsOf(partitions: readonly string[]): string[] {
  return [...new Set(partitions.map((p) => p.replace(/-\d+$/, '')))];
}

/** What the coordinator's log says about the group: when it went empty, its offsets removed, its death. */
function readCoordinator(ev: TriageEvidence, group: string | undefined) {
  const c = ev.groupCoordinator;
  if (c === undefined || group === undefined || c.group !== group) return undefined;
  const named = (re: RegExp) => c.lines.filter((l) => re.test(l) && l.includes(group));
  const dead = named(/transitioned to Dead/).pop();
  const empty = named(/is now empty/).pop();
  const deadAt = dead === undefined ? undefined : readLineTime(dead);
  // The removal logged with the group's death (the same sweep), else the largest one.
  const removals = c.lines.filter((l) => /Removed [1-9]\d* expired offsets/.test(l));
  const removed = removals.find((l) => deadAt !== undefined && Math.abs(msBetween(readLineTime(l) ?? '', deadAt)) < 60_000) ?? removals[0];
  return { c, dead, empty, removed };
}

/** "10080" minutes → "7d". */
function describeMinutes(value: string): string | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? formatSpan(n * 60_000) : undefined;
}

function said(line: string): string {
  return line.replace(/^\[[^\]]*\]\s*(INFO|WARN|DEBUG)?\s*(\[[^\]]*\]:?\s*)?/, '').replace(/\s*\(kafka\.[\w.]+\)\s*$/, '').trim();
}

function describeReset(r: OffsetReset): string {
  const topics = topicsOf(r.partitions);
  const of = topics.length === 1 ? `of ${topics[0] ?? ''}` : `of topics ${topics.join(', ')}`;
  return `${r.partitions.length} partition${r.partitions.length === 1 ? '' : 's'} ${of}`;
}

/**
 * A Kafka consumer group that lost its committed offsets and restarted from the beginning of the
 * log (auto.offset.reset=earliest): it re-consumes everything the topic keeps, repeating every
 * side effect (e-mails, charges). A group that consumed before has offsets unless the coordinator
 * expired them (an empty group keeps them offsets.retention.minutes) — the usual way is a consumer
 * scaled to 0 for longer than that. Nothing fails and every pod is Ready; rolling back changes nothing.
 */
export function analyzeOffsetReset(ev: TriageEvidence): Finding[] {
  const r = findOffsetReset(ev.logs);
  if (r === undefined) return [];
  const now = ev.collectedAt;
  const name = ev.target.name;
  const fromZero = ev.events.filter((e) => e.reason === 'ScalingReplicaSet' && SCALED_FROM_ZERO.test(e.message)).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))[0];
  const oldest = sortRevisions(ev.revisions).pop();
  const existed = oldest !== undefined && r.at !== undefined && msBetween(oldest.createdAt, r.at) > EXISTED_BEFORE_MS;
  const coordinator = readCoordinator(ev, r.group);
  // A new group on a new workload starts at the beginning by design: only a group that consumed before has lost something.
  if (fromZero === undefined && !existed && coordinator?.removed === undefined) return [];
  const group = r.group ?? name;
  const policy = r.policy === undefined ? 'auto.offset.reset=earliest' : `auto.offset.reset=${r.policy}`;
  const start = r.toZero.length > 0 ? 'offset 0' : 'the earliest offset';
  const lag = r.lag !== undefined ? ` (lag up to ${r.lag.toLocaleString('en')})` : '';
  const retention = coordinator?.c.retention ?? ev.groupCoordinator?.retention;
  const kept = retention ? `offsets.retention.minutes=${retention.value}${describeMinutes(retention.value) ? ` (${describeMinutes(retention.value) ?? ''})` : ''}` : 'offsets.retention.minutes (7 days unless the brokers set it)';
  const scaledAt = fromZero?.lastSeen;
  const emptyAt = coordinator?.empty === undefined ? undefined : readLineTime(coordinator.empty);
  const paused = emptyAt !== undefined && scaledAt !== undefined ? ` for ${formatSpan(msBetween(emptyAt, scaledAt))}` : '';
  const removedAt = coordinator?.removed === undefined ? undefined : readLineTime(coordinator.removed);
  const expired = coordinator?.removed !== undefined
    ? `its committed offsets expired while it was stopped${paused} (${coordinator.c.pod ?? 'coordinator'}: "${said(coordinator.removed)}"${removedAt ? ` ${formatAgo(removedAt, now)}` : ''}${coordinator.dead ? ', group Dead' : ''}), past ${kept}`
    : fromZero !== undefined
      ? `its committed offsets expired while ${name} was scaled to 0 (an empty group keeps them only ${kept})`
      : `its committed offsets are gone: expired (${kept}) or its group.id changed`;
  const since = scaledAt !== undefined ? `; ${name} was scaled up from 0 to ${SCALED_FROM_ZERO.exec(fromZero?.message ?? '')?.[1] ?? '?'} ${formatAgo(scaledAt, now)}` : '';
  const generation = r.generation === 1 ? ' The consumers joined the group at generation 1: the coordinator had forgotten it.' : '';
  const bootstrap = ev.groupCoordinator ? `${ev.groupCoordinator.service}.${ev.groupCoordinator.namespace}:9092` : '<broker>:9092';
  const stoppedAt = ` <when it stopped${emptyAt !== undefined ? `: the group went empty at ${formatClock(emptyAt)}` : ''}>`;
  return [
    {
      id: `duplicate-work/offset-reset/${group}`,
      kind: 'duplicate-work',
      title: `Kafka consumer group ${group} restarted from ${start} (${policy}): it found no committed offset for ${describeReset(r)} and is replaying the topic from the beginning${lag}; ${expired}${since}`,
      datesChange: true,
      layer: 'container/process',
      severity: 'critical',
      confidence: coordinator?.removed !== undefined || fromZero !== undefined ? 'high' : 'medium',
      evidence: [
        `log ${r.pods[0] ?? ''}: ${r.quote}`,
        ...(r.toZero.length > 0 ? [`${r.toZero.length} partition${r.toZero.length === 1 ? '' : 's'} reset to offset 0: ${r.toZero.slice(0, 6).join(', ')}${r.toZero.length > 6 ? ' …' : ''}`] : []),
        ...(r.policy !== undefined ? [`consumer config: auto.offset.reset = ${r.policy}`] : []),
        ...(r.generation !== undefined ? [`joined group ${group} at generation ${r.generation}`] : []),
        ...(fromZero ? [`event ${fromZero.reason}: ${fromZero.message} (${formatAgo(fromZero.lastSeen, now)})`] : []),
        ...(coordinator ? [coordinator.empty, coordinator.removed, coordinator.dead].flatMap((l) => (l === undefined ? [] : [`log ${coordinator.c.pod ?? 'coordinator'}: ${l.trim()}`])) : []),
        ...(retention ? [`offsets.retention.minutes = ${retention.value} (${retention.where})`] : []),
      ],
      decisive: r.quote,
      likelyCause: `A consumer group keeps its position only in the offsets it commits to the brokers; once the group is empty (its consumers stopped), the coordinator deletes them after offsets.retention.minutes. Resumed after that, the consumers find no committed offset and apply auto.offset.reset: with earliest they start again at the beginning of every partition and re-process everything the topic retains, so every side effect (e-mails, invoices) happens again.${generation}`,
      nextAction: `Stop the replay now: scale ${name} to 0; reset group ${group}'s offsets to where it stopped (kafka-consumer-groups --bootstrap-server ${bootstrap} --group ${group} --all-topics --reset-offsets --to-datetime${stoppedAt} --execute, or --to-latest if the backlog does not matter), then start it again. Before the next long pause, raise offsets.retention.minutes or park the offsets, and make the side effects idempotent.`,
      fix: `scale ${name} to 0, reset group ${group}'s offsets to where it stopped (kafka-consumer-groups --reset-offsets --to-datetime), then start it again`,
      outsideWorkload: 'the offsets live in the brokers: any revision resumes from what the group has committed',
      confirmCommands: [
        ...r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300 | grep -i "committed offset\\|Resetting offset"`)),
        ...(ev.groupCoordinator?.pod ? [formatKubectl({ ...ev.target, namespace: ev.groupCoordinator.namespace }, `exec ${ev.groupCoordinator.pod} -- kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group ${group}`)] : []),
      ],
      affected: { pods: ev.pods.map((p) => p.name) },
    },
  ];
}

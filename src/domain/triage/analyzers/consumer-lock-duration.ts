import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findHandlingTimes, findLockSettings, findLostLocks } from '../message-lock-lost.js';
import { listNodesOf } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { formatLimit } from '../statement-timeout.js';
import { formatAgo } from '../time-span.js';

/** A handling time to the tenth of a second up to two minutes (61.7s, not 1m): it is set against a lock duration of seconds. */
function formatHandling(ms: number): string {
  return ms < 120_000 ? `${Number((ms / 1000).toFixed(1))}s` : formatLimit(ms);
}

/** A value well above the longest handling time (3×, whole minutes), as a .NET TimeSpan when the setting is written as one. */
function suggestRenewal(maxMs: number, timeSpan: boolean): string {
  const minutes = Math.max(5, Math.ceil((3 * maxMs) / 60_000));
  return timeSpan ? `00:${String(minutes).padStart(2, '0')}:00` : `${minutes}m`;
}

/**
 * Peek-lock consumers whose settlements fail because the message lock was lost: the handler held
 * the message past the queue's lock duration with no (or too short) auto-renewal, so the broker
 * delivered it again and it was processed twice, then dead-lettered past the max delivery count.
 * The lock settings the pods run with are set against the handling time the logs show; when only
 * the newest revision's pods log it, that revision is the change to test, not the verdict.
 */
export function analyzeConsumerLockDurations(ev: TriageEvidence): Finding[] {
  const lost = findLostLocks(ev.logs, ev.pods, ev.collectedAt);
  if (lost === undefined) return [];
  const container = ev.pods.find((p) => p.name === lost.pods[0])?.containers.find((c) => c.name === lost.container);
  const settings = findLockSettings(container, ev.settingConfig ?? []);
  const handling = findHandlingTimes(ev.logs, ev.pods);
  const range = handling === undefined ? '' : handling.minMs === handling.maxMs ? formatHandling(handling.maxMs) : `${formatHandling(handling.minMs)}–${formatHandling(handling.maxMs)}`;
  const { duration, renewal, maxDeliveries } = settings;
  const noRenewal = renewal !== undefined && renewal.ms === 0;
  const said = [
    ...(duration ? [`${duration.written} (${formatLimit(duration.ms)}, ${duration.source})`] : []),
    ...(renewal ? [`${renewal.written} (${noRenewal ? 'no auto-renewal' : formatLimit(renewal.ms)}, ${renewal.source})`] : []),
  ];
  const setting = said.length > 0 ? ` — ${said.join(', ')}` : " (lock duration not set in the pods' env or the ConfigMaps read: the queue's own LockDuration)";
  const takes = range ? ` while handling a message takes ${range}` : '';
  const deadLettered = lost.deadLetter !== undefined ? `, and past ${maxDeliveries?.written ?? 'the max delivery count'} they are dead-lettered (MaxDeliveryCountExceeded)` : '';
  // Only the newest revision's pods log it: that revision is the change to test (a slower handler).
  const [newest, previous] = sortRevisions(ev.revisions);
  const lostPods = ev.pods.filter((p) => lost.pods.includes(p.name));
  const onNewest = newest !== undefined && previous !== undefined && lostPods.length > 0 && lostPods.every((p) => p.revisionHash === newest.hash);
  const changed = onNewest ? diffRevisions(previous, newest).filter((l) => / image: | env /.test(l)) : [];
  const since = onNewest && newest ? `; the pods logging it run revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}${changed.length > 0 ? `: ${changed.slice(0, 2).join(', ')}` : ''}), a change to test as what made handling slower` : '';
  const renewTo = handling ? suggestRenewal(handling.maxMs, /^\d+:\d\d:\d\d/.test(renewal?.value ?? duration?.value ?? '')) : undefined;
  const raise = `let the client renew the lock while the handler runs (${renewal?.name ?? 'MaxAutoLockRenewalDuration'}${renewTo ? ` e.g. ${renewTo}` : ''}) or make handling shorter than the lock duration (move the slow step out of the handler)`;
  const fix = `${raise}${onNewest && previous && newest ? `; if revision ${newest.revision} made handling slower, rolling back to revision ${previous.revision} stops it` : ''}`;
  const where = renewal?.source.startsWith('ConfigMap') ? ` in ${renewal.source}, then restart the pods so they read it` : '';
  return [
    {
      id: 'consumer-group/message-lock-lost',
      kind: 'consumer-group',
      title: `Message locks expire before the handler settles the message${setting}${takes}: completing fails with MessageLockLost, the messages are delivered again and processed twice${deadLettered} (${lost.pods.length} pod${lost.pods.length === 1 ? '' : 's'}, ${lost.lines} lines)${since}`,
      ...(since ? { datesChange: true } : {}),
      ...(lost.since !== undefined ? { onset: lost.since } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        ...(duration ? [`lock duration: ${duration.written} (${duration.source})`] : []),
        ...(renewal ? [`lock auto-renewal: ${renewal.written} (${renewal.source})`] : []),
        ...(maxDeliveries ? [`max delivery count: ${maxDeliveries.written} (${maxDeliveries.source})`] : []),
        ...(range ? [`message handling time in the logs: ${range}`] : []),
        `log ${lost.pods[0] ?? ''}: ${condenseStructuredLine(lost.line)}`,
        ...(lost.deadLetter !== undefined ? [`log: ${condenseStructuredLine(lost.deadLetter)}`] : []),
        ...changed.map((l) => `revision ${newest?.revision ?? '?'}: ${l}`),
      ],
      decisive: condenseStructuredLine(lost.line),
      likelyCause: 'A peek-locked message stays locked to its receiver only for the queue\'s lock duration, unless the client renews the lock. A handler that holds a message longer than that loses the lock mid-handling: its complete is refused (MessageLockLost), the broker delivers the message again, it is processed again (duplicate side effects), and after the max delivery count it goes to the dead-letter queue while the backlog grows. The pods look healthy; the settlement errors, the delivery counts and the dead-letter queue say otherwise.',
      nextAction: `${raise.charAt(0).toUpperCase()}${raise.slice(1)}${where}${onNewest && previous ? `, or roll back to revision ${previous.revision} to stop the duplicates now if it made handling slower` : ''}; make the handler idempotent so a redelivery does no harm, and resubmit the dead-lettered messages once it holds. Then watch the MessageLockLost errors and the dead-letter count stop growing.`,
      fix,
      confirmCommands: lost.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      affected: { pods: lost.pods, nodes: listNodesOf(lostPods) },
    },
  ];
}

import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findBatchTimes, findExpiredReceipts, findVisibilityTimeout, formatLimit, suggestTimeout, VISIBILITY_SETTING } from '../queue-visibility.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { formatAgo, msBetween } from '../time-span.js';

/** Settings that decide how long a received batch is held: how many messages, how many at once, the timeout itself. */
const HOLD_SETTING = /max_?messages|batch|prefetch|concurrency|parallel|visibility/i;

/**
 * SQS consumers whose deletes fail because the receipt handle expired: the batch outlasted the
 * visibility timeout, so its messages came back to the queue mid-batch and were delivered again.
 * The timeout the pods receive with is set against the batch time the logs show; a revision that
 * raised the batch size (or cut the timeout) before the first failure is the trigger.
 */
export function analyzeConsumerVisibilityTimeouts(ev: TriageEvidence): Finding[] {
  const expired = findExpiredReceipts(ev.logs, ev.pods, ev.collectedAt);
  if (expired === undefined) return [];
  const container = ev.pods.find((p) => p.name === expired.pods[0])?.containers.find((c) => c.name === expired.container);
  const timeout = findVisibilityTimeout(container, ev.settingConfig ?? [], ev.logs.filter((l) => expired.pods.includes(l.pod)));
  const batch = findBatchTimes(ev.logs, ev.pods);
  const range = batch === undefined ? '' : batch.minMs === batch.maxMs ? formatLimit(batch.maxMs) : `${formatLimit(batch.minMs)}–${formatLimit(batch.maxMs)}`;
  const setting = timeout === undefined ? " (not set in the pods' env or the ConfigMaps read: the queue's own attribute)" : ` — ${timeout.written} (${formatLimit(timeout.ms)}, ${timeout.source})`;
  const takes = batch === undefined ? '' : ` while a batch takes ${range}`;
  const code = /ReceiptHandleIsInvalid/.test(expired.line) ? 'ReceiptHandleIsInvalid' : 'an expired receipt handle';
  // The batch size or timeout the newest revision changed, when it came before the first failure.
  const [newest, previous] = sortRevisions(ev.revisions);
  const before = newest !== undefined && (expired.since === undefined || msBetween(newest.createdAt, expired.since) >= 0);
  const changed = before && newest && previous ? diffRevisions(previous, newest).filter((l) => / env /.test(l) && HOLD_SETTING.test(l.replace(/:.*$/, ''))) : [];
  const told = changed.map((l) => l.replace(/^\S+ env /, ''));
  const since = told.length > 0 && newest ? `; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) changed ${told.join(', ')}` : '';
  const was = /^\S+ env (\S+): ("[^"]*"|\S+) →/.exec(changed.find((l) => !VISIBILITY_SETTING.test(l.replace(/:.*$/, ''))) ?? '');
  const restore = was ? `${was[1] ?? ''}=${was[2] ?? ''}` : undefined;
  const raise = `raise ${timeout?.name ?? 'the visibility timeout'} above the batch time${batch !== undefined && timeout !== undefined ? ` (${formatLimit(batch.maxMs)}; e.g. ${suggestTimeout(batch.maxMs, timeout.seconds)})` : ''}`;
  const fix = `${raise}, or extend the visibility with ChangeMessageVisibility while a batch runs${restore ? `, or set ${restore} again` : ''}`;
  const where = timeout?.source.startsWith('ConfigMap') ? ` in ${timeout.source}, then restart the pods so they read it` : '';
  return [
    {
      id: 'consumer-group/visibility-timeout',
      kind: 'consumer-group',
      title: `SQS messages outlast their visibility timeout${setting}${takes}: they become visible again mid-batch, are delivered and processed twice, and the late deletes fail with ${code} (${expired.pods.length} pod${expired.pods.length === 1 ? '' : 's'}, ${expired.lines} lines)${since}`,
      ...(since ? { datesChange: true } : {}),
      ...(expired.since !== undefined ? { onset: expired.since } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        ...(timeout !== undefined ? [`visibility timeout: ${timeout.written} (${timeout.source})`] : []),
        ...(batch !== undefined ? [`batch time in the logs: ${range}`] : []),
        `log ${expired.pods[0] ?? ''}: ${condenseStructuredLine(expired.line)}`,
        ...changed.map((l) => `revision ${newest?.revision ?? '?'}: ${l}`),
      ],
      decisive: condenseStructuredLine(expired.line),
      likelyCause: 'A received message stays invisible only for the visibility timeout. A batch worked one message after another for longer than that (more messages per receive, slower work per message) lets its messages come back to the queue while they are still being worked: another consumer receives and processes them again (duplicates), and the first receipt handle has expired by the time the batch is deleted. The pods look healthy; the queue\'s receive counts and the duplicates say otherwise.',
      nextAction: `${raise.charAt(0).toUpperCase()}${raise.slice(1)}${where}${restore && previous ? `, or roll back to revision ${previous.revision} (${restore}) to stop the duplicates now` : ''}; extend the visibility with ChangeMessageVisibility for long work, and make the handler idempotent so a redelivery does no harm. Then watch the ${code} errors and the messages' receive counts fall.`,
      fix,
      confirmCommands: expired.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      affected: { pods: expired.pods, nodes: listNodesOf(ev.pods.filter((p) => expired.pods.includes(p.name))) },
    },
  ];
}

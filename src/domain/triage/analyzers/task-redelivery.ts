import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findTaskRedelivery } from '../task-redelivery.js';
import { formatAgo, formatClock, formatSpan } from '../time-span.js';

/**
 * Celery tasks received twice under one id, an hour or so apart, on a Redis or SQS broker: the
 * countdown/ETA the worker holds them for outlasts the transport's visibility_timeout, so the
 * broker restores each one and a second worker runs it too. Every pod is Ready and logs INFO only;
 * the harm is the work done twice, so it is never an all-clear. The fix is the transport option.
 */
export function analyzeTaskRedelivery(ev: TriageEvidence): Finding[] {
  const r = findTaskRedelivery(ev);
  if (r === undefined) return [];
  const now = ev.collectedAt;
  const broker = r.transport === undefined ? 'the broker' : r.transport.startsWith('redis') || r.transport === 'sentinel' ? 'the Redis broker' : r.transport === 'sqs' ? 'the SQS broker' : `the ${r.transport} broker`;
  const gap = formatSpan(r.gapMs);
  const visibility = r.visibilitySetting !== undefined
    ? `the visibility_timeout set by ${r.visibilitySetting}`
    : r.defaultVisibilityS !== undefined
      ? `visibility_timeout (${r.defaultVisibilityS} s, Celery's default; no broker_transport_options set)`
      : 'visibility_timeout';
  const countdown = r.countdownS !== undefined ? `a ${r.countdownS} s countdown` : 'their countdown/ETA';
  const executed = r.ids.filter((x) => x.ranOn.length >= 2).length;
  const twice = executed > 0 ? `${executed} of ${r.ids.length} executed twice` : `${r.ids.length} received twice`;
  const config = r.countdownConfig;
  const since = config?.changedAt !== undefined ? `; ConfigMap ${config.configMap} (${config.key}) changed ${formatAgo(config.changedAt, now)}` : '';
  const longest = r.countdownS ?? (r.defaultVisibilityS !== undefined ? r.defaultVisibilityS * 2 : undefined);
  const target = longest !== undefined ? ` (e.g. ${longest * 2} s)` : '';
  const fix = `raise broker_transport_options visibility_timeout above the longest countdown/ETA${target} on workers and producers`;
  const examples = r.ids.slice(0, 3).map((x) => `${x.task.replace(/^.*\./, '')}[${x.id.slice(0, 8)}] received on ${x.first.pod} at ${formatClock(x.first.at)} and again on ${x.again.pod} at ${formatClock(x.again.at)}${x.ranOn.length >= 2 ? ', executed on both' : ''}`);
  return [
    {
      id: 'task-redelivery/visibility-timeout',
      kind: 'duplicate-work',
      title: `Celery tasks with ${countdown} outlive ${broker}'s ${visibility}, so ${broker.replace(/^the | broker$/g, '')} re-delivers each held ETA task ~${gap} after its first receipt and another worker runs it again: ${r.tasks.slice(0, 3).join(', ')} received twice under one id (${twice}, ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'})${since}`,
      layer: 'container/process',
      severity: 'critical',
      confidence: executed > 0 ? 'high' : 'medium',
      onset: r.since,
      evidence: [
        ...examples,
        ...(r.countdownLine !== undefined ? [`countdown stated in the logs: ${r.countdownLine.slice(0, 300)}`] : []),
        ...(r.transport !== undefined ? [`broker transport: ${r.transport}`] : []),
        r.visibilitySetting !== undefined ? `visibility timeout set by ${r.visibilitySetting} (value not read)` : `no visibility_timeout / broker_transport_options in the pods' env or the keys of the ConfigMaps they read${r.defaultVisibilityS !== undefined ? `: Celery's default of ${r.defaultVisibilityS} s applies` : ''}`,
        ...(config !== undefined ? [`ConfigMap ${config.configMap} (the pods take env from it) holds ${config.key}${config.changedAt !== undefined ? `, changed ${formatAgo(config.changedAt, now)}` : ''}`] : []),
      ],
      likelyCause: `With a broker that has no real acknowledgements (Redis, SQS), Kombu hides a delivered message for visibility_timeout and restores it to the queue when it was not acknowledged in that time. A worker holds a countdown/ETA task unacknowledged until it is due, so a countdown longer than visibility_timeout (Redis default 3600 s) gets the message restored and received by another worker under the same task id: both execute it at the ETA. Nothing fails and every pod stays Ready; the damage is the duplicated side effects (e-mails, charges).`,
      nextAction: `Set broker_transport_options={'visibility_timeout': N} with N above the longest countdown/ETA${target} on the workers and producers, and restart them; or keep countdowns under the timeout (schedule far-future work another way). Then find and undo the duplicates already sent, and make the task idempotent. A rollback does not help while the countdown stays.`,
      fix,
      outsideWorkload: 'the duplicates come from the broker transport re-delivering tasks held past its visibility_timeout, not from a broken revision',
      confirmCommands: r.pods.slice(0, 2).map((p) => formatKubectl(ev.target, `logs ${p} --since=4h | grep ${r.ids[0]?.id ?? 'received'}`)),
      affected: { pods: r.pods, nodes: listNodesOf(ev.pods.filter((p) => r.pods.includes(p.name))) },
    },
  ];
}

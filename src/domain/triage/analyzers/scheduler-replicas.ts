import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findSchedulerDuplicates } from '../scheduler-replicas.js';
import { formatAgo, formatClock } from '../time-span.js';

/** "billing.tasks.invoices.issue_usage_invoices" → "issue_usage_invoices": the name people use. */
function shortTask(task: string): string {
  return task.replace(/^.*\./, '');
}

/**
 * A periodic-task scheduler without leader election (Celery beat…) running more than one replica:
 * each replica sends every due task, so the workers run each scheduled task once per replica.
 * Nothing fails; the damage is the duplicates (invoices, e-mails, charges). The workers are not at
 * fault, and no revision of theirs is the cause: the fix is the scheduler's replica count.
 */
export function analyzeSchedulerReplicas(ev: TriageEvidence): Finding[] {
  const d = findSchedulerDuplicates(ev);
  if (d === undefined) return [];
  const s = d.scheduler;
  const now = ev.collectedAt;
  const name = s.deployment;
  const scaled = d.scaledUp ? ` (scaled up from ${d.scaledUp.from} to ${d.scaledUp.to}${d.scaledBy ? ` by ${d.scaledBy}` : ''} ${formatAgo(d.scaledUp.at, now)})` : d.scaledBy ? ` (spec.replicas last set by ${d.scaledBy})` : '';
  const sending = d.sendingPods.length > 1 ? `; ${d.sendingPods.length} of its pods log "Sending due task" for the same schedule` : '';
  const tasks = d.tasks.slice(0, 3).map(shortTask);
  const executes = d.self ? 'the workers' : ev.target.name;
  const doubled = d.doubled.slice(0, 3).map((x) => `${shortTask(x.task)} at ${formatClock(x.at)}`);
  const twice = doubled.length > 0 ? `: ${executes} received ${doubled.join(', ')} twice` : tasks.length > 0 ? ` (${tasks.join(', ')})` : '';
  return [
    {
      id: `scheduler-replicas/${name}`,
      kind: 'duplicate-work',
      title: `${d.kind} ${name} runs ${s.replicas} replicas${scaled}, and a scheduler must run as one: each replica sends every due task, so ${executes} runs every scheduled task twice${twice}${sending}`,
      datesChange: true,
      layer: 'rollout/change',
      severity: 'critical',
      confidence: d.sendingPods.length > 1 || d.doubled.length > 0 ? 'high' : 'medium',
      evidence: [
        `Deployment ${name}: ${s.replicas} replicas (${s.readyReplicas} ready), container ${s.container} runs \`${s.command}\``,
        ...s.events.filter((e) => e.reason === 'ScalingReplicaSet').slice(0, 2).map((e) => `event ${e.reason} on ${e.object.kind} ${e.object.name}: ${e.message} (${formatAgo(e.lastSeen, now)})`),
        ...s.replicasOwners.slice(0, 1).map((o) => `spec.replicas last written by ${o.manager}${o.subresource ? ` through the ${o.subresource} subresource` : ''}${o.at ? ` ${formatAgo(o.at, now)}` : ''}`),
        ...d.sendingPods.slice(0, 2).map((p) => {
          const line = s.logs.find((l) => l.pod === p)?.lines.filter((x) => /Sending due task/.test(x)).pop();
          return `log ${p}: ${line?.trim() ?? ''}`;
        }),
        ...d.doubled.slice(0, 3).map((x) => `${ev.target.name} received ${x.task} twice within a minute at ${formatClock(x.at)} (${x.pods.join(', ')})`),
      ],
      ...(d.quote ? { decisive: d.quote } : {}),
      likelyCause: `${d.kind} keeps its schedule in each process and has no leader election: every replica sends every due task on its own, so the workers execute each scheduled task once per replica. ${d.scaledUp ? `The scale-up from ${d.scaledUp.from} to ${d.scaledUp.to} started it.` : 'It runs more than one replica.'} The workers only execute what they receive; nothing crashes, and the damage is the duplicated side effects.`,
      nextAction: `Scale ${name} back to 1 replica now (kubectl scale deployment/${name} --replicas=1 -n ${ev.target.namespace}) and keep it a singleton (strategy Recreate, no HPA; or a scheduler that takes a lock, such as celery-redbeat); then find and undo the duplicates the extra replica caused${tasks.length > 0 ? ` (${tasks.join(', ')})` : ''}.`,
      fix: `scale ${name} back to 1 replica (a scheduler must be a singleton), then undo the duplicates${tasks.length > 0 ? ` of ${tasks.join(', ')}` : ''}`,
      outsideWorkload: d.self ? `every replica of ${name} sends the same schedule, whatever its revision` : `the duplicates come from ${name}'s replicas, not from ${ev.target.name}'s revision`,
      confirmCommands: [
        formatKubectl(ev.target, `get deployment ${name} -o wide`),
        ...d.sendingPods.slice(0, 2).map((p) => formatKubectl(ev.target, `logs ${p} --tail=50`)),
      ],
      affected: { pods: d.self ? ev.pods.map((p) => p.name) : d.sendingPods },
    },
  ];
}

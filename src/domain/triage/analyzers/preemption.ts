import { formatEventLine } from '../collapse-events.js';
import type { PodEvidence, PreemptorEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, limitLines, severityForPods, unique } from '../pod-status.js';
import { isPreemptorOf, parsePreemption } from '../preemption-message.js';
import { parseSchedulingMessage, summarizeSchedulingReasons } from '../scheduling-message.js';
import type { SchedulingMessage } from '../scheduling-message.js';
import { MINUTE_MS, earliest, formatAgo, msBetween } from '../time-span.js';

/** A replacement is created a moment after its victim is evicted; clocks and batching blur it a little. */
const SKEW_MS = 2 * MINUTE_MS;

function describePreemptor(p: PreemptorEvidence, now: string): string {
  const what = [
    p.owner,
    p.priorityClassName !== undefined ? `PriorityClass ${p.priorityClassName}${p.priority !== undefined ? ` (priority ${p.priority})` : ''}` : p.priority !== undefined ? `priority ${p.priority}` : undefined,
    p.requests !== undefined && Object.keys(p.requests).length > 0 ? `requests ${Object.entries(p.requests).map(([k, v]) => `${k} ${v}`).join(', ')}` : undefined,
    p.createdAt !== undefined ? `created ${formatAgo(p.createdAt, now)}` : undefined,
  ].filter((x): x is string => x !== undefined);
  return `pod ${p.namespace}/${p.pod} on ${p.node}${what.length > 0 ? `: ${what.join(', ')}` : ''}`;
}

/** "Job bert-finetune-v7 in namespace ml (PriorityClass …, priority …)", or the pods when they have no common owner. */
function namePreemptors(found: readonly PreemptorEvidence[]): { who: string; short: string } | undefined {
  const first = found[0];
  if (first === undefined) return undefined;
  const owners = unique(found.map((p) => `${p.namespace}/${p.owner ?? p.pod}`));
  const classes = unique(found.map((p) => (p.priorityClassName !== undefined ? `PriorityClass ${p.priorityClassName}${p.priority !== undefined ? `, priority ${p.priority}` : ''}` : p.priority !== undefined ? `priority ${p.priority}` : '')).filter((c) => c !== ''));
  const why = classes.length > 0 ? ` (${classes.join('; ')})` : '';
  if (owners.length === 1) {
    const named = first.owner ?? `pod ${first.pod}`;
    return { who: `${named} in namespace ${first.namespace}${why}`, short: `${named} (namespace ${first.namespace})` };
  }
  const pods = found.slice(0, 2).map((p) => `${p.namespace}/${p.pod}`).join(', ');
  return { who: `pods ${pods}${why}`, short: `the pods ${pods}` };
}

/** The scheduler's newest word on why it places none of these pods. */
function readRefusal(ev: TriageEvidence, pods: readonly PodEvidence[]): SchedulingMessage | undefined {
  const events = listPodEvents(ev, ['FailedScheduling'], pods.map((p) => p.name));
  const newest = [...events].sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
  const message = newest?.message ?? pods.map((p) => findCondition(p.conditions, 'PodScheduled')?.message).find((m) => m !== undefined);
  return message === undefined ? undefined : parseSchedulingMessage(message);
}

/** ", 0/3 nodes available: 3 Insufficient cpu". */
function describeRefusal(parsed: SchedulingMessage | undefined): string {
  if (parsed === undefined || parsed.reasons.length === 0) return '';
  const where = parsed.total !== undefined ? `${parsed.available ?? 0}/${parsed.total} nodes available: ` : '';
  return `, ${where}${summarizeSchedulingReasons(parsed.reasons)}`;
}

/** Pending pods created once the first victim was gone: the replacements. */
function findReplacements(ev: TriageEvidence, since: string): PodEvidence[] {
  return ev.pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined && isPodFailing(p, ev.collectedAt) && p.createdAt !== undefined && msBetween(since, p.createdAt) >= -SKEW_MS);
}

/**
 * Pods of the workload the scheduler preempted to make room for pods of higher priority, whose
 * replacements cannot be placed: the capacity they had was taken, not lost. Names the preemptor
 * (its controller, PriorityClass and priority) from the pods of the nodes the events name.
 */
export function analyzePreemption(ev: TriageEvidence): Finding[] {
  const preempted = ev.events.filter((e) => e.reason === 'Preempted' && e.object.kind === 'Pod');
  const since = earliest(preempted.map((e) => e.firstSeen));
  if (since === undefined) return [];
  const replacements = findReplacements(ev, since);
  if (replacements.length === 0) return [];
  // Preemption takes room; replacements refused for something else (affinity, a volume) wait for that.
  const refusal = readRefusal(ev, replacements);
  if (refusal !== undefined && refusal.reasons.length > 0 && !refusal.reasons.some((r) => r.category === 'insufficient' || r.category === 'too-many-pods')) return [];

  const victims = unique(preempted.map((e) => e.object.name));
  const refs = preempted.map(parsePreemption);
  const nodes = unique(refs.flatMap((r) => (r.node !== undefined ? [r.node] : [])));
  const found = (ev.preemptors ?? []).filter((p) => refs.some((r) => isPreemptorOf(p, r)));
  const named = namePreemptors(found);
  const ours = unique(replacements.map((p) => `${p.priority ?? 0}${p.priorityClassName !== undefined ? ` (PriorityClass ${p.priorityClassName})` : ' (no PriorityClass)'}`));
  const autoscaler = listPodEvents(ev, ['NotTriggerScaleUp'], replacements.map((p) => p.name))[0];

  // One line per victim: each names its own node.
  const evidence = limitLines(preempted.map((e) => formatEventLine(e, { withObject: true })), 3);
  evidence.push(...found.slice(0, 2).map((p) => describePreemptor(p, ev.collectedAt)));
  evidence.push(`this workload's pods run at priority ${ours.join(', ')}: they cannot take the room back`);
  if (autoscaler !== undefined) evidence.push(`cluster-autoscaler: ${autoscaler.message}`);

  const n = victims.length;
  const k = replacements.length;
  const by = named?.who ?? 'a higher-priority pod';
  const noRoom = autoscaler !== undefined ? `, and the cluster autoscaler adds no node ("${autoscaler.message}")` : '';
  const fix = named !== undefined
    ? `move ${named.short} off these nodes or lower its priority, then give this workload a PriorityClass`
    : 'find the higher-priority pods on these nodes and move them or lower their priority, then give this workload a PriorityClass';
  const preemptor = found[0];
  const confirm = [formatKubectl(ev.target, 'get events --field-selector reason=Preempted')];
  if (preemptor !== undefined) confirm.push(formatKubectl(ev.target, `get pod ${preemptor.pod} -n ${preemptor.namespace} -o custom-columns='NAME:.metadata.name,PRIORITY:.spec.priority,CLASS:.spec.priorityClassName,NODE:.spec.nodeName'`, 'cluster'));
  confirm.push(formatKubectl(ev.target, 'get priorityclasses', 'cluster'));
  return [
    {
      id: 'preemption',
      kind: 'preemption',
      title: `${n} pod${n === 1 ? '' : 's'} preempted ${formatAgo(since, ev.collectedAt)} by ${by}; ${n === 1 ? 'its' : 'their'} ${k} replacement${k === 1 ? '' : 's'} stay${k === 1 ? 's' : ''} Pending${describeRefusal(refusal)}`,
      layer: 'capacity',
      severity: severityForPods(ev, k),
      confidence: 'high',
      evidence,
      // Why the room does not come back: the autoscaler's refusal.
      ...(autoscaler !== undefined ? { decisive: autoscaler.message } : {}),
      likelyCause:
        `The scheduler evicted ${n === 1 ? 'a pod' : `${n} pods`} of this workload to make room for ${by} on nodes that were full on paper. ` +
        `The replacements, at lower priority, cannot preempt anyone back and find no node with room${noRoom}: the capacity was taken, not lost.`,
      nextAction: `Mitigate: ${fix.replace(/, then .*$/, '')} (the bot will not), or add capacity; the replacements then schedule on their own. Then give this workload a PriorityClass that matches its importance, and keep batch work on its own nodes.`,
      fix,
      confirmCommands: confirm,
      affected: { pods: replacements.map((p) => p.name), ...(nodes.length > 0 ? { nodes } : {}) },
    },
  ];
}

/**
 * Pending pods addressed to a scheduler that never answers. Only the scheduler whose name is in
 * spec.schedulerName binds a pod; kube-scheduler (default-scheduler) ignores pods addressed to
 * another. Any scheduler that looks at a pod leaves a trace — a PodScheduled condition, a
 * Scheduled or FailedScheduling event — so a pod that waits minutes with none of them is waiting
 * for a scheduler that does not run here (never installed, decommissioned, down, or a name copied
 * from another cluster's values). No capacity or placement rule is involved: nothing was checked.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from '../kubectl-command.js';
import { groupBy, severityForPods } from '../pod-status.js';
import { DEFAULT_SCHEDULER, schedulerOf } from '../pod-scheduler.js';
import { HOUR_MS, MINUTE_MS, earliest, formatSpan, msBetween } from '../time-span.js';

/** A live scheduler binds or refuses a pod within seconds; two silent minutes are not a queue. */
const SILENCE_MS = 2 * MINUTE_MS;

/** Events are kept about an hour: past that, their absence says nothing. */
const EVENT_TTL_MS = HOUR_MS;

/** What any scheduler records about a pod it looked at. */
const SCHEDULING_REASONS = new Set(['Scheduled', 'FailedScheduling', 'Preempted']);

/** Pending, on no node, addressed to another scheduler, minutes old, and without a PodScheduled condition. */
function isUnclaimed(p: PodEvidence, now: IsoTime): boolean {
  if (p.phase !== 'Pending' || p.nodeName !== undefined || p.deletionTimestamp !== undefined || p.createdAt === undefined) return false;
  if (schedulerOf(p) === DEFAULT_SCHEDULER || msBetween(p.createdAt, now) < SILENCE_MS) return false;
  return findCondition(p.conditions, 'PodScheduled') === undefined;
}

export function analyzeUnansweredScheduler(ev: TriageEvidence): Finding[] {
  const unclaimed = ev.pods.filter((p) => isUnclaimed(p, ev.collectedAt));
  if (unclaimed.length === 0) return [];
  // One pass over the events: the pods some scheduler reported on (or whose scheduler spoke of them).
  const schedulers = new Map(unclaimed.map((p) => [p.name, schedulerOf(p)]));
  const answered = new Set<string>();
  for (const e of ev.events) {
    if (e.object.kind !== 'Pod' || !schedulers.has(e.object.name)) continue;
    if (SCHEDULING_REASONS.has(e.reason) || e.source === schedulers.get(e.object.name)) answered.add(e.object.name);
  }
  const waiting = unclaimed.filter((p) => !answered.has(p.name));
  const eventsUnread = ev.readFailures.some((f) => f.source === 'events' && f.reason !== 'skipped');
  return [...groupBy(waiting, schedulerOf).entries()].map(([scheduler, pods]) => describe(ev, scheduler, pods, eventsUnread));
}

function describe(ev: TriageEvidence, scheduler: string, pods: readonly PodEvidence[], eventsUnread: boolean): Finding {
  const now = ev.collectedAt;
  const since = earliest(pods.map((p) => p.createdAt)) ?? now;
  const waited = msBetween(since, now);
  const age = formatSpan(waited);
  const n = `${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const them = pods.length === 1 ? 'it' : 'them';
  // Events expire: only a silence inside their lifetime, and read, is a fact.
  const silence = eventsUnread ? 'no PodScheduled condition; the events could not be read'
    : waited <= EVENT_TTL_MS ? 'no PodScheduled condition, not one scheduling event'
    : 'no PodScheduled condition';
  // Pods of the same scheduler placed before: it ran once, and has stopped answering since.
  const placed = ev.pods.filter((p) => p.nodeName !== undefined && schedulerOf(p) === scheduler);
  const evidence = [
    `spec.schedulerName: ${scheduler} on ${pods.map((p) => p.name).slice(0, 3).join(', ')}${pods.length > 3 ? ` and ${pods.length - 3} more` : ''}`,
    `Pending ${age} on no node, with no PodScheduled condition: no scheduler has looked at ${them}`,
    eventsUnread ? 'the events could not be read: whether a scheduler reported on these pods is unknown'
      : waited <= EVENT_TTL_MS ? `no scheduling event for ${them} (neither Scheduled nor FailedScheduling) in ${age}` : `no scheduling event left (events expire after about an hour)`,
    ...(placed.length > 0 ? [`${placed.length} pod${placed.length === 1 ? '' : 's'} of the same scheduler did get a node earlier (${placed[0]?.name ?? ''}): it ran then`] : []),
  ];
  const stopped = placed.length > 0
    ? `It placed pods earlier, so it ran then and has stopped answering: it is down, scaled to zero, or lost its leader lease.`
    : `No scheduler by that name runs in this cluster: never installed, decommissioned, or a name copied from another cluster's values.`;
  return {
    id: `placement/scheduler/${scheduler}`,
    kind: 'placement',
    title: `${n} Pending ${age} with schedulerName ${scheduler}, and no scheduler picks ${them} up (${silence})`,
    layer: 'capacity',
    severity: severityForPods(ev, pods.length),
    confidence: eventsUnread ? 'medium' : 'high',
    evidence,
    decisive: `schedulerName ${scheduler}`,
    likelyCause: `Only the scheduler named in spec.schedulerName binds these pods; kube-scheduler (${DEFAULT_SCHEDULER}) leaves them alone. A scheduler that looks at a pod records it (a PodScheduled condition, a Scheduled or FailedScheduling event), and nothing did in ${age}. ${stopped} The pods wait forever, whatever room the nodes have.`,
    nextAction: placed.length > 0
      ? `Bring the ${scheduler} scheduler back (its pods, its logs, its leader lease), or remove schedulerName ${scheduler} from the pod template so ${DEFAULT_SCHEDULER} places the pods; they schedule on their own once a scheduler answers.`
      : `Remove schedulerName ${scheduler} from the pod template so ${DEFAULT_SCHEDULER} places the pods, or start the ${scheduler} scheduler if the cluster should have one; the pods schedule on their own once a scheduler answers.`,
    fix: placed.length > 0
      ? `bring the ${scheduler} scheduler back, or remove schedulerName ${scheduler} from the pod template (${DEFAULT_SCHEDULER} then places the pods)`
      : `remove schedulerName ${scheduler} from the pod template (${DEFAULT_SCHEDULER} then places the pods), or start the ${scheduler} scheduler`,
    confirmCommands: [
      describePodCommand(ev.target, pods[0]?.name ?? ''),
      podEventsCommand(ev.target, pods[0]?.name ?? ''),
      // A scheduler usually runs as pods named after it (often in kube-system).
      `${formatKubectl(ev.target, 'get pods -A -o wide', 'cluster')} | grep ${scheduler}`,
    ],
    affected: { pods: pods.map((p) => p.name) },
  };
}

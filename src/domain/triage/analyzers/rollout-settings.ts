import type { TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import { describeGrace } from '../draining-pods.js';
import { type BakeBeyondDeadline, type RecreateDrain, findBakeBeyondDeadline, findRecreateDrain } from '../rollout-settings.js';
import { findRolloutOutage } from '../rollout-outage.js';
import { describeRolloutOutage } from './rollout-outage-finding.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';
import { capitalize, formatSpanLong } from '../../text.js';

/**
 * A rollout held by the Deployment's own settings (rollout-settings.ts): a minReadySeconds the
 * progress deadline cannot hold, a Recreate waiting on a long drain, or a Recreate (or a
 * maxUnavailable covering every replica) that left no ready pod during a rollout of the last hour
 * (rollout-outage.ts). The mechanism, not the new code: it says what the settings do, when it ends,
 * and advises no rollback.
 */
export function analyzeRolloutSettings(ev: TriageEvidence): Finding[] {
  const bake = findBakeBeyondDeadline(ev);
  if (bake !== undefined) return [describeBake(ev, bake)];
  const recreate = findRecreateDrain(ev);
  if (recreate !== undefined) return [describeRecreate(ev, recreate)];
  const outage = findRolloutOutage(ev);
  return outage === undefined ? [] : [describeRolloutOutage(ev, outage)];
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function confirmSettings(ev: TriageEvidence, fields: string): string[] {
  const ref = formatWorkloadRef(ev.target);
  return [
    formatKubectl(ev.target, `get ${ref} -o jsonpath='${fields}'`),
    formatKubectl(ev.target, `get pods -o wide -l ${formatWorkloadSelector(ev.target, ev.workload?.selector)}`),
  ];
}

function describeBake(ev: TriageEvidence, b: BakeBeyondDeadline): Finding {
  const n = b.pods.length;
  const bake = formatSpanLong(b.minReadySeconds * 1000);
  const inMs = msBetween(ev.collectedAt, b.availableAt);
  const when = inMs > 0 ? `in ${formatSpan(inMs)}` : 'now';
  const deadline = `progressDeadlineSeconds ${b.deadlineSeconds}${b.deadlineDefaulted ? ' (the default)' : ''}`;
  const fix = `keep minReadySeconds below progressDeadlineSeconds (lower minReadySeconds ${b.minReadySeconds}, or raise progressDeadlineSeconds above it)`;
  return {
    id: 'rollout-settings/min-ready-seconds',
    kind: 'rollout-settings',
    title: `minReadySeconds ${b.minReadySeconds} is not below ${deadline}: the ${n} new ${plural(n, 'pod', 'pods')} of revision ${b.revision.revision} ${plural(n, 'is', 'are')} Running and Ready but count as available only after ${bake} Ready, so the rollout passed its deadline before any could`,
    layer: 'rollout/change',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `spec.minReadySeconds ${b.minReadySeconds}; spec.progressDeadlineSeconds ${b.deadlineDefaulted ? `not reported (the API's default is ${b.deadlineSeconds})` : b.deadlineSeconds}`,
      ...b.pods.map((p) => {
        const since = findCondition(p.conditions, 'Ready')?.lastTransitionTime;
        return `${p.name}: Running and Ready${since ? ` since ${formatAgo(since, ev.collectedAt)}` : ''}, not yet available`;
      }),
    ],
    likelyCause: `A new pod counts as available only after it has been Ready for minReadySeconds (${b.minReadySeconds} s), and the controller marks a rollout failed (Progressing=False, ProgressDeadlineExceeded) when it shows no progress for progressDeadlineSeconds (${b.deadlineSeconds} s). With the first not below the second no step of the rollout can show progress in time. The new pods are healthy: nothing shows revision ${b.revision.revision} faulty.`,
    nextAction: `No rollback: the new pods turn available ${when} and the rollout then goes on, each step again waiting ${bake}. To stop it being marked failed at every step, ${fix}.`,
    fix: `the new pods turn available ${when}, nothing to revert; ${fix}`,
    passesBy: `the new pods have been Ready ${b.minReadySeconds} s and count as available (${when})`,
    confirmCommands: confirmSettings(ev, '{.spec.minReadySeconds} {.spec.progressDeadlineSeconds} {.status.conditions[?(@.type=="Progressing")].reason}'),
    affected: { pods: b.pods.map((p) => p.name) },
  };
}

function describeRecreate(ev: TriageEvidence, r: RecreateDrain): Finding {
  const { drain } = r;
  const n = drain.pods.length;
  const inMs = drain.goneBy === undefined ? undefined : msBetween(ev.collectedAt, drain.goneBy);
  const when = inMs === undefined ? `within ${formatSpanLong(drain.graceSeconds * 1000)} of their delete` : `in ${formatSpan(inMs)}`;
  const revision = r.revision ? `revision ${r.revision.revision}` : 'the new revision';
  const nothingReady = !ev.pods.some((p) => p.ready);
  // The rollout is the trigger, though the pods that fail are the old revision's: the title dates it.
  const rolled = r.revision ? ` (rolled out ${formatAgo(r.revision.createdAt, ev.collectedAt)})` : '';
  const fix = `switch the Deployment to strategy RollingUpdate (old pods serve while new ones start) or shorten the drain (terminationGracePeriodSeconds ${drain.graceSeconds}: move long work to Jobs), so a rollout does not take the service down`;
  return {
    id: 'rollout-settings/recreate-drain',
    kind: 'rollout-settings',
    title: `Strategy Recreate holds back ${revision}${rolled} until its ${n} old ${plural(n, 'pod', 'pods')}, still Terminating, end their drain of ${describeGrace(drain.graceSeconds)}, ${when}: Recreate starts no new pod before then${nothingReady ? ', so no pod serves' : ''}`,
    ...(rolled ? { datesChange: true } : {}),
    layer: 'rollout/change',
    severity: nothingReady ? 'critical' : 'warning',
    confidence: 'high',
    evidence: [
      `spec.strategy.type Recreate; terminationGracePeriodSeconds ${drain.graceSeconds}${drain.preStop ? `; preStop ${drain.preStop}` : ''}`,
      ...drain.pods.map((p) => `${p.name}: Terminating${p.deletionTimestamp ? `, deletionTimestamp ${p.deletionTimestamp}` : ''}, containers still running`),
      `no pod of ${revision} exists yet`,
    ],
    likelyCause: `With strategy Recreate the controller scales the old ReplicaSet to 0 and creates the new pods only once every old pod has terminated. The old pods shut down slowly on purpose (${describeGrace(drain.graceSeconds)}${drain.preStop ? ', a preStop hook that drains' : ''}) and, Terminating, are out of the Service's endpoints, so for the whole drain nothing serves. ${capitalize(revision)} has not started yet: nothing shows it faulty.`,
    nextAction: `No rollback: it would wait on the same drain. The new pods start when the old ones are gone (${when}); then ${fix}.`,
    fix: `wait for the drain to end (${when}; the new pods start then); then ${fix}`,
    passesBy: `the old pods are gone (${when}) and Recreate starts the new ones`,
    confirmCommands: confirmSettings(ev, '{.spec.strategy.type} {.spec.template.spec.terminationGracePeriodSeconds}'),
    affected: { pods: drain.pods.map((p) => p.name), services: listSelectingServices(ev).map((s) => s.name) },
  };
}

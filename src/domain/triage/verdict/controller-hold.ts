/**
 * The verdict's scope and action when the controller itself holds the change back: a paused
 * Deployment (its template's newer change reaches no pod, and an undo is refused until it is
 * resumed), or a StatefulSet whose ordered rolling update waits forever on a broken pod of an old
 * revision. The action then unblocks the controller; a rollback would change nothing.
 */
import type { RevisionEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { readRolloutHold } from '../rollout-control.js';
import type { PausedRollout, StuckStatefulPods } from '../rollout-control.js';
import { formatAgo } from '../time-span.js';
import { budgetSpentAction, describeBudgetSpent } from '../daemonset-budget.js';
import type { Differential } from './differential.js';
import { findHeldBack } from './held-back.js';
import type { HeldBack } from './held-back.js';

/** "the Deployment is paused (since 1h 35m ago), so its template's change (…) reaches no pod: …" */
export function describePaused(ev: TriageEvidence, hold: PausedRollout): string {
  const since = hold.since ? ` (since ${formatAgo(hold.since, ev.collectedAt)})` : '';
  const running = hold.running ? `: the pods still run revision ${hold.running.revision}` : '';
  const more = hold.pending.length > 1 ? `, +${hold.pending.length - 1} more` : '';
  if (hold.pending.length > 0) return `the Deployment is paused${since}, so its template's newer change (${hold.pending[0] ?? ''}${more}) gets no ReplicaSet and reaches no pod${running}`;
  if (hold.revertedTo) return `the Deployment is paused${since}, so its template, back to revision ${hold.revertedTo.revision}'s, reaches no pod${running}`;
  return `the Deployment is paused${since}: no change rolls out until it is resumed`;
}

/** Resume first: a paused Deployment neither rolls out its template nor accepts an undo. */
export function pausedAction(ev: TriageEvidence, hold: PausedRollout, rollbackTo?: RevisionEvidence): string | undefined {
  const resume = formatKubectl(ev.target, `rollout resume ${formatWorkloadRef(ev.target)}`);
  if (hold.pending.length > 0 || hold.revertedTo) {
    return `Resume the rollout so the template's change reaches the pods (\`${resume}\` — the bot will not); a rollback would not apply while the Deployment is paused, and the template already holds a newer version`;
  }
  if (rollbackTo === undefined) return undefined;
  const undo = formatKubectl(ev.target, `rollout undo ${formatWorkloadRef(ev.target)} --to-revision=${rollbackTo.revision}`);
  return `Resume the Deployment, then roll back to revision ${rollbackTo.revision} (\`${resume}\`, then \`${undo}\` — the bot will not): an undo is refused while it is paused`;
}

function listNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

/** "kvstore-2 still runs revision 8, not the update revision 9 …: … never replaces it" */
export function describeStuck(ev: TriageEvidence, hold: StuckStatefulPods, healthyOnUpdate: number): string {
  const names = hold.pods.map((p) => p.pod.name);
  const one = names.length === 1;
  const old = [...new Set(hold.pods.map((p) => p.revision?.revision ?? '?'))].join(', ');
  const fine = healthyOnUpdate > 0 ? ` (it runs fine on ${healthyOnUpdate} pod${healthyOnUpdate === 1 ? '' : 's'})` : '';
  return `${listNames(names)} still run${one ? 's' : ''} revision ${old}, not the update revision ${hold.update.revision}${fine}: a StatefulSet's rolling update waits for every pod to be Running and Ready before it replaces one, so it never replaces ${one ? 'it' : 'them'}`;
}

export function stuckAction(ev: TriageEvidence, hold: StuckStatefulPods): string {
  const first = hold.pods[0]?.pod.name ?? '<pod>';
  const del = formatKubectl(ev.target, `delete pod ${first}`);
  const rest = hold.pods.length > 1 ? ', then the next once it is ready' : '';
  return `Delete ${first} so the controller recreates it on revision ${hold.update.revision} (\`${del}\`${rest} — the bot will not); no rollback is needed, the template is already revision ${hold.update.revision}`;
}

/**
 * What holds the change back, for the verdict: a fix the rollout has not reached (held-back), or
 * the controller's own state. A hold with an action wins; otherwise their texts are joined.
 */
export function findRolloutBlock(ev: TriageEvidence, d: Differential, rollbackTo?: RevisionEvidence): HeldBack | undefined {
  const held = findHeldBack(ev, d);
  if (held?.action !== undefined) return held;
  const hold = readRolloutHold(ev);
  if (hold === undefined || d.failing.length === 0) return held;
  if (hold.kind === 'budget-spent') return { text: describeBudgetSpent(hold), action: budgetSpentAction(hold) };
  if (hold.kind === 'stuck-pods') {
    const healthy = d.healthy.filter((p) => p.revisionHash === hold.update.hash).length;
    return { text: describeStuck(ev, hold, healthy), action: stuckAction(ev, hold) };
  }
  const text = describePaused(ev, hold);
  const action = pausedAction(ev, hold, rollbackTo);
  return { text: held ? `${held.text}; ${text}` : text, ...(action ? { action } : {}) };
}

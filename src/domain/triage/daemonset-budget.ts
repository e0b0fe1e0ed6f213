/**
 * A DaemonSet's rolling update without surge replaces at most maxUnavailable nodes' pods at a
 * time, and counts every node whose daemon pod is not available against that budget — whatever
 * revision the pod runs. A pod stuck unready on a NotReady node (DaemonSet pods tolerate the
 * unreachable taint, so nothing evicts them) spends the whole budget of maxUnavailable 1: the
 * controller then updates no pod anywhere, and the new revision never runs. A rollback changes
 * nothing; the node (or the budget) does.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { sortRevisions } from './revision-diff.js';
import { MINUTE_MS, msBetween } from './time-span.js';

export interface BudgetSpent {
  kind: 'budget-spent';
  /** The update revision: what the template says every node should run. */
  update: RevisionEvidence;
  /** maxUnavailable as written ("1", "10%") and resolved against the desired count. */
  maxUnavailable: string;
  budget: number;
  desired: number;
  updated: number;
  /** Pods of older revisions that are not ready: they fill the budget. `nodeDown` when their node is not Ready. */
  unavailable: { pod: PodEvidence; nodeDown: boolean }[];
}

/** A rollout younger than this may just be taking its first steps. */
const SETTLE_MS = 10 * MINUTE_MS;

/** An int-or-percent against the desired count; percentages round up, as the controller does. */
function resolve(v: string, desired: number): number | undefined {
  const pct = /^(\d+)%$/.exec(v);
  if (pct) return Math.ceil((Number(pct[1]) * desired) / 100);
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

function isNodeDown(ev: TriageEvidence, name: string | undefined): boolean {
  const n = name === undefined ? undefined : ev.nodes.find((x) => x.name === name);
  const ready = n === undefined ? undefined : findCondition(n.conditions, 'Ready');
  return ready !== undefined && ready.status !== 'True';
}

/** A DaemonSet update none of whose new pods fail, held because unready old pods spend its budget. */
export function readBudgetSpent(ev: TriageEvidence): BudgetSpent | undefined {
  const w = ev.workload;
  if (w?.kind !== 'DaemonSet' || w.rollingUpdate === undefined || w.onDelete === true) return undefined;
  const desired = w.specReplicas;
  // With surge the controller starts new pods beside the old ones, and unready old pods do not stop it.
  if (resolve(w.rollingUpdate.maxSurge, desired) !== 0) return undefined;
  const budget = resolve(w.rollingUpdate.maxUnavailable, desired);
  const [update] = sortRevisions(ev.revisions);
  if (budget === undefined || budget === 0 || update === undefined || w.updatedReplicas >= desired) return undefined;
  if (w.currentRevision !== undefined && w.currentRevision !== update.revision) return undefined;
  if (msBetween(update.createdAt, ev.collectedAt) < SETTLE_MS) return undefined;
  // A new pod that fails is the new revision's own story.
  if (ev.pods.some((p) => p.revisionHash === update.hash && !p.ready)) return undefined;
  const unavailable = ev.pods.filter((p) => p.revisionHash !== undefined && p.revisionHash !== update.hash && !p.ready).map((pod) => ({ pod, nodeDown: isNodeDown(ev, pod.nodeName) }));
  if (unavailable.length < budget) return undefined;
  return { kind: 'budget-spent', update, maxUnavailable: w.rollingUpdate.maxUnavailable, budget, desired, updated: w.updatedReplicas, unavailable };
}

function listPods(hold: BudgetSpent): string {
  const down = hold.unavailable.every((u) => u.nodeDown) ? ` unready on ${hold.unavailable.length === 1 ? 'a NotReady node' : 'NotReady nodes'}` : ' unready';
  const more = hold.unavailable.length > 2 ? ` and ${hold.unavailable.length - 2} more` : '';
  return `${hold.unavailable.slice(0, 2).map((u) => u.pod.name).join(', ')}${more},${down},`;
}

/** "revision 14 reached 0/6 nodes: …" */
export function describeBudgetSpent(hold: BudgetSpent): string {
  const none = hold.updated === 0 ? ' (none updated)' : '';
  return `revision ${hold.update.revision} reached ${hold.updated}/${hold.desired} nodes${none}: the DaemonSet's rolling update (maxUnavailable ${hold.maxUnavailable}, no surge) counts ${listPods(hold)} against that budget and updates no other pod`;
}

export function budgetSpentAction(hold: BudgetSpent): string {
  const down = [...new Set(hold.unavailable.filter((u) => u.nodeDown).map((u) => u.pod.nodeName ?? ''))].filter((n) => n !== '');
  const first = down.length > 0
    ? `Deal with node ${down.join(', ')} (drain and replace it, or delete the Node object if the machine is gone)`
    : `Fix or delete the unready pod${hold.unavailable.length === 1 ? '' : 's'} (${hold.unavailable.map((u) => u.pod.name).slice(0, 3).join(', ')})`;
  return `${first} or raise maxUnavailable for the rollout, so the controller goes on (the bot will do neither); a rollback would change nothing: revision ${hold.update.revision} has not run anywhere yet`;
}

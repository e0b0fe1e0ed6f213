/**
 * The failing pods all run an older revision while the newest one runs fine: the fix (or the
 * change that avoids the failure) is out, and the rollout has not reached them — a StatefulSet
 * partition left set, a paused Deployment, a rollout still under way. Rolling back is then the
 * wrong move; finishing the rollout is the mitigation.
 */
import type { RevisionEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import type { Differential } from './differential.js';

export interface HeldBack {
  /** "only pods of revision 12 fail; revision 13 (41m ago) runs fine on 2 pods; the rollout stops at partition 3…" */
  text: string;
  /** Set when something holds the rollout (a partition, a pause): how to let it go on. */
  action?: string;
}

export function findHeldBack(ev: TriageEvidence, d: Differential): HeldBack | undefined {
  const [newest] = sortRevisions(ev.revisions);
  if (newest === undefined || d.failing.length === 0) return undefined;
  const failingHashes = unique(d.failing.map((p) => p.revisionHash ?? '?'));
  if (failingHashes.some((h) => h === '?' || h === newest.hash)) return undefined;
  const healthyNew = d.healthy.filter((p) => p.revisionHash === newest.hash).length;
  const old = failingHashes.map((h) => ev.revisions.find((r) => r.hash === h)?.revision ?? '?').join(', ');
  const onDelete = ev.workload?.onDelete === true;
  if (healthyNew === 0) return onDelete ? describeOnDelete(ev, d, newest, old) : undefined;
  const ref = formatWorkloadRef(ev.target);
  const partition = ev.workload?.partition;
  const paused = ev.workload?.paused === true;
  if (onDelete) return { text: `only pods of revision ${old} fail; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) runs fine on ${healthyNew} pod${healthyNew === 1 ? '' : 's'}; ${ON_DELETE}`, action: deleteOneByOne(ev, d, newest) };
  const held = partition !== undefined ? `; the rollout stops at partition ${partition}, so ordinals below ${partition} keep the old revision` : paused ? '; the rollout is paused' : '';
  const text = `only pods of revision ${old} fail; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) runs fine on ${healthyNew} pod${healthyNew === 1 ? '' : 's'}${held}`;
  if (partition !== undefined) {
    const patch = formatKubectl(ev.target, `patch ${ref} -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'`);
    return { text, action: `Let the rollout reach the failing pods: set the partition to 0 (\`${patch}\` — the bot will not); do not roll back` };
  }
  if (paused) return { text, action: `Resume the rollout so it reaches the failing pods (\`${formatKubectl(ev.target, `rollout resume ${ref}`)}\` — the bot will not); do not roll back` };
  return { text };
}

const ON_DELETE = 'the update strategy is OnDelete, so pods take a new revision only when deleted';

/**
 * OnDelete: the controller never replaces a pod by itself, so a revision can be hours old and
 * run nowhere. Not the rollout's fault then: nothing has run it, and the failing pods are older.
 */
function describeOnDelete(ev: TriageEvidence, d: Differential, newest: RevisionEvidence, old: string): HeldBack {
  const n = d.failing.length;
  const text = `revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) has reached none of them: ${ON_DELETE}, and ${n === 1 ? 'the failing pod still runs' : `all ${n} failing pods still run`} revision ${old}`;
  return { text, action: deleteOneByOne(ev, d, newest) };
}

function deleteOneByOne(ev: TriageEvidence, d: Differential, newest: RevisionEvidence): string {
  const first = d.failing[0]?.name ?? '<pod>';
  const del = formatKubectl(ev.target, `delete pod ${first}`);
  return `Delete the failing pods one at a time so they come back on revision ${newest.revision} (\`${del}\`, then the next once it is ready — the bot will not), and set the update strategy back to RollingUpdate; do not roll back`;
}

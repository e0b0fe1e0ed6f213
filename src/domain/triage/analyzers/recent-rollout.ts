import type { TriageEvidence } from '../evidence.js';
import { findFirstFailure } from '../failure-onset.js';
import type { Confidence, Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import { isPodFailing, isPodHealthy, limitLines, listNodesOf, severityForPods } from '../pod-status.js';
import { diffRevisions, sortRevisions, summarizeChange } from '../revision-diff.js';
import { HOUR_MS, MINUTE_MS, earliest, formatAgo, formatClock, formatSpan, msBetween } from '../time-span.js';
import { compareFailingHealthy } from '../verdict/differential.js';
import { pausedAction } from '../verdict/controller-hold.js';
import { readRolloutHold } from '../rollout-control.js';
import { describeRollback, findRollback } from '../revision-rollback.js';
import { findDownwardLimitRemoval } from '../downward-unset-limit.js';
import { clipMiddle } from '../collapse-events.js';

/** A change quoted in a title is cut as the headline cuts it (a whole shell script is not a title); the evidence keeps the diff in full. */
const CHANGE_MAX = 160;

/** A revision created this long before the first failure is a suspect; older ones are not. */
export const ROLLOUT_SUSPECT_MS = 2 * HOUR_MS;
/** Clock skew and event batching: a failure this much "before" the rollout still counts. */
const SKEW_MS = 2 * MINUTE_MS;

/**
 * What changed: the newest revision, created shortly before its pods began to fail, with
 * its diff against the one before. Not blamed when it is old (more than two hours before
 * the first failure), when its pods are fine, or when failures began before it existed.
 */
export function analyzeRecentRollout(ev: TriageEvidence): Finding[] {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (!newest) return [];
  const failing = ev.pods.filter((p) => isPodFailing(p, ev.collectedAt));
  if (failing.length === 0) return [];

  const hashed = failing.every((p) => p.revisionHash !== undefined);
  const failingNew = hashed ? failing.filter((p) => p.revisionHash === newest.hash) : failing;
  const failingOld = hashed ? failing.filter((p) => p.revisionHash !== newest.hash) : [];
  if (failingNew.length === 0) return [];

  const firstFailure = earliest(failingNew.map((p) => findFirstFailure(ev, p)));
  if (firstFailure === undefined) return [];
  // A rollout undo brings an old ReplicaSet back: it was rolled out when it was scaled back up.
  const rollback = findRollback(ev);
  const rolledOut = rollback?.at ?? newest.createdAt;
  const back = rollback === undefined ? '' : ` (${describeRollback(rollback)})`;
  const gap = msBetween(rolledOut, firstFailure);
  if (!(gap >= -SKEW_MS && gap <= ROLLOUT_SUSPECT_MS)) return [];

  const diff = previous ? diffRevisions(previous, newest) : [];
  const headline = previous ? summarizeChange(previous, newest) : undefined;
  const healthyPrevious = previous ? ev.pods.filter((p) => p.revisionHash === previous.hash && isPodHealthy(p, ev.collectedAt)) : [];
  const newPods = ev.pods.filter((p) => p.revisionHash === newest.hash);
  // Does the change explain all of it? Not when the same revision runs fine beside the failures.
  const healthyNew = newPods.filter((p) => isPodHealthy(p, ev.collectedAt));
  const split = compareFailingHealthy(ev, failingNew).separating.find((x) => x.attribute !== 'revision' && x.attribute !== 'image');
  // A limit the revision removed while a variable still reads it through the Downward API sizes the pods
  // from their nodes: the node split is where the change shows, not what clears it.
  const nodeSized = previous !== undefined && findDownwardLimitRemoval(previous, newest) !== undefined;
  const exonerated = hashed && healthyNew.length >= 2 && split !== undefined && !nodeSized;
  const firstInstall = previous === undefined && newest.revision === 1;
  // A later revision alone in the history: its earlier ReplicaSets were pruned (revisionHistoryLimit) or deleted.
  const historyGone = previous === undefined && newest.revision > 1;

  let confidence: Confidence;
  if (!hashed) confidence = diff.length > 0 ? 'medium' : 'low';
  else if (failingOld.length > 0 || exonerated || firstInstall) confidence = 'low';
  else confidence = healthyPrevious.length > 0 || diff.length > 0 ? 'high' : 'medium';

  const evidence = [
    `revision ${newest.revision} (${newest.name})${back} ${rollback?.at !== undefined ? 'scaled back up' : 'created'} ${formatClock(rolledOut)}, ${formatAgo(rolledOut, ev.collectedAt)}; first failure ${gap >= 0 ? `${formatSpan(gap)} later` : 'at the same time'}`,
  ];
  if (newest.changeCause) evidence.push(`change cause: ${newest.changeCause}`);
  if (previous) {
    evidence.push(...(diff.length > 0 ? limitLines(diff, 12) : [`no template change against revision ${previous.revision} (a rollout restart, or labels and annotations only)`]));
  } else if (historyGone) {
    evidence.push(`revision ${newest.revision} is the only revision kept: the ReplicaSets of earlier revisions are gone (revisionHistoryLimit, or deleted), so nothing earlier to compare with`);
  } else {
    evidence.push(`revision ${newest.revision} is the first: a first install, with nothing earlier to compare with`);
  }
  if (hashed) {
    evidence.push(`failing: ${failingNew.length}/${newPods.length} pods of revision ${newest.revision}` + (previous ? `; revision ${previous.revision}: ${healthyPrevious.length} healthy pod${healthyPrevious.length === 1 ? '' : 's'}` : ''));
    if (failingOld.length > 0) evidence.push(`${failingOld.length} pods of older revisions fail too, so the rollout may not be the cause`);
    if (exonerated && split) evidence.push(`${healthyNew.length} pods of revision ${newest.revision} are healthy; the failing ones are all on ${split.attribute} ${split.failing.join(', ')}`);
  }

  const ref = formatWorkloadRef(ev.target);
  const undo = previous ? formatKubectl(ev.target, `rollout undo ${ref} --to-revision=${previous.revision}`) : undefined;
  const stsNote = ev.target.kind === 'StatefulSet' ? ' A StatefulSet may keep a broken pod until it is deleted after the undo.' : '';
  let likelyCause: string;
  let nextAction: string;
  if (historyGone) {
    likelyCause = `The failures began with revision ${newest.revision}, but the earlier revisions' ReplicaSets are no longer kept: there is no template to compare it with, and \`kubectl rollout undo\` has nothing to go back to.`;
    nextAction = `To mitigate, redeploy what ran before by hand${newest.changeCause ? ` (the change cause says what changed: "${newest.changeCause}")` : ''}; keep some revision history (revisionHistoryLimit) so the next rollback is one command.`;
  } else if (firstInstall) {
    likelyCause = `This is the workload's first revision, so there is no earlier version to compare with or return to: what fails is in how it was first set up (see the other findings).`;
    nextAction = `There is no earlier revision: fix forward from the other findings.`;
  } else if (exonerated && split) {
    likelyCause = `Revision ${newest.revision} runs fine on ${healthyNew.length} pods; its failing pods all sit on ${split.attribute} ${split.failing.join(', ')}. The rollout is not what breaks them.`;
    nextAction = `Look at ${split.attribute} ${split.failing.join(', ')} rather than the rollout.`;
  } else if (confidence === 'low') {
    likelyCause = `The rollout came shortly before the failures, but ${failingOld.length > 0 ? 'older pods fail too' : 'nothing in its diff stands out'}; it is a suspect, not a verdict. The pods' own findings say more.`;
    nextAction = `Check whether the pods' failure follows from what revision ${newest.revision} changed before rolling back.`;
  } else {
    likelyCause = `The failures started with revision ${newest.revision}${healthyPrevious.length > 0 ? ` while pods of revision ${previous?.revision ?? '?'} keep working` : ''}: the change is the likeliest trigger.`;
    // A paused Deployment refuses an undo and holds back any newer template: resuming comes first.
    const hold = readRolloutHold(ev);
    const resume = hold?.kind === 'paused' ? pausedAction(ev, hold, previous) : undefined;
    nextAction = resume !== undefined
      ? `Mitigate: ${resume.charAt(0).toLowerCase()}${resume.slice(1)}; then find what in revision ${newest.revision} breaks.`
      : rollback !== undefined
        ? `Mitigate: roll forward to revision ${previous?.revision ?? '?'}, what ran before the rollback (\`${undo ?? ''}\`; the bot will not run it), not to anything older; then find what the rollback was meant to fix.`
        : `Mitigate: roll back to revision ${previous?.revision ?? '?'} (\`${undo ?? ''}\`; the bot will not run it), then find what in revision ${newest.revision} breaks.${stsNote}`;
  }
  return [
    {
      id: `recent-rollout/${newest.revision}`,
      kind: 'recent-rollout',
      title: historyGone
        ? `Revision ${newest.revision} rolled out ${formatAgo(rolledOut, ev.collectedAt)}, the only revision kept: its earlier ReplicaSets are gone, so nothing to compare with or roll back to`
        : firstInstall
        ? `First install: revision ${newest.revision} created ${formatAgo(newest.createdAt, ev.collectedAt)}`
        : exonerated && split
          ? `Revision ${newest.revision} (rolled out ${formatAgo(rolledOut, ev.collectedAt)}) runs fine on ${healthyNew.length} pods; its failing pods are all on ${split.attribute} ${split.failing.join(', ')}: not the rollout`
        : `Revision ${newest.revision}${back} rolled out ${formatAgo(rolledOut, ev.collectedAt)}, ${formatSpan(Math.max(gap, 0))} before the failures began` +
          (headline ? ` (${clipMiddle(headline, CHANGE_MAX)}${diff.length > 1 ? `, +${diff.length - 1} more change${diff.length > 2 ? 's' : ''}` : ''})` : ''),
      layer: 'rollout/change',
      severity: exonerated || firstInstall ? 'info' : confidence === 'low' ? 'warning' : severityForPods(ev, failingNew.length),
      confidence,
      evidence,
      likelyCause,
      nextAction,
      confirmCommands: [
        formatKubectl(ev.target, `rollout history ${ref} --revision=${newest.revision}`),
        ...(previous ? [formatKubectl(ev.target, `rollout history ${ref} --revision=${previous.revision}`)] : []),
        formatKubectl(ev.target, `get ${ev.target.kind === 'Deployment' ? 'replicasets' : 'controllerrevisions'} -o wide -l ${formatWorkloadSelector(ev.target, ev.workload?.selector)}`),
      ],
      affected: { pods: failingNew.map((p) => p.name), nodes: listNodesOf(failingNew) },
    },
  ];
}

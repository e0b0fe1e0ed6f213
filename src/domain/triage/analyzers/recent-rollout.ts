import type { IsoTime, PodEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import type { Confidence, Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import {
  HISTORY_MS,
  getLastTermination,
  isPodFailing,
  isPodHealthy,
  limitLines,
  listContainers,
  listNodesOf,
  severityForPods,
} from '../pod-status.js';
import { diffRevisions, sortRevisions, summarizeChange } from '../revision-diff.js';
import { HOUR_MS, MINUTE_MS, earliest, formatAgo, formatClock, formatSpan, isWithin, msBetween } from '../time-span.js';

/** A revision created this long before the first failure is a suspect; older ones are not. */
export const ROLLOUT_SUSPECT_MS = 2 * HOUR_MS;
/** Clock skew and event batching: a failure this much "before" the rollout still counts. */
const SKEW_MS = 2 * MINUTE_MS;

const FAILURE_EVENT_REASONS = ['BackOff', 'Failed', 'Unhealthy', 'FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'Evicted', 'Killing'];

/** When this pod started failing: its first warning event, last bad exit, or its creation. */
function findFirstFailure(ev: TriageEvidence, pod: PodEvidence): IsoTime | undefined {
  const events = listPodEvents(ev, FAILURE_EVENT_REASONS, [pod.name]).filter((e) => e.type === 'Warning' && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS));
  const exits = listContainers(pod).map((r) => getLastTermination(r.container)?.finishedAt);
  return earliest([...events.map((e) => e.firstSeen), ...exits]) ?? pod.createdAt ?? pod.startTime;
}

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
  const gap = msBetween(newest.createdAt, firstFailure);
  if (!(gap >= -SKEW_MS && gap <= ROLLOUT_SUSPECT_MS)) return [];

  const diff = previous ? diffRevisions(previous, newest) : [];
  const headline = previous ? summarizeChange(previous, newest) : undefined;
  const healthyPrevious = previous ? ev.pods.filter((p) => p.revisionHash === previous.hash && isPodHealthy(p, ev.collectedAt)) : [];
  const newPods = ev.pods.filter((p) => p.revisionHash === newest.hash);

  let confidence: Confidence;
  if (!hashed) confidence = diff.length > 0 ? 'medium' : 'low';
  else if (failingOld.length > 0) confidence = 'low';
  else confidence = healthyPrevious.length > 0 || diff.length > 0 ? 'high' : 'medium';

  const evidence = [
    `revision ${newest.revision} (${newest.name}) created ${formatClock(newest.createdAt)}, ${formatAgo(newest.createdAt, ev.collectedAt)}; first failure ${gap >= 0 ? `${formatSpan(gap)} later` : 'at the same time'}`,
  ];
  if (newest.changeCause) evidence.push(`change cause: ${newest.changeCause}`);
  if (previous) {
    evidence.push(...(diff.length > 0 ? limitLines(diff, 8) : [`no image, env or resource change against revision ${previous.revision} (a rollout restart or another template field)`]));
  }
  if (hashed) {
    evidence.push(`failing: ${failingNew.length}/${newPods.length} pods of revision ${newest.revision}` + (previous ? `; revision ${previous.revision}: ${healthyPrevious.length} healthy pod${healthyPrevious.length === 1 ? '' : 's'}` : ''));
    if (failingOld.length > 0) evidence.push(`${failingOld.length} pods of older revisions fail too, so the rollout may not be the cause`);
  }

  const ref = formatWorkloadRef(ev.target);
  const undo = previous ? formatKubectl(ev.target, `rollout undo ${ref} --to-revision=${previous.revision}`) : undefined;
  const stsNote = ev.target.kind === 'StatefulSet' ? ' A StatefulSet may keep a broken pod until it is deleted after the undo.' : '';
  return [
    {
      id: `recent-rollout/${newest.revision}`,
      kind: 'recent-rollout',
      title:
        `Revision ${newest.revision} rolled out ${formatAgo(newest.createdAt, ev.collectedAt)}, ${formatSpan(Math.max(gap, 0))} before the failures began` +
        (headline ? ` (${headline}${diff.length > 1 ? `, +${diff.length - 1} more change${diff.length > 2 ? 's' : ''}` : ''})` : ''),
      layer: 'rollout/change',
      severity: confidence === 'low' ? 'warning' : severityForPods(ev, failingNew.length),
      confidence,
      evidence,
      likelyCause:
        confidence === 'low'
          ? `The rollout came shortly before the failures, but ${failingOld.length > 0 ? 'older pods fail too' : 'nothing in its diff stands out'}; it is a suspect, not a verdict. The pods' own findings say more.`
          : `The failures started with revision ${newest.revision}${healthyPrevious.length > 0 ? ` while pods of revision ${previous?.revision ?? '?'} keep working` : ''}: the change is the likeliest cause.`,
      nextAction: undo
        ? `Mitigate: roll back to revision ${previous?.revision ?? '?'} (\`${undo}\`; the bot will not run it), then find what in revision ${newest.revision} breaks.${stsNote}`
        : `There is no earlier revision to roll back to; fix forward from the findings below.`,
      confirmCommands: [
        formatKubectl(ev.target, `rollout history ${ref} --revision=${newest.revision}`),
        ...(previous ? [formatKubectl(ev.target, `rollout history ${ref} --revision=${previous.revision}`)] : []),
        formatKubectl(ev.target, `get ${ev.target.kind === 'Deployment' ? 'replicasets' : 'controllerrevisions'} -o wide -l ${formatWorkloadSelector(ev.target, ev.workload?.selector)}`),
      ],
      affected: { pods: failingNew.map((p) => p.name), nodes: listNodesOf(failingNew) },
    },
  ];
}

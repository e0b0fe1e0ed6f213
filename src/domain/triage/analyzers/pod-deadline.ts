import type { PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, formatWorkloadSelector } from '../kubectl-command.js';
import { diffRevisions, shortenImageChange, sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import { formatSpanLong } from '../../text.js';

/** Workloads whose pods are meant to run until replaced: a deadline on them is a countdown to a kill. */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The kubelet's status.reason for a pod that outlived spec.activeDeadlineSeconds. */
const DEADLINE_REASON = 'DeadlineExceeded';

/**
 * A long-running workload whose pods the kubelet failed for outliving spec.activeDeadlineSeconds
 * (phase Failed, reason DeadlineExceeded): the field is a Job's bound on a run, and in a
 * Deployment's template it kills every pod that long after it starts, however healthy. Names the
 * value as a lifetime and the revision that set it; the fix is removing it, not the code.
 */
export function analyzePodDeadline(ev: TriageEvidence): Finding[] {
  if (!LONG_RUNNING.has(ev.target.kind)) return [];
  const failed = ev.pods.filter((p) => p.phase === 'Failed' && p.reason === DEADLINE_REASON);
  if (failed.length === 0) return [];
  const seconds = failed.find((p) => p.activeDeadlineSeconds !== undefined)?.activeDeadlineSeconds ?? currentTemplateDeadline(ev);
  const lifetime = seconds === undefined ? 'its deadline' : formatSpanLong(seconds * 1000);
  const field = seconds === undefined ? 'activeDeadlineSeconds' : `activeDeadlineSeconds: ${seconds}`;
  const setBy = findSettingRevision(ev);
  const others = setBy === undefined ? [] : otherChanges(ev, setBy);
  const controller = ev.target.kind === 'Deployment' ? 'the ReplicaSet' : `the ${ev.target.kind}`;
  const n = failed.length;
  const ref = formatWorkloadRef(ev.target);
  const selector = formatWorkloadSelector(ev.target, ev.workload?.selector);
  const fix = `remove activeDeadlineSeconds from the ${ev.target.kind}'s pod template (it bounds a Job's run, not a server's life)`;
  return [{
    id: `pod-deadline/${ev.target.name}`,
    kind: 'pod-deadline',
    title: `${field} in the pod template — the kubelet fails every pod ${lifetime} after it starts (${DEADLINE_REASON}: ${n} ${n === 1 ? 'pod' : 'pods'} Failed) and ${controller} replaces it`,
    layer: 'runtime/probes',
    severity: 'critical',
    confidence: 'high',
    // The revision may also carry wanted changes (a new image): removing the field keeps them.
    ...(others.length === 0 ? {} : { rollbackUndoes: `undo the rest of revision ${setBy?.revision ?? ''} (${others.join('; ')})` }),
    decisive: failed[0]?.message ?? DEADLINE_REASON,
    evidence: [
      `spec.template.spec.activeDeadlineSeconds ${seconds ?? '(value not read)'}${seconds === undefined ? '' : ` (${lifetime})`}`,
      ...(setBy === undefined ? [] : [`revision ${setBy.revision} (${formatAgo(setBy.createdAt, ev.collectedAt)}) set it: activeDeadlineSeconds (unset) → ${setBy.template?.activeDeadlineSeconds ?? ''}`]),
      ...failed.slice(0, 4).map((p) => describeFailed(p, ev)),
      ...(n > 4 ? [`${n - 4} more pods Failed: ${DEADLINE_REASON}`] : []),
    ],
    likelyCause: `activeDeadlineSeconds is the longest a pod may be active, counted from its start; the kubelet then kills its containers and marks it Failed (${DEADLINE_REASON}), however healthy it is. It belongs on a Job; in a ${ev.target.kind}'s template every pod dies ${lifetime} after it starts, pods started together die together, and the Failed pods stay behind.`,
    nextAction: `Remove spec.template.spec.activeDeadlineSeconds from ${ref} (it is a Job setting; the bot will not edit it), then delete the Failed pods (\`${formatKubectl(ev.target, `delete pods --field-selector=status.phase=Failed -l ${selector}`)}\` — the bot will not).`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.template.spec.activeDeadlineSeconds}'`),
      formatKubectl(ev.target, `get pods -l ${selector} --field-selector=status.phase=Failed -o wide`),
    ],
    affected: { pods: failed.map((p) => p.name) },
  }];
}

function describeFailed(p: PodEvidence, ev: TriageEvidence): string {
  const started = p.startTime === undefined ? '' : `, started ${formatAgo(p.startTime, ev.collectedAt)}`;
  return `${p.name}: Failed: ${DEADLINE_REASON}${p.message ? ` — ${p.message}` : ''}${started}`;
}

function currentTemplateDeadline(ev: TriageEvidence): number | undefined {
  const current = ev.revisions.find((r) => r.revision === ev.workload?.currentRevision) ?? sortRevisions(ev.revisions)[0];
  return current?.template?.activeDeadlineSeconds;
}

/** What else the revision changed, shortened ("app image 3.1.4 → 3.2.0"), at most three lines. */
function otherChanges(ev: TriageEvidence, r: RevisionEvidence): string[] {
  const before = sortRevisions(ev.revisions).find((o) => o.revision < r.revision);
  if (before === undefined) return [];
  return diffRevisions(before, r).filter((l) => !l.startsWith('activeDeadlineSeconds')).slice(0, 3).map(shortenImageChange);
}

/** The newest revision whose template set activeDeadlineSeconds where the one before it had none. */
function findSettingRevision(ev: TriageEvidence): RevisionEvidence | undefined {
  const revisions = sortRevisions(ev.revisions);
  return revisions.find((r, i) => {
    const before = revisions[i + 1];
    return r.template?.activeDeadlineSeconds !== undefined && before?.template !== undefined && before.template.activeDeadlineSeconds === undefined;
  });
}

import type { TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';

/**
 * A Deployment whose rollout passed its progress deadline (Progressing=False,
 * ProgressDeadlineExceeded). A symptom: ranking folds it into whatever keeps the new pods
 * from becoming available (image pull, crash loop, scheduling).
 */
export function analyzeRolloutStalled(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (!w) return [];
  const progressing = findCondition(w.conditions, 'Progressing');
  if (progressing?.status !== 'False' || progressing.reason !== 'ProgressDeadlineExceeded') return [];
  const since = progressing.lastTransitionTime ? `, ${formatAgo(progressing.lastTransitionTime, ev.collectedAt)}` : '';
  const current = ev.revisions.find((r) => r.revision === w.currentRevision);
  const newPods = current ? ev.pods.filter((p) => p.revisionHash === current.hash) : ev.pods;
  const ref = formatWorkloadRef(ev.target);
  return [
    {
      id: 'rollout-stalled',
      kind: 'rollout-stalled',
      title: `Rollout of ${ev.target.name}${w.currentRevision !== undefined ? ` revision ${w.currentRevision}` : ''} stalled: progress deadline exceeded${since}`,
      layer: 'rollout/change',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `Progressing=False (ProgressDeadlineExceeded)${progressing.message ? `: ${progressing.message}` : ''}`,
        `${w.updatedReplicas} updated, ${w.readyReplicas} ready, ${w.availableReplicas} available of ${w.specReplicas} desired`,
      ],
      likelyCause: 'The new pods did not become available within progressDeadlineSeconds; the controller stopped waiting but does not roll back by itself. Why the new pods fail is the real question.',
      nextAction: `Find why the new pods are not available (see the other findings); roll back if they cannot be fixed quickly.`,
      confirmCommands: [formatKubectl(ev.target, `rollout status ${ref} --timeout=5s`), formatKubectl(ev.target, `describe ${ref}`)],
      affected: { pods: newPods.filter((p) => !p.ready).map((p) => p.name) },
    },
  ];
}

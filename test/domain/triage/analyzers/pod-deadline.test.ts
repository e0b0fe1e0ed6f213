import { describe, expect, it } from 'vitest';
import { analyzePodDeadline } from '../../../../src/domain/triage/analyzers/pod-deadline.js';
import { diffRevisions } from '../../../../src/domain/triage/revision-diff.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

const DEADLINE = 'Pod was active on the node longer than the specified deadline';
const template = (deadline?: number): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...(deadline === undefined ? {} : { activeDeadlineSeconds: deadline }) });

/** Revision 7 (3h ago) carried activeDeadlineSeconds 3600 into a Deployment's template: pods fail an hour after they start. */
function deadlined(kind: 'Deployment' | 'Job' = 'Deployment'): TriageEvidence {
  const failed = [0, 1, 2].map((i) => pod(i, {
    revisionHash: REV7.hash, phase: 'Failed', reason: 'DeadlineExceeded', message: DEADLINE, ready: false, activeDeadlineSeconds: 3600,
    createdAt: minutesAgo(181), startTime: minutesAgo(180),
    containers: [container({ image: IMAGE_V15, ready: false, state: terminated(0, 'Completed', 120, { runSeconds: 3598 }) })],
  }));
  const fresh = [3, 4, 5].map((i) => pod(i, { revisionHash: REV7.hash, activeDeadlineSeconds: 3600, createdAt: minutesAgo(60), startTime: minutesAgo(60) }));
  return baseEvidence({
    target: { service: 'payment-service', namespace: 'payments', kind, name: 'payment-service', context: 'prod-eu-west-1' },
    workload: workload({ kind, currentRevision: 7 }),
    pods: [...failed, ...fresh],
    revisions: [
      revision(REV6, minutesAgo(21 * 24 * 60), { template: template() }),
      revision(REV7, minutesAgo(181), { containers: [revisionContainer({ image: IMAGE_V15 })], template: template(3600), replicas: 3 }),
    ],
  });
}

describe('activeDeadlineSeconds in a long-running workload', () => {
  it('diffs a template that set activeDeadlineSeconds', () => {
    const ev = deadlined();
    const [older, newer] = ev.revisions;
    expect(diffRevisions(older!, newer!)).toContain('activeDeadlineSeconds: (unset) → 3600');
  });

  it('names the field, its value as a lifetime and the pods the kubelet failed, and advises removing it', () => {
    const [f] = analyzePodDeadline(deadlined());
    expect(f?.title).toMatch(/activeDeadlineSeconds: 3600/);
    expect(f?.title).toMatch(/1 hour after it starts/);
    expect(f?.title).toMatch(/DeadlineExceeded/);
    expect(f?.decisive).toBe(DEADLINE);
    expect(f?.fix).toMatch(/remove activeDeadlineSeconds/);
    expect(f?.nextAction).toMatch(/Job/);
  });

  it('leaves a Job alone: the deadline is what a Job is meant to have', () => {
    expect(analyzePodDeadline(deadlined('Job'))).toEqual([]);
  });

  it('heads the verdict with the deadline, dated by the revision that set it', () => {
    const report = buildTriageReport(deadlined(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/activeDeadlineSeconds/);
    expect(report.headline).toMatch(/revision 7/);
    // Removing the field keeps the image the revision also brought; the rollback is the fallback.
    expect(report.headline).toMatch(/^.*Remove activeDeadlineSeconds.*rolling back to revision 6 would also undo the rest of revision 7 \(app image 2.14.0 → 2.15.0\)/);
  });
});

// A quota the workload's own pods fill at their steady size refuses any rollout's surge pod, whatever
// the revision: a rollback would not remove that cause. When the new revision's pods ask for more of
// what the quota limits, the revision is what no longer fits, and a rollback still helps.
import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { ResourceQuotaEvidence } from '../../../src/domain/triage/evidence-context.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { TriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, IMAGE_V14, IMAGE_V15, NS, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const ROLLBACK = /roll(ing)? ?back to|rollout undo|undo the rollout/i;

function claims(r: TriageReport): string {
  return [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
}

/** Ten pods of revision 6 (PriorityClass critical) serve; revision 7 (26m ago) cannot create its first pod. */
function refusedRollout(message: string, quota: ResourceQuotaEvidence, newRequests = revisionContainer().resources): TriageEvidence {
  const pods = Array.from({ length: 10 }, (_, i) => pod(i, { priorityClassName: 'critical' }));
  return baseEvidence({
    pods,
    workload: workload({
      specReplicas: 10, replicas: 10, readyReplicas: 10, availableReplicas: 10, updatedReplicas: 0, currentRevision: 7,
      rolloutSettings: { strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '0' },
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: minutesAgo(26) },
        { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${APP}-${REV7.hash}" has timed out progressing.`, lastTransitionTime: minutesAgo(16) },
      ],
    }),
    events: [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message, count: 34, firstSeen: minutesAgo(26), lastSeen: minutesAgo(0.7), source: 'replicaset-controller' })],
    revisions: [
      revision(REV6, minutesAgo(11 * 24 * 60), { replicas: 10, containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(26), { replicas: 0, containers: [revisionContainer({ image: IMAGE_V15, resources: newRequests })] }),
    ],
    quotas: [quota],
    hpas: [],
  });
}

describe('a quota the workload fills at its steady size', () => {
  const message = `Error creating: pods "${APP}-${REV7.hash}-4xq7m" is forbidden: exceeded quota: critical-pods, requested: pods=1, used: pods=10, limited: pods=10`;
  const quota: ResourceQuotaEvidence = { name: 'critical-pods', hard: { pods: '10' }, used: { pods: '10' }, scopes: [{ name: 'PriorityClass', operator: 'In', values: ['critical'] }] };

  it('names the scope and that its own pods fill the limit, advises room for the surge or maxUnavailable, not a rollback', () => {
    const r = buildTriageReport(refusedRollout(message, quota), times);
    expect(r.headline).toContain('ResourceQuota critical-pods (PriorityClass In critical)');
    expect(r.headline).toMatch(/Deployment's own 10 running pods fill its pods limit of 10/);
    expect(r.headline).toMatch(/no room for a surge pod/);
    expect(r.headline).toMatch(/raise the pods limit of critical-pods to at least 13[^.]*maxUnavailable above 0/i);
    expect(claims(r)).not.toMatch(ROLLBACK);
    expect(r.headline.length).toBeLessThan(700);
  });

  it('dates it by the quota when the quota itself changed just before', () => {
    const ev = refusedRollout(message, quota);
    ev.namespaceObjects = [{ kind: 'ResourceQuota', name: 'critical-pods', createdAt: minutesAgo(60 * 24 * 60), changedAt: minutesAgo(31) }];
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/^Since ResourceQuota critical-pods was changed 31m ago: /);
    expect(claims(r)).not.toMatch(ROLLBACK);
  });

  it('still advises the rollback when the new revision asks for more of what the quota limits', () => {
    const cpu = `Error creating: pods "${APP}-${REV7.hash}-4xq7m" is forbidden: exceeded quota: compute, requested: requests.cpu=1, used: requests.cpu=2500m, limited: requests.cpu=3`;
    const compute: ResourceQuotaEvidence = { name: 'compute', hard: { 'requests.cpu': '3' }, used: { 'requests.cpu': '2500m' } };
    const r = buildTriageReport(refusedRollout(cpu, compute, { requests: { cpu: '1', memory: '512Mi' }, limits: { memory: '512Mi' } }), times);
    expect(r.headline).toMatch(ROLLBACK);
  });
});

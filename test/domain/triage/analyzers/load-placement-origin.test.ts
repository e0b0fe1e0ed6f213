import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { diffRevisions } from '../../../../src/domain/triage/revision-diff.js';
import type { PodTemplateEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_B, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, running, service, terminated, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const template = (nodeName?: string): PodTemplateEvidence => ({
  initContainers: [], volumes: [], imagePullSecrets: [],
  placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
  ...(nodeName === undefined ? {} : { nodeName }),
});

describe('a template pinned by spec.nodeName', () => {
  const rejected = (i: number) => pod(i, {
    revisionHash: REV7.hash, nodeName: NODE_B, phase: 'Failed', reason: 'OutOfcpu', ready: false, containers: [],
    message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 3350, capacity: 3920",
  });
  const evidence = (nodeName?: string) => baseEvidence({
    workload: workload({ specReplicas: 4, readyReplicas: 3 }),
    pods: [pod(0), pod(1), pod(2, { revisionHash: REV7.hash, nodeName: NODE_B }), rejected(3), rejected(4), rejected(5)],
    revisions: [revision(REV6, minutesAgo(13 * 24 * 60), { template: template() }), revision(REV7, minutesAgo(9), { template: template(nodeName) })],
  });

  it('shows nodeName in the revision diff', () => {
    expect(diffRevisions(revision(REV6, minutesAgo(60), { template: template() }), revision(REV7, minutesAgo(9), { template: template(NODE_B) }))).toContain(`nodeName: (unset) → ${NODE_B}`);
  });

  it('names the pin and the bypassed scheduler in the headline when the kubelet rejects the pods', () => {
    const report = buildTriageReport(evidence(NODE_B), times);
    expect(report.headline).toMatch(/pinned by nodeName/);
    expect(report.headline).toMatch(/bypasses the scheduler/);
    expect(report.headline).toMatch(/OutOfcpu/);
    expect(report.findings[0]?.evidence.join('\n')).toContain(`spec.nodeName: ${NODE_B}`);
  });

  it('still names the kubelet admission rejection when no template sets nodeName', () => {
    const report = buildTriageReport(evidence(), times);
    expect(report.headline).toMatch(/rejected 3 pods at admission/);
    expect(report.headline).not.toMatch(/pinned by nodeName/);
  });
});

describe('a Service with sessionAffinity ClientIP', () => {
  const oomAt = (i: number, ago: number) => pod(i, { containers: [container({ restartCount: 2, state: running(ago - 0.1), lastState: terminated(137, 'OOMKilled', ago) })] });
  const sticky = service({ clientIpAffinity: { timeoutSeconds: 10800, setAt: minutesAgo(190), setBy: 'kubectl-patch' } });

  it('names the affinity, not a leak, when the pods are OOMKilled one at a time', () => {
    const report = buildTriageReport(baseEvidence({ pods: [oomAt(0, 71), oomAt(1, 38), oomAt(2, 9)], services: [sticky] }), times);
    expect(report.headline).toMatch(/sessionAffinity: ClientIP/);
    expect(report.findings[0]?.likelyCause).toMatch(/single client/);
  });

  it('leaves kills that hit every pod at once to the OOM reading', () => {
    const report = buildTriageReport(baseEvidence({ pods: [oomAt(0, 9), oomAt(1, 9.5), oomAt(2, 10)], services: [sticky] }), times);
    expect(report.headline).not.toMatch(/sessionAffinity/);
  });

  it('says nothing of affinity when the Service has none', () => {
    const report = buildTriageReport(baseEvidence({ pods: [oomAt(0, 71), oomAt(1, 38), oomAt(2, 9)], services: [service()] }), times);
    expect(report.headline).not.toMatch(/sessionAffinity/);
  });
});

import { describe, expect, it } from 'vitest';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeEvictions } from '../../../src/domain/triage/analyzers/eviction.js';
import { analyzeRecentRollout } from '../../../src/domain/triage/analyzers/recent-rollout.js';
import { diagnose } from '../../../src/domain/triage/verdict/diagnose.js';
import { compareFailingHealthy } from '../../../src/domain/triage/verdict/differential.js';
import { acquitRollout, findTrigger } from '../../../src/domain/triage/verdict/trigger.js';
import { IMAGE_V15, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

/**
 * An ephemeral-storage limit the template does not set: the LimitRanger admission plugin gave it to
 * the pods when a routine rollout re-created them. The LimitRange, not the revision, is the change.
 */
const MESSAGE = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ';

function scenario(annotated = true): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2, 3, 4].map((i) => {
    const evicted = i < 3;
    const p = pod(i, {
      revisionHash: REV7.hash,
      createdAt: minutesAgo(70),
      startTime: minutesAgo(69.5),
      labels: { app: 'payment-service', 'pod-template-hash': REV7.hash },
      containers: [container({ image: IMAGE_V15, resources: { requests: { cpu: '250m', memory: '512Mi', 'ephemeral-storage': '256Mi' }, limits: { memory: '512Mi', 'ephemeral-storage': '1Gi' } } })],
      ...(annotated ? { resourceAnnotations: { limitRanger: 'LimitRanger plugin set: ephemeral-storage request for container app; ephemeral-storage limit for container app' } } : {}),
    });
    return evicted ? { ...p, phase: 'Failed', ready: false, reason: 'Evicted', message: MESSAGE } : p;
  });
  const noStorage = revisionContainer();
  return baseEvidence({
    pods,
    events: pods.slice(0, 3).map((p, i) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Evicted', message: MESSAGE, firstSeen: minutesAgo(50 - i * 10), lastSeen: minutesAgo(50 - i * 10) })),
    revisions: [revision(REV6, minutesAgo(30 * 24 * 60), { containers: [noStorage] }), revision(REV7, minutesAgo(70), { replicas: 5, containers: [{ ...noStorage, image: IMAGE_V15 }] })],
    namespaceObjects: [{ kind: 'LimitRange', name: 'container-defaults', createdAt: minutesAgo(95) }],
    workload: workload({ readyReplicas: 2, availableReplicas: 2 }),
  });
}

describe('an ephemeral-storage limit set by admission', () => {
  it("names the LimitRange's default as the limit the pods are evicted at, and its re-creation of the pods as the trigger, not the revision", () => {
    const ev = scenario();
    const findings = analyzeEvictions(ev);
    expect(findings[0]?.title).toContain('the default of LimitRange container-defaults (the template sets none)');
    expect(findings[0]?.evidence).toContain('app ephemeral-storage limit 1Gi on 3 pods, template none: set at admission by LimitRange container-defaults (annotation kubernetes.io/limit-ranger)');
    const d = diagnose(ev, findings);
    expect(d?.headline).toMatch(/^Since the pods were re-created 1h 10m ago under LimitRange container-defaults \(created 1h 35m ago\): /);
    expect(d?.headline).not.toMatch(/roll back/i);
    expect(d?.headline).toContain('Set an explicit ephemeral-storage limit for app in the template');
  });

  it('clears the revision that only re-created the pods: no rollback offered', () => {
    const ev = scenario();
    const [mechanism] = analyzeEvictions(ev);
    const trigger = findTrigger(ev, mechanism, compareFailingHealthy(ev));
    expect(trigger.kind).toBe('resources-set');
    const rollout = acquitRollout(analyzeRecentRollout(ev), trigger, mechanism)[0];
    expect(rollout?.title).toBe('Revision 7 only re-created the pods: LimitRange container-defaults set their ephemeral-storage limit at admission, not the rollout');
    expect(rollout?.nextAction).not.toMatch(/roll back to/i);
  });

  it('keeps the plain reading when no annotation says admission set the limit', () => {
    const ev = scenario(false);
    expect(analyzeEvictions(ev)[0]?.title).not.toContain('LimitRange');
  });
});

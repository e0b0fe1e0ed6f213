import { describe, expect, it } from 'vitest';
import { analyzeReadinessGates } from '../../../../src/domain/triage/analyzers/readiness-gate.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { REV7, baseEvidence, minutesAgo, pod, workload } from '../scenarios/builders.js';

const GATE = 'target-health.elbv2.k8s.aws/k8s-web-storefro-3f1c2a9e77';

/** Containers ready, pod not: the load balancer's target health (a readiness gate) is False. */
function gated(i: number, status: 'True' | 'False', sinceMinutes: number): PodEvidence {
  const healthy = status === 'True';
  const p = pod(i, healthy ? {} : { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(sinceMinutes + 1), startTime: minutesAgo(sinceMinutes + 1) });
  return {
    ...p,
    conditions: [
      ...p.conditions.map((c) => (c.type === 'ContainersReady' ? { ...c, status: 'True' as const } : c.type === 'Ready' && !healthy ? { ...c, reason: 'ReadinessGatesNotReady', message: `the status of pod readiness gate "${GATE}" is not "True", but False` } : c)),
      healthy
        ? { type: GATE, status: 'True', reason: 'Target.Healthy', lastTransitionTime: minutesAgo(5 * 24 * 60) }
        : { type: GATE, status: 'False', reason: 'Target.ResponseCodeMismatch', message: 'Health checks failed with these codes: [404]', lastTransitionTime: minutesAgo(sinceMinutes) },
    ],
  };
}

describe('analyzeReadinessGates', () => {
  it('names the gate, its reason and message, and the pods it holds back', () => {
    const ev = baseEvidence({ pods: [gated(0, 'True', 0), gated(1, 'True', 0), gated(2, 'False', 21), gated(3, 'False', 21)], workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 2, updatedReplicas: 2 }) });
    const [f, ...rest] = analyzeReadinessGates(ev);
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('readiness-gate');
    expect(f?.title).toBe(`Readiness gate ${GATE} is False on 2/4 pods (Target.ResponseCodeMismatch: Health checks failed with these codes: [404]): containers ready, pods not for 21m`);
    expect(f?.decisive).toBe(`${GATE}: Target.ResponseCodeMismatch: Health checks failed with these codes: [404]`);
    expect(f?.affected?.pods).toEqual([gated(2, 'False', 21).name, gated(3, 'False', 21).name]);
    expect(f?.likelyCause).toContain('AWS Load Balancer Controller');
    expect(f?.evidence).toContain('2 other pods pass the same gate');
  });

  it('says nothing of pods whose containers are not ready (a probe, not a gate), of a gate that just turned, or of gates that pass', () => {
    const probeFails = { ...gated(2, 'False', 21), conditions: gated(2, 'False', 21).conditions.map((c) => (c.type === 'ContainersReady' ? { ...c, status: 'False' as const } : c)), containers: [{ ...gated(2, 'False', 21).containers[0]!, ready: false }] };
    expect(analyzeReadinessGates(baseEvidence({ pods: [probeFails] }))).toEqual([]);
    expect(analyzeReadinessGates(baseEvidence({ pods: [gated(2, 'False', 0.5)] }))).toEqual([]);
    expect(analyzeReadinessGates(baseEvidence({ pods: [gated(0, 'True', 0), gated(1, 'True', 0)] }))).toEqual([]);
  });
});

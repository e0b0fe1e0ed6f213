// A readiness gate declared in the template whose condition nobody writes any more: containers
// ready, pod never Ready. The rollout only made new pods that need it; the old pods keep a
// condition set long ago, so a rollback would stall the same way.
import { describe, expect, it } from 'vitest';
import { analyzeReadinessGates } from '../../../../src/domain/triage/analyzers/readiness-gate.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const V1_GATE = 'target-health.alb.ingress.kubernetes.io/shop-ingress_web_80';

/** A pod of revision 7 whose containers are ready and whose gate condition does not exist. */
function unset(i: number, sinceMinutes: number, gates = [V1_GATE]): PodEvidence {
  const p = pod(i, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(sinceMinutes + 0.5), startTime: minutesAgo(sinceMinutes + 0.5), containers: [container({ image: IMAGE_V15 })], readinessGates: gates });
  return {
    ...p,
    conditions: p.conditions.map((c) =>
      c.type === 'Ready'
        ? { type: 'Ready', status: 'False' as const, reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${V1_GATE}" does not exist.`, lastTransitionTime: minutesAgo(sinceMinutes) }
        : c.type === 'ContainersReady' ? { ...c, status: 'True' as const, lastTransitionTime: minutesAgo(sinceMinutes - 0.3) } : c,
    ),
  };
}

/** A pod of revision 6 that declares the gate and kept the True condition written days ago. */
function setLongAgo(i: number, gateDeclared = true): PodEvidence {
  const p = pod(i, gateDeclared ? { readinessGates: [V1_GATE] } : {});
  return gateDeclared ? { ...p, conditions: [...p.conditions, { type: V1_GATE, status: 'True', lastTransitionTime: minutesAgo(8 * 24 * 60) }] } : p;
}

function scenario(oldDeclares: boolean): TriageEvidence {
  return baseEvidence({
    pods: [setLongAgo(0, oldDeclares), setLongAgo(1, oldDeclares), setLongAgo(2, oldDeclares), unset(3, 30)],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, updatedReplicas: 1 }),
    revisions: [
      revision(REV6, minutesAgo(8 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(31), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

describe('a readiness gate whose condition nobody sets', () => {
  it('names the gate, says nothing sets it, and advises removing it from the template', () => {
    const [f, ...rest] = analyzeReadinessGates(scenario(true));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('readiness-gate');
    expect(f?.title).toBe(`Readiness gate ${V1_GATE} is never set on 1/4 pods (nothing writes its condition): containers ready, pods not for 30m`);
    expect(f?.evidence).toContain('3 pods of revision 6 carry the same gate, set True 8d ago');
    expect(f?.likelyCause).toContain('legacy v1 ALB ingress controller');
    expect(f?.nextAction).toMatch(/^Remove the stale readiness gate/);
    expect(f?.nextAction).toContain('elbv2.k8s.aws/pod-readiness-gate-inject=enabled');
    expect(f?.outsideWorkload).toBe('the pods of revision 6 carry the same gate, set True 8d ago: any new pod waits on it, so a rollback would stall the same way');
  });

  it('clears the rollout in the verdict: no rollback offered', () => {
    const ev = scenario(true);
    const d = diagnose(ev, analyzeReadinessGates(ev));
    expect(d?.trigger.kind).toBe('none');
    expect(d?.headline).toContain(V1_GATE);
    expect(d?.headline).not.toMatch(/roll back/i);
    expect(d?.action).toMatch(/^Remove the stale readiness gate/);
  });

  it('keeps the rollout as the lead when only the new revision carries the gate', () => {
    const [f] = analyzeReadinessGates(scenario(false));
    expect(f?.title).toContain('is never set');
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('says nothing of a gate the controller has had no time to set yet', () => {
    expect(analyzeReadinessGates(baseEvidence({ pods: [setLongAgo(0), unset(3, 1.5)] }))).toEqual([]);
  });

  it('names the gate writer that is down as the cause, and clears the revision (no rollback)', () => {
    const writerPod = (i: number) => ({
      ...pod(i, { name: `lb-controller-7kmpv-${i}`, ready: false, containers: [container({ name: 'controller', ready: false, restartCount: 13, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } })] }),
      namespace: 'kube-system',
    });
    const ev: TriageEvidence = {
      ...scenario(false),
      gateWriter: {
        gate: V1_GATE, name: 'alb-ingress-controller', labelSelector: 'app.kubernetes.io/name=alb-ingress-controller', complete: true,
        pods: [writerPod(7), writerPod(8)],
        logs: [{ pod: 'lb-controller-7kmpv-7', container: 'controller', previous: true, lines: ['{"level":"info","msg":"version"}', '{"level":"error","msg":"unable to initialize AWS cloud","error":"failed to get VPC ID"}'] }],
      },
    };
    const [f] = analyzeReadinessGates(ev);
    expect(f?.title).toMatch(/^alb-ingress-controller \(namespace kube-system\) is down: 0\/2 pods ready; container controller last run exited 1, CrashLoopBackOff, 13 restarts\. It writes readiness gate /);
    expect(f?.evidence.some((e) => e.includes('failed to get VPC ID'))).toBe(true);
    expect(f?.nextAction).toMatch(/^Bring alb-ingress-controller back in kube-system/);
    expect(f?.outsideWorkload).toBeDefined();
    const d = diagnose(ev, analyzeReadinessGates(ev));
    expect(d?.headline).toContain('alb-ingress-controller');
    expect(d?.headline).not.toMatch(/roll back to/i);
  });

  it('keeps the stale-gate reading while the writer runs', () => {
    const ev: TriageEvidence = { ...scenario(false), gateWriter: { gate: V1_GATE, name: 'alb-ingress-controller', labelSelector: 'x=y', complete: true, pods: [{ ...pod(7), namespace: 'kube-system' }], logs: [] } };
    expect(analyzeReadinessGates(ev)[0]?.title).toContain('(nothing writes its condition)');
  });
});

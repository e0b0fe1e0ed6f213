import { describe, expect, it } from 'vitest';
import { analyzeHpaRequestRaised } from '../../../../src/domain/triage/analyzers/hpa-request-raised.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { pickMechanism } from '../../../../src/domain/triage/verdict/diagnose.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NS, REV6, baseEvidence, event, hpa, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const REV7 = { revision: 7, hash: '5f7d9c8b64' };

/** Revision 7 raised the CPU request 250m → 1 (130 minutes ago); the HPA at 70% then scaled 8 → 5 → 2. */
function scaledIn(over: { request?: string; unhealthy?: number } = {}): TriageEvidence {
  const pods = [pod(0, { revisionHash: REV7.hash }), pod(1, { revisionHash: REV7.hash, ready: false })];
  const rs = (h: { hash: string }) => `${APP}-${h.hash}`;
  const scaled = (name: string, from: number, to: number, ago: number) =>
    event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${to > from ? 'up' : 'down'} replica set ${name} from ${from} to ${to}`, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'deployment-controller' });
  const rescale = (size: number, ago: number) =>
    event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${size}; reason: All metrics below target`, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'horizontal-pod-autoscaler' });
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(11 * 24 * 60)),
      revision(REV7, minutesAgo(130), { replicas: 2, containers: [revisionContainer({ resources: { requests: { cpu: over.request ?? '1', memory: '512Mi' }, limits: { memory: '512Mi' } } })] }),
    ],
    hpas: [hpa({ minReplicas: 2, maxReplicas: 12, currentReplicas: 2, desiredReplicas: 2, metrics: [{ name: 'cpu', current: '68%', target: '70%' }] })],
    events: [
      scaled(rs(REV7), 0, 2, 130), scaled(rs(REV6), 8, 6, 129), scaled(rs(REV7), 2, 8, 126), scaled(rs(REV6), 2, 0, 126),
      rescale(5, 122), scaled(rs(REV7), 8, 5, 122), rescale(2, 117), scaled(rs(REV7), 5, 2, 117),
      event({ object: { kind: 'Pod', name: pods[1]?.name ?? '', namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: context deadline exceeded', count: over.unhealthy ?? 40, firstSeen: minutesAgo(105), lastSeen: minutesAgo(1) }),
    ],
  });
}

describe('analyzeHpaRequestRaised', () => {
  it('names the HPA that scaled in to its minimum after a revision raised the request it measures utilization against', () => {
    const [f, ...rest] = analyzeHpaRequestRaised(scaledIn());
    expect(rest).toEqual([]);
    expect(f?.title).toBe(`HPA ${APP} scaled ${APP} in from 8 to 2 replicas (its minReplicas of 2) after revision 7 raised the CPU request of app 250m → 1: it targets 70% CPU utilization of the request, so 2 pods now carry the load 8 did`);
    expect(f?.likelyCause).toContain('its 70% target meant about 175m per pod');
    expect(f?.fix).toContain("raise HPA payment-service's minReplicas to 8");
    expect(f?.fix).toContain('about 18%');
    expect(`${f?.title}\n${f?.evidence.join('\n')}\n${f?.likelyCause}\n${f?.nextAction}`).not.toMatch(/max(imum|Replicas)?[^\n]{0,15}12/i);
  });

  it('explains the probe failures of the pods left, so it is the mechanism', () => {
    const ranked = rankFindings(runAnalyzers(scaledIn()).findings);
    expect(pickMechanism(ranked)?.kind).toBe('hpa-scaled-in');
  });

  it('leaves a small request change, or pods that carry the load, alone', () => {
    expect(analyzeHpaRequestRaised(scaledIn({ request: '300m' }))).toEqual([]);
    const calm = scaledIn({ unhealthy: 1 });
    calm.pods = calm.pods.map((p) => ({ ...p, ready: true }));
    expect(analyzeHpaRequestRaised(calm)).toEqual([]);
  });

  it('leaves a scale-in long after the revision to the load: the HPA reacts to a raised request within minutes', () => {
    const late = scaledIn();
    late.revisions = late.revisions.map((r) => (r.revision === 7 ? { ...r, createdAt: minutesAgo(6 * 24 * 60) } : r));
    expect(analyzeHpaRequestRaised(late)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeNodeReclaims } from '../../../../src/domain/triage/analyzers/node-reclaims.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, event, minutesAgo, pod } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const GONE = 'ip-10-0-65-9.eu-west-1.compute.internal';

/** One replica, fine now on its new node; the node it ran on before got a spot interruption 7 minutes ago. */
function reclaimedScenario(o: { spot?: boolean; replicas?: number; nodeEvents?: boolean } = {}): TriageEvidence {
  const ev = healthyScenario();
  const p = pod(0, { name: 'cache-0', createdAt: minutesAgo(6), startTime: minutesAgo(4) });
  const onPod = { kind: 'Pod', name: 'cache-0', namespace: NS };
  ev.pods = [p];
  ev.workload = { ...ev.workload!, specReplicas: o.replicas ?? 1, templatePlacement: { nodeSelector: o.spot === false ? {} : { 'karpenter.sh/capacity-type': 'spot' }, requiredNodeAffinity: [], tolerations: [] } };
  ev.events = [
    event({ object: onPod, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstSeen: minutesAgo(47), lastSeen: minutesAgo(47) }),
    event({ object: onPod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${NS}/cache-0 to ${GONE}`, firstSeen: minutesAgo(44), lastSeen: minutesAgo(44) }),
    event({ object: onPod, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstSeen: minutesAgo(7), lastSeen: minutesAgo(7) }),
    event({ object: onPod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${NS}/cache-0 to ${p.nodeName ?? ''}`, firstSeen: minutesAgo(4), lastSeen: minutesAgo(4) }),
    event({ object: onPod, type: 'Normal', reason: 'Started', message: 'Started container app', firstSeen: minutesAgo(3), lastSeen: minutesAgo(3) }),
    ...(o.nodeEvents === false ? [] : [event({ object: { kind: 'Node', name: GONE }, type: 'Warning', reason: 'SpotInterrupted', message: 'Spot interruption warning was triggered', firstSeen: minutesAgo(7.1), lastSeen: minutesAgo(7.1), source: 'karpenter' })]),
  ];
  return ev;
}

describe('analyzeNodeReclaims', () => {
  it('says a single replica keeps losing its spot node, how long it was gone, and to leave spot capacity', () => {
    const [f] = analyzeNodeReclaims(reclaimedScenario());
    expect(f?.title).toBe('cache-0 lost its node to spot interruptions: stopped 2 times in the last hour and moved to a new node each time, about 4m without a running pod (1 replica: every reclaim is an outage); the template asks for spot capacity (nodeSelector karpenter.sh/capacity-type: spot)');
    expect(f?.decisive).toBe(`${GONE}: SpotInterrupted: Spot interruption warning was triggered`);
    expect(f?.severity).toBe('warning');
    expect(f?.fix).toContain('on-demand capacity');
    expect(f?.fix).toContain('PodDisruptionBudget');
  });

  it('makes the verdict a problem, not an all-clear, although the pod is Ready now', () => {
    const report = buildTriageReport(reclaimedScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.findings.some((f) => f.title.startsWith('cache-0 lost its node to spot interruptions'))).toBe(true);
  });

  it('says nothing without an interruption on the node the pod left', () => {
    expect(analyzeNodeReclaims(reclaimedScenario({ nodeEvents: false }))).toEqual([]);
    expect(analyzeNodeReclaims(healthyScenario())).toEqual([]);
  });

  it('names no spot pinning when the template asks for none', () => {
    const [f] = analyzeNodeReclaims(reclaimedScenario({ spot: false, replicas: 3 }));
    expect(f?.title).not.toContain('template asks for spot');
    expect(f?.fix).toContain('2+ replicas');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeEvictedReplacements } from '../../../../src/domain/triage/analyzers/evicted-replacements.js';
import { analyzeUnreadyReplicas } from '../../../../src/domain/triage/analyzers/unready-replicas.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, container, event, minutesAgo, pod, running } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const RS = { kind: 'ReplicaSet', name: 'payment-service-7c9d8f6b5d', namespace: NS };

/** Five replicas; an evictor took a pod every ~10 minutes and the newest replacement is still starting. */
function churnScenario(reason = 'EvictedByVPA', message = 'Pod was evicted by VPA Updater to apply resource recommendation.', source = 'vpa-updater') {
  const ev = healthyScenario();
  ev.pods = [...ev.pods.slice(0, 4), pod(4, { ready: false, createdAt: minutesAgo(1.5), startTime: minutesAgo(1.5), containers: [container({ ready: false, state: running(1.4) })] })];
  const gone = ['payment-service-7c9d8f6b5d-g0ne1', 'payment-service-7c9d8f6b5d-g0ne2', 'payment-service-7c9d8f6b5d-g0ne3'];
  ev.events = [
    ...gone.map((name, i) => event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstSeen: minutesAgo(45 - 10 * i), lastSeen: minutesAgo(45 - 10 * i), source: 'replicaset-controller' })),
    ...gone.map((name, i) => event({ object: { kind: 'Pod', name, namespace: NS }, type: 'Normal', reason, message, firstSeen: minutesAgo(35 - 10 * i), lastSeen: minutesAgo(35 - 10 * i), source })),
  ];
  return ev;
}

describe('analyzeEvictedReplacements', () => {
  it('names the evictor that keeps taking the pods and what the replacements cost', () => {
    const [f] = analyzeEvictedReplacements(churnScenario());
    expect(f?.title).toBe('The VPA updater keeps evicting pods of payment-service: 3 pods replaced in the last 45m (EvictedByVPA), so 4/5 ready while each replacement starts');
    expect(f?.decisive).toBe('Pod was evicted by VPA Updater to apply resource recommendation.');
    expect(f?.fix).toMatch(/updateMode to "Initial"/);
    expect(f?.severity).toBe('warning');
  });

  it('names a descheduler by its own words', () => {
    const [f] = analyzeEvictedReplacements(churnScenario('Descheduled', 'pod evicted from ip-10-0-1-23 node by sigs.k8s.io/descheduler', 'sigs.k8s.io/descheduler'));
    expect(f?.title).toMatch(/^The descheduler keeps evicting pods of payment-service/);
  });

  it('stays silent when the gone pods say nothing of an eviction, or nothing was replaced', () => {
    const quiet = churnScenario('Killing', 'Stopping container app', 'kubelet');
    expect(analyzeEvictedReplacements(quiet)).toEqual([]);
    expect(analyzeEvictedReplacements(healthyScenario())).toEqual([]);
  });
});

describe('a gap that keeps reopening is no all-clear', () => {
  it('counts a starting pod that replaces pods taken away again and again', () => {
    const [f] = analyzeUnreadyReplicas(churnScenario('Killing', 'Stopping container app', 'kubelet'));
    expect(f?.title).toBe('4/5 replicas of payment-service ready');
  });

  it('gives a verdict with problems, headed by the evictor', () => {
    const report = buildTriageReport(churnScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^The VPA updater keeps evicting pods/);
  });
});

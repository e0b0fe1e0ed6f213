import { describe, expect, it } from 'vitest';
import { analyzeUnreadyReplicas } from '../../../../src/domain/triage/analyzers/unready-replicas.js';
import { container, pod, running, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { nodeNotReadyScenario } from '../scenarios/nodes.js';

describe('analyzeUnreadyReplicas', () => {
  it('reports fewer ready replicas than desired, listing the failing pods', () => {
    const [f] = analyzeUnreadyReplicas(nodeNotReadyScenario());
    expect(f?.title).toBe('4/6 replicas of payment-service ready');
    expect(f?.severity).toBe('warning');
    expect(f?.affected?.pods).toHaveLength(2);
  });

  it('reports a workload scaled to zero', () => {
    const ev = healthyScenario();
    ev.workload = workload({ specReplicas: 0, replicas: 0, readyReplicas: 0, availableReplicas: 0 });
    ev.pods = [];
    expect(analyzeUnreadyReplicas(ev)[0]?.title).toBe('payment-service is scaled to 0 replicas');
  });

  it('does not count a pod that is merely starting', () => {
    const ev = healthyScenario();
    ev.pods = [...ev.pods.slice(0, 4), pod(4, { ready: false, startTime: '2026-11-21T03:13:20Z', containers: [container({ ready: false, state: running(0.6) })] })];
    expect(analyzeUnreadyReplicas(ev)).toEqual([]);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeUnreadyReplicas(healthyScenario())).toEqual([]);
  });
});

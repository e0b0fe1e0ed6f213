import { describe, expect, it } from 'vitest';
import { analyzeUnreadyReplicas } from '../../../../src/domain/triage/analyzers/unready-replicas.js';
import { container, event, minutesAgo, pod, running, workload } from '../scenarios/builders.js';
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
    const [f] = analyzeUnreadyReplicas(ev);
    expect(f?.title).toBe('payment-service is scaled to 0 replicas: Service payment-service has nothing to send traffic to');
    expect(f?.severity).toBe('critical');
    expect(f?.affected).toEqual({ services: ['payment-service'] });
  });

  it('says who scaled it to zero and when, from the controller\'s event', () => {
    const ev = healthyScenario();
    ev.workload = workload({ specReplicas: 0, replicas: 0, readyReplicas: 0, availableReplicas: 0 });
    ev.pods = [];
    ev.services = [];
    ev.events = [event({ object: { kind: 'Deployment', name: 'payment-service', namespace: 'payments' }, type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled down replica set payment-service-7c9d8f6b5d from 3 to 0', firstSeen: minutesAgo(10), lastSeen: minutesAgo(10), source: 'deployment-controller' })];
    const [f] = analyzeUnreadyReplicas(ev);
    expect(f?.title).toBe('payment-service is scaled to 0 replicas (from 3, 10m ago)');
    expect(f?.decisive).toBe('Scaled down replica set payment-service-7c9d8f6b5d from 3 to 0');
    expect(f?.fix).toBe('scale it back (kubectl scale deployment/payment-service --replicas=3)');
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

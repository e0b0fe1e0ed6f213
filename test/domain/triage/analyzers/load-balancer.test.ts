import { describe, expect, it } from 'vitest';
import { analyzeLoadBalancers } from '../../../../src/domain/triage/analyzers/load-balancer.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { pickPendingLoadBalancers } from '../../../../src/domain/triage/load-balancer.js';
import { NOW, NS, event, minutesAgo, service } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const EDGE = 'payment-service-edge';

function pendingScenario(message: string, ingress: string[] = []) {
  const ev = healthyScenario();
  ev.services = [...ev.services, service({ name: EDGE, type: 'LoadBalancer', loadBalancerIngress: ingress, createdAt: minutesAgo(50) })];
  ev.events = [
    event({ object: { kind: 'Service', name: EDGE, namespace: NS }, type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', count: 12, firstSeen: minutesAgo(50), lastSeen: minutesAgo(2), source: 'service-controller' }),
    event({ object: { kind: 'Service', name: EDGE, namespace: NS }, type: 'Warning', reason: 'SyncLoadBalancerFailed', message, count: 12, firstSeen: minutesAgo(50), lastSeen: minutesAgo(2), source: 'service-controller' }),
  ];
  return ev;
}

describe('analyzeLoadBalancers', () => {
  const subnets = 'Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB';

  it('reports a LoadBalancer Service the cloud controller fails to provision, with its words and the fix they ask for', () => {
    const [f] = analyzeLoadBalancers(pendingScenario(subnets));
    expect(f?.title).toBe(`Service ${EDGE} (type LoadBalancer) has had no external address for 50m: the cloud controller fails to create its load balancer (SyncLoadBalancerFailed ×12)`);
    expect(f?.decisive).toBe(subnets);
    expect(f?.fix).toMatch(/kubernetes\.io\/role\/elb=1/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.severity).toBe('critical');
  });

  it('makes it the verdict though every pod is ready', () => {
    const report = buildTriageReport(pendingScenario(subnets), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Service payment-service-edge \(type LoadBalancer\)/);
    expect(report.headline).toMatch(/suitable subnets/);
  });

  it('says nothing of a LoadBalancer that has its address, or of one with no failure recorded', () => {
    expect(analyzeLoadBalancers(pendingScenario(subnets, ['203.0.113.10']))).toEqual([]);
    const quiet = pendingScenario(subnets);
    quiet.events = quiet.events.filter((e) => e.type !== 'Warning');
    expect(analyzeLoadBalancers(quiet)).toEqual([]);
  });

  it('picks only the workload\'s own pending LoadBalancers for an events read', () => {
    const ev = pendingScenario(subnets);
    ev.services.push(service({ name: 'other-edge', type: 'LoadBalancer', selector: { app: 'someone-else' }, loadBalancerIngress: [] }));
    expect(pickPendingLoadBalancers(ev.services, ev.pods)).toEqual([EDGE]);
  });
});

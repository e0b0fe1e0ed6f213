import { describe, expect, it } from 'vitest';
import { decideDeschedulerFix, isDeschedulerEvent, readDeschedulerStrategy } from '../../../src/domain/triage/descheduler-strategy.js';
import { event } from './scenarios/builders.js';

describe('the descheduler\'s words', () => {
  it('reads the strategy from an events.k8s.io reason or an older message', () => {
    const v031 = event({ reason: 'RemovePodsViolatingTopologySpreadConstraint', message: 'pod evicted from ip-10-0-21-37.eu-west-1.compute.internal node by sigs.k8s.io/descheduler', source: 'sigs.k8s.io/descheduler' });
    const old = event({ reason: 'Descheduled', message: 'pod evicted by sigs.k8s.io/descheduler (PodLifeTime)', source: 'sigs.k8s.io/descheduler' });
    expect(isDeschedulerEvent(v031)).toBe(true);
    expect(readDeschedulerStrategy(v031)).toBe('RemovePodsViolatingTopologySpreadConstraint');
    expect(readDeschedulerStrategy(old)).toBe('PodLifeTime');
    expect(isDeschedulerEvent(event({ reason: 'Evicted', message: 'Evicted pod: draining node', source: 'karpenter' }))).toBe(false);
  });

  it('puts the fix in the policy, with the topology-spread plugin\'s own settings', () => {
    expect(decideDeschedulerFix('RemovePodsViolatingTopologySpreadConstraint', 'search')).toMatch(/^exclude namespace search from RemovePodsViolatingTopologySpreadConstraint in the descheduler's policy \(its namespaces\.exclude.*ScheduleAnyway.*topologyBalanceNodeFit: true/);
    expect(decideDeschedulerFix(undefined, 'search')).toMatch(/^exclude namespace search from the evicting plugin/);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeRolloutStalled } from '../../../../src/domain/triage/analyzers/rollout-stalled.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { badRolloutScenario } from '../scenarios/rollout.js';

describe('analyzeRolloutStalled', () => {
  it('reports ProgressDeadlineExceeded with the counts', () => {
    const [f] = analyzeRolloutStalled(badRolloutScenario());
    expect(f?.title).toBe('Rollout of payment-service revision 7 stalled: progress deadline exceeded, 14m ago');
    expect(f?.evidence[1]).toBe('3 updated, 2 ready, 2 available of 5 desired');
    expect(f?.affected?.pods).toHaveLength(3);
  });

  it('stays silent while a rollout progresses and on a healthy workload', () => {
    const ev = badRolloutScenario();
    ev.workload = { ...ev.workload!, conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }] };
    expect(analyzeRolloutStalled(ev)).toEqual([]);
    expect(analyzeRolloutStalled(healthyScenario())).toEqual([]);
  });
});

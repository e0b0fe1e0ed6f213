import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_B, container, minutesAgo, pod, terminated } from './scenarios/builders.js';
import { healthyScenario } from './scenarios/healthy.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const TWO_DAYS = 2 * 24 * 60;
const MESSAGE = 'The node was low on resource: ephemeral-storage. Threshold quantity: 8373693Ki, available: 6912344Ki. Container app was using 2154312Ki, request is 0, has larger consumption of ephemeral-storage. ';

/** A Failed pod evicted two days ago, still listed; its Ready condition last changed half an hour ago. */
function leftoverEvictedPod(): ReturnType<typeof pod> {
  return pod(9, {
    nodeName: NODE_B,
    phase: 'Failed',
    reason: 'Evicted',
    message: MESSAGE,
    ready: false,
    containers: [container({ ready: false, state: terminated(137, 'Error', TWO_DAYS) })],
    conditions: [
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: minutesAgo(30) },
      { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: MESSAGE, lastTransitionTime: minutesAgo(TWO_DAYS) },
    ],
  });
}

describe('buildTriageReport: an eviction replaced days ago is history, not the verdict', () => {
  it('gives the all-clear and claims no eviction when the only evicted pod is a two-day-old leftover', () => {
    const ev = healthyScenario();
    ev.pods = [...ev.pods, leftoverEvictedPod()];
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/looks healthy/);
    expect(r.findings.map((f) => f.title).join('\n')).not.toMatch(/evict/i);
  });
});

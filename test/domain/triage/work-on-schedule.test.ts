import { describe, expect, it } from 'vitest';
import { findWorkOnSchedule } from '../../../src/domain/triage/work-on-schedule.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, hpa } from './scenarios/builders.js';

const progress = (onTrack: boolean, eta = '04:19', deadline = '06:00') =>
  `2026-11-22 02:30:00,000 INFO renderer.progress: rendered_total=414000 queue_depth=203979 pod_rate=4.3/s eta=${eta}Z deadline=${deadline}Z on_track=${String(onTrack)}`;

/** A batch at its HPA's maximum, CPU above target, ScalingLimited — its logs say whether the work keeps up. */
function atMax(logLines: string[]) {
  const ev = baseEvidence();
  ev.hpas = [hpa({
    minReplicas: 2, maxReplicas: 5, currentReplicas: 5, desiredReplicas: 5,
    metrics: [{ name: 'cpu', current: '97%', target: '70%' }],
    conditions: [{ type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }],
  })];
  ev.logs = ev.pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: logLines }));
  return ev;
}

describe('findWorkOnSchedule', () => {
  it('reads progress lines that say the work is on track, or an ETA before its deadline', () => {
    expect(findWorkOnSchedule(atMax([progress(true)]).logs)?.line).toMatch(/on_track=true/);
    expect(findWorkOnSchedule(atMax([progress(true).replace(' on_track=true', '')]).logs)).toBeDefined();
  });

  it('finds nothing when the work says it is behind, or the ETA passes the deadline', () => {
    expect(findWorkOnSchedule(atMax([progress(false)]).logs)).toBeUndefined();
    expect(findWorkOnSchedule(atMax([progress(true).replace(' on_track=true', '').replace('eta=04:19', 'eta=07:40')]).logs)).toBeUndefined();
    expect(findWorkOnSchedule(atMax(['INFO worker: processed 120 jobs']).logs)).toBeUndefined();
  });
});

describe('an HPA at its maximum while the work keeps its schedule', () => {
  it('is planned capacity, not a problem: the verdict stays healthy and advises no higher maximum', () => {
    const report = buildTriageReport(atMax([progress(true)]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    expect(JSON.stringify(report)).not.toMatch(/raise maxReplicas/i);
  });

  it('is still the problem when the work falls behind', () => {
    const report = buildTriageReport(atMax([progress(false, '07:40')]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/at its maximum/);
  });
});

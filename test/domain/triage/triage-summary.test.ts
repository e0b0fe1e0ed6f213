import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { formatReadLine, summarizeTriage } from '../../../src/domain/triage/triage-summary.js';
import { oomKillScenario } from './scenarios/crashes.js';
import { healthyScenario } from './scenarios/healthy.js';
import { badRolloutScenario } from './scenarios/rollout.js';
import { hpaPendingScenario } from './scenarios/scheduling.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:13:56.000Z' };

describe('summarizeTriage', () => {
  it('splits the headline into the verdict line, the decisive quote and the next action with its kubectl', () => {
    const r = buildTriageReport(badRolloutScenario(), times);
    const s = summarizeTriage(r);
    expect(s.verdictLine).toBe(
      'Since revision 7 (25m ago: app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"): ' +
        'Dependency postgress.payments.svc.cluster.local does not resolve (no such host) (logs of 3 pods).',
    );
    // The quote is shown once: on its own line, not also inside the verdict line.
    expect(s.evidence).toBe('database unreachable: dial tcp: lookup postgress.payments.svc.cluster.local on 172.20.0.10:53: no such host');
    expect(s.action).toEqual({
      text: 'Roll back to revision 6, or check postgress.payments.svc.cluster.local',
      command: 'kubectl rollout undo deployment/payment-service --to-revision=6 -n payments --context prod-eu-west-1',
      commandIs: 'action',
    });
    // The exit-code symptom is folded into the mechanism and the rollout is the verdict's "since": nothing more to name.
    expect(s.others).toEqual([]);
    expect(s.moreInThread).toBe(0);
  });

  it('offers a read-only check as the command when the action has none to paste', () => {
    const s = summarizeTriage(buildTriageReport(hpaPendingScenario(), times));
    expect(s.evidence).toBe("pod didn't trigger scale-up: 2 max node group size reached");
    expect(s.action?.commandIs).toBe('check');
    expect(s.action?.command).toBe('kubectl describe pod payment-service-7c9d8f6b5d-p8s3t -n payments --context prod-eu-west-1');
  });

  it('names at most two further findings, never the mechanism again, and counts the rest', () => {
    const r = buildTriageReport(hpaPendingScenario(), times);
    const s = summarizeTriage(r);
    expect(s.others.length).toBeLessThanOrEqual(2);
    expect(s.others.map((o) => o.title)).toEqual([
      'HPA payment-service at its maximum (12/12 replicas) with cpu 131% (target 70%)',
      'HPA payment-service rescaled 12m ago: New size: 12; reason: cpu resource utilization (percentage of request) above target',
    ]);
    expect(summarizeTriage(r, { verdictMax: 600, evidenceMax: 300, others: 1, titleMax: 160 }).moreInThread).toBe(1);
  });

  it('keeps the whole headline of an all-clear, with no action and no evidence', () => {
    const r = buildTriageReport(healthyScenario(), times);
    const s = summarizeTriage(r);
    expect(s.verdictLine).toBe(r.headline);
    expect(s.action).toBeUndefined();
    expect(s.evidence).toBeUndefined();
  });

  it('says what was read in one line, with the workload readiness, counts and the time taken', () => {
    const r = buildTriageReport(oomKillScenario(), times);
    expect(formatReadLine(r)).toBe('Read Deployment 2/5 ready (revision 6), 5 pods, 3 events, logs of 3 containers, 3 nodes, 2 revisions, 2 Services · 0.8 s · read-only');
    expect(formatReadLine(buildTriageReport(hpaPendingScenario(), times))).toContain('12 pods, 6 events, no container logs, 3 nodes');
  });

  it('names every read that failed (skipped caps aside)', () => {
    const ev = healthyScenario();
    const r = buildTriageReport(
      {
        ...ev,
        readFailures: [
          { what: 'events in payments', source: 'events', reason: 'forbidden', detail: 'events is forbidden' },
          { what: 'events of 12 more pods', source: 'events', reason: 'skipped', detail: 'cap' },
        ],
      },
      times,
    );
    const s = summarizeTriage(r);
    expect(s.couldNotRead).toEqual(['events in payments (forbidden)']);
    expect(s.readLine).not.toMatch(/\bevents\b/);
  });
});

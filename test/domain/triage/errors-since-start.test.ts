// Errors read only in the logs of Ready pods: the tail read begins long after the pods did, so
// its first error line is not when the trouble began. When the logs of the newest revision's
// pods reach back to their start and show no clean work before the errors, the errors came with
// the pods, and the rollout that created them is the trigger even when it is over 2 h old.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { readLineTime } from '../../../src/domain/triage/request-silence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const ms = (m: number): number => Date.parse(minutesAgo(m));

/** pino (Node): epoch milliseconds in "time". */
const banner = (m: number) => `{"level":30,"time":${ms(m)},"pid":1,"msg":"payment-service 2.15.0 starting"}`;
const listening = (m: number) => `{"level":30,"time":${ms(m)},"pid":1,"msg":"Server listening at http://0.0.0.0:8080"}`;
const ok = (m: number) => `{"level":30,"time":${ms(m)},"pid":1,"res":{"statusCode":200},"msg":"request completed"}`;
const failed = (m: number) => `{"level":50,"time":${ms(m)},"pid":1,"err":{"type":"Error","message":"upstream answered 500 Internal Server Error"},"msg":"ledger call failed"}`;

/**
 * Revision 7 rolled out `rolledOut` minutes ago; its three pods are Ready. Each log read holds
 * the start-up lines (when `fromStart`), an optional clean request, then errors of the last 3 minutes.
 */
function scenario(o: { rolledOut?: number; fromStart?: boolean; cleanAt?: number; oldPodErrors?: boolean } = {}): TriageEvidence {
  const rolledOut = o.rolledOut ?? 131;
  const fresh = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - 1 - i), startTime: minutesAgo(rolledOut - 1 - i) }));
  const old = o.oldPodErrors ? [pod(3, { revisionHash: REV6.hash })] : [];
  const pods = [...fresh, ...old];
  const logs = pods.map((p, i): LogEvidence => {
    const start = rolledOut - 1 - i;
    const head = o.fromStart !== false && p.revisionHash === REV7.hash ? [banner(start - 0.05), listening(start - 0.1)] : [];
    const clean = o.cleanAt !== undefined ? [ok(o.cleanAt)] : [];
    return { pod: p.name, container: 'app', previous: false, lines: [...head, ...clean, failed(3), ok(2.5), failed(2), failed(1.5), failed(1), failed(0.5), failed(0.2)] };
  });
  return baseEvidence({
    pods,
    logs,
    workload: workload({ specReplicas: pods.length, replicas: pods.length, readyReplicas: pods.length, availableReplicas: pods.length, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

describe('errors that came with the pods', () => {
  it('reads the epoch-millisecond time of a pino line', () => {
    expect(readLineTime(`{"level":50,"time":${ms(3)},"msg":"x"}`)).toBe(minutesAgo(3));
  });

  it('names the revision that created the pods when their logs reach back to the start and hold errors from the first requests', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toMatch(/[Ss]ince revision 7 \(2h 11m ago/);
    expect(r.headline).not.toMatch(/no change found/);
  });

  it('does not when the logs do not reach back to the pods\' start (the errors may have begun at any time)', () => {
    expect(buildTriageReport(scenario({ fromStart: false }), times).headline).not.toMatch(/[Ss]ince revision 7/);
  });

  it('does not when the logs show a stretch of clean work after the start-up, before the errors', () => {
    expect(buildTriageReport(scenario({ cleanAt: 60 }), times).headline).not.toMatch(/[Ss]ince revision 7/);
  });

  it('does not when a pod of the older revision logs errors too', () => {
    expect(buildTriageReport(scenario({ oldPodErrors: true }), times).headline).not.toMatch(/[Ss]ince revision 7/);
  });

  it('does not when the pods ran for days before the first error, with nothing logged between', () => {
    expect(buildTriageReport(scenario({ rolledOut: 5 * 24 * 60 }), times).headline).not.toMatch(/[Ss]ince revision 7/);
  });

  it('does not clear the revision for its pods\' start-up lines: printing a banner is not work done without errors', () => {
    const r = buildTriageReport(scenario({ rolledOut: 60 }), times);
    expect(r.headline).toMatch(/[Ss]ince revision 7 \(1h ago/);
    expect(r.headline).not.toMatch(/not the cause/);
  });
});

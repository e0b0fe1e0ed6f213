// Calls that time out at the client's own deadline, which the newest revision cut far below what
// the call takes: the revision's env change (RPC_TIMEOUT 2s → 150ms) is the trigger and the fix,
// not the dependency. A revision that left its timeouts alone, or only trimmed one, changes nothing.
import { describe, expect, it } from 'vitest';
import { findTimeoutCut, parseTimeoutValue } from '../../../src/domain/triage/timeout-cut.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { EnvVarEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const deadlineLine = (ago: number, i: number) =>
  `{"level":"error","ts":"${minutesAgo(ago)}","caller":"rates/client.go:92","msg":"GetRateQuotes failed","order":"o-${i}","method":"/carrierrates.v1.CarrierRates/GetRateQuotes","elapsed":"150.${i}ms","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}`;
const okLine = (ago: number) => `{"level":"debug","ts":"${minutesAgo(ago)}","caller":"rates/client.go:71","msg":"QuoteZone ok","elapsed":"6.1ms"}`;

function story(before: string, after: string, opts: { image?: string } = {}) {
  const env = (timeout: string): EnvVarEvidence[] => [
    { name: 'CARRIER_RATES_ADDR', value: 'dns:///carrier-rates.payments.svc.cluster.local:50051' },
    { name: 'RATES_RPC_TIMEOUT', value: timeout },
    { name: 'ZONES_RPC_TIMEOUT', value: '150ms' },
  ];
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(46 - i), startTime: minutesAgo(46 - i), containers: [container({ env: env(after) })] }));
  const lines = Array.from({ length: 8 }, (_, i) => [okLine(8 - i * 0.5), deadlineLine(8 - i * 0.5 - 0.01, i)]).flat();
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(11 * 24 * 60), { containers: [revisionContainer({ env: env(before) })] }),
      revision(REV7, minutesAgo(47), { replicas: 3, containers: [revisionContainer({ env: env(after), ...(opts.image ? { image: opts.image } : {}) })] }),
    ],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('timeout values', () => {
  it('reads Go durations, and bare numbers in the unit the name says', () => {
    expect(parseTimeoutValue('RPC_TIMEOUT', '150ms')).toBe(150);
    expect(parseTimeoutValue('RPC_TIMEOUT', '2s')).toBe(2000);
    expect(parseTimeoutValue('UPSTREAM_TIMEOUT_MS', '800')).toBe(800);
    expect(parseTimeoutValue('TAX_API_TIMEOUT_SECONDS', '90')).toBe(90_000);
    expect(parseTimeoutValue('HTTP_TIMEOUT', 'PT30S')).toBeUndefined();
  });
});

describe('a revision that cut a client deadline below what the call takes', () => {
  it('finds the cut setting, its values and the revision', () => {
    const ev = story('2s', '150ms');
    const cut = findTimeoutCut(ev, ev.logs.map((l) => ({ pod: l.pod, container: l.container })), minutesAgo(8));
    expect(cut).toMatchObject({ env: 'RATES_RPC_TIMEOUT', from: '2s', to: '150ms', revision: { revision: 7 }, previous: { revision: 6 } });
  });

  it('names the setting, its values and the revision in the headline, not the dependency', () => {
    const r = buildTriageReport(story('2s', '150ms'), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/RATES_RPC_TIMEOUT/);
    expect(r.headline).toMatch(/2s → 150ms|"2s" → "150ms"/);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/GetRateQuotes/);
    expect(r.headline).not.toMatch(/no change found|NetworkPolicy|Check the dependency/);
  });

  it('keeps the dependency reading when the revision left its timeouts alone', () => {
    const r = buildTriageReport(story('2s', '2s', { image: 'registry/x:2.15.0' }), times);
    // The dependency reading leads; the image-only revision before the errors may be named as their since
    // (Ready pods' dependency errors start at their first stamped line), never the timeout setting.
    expect(r.headline).toMatch(/^(Since revision 7 \([^)]*\): )?Connections to carrier-rates\.payments\.svc\.cluster\.local:50051 time out/);
    expect(r.headline).not.toMatch(/RATES_RPC_TIMEOUT/);
  });

  it('does not blame a timeout that was only trimmed', () => {
    const ev = story('2s', '1500ms');
    expect(findTimeoutCut(ev, [{ pod: ev.pods[0]?.name ?? '', container: 'app' }], minutesAgo(8))).toBeUndefined();
  });
});

// A resilience library (Resilience4j here) logs each retry of a failed call at WARN with the
// exception of the attempt that failed — a read timeout, a 503, a connection reset from the
// dependency — and then that the retry succeeded. The caller got its answer: such lines make no
// error line and no dependency failure, and a ready service with only those is healthy. A retry
// never shown succeeding, or given up, still counts.
import { describe, expect, it } from 'vitest';
import { listErrorLines } from '../../../src/domain/triage/error-line.js';
import { listSucceededRetryLines } from '../../../src/domain/triage/retry-succeeded.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const URL = 'http://carrier-gateway.fulfilment.svc.cluster.local/v1/rates';
const EXC = [
  'java.net.SocketTimeoutException: Read timed out',
  `org.springframework.web.client.ResourceAccessException: I/O error on GET request for "${URL}": Connection reset`,
  'org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable: "{"error":"upstream busy"}"',
];
const stamp = (i: number): string => `2026-11-21 03:${String(10 + i).padStart(2, '0')}:24,720`;
const prefix = (i: number, level: string, tid: string): string => `${stamp(i)}  ${level} 1 --- [shipping-quotes] [${tid}] c.a.f.carrier.CarrierRatesClient         : `;
const waiting = (i: number, tid: string, exc: string): string => `${prefix(i, 'WARN', tid)}Retry 'carrierRates', waiting PT0.2S until attempt '2'. Last attempt failed with exception '${exc}'.`;
const succeeded = (i: number, tid: string, exc: string): string => `${prefix(i, 'WARN', tid)}Retry 'carrierRates' recorded a successful retry attempt. Number of retry attempts: '1', Last exception was: '${exc}'.`;
const gaveUp = (i: number, tid: string, exc: string): string => `${prefix(i, 'ERROR', tid)}Retry 'carrierRates' recorded a failed retry attempt. Number of retry attempts: '3'. Giving up. Last exception was: '${exc}'.`;
const access = (i: number, tid: string): string => `${stamp(i)}  INFO 1 --- [shipping-quotes] [${tid}] c.a.f.web.AccessLog                      : POST /v2/quotes 200 84ms`;

describe('calls retried into success', () => {
  it('leave no error line when the retry is shown succeeding, and stay otherwise', () => {
    const tid = 'http-nio-8080-exec-7';
    expect(listErrorLines([waiting(1, tid, EXC[0] ?? ''), succeeded(1, tid, EXC[0] ?? '')])).toEqual([]);
    expect([...listSucceededRetryLines([waiting(1, tid, EXC[1] ?? ''), succeeded(1, tid, EXC[1] ?? '')])]).toEqual([0, 1]);
    // Given up after its attempts: the call failed, both lines stay.
    expect(listErrorLines([waiting(1, tid, EXC[2] ?? ''), gaveUp(1, tid, EXC[2] ?? '')])).toHaveLength(1);
    expect(listSucceededRetryLines([waiting(1, tid, EXC[1] ?? ''), gaveUp(1, tid, EXC[1] ?? '')]).size).toBe(0);
    // Another retry's success does not answer this one.
    const other = `${prefix(1, 'WARN', 'http-nio-8080-exec-9')}Retry 'pricing' recorded a successful retry attempt. Number of retry attempts: '1', Last exception was: 'x'.`;
    expect(listSucceededRetryLines([waiting(1, tid, EXC[1] ?? ''), other]).has(0)).toBe(false);
  });

  it('do not make a ready service calling a flaky dependency failing', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const logs = pods.map((p, k) => {
      const lines: string[] = [];
      for (let i = 0; i < 30; i++) {
        const tid = `http-nio-8080-exec-${(i + k * 3) % 40 + 1}`;
        lines.push(access(i % 40, tid));
        if (i % 6 === 3) lines.push(waiting(i % 40, tid, EXC[(i + k) % 3] ?? ''), succeeded(i % 40, tid, EXC[(i + k) % 3] ?? ''));
      }
      return { pod: p.name, container: 'app', previous: false, lines };
    });
    const r = buildTriageReport(baseEvidence({ pods, logs }), times);
    expect(r.headline).not.toMatch(/reset by the peer|carrier-gateway/i);
    expect(r.verdict).toBe('healthy');
  });

  it('leave no dependency failure for a dropped connection the client logs at WARN and reconnects right after', () => {
    const reset = '2026-11-21 03:11:15,600 WARNING paramiko.transport Socket exception: Connection reset by peer (104)';
    const again = '2026-11-21 03:11:15,800 INFO importer.sftp reconnected to sftp.partner.example (attempt 2)';
    const work = '2026-11-21 03:11:16,000 INFO importer.sftp polling /outbound on sftp.partner.example';
    expect([...listSucceededRetryLines([reset, again, work])]).toEqual([0]);
    // No reconnect, a reconnect that failed, or an ERROR: the drop stays.
    expect(listSucceededRetryLines([reset, work]).size).toBe(0);
    expect(listSucceededRetryLines([reset, '2026-11-21 03:11:15,800 ERROR importer.sftp reconnect failed, giving up']).size).toBe(0);
    expect(listSucceededRetryLines(['2026-11-21 03:11:15,600 ERROR importer.db connection reset by peer', again]).size).toBe(0);
  });

  it('still report a dependency whose retries give up', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const logs = pods.map((p, k) => {
      const lines: string[] = [];
      for (let i = 0; i < 12; i++) {
        const tid = `http-nio-8080-exec-${(i + k * 3) % 40 + 1}`;
        lines.push(waiting(i, tid, EXC[1] ?? ''), gaveUp(i, tid, EXC[1] ?? ''));
      }
      return { pod: p.name, container: 'app', previous: false, lines };
    });
    const r = buildTriageReport(baseEvidence({ pods, logs }), times);
    expect(r.verdict).not.toBe('healthy');
  });
});

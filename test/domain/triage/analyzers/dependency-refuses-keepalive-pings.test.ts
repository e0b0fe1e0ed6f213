// A gRPC client whose keepalive pings come more often than its server permits: the server answers
// GOAWAY ENHANCE_YOUR_CALM "too_many_pings" and closes the connection, the calls on it fail
// UNAVAILABLE. The server is named by the address the client calls, the fix is the client's
// keepalive setting, and a revision that lowered it is the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const CLOSED = (t: string) => `${t} WARN  [grpc-default-executor-3] c.acme.ledger.BalanceClient - balance lookup failed: io.grpc.StatusRuntimeException: UNAVAILABLE: Connection closed after GOAWAY. HTTP/2 error code: ENHANCE_YOUR_CALM, debug data: too_many_pings`;
const RESET = (t: string) => `${t} WARN  [grpc-default-executor-3] c.acme.ledger.BalanceClient - balance lookup failed: io.grpc.StatusRuntimeException: UNAVAILABLE: io exception`;

const env = (keepalive: string): EnvVarEvidence[] => [
  { name: 'BALANCES_TARGET', value: 'dns:///balances.payments.svc.cluster.local:50051' },
  { name: 'BALANCES_KEEPALIVE_TIMEOUT_MS', value: '3000' },
  { name: 'BALANCES_KEEPALIVE_TIME_MS', value: keepalive },
];

function client(line: (t: string) => string) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(30), startTime: minutesAgo(30), containers: [container({ env: env('20000') })] }));
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: env('600000') })] }),
      revision(REV7, minutesAgo(31), { replicas: 2, containers: [revisionContainer({ env: env('20000') })] }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['2026-11-21T03:01:00.000Z', '2026-11-21T03:06:30.000Z', '2026-11-21T03:12:10.000Z'].map(line) })),
  });
}

describe('a gRPC server closing connections over too frequent keepalive pings', () => {
  it('names the server by the address the client calls, and the keepalive setting to raise', () => {
    const [f] = analyzeDependencyRefusals({ ...client(CLOSED), collectedAt: NOW });
    expect(f?.title).toMatch(/^gRPC balances closes .*keepalive pings.*too_many_pings/);
    expect(f?.fix).toMatch(/raise BALANCES_KEEPALIVE_TIME_MS=20000 .*minimum ping interval/);
    expect(f?.affected?.services).toEqual(['balances']);
  });

  it('dates it to the revision that lowered the keepalive time', () => {
    const report = buildTriageReport(client(CLOSED), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \([^)]*BALANCES_KEEPALIVE_TIME_MS[^)]*\): gRPC balances closes/);
  });

  it('says nothing of keepalive when the connections fail for another reason', () => {
    expect(analyzeDependencyRefusals({ ...client(RESET), collectedAt: NOW })).toEqual([]);
  });
});

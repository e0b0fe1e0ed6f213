// A service refusing a caller's credential for the caller's own reason — its token expired, it sent
// none — answers 401 correctly: a client error, whatever level the validator logs it at. Such lines
// do not make a ready, restart-free workload unhealthy. A refusal that can be the service's own
// fault (a signature it cannot verify after a key rotation, a key set it cannot fetch, an unknown
// kid, a certificate) stays an error, and so does the workload's own outbound call refused.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { isClientCredentialRejection } from '../../../src/domain/triage/client-credential-rejection.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const expired = (m: number, client: string) =>
  `{"level":"error","time":"${minutesAgo(m)}","msg":"token validation failed","client_id":"${client}","err":"token has invalid claims: token is expired","status":401,"path":"/v1/orders"}`;

describe("a caller's credential refused for the caller's own reason", () => {
  it('is a client error, not an error line, in the words of the common validators', () => {
    expect(isClientCredentialRejection(expired(3, 'ios-app'))).toBe(true);
    expect(isErrorLine(expired(3, 'ios-app'))).toBe(false);
    expect(isErrorLine('time=2026-11-21T03:10:00Z level=error msg="auth failed" err="jwt expired" method=GET path=/api/cart status=401')).toBe(false);
    expect(isErrorLine('2026-11-21 03:10:00,120 ERROR auth: rejected request GET /v2/items: ExpiredSignatureError: Signature has expired (401)')).toBe(false);
    expect(isErrorLine('{"level":"error","msg":"unauthorized","error":"missing authorization header","path":"/v1/me","status":401}')).toBe(false);
  });

  it('stays an error when the refusal can be the service\'s own fault, or the call was its own', () => {
    expect(isErrorLine('{"level":"error","msg":"token validation failed","err":"token signature is invalid: crypto/rsa: verification error","status":401,"path":"/v1/orders"}')).toBe(true);
    expect(isErrorLine('{"level":"error","msg":"token validation failed","err":"unable to fetch JWKS: context deadline exceeded","status":401,"path":"/v1/orders"}')).toBe(true);
    expect(isErrorLine('{"level":"error","msg":"token validation failed","err":"key not found for kid 2026-12-b","status":401,"path":"/v1/orders"}')).toBe(true);
    expect(isErrorLine('{"level":"error","msg":"token validation failed","err":"x509: certificate has expired","status":401,"path":"/v1/orders"}')).toBe(true);
    expect(isErrorLine('{"level":"error","msg":"token is expired","status":500,"path":"/v1/orders"}')).toBe(true);
    // The workload's own call refused: its credential, its fault.
    expect(isErrorLine('2026-11-21 03:10:00 ERROR sync: POST https://api.partner.example/v1/orders failed: 401 Unauthorized: token is expired')).toBe(true);
    expect(isErrorLine('{"level":"error","msg":"upstream call failed","upstream":"billing","err":"token is expired","status":401,"path":"/v1/charge"}')).toBe(true);
  });

  it('do not make ready pods with no restarts unhealthy, and the all-clear says nothing of tokens', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const log = (name: string): LogEvidence => {
      const lines: string[] = [];
      for (let i = 0; i < 14; i++) {
        lines.push(expired(58 - i * 4, ['ios-app', 'android-app'][i % 2] ?? ''));
        lines.push(`{"level":"info","time":"${minutesAgo(58 - i * 4 - 0.1)}","msg":"request","method":"GET","path":"/v1/orders","status":200}`);
      }
      return { pod: name, container: 'app', previous: false, lines };
    };
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => log(p.name)) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).not.toMatch(/token|401|expired/i);
  });
});

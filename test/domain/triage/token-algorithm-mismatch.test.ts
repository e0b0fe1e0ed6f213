// The pods are Ready and log nothing at ERROR, yet every caller is refused: the token issuer now
// signs with another algorithm (an asymmetric key where it used a shared secret) and the service's
// verifier still allows only the old one ("invalid algorithm", "signing method ES256 is invalid").
// A problem, never an all-clear, read as a mismatch between the service and its issuer; the issuer's
// rollout that changed its algorithm setting is the trigger; a few stray tokens among served
// requests stay healthy.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceRolloutEvidence } from '../../../src/domain/triage/evidence.js';
import { findAlgorithmMismatch } from '../../../src/domain/triage/token-algorithm-mismatch.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const pino = (m: number, level: number, f: string) => `{"level":${level},"time":${Date.parse(minutesAgo(m))},${f}}`;

/** A Node API: requests served until the issuer changed, then every token refused for its algorithm. */
function apiLog(podName: string, opts: { strayEvery?: number } = {}): LogEvidence {
  const lines: string[] = [];
  for (let t = 60, i = 0; t > 0.5; t -= 0.5, i++) {
    const refused = opts.strayEvery !== undefined ? i % opts.strayEvery === 0 : t < 35;
    if (refused) {
      lines.push(
        pino(t, 40, `"msg":"auth failed","err":{"type":"JsonWebTokenError","message":"invalid algorithm"},"header":{"alg":"ES256","typ":"JWT"},"allowed":["HS512"]`),
        pino(t - 0.001, 30, `"req":{"method":"GET","url":"/v2/items"},"res":{"statusCode":401},"msg":"request completed"`),
      );
    } else lines.push(pino(t, 30, `"req":{"method":"GET","url":"/v2/items"},"res":{"statusCode":200},"msg":"request completed"`));
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

const issuerRollout = (createdMinutesAgo: number): NamespaceRolloutEvidence => ({
  deployment: 'auth-tokens',
  labels: { app: 'auth-tokens' },
  revisions: [
    revision({ revision: 12, hash: 'aa11bb22cc' }, minutesAgo(createdMinutesAgo), { containers: [revisionContainer({ env: [{ name: 'TOKEN_SIGNING_ALG', value: 'ES256' }] })] }),
    revision({ revision: 11, hash: 'dd33ee44ff' }, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ env: [{ name: 'TOKEN_SIGNING_ALG', value: 'HS512' }] })] }),
  ],
});

function apiScenario(opts: { strayEvery?: number; rollouts?: NamespaceRolloutEvidence[] } = {}) {
  const c = container({ env: [{ name: 'AUTH_JWT_ALGORITHMS', value: 'HS512' }] });
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [c] }));
  return { ...baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => apiLog(p.name, opts)) }), ...(opts.rollouts ? { namespaceRollouts: opts.rollouts } : {}) };
}

describe('every token refused for its signing algorithm', () => {
  it('is read with the algorithm the tokens carry and the ones allowed', () => {
    const r = findAlgorithmMismatch(apiScenario().logs, NOW);
    expect(r?.got).toBe('ES256');
    expect(r?.allowed).toEqual(['HS512']);
    expect(r?.servedOkAfter).toBe(0);
  });

  it('is a problem, never an all-clear: both algorithms, the setting and the 401s in the headline, no rollback of the service', () => {
    const r = buildTriageReport(apiScenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/refuses every bearer token for its signing algorithm/);
    expect(r.headline).toMatch(/signed ES256/);
    expect(r.headline).toMatch(/allows only HS512 \(AUTH_JWT_ALGORITHMS=HS512\)/);
    expect(r.headline).toMatch(/401/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back|rollout undo|expired|clock skew/i);
  });

  it('names the issuer\'s rollout that changed its signing algorithm as the trigger', () => {
    const r = buildTriageReport(apiScenario({ rollouts: [issuerRollout(40)] }), times);
    expect(r.headline).toMatch(/^Since [\w-]+\/auth-tokens's revision 12 \(40m ago\) changed TOKEN_SIGNING_ALG HS512 → ES256: /);
    expect(r.headline).toMatch(/revert TOKEN_SIGNING_ALG of [\w-]+\/auth-tokens/);
  });

  it('an issuer revision that came after the refusals began is not their trigger', () => {
    const r = buildTriageReport(apiScenario({ rollouts: [issuerRollout(10)] }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).not.toMatch(/auth-tokens/);
  });

  it('a few tokens with another algorithm among requests served are callers\' mistakes: healthy', () => {
    expect(findAlgorithmMismatch(apiScenario({ strayEvery: 10 }).logs, NOW)).toBeUndefined();
    const r = buildTriageReport(apiScenario({ strayEvery: 10 }), times);
    expect(r.verdict, JSON.stringify(r.findings.map((f) => f.title))).toBe('healthy');
  });
});

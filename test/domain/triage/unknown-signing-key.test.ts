// Tokens refused because their key id (kid) is not in the key set the service holds: the pods stay
// Ready and the validator logs it at WARN/INFO, yet every request carrying a new token gets 401.
// A burst of them is a problem, never an all-clear; the reading is a stale JWKS cache (the identity
// provider rotated its signing key), with the cache TTL quoted from the env when one is set.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import type { EnvVarEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { findUnknownKeyRejections, readKeyCacheTtl } from '../../../src/domain/triage/unknown-signing-key.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const zap = (m: number, level: string, msg: string, extra: string) => `{"level":"${level}","ts":"${minutesAgo(m)}","msg":"${msg}"${extra}}`;

/** New tokens refused every few minutes over the last 40, old ones still served; the cache filled 14 h ago. */
function validatorLog(podName: string): LogEvidence {
  const lines = [zap(14 * 60, 'info', 'jwks refreshed', ',"keys":1,"kids":["2026-11-key-a"]')];
  for (let t = 39; t > 0.5; t -= 3) {
    lines.push(
      zap(t, 'warn', 'token validation failed', ',"error":"no key found for kid \\"2026-12-key-b\\"","path":"/v1/orders"'),
      zap(t - 0.001, 'info', 'request', ',"method":"GET","path":"/v1/orders","status":401,"duration_ms":0'),
      zap(t - 0.3, 'info', 'request', ',"method":"GET","path":"/v1/orders/o_1","status":200,"duration_ms":11'),
    );
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

function scenario(env: EnvVarEvidence[]) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => validatorLog(p.name)) });
}

const JWKS_URL = { name: 'JWKS_URL', value: 'http://auth-server.identity.svc.cluster.local:8080/oauth2/jwks' };

describe('tokens refused for a key id the service does not know', () => {
  it('count as error lines at any level, in the words of the common validators; a plain 401 or key-set refresh does not', () => {
    expect(isErrorLine('{"level":"warn","msg":"token validation failed","error":"no key found for kid \\"2026-12-key-b\\""}')).toBe(true);
    expect(isErrorLine('2026-11-21 03:10:00 INFO Unable to find a signing key that matches \'k2\'')).toBe(true);
    expect(isErrorLine('level=info msg="jwt rejected" err="the given key ID was not found in the JWKS"')).toBe(true);
    expect(isErrorLine('[2026-11-21T03:10:00Z] debug jwt_authn: Jwks doesn\'t have key to match kid or alg from Jwt')).toBe(true);
    expect(isErrorLine('{"level":"info","msg":"request","status":401}')).toBe(false);
    expect(isErrorLine('{"level":"info","msg":"jwks refreshed","kids":["2026-11-key-a"]}')).toBe(false);
  });

  it('are read with the key id, the pods, the 401s answered and the key set the cache last loaded', () => {
    const r = findUnknownKeyRejections(scenario([JWKS_URL]).logs);
    expect(r?.kids).toEqual(['2026-12-key-b']);
    expect(r?.pods).toHaveLength(2);
    expect(r?.served401).toBeGreaterThan(10);
    expect(r?.lastRefresh?.line).toMatch(/jwks refreshed/);
  });

  it('find the key cache TTL in the env by its name', () => {
    expect(readKeyCacheTtl([JWKS_URL, { name: 'JWKS_CACHE_TTL', value: '24h' }])).toEqual({ name: 'JWKS_CACHE_TTL', value: '24h' });
    expect(readKeyCacheTtl([{ name: 'AUTH_KEYS_CACHE_SECONDS', value: '86400' }])).toEqual({ name: 'AUTH_KEYS_CACHE_SECONDS', value: '86400' });
    expect(readKeyCacheTtl([JWKS_URL, { name: 'CACHE_TTL', value: '5m' }])).toBeUndefined();
  });

  it('are a stale JWKS cache, never an all-clear: the kid, the TTL from the env, the 401s, a refresh and no rollback', () => {
    const r = buildTriageReport(scenario([JWKS_URL, { name: 'JWKS_CACHE_TTL', value: '24h' }]), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/kid 2026-12-key-b/);
    expect(r.headline).toMatch(/JWKS cache is stale/);
    expect(r.headline).toMatch(/JWKS_CACHE_TTL=24h/);
    expect(r.headline).toMatch(/401/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back|rollout undo|clock skew|expired/i);
    const text = JSON.stringify(r);
    expect(text).toMatch(/refetch|refresh/i);
  });

  it('without a TTL in the env, still a problem that names the stale key set as the usual cause', () => {
    const r = buildTriageReport(scenario([JWKS_URL]), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/kid 2026-12-key-b/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back/);
  });

  it('one or two such lines are not a finding', () => {
    const log = validatorLog(pod(0).name);
    const few = { ...log, lines: log.lines.slice(0, 4) };
    expect(findUnknownKeyRejections([few])).toBeUndefined();
  });
});

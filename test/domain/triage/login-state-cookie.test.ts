import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import type { EnvVarEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';

// A login callback failing its OAuth/OIDC state check: the state was saved in the session cookie,
// and the cookie did not come back on the identity provider's cross-site redirect.
const AUTHLIB = 'authlib.integrations.base_client.errors.MismatchingStateError: mismatching_state: CSRF Warning! State not equal in request and response.';
const SPRING = '2026-11-21 03:06:30.350 ERROR 1 --- [nio-8080-exec-3] o.s.s.o.c.w.OAuth2LoginAuthenticationFilter : [authorization_request_not_found]';
const PASSPORT = 'Error: Unable to verify authorization request state.';

function revision(n: number, env: EnvVarEvidence[], image = 'registry.example/web/portal:2.0.0'): RevisionEvidence {
  return { revision: n, name: `portal-${n}`, hash: `h${n}`, createdAt: `2026-11-2${n % 10}T00:00:00Z`, containers: [{ name: 'app', image, env, envFrom: [], resources: { requests: {}, limits: {} } }] };
}

const BASE: EnvVarEvidence[] = [{ name: 'OIDC_ISSUER', value: 'https://idp.example/oauth2' }, { name: 'SESSION_COOKIE_SECURE', value: 'true' }];

describe('login callbacks failing the state check for a session cookie the redirect does not bring back', () => {
  it('names SameSite=Strict and the revision that set it, from the revision diff', () => {
    const older = revision(6, [...BASE, { name: 'SESSION_COOKIE_SAMESITE', value: 'Lax' }], 'registry.example/web/portal:1.9.0');
    const newer = revision(7, [...BASE, { name: 'SESSION_COOKIE_SAMESITE', value: 'Strict' }]);
    const d = explainClientDiagnosis([AUTHLIB], [AUTHLIB], [{ name: 'app', env: newer.containers[0]!.env }], [], [], undefined, [older, newer]);
    expect(d?.summary).toMatch(/session cookie is SameSite=Strict since revision 7 \(SESSION_COOKIE_SAMESITE Lax → Strict\)/);
    expect(d?.summary).toMatch(/state/i);
    expect(d?.title?.('logs of 2 ready pods')).toMatch(/^Login callbacks fail the OAuth state check in the logs of 2 ready pods: the session cookie is SameSite=Strict/);
    expect(d?.likelyCause).toMatch(/cross-site/);
    expect(d?.fix).toMatch(/SESSION_COOKIE_SAMESITE=Lax/);
  });

  it('names another cookie setting the newest revision changed (Spring, the cookie domain)', () => {
    const older = revision(3, [...BASE, { name: 'SERVER_SERVLET_SESSION_COOKIE_DOMAIN', value: 'shop.example' }]);
    const newer = revision(4, [...BASE, { name: 'SERVER_SERVLET_SESSION_COOKIE_DOMAIN', value: 'api.shop.example' }]);
    const d = explainClientDiagnosis([SPRING], [SPRING], [{ name: 'app', env: newer.containers[0]!.env }], [], [], undefined, [older, newer]);
    expect(d?.summary).toMatch(/SERVER_SERVLET_SESSION_COOKIE_DOMAIN "shop\.example" → "api\.shop\.example"/);
    expect(d?.summary).toMatch(/since revision 4/);
  });

  it('names a SameSite=Strict cookie the pods run with even when no revision changed it', () => {
    const env = [...BASE, { name: 'COOKIE_SAME_SITE', value: 'strict' }];
    const d = explainClientDiagnosis([PASSPORT], [PASSPORT], [{ name: 'app', env }], [], [], undefined, [revision(2, env)]);
    expect(d?.summary).toMatch(/session cookie is SameSite=Strict \(COOKIE_SAME_SITE=strict\)/);
    expect(d?.summary).not.toMatch(/since revision/);
  });

  it('reads nothing into a state mismatch without a cookie setting to name', () => {
    expect(explainClientDiagnosis([AUTHLIB], [AUTHLIB], [{ name: 'app', env: BASE }], [], [], undefined, [revision(1, BASE), revision(2, BASE)])).toBeUndefined();
  });

  it('never names a cookie secret the revision changed, nor shows its value', () => {
    const older = revision(6, [...BASE, { name: 'SESSION_COOKIE_SECRET', value: 'old-signing-value' }]);
    const newer = revision(7, [...BASE, { name: 'SESSION_COOKIE_SECRET', value: 'new-signing-value' }]);
    expect(explainClientDiagnosis([AUTHLIB], [AUTHLIB], [{ name: 'app', env: newer.containers[0]!.env }], [], [], undefined, [older, newer])).toBeUndefined();
  });

  it('reads nothing into a cookie change without a failing login state', () => {
    const older = revision(6, [...BASE, { name: 'SESSION_COOKIE_SAMESITE', value: 'Lax' }]);
    const newer = revision(7, [...BASE, { name: 'SESSION_COOKIE_SAMESITE', value: 'Strict' }]);
    const line = 'ERROR psycopg.OperationalError: connection refused';
    expect(explainClientDiagnosis([line], [line], [{ name: 'app', env: newer.containers[0]!.env }], [], [], undefined, [older, newer])).toBeUndefined();
  });
});

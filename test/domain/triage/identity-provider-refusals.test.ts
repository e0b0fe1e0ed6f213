// The pods are Ready and log nothing at ERROR, yet every user is refused, because the service and
// its identity provider no longer agree: the provider refuses the service's own client secret
// (invalid_client, Entra ID's AADSTS7000222 for an expired secret), or the service refuses every
// token for its issuer (go-oidc's "issued by a different provider"). Both are a problem, never an
// all-clear, read as the server-side configuration or credential; a minority of foreign tokens
// among served requests, or an authorization server refusing someone else's client, stays healthy.
import { describe, expect, it } from 'vitest';
import type { IssuerProviderEvidence, LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isIdpClientRefusal } from '../../../src/domain/triage/idp-client-refusal.js';
import { findIssuerMismatch } from '../../../src/domain/triage/token-issuer-mismatch.js';
import { findAudienceMismatch, isWrongAudienceRejection } from '../../../src/domain/triage/token-audience-mismatch.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const goStamp = (m: number) => `[${minutesAgo(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}]`;
const clf = (m: number) => {
  const d = new Date(Date.parse(NOW) - m * 60_000);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
};

const APP_ID = '0c7e2b9a-41d3-4f6e-a2b8-5d9c1e7f3a60';
const expiredSecret = `oauth2: "invalid_client" "AADSTS7000222: The provided client secret keys for app '${APP_ID}' are expired. Visit the Azure portal to create new keys for your app."`;

/** An OAuth proxy in front of a dashboard: sessions still pass, every code redemption is refused. */
function proxyLog(podName: string, opts: { recovered?: boolean } = {}): LogEvidence {
  const lines = [`${goStamp(3000)} [oauthproxy.go:172] OAuthProxy configured for OpenID Connect Client ID: ${APP_ID}`];
  for (let t = 50; t > 1; t -= 8) {
    lines.push(
      `10.1.0.7 - 1a2b - dana@example.org [${clf(t + 0.5)}] wiki.example.org GET upstream:3000 "/api/pages" HTTP/1.1 "Mozilla/5.0" 200 812 0.021`,
      `${goStamp(t)} [oauthproxy.go:873] Error redeeming code during OAuth2 callback: token exchange failed: ${expiredSecret}`,
      `10.1.0.7 - 3c4d - - [${clf(t)}] wiki.example.org GET - "/oauth2/callback?code=0.AX&state=x" HTTP/1.1 "Mozilla/5.0" 500 2797 0.190`,
    );
  }
  if (opts.recovered) lines.push(`${goStamp(0.5)} [oauthproxy.go:901] [AuthSuccess] Authenticated via OAuth2: Session{email:dana@example.org}`);
  return { pod: podName, container: 'app', previous: false, lines };
}

function proxyScenario(opts: { recovered?: boolean } = {}) {
  const c = container({
    args: ['--provider=oidc', `--oidc-issuer-url=https://login.microsoftonline.com/5e1d/v2.0`, `--client-id=${APP_ID}`],
    env: [{ name: 'OAUTH2_PROXY_CLIENT_SECRET', ref: { kind: 'secret', name: 'wiki-sso', key: 'client-secret' } }],
  });
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [c] }));
  return baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => proxyLog(p.name, opts)) });
}

const OLD_ISS = 'https://sso.example.org/realms/main';
const NEW_ISS = 'https://id.example.org/realms/main';
const zl = (m: number, level: string, msg: string, f: string) => `{"level":"${level}","time":"${minutesAgo(m)}",${f},"message":"${msg}"}`;

/** A Go API: requests served until the provider moved, then every token refused for its issuer. */
function apiLog(podName: string, opts: { foreignEvery?: number } = {}): LogEvidence {
  const lines: string[] = [];
  for (let t = 60, i = 0; t > 0.5; t -= 0.5, i++) {
    const refused = opts.foreignEvery !== undefined ? i % opts.foreignEvery === 0 : t < 40;
    const from = refused ? (opts.foreignEvery !== undefined ? 'https://staging-sso.example.org/realms/main' : NEW_ISS) : OLD_ISS;
    if (refused) {
      lines.push(
        zl(t, 'warn', 'rejecting request: invalid bearer token', `"path":"/v1/carts","error":"oidc: id token issued by a different provider, expected \\"${OLD_ISS}\\" got \\"${from}\\""`),
        zl(t - 0.001, 'info', 'request', '"method":"GET","path":"/v1/carts","status":401'),
      );
    } else lines.push(zl(t, 'info', 'request', '"method":"GET","path":"/v1/carts","status":200'));
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

const provider = (createdMinutesAgo: number): IssuerProviderEvidence => ({
  kind: 'StatefulSet', namespace: 'auth', name: 'sso', host: 'id.example.org', revision: 9, previousRevision: 8, createdAt: minutesAgo(createdMinutesAgo),
  settings: [{ name: 'KC_HOSTNAME', value: 'https://id.example.org', before: 'sso.example.org' }],
});

function apiScenario(opts: { foreignEvery?: number } = {}) {
  const c = container({ envFrom: [{ kind: 'configMap', name: 'carts-api-config' }] });
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [c] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => apiLog(p.name, opts)),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'carts-api-config', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(30 * 24 * 60), keys: ['OIDC_ISSUER_URL', 'OIDC_AUDIENCE', 'LOG_LEVEL'] }],
  });
}

describe('the identity provider refuses the service as an OAuth client', () => {
  it('is read from the client side only: a token request refused, or an Entra ID client-credential code', () => {
    expect(isIdpClientRefusal(`[2026/11/21 03:00:00] [oauthproxy.go:873] Error redeeming code during OAuth2 callback: token exchange failed: ${expiredSecret}`)).toBe(true);
    expect(isIdpClientRefusal('level=warn msg="failed to refresh session" error="oauth2: cannot fetch token: 401 Unauthorized Response: {\\"error\\":\\"invalid_client\\",\\"error_description\\":\\"Invalid client or Invalid client credentials\\"}"')).toBe(true);
    // An authorization server refusing another client is that client's fault.
    expect(isIdpClientRefusal('2026-11-21 03:00:00,000 WARN [org.keycloak.events] type="CLIENT_LOGIN_ERROR", clientId="batch", error="invalid_client_credentials"')).toBe(false);
    expect(isIdpClientRefusal('{"level":"info","msg":"login failed","error":"invalid_grant"}')).toBe(false);
  });

  it('is a problem, never an all-clear: the expired secret, the provider, a new secret in the Secret the pods read, no rollback', () => {
    const r = buildTriageReport(proxyScenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/client secret expired/);
    expect(r.headline).toMatch(/AADSTS7000222/);
    expect(r.headline).toMatch(/Entra ID/);
    expect(r.headline).toMatch(/new client secret[^\n]*Secret wiki-sso/);
    expect(r.headline).toMatch(/callbacks? answered 5xx/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back|rollout undo|no change found/i);
  });

  it('a login accepted after the last refusal is a credential already replaced: no finding', () => {
    const r = buildTriageReport(proxyScenario({ recovered: true }), times);
    expect(r.findings.some((f) => f.id === 'credentials-rejected/identity-provider-client')).toBe(false);
  });
});

describe('every token refused for its issuer', () => {
  it('is read with the expected and the carried issuer, and the 401s answered since', () => {
    const r = findIssuerMismatch(apiScenario().logs, NOW);
    expect(r?.expected).toBe(OLD_ISS);
    expect(r?.got).toBe(NEW_ISS);
    expect(r?.servedOkAfter).toBe(0);
    expect(r?.onsetSeen).toBe(true);
    expect(r?.served401).toBeGreaterThan(100);
  });

  it('is a mismatch between the service and its provider: both issuers and the setting named, no rollback, nothing about expiry', () => {
    const r = buildTriageReport(apiScenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/refuses every bearer token/);
    expect(r.headline).toContain(NEW_ISS);
    expect(r.headline).toContain(OLD_ISS);
    expect(r.headline).toMatch(/OIDC_ISSUER_URL \(ConfigMap carts-api-config/);
    expect(r.headline).toMatch(/401/);
    expect(r.headline).not.toMatch(/looks healthy|Roll back|rollout undo|expired|clock skew/i);
  });

  it('a few foreign-issuer tokens among requests served are callers\' mistakes: healthy', () => {
    expect(findIssuerMismatch(apiScenario({ foreignEvery: 10 }).logs, NOW)).toBeUndefined();
    const r = buildTriageReport(apiScenario({ foreignEvery: 10 }), times);
    expect(r.verdict, JSON.stringify(r.findings.map((f) => f.title))).toBe('healthy');
  });

  it('names the identity provider\'s rollout that moved its hostname as the trigger, and reverting it as the other way out', () => {
    const r = buildTriageReport({ ...apiScenario(), issuerProvider: provider(42) }, times);
    expect(r.headline).toMatch(/^Since auth\/sso's revision 9 \(42m ago\) changed KC_HOSTNAME sso\.example\.org → https:\/\/id\.example\.org: /);
    expect(r.headline).toMatch(/revert KC_HOSTNAME of StatefulSet auth\/sso/);
  });

  it('a provider revision that came after the refusals began is not their trigger', () => {
    const r = buildTriageReport({ ...apiScenario(), issuerProvider: provider(10) }, times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).not.toMatch(/KC_HOSTNAME|auth\/sso/);
  });
});

const jose = (m: number, level: string, msg: string, f: string) => `{"time":"${minutesAgo(m)}","level":"${level}","msg":"${msg}",${f}}`;

/** A Go API whose revision 7 changed its audience: requests served before, then every token refused for its audience. */
function audienceLog(podName: string, opts: { strayEvery?: number } = {}): LogEvidence {
  const lines: string[] = [];
  for (let t = 30, i = 0; t > 0.5; t -= 0.5, i++) {
    const refused = opts.strayEvery !== undefined ? i % opts.strayEvery === 0 : true;
    if (refused) {
      lines.push(
        jose(t, 'WARN', 'token rejected', '"path":"/v1/orders","error":"go-jose/go-jose/jwt: validation failed, invalid audience claim (aud)"'),
        jose(t - 0.001, 'INFO', 'request', '"method":"GET","path":"/v1/orders","status":401'),
      );
    } else lines.push(jose(t, 'INFO', 'request', '"method":"GET","path":"/v1/orders","status":200'));
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

function audienceScenario(opts: { strayEvery?: number } = {}) {
  const env = (aud: string) => [{ name: 'OIDC_ISSUER', value: 'https://id.example.org/realms/main' }, { name: 'OIDC_AUDIENCE', value: aud }];
  const c = container({ env: env('api://payments') });
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, containers: [c], createdAt: minutesAgo(33), startTime: minutesAgo(33) }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: env('payments') })] }),
      revision(REV7, minutesAgo(34), { replicas: 3, containers: [revisionContainer({ env: env('api://payments') })] }),
    ],
    logs: pods.slice(0, 2).map((p) => audienceLog(p.name, opts)),
  });
}

describe('every token refused for its audience', () => {
  it('is read from the validators\' words, not from other refusals', () => {
    expect(isWrongAudienceRejection('{"error":"go-jose/go-jose/jwt: validation failed, invalid audience claim (aud)"}')).toBe(true);
    expect(isWrongAudienceRejection('oidc: expected audience "payments" got ["web"]')).toBe(true);
    expect(isWrongAudienceRejection('IDX10214: Audience validation failed. Audiences: \'web\'.')).toBe(true);
    expect(isWrongAudienceRejection('{"error":"go-jose/go-jose/jwt: validation failed, token is expired (exp)"}')).toBe(false);
  });

  it('is a problem naming the audience setting and the revision that changed it, never an all-clear', () => {
    const r = buildTriageReport(audienceScenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/audience \(aud\)/);
    expect(r.headline).toMatch(/OIDC_AUDIENCE/);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/"payments"/);
    expect(r.headline).not.toMatch(/looks healthy|expired|clock skew/i);
  });

  it('a few tokens for another audience among requests served are callers\' mistakes: healthy', () => {
    expect(findAudienceMismatch(audienceScenario({ strayEvery: 10 }).logs, NOW)).toBeUndefined();
    const r = buildTriageReport(audienceScenario({ strayEvery: 10 }), times);
    expect(r.verdict, JSON.stringify(r.findings.map((f) => f.title))).toBe('healthy');
  });
});

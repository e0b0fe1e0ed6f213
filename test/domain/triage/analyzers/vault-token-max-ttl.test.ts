import { describe, expect, it } from 'vitest';
import { analyzeVaultTokenMaxTtl } from '../../../../src/domain/triage/analyzers/vault-token-max-ttl.js';
import { ANALYZERS, runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import { REV6, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const DAY = 24 * 60;
const clock = (agoMin: number) => minutesAgo(agoMin).replace('T', ' ').replace(/\.\d+Z$/, ',000');
const DENIED = (ago: number) => `${clock(ago)} ERROR renderer.http: POST /v1/invoices/render 500 9ms error="secrets unavailable: vault 403 permission denied"`;
const RENEW = (ago: number) => `${clock(ago)} WARNING renderer.vault: renew-self failed: 403 permission denied`;
const ROLE: SettingConfigEvidence = { mechanism: 'vault-token', configMap: 'vault-auth-roles', key: 'billing-invoice-renderer.yaml', via: 'role billing-invoice-renderer', written: 'token_max_ttl: 768h' };

/** Pods started `startedAgo` minutes ago that log Vault's 403s since `deniedAgo`. */
function scenario(o: { startedAgo: number[]; deniedAgo: number; config?: SettingConfigEvidence[]; lines?: string[] }) {
  const pods = o.startedAgo.map((ago, i) => pod(i, { ready: false, createdAt: minutesAgo(ago + 0.2), startTime: minutesAgo(ago), containers: [container({ ready: false, state: { running: { startedAt: minutesAgo(ago) } } })] }));
  const lines = o.lines ?? [DENIED(o.deniedAgo), RENEW(o.deniedAgo - 1), DENIED(o.deniedAgo - 5), DENIED(1)];
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(o.config ? { settingConfig: o.config } : {}) });
  return { ...base, revisions: [revision(REV6, minutesAgo(Math.max(...o.startedAgo) + 1), { containers: [revisionContainer()] })] };
}

describe('analyzeVaultTokenMaxTtl', () => {
  it('names the max TTL the pods\' Vault role sets when their 403s began as their age reached it', () => {
    const ev = scenario({ startedAgo: [32 * DAY + 42, 32 * DAY + 41, 32 * DAY + 40], deniedAgo: 41.5, config: [ROLE] });
    const [f] = analyzeVaultTokenMaxTtl(ev);
    expect(f?.title).toBe('The pods\' Vault tokens reached their max TTL — token_max_ttl: 768h (32d; ConfigMap vault-auth-roles, key billing-invoice-renderer.yaml): the pods logged in once at start, 32d ago, and since 41m ago every secret read and renewal gets 403 permission denied (3 pods, 12 lines)');
    expect(f?.kind).toBe('credentials-rejected');
    expect(f?.nextAction).toMatch(/^Restart the pods \(`kubectl rollout restart deployment\/payment-service -n payments[^`]*`[^)]*\) so they log in again/);
    expect(f?.fix).toMatch(/^restart the pods so they log in again \(kubectl rollout restart deployment\/payment-service -n payments[^;]*; a mitigation, it recurs 32d later\), then make the client log in again when renewal stops extending its token or answers 403 \(or use Vault Agent\)$/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    expect(f?.outsideWorkload).toBeDefined();
    expect(runAnalyzers(ev, { 'vault-token-max-ttl': ANALYZERS['vault-token-max-ttl'] ?? (() => []) }).findings.map((x) => x.id)).toEqual(['credentials-rejected/vault-token-max-ttl']);
  });

  it('reads a max TTL the pods\' own ConfigMap sets, in seconds or days', () => {
    const own: SettingConfigEvidence = { mechanism: 'vault-token', configMap: 'renderer-config', key: 'VAULT_TOKEN_MAX_TTL', via: 'envFrom', written: 'VAULT_TOKEN_MAX_TTL=86400' };
    const [f] = analyzeVaultTokenMaxTtl(scenario({ startedAgo: [DAY + 20, DAY + 19], deniedAgo: 19.5, config: [own] }));
    expect(f?.title).toMatch(/^The pods' Vault tokens reached their max TTL — VAULT_TOKEN_MAX_TTL=86400 \(1d; ConfigMap renderer-config\): .*since 19m ago/);
  });

  it('claims nothing when the pods\' age does not match the max TTL, a young pod is refused too, no max TTL is read, or the 403s are not Vault\'s', () => {
    // Refused long after the tokens' end would have come: something else (a policy change).
    expect(analyzeVaultTokenMaxTtl(scenario({ startedAgo: [40 * DAY, 40 * DAY], deniedAgo: 30, config: [ROLE] }))).toEqual([]);
    // A pod started an hour ago is refused as well: its fresh token is not at any max TTL.
    expect(analyzeVaultTokenMaxTtl(scenario({ startedAgo: [32 * DAY + 42, 60], deniedAgo: 41.5, config: [ROLE] }))).toEqual([]);
    expect(analyzeVaultTokenMaxTtl(scenario({ startedAgo: [32 * DAY + 42, 32 * DAY + 41], deniedAgo: 41.5 }))).toEqual([]);
    const s3 = (ago: number) => `${clock(ago)} ERROR uploader: PutObject 403 Forbidden: AccessDenied`;
    expect(analyzeVaultTokenMaxTtl(scenario({ startedAgo: [32 * DAY + 42, 32 * DAY + 41], deniedAgo: 41.5, config: [ROLE], lines: [s3(41), s3(30), s3(2)] }))).toEqual([]);
  });

  it('tells of a Vault Agent sidecar: its multi-line 403s and Vault\'s capped-TTL warning, the stale rendered credentials, no rollback', () => {
    const iso = (ago: number) => minutesAgo(ago);
    const denied = (ago: number, path: string) => [
      `${iso(ago)} [ERROR] agent.auth.handler: error authenticating: error="Error making API request.`,
      '',
      `URL: PUT https://vault.internal:8200/v1/${path}`,
      'Code: 403. Errors:',
      '',
      '* permission denied" backoff=2s',
    ];
    const agentLines = [
      `${iso(130)} [INFO]  agent.auth.handler: authentication successful, sending token to sinks`,
      `${iso(130)} [WARN]  agent.auth.handler: TTL of "768h0m0s" exceeded the effective max_ttl of "2h0m0s"; TTL value is capped accordingly`,
      ...denied(10, 'auth/token/renew-self'), ...denied(9, 'auth/kubernetes/login'), ...denied(4, 'auth/kubernetes/login'),
    ];
    const appLines = [1, 2].map((m) => `${clock(m)} ERROR pool: FATAL: password authentication failed for user "v-k8s-ledger-7Hq2"`);
    const agent = container({ name: 'vault-agent', image: 'hashicorp/vault:1.16.2', args: ['vault agent -config=/home/vault/config.json'], volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets' }], state: { running: { startedAt: minutesAgo(130) } } });
    const pods = [0, 1].map((i) => pod(i, { ready: false, createdAt: minutesAgo(130.2), startTime: minutesAgo(130), containers: [container({ ready: false, state: { running: { startedAt: minutesAgo(130) } } }), agent] }));
    const logs = pods.flatMap((p) => [{ pod: p.name, container: 'vault-agent', previous: false, lines: agentLines }, { pod: p.name, container: 'app', previous: false, lines: appLines }]);
    const ev = { ...baseEvidence({ pods, logs }), revisions: [revision(REV6, minutesAgo(131), { containers: [revisionContainer()] })] };
    const [f] = analyzeVaultTokenMaxTtl(ev);
    expect(f?.title).toBe('Vault Agent (container vault-agent) cannot renew its token past its max TTL — effective max_ttl "2h0m0s" (2h; Vault\'s warning in container vault-agent\'s log): since 10m ago its renewals, logins and reads get 403 permission denied (2 pods, 6 lines), so the credentials it rendered under /vault/secrets are stale and the dependency rejects them');
    expect(f?.evidence.join('\n')).toMatch(/password authentication failed/);
    expect(f?.decisive).toMatch(/v1\/auth\/kubernetes\/login Code: 403\. Errors: \* permission denied/);
    expect(`${f?.nextAction ?? ''} ${f?.likelyCause ?? ''}`).not.toMatch(/roll ?back|use Vault Agent/i);
    expect(f?.outsideWorkload).toBeDefined();
  });
});

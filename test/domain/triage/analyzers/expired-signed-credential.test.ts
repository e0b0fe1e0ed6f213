// A time-limited credential kept in a ConfigMap (a SAS, a presigned URL, a token) ran out while
// nothing changed: the store refuses every request with it and the pods stay Ready. The headline
// must name the credential's expiry as the trigger, where it lives, and the store's code — never
// its signature — and stay quiet when the credential is still valid or the refusals are few.
import { describe, expect, it } from 'vitest';
import { analyzeExpiredSignedCredential } from '../../../../src/domain/triage/analyzers/expired-signed-credential.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findExpiredCredentialRefusals, readCredentialExpiry } from '../../../../src/domain/triage/expired-signed-credential.js';
import { keepSettings, pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const SIG = 'sig=Zm9vYmFyc2VjcmV0%2Bc2lnbmF0dXJl%3D';
const SAS_URL = (se: string) => `https://examplestore.blob.core.windows.net/exports?sv=2022-11-02&ss=b&sp=rwc&se=${se}&st=2026-08-01T00:00:00Z&spr=https&${SIG}`;
const EXPIRED = '2026-11-21T02:00:00Z';

/** The Azure SDK's refusal as it logs it: a banner, then the XML body over several lines. */
function azureRefusal(m: number): string[] {
  const t = minutesAgo(m);
  return [
    `${t} ERROR export: upload exports/batch-${m}.csv failed: PUT https://examplestore.blob.core.windows.net/exports/batch-${m}.csv`,
    '--------------------------------------------------------------------------------',
    'RESPONSE 403: 403 Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    'ERROR CODE: AuthenticationFailed',
    '--------------------------------------------------------------------------------',
    '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.',
    `RequestId:00000000-0000-0000-0000-00000000000${m % 10}`,
    `Time:${t}</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [Sat, 01 Aug 2026 00:00:00 GMT] - Expiry [${new Date(EXPIRED).toUTCString()}] - Current [${new Date(t).toUTCString()}]</AuthenticationErrorDetail></Error>`,
  ];
}

function scenario(lines: string[], config: SettingConfigEvidence[] = []): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'exporter-storage' }] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), settingConfig: config });
}

const REFUSALS = [`${minutesAgo(80)} INFO export: uploaded 12 files`, ...[60, 45, 30, 15, 2].flatMap(azureRefusal)];

describe('a time-limited credential in a ConfigMap that expired', () => {
  it('reads the expiry of a SAS, a presigned URL, a signed URL and a token, never their signature', () => {
    expect(readCredentialExpiry(SAS_URL(EXPIRED))).toEqual({ kind: 'SAS', expiry: '2026-11-21T02:00:00.000Z', written: `se=${EXPIRED}`, url: 'https://examplestore.blob.core.windows.net/exports' });
    expect(readCredentialExpiry('https://bucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261120T020000Z&X-Amz-Expires=86400&X-Amz-Signature=abc')?.expiry).toBe('2026-11-21T02:00:00.000Z');
    expect(readCredentialExpiry('https://storage.googleapis.com/b/o?GoogleAccessId=x&Expires=1795226400&Signature=abc')?.kind).toBe('signed URL');
    const payload = Buffer.from(JSON.stringify({ sub: 'svc', exp: 1795226400 })).toString('base64url');
    expect(readCredentialExpiry(`eyJhbGciOiJIUzI1NiJ9.${payload}.c2lnbmF0dXJl`)).toEqual({ kind: 'token', expiry: new Date(1795226400 * 1000).toISOString(), written: 'exp=1795226400' });
    expect(readCredentialExpiry('https://api.example.com/v1?page=2')).toBeUndefined();
  });

  it('reads the ConfigMap the refused container takes variables from, keeping only the expiry', () => {
    const ev = scenario(REFUSALS);
    const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW }).filter((r) => r.mechanism === 'credential-expiry');
    expect(reads).toEqual([{ mechanism: 'credential-expiry', configMap: 'exporter-storage', via: 'envFrom' }]);
    const kept = keepSettings(reads[0]!, 'exporter-storage', { STORAGE_URL: SAS_URL(EXPIRED), LOG_LEVEL: 'info' });
    expect(kept).toEqual([{ mechanism: 'credential-expiry', configMap: 'exporter-storage', key: 'STORAGE_URL', via: 'envFrom', written: `STORAGE_URL=https://examplestore.blob.core.windows.net/exports?…&se=${EXPIRED}&…`, credential: { kind: 'SAS', expiry: '2026-11-21T02:00:00.000Z' } }]);
    expect(JSON.stringify(kept)).not.toMatch(/sig=|Zm9vYmFy/);
    expect(pickSettingConfigReads({ logs: scenario(REFUSALS.slice(0, 9)).logs, pods: ev.pods, now: NOW }).filter((r) => r.mechanism === 'credential-expiry')).toEqual([]);
  });

  it('headlines the expired SAS with its ConfigMap, its expiry as the trigger and the store code, not the XML body', () => {
    const found = findExpiredCredentialRefusals(scenario(REFUSALS).logs, scenario(REFUSALS).pods, NOW);
    expect(found).toMatchObject({ says: 'sas', code: 'AuthenticationFailed', status: '403', refusals: 10, statedExpiry: '2026-11-21T02:00:00.000Z' });
    const config: SettingConfigEvidence[] = [{ mechanism: 'credential-expiry', configMap: 'exporter-storage', key: 'STORAGE_URL', via: 'envFrom', written: `STORAGE_URL=https://examplestore.blob.core.windows.net/exports?…&se=${EXPIRED}&…`, credential: { kind: 'SAS', expiry: '2026-11-21T02:00:00.000Z' } }];
    const ev = scenario(REFUSALS, config);
    const [f] = analyzeExpiredSignedCredential(ev);
    expect(f?.title).toMatch(/^The SAS in ConfigMap exporter-storage \(key STORAGE_URL, envFrom\) expired at .* \(se=2026-11-21T02:00:00Z\): since then the store refuses every request made with it \(403 AuthenticationFailed\) — 10 refusals in the logs of 2 pods \(all pods ready\)$/);
    expect(f?.fix).toMatch(/^issue a new SAS and put it in ConfigMap exporter-storage key STORAGE_URL/);
    const r = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/SAS in ConfigMap exporter-storage[^\n]*expired/);
    expect(r.headline).toMatch(/403 AuthenticationFailed: Signature not valid in the specified time frame/);
    expect(r.headline).not.toMatch(/<\/?Error>|sig=|roll back/i);
  });

  it('takes the expiry the store states when the credential was not read from a ConfigMap', () => {
    const [f] = analyzeExpiredSignedCredential(scenario(REFUSALS));
    expect(f?.title).toMatch(/^The SAS expired at .*: since then the store refuses every request made with it \(403 AuthenticationFailed\)/);
    expect(f?.confidence).toBe('medium');
  });

  it('names a presigned URL past its X-Amz-Expires the same way, from a JSON log line', () => {
    const lines = [50, 35, 20, 5].map((m) => `{"time":"${minutesAgo(m)}","level":"error","msg":"fetch of price list failed","status":403,"code":"AccessDenied","message":"Request has expired"}`);
    const config: SettingConfigEvidence[] = [{ mechanism: 'credential-expiry', configMap: 'exporter-storage', key: 'PRICE_LIST_URL', via: 'envFrom', written: 'PRICE_LIST_URL=https://bucket.s3.amazonaws.com/prices.csv?…&X-Amz-Date=20261120T020000Z&X-Amz-Expires=86400&…', credential: { kind: 'presigned URL', expiry: '2026-11-21T02:00:00.000Z' } }];
    const [f] = analyzeExpiredSignedCredential(scenario(lines, config));
    expect(f?.title).toMatch(/^The presigned URL in ConfigMap exporter-storage \(key PRICE_LIST_URL, envFrom\) expired at .* \(X-Amz-Date=20261120T020000Z&X-Amz-Expires=86400\): since then the store refuses every request made with it \(403 AccessDenied\) — 8 refusals/);
    // A SAS in the ConfigMap is no explanation of a presigned URL's refusal.
    expect(analyzeExpiredSignedCredential(scenario(lines, [{ ...config[0]!, credential: { kind: 'SAS', expiry: '2026-11-21T02:00:00.000Z' } }]))).toEqual([]);
  });

  it('stays quiet for few or old refusals, a credential still valid, or a bare "token expired" with no credential read', () => {
    expect(analyzeExpiredSignedCredential(scenario(REFUSALS.slice(0, 9)))).toEqual([]);
    expect(analyzeExpiredSignedCredential(scenario([...[300, 250, 200].flatMap(azureRefusal)]))).toEqual([]);
    const valid: SettingConfigEvidence[] = [{ mechanism: 'credential-expiry', configMap: 'exporter-storage', key: 'API_TOKEN', via: 'envFrom', written: 'API_TOKEN=…exp=1900000000', credential: { kind: 'token', expiry: '2030-03-17T17:46:40.000Z' } }];
    const tokenLines = [40, 30, 20, 10].map((m) => `${minutesAgo(m)} WARN client: call to partner api failed: 401 token is expired`);
    expect(analyzeExpiredSignedCredential(scenario(tokenLines))).toEqual([]);
    expect(analyzeExpiredSignedCredential(scenario(tokenLines, valid))).toEqual([]);
    const [token] = analyzeExpiredSignedCredential(scenario(tokenLines, [{ ...valid[0]!, written: 'API_TOKEN=…exp=1795222800', credential: { kind: 'token', expiry: '2026-11-21T01:00:00.000Z' } }]));
    expect(token?.title).toMatch(/^The token in ConfigMap exporter-storage \(key API_TOKEN, envFrom\) expired at .* \(exp=1795222800\)/);
  });
});

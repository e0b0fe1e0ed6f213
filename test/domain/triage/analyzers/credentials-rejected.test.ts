import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials, listRejectedSecrets } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const REJECTED = 'ERROR [pool] connect failed: FATAL: password authentication failed for user "ledger"';

const OPTIONAL: EnvVarEvidence = { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'ledger-db', key: 'password', optional: true } };

function scenario(lines: string[], env: EnvVarEvidence = { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'ledger-db', key: 'password' } }) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: [env] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('analyzeRejectedCredentials', () => {
  it('says the credentials come from a Secret read at start, so a rotation is not seen until a restart', () => {
    const [f] = analyzeRejectedCredentials(scenario([REJECTED, REJECTED]));
    expect(f?.title).toMatch(/^A dependency rejects the credentials of 2 pods: DB_PASSWORD from Secret ledger-db, read when the pods started \(/);
    expect(f?.decisive).toBe(REJECTED);
    expect(f?.nextAction).toContain('rollout restart deployment/payment-service');
    expect(f?.fix).toBe('restart the pods so they read the current ledger-db');
  });

  it('takes one failed login for noise', () => {
    const ev = scenario([]);
    ev.logs = [{ pod: ev.pods[0]?.name ?? '', container: 'app', previous: false, lines: [REJECTED] }];
    expect(analyzeRejectedCredentials(ev)).toEqual([]);
  });

  it('says an optional Secret key the app finds empty was left unset by the kubelet, and clears a revision that read it the same way', () => {
    const ev = scenario(['WARN DB_PASSWORD is empty', REJECTED, REJECTED], OPTIONAL);
    ev.revisions = [REV6, REV7].map((r, i) => revision(r, minutesAgo(i === 0 ? 3 * 24 * 60 : 30), { containers: [revisionContainer({ env: [OPTIONAL] })] }));
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.title).toContain('they start with DB_PASSWORD empty');
    expect(f?.decisive).toBe('WARN DB_PASSWORD is empty');
    expect(f?.title).toContain('optional: true');
    expect(f?.title).toContain('key password');
    expect(f?.title).toContain('ledger-db');
    expect(f?.fix).toMatch(/secretKeyRef/);
    expect(f?.fix).toMatch(/optional: true/);
    expect(f?.nextAction).not.toContain('rollout restart');
    expect(f?.outsideWorkload).toMatch(/revision 6 reads DB_PASSWORD the same way/);
  });

  it('leaves the revision a suspect when it changed the optional reference', () => {
    const ev = scenario(['WARN DB_PASSWORD is empty', REJECTED, REJECTED], OPTIONAL);
    const before: EnvVarEvidence = { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'ledger-db', key: 'DB_PASSWORD' } };
    ev.revisions = [revision(REV6, minutesAgo(3 * 24 * 60), { containers: [revisionContainer({ env: [before] })] }), revision(REV7, minutesAgo(30), { containers: [revisionContainer({ env: [OPTIONAL] })] })];
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.title).toContain('optional: true');
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('does not call a required reference optional, nor an optional one unset when the app does not say so', () => {
    expect(analyzeRejectedCredentials(scenario(['WARN DB_PASSWORD is empty', REJECTED, REJECTED]))[0]?.title).not.toContain('optional');
    expect(analyzeRejectedCredentials(scenario([REJECTED, REJECTED], OPTIONAL))[0]?.title).not.toContain('optional');
  });
});

describe('analyzeRejectedCredentials — a Secret its sync controller no longer updates', () => {
  const KEY_REJECTED = 'ERROR -- : [a1] Billing::AuthError (Invalid API Key provided: sk_live_****Zz9q)';
  const env: EnvVarEvidence = { name: 'VENDOR_API_KEY', ref: { kind: 'secret', name: 'vendor-creds', key: 'api-key' } };
  const syncFailed = event({
    object: { kind: 'ExternalSecret', name: 'vendor-creds', namespace: NS },
    reason: 'UpdateFailed',
    message: 'error processing spec.data[0] (key: prod/vendor), err: WebIdentityErr: failed to retrieve credentials\ncaused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403',
    count: 300,
    firstSeen: minutesAgo(3 * 24 * 60),
    lastSeen: minutesAgo(2),
  });
  const ready = () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [env] })] }));
    return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [KEY_REJECTED, KEY_REJECTED] })) });
  };

  it('takes an API key the provider calls invalid for rejected credentials', () => {
    const [f] = analyzeRejectedCredentials(ready());
    expect(f?.title).toContain('VENDOR_API_KEY from Secret vendor-creds');
    expect(f?.decisive).toContain('Invalid API Key');
  });

  it('names the failing sync of the object that keeps the Secret as why it is stale', () => {
    const ev = ready();
    ev.secretSyncEvents = [syncFailed];
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.title).toMatch(/VENDOR_API_KEY from Secret vendor-creds is stale — ExternalSecret vendor-creds has failed to sync for 3d/);
    expect(f?.title).toContain('UpdateFailed ×300: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(f?.fix).toMatch(/force a resync of ExternalSecret vendor-creds, then restart the pods/);
  });

  it('ignores sync events of other objects, Normal ones, and the Secret\'s own', () => {
    const ev = ready();
    ev.secretSyncEvents = [
      { ...syncFailed, object: { kind: 'ExternalSecret', name: 'other-creds' } },
      { ...syncFailed, type: 'Normal', reason: 'Updated', message: 'Updated Secret' },
      { ...syncFailed, object: { kind: 'Secret', name: 'vendor-creds' } },
    ];
    expect(analyzeRejectedCredentials(ev)[0]?.title).not.toContain('stale');
  });

  it('lists the Secrets whose credentials are rejected, for the collector to follow', () => {
    expect(listRejectedSecrets(ready())).toEqual(['vendor-creds']);
    expect(listRejectedSecrets(baseEvidence())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const REJECTED = 'ERROR [pool] connect failed: FATAL: password authentication failed for user "ledger"';

function scenario(lines: string[]) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: [{ name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'ledger-db', key: 'password' } }] })] }));
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
});

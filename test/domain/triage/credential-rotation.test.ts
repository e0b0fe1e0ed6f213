import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { ContainerSpecEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { baseEvidence, container, pod, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

// Credentials rotated at their issuer (a key pair half rewritten, an IdP's signing certificate, a
// deleted service account key): the finding names the refusal, the credential and where it lives.

function readyPodsLogging(lines: string[], spec: Partial<ContainerSpecEvidence>): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container(spec)] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

const SIGNATURE = 'botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the PutObject operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const uploads = Array.from({ length: 6 }, (_, i) => [`2026-11-21 03:0${i}:10,000 ERROR reports.upload upload failed for report-${i}.csv`, 'Traceback (most recent call last):', SIGNATURE]).flat();

describe('an object store refusing the signature of every request', () => {
  it('says the key pair no longer matches and names where each half comes from when they come from different objects', () => {
    const ev = readyPodsLogging(uploads, { env: [
      { name: 'AWS_SECRET_ACCESS_KEY', ref: { kind: 'secret', name: 'reports-store', key: 'secret' } },
      { name: 'AWS_ACCESS_KEY_ID', ref: { kind: 'configMap', name: 'reports-settings', key: 'AWS_ACCESS_KEY_ID' } },
    ] });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain('the secret key does not match the access key id; AWS_ACCESS_KEY_ID comes from ConfigMap reports-settings (key AWS_ACCESS_KEY_ID), AWS_SECRET_ACCESS_KEY from Secret reports-store (key secret), so a rotation of one leaves the other stale');
    expect(f?.fix).toBe('put the matching access key id in ConfigMap reports-settings (or take both halves from Secret reports-store)');
    expect(f?.noRollback).toBeDefined();
  });

  it('still says what the refusal means when the spec does not show where the keys come from', () => {
    const [f] = findUnexplained(readyPodsLogging(uploads, {}), []);
    expect(f?.title).toMatch(/SignatureDoesNotMatch\): the secret key does not match the access key id$/);
  });
});

const acs = (i: number) => [
  `I, [2026-11-21T02:0${i}:00.000000 #1]  INFO -- : [req-${i}] Started POST "/auth/saml/callback" for 10.0.0.5`,
  `W, [2026-11-21T02:0${i}:00.000000 #1]  WARN -- : [req-${i}] SAML response rejected: Fingerprint mismatch (signing cert SHA1 AB:CD:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23, not_before 2026-11-21T01:00:00Z)`,
  `E, [2026-11-21T02:0${i}:00.000000 #1] ERROR -- : [req-${i}] OneLogin::RubySaml::ValidationError (Fingerprint mismatch)`,
];

describe('a SAML service provider refusing its IdP\'s responses', () => {
  it('says the IdP signs with a new certificate and names the ConfigMap the pinned fingerprint comes from', () => {
    const ev = readyPodsLogging([0, 1, 2, 3, 4, 5].flatMap(acs), { envFrom: [{ kind: 'configMap', name: 'intranet-sso' }] });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain('every SAML response from the IdP is refused (Fingerprint mismatch): the IdP signs with a new signing certificate (AB:CD…, valid from 2026-11-21T01:00:00Z) while the app checks the IdP certificate fingerprint it pins, from ConfigMap intranet-sso (envFrom) — the IdP rotated its signing certificate');
    expect(f?.fix).toBe('update the IdP certificate fingerprint in ConfigMap intranet-sso (envFrom) from the IdP metadata');
    expect(f?.nextAction).not.toMatch(/^roll back/i);
  });
});

const EXPORTER_LOG = [
  '{"time":"2026-11-21T03:00:00Z","level":"INFO","msg":"loaded credentials","type":"service_account","client_email":"metrics-sync@example-project.iam.gserviceaccount.com","private_key_id":"0123456789abcdef0123456789abcdef01234567"}',
  '{"time":"2026-11-21T03:00:01Z","level":"ERROR","msg":"warehouse check failed","error":"Post \\"https://oauth2.googleapis.com/token\\": oauth2: \\"invalid_grant\\" \\"Invalid JWT Signature.\\""}',
  '{"time":"2026-11-21T03:00:01Z","level":"ERROR","msg":"fatal: cannot start without warehouse access","exit_code":1}',
];

describe('a process whose service account key the identity provider refuses at start', () => {
  it('quotes the refusal over the give-up after it and says the key is gone, with the Secret it comes from', () => {
    const ev = crashScenario(2, () => terminated(1, 'Error', 1), { logs: EXPORTER_LOG });
    for (const p of ev.pods) {
      p.volumes = [{ name: 'sa-key', source: 'secret', ref: 'metrics-sync-key' }];
      for (const c of p.containers) Object.assign(c, { env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/secrets/sa/key.json' }], volumeMounts: [{ name: 'sa-key', mountPath: '/var/secrets/sa', readOnly: true }] });
    }
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toMatch(/exits with code 1 on 2\/5 pods: the identity provider refuses its service account key \(invalid_grant "Invalid JWT Signature\."\): the key \(private_key_id 01234567…\) was deleted, disabled or expired$/);
    expect(f?.decisive).toMatch(/^warehouse check failed: .*invalid_grant/);
    expect(f?.fix).toBe('create a new key for the service account metrics-sync@example-project.iam.gserviceaccount.com, put it in Secret metrics-sync-key and restart (or move to workload identity federation)');
    expect(f?.outsideWorkload).toBeDefined();
  });
});

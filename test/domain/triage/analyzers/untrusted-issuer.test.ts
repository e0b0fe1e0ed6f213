import { describe, expect, it } from 'vitest';
import { analyzeUntrustedIssuer } from '../../../../src/domain/triage/analyzers/untrusted-issuer.js';
import { pickCertificateRefusal } from '../../../../src/domain/triage/certificate-reissue.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, event, minutesAgo, pod } from '../scenarios/builders.js';

const GO_ALERT = (i: number) => `2026/11/21 02:5${i}:00 http: TLS handshake error from 10.0.7.${20 + i}:4410${i}: remote error: tls: bad certificate`;
const OPENSSL_ALERT = (i: number) =>
  `2026/11/21 02:5${i}:00 [info] 31#31: *88${i} SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 10.0.7.${20 + i}, server: 0.0.0.0:8443`;
const SERVED = '{"level":"INFO","msg":"GET /v1/items 200"}';
const CERT = { kind: 'Certificate', name: 'shop-serving-tls', namespace: NS };

/** Two ready pods mounting a serving Secret whose Certificate cert-manager re-issued 30m ago from another issuer, their logs full of the clients' alert. */
function scenario(opts: { alert?: (i: number) => string; reason?: string; ago?: number; bundleAgo?: number } = {}): TriageEvidence {
  const alert = opts.alert ?? GO_ALERT;
  const pods = [0, 1].map((i) => pod(i, { volumes: [{ name: 'tls', source: 'secret', ref: 'shop-serving-tls' }] }));
  const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [alert(1), alert(2), alert(3), SERVED] })) });
  const ago = opts.ago ?? 30;
  ev.certificateEvents = [
    event({ object: CERT, type: 'Normal', reason: 'Issuing', message: opts.reason ?? 'Issuing certificate as Secret was previously issued by "ClusterIssuer.cert-manager.io/corp-root-old"', firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source: 'cert-manager-certificates-trigger' }),
    event({ object: CERT, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstSeen: minutesAgo(ago - 1), lastSeen: minutesAgo(ago - 1), source: 'cert-manager-certificates-issuing' }),
  ];
  ev.namespaceObjects = [
    { kind: 'ConfigMap', name: 'kube-root-ca.crt', createdAt: minutesAgo(400 * 24 * 60), keys: ['ca.crt'] },
    { kind: 'ConfigMap', name: 'partner-trust-bundle', createdAt: minutesAgo((opts.bundleAgo ?? 100) * 24 * 60), keys: ['roots.pem'] },
    { kind: 'ConfigMap', name: 'shop-settings', createdAt: minutesAgo(5 * 24 * 60), keys: ['settings.yaml'] },
  ];
  return ev;
}

describe('analyzeUntrustedIssuer — clients refuse a serving certificate re-issued by another issuer', () => {
  it('names the re-issue as the trigger, the previous issuer, and the unchanged CA bundle as what to fix', () => {
    const [f] = analyzeUntrustedIssuer(scenario());
    expect(f?.title).toMatch(/^Clients refuse the TLS certificate of Secret shop-serving-tls since cert-manager re-issued it 30m ago from a new issuer/);
    expect(f?.title).toContain("it was ClusterIssuer.cert-manager.io/corp-root-old's");
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.fix).toBe("add the new issuer's CA to the clients' trust bundle (ConfigMap partner-trust-bundle, key roots.pem)");
    expect(f?.likelyCause).toMatch(/ConfigMap partner-trust-bundle .*last changed 100d ago, before the re-issue, so it did not get the new CA/);
    expect(f?.likelyCause).not.toContain('kube-root-ca.crt');
    expect(f?.nextAction).toMatch(/or point Certificate shop-serving-tls back at ClusterIssuer\.cert-manager\.io\/corp-root-old/);
  });

  it('leads the verdict with the issuer, and advises no rollback', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Clients refuse the TLS certificate .* 30m ago from a new issuer/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it("reads OpenSSL's unknown-CA alert the same way, and asks for the Certificate events on it", () => {
    const ev = scenario({ alert: OPENSSL_ALERT });
    expect(pickCertificateRefusal(ev)).toEqual(['shop-serving-tls']);
    expect(analyzeUntrustedIssuer(ev)[0]?.title).toMatch(/new issuer/);
  });

  it('says nothing of a renewal from the same issuer, nor of a re-issue from yesterday', () => {
    expect(analyzeUntrustedIssuer(scenario({ reason: 'Renewing certificate as renewal was scheduled at 2026-11-21 02:40:00 +0000 UTC' }))).toEqual([]);
    expect(analyzeUntrustedIssuer(scenario({ ago: 26 * 60 }))).toEqual([]);
  });

  it('does not say the bundle missed the new CA when it changed after the re-issue', () => {
    const ev = scenario();
    ev.namespaceObjects = (ev.namespaceObjects ?? []).map((o) => (o.name === 'partner-trust-bundle' ? { ...o, changedAt: minutesAgo(5) } : o));
    expect(analyzeUntrustedIssuer(ev)[0]?.likelyCause).not.toMatch(/did not get the new CA/);
  });
});

import { describe, expect, it } from 'vitest';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const opts = (type: string) => `-Djavax.net.ssl.keyStore=/etc/client-tls/client.jks -Djavax.net.ssl.keyStoreType=${type} -XX:MaxRAMPercentage=70`;

/** The PKCS12 loader reading a file of another format, under SSLContext's key managers. */
const PKCS12_ON_JKS = [
  'Exception in thread "main" java.lang.IllegalStateException: cannot build the partner client',
  'Caused by: java.security.NoSuchAlgorithmException: Error constructing implementation (algorithm: Default, provider: SunJSSE, class: sun.security.ssl.SSLContextImpl$DefaultSSLContext)',
  '\tat java.base/javax.net.ssl.SSLContext.getDefault(SSLContext.java:110)',
  'Caused by: java.io.IOException: toDerInputStream rejects tag type 254',
  '\tat java.base/sun.security.pkcs12.PKCS12KeyStore.engineLoad(PKCS12KeyStore.java:2002)',
  '\tat java.base/java.security.KeyStore.load(KeyStore.java:1500)',
  '\tat java.base/sun.security.ssl.SSLContextImpl$DefaultManagersHolder.getKeyManagers(SSLContextImpl.java:1075)',
];

/** Two of five pods on revision 7 crash; `env` on both the pods and the revision, `before` on revision 6. */
function keystoreCrash(logs: string[], env: EnvVarEvidence[], before?: EnvVarEvidence[]): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs });
  ev.pods = ev.pods.map((p, i) => (i < 2 ? { ...p, revisionHash: REV7.hash, containers: p.containers.map((c) => ({ ...c, env, volumeMounts: [{ name: 'client-tls', mountPath: '/etc/client-tls', readOnly: true }] })), volumes: [{ name: 'client-tls', source: 'configMap', ref: 'partner-client-keystore' }] } : p));
  if (before) ev.revisions = [revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: before })] }), revision(REV7, minutesAgo(40), { replicas: 2, containers: [revisionContainer({ env, image: 'registry.example.com/payments/payment-service:2.15.0' })] })];
  return ev;
}

describe('a Java key store read as another type than its file', () => {
  it('names the keystore, the type it is read as, where that is set, and the revision that changed it', () => {
    const r = buildTriageReport(keystoreCrash(PKCS12_ON_JKS, [{ name: 'JAVA_TOOL_OPTIONS', value: opts('PKCS12') }], [{ name: 'JAVA_TOOL_OPTIONS', value: opts('JKS') }]), times);
    const [f] = r.findings;
    expect(r.headline).toContain('the keystore /etc/client-tls/client.jks cannot be read as PKCS12 (javax.net.ssl.keyStoreType in JAVA_TOOL_OPTIONS), JKS in revision 6');
    expect(r.headline).toContain('-Djavax.net.ssl.keyStoreType=JKS → PKCS12');
    expect(f?.decisive).toBe('java.io.IOException: toDerInputStream rejects tag type 254');
    expect(f?.likelyCause).toContain('(from ConfigMap partner-client-keystore)');
    expect(f?.fix).toMatch(/^set javax\.net\.ssl\.keyStoreType back to JKS in env JAVA_TOOL_OPTIONS, or convert the keystore to PKCS12 \(keytool -importkeystore -srcstoretype JKS -deststoretype PKCS12\)/);
    expect(`${r.headline} ${f?.likelyCause}`).not.toMatch(/password/i);
  });

  it('reads "Invalid keystore format" with no type set as the JDK default meeting another format', () => {
    const logs = ['Caused by: java.io.IOException: Invalid keystore format', '\tat java.base/sun.security.provider.JavaKeyStore.engineLoad(JavaKeyStore.java:666)'];
    const r = buildTriageReport(keystoreCrash(logs, [{ name: 'KEYSTORE_PATH', value: '/etc/client-tls/client.p12' }]), times);
    expect(r.headline).toContain('the keystore /etc/client-tls/client.p12 cannot be read as the type the JVM expects');
    expect(r.findings[0]?.likelyCause).toContain('the JDK\'s default type (PKCS12 since Java 9, JKS before)');
  });

  it('leaves a DER length error alone when no store is being loaded', () => {
    const logs = ['Caused by: java.io.IOException: DerInputStream.getLength(): lengthTag=109, too big.', '\tat java.base/sun.security.x509.X509CertImpl.parse(X509CertImpl.java:1700)'];
    const r = buildTriageReport(keystoreCrash(logs, []), times);
    expect(r.headline).not.toMatch(/keystore/i);
  });
});

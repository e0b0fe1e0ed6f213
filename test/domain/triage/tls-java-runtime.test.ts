import { describe, expect, it } from 'vitest';
import { explainTlsTerms, findJavaRuntime } from '../../../src/domain/triage/tls-terms.js';

describe('findJavaRuntime: the JVM a TLS client runs, and whether it can offer TLS 1.3', () => {
  it('reads java.version from the log and a protocol cap from JAVA_OPTS', () => {
    const rt = findJavaRuntime(['INFO Started App in 7.4 seconds (JVM running for 8.09) java.version=1.8.0_212'], [{ name: 'JAVA_OPTS', value: '-Xmx768m -Dhttps.protocols=TLSv1.2' }]);
    expect(rt).toMatchObject({ version: '1.8.0_212', tls13: false });
    expect(rt?.cap).toBe('-Dhttps.protocols=TLSv1.2 in env JAVA_OPTS');
  });
  it('reads the image\'s JAVA_VERSION env when the log says nothing', () => {
    expect(findJavaRuntime([], [{ name: 'JAVA_VERSION', value: 'jdk8u212-b04' }])).toMatchObject({ version: 'jdk8u212-b04', tls13: false });
    expect(findJavaRuntime([], [{ name: 'JAVA_VERSION', value: 'jdk8u292-b10' }])).toMatchObject({ tls13: true });
    expect(findJavaRuntime(['Starting App using Java 17.0.9 with PID 1'], [])).toMatchObject({ version: '17.0.9', tls13: true });
    expect(findJavaRuntime(['plain line'], [{ name: 'FOO', value: 'bar' }])).toBeUndefined();
  });
  it('says the runtime has no TLS 1.3 when the server refuses every version the client offers', () => {
    const story = explainTlsTerms({
      problem: 'tls-protocol', dependency: 'api.partner.example', line: 'javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version',
      java: { version: '1.8.0_212', tls13: false, cap: '-Dhttps.protocols=TLSv1.2 in env JAVA_OPTS' },
    });
    expect(story.title).toMatch(/Java 1\.8\.0_212/);
    expect(story.title).toMatch(/no TLS 1\.3/);
    expect(story.evidence.join(' ')).toMatch(/-Dhttps\.protocols=TLSv1\.2/);
    expect(story.action).toMatch(/8u261|11/);
  });
});

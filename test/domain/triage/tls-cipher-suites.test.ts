// A client whose cipher suites are pinned to RSA key exchange (TLS_RSA_WITH_*) cannot negotiate
// with a server whose certificate now holds an EC (ECDSA) key: the server answers "no cipher
// suites in common" and the client sees "Received fatal alert: handshake_failure". The finding
// must name the pinned suites and where they are set, and say the fix is an RSA certificate or a
// wider suite list — not a protocol version, not a rollback.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { parseDependencyError } from '../../../src/domain/triage/dependency-error-line.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findPinnedSuites } from '../../../src/domain/triage/tls-cipher-suites.js';
import { readTlsRefusal } from '../../../src/domain/triage/tls-terms.js';
import { baseEvidence, container, pod, running } from './scenarios/builders.js';

const URL = 'https://ledger.pay.svc.cluster.local:8443/v1/settle';
const LINE = `org.springframework.web.client.ResourceAccessException: I/O error on POST request for "${URL}": Received fatal alert: handshake_failure; nested exception is javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure`;
const PINNED = '-Dhttps.cipherSuites=TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_GCM_SHA256 -Dhttps.protocols=TLSv1.2';

function scenario(pinned: boolean): TriageEvidence {
  const env = pinned ? [{ name: 'JAVA_TOOL_OPTIONS', value: PINNED }] : [];
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ state: running(9 * 24 * 60), env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [LINE, LINE, LINE] })) });
}

describe('a handshake refused for want of a shared cipher suite', () => {
  it('reads handshake_failure and "no cipher suites in common" as TLS terms the two sides do not share', () => {
    expect(parseDependencyError(LINE)?.problem).toBe('tls-protocol');
    expect(parseDependencyError('javax.net.ssl.SSLHandshakeException: no cipher suites in common')?.problem).toBe('tls-protocol');
    expect(readTlsRefusal(LINE)).toEqual({ side: 'no-cipher' });
  });

  it('finds suites pinned to RSA key exchange in the JVM flags', () => {
    expect(findPinnedSuites([{ name: 'JAVA_TOOL_OPTIONS', value: PINNED }])).toEqual({
      where: 'JAVA_TOOL_OPTIONS (-Dhttps.cipherSuites)',
      suites: ['TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLS_RSA_WITH_AES_128_GCM_SHA256'],
      rsaOnly: true,
    });
    expect(findPinnedSuites([{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1g' }])).toBeUndefined();
  });

  it('names the pinned RSA-only suites and an EC certificate on the server, and the fix on either side', () => {
    const [f] = analyzeDependencyErrors(scenario(true));
    expect(f?.title).toMatch(/cipher suites/);
    expect(f?.title).toContain('TLS_RSA');
    expect(f?.likelyCause).toMatch(/ECDSA/);
    expect(f?.likelyCause).toMatch(/re-issued/);
    expect(f?.fix).toMatch(/RSA key/);
    expect(f?.fix).toMatch(/ECDHE/);
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/protocol version|TLS 1\.0/);
  });

  it('without pinned suites says the two share no cipher suite, without guessing the client setting', () => {
    const [f] = analyzeDependencyErrors(scenario(false));
    expect(f?.title).toMatch(/no cipher suite/);
    expect(f?.title).not.toContain('TLS_RSA');
  });
});

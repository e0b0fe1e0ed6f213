// "certificate has expired" from a client on an OpenSSL older than 1.1.0: the old library walks a
// served chain to an expired cross-signed root, so the client's image (its TLS library and CA
// bundle) is where to act, not the server's certificate. A current library keeps the plain
// expired-certificate reading; the library named only at the start of the log (read from its
// head) counts as well.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { findOldChainBuilder } from '../../../src/domain/triage/tls-expired-root-path.js';
import { needsTlsLibrary } from '../../../src/domain/triage/tls-library-lead.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const ERR = "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.vendor.example', port=443): Max retries exceeded with url: /v1/orders (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1056)')))";
const start = (lib: string) => `2026-11-19 01:02:03,000 INFO [exporter.main] exporter 1.2.0 starting (Python 3.7.9, ${lib})`;

function evidence(head: string[], tlsLibrary?: { line: string; library: string }) {
  const env = [{ name: 'REQUESTS_CA_BUNDLE', value: '/etc/ssl/certs/ca-bundle.crt' }];
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...head, ERR, ERR, ERR, ERR] }));
  return baseEvidence({ pods, logs, ...(tlsLibrary ? { tlsLibrary: { pod: pods[0]?.name ?? '', container: 'app', ...tlsLibrary } } : {}) });
}

describe('findOldChainBuilder', () => {
  it('names an OpenSSL before 1.1.0 and the CA bundle the env points at', () => {
    expect(findOldChainBuilder([start('OpenSSL 1.0.2k-fips  26 Jan 2017')], [{ name: 'SSL_CERT_FILE', value: '/etc/ssl/cert.pem' }])).toEqual({ library: 'OpenSSL 1.0.2k', bundle: 'SSL_CERT_FILE=/etc/ssl/cert.pem' });
    expect(findOldChainBuilder([start('OpenSSL 1.1.1w  11 Sep 2023')], [])).toBeUndefined();
    expect(findOldChainBuilder([start('OpenSSL 3.0.15 3 Sep 2024')], [])).toBeUndefined();
    expect(findOldChainBuilder(['no library named'], [])).toBeUndefined();
  });
});

describe('an expired certificate seen by an old OpenSSL', () => {
  it('is told as the client\'s library and trust store, with its version', () => {
    const [f] = analyzeDependencyErrors(evidence([start('OpenSSL 1.0.2k-fips  26 Jan 2017')]));
    expect(f?.title).toMatch(/OpenSSL 1\.0\.2k/);
    expect(f?.title).toMatch(/expired cross-signed root/);
    expect(f?.fix).toMatch(/current base image/);
    expect(f?.fix).not.toMatch(/whoever serves/);
    expect(f?.evidence.join('\n')).toMatch(/REQUESTS_CA_BUNDLE/);
  });

  it('reads the library from the head of the log when the tail does not name it', () => {
    const [f] = analyzeDependencyErrors(evidence([], { line: start('OpenSSL 1.0.2u  20 Dec 2019'), library: 'OpenSSL 1.0.2' }));
    expect(f?.title).toMatch(/OpenSSL 1\.0\.2u/);
  });

  it('keeps the server\'s expired certificate for a current library', () => {
    const [f] = analyzeDependencyErrors(evidence([start('OpenSSL 3.0.15 3 Sep 2024')]));
    expect(f?.title).toMatch(/TLS certificate of api\.vendor\.example:443 has expired/);
    expect(f?.title).not.toMatch(/OpenSSL/);
  });
});

describe('needsTlsLibrary', () => {
  const log = (lines: string[], previous = false) => ({ pod: 'exporter-0', container: 'app', previous, lines });
  it('asks for the head of a log whose tail fails a library-bound handshake without naming the library', () => {
    expect(needsTlsLibrary([log([ERR])])).toEqual({ pod: 'exporter-0', container: 'app' });
    expect(needsTlsLibrary([log([start('OpenSSL 1.0.2k'), ERR])])).toBeUndefined();
    expect(needsTlsLibrary([log(['GET /healthz 200'])])).toBeUndefined();
    expect(needsTlsLibrary([log([ERR], true)])).toBeUndefined();
  });
});

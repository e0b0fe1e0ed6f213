import { describe, expect, it } from 'vitest';
import { parseDependencyError } from '../../../src/domain/triage/dependency-error-line.js';
import { explainTlsTerms, findGoRuntime } from '../../../src/domain/triage/tls-terms.js';

const LINE = '{"level":"ERROR","msg":"upload failed","error":"Post \\"https://legacy.partner.example:8443/api\\": remote error: tls: handshake failure"}';

describe('a Go 1.22+ client whose handshake a server aborts: RSA key exchange left its default suites', () => {
  it('reads Go\'s "remote error: tls: handshake failure" as a TLS handshake the server aborted', () => {
    expect(parseDependencyError(LINE)?.problem).toBe('tls-protocol');
  });
  it('reads the Go version from a start line or the image env', () => {
    expect(findGoRuntime(['{"msg":"starting","version":"1.0.0","go_version":"go1.23.4"}'], [])).toEqual({ version: '1.23.4', noRsaKex: true });
    expect(findGoRuntime([], [{ name: 'GOLANG_VERSION', value: '1.21.6' }])).toEqual({ version: '1.21.6', noRsaKex: false });
    expect(findGoRuntime(['plain line'], [])).toBeUndefined();
  });
  it('names the dropped RSA key-exchange suites and GODEBUG=tlsrsakex=1 when the Go version is known', () => {
    const story = explainTlsTerms({ problem: 'tls-protocol', dependency: 'legacy.partner.example', line: LINE, go: { version: '1.23.4', noRsaKex: true } });
    expect(story.title).toMatch(/Go 1\.23\.4/);
    expect(story.title).toMatch(/RSA key-exchange cipher suites/);
    expect(story.fix).toMatch(/GODEBUG=tlsrsakex=1/);
    expect(story.action).toMatch(/ECDHE/);
  });
  it('does not guess a Go version it could not read', () => {
    const story = explainTlsTerms({ problem: 'tls-protocol', dependency: 'legacy.partner.example', line: LINE });
    expect(story.title).not.toMatch(/Go 1\.|tlsrsakex/);
    expect(story.title).toMatch(/no cipher suite/);
  });
});

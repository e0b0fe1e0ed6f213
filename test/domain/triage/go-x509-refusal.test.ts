import { describe, expect, it } from 'vitest';
import { explainGoX509Refusal } from '../../../src/domain/triage/go-x509-refusal.js';

const START = 'time=2026-11-21T03:00:00Z level=INFO msg="starting" version=2.4.0 go=go1.23.2';
const NEGATIVE = 'time=2026-11-21T03:01:00Z level=ERROR msg="sync failed" err="Get \\"https://ldap-proxy.corp.example:8443/v1/users\\": tls: failed to parse certificate from server: x509: negative serial number"';

describe('explainGoX509Refusal', () => {
  it('reads a negative serial number refused by the Go the build logs, with GODEBUG as the stopgap and the certificate as the fix', () => {
    const told = explainGoX509Refusal([NEGATIVE], [START, NEGATIVE]);
    expect(told?.summary).toBe("Go 1.23+ refuses ldap-proxy.corp.example:8443's certificate for a negative serial number (this build runs Go 1.23.2)");
    expect(told?.fix).toBe("set GODEBUG=x509negativeserial=1 as a stopgap (or roll back to the build on the older Go), and reissue ldap-proxy.corp.example:8443's certificate with a positive serial number");
  });

  it('reads a SHA-1 signature refused since Go 1.18', () => {
    const line = 'ERROR webhook call failed: Post "https://hooks.legacy.internal/notify": tls: failed to verify certificate: x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)';
    expect(explainGoX509Refusal([line], [line])?.summary).toBe("Go 1.18+ refuses hooks.legacy.internal's certificate for a SHA-1 signature (this build runs Go 1.18 or later)");
  });

  it('reads nothing into other TLS errors', () => {
    const line = 'ERROR x509: certificate signed by unknown authority';
    expect(explainGoX509Refusal([line], [line])).toBeUndefined();
  });
});

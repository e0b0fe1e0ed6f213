import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

const ERR = '{"level":"error","msg":"submit failed: Post \\"https://api.partner.example/v3/transfers\\": remote error: tls: expired certificate"}';
const START = '{"level":"info","msg":"loaded mTLS client certificate","path":"/etc/partner-mtls/tls.crt","not_before":"2025-11-21T00:00:00Z","not_after":"2026-11-21T00:00:00Z"}';

describe('the peer refusing our client certificate as expired', () => {
  it('says our mTLS client certificate expired, names the Secret it is mounted from and its notAfter', () => {
    const d = explainClientDiagnosis([ERR], [START, ERR], [], [{ name: 'config', source: 'configMap', ref: 'app-config' }, { name: 'partner-mtls', source: 'secret', ref: 'partner-mtls-client' }]);
    expect(d?.summary).toMatch(/client certificate[^\n]*expired/);
    expect(d?.likelyCause).toMatch(/partner-mtls-client/);
    expect(d?.summary).toMatch(/2026-11-21T00:00:00Z/);
  });
});

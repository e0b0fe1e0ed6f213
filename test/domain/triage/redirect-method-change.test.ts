import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

const LINES = [
  '2026-11-21 03:06:30,350 DEBUG [urllib3.connectionpool] http://api.partner.example:80 "POST /v2/payouts HTTP/1.1" 301 162',
  '2026-11-21 03:06:30,352 DEBUG [urllib3.connectionpool] Starting new HTTPS connection (1): api.partner.example:443',
  '2026-11-21 03:06:30,355 DEBUG [urllib3.connectionpool] https://api.partner.example:443 "GET /v2/payouts HTTP/1.1" 405 74',
  '2026-11-21 03:06:30,360 ERROR [payouts.client] payout request failed status=405 body={"error":"method_not_allowed","message":"GET is not allowed on /v2/payouts; allowed: POST"}',
];

describe('a POST redirected (301) and replayed as GET', () => {
  it('names the redirect from http:// to https:// and the 405 it causes, and says to use https:// in the base URL', () => {
    const d = explainClientDiagnosis([LINES[3]!], LINES, [{ name: 'app', env: [{ name: 'PARTNER_BASE_URL', value: 'http://api.partner.example/v2' }] }]);
    expect(d?.summary).toMatch(/301/);
    expect(d?.summary).toMatch(/405/);
    expect(d?.summary).toMatch(/http:\/\/api\.partner\.example/);
    expect(d?.fix).toMatch(/https:\/\//);
    expect(d?.likelyCause).toMatch(/PARTNER_BASE_URL/);
  });

  it('reads nothing into a 405 without a redirect before it', () => {
    expect(explainClientDiagnosis([LINES[3]!], [LINES[3]!], [])).toBeUndefined();
  });
});

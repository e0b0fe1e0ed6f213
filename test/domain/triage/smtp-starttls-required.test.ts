import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

const REFUSED = "smtplib.SMTPSenderRefused: (530, b'5.7.0 Must issue a STARTTLS command first', 'noreply@shop.example.com')";
const env = [{ name: 'EMAIL_HOST', value: 'mail-relay.infra.svc.cluster.local' }, { name: 'EMAIL_PORT', value: '587' }, { name: 'EMAIL_USE_TLS', value: 'false' }];

describe('a mail server that requires STARTTLS, a client that sends plain SMTP', () => {
  it('names the TLS requirement, the client\'s plain-SMTP setting and both fixes', () => {
    const told = explainClientDiagnosis([REFUSED], [REFUSED], [{ name: 'app', env }]);
    expect(told?.summary).toMatch(/mail-relay\.infra\.svc\.cluster\.local/);
    expect(told?.summary).toMatch(/530 5\.7\.0/);
    expect(told?.summary).toMatch(/env EMAIL_USE_TLS=false/);
    expect(told?.likelyCause).toMatch(/smtpd_tls_security_level = encrypt/);
    expect(told?.fix).toMatch(/EMAIL_USE_TLS=true/);
    expect(told?.fix).toMatch(/smtpd_tls_security_level = may/);
  });
  it('says nothing of STARTTLS for other mail errors', () => {
    expect(explainClientDiagnosis(["smtplib.SMTPRecipientsRefused: {'x@example.com': (550, b'5.1.1 User unknown')}"], [], [{ name: 'app', env }])?.summary ?? '').not.toMatch(/STARTTLS/);
  });
});

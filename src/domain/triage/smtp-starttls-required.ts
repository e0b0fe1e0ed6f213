/**
 * A mail server (an SMTP relay or submission service) that requires TLS answering a client that
 * speaks plain SMTP: it refuses MAIL FROM with "530 5.7.0 Must issue a STARTTLS command first" (or
 * "Must issue a STARTTLS command first" / "Encryption required for requested authentication
 * mechanism"). The address and the credentials are right; the server's TLS policy (Postfix:
 * smtpd_tls_security_level = encrypt) and the client's setting (EMAIL_USE_TLS=false, SMTP_TLS=false)
 * do not agree. Pure: reads the log lines and the literal env values of the spec (never a Secret's).
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import { findPlaintextSetting } from './tls-terms.js';

const STARTTLS_FIRST = /\b530[ ,'"(b]*5\.7\.0 Must issue a STARTTLS command first|Must issue a STARTTLS command first/i;

/** The mail host the client is given, from a literal env value (EMAIL_HOST, SMTP_HOST, MAIL_SERVER…). */
function mailHost(containers: readonly Pick<ContainerSpecEvidence, 'env'>[]): string | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if ('value' in e && /^(?:[A-Z]+_)?(?:EMAIL|SMTP|MAIL)_(?:HOST|SERVER|RELAY)$/i.test(e.name) && /^[\w.-]+$/.test(e.value.trim())) return e.value.trim();
    }
  }
  return undefined;
}

export function explainStarttlsRequired(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[]): ClientDiagnosis | undefined {
  if (![...errors, ...lines].some((l) => STARTTLS_FIRST.test(l))) return undefined;
  const setting = findPlaintextSetting(containers.flatMap((c) => c.env ?? []));
  const host = mailHost(containers);
  const server = host ? `the mail server ${host}` : 'the mail server';
  const plain = setting ? ` (${setting.said})` : '';
  const fix = `enable STARTTLS in the client (${setting ? setting.fix : 'its mailer\'s TLS/STARTTLS setting'}, trusting the server's certificate), or relax the server's TLS requirement (Postfix: smtpd_tls_security_level = may) if plain SMTP inside the cluster is acceptable`;
  return {
    summary: `${server} refuses mail before STARTTLS (530 5.7.0 "Must issue a STARTTLS command first"): it requires TLS and the client sends plain SMTP${plain}`,
    likelyCause:
      `${server.charAt(0).toUpperCase()}${server.slice(1)} now requires TLS before it accepts mail (Postfix: smtpd_tls_security_level = encrypt) and this client connects in plain SMTP without STARTTLS${plain}, so every message is refused with 530 5.7.0 and the requests that send mail fail. ` +
      `The address and credentials are not the issue; a TLS setting changed on the server side (its config or ConfigMap) is the usual trigger when the client did not change.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Check when the server's TLS setting changed (its ConfigMap or config, and its last rollout).`,
    fix,
  };
}

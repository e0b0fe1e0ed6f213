/**
 * A mail client that opens implicit TLS (SMTPS: TLS from the first byte, port 465) on a port that
 * speaks STARTTLS (587 submission, 25 relay): the server greets in plain text ("220 …"), so the
 * handshake fails with "wrong version number". The TLS target is the mail server of the mail
 * settings (SMTP_HOST/SMTP_PORT, EMAIL_HOST/EMAIL_PORT), not another address of the env. The usual
 * trigger is a port moved from 465 to 587 with the implicit-TLS switch left on. Pure: reads the
 * literal env values of the pods' spec and revisions, and the lines around the failures.
 */
import type { EnvVarEvidence, IsoTime, PodEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/** Ports that greet in plain text and upgrade with STARTTLS. */
const STARTTLS_PORTS = new Set(['25', '587', '2525']);
const MAIL = '(?:[A-Z]+_)?(?:EMAIL|SMTP|MAIL)';
const HOST_NAME = new RegExp(`^${MAIL}_(?:HOST|SERVER|RELAY)$`, 'i');
const PORT_NAME = new RegExp(`^${MAIL}_PORT$`, 'i');
/** The implicit-TLS switch of common mailers (Django EMAIL_USE_SSL, Flask-Mail MAIL_USE_SSL, nodemailer secure). */
const SSL_NAME = new RegExp(`^${MAIL}_(?:USE_SSL|SSL|SECURE|IMPLICIT_TLS|SMTPS)$`, 'i');
const ON = /^(?:true|1|yes|on)$/i;
/** The lines are about sending mail: an SMTP client in the stack or the message. */
const MAIL_LINE = /smtplib|SMTP_SSL|\bSMTPS?\b|javax\.mail|jakarta\.mail|nodemailer|\bsmtp\b/i;
/** How far around a failure its stack and message are read (a Python traceback comes before it). */
const AROUND = 25;

export interface ImplicitTlsOnStarttls {
  host: string;
  port: string;
  portEnv: string;
  /** The switch as written: MAIL_USE_SSL=true. */
  ssl: string;
  sslEnv: string;
  /** The revision of the failing pods that moved the port (or turned the switch on), and from what. */
  change?: { revision: number; createdAt: IsoTime; portFrom?: string; sslFrom?: string };
}

function literal(env: readonly EnvVarEvidence[], name: RegExp): { name: string; value: string } | undefined {
  return env.find((e): e is { name: string; value: string } => 'value' in e && name.test(e.name));
}

/** The revision that brought the port (or the switch) in, compared with the one before it. */
function findChange(pod: PodEvidence, container: string, revisions: readonly RevisionEvidence[], portEnv: string, sslEnv: string): ImplicitTlsOnStarttls['change'] {
  const sorted = sortRevisions(revisions);
  const i = sorted.findIndex((r) => r.hash === pod.revisionHash);
  const [now, before] = [sorted[i], sorted[i + 1]];
  if (now === undefined || before === undefined) return undefined;
  const value = (r: RevisionEvidence, name: string) => {
    const e = r.containers.find((c) => c.name === container)?.env.find((x) => x.name === name);
    return e !== undefined && 'value' in e ? e.value.trim() : undefined;
  };
  const portFrom = value(before, portEnv);
  const sslFrom = value(before, sslEnv);
  const portMoved = portFrom !== value(now, portEnv);
  const sslTurned = sslFrom !== value(now, sslEnv);
  if (!portMoved && !sslTurned) return undefined;
  return { revision: now.revision, createdAt: now.createdAt, ...(portMoved && portFrom !== undefined ? { portFrom } : {}), ...(sslTurned ? { sslFrom: sslFrom ?? '(not set)' } : {}) };
}

/**
 * The mail settings of a client whose TLS handshake got plain text back: implicit TLS switched on
 * toward a STARTTLS port, when the lines around the failures are about mail.
 */
export function findImplicitTlsOnStarttls(input: { pod: PodEvidence | undefined; container: string; lines: readonly string[]; revisions: readonly RevisionEvidence[] }): ImplicitTlsOnStarttls | undefined {
  const env = input.pod?.containers.find((c) => c.name === input.container)?.env ?? [];
  const host = literal(env, HOST_NAME);
  const port = literal(env, PORT_NAME);
  const ssl = literal(env, SSL_NAME);
  if (input.pod === undefined || host === undefined || port === undefined || ssl === undefined) return undefined;
  if (!STARTTLS_PORTS.has(port.value.trim()) || !ON.test(ssl.value.trim()) || !input.lines.some((l) => MAIL_LINE.test(l))) return undefined;
  const change = findChange(input.pod, input.container, input.revisions, port.name, ssl.name);
  return { host: host.value.trim(), port: port.value.trim(), portEnv: port.name, ssl: `${ssl.name}=${ssl.value.trim()}`, sslEnv: ssl.name, ...(change ? { change } : {}) };
}

/** The lines around each failure: its stack before it (Python) and after it (Java, Node). */
export function listLinesAround(lines: readonly string[], index: number): string[] {
  return lines.slice(Math.max(0, index - AROUND), index + AROUND);
}

/** The words of it: title clause, evidence, cause, action, fix. */
export function explainImplicitTlsOnStarttls(t: ImplicitTlsOnStarttls, ago: string | undefined): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const server = `${t.host}:${t.port}`;
  const c = t.change;
  const moved = c?.portFrom !== undefined ? `changed ${t.portEnv} ${c.portFrom} → ${t.port}` : c?.sslFrom !== undefined ? `set ${t.ssl} (was ${c.sslFrom})` : undefined;
  const dated = c !== undefined && moved !== undefined ? `revision ${c.revision}${ago ? ` (${ago})` : ''} ${moved}${c.portFrom !== undefined && c.sslFrom === undefined ? ` and left ${t.ssl}` : ''}` : undefined;
  const fix = `on port ${t.port} turn implicit TLS off (${t.sslEnv}=false) and use STARTTLS (the mailer's STARTTLS/TLS option), or connect to port 465, the implicit-TLS (SMTPS) port`;
  return {
    title: `Mail to ${server} fails the TLS handshake (wrong version number): the client opens implicit TLS (${t.ssl}) on port ${t.port}, where the server greets in plain text and expects STARTTLS${dated ? ` — ${dated}` : ''}`,
    evidence: [
      `the mail settings: ${t.host} port ${t.port} (env ${t.portEnv}) with ${t.ssl}: implicit TLS (SMTPS) toward a STARTTLS port`,
      ...(dated ? [`${dated}`] : []),
    ],
    cause: `Port ${t.port} speaks SMTP in plain text and upgrades with STARTTLS; ${t.ssl} makes the client start a TLS handshake at once (implicit TLS, as on port 465), so it reads the server's plain "220" greeting as a TLS record and fails with "wrong version number". No mail is sent; the server is up and the credentials are not the issue.${dated ? ` ${dated.charAt(0).toUpperCase()}${dated.slice(1)}: the two settings no longer agree.` : ''}`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${c ? `; meanwhile roll back to the revision before ${c.revision}, which sent mail` : ''}. Confirm with openssl s_client -connect ${server} -starttls smtp.`,
    fix,
  };
}

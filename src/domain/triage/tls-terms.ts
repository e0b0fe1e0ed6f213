/**
 * TLS terms a client and its server do not share: the server demands TLS and the client speaks
 * plain text (Postgres "no pg_hba.conf entry … no encryption", MySQL
 * "--require_secure_transport=ON"), the two share no protocol version or the server's key is too
 * weak for the client's TLS library (OpenSSL 3 "unsupported protocol", "dh key too small"), or
 * the port does not speak TLS at all ("wrong version number"). The connection reaches the server,
 * so the address is right: the settings on one side are what to change. Reads only literal env
 * values of the spec (never a Secret's).
 */
import type { DependencyProblem } from './dependency-error-line.js';
import type { EnvVarEvidence } from './evidence-spec.js';
import type { PinnedSuites } from './tls-cipher-suites.js';
import { explainLegacyRenegotiation, LEGACY_RENEGOTIATION } from './tls-legacy-renegotiation.js';

export type TlsTermsProblem = Extract<DependencyProblem, 'tls-required' | 'tls-protocol' | 'tls-plaintext'>;

export function isTlsTermsProblem(p: DependencyProblem): p is TlsTermsProblem {
  return p === 'tls-required' || p === 'tls-protocol' || p === 'tls-plaintext';
}

/** Where the spec turns the client's TLS off: "env PGSSLMODE=disable", "sslmode=disable in env DATABASE_URL". */
export interface PlaintextSetting {
  /** "env PGSSLMODE=disable" or "sslmode=disable in env DATABASE_URL". */
  said: string;
  /** "PGSSLMODE=require": the same setting asking for TLS. */
  fix: string;
}

const OFF = /^(?:false|0|off|no|disabled?)$/i;

/** The first env setting (literal values only) that makes the client connect without TLS. */
export function findPlaintextSetting(env: readonly EnvVarEvidence[]): PlaintextSetting | undefined {
  const literal = env.filter((e): e is { name: string; value: string } => 'value' in e);
  // libpq's PGSSLMODE, MySQL's ssl-mode, any *_SSLMODE / *_SSL_MODE variable.
  const mode = literal.find((e) => /SSL_?MODE$/i.test(e.name) && /^disabled?$/i.test(e.value.trim()));
  if (mode) return { said: `env ${mode.name}=${mode.value.trim()}`, fix: `${mode.name}=${upperLike(mode.value, 'require')}` };
  // A connection URL's own parameter: ?sslmode=disable, ?useSSL=false, ;encrypt=false, ?tls=false.
  for (const e of literal) {
    const m = /[?&;](ssl-?mode|sslMode)=(disabled?)\b/i.exec(e.value) ?? /[?&;](useSSL|ssl|tls|requireSSL|encrypt)=(false)\b/i.exec(e.value);
    if (!m) continue;
    const [key, value] = [m[1] ?? '', m[2] ?? ''];
    return { said: `${key}=${value} in env ${e.name}`, fix: `${key}=${/^disabled?$/i.test(value) ? upperLike(value, 'require') : 'true'}` };
  }
  // A flag of the app's own: DB_SSL=false, PG_TLS_ENABLED=0.
  const flag = literal.find((e) => /(?:^|_)(?:SSL|TLS)(?:_ENABLED?)?$/i.test(e.name) && OFF.test(e.value.trim()));
  return flag ? { said: `env ${flag.name}=${flag.value.trim()}`, fix: `${flag.name}=true` } : undefined;
}

/** MySQL spells its modes in capitals (DISABLED → REQUIRED); libpq in lower case. */
function upperLike(value: string, word: string): string {
  return value === value.toUpperCase() ? `${word.toUpperCase()}D` : word;
}

/** How a TLS handshake failed on protocol terms, read from the client's line. */
export type TlsRefusal =
  /** The server offers only an old version (TLS 1.0/1.1, SSLv3) the client's library no longer accepts. */
  | { side: 'old-server'; version?: string }
  /** The server's Diffie-Hellman key is smaller than the client's security level allows. */
  | { side: 'weak-key' }
  /** The server refuses every version the client offers (an old client, or one capped too low). */
  | { side: 'old-client' }
  /** The two share no cipher suite: the server aborts the handshake (handshake_failure). */
  | { side: 'no-cipher' }
  /** The server lacks RFC 5746 secure renegotiation, which the client's library requires (OpenSSL 3). */
  | { side: 'legacy-renegotiation' };

/** Go names the version the server chose in hex: 300 SSLv3, 301 TLS 1.0, 302 TLS 1.1. */
const GO_VERSION: Record<string, string> = { '300': 'SSLv3', '301': 'TLS 1.0', '302': 'TLS 1.1' };
const JAVA_VERSION: Record<string, string> = { SSL3: 'SSLv3', SSL30: 'SSLv3', TLS10: 'TLS 1.0', TLS11: 'TLS 1.1' };

export function readTlsRefusal(line: string): TlsRefusal {
  if (LEGACY_RENEGOTIATION.test(line)) return { side: 'legacy-renegotiation' };
  if (/DH_KEY_TOO_SMALL|dh key too small|DH ServerKeyExchange does not comply|weak ephemeral Diffie-Hellman/i.test(line)) return { side: 'weak-key' };
  if (/handshake_failure|alert handshake failure|remote error: tls: handshake failure|no cipher suites in common|no shared cipher/i.test(line)) return { side: 'no-cipher' };
  if (/alert protocol version|protocol_version|protocol version not supported/i.test(line)) return { side: 'old-client' };
  const go = /server selected unsupported protocol version (\d+)/i.exec(line)?.[1];
  // Java: "The server selected protocol version TLS10 is not accepted by client preferences [TLS12]".
  const java = /server selected protocol version (TLS1[01]|SSL30?)\b/.exec(line)?.[1];
  const named = /\b(TLSv1(?:\.1)?|SSLv3)(?![.\d])/.exec(line)?.[1];
  const version = go !== undefined ? GO_VERSION[go] : java !== undefined ? JAVA_VERSION[java] : named?.replace(/^TLSv/, 'TLS ');
  return version ? { side: 'old-server', version } : { side: 'old-server' };
}

/** The TLS library a process says it runs with at start ("OpenSSL 3.0.15"), if its log says. */
export function findTlsLibrary(lines: readonly string[]): string | undefined {
  for (const l of lines) {
    const m = /\b(OpenSSL|BoringSSL|LibreSSL) ?(\d+\.\d+(?:\.\d+)?)/.exec(l);
    if (m) return `${m[1] ?? ''} ${m[2] ?? ''}`;
  }
  return undefined;
}

/** The JVM a TLS client runs, and whether it can offer TLS 1.3 at all. */
export interface JavaRuntime {
  /** As the log or the image's env says it: "1.8.0_212", "jdk8u212-b04", "17.0.9". */
  version: string;
  /** Java 11+ and 8u261+ speak TLS 1.3; 9, 10 and 8 before update 261 do not. */
  tls13: boolean;
  /** A system property that caps the protocols offered: "-Dhttps.protocols=TLSv1.2 in env JAVA_OPTS". */
  cap?: string;
}

/** Major and update of a Java version string: 1.8.0_212 / 8u212 / jdk8u212-b04 → 8, 212; 17.0.9 / jdk-11.0.20+8 → 17 / 11. */
function javaRelease(v: string): { major: number; update: number } | undefined {
  const old = /(?:^|\D)1\.(\d)\.0(?:_(\d+))?/.exec(v) ?? /(?:^|[^\d.])(\d)u(\d+)/.exec(v);
  if (old) return { major: Number(old[1]), update: Number(old[2] ?? 0) };
  const modern = /(?:^|[^\d.])(\d{1,2})(?:\.\d+)*(?:[+-]|$|\b)/.exec(v.replace(/^jdk-?/i, ' '));
  return modern ? { major: Number(modern[1]), update: 0 } : undefined;
}

/**
 * The Java runtime of the client, from its start line ("java.version=1.8.0_212", Spring Boot's
 * "using Java 1.8.0_212") or the base image's JAVA_VERSION env, with a -Dhttps.protocols /
 * -Djdk.tls.client.protocols cap in a literal JVM options variable.
 */
export function findJavaRuntime(lines: readonly string[], env: readonly EnvVarEvidence[]): JavaRuntime | undefined {
  let version: string | undefined;
  for (const l of lines) {
    const m = /\bjava\.(?:runtime\.)?version[=:] ?"?(\d[\w.+-]*)/i.exec(l) ?? /\busing Java (\d[\w.+-]*)/.exec(l) ?? /\b(?:JVM|JRE|JDK|Java)(?: version)?:? (1\.\d\.0_\d+)/i.exec(l);
    if (m?.[1]) { version = m[1]; break; }
  }
  const literal = env.filter((e): e is { name: string; value: string } => 'value' in e);
  version ??= literal.find((e) => /^(?:JAVA|JDK|JRE)_VERSION$/i.test(e.name) && javaRelease(e.value.trim()))?.value.trim();
  if (!version) return undefined;
  const rel = javaRelease(version);
  if (!rel) return undefined;
  const tls13 = rel.major >= 11 || (rel.major === 8 && rel.update >= 261);
  let cap: string | undefined;
  for (const e of literal) {
    const m = /-D(https\.protocols|jdk\.tls\.client\.protocols)=("?)([\w.,]+)\2/.exec(e.value);
    if (m && !/TLSv1\.3/.test(m[3] ?? '')) { cap = `-D${m[1]}=${m[3]} in env ${e.name}`; break; }
  }
  return { version, tls13, ...(cap ? { cap } : {}) };
}

/** The Go toolchain a client was built with, as its start line or its image's env says it. */
export interface GoRuntime {
  /** "1.23.4". */
  version: string;
  /** Go 1.22+ no longer offers RSA key-exchange cipher suites (TLS_RSA_*) by default. */
  noRsaKex: boolean;
}

/**
 * The Go version of the client: a start line's "go_version":"go1.23.4" / "go version go1.23.4" /
 * "runtime=go1.23.4", or the image's GOLANG_VERSION / GO_VERSION env (literal values only).
 */
export function findGoRuntime(lines: readonly string[], env: readonly EnvVarEvidence[]): GoRuntime | undefined {
  let version: string | undefined;
  for (const l of lines) {
    const m = /\bgo_?version"?\s*[=:]\s*"?go(1\.\d+(?:\.\d+)?)\b/i.exec(l) ?? /\b(?:go version|runtime[=:]\s*"?)\s*go(1\.\d+(?:\.\d+)?)\b/i.exec(l) ?? /\bbuilt with go(1\.\d+(?:\.\d+)?)\b/i.exec(l);
    if (m?.[1]) { version = m[1]; break; }
  }
  const literal = env.filter((e): e is { name: string; value: string } => 'value' in e);
  version ??= literal.map((e) => (/^(?:GOLANG|GO)_VERSION$/i.test(e.name) ? /^(?:go)?(1\.\d+(?:\.\d+)?)$/.exec(e.value.trim())?.[1] : undefined)).find((v) => v !== undefined);
  if (!version) return undefined;
  const minor = Number(version.split('.')[1]);
  return { version, noRsaKex: minor >= 22 };
}

/** The image the logging pods' revision brought in, when it changed from the one before. */
export interface ImageChange {
  revision: number;
  previous: number;
  from: string;
  to: string;
}

export interface TlsTermsStory {
  /** Said after the dependency in the title. */
  title: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
}

const tag = (image: string): string => image.split('/').pop() ?? image;

/** A configured URL whose scheme asks for TLS (rediss://, https://, amqps://): the key, its value (masked), where it is kept, and the plain scheme beside it. */
export interface TlsSchemeSetting {
  name: string;
  value: string;
  from?: string;
  scheme: string;
  plain: string;
}

const TLS_SCHEME = /^(?<scheme>(?<plain>rediss|https|amqps|mqtts|ldaps|wss|grpcs|natss|smtps|imaps)|(?<base>neo4j|bolt)\+ssc?):\/\/(?:[^@/]*@)?(?<host>[^:/?#,]+)/i;
const firstLabel = (host: string): string => host.replace(/:\d+$/, '').split('.')[0]?.toLowerCase() ?? '';

/** The setting whose TLS-scheme URL names the dependency's host; else the only such setting. Values are read as given (masked by the caller). */
export function findTlsSchemeSetting(settings: readonly { name: string; value: string; from?: string }[], dependency: string | undefined): TlsSchemeSetting | undefined {
  const found = settings.flatMap((s) => {
    const m = TLS_SCHEME.exec(s.value.trim())?.groups;
    if (m === undefined) return [];
    const scheme = (m['scheme'] ?? '').toLowerCase();
    const plain = m['base'] ? m['base'].toLowerCase() : scheme.slice(0, -1);
    return [{ setting: { name: s.name, value: s.value.trim(), ...(s.from ? { from: s.from } : {}), scheme, plain }, host: m['host'] ?? '' }];
  });
  const named = dependency ? found.find((f) => firstLabel(f.host) === firstLabel(dependency)) : undefined;
  return (named ?? (found.length === 1 ? found[0] : undefined))?.setting;
}

/** The mechanism in words, with where to change it, for one of the three problems. */
export function explainTlsTerms(input: {
  problem: TlsTermsProblem;
  dependency: string | undefined;
  line: string;
  setting?: PlaintextSetting;
  library?: string;
  imageChange?: ImageChange;
  suites?: PinnedSuites;
  java?: JavaRuntime;
  go?: GoRuntime;
  /** For tls-plaintext: the configured URL that asks for TLS. */
  scheme?: TlsSchemeSetting;
}): TlsTermsStory {
  const dep = input.dependency ?? 'the server';
  const { setting, library, imageChange } = input;
  if (input.problem === 'tls-required') {
    const where = setting ? `: ${setting.said} turns it off` : '';
    return {
      title: `${input.dependency ? `Dependency ${dep}` : 'The database'} requires TLS and the client connects without it${where}`,
      evidence: setting ? [`the client's TLS is off in the spec: ${setting.said}`] : [],
      cause: `The server accepts only encrypted connections (Postgres: a hostssl-only pg_hba.conf or rds.force_ssl=1; MySQL: require_secure_transport=ON) and this client connects in plain text${setting ? ` (${setting.said})` : ''}, so every connection is refused before the password is checked: the credentials are not the issue. A server-side setting enforced since is the usual trigger when the workload did not change.`,
      action: `Connect with TLS: ${setting ? `set ${setting.fix}` : 'set the client\'s sslmode to require'} (better verify-full, with the server's CA bundle in the image or a mounted ConfigMap), then let the pods restart. Restarting alone changes nothing: the server will keep refusing plain text.`,
      fix: setting ? `connect with TLS (${setting.fix}, or verify-full with the server's CA bundle)` : 'connect with TLS (sslmode=require, or verify-full with the server\'s CA bundle)',
    };
  }
  if (input.problem === 'tls-plaintext' && input.scheme) {
    const s = input.scheme;
    const at = s.from ? `${s.name} in ${s.from}` : s.name;
    return {
      title: `${dep} does not answer in TLS (wrong version number): ${s.name} (${s.from ?? 'pod template'}) asks for TLS with ${s.scheme}://, and the port speaks plain text`,
      evidence: [`${s.name} (${s.from ?? 'pod template'}): ${s.value}`],
      cause: `The client is configured with ${s.scheme}:// for ${dep} (${s.name}${s.from ? `, ${s.from}` : ''}), so it starts a TLS handshake; the port answers in plain text, which the TLS library reads as a record of a "wrong version number". The server is up; the scheme does not match what it serves there.`,
      action: `Set ${at} back to ${s.plain}:// (or enable TLS on ${dep} and use its TLS port), then restart the pods${s.from ? ': they read it only at start' : ''}.`,
      fix: `set ${at} back to ${s.plain}:// (or enable TLS on ${dep})`,
    };
  }
  if (input.problem === 'tls-plaintext') {
    return {
      title: `${dep} does not answer in TLS (wrong version number): the client speaks TLS to a plain-text port`,
      evidence: [],
      cause: 'The client starts a TLS handshake and gets plain text back: an https:// scheme or TLS setting for a port that serves plain HTTP or TCP, a proxy in between, or the wrong port.',
      action: `Compare the scheme and port the client uses for ${dep} with what is served there; use the TLS port, or plain text where the server has no TLS.`,
      fix: `use the scheme and port ${dep} serves TLS on`,
    };
  }
  const refusal = readTlsRefusal(input.line);
  const lib = library ? `the client's TLS library (${library})` : 'the client\'s TLS library';
  const changed = imageChange ? ` Revision ${imageChange.revision} changed the image (${tag(imageChange.from)} → ${tag(imageChange.to)}): a new base image brings a TLS library with stricter defaults.` : '';
  const meanwhile = imageChange ? `, or roll back to revision ${imageChange.previous}, which ran the old image` : '';
  const evidence = [
    ...(library ? [`the client runs ${library}`] : []),
    ...(imageChange ? [`revision ${imageChange.revision} changed the image: ${tag(imageChange.from)} → ${tag(imageChange.to)}`] : []),
  ];
  if (refusal.side === 'legacy-renegotiation') {
    return explainLegacyRenegotiation({ dependency: dep, ...(library ? { library } : {}), ...(imageChange ? { imageChange: { ...imageChange, from: tag(imageChange.from), to: tag(imageChange.to) } } : {}), evidence });
  }
  if (refusal.side === 'no-cipher' && input.go?.noRsaKex && !input.suites) return explainGoRsaKex(dep, input.go, evidence, changed, meanwhile);
  if (refusal.side === 'no-cipher') return explainNoCipher(dep, input.suites, evidence, changed);
  if (refusal.side === 'weak-key') {
    return {
      title: `TLS handshake with ${dep} fails: the server's Diffie-Hellman key is too small for ${lib} (dh key too small)`,
      evidence,
      cause: `${dep} offers a Diffie-Hellman key (1024 bits or less) below the security level of ${lib}, which refuses it; other hosts with stronger keys still work.${changed}`,
      action: `Ask whoever serves ${dep} for a 2048-bit DH key or ECDHE ciphers; meanwhile lower the security level (SECLEVEL=1) for that one client only${meanwhile}. Do not lower it for every connection.`,
      fix: `get ${dep} to offer a 2048-bit DH key or ECDHE; meanwhile lower the security level for that one client`,
    };
  }
  if (refusal.side === 'old-client' && input.java && (!input.java.tls13 || input.java.cap)) {
    const { java } = input;
    const why = java.tls13 ? `its TLS is capped by ${java.cap ?? ''}` : 'it has no TLS 1.3 (Java 8 gained it in 8u261, Java 11 has it)';
    return {
      title: `TLS handshake with ${dep} fails: the server refuses the TLS versions the client offers (protocol version) — the client runs Java ${java.version}, ${java.tls13 ? 'capped below TLS 1.3' : 'which has no TLS 1.3'}`,
      evidence: [...evidence, `the client runs Java ${java.version}: ${why}`, ...(java.cap && !java.tls13 ? [`the client's protocols are also capped by ${java.cap}`] : [])],
      cause: `${dep} accepts only TLS versions this client cannot offer: the client runs Java ${java.version}, and ${why}. A server that moved to TLS 1.3 only refuses every handshake from it with protocol_version, while clients on newer runtimes keep working.${changed}`,
      action: `Move the client to a runtime with TLS 1.3 (Java 8u261+ or Java 11+)${java.cap ? ` and drop or widen ${java.cap} (add TLSv1.3)` : ''}, or ask whoever serves ${dep} to keep TLS 1.2 enabled meanwhile.`,
      fix: `run the client on a JDK with TLS 1.3 (8u261+ or 11+)${java.cap ? ` and widen ${java.cap}` : ''}, or get ${dep} to keep TLS 1.2 meanwhile`,
    };
  }
  if (refusal.side === 'old-client') {
    return {
      title: `TLS handshake with ${dep} fails: the server refuses the TLS versions the client offers (protocol version)`,
      evidence,
      cause: `${dep} accepts only newer TLS versions than this client offers: an old runtime, or a client capped at TLS 1.0/1.1 by its settings.${changed}`,
      action: `Let the client offer TLS 1.2 or later for ${dep} (a newer runtime, or its TLS settings).`,
      fix: `let the client offer TLS 1.2 or later`,
    };
  }
  const old = refusal.version ?? 'an old TLS version (1.0/1.1)';
  return {
    title: `TLS handshake with ${dep} fails: the server offers only ${old}, which ${lib} refuses (unsupported protocol)`,
    evidence,
    cause: `${dep} speaks only ${old}; ${lib} refuses it at its default security level (OpenSSL 3 and recent JDKs, Node and Go disable TLS 1.0/1.1), so every call to that host fails the handshake while hosts that speak TLS 1.2 still work.${changed}`,
    action: `Ask whoever serves ${dep} to enable TLS 1.2; meanwhile allow the old protocol for that one client only (Python: an SSLContext with minimum_version TLSv1 and SECLEVEL=0; Java: jdk.tls.disabledAlgorithms; Node: minVersion)${meanwhile}.`,
    fix: `get ${dep} to speak TLS 1.2; meanwhile allow ${refusal.version ?? 'TLS 1.0/1.1'} for that one client${imageChange ? ` or roll back to revision ${imageChange.previous}` : ''}`,
  };
}

/** No shared cipher suite from a Go 1.22+ client: its default suites no longer include RSA key exchange, which an old server may accept alone. */
function explainGoRsaKex(dep: string, go: GoRuntime, evidence: string[], changed: string, meanwhile: string): TlsTermsStory {
  return {
    title: `TLS handshake with ${dep} fails: the client runs Go ${go.version}, and since Go 1.22 crypto/tls no longer offers RSA key-exchange cipher suites (TLS_RSA_*) by default — a server that accepts only those shares no cipher suite with it (handshake failure)`,
    evidence: [...evidence, `the client runs Go ${go.version}: since Go 1.22 its default cipher suites leave out RSA key exchange (TLS_RSA_*)`],
    cause: `Go 1.22 removed the RSA key-exchange cipher suites (TLS_RSA_WITH_AES_*) from crypto/tls's client defaults. A server that offers only those — typically an old appliance or legacy gateway — shares no suite with a client built with Go ${go.version} and aborts every handshake ("remote error: tls: handshake failure"), while servers with ECDHE suites keep working.${changed}`,
    action: `As a stopgap set GODEBUG=tlsrsakex=1 in the container's env (restores the RSA key-exchange suites)${meanwhile}; the real fix is for whoever serves ${dep} to enable ECDHE cipher suites. Confirm with openssl s_client -connect … -cipher 'ECDHE' against ${dep}.`,
    fix: `set GODEBUG=tlsrsakex=1 as a stopgap; get ${dep} to enable ECDHE cipher suites`,
  };
}

/** No shared cipher suite: with the client's suites pinned to RSA key exchange, the server's key is no longer RSA. */
function explainNoCipher(dep: string, suites: PinnedSuites | undefined, evidence: string[], changed: string): TlsTermsStory {
  if (suites?.rsaOnly) {
    const list = suites.suites.slice(0, 3).join(', ');
    return {
      title: `TLS handshake with ${dep} fails: the client offers only RSA key-exchange cipher suites (TLS_RSA_*, pinned by ${suites.where}) and the server accepts none of them (handshake_failure)`,
      evidence: [...evidence, `the client's cipher suites are pinned by ${suites.where}: ${list}${suites.suites.length > 3 ? ', …' : ''} — all RSA key exchange, usable only with an RSA certificate`],
      cause: `The client offers only TLS_RSA_* suites (${suites.where}), which need an RSA key in the server's certificate. When the server's certificate is re-issued with an EC (ECDSA) key — a cert-manager Certificate whose privateKey algorithm changed — or its suite list drops RSA key exchange, no suite is shared: the server answers "no cipher suites in common" and aborts every handshake (handshake_failure), while clients offering ECDHE suites keep working. Restarting or rolling back either side does not change the certificate it loads.${changed}`,
      action: `Check the key type of ${dep}'s certificate (openssl s_client -connect … | openssl x509 -noout -text) and when it was re-issued; re-issue it with an RSA key (or serve an RSA and an ECDSA certificate), then widen the client's suites in ${suites.where} to ECDHE suites (or drop the pin).`,
      fix: `re-issue ${dep}'s certificate with an RSA key (or serve both RSA and ECDSA), then widen the client's cipher suites (${suites.where}) to ECDHE suites`,
    };
  }
  return {
    title: `TLS handshake with ${dep} fails: client and server share no cipher suite (handshake_failure)`,
    evidence: [...evidence, ...(suites ? [`the client's cipher suites are pinned by ${suites.where}: ${suites.suites.slice(0, 3).join(', ')}`] : [])],
    cause: `The server aborts the handshake because none of the cipher suites the client offers fits its settings or its certificate's key type (an RSA-only client against a certificate re-issued with an ECDSA key, or a server that narrowed its suites); a server that requires a client certificate aborts the same way.${changed}`,
    action: `Compare the client's cipher suites with what ${dep} accepts and the key type of its certificate (openssl s_client), and align one side.`,
    fix: `align the client's cipher suites with ${dep}'s certificate key type and suites`,
  };
}

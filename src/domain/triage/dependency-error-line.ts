// One log line → the dependency failure it reports (TLS, DNS, refused, unreachable, reset, timeout)
// and the dependency it names: read by the analyzers and by the reads that follow a dependency.
import { classifyGrpcServerTransport } from './grpc-server-transport.js';
import { isClientAbortRecord } from './client-abort.js';
import type { LogEvidence } from './evidence.js';

export type DependencyProblem = 'tls-expired' | 'tls-untrusted' | 'tls-name' | 'tls-required' | 'tls-protocol' | 'tls-plaintext' | 'refused' | 'unreachable' | 'dns-missing' | 'dns-unavailable' | 'timeout' | 'reset' | 'closed-idle';

/** Specific shapes first (they name the dependency exactly), generic ones after. */
const PATTERNS: [DependencyProblem, RegExp][] = [
  // TLS: the connection was made and the peer's certificate refused (Go, Java, Node, Python, OpenSSL wording).
  ['tls-expired', /x509: certificate has expired|CertificateExpiredException|CERT_HAS_EXPIRED|certificate has expired|certificate verify failed: certificate has expired/i],
  ['tls-untrusted', /x509: certificate signed by unknown authority|x509: cannot verify signature: insecure algorithm|PKIX path building failed|unable to find valid certification path|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|self[- ]signed certificate|certificate verify failed: unable to get local issuer/i],
  ['tls-name', /x509: certificate is valid for .+?, not |ERR_TLS_CERT_ALTNAME_INVALID|No subject alternative (DNS )?names? matching|certificate verify failed: Hostname mismatch|doesn't match any of the subject alternative names|x509: certificate relies on legacy Common Name field/i],
  // TLS terms (tls-terms.ts): the server demands TLS the client does not use (Postgres, MySQL, Azure's wording)…
  ['tls-required', /connection to server at "(?<host>[\w.-]+)"(?: \([\w.:]+\))?, port (?<port>\d+) failed: FATAL:\s+no pg_hba\.conf entry for host "[^"]*", user "[^"]*", database "[^"]*", (?:no encryption|SSL off)/i],
  ['tls-required', /no pg_hba\.conf entry for host "[^"]*", user "[^"]*", database "[^"]*", (?:no encryption|SSL off)|Connections using insecure transport are prohibited|require_secure_transport=ON|SSL connection is required/i],
  // …they share no protocol version, or the server's key is too weak for the client's library ("unsupported protocol scheme" is a URL's)…
  ['tls-protocol', /\[SSL: (?:UNSUPPORTED_PROTOCOL|DH_KEY_TOO_SMALL|TLSV1_ALERT_PROTOCOL_VERSION|NO_PROTOCOLS_AVAILABLE)\]|ERR_SSL_(?:UNSUPPORTED_PROTOCOL|DH_KEY_TOO_SMALL|TLSV1_ALERT_PROTOCOL_VERSION|NO_PROTOCOLS_AVAILABLE)|unsupported protocol(?! scheme)|dh key too small|tlsv1 alert protocol version|server selected unsupported protocol version|protocol version not supported|Received fatal alert: protocol_version|No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)|server selected protocol version \w+ is not accepted|DH ServerKeyExchange does not comply/i],
  // …or a server without secure renegotiation (RFC 5746), which OpenSSL 3 refuses by default…
  ['tls-protocol', /\[SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED\]|unsafe legacy renegotiation disabled/i],
  // …or no cipher suite (a client pinned to RSA key exchange against a server with an EC key).
  ['tls-protocol', /Received fatal alert: handshake_failure|remote error: tls: handshake failure|SSLV3_ALERT_HANDSHAKE_FAILURE|sslv3 alert handshake failure|no cipher suites in common|no shared cipher/i],
  // …or the port does not speak TLS at all.
  ['tls-plaintext', /WRONG_VERSION_NUMBER|wrong version number|first record does not look like a TLS handshake|Unrecognized SSL message, plaintext connection/i],
  // DNS: the resolver's answer decides missing (no such name) vs unavailable (no answer).
  ['dns-unavailable', /getaddrinfo EAI_AGAIN (?<dep>[\w.-]+)/],
  ['dns-missing', /getaddrinfo ENOTFOUND (?<dep>[\w.-]+)/],
  ['dns-missing', /lookup (?<dep>[\w.-]+)(?: on [\d.:[\]a-f]+)?: no such host/i],
  ['dns-unavailable', /lookup (?<dep>[\w.-]+)(?: on [\d.:[\]a-f]+)?: (?:server misbehaving|i\/o timeout|read udp|read: connection refused|dial udp)/i],
  ['dns-missing', /UnknownHostException: (?<dep>[\w.-]+)/],
  // Elasticsearch's seed-host resolver; Java's UnknownHostException message "host: Name or service not known".
  ['dns-missing', /failed to resolve host \[(?<dep>[\w.-]+)\]/i],
  ['dns-missing', /UnknownHostException\b.*?(?<![\w.-])(?<dep>[a-z][\w.-]*): Name or service not known/i],
  ['dns-missing', /Could not resolve host:? (?<dep>[\w.-]+)/i],
  // libpq (psycopg2, pg): the host it was given, then getaddrinfo's answer.
  ['dns-unavailable', /could not translate host name "(?<dep>[\w.-]+)" to address: Temporary failure/i],
  ['dns-missing', /could not translate host name "(?<dep>[\w.-]+)" to address/i],
  // busybox nslookup, the usual wait-for loop of an init container.
  ['dns-missing', /nslookup: can't resolve '(?<dep>[\w.-]+)'|server can't find (?<dep2>[\w.-]+?)\.?: NXDOMAIN/],
  ['dns-missing', /NXDOMAIN|Name or service not known|nodename nor servname provided|Name does not resolve/i],
  // grpc-go's name resolver found no address for the target (its DNS lookup answered no such name); the line does not name it.
  ['dns-missing', /\bname resolver error: produced zero addresses\b|\bresolver (?:returned|produced) (?:an empty address list|zero addresses)\b/i],
  ['dns-unavailable', /Temporary failure in name resolution|EAI_AGAIN/i],
  // Refused: the name resolved, nobody listens.
  ['refused', /connect ECONNREFUSED (?<dep>[\w.:[\]-]+:\d+)/],
  ['refused', /dial tcp (?<dep>[\w.[\]:-]+:\d+): connect: connection refused/i],
  ['refused', /Connection to (?<dep>[\w.-]+:\d+) refused/i],
  ['refused', /Error 111 connecting to (?<dep>[\w.-]+:\d+)/i],
  ['refused', /Connection refused(?::| to)? (?<dep>[\w.-]+(?:\/[\d.]+)?:\d+)/i],
  ['refused', /connection refused|ECONNREFUSED/i],
  // Unreachable: no route, or a client that gave up connecting (Kafka's "could not be established").
  ['unreachable', /Connection to node -?\d+ \((?<host>[\w.-]+)(?:\/[\d.]+)?:(?<port>\d+)\) could not be established/i],
  ['unreachable', /connect: no route to host|EHOSTUNREACH|No route to host|Network is unreachable|ENETUNREACH|Broker may not be available/i],
  // Closed before answering: a reused keep-alive connection the server had already closed, found at the
  // read of the response's first line (OkHttp, Apache HttpClient, Python's http.client, Go's net/http).
  ['closed-idle', /NoHttpResponseException: (?<dep>[\w.-]+(?::\d+)?) failed to respond/],
  ['closed-idle', /unexpected end of stream on\b|NoHttpResponseException|Remote end closed connection without response|http: server closed idle connection/i],
  // Reset: the connection opened, then the peer (or a proxy in front of it) dropped it.
  // Go: "read tcp LOCAL->REMOTE: read: connection reset by peer" — the remote is the dependency.
  ['reset', /(?:read|write) tcp [\w.:[\]-]+->(?<dep>[\w.[\]:-]+:\d+): (?:read|write): connection reset by peer/i],
  // nginx: the upstream closed the connection before its response header (a keep-alive connection it had closed, or a process that died mid-request).
  ['reset', /upstream prematurely closed connection while reading response header from upstream/],
  ['reset', /connection reset by peer|Connection reset|ECONNRESET|socket hang up|upstream connect error or disconnect\/reset before headers/i],
  // Timeouts: packets go unanswered, or a call gets no answer in time.
  // libpq's connect_timeout: `connection to server at "db.example" (10.1.2.3), port 5432 failed: timeout expired`.
  ['timeout', /connection to server at "(?<host>[\w.-]+)"(?: \([\w.:]+\))?, port (?<port>\d+) failed: timeout expired/i],
  ['timeout', /connect ETIMEDOUT (?<dep>[\w.:[\]-]+:\d+)/],
  // Ruby's Net::HTTP: "Net::OpenTimeout: Failed to open TCP connection to host:80 (execution expired)".
  ['timeout', /Net::OpenTimeout\b.*?Failed to open TCP connection to (?<dep>[\w.[\]:-]+:\d+)/],
  ['timeout', /Net::OpenTimeout/],
  ['timeout', /dial tcp (?<dep>[\w.[\]:-]+:\d+): (?:i\/o timeout|connect: connection timed out)/i],
  // musl (Alpine) words ETIMEDOUT "Operation timed out": nginx's "(110: Operation timed out) while connecting to upstream".
  ['timeout', /connect timed out|connection timed out|ConnectTimeoutError|ETIMEDOUT|\(110: Operation timed out\)/i],
  ['timeout', /context deadline exceeded|Client\.Timeout exceeded|upstream request timeout|504 Gateway Time-?out|\bstatus(?:Code)?[=: ]+504\b|Read timed out|SocketTimeoutException|ESOCKETTIMEDOUT|timeout of \d+ ?ms exceeded|request timed out/i],
];

/**
 * The host of a URL in the line (`https://api.partner-bank.example/v2/transfers` → the host): a
 * name, an IPv4 address or a bracketed IPv6 one, whole — the host ends where the port, path,
 * query or quote begins (`https://172.20.0.1:443/…` is 172.20.0.1, never "172").
 */
const URL_HOST = /\bhttps?:\/\/(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|[a-z0-9.-]+\.[a-z]{2,}|[a-z0-9-]+)(?::(\d+))?(?=[/?#"'\s\\),;>\]]|\.(?:\s|$)|$)/i;

/** undici (Node's fetch) names the address it dialled: `Connect Timeout Error (attempted address: api.example:443, timeout: 10000ms)`. */
const ATTEMPTED_ADDRESS = /attempted address: ([\w.-]+|\[[0-9a-f:.]+\]):(\d+)/i;

/** A structured line's own `"host":"api.example.com"` field (never "hostname", the logging pod's name). */
const HOST_FIELD = /"host"\s*:\s*"([a-z0-9][a-z0-9.-]*)"/i;

/** urllib3's connection pool names its host and port: `HTTPSConnectionPool(host='edi.example', port=443)`. */
const URL_POOL = /HTTPS?ConnectionPool\(host='([\w.-]+)', port=(\d+)\)/;

/** host:port anywhere in a line; hosts start with a letter or are IPv4 (times like 03:14 are not). */
// Not inside a longer token: "_ssl.c:1006" is a source file and line, not host c port 1006.
const HOST_PORT = /(?<![\w.])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z][a-z0-9-]*|\d{1,3}(?:\.\d{1,3}){3}):(\d{2,5})\b/gi;

/**
 * A source file and line, not a host and port: klog/glog's header (`leaderelection.go:297]`) and
 * names ending in a source extension (`factory.go:160`, `Main.java:42`, `app.py:88`).
 */
const SOURCE_LOCATION = /^[\w.-]+\.(?:go|java|kt|scala|py|rb|js|mjs|cjs|ts|c|cc|cpp|h|hpp|cs|php|ex|exs|swift)$/i;

/** The first host:port of the line that is not a source location. */
function findHostPort(line: string): [string, string] | undefined {
  for (const m of line.matchAll(HOST_PORT)) {
    const [host, port] = [m[1] ?? '', m[2] ?? ''];
    const end = (m.index ?? 0) + m[0].length;
    // "undici:13510:13" in a stack frame is a file, its line and column, not a host and port.
    if (SOURCE_LOCATION.test(host) || line[end] === ']' || /^:\d/.test(line.slice(end, end + 2))) continue;
    return [host, port];
  }
  return undefined;
}

export interface DependencyError {
  problem: DependencyProblem;
  /** "postgres.payments.svc:5432", "redis-master"; undefined when the line does not say. */
  dependency?: string;
}

/** A server's access log of a request it served (pino-http, morgan-style JSON): what it says timed out is its own answer. */
const SERVED_REQUEST = /"req"\s*:\s*\{.*"res"\s*:\s*\{|"responseTime"\s*:/;

/** One log line → the dependency failure it reports, if any. */
/** The process's own descriptors ran out before the call left it: "dial udp 172.20.0.10:53: socket: too many open files", Node's "connect EMFILE". */
const LOCAL_SOCKET_REFUSED = /\bsocket: too many open files\b|\b(?:connect|getaddrinfo|lookup) EMFILE\b/i;

export function parseDependencyError(line: string): DependencyError | undefined {
  // gRPC's server transport speaks of connections it accepted (a client that hung up): no call of its own.
  if (classifyGrpcServerTransport(line) !== undefined) return undefined;
  // A request the server was receiving or answering, cut (Node's "aborted" at abortIncoming, a ClientAbortException): its caller's connection, no dependency's.
  if (isClientAbortRecord(line)) return undefined;
  // A call that could not even open its socket failed inside the process (out of descriptors): no answer of the dependency's.
  if (LOCAL_SOCKET_REFUSED.test(line)) return undefined;
  for (const [problem, re] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    // "request timed out" on the request the server itself was answering names no dependency: the process was too slow.
    if (/^request timed out$/i.test(m[0]) && SERVED_REQUEST.test(line)) continue;
    let dep = m.groups?.['dep'] ?? m.groups?.['dep2'] ?? (m.groups?.['host'] ? `${m.groups['host']}:${m.groups['port'] ?? ''}` : undefined);
    // "Post \"https://payments-api…:8443/…\": dial tcp 172.20.1.9:8443: i/o timeout": the name says more than the address.
    const named = URL_HOST.exec(line);
    if (dep !== undefined && /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(dep) && named) dep = `${named[1] ?? ''}${named[2] ? `:${named[2]}` : dep.includes(':') ? `:${dep.split(':')[1] ?? ''}` : ''}`;
    if (dep === undefined && !problem.startsWith('dns')) {
      // urllib3 (requests): "HTTPSConnectionPool(host='api.example', port=443)".
      const pool = URL_POOL.exec(line);
      const attempted = ATTEMPTED_ADDRESS.exec(line);
      const url = URL_HOST.exec(line);
      const hp = findHostPort(line);
      // A JSON client log names the host it called in a field; a served request's is its own Host header.
      const field = SERVED_REQUEST.test(line) ? null : HOST_FIELD.exec(line);
      if (pool) dep = `${pool[1] ?? ''}:${pool[2] ?? ''}`;
      else if (attempted) dep = `${attempted[1] ?? ''}:${attempted[2] ?? ''}`;
      else if (url) dep = `${url[1] ?? ''}${url[2] ? `:${url[2]}` : ''}`;
      else if (hp) dep = `${hp[0]}:${hp[1]}`;
      else if (field) dep = field[1];
    }
    // Java prints "host/10.0.0.7:5432": keep the name and port.
    if (dep?.includes('/')) dep = dep.replace(/\/[\d.]+(?=:\d+$)/, '');
    // "$(DATA_HOST): Name or service not known": a variable name the kubelet left unexpanded, not a host (unexpanded-env-ref.ts).
    if (dep !== undefined && line.includes(`$(${dep.replace(/:\d+$/, '')})`)) dep = undefined;
    return dep === undefined ? { problem } : { problem, dependency: dep };
  }
  return undefined;
}

/**
 * The IPv4 address and port a client dialled, when its line names it beside the host name it was
 * calling (Go's "dial tcp 203.0.113.9:443", Java's "host/203.0.113.9:443", Node's "connect
 * ETIMEDOUT 203.0.113.9:443"): what a NetworkPolicy's ipBlock is matched against.
 */
const DIALLED = /(?:\bdial tcp |\bconnect E[A-Z]+ |[a-z0-9-]\/)(\d{1,3}(?:\.\d{1,3}){3}):(\d+)\b/i;

export function findDialledAddress(line: string): { ip: string; port: string } | undefined {
  const m = DIALLED.exec(line);
  return m ? { ip: m[1] ?? '', port: m[2] ?? '' } : undefined;
}

/** One log line that reports a dependency failure, where it is in its log. */
export interface DependencyHit {
  log: LogEvidence;
  line: string;
  index: number;
  error: DependencyError;
}

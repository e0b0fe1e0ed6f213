/**
 * A client hanging up before the service finished answering it: the server's next write to that
 * socket fails (Tomcat's ClientAbortException, Jetty's EofException, "Broken pipe" or "Connection
 * reset by peer" from the response's output stream or an SSE emitter, Node's aborted request).
 * Frameworks log it at ERROR, often with a stack trace, yet nothing failed but the caller's
 * patience: a mobile app's short timeout, a closed tab, a dropped event stream. The same "Broken
 * pipe" on the service's own connection (a database, a cache, an upstream it calls) is that
 * dependency failing, so only a write to the response the service was giving counts.
 *
 * A stack trace spans lines (the logged line, "Caused by:", the frames), and which socket broke is
 * said by its frames, not by the exception's line: the log is read in records, a line and the
 * continuation lines under it.
 */

/** Names only a client's hang-up carries: the servlet containers' and frameworks' own exceptions for it. */
const CLIENT_ABORT = /\bClientAbortException\b|\borg\.eclipse\.jetty\.io\.EofException\b|\bAsyncRequestNotUsableException\b|\bBadRequestError: request aborted\b|\bat abortIncoming\b|\bclient (?:aborted|closed (?:the )?(?:connection|request|stream))\b/i;

/** The peer went away under a write or read. */
const PEER_GONE = /\bBroken pipe\b|\bConnection reset by peer\b|\bEPIPE\b|\bECONNRESET\b/i;

/** Frames of a server writing its response: the servlet container's output buffer and connector socket, an SSE emitter, Jetty's, Undertow's, Reactor Netty's server, Node's. */
const RESPONSE_WRITE = new RegExp([
  String.raw`\borg\.apache\.catalina\.connector\.(?:OutputBuffer|CoyoteOutputStream|CoyoteWriter|Response)\b`,
  String.raw`\borg\.apache\.coyote\.(?:Response|http11\.Http11OutputBuffer|http2\.Stream)\b`,
  String.raw`\borg\.apache\.tomcat\.util\.net\.\w*Endpoint\$\w*SocketWrapper\.doWrite\b`,
  String.raw`\bServletOutputStream\b`,
  String.raw`\b(?:ResponseBodyEmitter|SseEmitter)`,
  String.raw`\borg\.eclipse\.jetty\.server\.HttpOutput\b`,
  String.raw`\bio\.undertow\.servlet\.spec\.ServletOutputStreamImpl\b`,
  String.raw`\breactor\.netty\.http\.server\b`,
  String.raw`\bnode:_http_server\b`,
  String.raw`\bServerResponse\.(?:write|end)\b`,
].join('|'));

/** Frames of the service's own client to a dependency: a broken pipe there is the dependency's connection lost. */
const OWN_CALL = /\b(?:org\.postgresql|com\.mysql|org\.mariadb|oracle\.jdbc|com\.microsoft\.sqlserver|com\.zaxxer\.hikari|redis\.clients|io\.lettuce|org\.redisson|com\.mongodb|org\.apache\.kafka|com\.rabbitmq|org\.apache\.http\.impl|org\.apache\.hc\.client5|okhttp3|feign|org\.springframework\.web\.client|org\.springframework\.web\.reactive\.function\.client|reactor\.netty\.http\.client|jdk\.internal\.net\.http|software\.amazon\.awssdk|com\.amazonaws|io\.grpc)\b/;

/** Go names both ends: `write tcp LOCAL:PORT->REMOTE:PORT: write: broken pipe`. */
const GO_WRITE = /\bwrite tcp6? \S+:(?<local>\d+)->\S+:(?<remote>\d+): write: (?:broken pipe|connection reset by peer)/i;
/** Linux gives a connection's client side a port from 32768 up: a server's own port is below it. */
const EPHEMERAL_PORT_MIN = 32768;

/** A line under another that belongs to its record: blank, indented (frames), a chained cause, an exception's own line. */
const CONTINUATION = /^\s*$|^\s|^(?:Caused by|Suppressed|Wrapped by): |^\.\.\. \d+ (?:more|common frames omitted)|^(?:[a-z_$][\w$]*\.){2,}[A-Z][\w$]*(?:Exception|Error)\b/;

/** Whether one record (a line and its stack) is a client's hang-up during the response. */
export function isClientAbortRecord(text: string): boolean {
  if (CLIENT_ABORT.test(text)) return true;
  if (!PEER_GONE.test(text)) return false;
  if (RESPONSE_WRITE.test(text)) return !OWN_CALL.test(text);
  // Go's socket errors: a write to a connection the service accepted (its own port, a client's ephemeral one) while it answered.
  const go = GO_WRITE.exec(text)?.groups;
  return go !== undefined && /\bresponse\b/i.test(text) && Number(go['local']) < EPHEMERAL_PORT_MIN && Number(go['remote']) >= EPHEMERAL_PORT_MIN;
}

/** A log tail cut in records: each line that is no continuation starts one (`end` exclusive). */
export function splitRecords(lines: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && CONTINUATION.test(lines[i] ?? '')) continue;
    if (i > start) out.push({ start, end: i });
    start = i;
  }
  return out;
}

/** The records (their lines) of clients hanging up mid-response, in the order of the log. */
export function listClientAbortRecords(lines: readonly string[]): string[][] {
  return splitRecords(lines).map((r) => lines.slice(r.start, r.end)).filter((r) => isClientAbortRecord(r.join('\n')));
}

/** The indexes of the lines that belong to records of clients hanging up mid-response. */
export function listClientAbortLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const r of splitRecords(lines)) {
    if (isClientAbortRecord(lines.slice(r.start, r.end).join('\n'))) for (let i = r.start; i < r.end; i++) out.add(i);
  }
  return out;
}

/**
 * A client's error about what an upstream ANSWERED, not about reaching it: a proxy's or gateway's
 * 502/503/504 ("Service Unavailable", "no healthy upstream"), or a body the client could not decode
 * as JSON from its first character — the HTML error page such a proxy sends in place of the API's
 * answer. When the upstream behind the proxy is a workload of the namespace with no ready endpoint,
 * these errors are its symptom, not a defect of the client.
 */

export type UpstreamAnswerKind = 'unavailable' | 'undecodable';

export interface UpstreamAnswer {
  kind: UpstreamAnswerKind;
  /** "503", when the line states the status. */
  status?: string;
  /** The host of the URL the line says was called; undefined when it names none. */
  host?: string;
}

/**
 * A status the client received, never one it served: inside the status line it read
 * (`"HTTP/1.1 503 Service Unavailable"`, where an access log has `"GET /x HTTP/1.1" 503`), or in
 * its library's own words ("503 Server Error", "status code 503", "upstream returned 502").
 */
const RECEIVED_STATUS = /\bHTTP\/\d(?:\.\d)? (50[234])\b|\b(50[234]) Server Error\b|\bstatus(?:[ _]?code)?[:= ]+(50[234])\b|\b(?:got|received|returned|responded with|response) (?:status )?(50[234])\b/i;
/** A proxy's own words for having no upstream to send the request to. */
const NO_UPSTREAM = /\bno healthy upstream\b|\bService (?:Temporarily )?Unavailable\b|\bBad Gateway\b|\bGateway Time-?out\b/i;

/** A JSON decoder that failed on the body's first character (Python, Node, Go, Jackson, Ruby). */
const UNDECODABLE = /JSONDecodeError: Expecting value: line 1 column 1 \(char 0\)|Unexpected token '?<'?,? .*?(?:in JSON at position 0|is not valid JSON)|invalid character '<' looking for beginning of value|Unexpected character \('<' \(code 60\)\)|unexpected token at '\s*<|Unexpected end of JSON input/i;

const URL_HOST = /\bhttps?:\/\/([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d+)?(?=[/?#"'\s]|$)/i;

/** One log line → the upstream answer it reports, if any. */
export function parseUpstreamAnswer(line: string): UpstreamAnswer | undefined {
  const host = URL_HOST.exec(line)?.[1];
  const at = host !== undefined ? { host: host.toLowerCase() } : {};
  const received = RECEIVED_STATUS.exec(line);
  if (received) {
    const status = received.slice(1).find((s) => s !== undefined);
    return { kind: 'unavailable', ...(status ? { status } : {}), ...at };
  }
  // A proxy's phrase alone says whose answer it was only beside the URL that was called.
  if (host !== undefined && NO_UPSTREAM.test(line)) return { kind: 'unavailable', ...at };
  if (UNDECODABLE.test(line)) return { kind: 'undecodable', ...at };
  return undefined;
}

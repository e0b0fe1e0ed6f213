/**
 * Outbound ephemeral-port exhaustion, as clients log it: connect() finds no free local port
 * toward one address (errno 99, EADDRNOTAVAIL, "Cannot assign requested address"). Connections
 * opened and closed per request hold their port in TIME_WAIT for a minute after, so a client
 * without keep-alive exhausts the pod's range under ordinary load.
 */

/** Node's `connect EADDRNOTAVAIL`, glibc's strerror (Go, Java, curl) and Python's `[Errno 99]`. */
export const SOURCE_PORTS_LINE = /\bEADDRNOTAVAIL\b|cannot assign requested address|\[Errno 99\]/i;

/**
 * The same errno from a server binding an address the pod does not have (listen, bind), and a
 * connect to IPv6 in a pod without it (`::1`): neither is a shortage of ports.
 */
export const NOT_SOURCE_PORTS = /\blisten\b|\bbind\b|(?:EADDRNOTAVAIL|dial tcp) \[?[\da-f]*::/i;

/** Where the connections went: `connect EADDRNOTAVAIL 10.0.0.7:443`, `dial tcp 10.0.0.7:443:`, urllib3's `host='x', port=80`. */
export function readSourcePortsDestination(line: string): string | undefined {
  const m = /(?:connect EADDRNOTAVAIL|dial tcp) ([\w.-]+:\d+)/.exec(line) ?? /host='([\w.-]+)', port=(\d+)/.exec(line);
  if (m === null) return undefined;
  return m[2] !== undefined ? `${m[1] ?? ''}:${m[2]}` : m[1];
}

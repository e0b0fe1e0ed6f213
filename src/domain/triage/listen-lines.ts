/**
 * What a server's own startup line says it listens on ("Listening at: http://0.0.0.0:8000",
 * "Server listening at http://127.0.0.1:3000", `listening on IPv6 address "::", port 5432`,
 * "listening on :8080"). One reading for the questions asked of it: a loopback bind the kubelet's
 * probes cannot reach (probe-failures.ts), an IPv4 wildcard an IPv6 Service cannot reach
 * (listen-family.ts).
 */

/** Who can connect: loopback only; every IPv4 address; over IPv6 (the IPv6 wildcard, dual-stack on Linux, or one IPv6 address); every address, no family named (":8080", "*:8080"). */
export type ListenScope = 'loopback' | 'ipv4-any' | 'ipv6' | 'any';

export interface ListenAddress {
  scope: ListenScope;
  /** As printed: "127.0.0.1", "[::1]", "0.0.0.0", "::", "*"; "" when only the port is. */
  host: string;
  port: number;
}

/** The words a server announces its listener with; the address follows them. */
const LISTEN_WORD = /\b(?:listen\w*|serving|running|bound|started|accepting|booting)\b|\bserver (?:is )?up\b/i;
/**
 * A named host and its port ("http://127.0.0.1:3000", "[::]:8000", ":::8000", `"0.0.0.0", port 5432`), a bare ":8080",
 * or a port named in words with no host ("Tomcat started on port(s): 8080 (http)", "Listening on port 3000").
 */
const ADDRESS = /(?<![\w.])(?:(?:https?|tcp):\/\/)?(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|0\.0\.0\.0|\[[0-9a-f:]*\]|::|\*)"?(?::|,\s*port\s+)(\d{2,5})\b|(?<![\w.\]:*"]):(\d{2,5})\b|\bon port(?:\(s\)|s)?:?\s+(\d{2,5})\b/gi;

function scopeOf(host: string): ListenScope {
  if (/^(127\.|localhost$|\[::1\]$)/i.test(host)) return 'loopback';
  if (host === '0.0.0.0') return 'ipv4-any';
  if (host === '' || host === '*') return 'any';
  return 'ipv6';
}

/** The addresses a log line says a server listens on; none when the line announces no listener. */
export function findListenAddresses(line: string): ListenAddress[] {
  const word = LISTEN_WORD.exec(line);
  if (!word) return [];
  const rest = line.slice(word.index);
  return [...rest.matchAll(ADDRESS)].map((m) => {
    const host = m[1] ?? '';
    return { scope: scopeOf(host), host, port: Number(m[2] ?? m[3] ?? m[4]) };
  });
}

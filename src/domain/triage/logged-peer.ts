/**
 * The server a failing call was made to, when the failure line itself names none (Java's
 * "SSLHandshakeException: No appropriate protocol" carries no host) but the lines logged with it
 * do: the app's own line after the stack ("moved to dead-letter; smtp=mail.example:25",
 * "connecting to ldap.example:636"). The port says the server's role when it is a well-known one.
 */

/** `host:port` after a separator; a file name in a stack frame ("Foo.java:42") is not a host. */
const HOST_PORT = /(?:^|[\s=@<('"/,;[])([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+):(\d{2,5})\b(?!:\d)/gi;
const SOURCE_FILE = /\.(?:java|kt|scala|groovy|js|mjs|cjs|ts|go|py|rb|cs|cpp|cc|c|h|rs|php|ex|exs|erl|swift)$/i;

/** Well-known ports whose server's role is worth saying: a client's TLS terms are often an old relay's. */
const ROLES: Record<string, string> = {
  '25': 'SMTP', '465': 'SMTP', '587': 'SMTP', '2525': 'SMTP',
  '389': 'LDAP', '636': 'LDAP', '21': 'FTP', '990': 'FTP',
  '110': 'POP3', '995': 'POP3', '143': 'IMAP', '993': 'IMAP',
};

export interface LoggedPeer {
  host: string;
  port: string;
  /** "SMTP" when the port is a mail server's. */
  role?: string;
}

/** The `host:port` the lines name most often (ties: the first named), with its role by port. */
export function findLoggedPeer(lines: readonly string[]): LoggedPeer | undefined {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const m of line.matchAll(HOST_PORT)) {
      const host = m[1] ?? '';
      if (SOURCE_FILE.test(host) || /^\d+(\.\d+)+$/.test(host)) continue;
      const key = `${host.toLowerCase()}:${m[2] ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (best === undefined) return undefined;
  const at = best[0].lastIndexOf(':');
  const [host, port] = [best[0].slice(0, at), best[0].slice(at + 1)];
  const role = ROLES[port];
  return { host, port, ...(role ? { role } : {}) };
}

/** "smtp.example:25 (SMTP)": the address and, when the port says it, what serves there. */
export function describeLoggedPeer(peer: LoggedPeer): string {
  return `${peer.host}:${peer.port}${peer.role ? ` (${peer.role})` : ''}`;
}

/**
 * A cluster DNS replica that crash-loops on its own configuration. CoreDNS exits at start when its
 * Corefile does not parse ("plugin/forward: /etc/coredns/Corefile:15 - Error during parsing: …"),
 * while the replicas already running refuse the same edit at reload ("[ERROR] Restart failed: …")
 * and keep serving the old one — until they are replaced too. A senior SRE reads the crashing DNS
 * pod's previous log and names the line of the Corefile, and the ConfigMap edit, as the cause.
 * Read only when the workload's lookups fail while a DNS pod is not ready.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { ClusterDnsEvidence, LogEvidence } from './evidence.js';

/** DNS pods whose logs are read: the crashing ones say why, one ready one says whether it refused the reload. */
const MAX_UNREADY = 2;
const MAX_READY = 1;

export interface DnsLogTarget {
  pod: string;
  container: string;
  previous: boolean;
  restarts: number;
}

/** Worth the DNS pods' log tails: the workload's lookups fail while some DNS pod is not ready. */
export function needsDnsPodLogs(logs: readonly LogEvidence[], dns: ClusterDnsEvidence | undefined): DnsLogTarget[] {
  if (dns === undefined || !dns.pods.some((p) => !p.ready)) return [];
  if (!logs.some((l) => l.lines.some((line) => parseDependencyError(line)?.problem.startsWith('dns') === true))) return [];
  const target = (p: ClusterDnsEvidence['pods'][number], previous: boolean): DnsLogTarget[] => {
    const c = p.containers[0];
    return c === undefined ? [] : [{ pod: p.name, container: c.name, previous, restarts: c.restartCount }];
  };
  const unready = dns.pods.filter((p) => !p.ready).slice(0, MAX_UNREADY).flatMap((p) => target(p, (p.containers[0]?.restartCount ?? 0) > 0));
  const ready = dns.pods.filter((p) => p.ready).slice(0, MAX_READY).flatMap((p) => target(p, false));
  return [...unready, ...ready];
}

/** A Corefile that does not parse, as CoreDNS logs it at start or at reload. */
const PARSE_ERROR = /Error during parsing|Corefile:\d+ - |Unknown directive|plugin\/\w+: [^\n]*(?:unknown|invalid|wrong argument|unexpected)/i;
/** A running replica that refused the edited Corefile and kept its old one. */
const RELOAD_REFUSED = /Restart failed/i;

export interface DnsConfigError {
  /** The crashing DNS pod and its log line, trimmed of CoreDNS's level prefix. */
  pod: string;
  line: string;
  /** A ready replica that refused the same edit at reload and still serves the old Corefile. */
  refused?: { pod: string; line: string };
}

function clean(line: string): string {
  return line.trim().replace(/^\[(?:ERROR|FATAL)\]\s*/i, '').replace(/^Restart failed:\s*/i, '');
}

/** The Corefile error the crashing DNS pods log, and a running one's refusal of it. Undefined when none says so. */
export function findDnsConfigError(dns: ClusterDnsEvidence): DnsConfigError | undefined {
  const logs = dns.logs ?? [];
  const unready = new Set(dns.pods.filter((p) => !p.ready).map((p) => p.name));
  const crash = logs.filter((l) => unready.has(l.pod)).flatMap((l) => l.lines.filter((x) => PARSE_ERROR.test(x) && !RELOAD_REFUSED.test(x)).map((line) => ({ pod: l.pod, line })))[0];
  if (crash === undefined) return undefined;
  const refusal = logs.filter((l) => !unready.has(l.pod)).flatMap((l) => l.lines.filter((x) => RELOAD_REFUSED.test(x)).map((line) => ({ pod: l.pod, line })))[0];
  return { pod: crash.pod, line: clean(crash.line), ...(refusal === undefined ? {} : { refused: { pod: refusal.pod, line: refusal.line.trim() } }) };
}

/**
 * Which dependency a log line is about when the line names no host: an HTTP client's error often
 * says only "403 Forbidden", but its logger or message names the thing it calls ("PaymentClient",
 * "charge failed"), and the container's env says where that thing lives (PAYMENTS_URL=http://
 * payment-gateway.payments.svc…). Words shared between the two pick the address.
 */
import type { ContainerSpecEvidence } from './evidence.js';

export interface EnvDependency {
  /** The env var that holds the address. */
  env: string;
  host: string;
  /** The port the address names, when it names one. */
  port?: string;
  /** How it was picked: the line names the host, shares words with it, or it is the only address. */
  by: 'named' | 'words' | 'only';
}

/** Words that say "an address" or "a client", not what is called. */
const NOISE = new Set(['http', 'https', 'grpc', 'svc', 'cluster', 'local', 'url', 'uri', 'host', 'hostname', 'addr', 'address', 'endpoint', 'port', 'api', 'service', 'client', 'server', 'base', 'com', 'org', 'net', 'www', 'internal', 'default', 'error', 'failed', 'exception', 'request', 'response', 'the', 'and', 'for', 'with', 'springframework', 'web']);

/** Lower-case words of an identifier or a line: camelCase and separators split, a plural "s" dropped. */
export function splitWords(text: string): Set<string> {
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2');
  const words = spaced.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !NOISE.has(w));
  return new Set(words.map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)));
}

/**
 * `scheme://host[:port]`, a JDBC URL (`jdbc:postgresql://host:5432/db`) among them. The host ends
 * where the URL's next part begins: a host that is a `$(VAR)` reference is no address, and its
 * user name (`app_user:$(PW)@…`) is not a host.
 */
const URL_ADDRESS = /^(?<scheme>(?:jdbc:)?[a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?(?<host>[a-z0-9.-]+)(?::(?<port>\d{2,5}))?(?=[/?#,;)\s]|$)/i;
const HOST_PORT = /^(?<host>[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*):(?<port>\d{2,5})$/i;

/** URL or bare `host:port` values among the container's literal env; a URL's scheme says the protocol ("jdbc:postgresql"). */
export function listEnvAddresses(c: ContainerSpecEvidence | undefined): { env: string; host: string; port?: string; scheme?: string }[] {
  return (c?.env ?? []).flatMap((e) => {
    if (!('value' in e)) return [];
    // A gRPC target names its host after the resolver's authority: dns:///host:port, dns://8.8.8.8/host:port.
    const value = e.value.trim().replace(/^dns:(?:\/\/[^/\s]*)?\//, 'dns://');
    const g = (URL_ADDRESS.exec(value) ?? HOST_PORT.exec(value))?.groups;
    if (g?.['host'] === undefined) return [];
    return [{ env: e.name, host: g['host'], ...(g['port'] ? { port: g['port'] } : {}), ...(g['scheme'] ? { scheme: g['scheme'] } : {}) }];
  });
}

/**
 * The env address the lines are about: one whose host they name, else the one sharing the most
 * words with them (env name and host alike), else the only one there is. Undefined when unsure.
 */
export function pickEnvDependency(c: ContainerSpecEvidence | undefined, lines: readonly string[]): EnvDependency | undefined {
  const addresses = listEnvAddresses(c);
  const text = lines.join('\n');
  // The Service name alone counts when it is long enough not to be a common word ("api", "db").
  const named = addresses.find((a) => text.includes(a.host) || ((a.host.split('.')[0] ?? '').length >= 6 && text.includes(a.host.split('.')[0] ?? '')));
  if (named) return { ...withoutScheme(named), by: 'named' };
  const said = splitWords(text);
  const scored = addresses
    // The scheme counts too: a stack through the Postgres driver or "JDBC Connection" is about a jdbc:postgresql URL.
    .map((a) => ({ a, score: [...splitWords(`${a.env} ${a.scheme ?? ''} ${a.host.split('.').slice(0, 2).join(' ')}`)].filter((w) => said.has(w)).length }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score);
  const [best, next] = scored;
  if (best && (next === undefined || next.score < best.score)) return { ...withoutScheme(best.a), by: 'words' };
  const only = addresses.length === 1 ? addresses[0] : undefined;
  return only ? { ...withoutScheme(only), by: 'only' } : undefined;
}

function withoutScheme(a: { env: string; host: string; port?: string }): Omit<EnvDependency, 'by'> {
  return { env: a.env, host: a.host, ...(a.port ? { port: a.port } : {}) };
}

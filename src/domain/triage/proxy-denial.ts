/**
 * A forward proxy that refuses a destination by its access rules: the client asks HTTP(S)_PROXY
 * for a tunnel (CONNECT host:443) and the proxy answers 403 Forbidden, so the destination is never
 * called. The proxy is up — it answered — and only destinations its allow-list lacks are refused
 * (squid: `acl <name> dstdomain …` allowed by `http_access allow`, then `http_access deny all`).
 * Each client says it its own way: Python requests' "Tunnel connection failed: 403 Forbidden",
 * curl's "Received HTTP code 403 from proxy after CONNECT", Node's "tunneling socket could not be
 * established, statusCode=403", Java's "Unable to tunnel through proxy. Proxy returns "HTTP/1.1 403",
 * squid's own error page (ERR_ACCESS_DENIED) for a plain-HTTP request.
 */
import type { LogEvidence, PodEvidence, ServiceEvidence } from './evidence.js';
import { findInClusterService } from './down-service.js';
import { isClusterHost, isExemptFromProxy, listLineHosts, readProxyEnv } from './proxy-env.js';
import type { ProxyEnv } from './proxy-env.js';

const TUNNEL_DENIED = /Tunnel connection failed: 403\b|Received HTTP code 403 from proxy after CONNECT|CONNECT tunnel failed, response 403|tunneling socket could not be established, statusCode=403|Unable to tunnel through proxy\. Proxy returns "HTTP\/1\.[01] 403|\bERR_ACCESS_DENIED\b/i;
/** `CONNECT api.example.com:443` as a line may quote it. */
const CONNECT_HOST = /\bCONNECT ([a-z0-9.-]+\.[a-z]{2,}):\d+/gi;

/** Two refused calls make a pattern; one may be a stray request. */
export const MIN_DENIALS = 2;

/** Whether a log line is a client's report that its proxy refused the tunnel (or the request) with 403. */
export function isProxyDenial(line: string): boolean {
  return TUNNEL_DENIED.test(line);
}

/** The client's own words for the refusal, as the line gives them ("Tunnel connection failed: 403 Forbidden"). */
export function quoteDenial(line: string): string | undefined {
  const m = TUNNEL_DENIED.exec(line);
  if (m === null) return undefined;
  // The status's reason phrase, when the client prints it after the code.
  const reason = /^ ?(Forbidden)\b/i.exec(line.slice(m.index + m[0].length))?.[0] ?? '';
  return `${m[0]}${reason}`;
}

export interface ProxyDenials {
  hits: { log: LogEvidence; line: string }[];
  /** The container whose env names the proxy, and that env. */
  container: string;
  proxy: ProxyEnv;
  /** The proxy's host without the port. */
  proxyHost: string;
  /** The Service of the namespace the proxy is, when it is one. */
  service?: string;
  /** The refused destinations the lines name, most often named first. */
  destinations: string[];
}

/** The destination hosts a refused line names: a URL's, urllib3's host='…', a quoted CONNECT; never the proxy nor a cluster host. */
function destinationsOf(line: string, proxyHost: string): string[] {
  const hosts = [...listLineHosts(line), ...[...line.matchAll(CONNECT_HOST)].map((m) => (m[1] ?? '').toLowerCase())];
  return [...new Set(hosts)].filter((h) => h !== proxyHost && !isClusterHost(h, new Set(), new Set()) && h.includes('.'));
}

/**
 * The proxy refusals in the workload's logs, the proxy its pods' env names and the destinations
 * refused; undefined below two refusals or when no env of the logging container names a proxy.
 */
export function findProxyDenials(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; namespace: string }): ProxyDenials | undefined {
  const hits = seen.logs.flatMap((log) => log.lines.flatMap((line) => (isProxyDenial(line) ? [{ log, line: line.trim() }] : [])));
  const first = hits[0];
  if (first === undefined || hits.length < MIN_DENIALS) return undefined;
  const pod = seen.pods.find((p) => p.name === first.log.pod);
  const container = pod?.containers.find((c) => c.name === first.log.container);
  const proxy = container ? readProxyEnv(container.env, container.envFrom) : undefined;
  if (proxy === undefined || container === undefined) return undefined;
  const proxyHost = proxy.proxy.replace(/:\d+$/, '').toLowerCase();
  const counts = new Map<string, number>();
  for (const h of hits) for (const d of destinationsOf(h.line, proxyHost)) if (!isExemptFromProxy(d, proxy.noProxy ?? [])) counts.set(d, (counts.get(d) ?? 0) + 1);
  const destinations = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => d);
  const ref = findInClusterService(proxyHost, seen.namespace);
  const service = ref?.namespace === seen.namespace && seen.services.some((s) => s.name === ref.name) ? ref.name : undefined;
  return { hits, container: container.name, proxy, proxyHost, ...(service ? { service } : {}), destinations };
}

/** The proxy Service of the namespace whose rules to read, and the destinations to find in its log: only where its refusals are seen. */
export function pickProxyAclRead(seen: Parameters<typeof findProxyDenials>[0]): { service: string; destinations: string[] } | undefined {
  const found = findProxyDenials(seen);
  return found?.service === undefined ? undefined : { service: found.service, destinations: found.destinations.slice(0, 3) };
}

/** A config line that states an access rule: squid's `acl` and `http_access`. */
const RULE_LINE = /^\s*(?:acl|http_access)\s/i;

/** The rule lines of a proxy config file, as written, comments dropped. */
export function keepAccessRules(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => RULE_LINE.test(l) && !l.startsWith('#'));
}

/** Whether a refusal line of the proxy's own log is about one of the destinations (squid's TCP_DENIED/403, an ERR_ page). */
export function isOwnRefusalOf(line: string, destinations: readonly string[]): boolean {
  return /\bDENIED\b|\/403\b|\b403\b|ERR_ACCESS_DENIED/.test(line) && destinations.some((d) => line.toLowerCase().includes(d));
}

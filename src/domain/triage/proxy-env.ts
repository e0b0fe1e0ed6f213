/**
 * The forward proxy a container's environment names (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, in
 * either case) and the hosts NO_PROXY exempts from it. curl, Python requests, Go's net/http and
 * most other HTTP clients read these variables, and none knows what "in the cluster" means: a
 * call to a Service goes to the proxy unless NO_PROXY names .svc / .cluster.local / its name / its
 * CIDR — and a corporate egress proxy refuses, or cannot reach, cluster-internal destinations.
 */
import type { EnvFromEvidence, EnvVarEvidence } from './evidence-spec.js';

const PROXY_NAME = /^(?:https?|all)_proxy$/i;
const NO_PROXY_NAME = /^no_proxy$/i;

export interface ProxyEnv {
  /** The env names that set a proxy, as written. */
  names: string[];
  /** The proxy's host[:port], credentials dropped. */
  proxy: string;
  /** NO_PROXY's entries (upper and lower case merged, as lenient as the most lenient client); absent when no literal NO_PROXY is set. */
  noProxy?: string[];
  /** Where a NO_PROXY this env does not show may come from (a reference, envFrom sources). */
  unseenNoProxy?: string;
}

/** "proxy.corp:3128" from "http://user:pass@proxy.corp:3128/" or "proxy.corp:3128". */
function proxyHost(value: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?([^/\s?#]+)/i.exec(value.trim());
  return m?.[1] ?? value.trim();
}

export function readProxyEnv(env: readonly EnvVarEvidence[] = [], envFrom: readonly EnvFromEvidence[] = []): ProxyEnv | undefined {
  const proxies = env.flatMap((e) => (PROXY_NAME.test(e.name) && 'value' in e && e.value.trim() !== '' ? [e] : []));
  const first = proxies[0];
  if (first === undefined) return undefined;
  const noProxy = env.filter((e) => NO_PROXY_NAME.test(e.name));
  const literal = noProxy.flatMap((e) => ('value' in e ? [e.value] : []));
  const ref = noProxy.find((e) => 'ref' in e);
  const entries = literal.flatMap((v) => v.split(',')).map((x) => x.trim()).filter((x) => x !== '');
  const refText = ref && 'ref' in ref ? `${ref.name} from ${ref.ref.kind} ${[ref.ref.name, ref.ref.key].filter(Boolean).join('/')}` : undefined;
  const fromSources = envFrom.length > 0 && noProxy.length === 0 ? `envFrom ${envFrom.map((s) => `${s.kind} ${s.name}`).join(', ')}` : undefined;
  const unseen = refText ?? fromSources;
  return {
    names: proxies.map((e) => e.name),
    proxy: proxyHost('value' in first ? first.value : ''),
    ...(literal.length > 0 ? { noProxy: entries } : {}),
    ...(unseen !== undefined ? { unseenNoProxy: unseen } : {}),
  };
}

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function inCidr(ip: number, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const start = ipv4ToNumber(base ?? '');
  const n = Number(bits);
  if (start === undefined || !Number.isInteger(n) || n < 0 || n > 32) return false;
  const size = 2 ** (32 - n);
  return Math.floor(ip / size) === Math.floor(start / size);
}

/**
 * Whether NO_PROXY exempts a host, matched the way the clients do: `*` exempts all, a name
 * exempts itself and its subdomains (a leading "." or "*." changes nothing), an IP or CIDR
 * exempts IP literals only — a CIDR never covers a name, whatever it resolves to.
 */
export function isExemptFromProxy(host: string, entries: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const ip = ipv4ToNumber(h);
  return entries.some((raw) => {
    const e = raw.trim().toLowerCase();
    if (e === '*') return true;
    if (e.includes('/')) return ip !== undefined && inCidr(ip, e);
    const name = e.replace(/^\*?\./, '').replace(/:\d+$/, '');
    return name !== '' && (h === name || h.endsWith(`.${name}`));
  });
}

/** Suffixes only the cluster's DNS answers. */
const CLUSTER_SUFFIX = /\.svc(?:\.cluster\.local)?$|\.cluster\.local$/i;

/**
 * Whether a host is the cluster's own: a *.svc / *.cluster.local name, a known Service's bare name
 * ("inventory", "inventory.fulfilment"), or a known Service's cluster IP.
 */
export function isClusterHost(host: string, services: ReadonlySet<string>, clusterIps: ReadonlySet<string>): boolean {
  const h = host.toLowerCase();
  if (CLUSTER_SUFFIX.test(h)) return true;
  if (ipv4ToNumber(h) !== undefined) return clusterIps.has(h);
  const parts = h.split('.');
  return parts.length <= 2 && services.has(parts[0] ?? '');
}

/** Hosts a log line names: URLs' hosts, urllib3's `host='…'`, and bare *.svc names. */
export function listLineHosts(line: string): string[] {
  const hosts = [
    ...[...line.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s"']*@)?([a-z0-9.-]+)/gi)].map((m) => m[1] ?? ''),
    ...[...line.matchAll(/\bhost=['"]([a-z0-9.-]+)['"]/gi)].map((m) => m[1] ?? ''),
    ...[...line.matchAll(/\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.svc(?:\.cluster\.local)?)\b/gi)].map((m) => m[1] ?? ''),
  ];
  return [...new Set(hosts.map((h) => h.toLowerCase().replace(/\.$/, '')).filter((h) => h !== ''))];
}

/** NO_PROXY entries that exempt everything of the cluster a name can reach; Service and pod IPs need the cluster's CIDRs. */
export const CLUSTER_NO_PROXY = ['localhost', '127.0.0.1', '.svc', '.svc.cluster.local', '.cluster.local'];

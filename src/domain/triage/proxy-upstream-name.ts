/**
 * nginx resolves the host of a `proxy_pass` (or of an `upstream` block's `server`) once, when it
 * loads its config, and keeps that address until it reloads — unless a `resolver` is set and the
 * name goes through a variable. A Service deleted and re-created since gets a new ClusterIP that
 * such an nginx never learns: it keeps dialing the old one, which no kube-proxy rule serves, and
 * its connections time out ("(110: Connection timed out) while connecting to upstream").
 * The names live only in its config file, usually a mounted ConfigMap: it is read only where
 * nginx's own logs fail to connect to an upstream IP.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { ProxyConfigEvidence } from './evidence-proxy-config.js';
import { findInClusterService } from './down-service.js';
import { findMountedConfigMap } from './proxy-worker-connections.js';

/** The settings kept from the file: where nginx proxies to, and whether it re-resolves names. */
export const UPSTREAM_SETTINGS = ['proxy_pass', 'server', 'resolver'] as const;

/** nginx's wording when it cannot connect to an upstream IP: timed out, refused, no route. */
const UPSTREAM_CONNECT = /\((?:110|111|113): [^)]*\) while connecting to upstream\b.*\bupstream: "\w+:\/\/(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})/;
/** Lines it takes to call it the proxy's steady failure rather than one blip. */
export const MIN_UPSTREAM_FAILURES = 3;

export interface UpstreamFailures {
  container: string;
  pods: string[];
  /** "172.20.88.203:8080", most frequent first. */
  addresses: string[];
}

/** The workload's current nginx logs failing again and again to connect to an upstream IP; else undefined. */
export function findUpstreamIpFailures(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): UpstreamFailures | undefined {
  const own = new Set(pods.map((p) => p.name));
  const count = new Map<string, number>();
  const failing: { pod: string; container: string }[] = [];
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    let hit = false;
    for (const line of log.lines) {
      const m = UPSTREAM_CONNECT.exec(line);
      if (m === null) continue;
      hit = true;
      const address = `${m[1] ?? ''}:${m[2] ?? ''}`;
      count.set(address, (count.get(address) ?? 0) + 1);
    }
    if (hit) failing.push({ pod: log.pod, container: log.container });
  }
  const total = [...count.values()].reduce((a, b) => a + b, 0);
  if (total < MIN_UPSTREAM_FAILURES) return undefined;
  const container = failing[0]?.container ?? '';
  return {
    container,
    pods: [...new Set(failing.filter((f) => f.container === container).map((f) => f.pod))],
    addresses: [...count.entries()].sort((a, b) => b[1] - a[1]).map(([a]) => a),
  };
}

/** Every value of a directive, arguments and all (`resolver kube-dns.kube-system.svc.cluster.local valid=10s`). */
export function findNginxDirectiveArgs(text: string, name: string): string[] {
  const re = new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;{}]+?)\\s*;`, 'g');
  return text.split('\n').flatMap((raw) => [...raw.replace(/#.*$/, '').matchAll(re)].map((m) => m[1] ?? ''));
}

/** How the file names a Service of the cluster with no resolver to re-resolve it; undefined when it does not, or sets a resolver. */
export interface StaleProxyName {
  configMap: string;
  key: string;
  /** "proxy_pass http://orders-api.shop.svc.cluster.local:8080". */
  directive: string;
  host: string;
}

/** The host of a proxy_pass URL or an upstream server: `http://a.b.svc.cluster.local:8080/x` → a.b.svc.cluster.local. */
function hostOf(value: string): { host: string; port?: number } | undefined {
  const first = value.trim().split(/\s+/)[0] ?? '';
  if (first.includes('$') || first.startsWith('unix:')) return undefined;
  const m = /^(?:\w+:\/\/)?([^/:]+)(?::(\d{1,5}))?/.exec(first);
  if (m === null || m[1] === undefined) return undefined;
  return m[2] !== undefined ? { host: m[1], port: Number(m[2]) } : { host: m[1] };
}

/** The proxy_pass (or upstream server) naming Service `service` of `namespace`, in a file that sets no resolver. */
export function findStaleProxyName(config: readonly ProxyConfigEvidence[], service: string, namespace: string, ownNamespace: string): StaleProxyName | undefined {
  for (const entry of config) {
    if (entry.setting !== 'proxy_pass' && entry.setting !== 'server') continue;
    // A resolver in the same file may re-resolve (with a variable): then the name is not frozen.
    if (config.some((c) => c.setting === 'resolver' && c.configMap === entry.configMap && c.key === entry.key)) continue;
    const target = hostOf(entry.value);
    const ref = target === undefined ? undefined : findInClusterService(target.host, ownNamespace);
    if (target === undefined || ref?.name !== service || ref.namespace !== namespace) continue;
    return { configMap: entry.configMap, key: entry.key, directive: `${entry.setting} ${entry.value}`, host: target.host };
  }
  return undefined;
}

/**
 * The proxy_pass (or upstream server) naming a host outside the cluster (a cloud load balancer's
 * DNS name) in a file that sets no resolver: nginx holds the addresses it had at its start.
 */
export function findStaleOutsideName(config: readonly ProxyConfigEvidence[], ownNamespace: string): StaleProxyName | undefined {
  for (const entry of config) {
    if (!entry.mountedNow || (entry.setting !== 'proxy_pass' && entry.setting !== 'server')) continue;
    if (config.some((c) => c.setting === 'resolver' && c.configMap === entry.configMap && c.key === entry.key)) continue;
    const target = hostOf(entry.value);
    if (target === undefined || /^\d{1,3}(\.\d{1,3}){3}$/.test(target.host) || !target.host.includes('.') || /(^|\.)localhost$/.test(target.host)) continue;
    if (findInClusterService(target.host, ownNamespace) !== undefined || /\.cluster\.local\.?$/.test(target.host)) continue;
    return { configMap: entry.configMap, key: entry.key, directive: `${entry.setting} ${entry.value}`, host: target.host };
  }
  return undefined;
}

/** Where nginx fails to connect to an upstream IP again and again: the ConfigMap its container mounts (one get). */
export function pickUpstreamConfigRead(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string | undefined {
  const found = findUpstreamIpFailures(ev.logs, ev.pods);
  return found === undefined ? undefined : findMountedConfigMap(ev.pods, found.pods[0], found.container);
}

/**
 * A client that still talks to a server's old address after a failover because its runtime caches
 * DNS answers for too long. The JVM keeps a name's address for the life of the process with
 * -Dsun.net.inetaddr.ttl=-1 (or networkaddress.cache.ttl=-1, which images set through
 * java.security). That is harmless behind a ClusterIP Service, whose virtual IP never moves; it is
 * not behind a headless Service (the name resolves straight to the pod that holds the role) or an
 * external endpoint whose record a failover flips.
 */
import type { ContainerSpecEvidence, TriageEvidence } from './evidence.js';
import { findServiceOf } from './down-service.js';
import { unique } from './pod-status.js';

export interface DnsCacheSetting {
  /** "-Dsun.net.inetaddr.ttl=-1" */
  flag: string;
  /** "env JAVA_TOOL_OPTIONS", "args" */
  where: string;
  /** -1: forever. */
  seconds: number;
}

const TTL_FLAG = /-D(?:sun\.net\.inetaddr\.ttl|networkaddress\.cache\.ttl)=(-?\d+)/;

/** A cache this long outlives a failover by far: the JVM's own default is 30 s. */
const LONG_TTL_S = 300;

/** The JVM's DNS cache TTL as the container sets it, from literal env values, args or command. */
export function findDnsCacheSetting(c: ContainerSpecEvidence): DnsCacheSetting | undefined {
  const places: [string, string][] = [
    ...(c.env ?? []).flatMap((e): [string, string][] => ('value' in e ? [[`env ${e.name}`, e.value]] : [])),
    ['args', (c.args ?? []).join(' ')],
    ['command', (c.command ?? []).join(' ')],
  ];
  for (const [where, text] of places) {
    const m = TTL_FLAG.exec(text);
    if (m) return { flag: m[0], where, seconds: Number(m[1]) };
  }
  return undefined;
}

export interface StaleAddress {
  setting: DnsCacheSetting;
  /** "claims-db", the name the client resolves. */
  name: string;
  /** Where the client still connects: "10.0.33.172 (claims-pg-0)". */
  old?: string;
  /** The pods the name points at now. */
  current: string[];
  headless: boolean;
}

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

/** The pod an IP belongs to, from any EndpointSlice of the namespace (a replica is still behind its own Service). */
function podOfIp(ev: TriageEvidence, ip: string): string | undefined {
  for (const s of ev.endpointSlices) for (const e of s.endpoints) if (e.addresses.includes(ip) && e.podName) return e.podName;
  return undefined;
}

/**
 * Whether writes refused by a non-primary come from a cached address: the client caches DNS for
 * long, its server name does not sit behind a stable virtual IP, and (when the logs show where it
 * connects) that address is no longer among the name's endpoints.
 */
export function findStaleAddress(ev: TriageEvidence, container: ContainerSpecEvidence, host: string, lines: readonly string[]): StaleAddress | undefined {
  const setting = findDnsCacheSetting(container);
  if (setting === undefined || (setting.seconds >= 0 && setting.seconds < LONG_TTL_S)) return undefined;
  const service = findServiceOf(ev, host);
  if (service !== undefined && service.type !== 'ExternalName' && service.clusterIP !== undefined) return undefined;
  const name = service?.name ?? host;
  const endpoints = ev.endpointSlices.filter((s) => s.service === service?.name).flatMap((s) => s.endpoints.filter((e) => e.ready && !e.terminating));
  const current = unique(endpoints.flatMap((e) => (e.podName ? [e.podName] : e.addresses)));
  const nowIps = new Set(endpoints.flatMap((e) => e.addresses));
  // Java prints a resolved address as "host/10.0.33.172"; any IP the logs name that the Service has left will do.
  const mentioned = unique(lines.flatMap((l) => [...l.matchAll(new RegExp(`${host.replace(/\./g, '\\.')}[^/\\s]*/(\\d{1,3}(?:\\.\\d{1,3}){3})`, 'g'))].map((m) => m[1] ?? '')));
  const candidates = mentioned.length > 0 ? mentioned : unique(lines.flatMap((l) => l.match(IPV4) ?? []));
  const oldIp = candidates.find((ip) => ip !== '' && !nowIps.has(ip));
  // The logs show the client on an address the name still points at: not a stale cache.
  if (oldIp === undefined && mentioned.length > 0) return undefined;
  const oldPod = oldIp === undefined ? undefined : podOfIp(ev, oldIp);
  const old = oldIp === undefined ? undefined : `${oldIp}${oldPod ? ` (${oldPod})` : ''}`;
  return { setting, name, current, headless: service !== undefined && service.clusterIP === undefined, ...(old === undefined ? {} : { old }) };
}

/** "-Dsun.net.inetaddr.ttl=-1 (env JAVA_TOOL_OPTIONS) caches every resolved address forever" */
export function describeDnsCache(s: DnsCacheSetting): string {
  return `${s.flag} (${s.where}) makes the JVM cache every resolved address ${s.seconds < 0 ? 'for the life of the process' : `for ${s.seconds}s`}`;
}

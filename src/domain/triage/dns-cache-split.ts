/**
 * JVMs that cache a database's (or any host's) address for as long as they run, after the name
 * moved: a managed database's failover points its DNS name at a new address, the pods that started
 * before it keep connecting to the old one and time out, and pods started after it resolved the new
 * address and work. The JVM keeps a looked-up address forever with networkaddress.cache.ttl=-1 (in
 * a java.security file, often a ConfigMap mounted and named by -Djava.security.properties) or
 * -Dsun.net.inetaddr.ttl=-1. The split by start time is the sign: every failing pod is older than
 * every working pod of the same revision. A restart clears it; a finite TTL prevents it.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { DnsCacheConfigEvidence } from './evidence-dns-cache-config.js';
import { findDnsCacheSetting } from './stale-address.js';
import { unique } from './pod-status.js';

/** "-Djava.security.properties=/opt/app/security/java.security.override" (a leading = appends, == replaces). */
const SECURITY_PROPERTIES = /-Djava\.security\.properties==?(\S+)/;

/** A DNS cache TTL line of a java.security file. */
const TTL_LINE = /^\s*(networkaddress\.cache\.ttl|sun\.net\.inetaddr\.ttl)\s*=\s*(-?\d+)\s*$/gm;

/** Java's "host/10.0.41.17:5432": the name and the address it resolved to. */
const RESOLVED = /\b([a-z0-9][\w.-]*\.[a-z]{2,})\/(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?/gi;

/** A connect attempt that failed (timed out, refused, unreachable) on the line. */
const CONNECT_FAILED = /connect(?:ion)?(?: to \S+)? (?:failed|timed out|refused)|connect timed out|SocketTimeoutException|No route to host|ConnectException/i;
/** A connect that worked on the line. */
const CONNECTED = /\bconnected to\b|connection (?:established|opened)|Added connection|Start completed/i;

/** A cache this long outlives a failover by far: the JVM's own default is 30 s. */
const LONG_TTL_S = 300;

/** At most this many ConfigMaps read for the JVM's security file. */
const MAX_READS = 2;

interface Resolved {
  host: string;
  ip: string;
  ok: boolean;
}

function resolvedIn(lines: readonly string[]): Resolved[] {
  const out: Resolved[] = [];
  for (const line of lines) {
    const failed = CONNECT_FAILED.test(line);
    const ok = !failed && CONNECTED.test(line);
    if (!failed && !ok) continue;
    for (const m of line.matchAll(RESOLVED)) out.push({ host: (m[1] ?? '').toLowerCase(), ip: m[2] ?? '', ok });
  }
  return out;
}

/** The container's -Djava.security.properties file, from literal env values, args or command. */
function securityFileOf(c: Pick<ContainerSpecEvidence, 'env' | 'args' | 'command'>): string | undefined {
  const texts = [...(c.env ?? []).flatMap((e) => ('value' in e && typeof e.value === 'string' ? [e.value] : [])), (c.args ?? []).join(' '), (c.command ?? []).join(' ')];
  for (const t of texts) {
    const m = SECURITY_PROPERTIES.exec(t);
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}

/** Pods whose logs fail to connect to an address of a host another pod's log reached at a different address. */
function splitByAddress(logs: readonly LogEvidence[]): { host: string; oldIp: string; newIp: string; failing: string[]; working: string[] } | undefined {
  const byPod = new Map<string, Resolved[]>();
  for (const l of logs) byPod.set(l.pod, [...(byPod.get(l.pod) ?? []), ...resolvedIn(l.lines)]);
  const all = [...byPod.values()].flat();
  for (const host of unique(all.filter((r) => !r.ok).map((r) => r.host))) {
    const failedIps = unique(all.filter((r) => r.host === host && !r.ok).map((r) => r.ip));
    const okIps = unique(all.filter((r) => r.host === host && r.ok).map((r) => r.ip)).filter((ip) => !failedIps.includes(ip));
    const oldIp = failedIps[0];
    const newIp = okIps[0];
    if (oldIp === undefined || newIp === undefined) continue;
    const failing = [...byPod.entries()].filter(([, rs]) => rs.some((r) => r.host === host && !r.ok && r.ip === oldIp)).map(([p]) => p);
    const working = [...byPod.entries()].filter(([, rs]) => rs.some((r) => r.host === host && r.ok && r.ip === newIp) && !rs.some((r) => r.host === host && !r.ok)).map(([p]) => p);
    if (failing.length > 0 && working.length > 0) return { host, oldIp, newIp, failing, working };
  }
  return undefined;
}

/** A ConfigMap a container mounts where its -Djava.security.properties file lives (the mount path is the file or its directory). */
export interface DnsCacheConfigRead {
  configMap: string;
}

/**
 * Where some pods fail to connect to a host's address that other pods reach at another, the
 * ConfigMaps the JVM's -Djava.security.properties file is mounted from (at most two). Nothing
 * otherwise.
 */
export function pickDnsCacheConfigReads(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): DnsCacheConfigRead[] {
  if (splitByAddress(seen.logs) === undefined) return [];
  const names: string[] = [];
  for (const p of seen.pods) {
    for (const c of p.containers) {
      const file = securityFileOf(c);
      if (file === undefined) continue;
      for (const m of c.volumeMounts ?? []) {
        if (file !== m.mountPath && !file.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)) continue;
        const v = (p.volumes ?? []).find((x) => x.name === m.name && x.source === 'configMap' && x.ref !== undefined);
        if (v?.ref !== undefined) names.push(v.ref);
      }
    }
  }
  return unique(names).slice(0, MAX_READS).map((configMap) => ({ configMap }));
}

/** Only the DNS cache TTL lines of a ConfigMap's data. */
export function keepDnsCacheLines(configMap: string, data: Record<string, string>): DnsCacheConfigEvidence[] {
  return Object.entries(data).flatMap(([key, text]) => [...text.matchAll(TTL_LINE)].map((m) => ({ configMap, key, setting: m[1] ?? '', seconds: Number(m[2]) })));
}

export interface DnsCacheSplit {
  host: string;
  oldIp: string;
  newIp: string;
  /** Failing pods, oldest first; all started before every working pod. */
  failing: PodEvidence[];
  working: PodEvidence[];
  /** "networkaddress.cache.ttl=-1 (ConfigMap app-java-security, key java.security.override)". */
  setting: string;
  /** Where it is set, for the fix: "ConfigMap app-java-security" or "env JAVA_TOOL_OPTIONS". */
  where: string;
  seconds: number;
}

function startOf(p: PodEvidence): string | undefined {
  return p.startTime ?? p.createdAt;
}

/**
 * The reading, when the pods that fail on the old address all started before every pod that
 * reaches the new one, and the JVM caches DNS for long (a mounted java.security file's TTL, or a
 * -D flag).
 */
export function findDnsCacheSplit(ev: TriageEvidence): DnsCacheSplit | undefined {
  const split = splitByAddress(ev.logs.filter((l) => !l.previous));
  if (split === undefined) return undefined;
  const failing = split.failing.flatMap((n) => ev.pods.filter((p) => p.name === n));
  const working = split.working.flatMap((n) => ev.pods.filter((p) => p.name === n));
  if (failing.length !== split.failing.length || working.length === 0) return undefined;
  const youngestFailing = failing.map(startOf).sort().at(-1);
  const oldestWorking = working.map(startOf).sort()[0];
  if (youngestFailing === undefined || oldestWorking === undefined || !(youngestFailing < oldestWorking)) return undefined;
  // Another revision would be the difference instead.
  if (new Set([...failing, ...working].map((p) => p.revisionHash ?? '')).size !== 1) return undefined;
  const file = (ev.dnsCacheConfig ?? []).find((c) => c.setting === 'networkaddress.cache.ttl') ?? ev.dnsCacheConfig?.[0];
  const flag = file === undefined ? failing.flatMap((p) => p.containers).map((c) => findDnsCacheSetting(c)).find((s) => s !== undefined) : undefined;
  const seconds = file?.seconds ?? flag?.seconds;
  if (seconds === undefined || (seconds >= 0 && seconds < LONG_TTL_S)) return undefined;
  const setting = file ? `${file.setting}=${file.seconds} (ConfigMap ${file.configMap}, key ${file.key})` : `${flag?.flag ?? ''} (${flag?.where ?? ''})`;
  const where = file ? `ConfigMap ${file.configMap}` : flag?.where ?? '';
  const sorted = [...failing].sort((a, b) => (startOf(a) ?? '').localeCompare(startOf(b) ?? ''));
  return { host: split.host, oldIp: split.oldIp, newIp: split.newIp, failing: sorted, working, setting, where, seconds };
}

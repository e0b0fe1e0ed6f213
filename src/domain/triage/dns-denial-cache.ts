/**
 * A Service that exists now, with endpoints, whose name the callers still get "no such host" for:
 * they looked it up before it was created, and the cluster DNS keeps that NXDOMAIN in its cache.
 * CoreDNS's `cache` plugin caps how long a denial is kept (`cache 30` by default; `cache 3600` or a
 * `denial <capacity> <ttl>` line stretch it): with a long cap a name asked before its Service
 * existed stays missing for up to that long after. A senior SRE reads the Corefile's cache and the
 * Service's creationTimestamp against the failures before and after it.
 */
import type { IsoTime, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import type { DnsConfigEvidence } from './evidence-dns-config.js';
import { readLineTime } from './request-silence.js';
import { formatAgo, msBetween } from './time-span.js';

/** A denial kept at most this long is what CoreDNS ships (30 s) or near it: never the cause of minutes of misses. */
const LONG_DENIAL_S = 300;

export interface CorefileCache {
  /** The `cache` line as written ("cache 3600"), with its denial line when it has one. */
  written: string;
  /** The longest a denial (NXDOMAIN, NODATA) is kept, in seconds, as configured. */
  denialSeconds: number;
}

/** The `cache` plugin of the Corefile's server blocks: its TTL cap and a `denial CAP TTL` inside it; only an explicit cap counts. */
export function readDenialCache(corefile: string): CorefileCache | undefined {
  let best: CorefileCache | undefined;
  let cache: { line: string; ttl?: number; denial?: { line: string; ttl?: number } } | undefined;
  let depth = 0;
  let cacheDepth = -1;
  const close = (): void => {
    if (cache === undefined) return;
    const seconds = cache.denial?.ttl ?? cache.ttl;
    if (seconds !== undefined && (best === undefined || seconds > best.denialSeconds)) best = { written: [cache.line, cache.denial?.line].filter(Boolean).join(', '), denialSeconds: seconds };
    cache = undefined;
  };
  for (const raw of corefile.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const m = /^cache(?:\s+(\d+))?(?:\s+[\w.]+)*\s*(\{)?$/.exec(line);
    if (m && depth >= 1) {
      close();
      cache = { line: line.replace(/\s*\{$/, ''), ...(m[1] ? { ttl: Number(m[1]) } : {}) };
      cacheDepth = m[2] ? depth + 1 : -1;
      if (!m[2]) close();
    } else if (cache !== undefined && depth === cacheDepth) {
      const d = /^denial\s+\d+(?:\s+(\d+))?/.exec(line);
      if (d) cache.denial = { line, ...(d[1] ? { ttl: Number(d[1]) } : {}) };
    }
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth < 0) depth = 0;
    if (cache !== undefined && cacheDepth >= 0 && depth < cacheDepth) close();
  }
  close();
  return best;
}

export interface DenialCacheDiagnosis {
  state: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  confirm: string[];
  outside: string;
}

/**
 * The callers' "no such host" for an existing Service, explained by the cluster DNS's negative
 * cache: the lookups failed before the Service was created and still fail after, within the
 * Corefile's denial TTL of its creation.
 */
export function diagnoseDenialCache(ev: TriageEvidence, service: ServiceEvidence, namespace: string, host: string, lines: readonly string[], pods: readonly PodEvidence[]): DenialCacheDiagnosis | undefined {
  const config: DnsConfigEvidence | undefined = ev.dns?.config;
  const created = service.createdAt;
  if (config === undefined || created === undefined || pods.length === 0) return undefined;
  const cache = readDenialCache(config.corefile);
  if (cache === undefined || cache.denialSeconds < LONG_DENIAL_S) return undefined;
  const age = msBetween(created, ev.collectedAt);
  if (age < 0 || age >= cache.denialSeconds * 1000) return undefined;
  const times = lines.flatMap((l) => readLineTime(l) ?? []);
  const before = times.some((t) => msBetween(t, created) > 0);
  const after = times.some((t) => msBetween(created, t) > 0);
  if (!before || !after) return undefined;
  const where = `${config.namespace}/${config.name}`;
  const ttl = formatSeconds(cache.denialSeconds);
  const label = namespace === ev.target.namespace ? `Service ${service.name}` : `Service ${service.name} (${namespace})`;
  const expires = new Date(Date.parse(created) + cache.denialSeconds * 1000).toISOString();
  return {
    state: `: ${label} exists (created ${formatAgo(created, ev.collectedAt)}, after the first failed lookups), but the cluster DNS caches NXDOMAIN answers for up to ${ttl} (Corefile ${where}: ${cache.written}), so the callers still get the negative answer cached before it existed`,
    evidence: [
      `${label} created ${formatAgo(created, ev.collectedAt)}; the callers' "no such host" lines began before that and go on after it`,
      `Corefile of the cluster DNS (ConfigMap ${where}${config.changedAt ? `, last changed ${formatAgo(config.changedAt, ev.collectedAt)}` : ''}): ${cache.written} — denials kept up to ${cache.denialSeconds}s (CoreDNS ships cache 30)`,
    ],
    cause: `The callers looked ${host} up before ${label} was created and got NXDOMAIN; the cluster DNS's cache keeps that denial for up to ${ttl} (${cache.written} in ConfigMap ${where}), so each CoreDNS replica that cached it keeps answering "no such host" although the Service and its endpoints exist. It clears by itself by ${expires.slice(11, 16)} UTC at the latest. Neither the caller nor ${service.name} is at fault.`,
    action: `Flush the negative cache now: restart CoreDNS (kubectl -n ${config.namespace} rollout restart deployment/${config.name}); then bring the Corefile's denial TTL back to seconds (cache 30, or denial 9984 30) in ${where} so a Service created after its first lookup resolves at once. Do not roll back ${ev.target.name}.`,
    fix: `restart CoreDNS to drop the cached NXDOMAIN for ${host}, and cut the Corefile's denial TTL (${cache.written}) back to seconds`,
    confirm: [
      `kubectl -n ${config.namespace} get configmap ${config.name} -o jsonpath='{.data.Corefile}'`,
      `kubectl -n ${namespace} get service ${service.name} -o jsonpath='{.metadata.creationTimestamp}'`,
    ],
    outside: `the cluster DNS's cached NXDOMAIN for ${host} (Corefile ${where}); no revision of ${ev.target.name} changes it`,
  };
}

/** "1 hour", "30 minutes", "90 s". */
function formatSeconds(s: number): string {
  if (s % 3600 === 0) return s === 3600 ? 'one hour (3600 s)' : `${s / 3600} hours (${s} s)`;
  if (s % 60 === 0) return `${s / 60} minutes (${s} s)`;
  return `${s} s`;
}

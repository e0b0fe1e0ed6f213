/**
 * Pooled connections dropped while idle. A NAT gateway, load balancer, firewall or conntrack table
 * on the path forgets a TCP flow idle longer than its timeout, telling neither end; a client pool
 * that keeps idle connections longer hands one out after a quiet spell, and its first query is
 * answered with a reset (or TLS sees EOF). The pool opens a fresh connection and the retry works.
 * Heuristic, stated as such: resets that come in short bursts after lulls of minutes, each burst
 * followed by requests served, read as that — not as a server refusing the client, which fails
 * every call. The pool's lifetime and validation settings in the env are quoted; a revision that
 * changed the dependency's address (its database host) is named as the change that put a new
 * path, and what sits on it, between the pods and the server.
 */
import type { IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { formatEnvValue, sortRevisions } from './revision-diff.js';
import { MINUTE_MS, formatAgo, msBetween } from './time-span.js';

/** Resets this close together are one burst: the stale connections of one pool met by one wave of requests. */
const BURST_MS = MINUTE_MS;
/**
 * Quiet this long before each burst: the shortest idle timeout common on a path (Azure Load
 * Balancer's default is 4 minutes; AWS NAT gateways and NLBs drop idle flows after 350 s).
 */
const LULL_MS = 4 * MINUTE_MS;
/** Bursts in all before the pattern counts, and in at least one pod. */
const MIN_BURSTS = 3;
const MIN_BURSTS_ONE_POD = 2;

/** A request served after the burst (2xx or 3xx in an access line or a JSON status field): the retries work. */
const SERVED = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP\/[\d.]+"\s+[23]\d\d\b|"status(?:Code)?"\s*:\s*[23]\d\d\b|\bstatus=[23]\d\d\b/;

/** Settings of a client pool that decide how long an idle connection lives and whether it is checked before use. */
const POOL_LIFETIME = /RECYCLE|MAX_?LIFETIME|CONN_?MAX_?AGE|MAX_?CONN(?:ECTION)?_?AGE|IDLE_?TIMEOUT|MAX_?IDLE_?TIME|PRE_?PING|TEST_?ON_?BORROW|TEST_?WHILE_?IDLE|VALIDATION_?TIMEOUT|KEEP_?ALIVE/i;

/** An env var that names where a dependency lives. */
const ADDRESS_ENV = /HOST|URL|URI|DSN|ADDR|ENDPOINT|SERVER/i;

export interface IdleHit {
  log: LogEvidence;
  line: string;
  index: number;
}

export interface IdleDrops {
  bursts: number;
  pods: string[];
  /** The shortest quiet spell before a burst. */
  shortestLullMs: number;
  /** `DB_POOL_RECYCLE=1800`: the pool settings in the logging container's env. */
  settings: string[];
  /** The revision the pods run changed the dependency's address: a new path. */
  pathChange?: { revision: number; env: string; from: string; to: string; at: IsoTime; text: string; moved: string };
}

interface Burst {
  start: IsoTime;
  end: IsoTime;
  served: boolean;
}

/** One log's resets as bursts, or undefined when a reset carries no time (nothing to measure lulls by). */
function burstsOf(hits: readonly IdleHit[]): Burst[] | undefined {
  const sorted = [...hits].sort((a, b) => a.index - b.index);
  const bursts: (Burst & { last: number })[] = [];
  for (const h of sorted) {
    const at = readLineTime(h.line);
    if (at === undefined) return undefined;
    const cur = bursts.at(-1);
    if (cur !== undefined && msBetween(cur.end, at) <= BURST_MS) {
      cur.end = at;
      cur.last = h.index;
    } else bursts.push({ start: at, end: at, served: false, last: h.index });
  }
  const lines = sorted[0]?.log.lines ?? [];
  return bursts.map((b, i) => {
    const until = i + 1 < bursts.length ? sorted.findIndex((h) => h.index > b.last) : -1;
    const next = until === -1 ? lines.length : (sorted[until]?.index ?? lines.length);
    return { start: b.start, end: b.end, served: lines.slice(b.last + 1, next).some((l) => SERVED.test(l)) };
  });
}

/** The resets as idle drops, when they come in bursts after lulls and requests are served after each. */
export function findIdleDrops(hits: readonly IdleHit[], pods: readonly PodEvidence[], revisions: readonly RevisionEvidence[], now: IsoTime): IdleDrops | undefined {
  const byLog = new Map<LogEvidence, IdleHit[]>();
  for (const h of hits) byLog.set(h.log, [...(byLog.get(h.log) ?? []), h]);
  let total = 0;
  let most = 0;
  let shortest = Number.POSITIVE_INFINITY;
  for (const group of byLog.values()) {
    const bursts = burstsOf(group);
    if (bursts === undefined) return undefined;
    // Every burst but the tail's last must be followed by requests served: the retries work.
    if (bursts.slice(0, -1).some((b) => !b.served)) return undefined;
    for (let i = 1; i < bursts.length; i++) shortest = Math.min(shortest, msBetween(bursts[i - 1]?.end ?? '', bursts[i]?.start ?? ''));
    total += bursts.length;
    most = Math.max(most, bursts.length);
  }
  if (total < MIN_BURSTS || most < MIN_BURSTS_ONE_POD || shortest < LULL_MS) return undefined;
  const logPod = pods.find((p) => p.name === hits[0]?.log.pod);
  const spec = logPod?.containers.find((c) => c.name === hits[0]?.log.container);
  const settings = (spec?.env ?? []).flatMap((e) => ('value' in e && POOL_LIFETIME.test(e.name) ? [`${e.name}=${e.value}`] : []));
  const pathChange = findPathChange(revisions, logPod, hits[0]?.log.container ?? '', now);
  return { bursts: total, pods: [...byLog.keys()].map((l) => l.pod), shortestLullMs: shortest, settings, ...(pathChange ? { pathChange } : {}) };
}

/** The address env var the pods' revision changed against the one before it, however long ago. */
function findPathChange(revisions: readonly RevisionEvidence[], pod: PodEvidence | undefined, container: string, now: IsoTime): IdleDrops['pathChange'] {
  const sorted = sortRevisions(revisions);
  const i = sorted.findIndex((r) => r.hash === pod?.revisionHash);
  const [mine, before] = [sorted[i], sorted[i + 1]];
  if (mine === undefined || before === undefined) return undefined;
  const now_ = mine.containers.find((c) => c.name === container);
  const then = before.containers.find((c) => c.name === container);
  for (const e of now_?.env ?? []) {
    if (!('value' in e) || !ADDRESS_ENV.test(e.name)) continue;
    const old = then?.env.find((x) => x.name === e.name);
    if (old === undefined || !('value' in old) || old.value === e.value) continue;
    const when = `revision ${mine.revision} (${formatAgo(mine.createdAt, now)})`;
    const text = `${when} changed ${e.name}: ${formatEnvValue(old)} → ${formatEnvValue(e)}`;
    return { revision: mine.revision, env: e.name, from: old.value, to: e.value, at: mine.createdAt, text, moved: `${when} moved ${e.name} to ${formatEnvValue(e)}` };
  }
  return undefined;
}

export interface IdleDropsTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/** The reading in words: the pattern, the pool settings that let connections idle, the path change. */
export function explainIdleDrops(d: IdleDrops, workload: string, dependency: string | undefined): IdleDropsTold {
  const lull = Math.floor(d.shortestLullMs / MINUTE_MS);
  const settings = d.settings.length > 0 ? `; pool: ${d.settings.join(', ')}` : '';
  const path = d.pathChange ? `; since ${d.pathChange.moved}, a new path` : '';
  return {
    title: `${workload}'s pooled connections${dependency ? ` to ${dependency}` : ''} are dropped while idle: the first queries after each lull of ${lull}+ min are reset, retries succeed (${d.bursts} bursts in ${d.pods.length} pod${d.pods.length === 1 ? '' : 's'})${settings}${path}`,
    cause: `Pooled connections die while idle: a NAT gateway, load balancer or firewall on the path drops a TCP flow idle longer than its timeout (350 s for an AWS NAT gateway or NLB, 4 min by default for an Azure load balancer) and tells neither end, while the pool keeps idle connections longer${d.settings.length > 0 ? ` (${d.settings.join(', ')})` : ''} and hands them out unchecked. The first query on each is reset ("Connection reset by peer", or "SSL SYSCALL error: EOF detected" under TLS); the pool opens a fresh connection and the retry succeeds. The server is healthy. This is read from the pattern — resets in short bursts after quiet spells, each followed by requests served — not measured on the path.${d.pathChange ? ` The path changed when ${d.pathChange.text}: what sits on the new path (a NAT gateway to another network or account) brought the idle timeout.` : ''}`,
    action: 'Validate pooled connections before use (SQLAlchemy pool_pre_ping=True, HikariCP/JDBC validation on borrow) and recycle them before the path\'s idle timeout (pool_recycle / maxLifetime / idleTimeout below 350 s behind an AWS NAT gateway), or send TCP keepalives more often than that; retries only hide it.',
    fix: 'validate pooled connections on borrow (pre-ping) and recycle them under the path\'s idle timeout (350 s for an AWS NAT gateway), or use TCP keepalives',
    evidence: [
      `${d.bursts} bursts of resets in ${d.pods.length} pod${d.pods.length === 1 ? '' : 's'}, at least ${lull} min apart, each followed by requests served`,
      ...(d.settings.length > 0 ? [`pool settings in the env: ${d.settings.join(', ')}`] : []),
      ...(d.pathChange ? [d.pathChange.text] : []),
    ],
  };
}

/**
 * MongoDB queries that run out of their maxTimeMS ("operation exceeded time limit",
 * MaxTimeMSExpired, code 50) because no index serves them any more: mongod's slow-query log shows
 * the same query as planSummary COLLSCAN with millions of docsExamined, where it used an index
 * before. Mongod's own log says when the index went ("CMD: dropIndexes" on that collection) and a
 * Job of the namespace that ran then is who dropped it. MongoDB is healthy and right to stop the
 * query: the fix is the index back, not a longer maxTimeMS and not a rollback of the client.
 * Pure: reads the workload's lines, mongod's lines (read-explaining-pods.ts) and the Jobs' list.
 */
import type { EndpointSliceEvidence, IsoTime, LogEvidence, NamespaceJobEvidence, PodEvidence, TriageTarget } from './evidence.js';
import { findInClusterService } from './down-service.js';
import { readLogLineTime } from './log-line-time.js';
import { findServerAddress } from './server-address.js';
import { MINUTE_MS, earliest, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

export const MAX_TIME_EXPIRED = /MaxTimeMSExpired|operation exceeded time limit/i;
/** Client lines before mongod's log is worth a read: one slow query is not an incident. */
const MIN_TIMEOUTS = 3;
/** A Job that ran against the same server this long before the first timeout, with no drop logged, is named as the change to check. */
const JOB_LEAD_MS = 30 * MINUTE_MS;
/** Index key directions and types that end each field of an index's default name (productId_1_createdAt_-1). */
const KEY_TYPE = /^(-?1|text|2d|2dsphere|hashed)$/;

type Seen = { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget };

/** The workload's lines that say a query ran out of its maxTimeMS, with the time of each. */
export function findMaxTimeExpired(seen: Pick<Seen, 'logs' | 'pods'>, now: IsoTime): { pod: string; line: string; at?: IsoTime }[] {
  const own = new Set(seen.pods.map((p) => p.name));
  const hits = seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line) => {
    if (!MAX_TIME_EXPIRED.test(line)) return [];
    const at = readLogLineTime(line, now);
    return [{ pod: l.pod, line: line.trim(), ...(at ? { at } : {}) }];
  }));
  return hits.length >= MIN_TIMEOUTS ? hits : [];
}

/**
 * The MongoDB Service of the namespace the workload's URI names, when its queries run out of
 * maxTimeMS: the collector reads a few of its pods' logs (the primary logs the slow queries). A
 * seed host "db-0.db" is a pod under the headless Service db: the Service the EndpointSlices know wins.
 */
export function pickTimedOutMongo(seen: Seen, slices: readonly EndpointSliceEvidence[], now: IsoTime): { namespace: string; name: string } | undefined {
  if (findMaxTimeExpired(seen, now).length === 0) return undefined;
  return findMongoService(seen, slices);
}

/** The MongoDB Service of the namespace the workload's URI names (a seed host "db-0.db" is a pod of the headless Service db). */
export function findMongoService(seen: Pick<Seen, 'pods' | 'target'>, slices: readonly EndpointSliceEvidence[]): { namespace: string; name: string } | undefined {
  const known = new Set(slices.map((s) => s.service));
  for (const c of seen.pods[0]?.containers ?? []) {
    const address = findServerAddress(c, 'MongoDB');
    if (address === undefined) continue;
    const parts = address.host.split('.');
    const asPod = parts.length >= 2 && known.has(parts[1] ?? '') ? { name: parts[1] ?? '', namespace: seen.target.namespace } : undefined;
    const svc = asPod ?? findInClusterService(address.host, seen.target.namespace);
    if (svc !== undefined && svc.namespace === seen.target.namespace) return svc;
  }
  return undefined;
}

export interface Collscan {
  /** db.collection */
  ns: string;
  count: number;
  docsMin: number;
  docsMax: number;
  maxTimeMS?: number;
  /** The query's equality and range filter fields and its sort keys, when logged. */
  filter: string[];
  sort: { field: string; dir: string }[];
  pod: string;
  line: string;
}

export interface DroppedIndex {
  ns: string;
  name: string;
  at?: IsoTime;
  pod: string;
  line: string;
}

function parseJson(line: string): Record<string, unknown> | undefined {
  const t = line.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function mongoTime(line: string, now: IsoTime): IsoTime | undefined {
  const m = /"t"\s*:\s*\{\s*"\$date"\s*:\s*"([^"]+)"/.exec(line);
  const ms = m?.[1] ? Date.parse(m[1]) : NaN;
  return Number.isNaN(ms) ? readLogLineTime(line, now) : new Date(ms).toISOString();
}

/** Mongod's slow queries that ran as a collection scan, per collection, most examined first. */
export function readCollscans(servers: readonly { pod: PodEvidence; logs: LogEvidence[] }[]): Collscan[] {
  const byNs = new Map<string, Collscan>();
  for (const s of servers) {
    for (const line of s.logs.flatMap((l) => l.lines)) {
      if (!/COLLSCAN/.test(line)) continue;
      const attr = obj(parseJson(line)?.['attr']);
      const docs = Number(attr['docsExamined'] ?? /docsExamined:\s*(\d+)/.exec(line)?.[1]);
      const ns = String(attr['ns'] ?? /command (\S+\.\S+) command:/.exec(line)?.[1] ?? '');
      if (!ns || Number.isNaN(docs) || (attr['planSummary'] !== undefined && attr['planSummary'] !== 'COLLSCAN')) continue;
      const command = obj(attr['command']);
      const filter = Object.keys(obj(command['filter'])).filter((f) => !f.startsWith('$'));
      const sort = Object.entries(obj(command['sort'])).map(([field, dir]) => ({ field, dir: String(dir) }));
      const maxTime = Number(command['maxTimeMS']);
      const had = byNs.get(ns);
      byNs.set(ns, {
        ns,
        count: (had?.count ?? 0) + 1,
        docsMin: Math.min(had?.docsMin ?? docs, docs),
        docsMax: Math.max(had?.docsMax ?? docs, docs),
        ...(Number.isFinite(maxTime) ? { maxTimeMS: maxTime } : had?.maxTimeMS !== undefined ? { maxTimeMS: had.maxTimeMS } : {}),
        filter: filter.length > 0 ? filter : (had?.filter ?? []),
        sort: sort.length > 0 ? sort : (had?.sort ?? []),
        pod: s.pod.name,
        line: line.trim(),
      });
    }
  }
  return [...byNs.values()].sort((a, b) => b.docsMax - a.docsMax);
}

/** The index names a dropIndexes log line gives: "\"a_1\"", "[ \"a_1\", \"b_1\" ]". */
function splitIndexNames(v: unknown): string[] {
  const text = Array.isArray(v) ? v.join(',') : String(v ?? '');
  return text.replace(/[[\]"\\]/g, '').split(',').map((x) => x.trim()).filter((x) => x.length > 0 && x !== '*');
}

/** Indexes mongod logs as dropped ("CMD: dropIndexes"; "Deferring table drop for index"; "Dropping index"), oldest first. */
export function readDroppedIndexes(servers: readonly { pod: PodEvidence; logs: LogEvidence[] }[], now: IsoTime): DroppedIndex[] {
  const seen = new Set<string>();
  const out: DroppedIndex[] = [];
  for (const s of servers) {
    for (const log of [...s.logs]) {
      for (const line of log.lines) {
        if (!/dropIndexes|drop for index|Dropping index/i.test(line)) continue;
        const j = parseJson(line);
        const attr = obj(j?.['attr']);
        const ns = String(attr['namespace'] ?? attr['ns'] ?? '');
        const names = /CMD: dropIndexes/.test(String(j?.['msg'] ?? '')) ? splitIndexNames(attr['indexes']) : attr['index'] !== undefined ? [String(attr['index'])] : [];
        const at = mongoTime(line, now);
        for (const name of names) {
          if (!ns || seen.has(`${ns}/${name}`)) continue;
          seen.add(`${ns}/${name}`);
          out.push({ ns, name, ...(at ? { at } : {}), pod: s.pod.name, line: line.trim() });
        }
      }
    }
  }
  return out.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

/** The fields of an index's default name, with their directions: "productId_1_createdAt_-1". */
export function readIndexKeys(name: string): { field: string; dir: string }[] {
  const keys: { field: string; dir: string }[] = [];
  let field: string[] = [];
  for (const token of name.split('_')) {
    if (KEY_TYPE.test(token) && field.length > 0) {
      keys.push({ field: field.join('_'), dir: token });
      field = [];
    } else field.push(token);
  }
  return field.length === 0 ? keys : [];
}

/** The dropped index of the scanned collection that served the query: its leading field filtered on, the most of its fields used. */
export function pickDroppedIndex(scan: Collscan, dropped: readonly DroppedIndex[]): DroppedIndex | undefined {
  const used = new Set([...scan.filter, ...scan.sort.map((s) => s.field)]);
  const scored = dropped.filter((d) => d.ns === scan.ns).map((d) => {
    const keys = readIndexKeys(d.name);
    const lead = keys[0]?.field;
    const score = lead !== undefined && (used.size === 0 || used.has(lead)) ? keys.filter((k) => used.has(k.field)).length + 1 : 0;
    return { d, score };
  }).filter((x) => x.score > 0);
  return scored.sort((a, b) => b.score - a.score)[0]?.d;
}

/** The Job that ran when the index was dropped (its run brackets the drop), else one that ran against the same server just before the first timeout. */
export function pickDroppingJob(jobs: readonly NamespaceJobEvidence[], drop: DroppedIndex | undefined, server: string, onset: IsoTime | undefined, now: IsoTime): { job: NamespaceJobEvidence; dropped: boolean } | undefined {
  if (drop?.at !== undefined) {
    const at = drop.at;
    const job = jobs.find((j) => j.createdAt !== undefined && msBetween(j.createdAt, at) >= -TRIGGER_SKEW_MS && msBetween(at, j.finishedAt ?? now) >= -TRIGGER_SKEW_MS);
    if (job) return { job, dropped: true };
  }
  if (onset === undefined) return undefined;
  const names = new RegExp(`(^|[^\\w-])${server.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`);
  const job = jobs.find((j) => j.createdAt !== undefined && msBetween(j.createdAt, onset) >= -TRIGGER_SKEW_MS && msBetween(j.createdAt, onset) <= JOB_LEAD_MS && (j.commandAndEnv ?? []).some((x) => names.test(x)));
  return job ? { job, dropped: false } : undefined;
}

/** "2.3–3.2M", "640k": the spread of docsExamined. */
export function formatDocs(min: number, max: number): string {
  const one = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
  const a = one(min);
  const b = one(max);
  return a === b ? b : a.endsWith('M') && b.endsWith('M') ? `${a.slice(0, -1)}–${b}` : `${a}–${b}`;
}

/** The first timeout of the workload: when the scans began to fail it. */
export function findTimeoutOnset(hits: readonly { at?: IsoTime }[]): IsoTime | undefined {
  return earliest(hits.map((h) => h.at));
}

/**
 * One deeper read of the mongod log that shows the collection scans, when its tail holds no
 * dropped index of that collection: when the index went is older than the slow queries.
 */
export function listCollscanLogSearches(seen: Seen, slices: readonly EndpointSliceEvidence[], read: readonly { service: string; namespace?: string; pod: PodEvidence; logs: LogEvidence[] }[], now: IsoTime): { service: string; namespace?: string; pod: string; container: string; pattern: RegExp }[] {
  const svc = pickTimedOutMongo(seen, slices, now);
  const own = svc === undefined ? [] : read.filter((d) => d.service === svc.name && (d.namespace ?? seen.target.namespace) === svc.namespace);
  const scan = readCollscans(own)[0];
  if (scan === undefined || pickDroppedIndex(scan, readDroppedIndexes(own, now)) !== undefined) return [];
  const d = own.find((x) => x.pod.name === scan.pod);
  const log = d?.logs[0];
  return d && log ? [{ service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name, container: log.container, pattern: /dropIndexes|drop for index|Dropping index/i }] : [];
}

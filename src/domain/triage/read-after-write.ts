/**
 * Read-after-write misses: the workload answers 404 for an object its own log created a moment
 * before (POST … 201 with the new id, then GET …/<that id> 404). A store that loses writes would
 * fail the writes; answering "not found" right after a successful create means reads and writes go
 * to different places and the read side is behind — a read replica that lags (its WAL replay held
 * up), a cache or search index not yet refreshed. Where the workload sends its reads says which:
 * an env var or a key of the ConfigMap it takes whole named for reads (READ_DATABASE_URL,
 * DB_REPLICA_HOST …), and when that ConfigMap changed is when reads moved there.
 * Pure: reads the workload's log lines, its containers' env and the namespace's ConfigMaps.
 */
import type { LogEvidence, NamespaceObjectEvidence, PodEvidence } from './evidence.js';

/** Pairs before it is a pattern: one miss is a client racing itself. */
export const MIN_MISSES = 3;
/** Lines back from a 404 where the create it follows may be. */
const LOOK_BACK = 6;

const CREATED = /"statusCode"\s*:\s*201\b|\bstatus(?:Code)?[=:]\s*"?201\b|"status"\s*:\s*201\b|\bPOST\s+\S+\s+201\b|\s201 Created\b/i;
const NOT_FOUND = /"statusCode"\s*:\s*404\b|\bstatus(?:Code)?[=:]\s*"?404\b|"status"\s*:\s*404\b|\bGET\s+\S+\s+404\b|\s404 Not Found\b/i;
/** A GET's path in a request line or a structured log. */
const GET_PATH = /"method"\s*:\s*"GET"\s*,\s*"url"\s*:\s*"([^"]+)"|\bGET\s+(\/\S+)/i;
/** An id-like token: letters, digits, - or _, at least 6 long, with a digit in it. */
const ID = /[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*/g;

/** Env names that say they are where reads go. */
const READ_ROUTE = /(^|_)(READ|READER|REPLICA|REPLICAS|RO|STANDBY|SLAVE|SECONDARY)(_|$)/i;
const STORE_WORD = /DATABASE|DB|PG|POSTGRES|MYSQL|SQL|DSN|URL|URI|HOST|ADDR/i;

export interface ReadAfterWriteMiss {
  pod: string;
  /** The GET that answered 404 and the create just before it. */
  created: string;
  missed: string;
  id: string;
}

/** The 404s of the workload's own logs for an object its create line named a few lines before. */
export function findReadAfterWriteMisses(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): ReadAfterWriteMiss[] {
  const own = new Set(pods.map((p) => p.name));
  return logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line, i) => {
    if (!NOT_FOUND.test(line)) return [];
    const m = GET_PATH.exec(line);
    const path = m?.[1] ?? m?.[2];
    if (path === undefined) return [];
    const ids = new Set((path.match(ID) ?? []).filter((t) => t.length >= 6));
    for (let j = i - 1; j >= Math.max(0, i - LOOK_BACK); j--) {
      const before = l.lines[j] ?? '';
      if (!CREATED.test(before)) continue;
      const id = (before.match(ID) ?? []).find((t) => ids.has(t));
      if (id !== undefined) return [{ pod: l.pod, created: before.trim(), missed: line.trim(), id }];
    }
    return [];
  }));
}

export interface ReadRoute {
  /** The env var that sends reads elsewhere. */
  env: string;
  /** Its host, when its value is in the pod spec. */
  host?: string;
  /** The ConfigMap it comes from, taken whole (envFrom), and when that changed. */
  configMap?: string;
  changedAt?: string;
}

/** Where the workload's reads go, by an env var named for them: its own env first, then the keys of a ConfigMap it takes whole. */
export function findReadRoute(pods: readonly PodEvidence[], objects: readonly NamespaceObjectEvidence[] | undefined): ReadRoute | undefined {
  for (const p of pods) {
    for (const c of p.containers) {
      for (const e of c.env ?? []) {
        if (!READ_ROUTE.test(e.name) || !STORE_WORD.test(e.name)) continue;
        const host = 'value' in e ? /^[a-z0-9+:]+\/\/(?:[^@/]*@)?([^:/?#,]+)/i.exec(e.value)?.[1] ?? undefined : undefined;
        return { env: e.name, ...(host ? { host } : {}) };
      }
      for (const from of c.envFrom ?? []) {
        if (from.kind !== 'configMap') continue;
        const map = objects?.find((o) => o.kind === 'ConfigMap' && o.name === from.name);
        const key = map?.keys?.find((k) => READ_ROUTE.test(k) && STORE_WORD.test(k));
        if (map && key) return { env: `${from.prefix ?? ''}${key}`, configMap: map.name, ...(map.changedAt ? { changedAt: map.changedAt } : {}) };
      }
    }
  }
  return undefined;
}

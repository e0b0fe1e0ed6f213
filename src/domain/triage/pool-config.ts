/**
 * Where a client connection pool is exhausted, its size is what an SRE looks up first, and it is
 * often set in a ConfigMap: a file the container mounts (Rails' database.yml, Spring's
 * application.yml) or variables it takes (DB_POOL). Reads are conditional on the logs, bounded,
 * and keep only the pool's lines as written; never a Secret.
 */
import { listConfigMapSources } from './config-map-sources.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { PoolConfigEvidence } from './evidence-pool-config.js';
import { CONNECTION_POOL_TIMEOUT } from './pool-timeout.js';

/** At most this many ConfigMaps read. */
const MAX_READS = 2;
/** Timeouts in one log tail before the pool counts as exhausted (as the exhaustion reading does). */
const MIN_TIMEOUTS = 3;
/** Lines kept per key. */
const MAX_LINES = 4;

/**
 * A file's line that sizes the pool or bounds the wait for it: `pool: 5`, `pool_size: 10,`,
 * `spring.datasource.hikari.maximum-pool-size=10`, `checkout_timeout: 5`. A value on the line.
 */
export const POOL_FILE_LINE = /^\s*["']?(?:[\w-]+\.)*(pool|pool_?size|max_?pool_?size|maximum[-_]?pool[-_]?size|max_overflow|checkout_timeout|connection_?limit)["']?\s*[:=]\s*\S/i;
/** A variable that sizes the pool: DB_POOL, DATABASE_POOL_SIZE, POOL_SIZE, SQLALCHEMY_POOL_SIZE, …HIKARI_MAXIMUM_POOL_SIZE. */
export const POOL_ENV = /^(?:DB|DATABASE|SQLALCHEMY|ACTIVE_RECORD)?_?(?:MAX_?)?POOL(?:_?SIZE)?$|HIKARI_?MAXIMUM_?POOL_?SIZE$/i;
/** A variable that sets how many requests one process serves at once, each wanting a connection. */
export const THREADS_ENV = /^(?:RAILS_MAX_THREADS|PUMA_MAX_THREADS|PUMA_THREADS|MAX_THREADS|WEB_MAX_THREADS|GUNICORN_THREADS|SERVER_TOMCAT_THREADS_MAX|SERVER_TOMCAT_MAX_THREADS|SIDEKIQ_CONCURRENCY)$/i;

export interface PoolConfigRead {
  configMap: string;
  /** `mounted`: a volume of the container; else `envFrom` or the env var that takes `key`. */
  via: string;
  key?: string;
  /** Where the container mounts it, when it does. */
  mountPath?: string;
  subPath?: string;
}

/** The pods' first log with the pool exhausted, and that container's spec. */
export function findPoolTimeouts(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { log: LogEvidence; container: ContainerSpecEvidence | undefined; pod: PodEvidence } | undefined {
  for (const log of ev.logs) {
    const pod = ev.pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    if (log.lines.filter((l) => CONNECTION_POOL_TIMEOUT.test(l)).length < MIN_TIMEOUTS) continue;
    return { log, pod, container: pod.containers.find((c) => c.name === log.container) };
  }
  return undefined;
}

/** The ConfigMaps to read where the logs show the pool exhausted: those the container mounts, then those it takes variables from. */
export function pickPoolConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): PoolConfigRead[] {
  const found = findPoolTimeouts(ev);
  if (found === undefined) return [];
  const mounts = found.container?.volumeMounts ?? [];
  const mounted = (found.pod.volumes ?? []).flatMap((v) => {
    const m = mounts.find((x) => x.name === v.name);
    return v.source === 'configMap' && v.ref !== undefined && m !== undefined ? [{ configMap: v.ref, via: 'mounted', mountPath: m.mountPath, ...(m.subPath ? { subPath: m.subPath } : {}) }] : [];
  });
  const taken = listConfigMapSources(found.container, MAX_READS);
  const seen = new Set<string>();
  return [...mounted, ...taken].filter((r) => !seen.has(r.configMap) && seen.add(r.configMap)).slice(0, MAX_READS);
}

/** The pool's lines of a ConfigMap read for `read`: from the files it mounts, or the variables it takes (`DB_POOL=5`). */
export function keepPoolSettings(read: PoolConfigRead, data: Readonly<Record<string, string>>): PoolConfigEvidence[] {
  return Object.entries(data).flatMap(([key, text]) => {
    if (read.via === 'mounted') {
      // A subPath mount shows the container one key only.
      if (read.subPath !== undefined && read.subPath !== key) return [];
      const lines = text.split('\n').filter((l) => POOL_FILE_LINE.test(l)).map((l) => l.trim()).slice(0, MAX_LINES);
      const via = read.subPath !== undefined ? read.mountPath ?? key : `${(read.mountPath ?? '').replace(/\/$/, '')}/${key}`;
      return lines.length === 0 ? [] : [{ configMap: read.configMap, key, via, lines }];
    }
    if (text.includes('\n') || text.length > 200) return [];
    const name = read.via === 'envFrom' ? key : read.key === key ? read.via : undefined;
    return name !== undefined && (POOL_ENV.test(name) || THREADS_ENV.test(name)) ? [{ configMap: read.configMap, key, via: read.via, lines: [`${name}=${text}`] }] : [];
  });
}

/**
 * A statement timeout is the client's own limit, not the database being slow: Postgres cancels a
 * statement at the statement_timeout the session set ("canceling statement due to statement
 * timeout"), MySQL at max_execution_time. Where the cancellations keep coming, where that limit is
 * configured is the lead: libpq's PGOPTIONS ("-c statement_timeout=2000"), an options parameter of
 * a connection URL, a variable of the pods' env or of a ConfigMap they take through envFrom. Postgres
 * reads a value without a unit as milliseconds, so "2000" is 2 seconds, not 2000.
 */
import type { EnvVarEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { TimeoutConfigEvidence } from './evidence-timeout-config.js';
import { listConfigMapSources } from './config-map-sources.js';
import type { ConfigMapSource } from './config-map-sources.js';
import { readLineTime } from './request-silence.js';
import { earliest, formatSpan } from './time-span.js';

/** The server cancelled a statement at the session's own limit (Postgres, psycopg's QueryCanceled; MySQL). */
export const STATEMENT_CANCELED = /canceling statement due to statement timeout|maximum statement execution time exceeded/i;

/** Cancellations in the workload's current logs before the configured limit is looked for: one is a runaway query. */
export const MIN_CANCELS = 3;

/** At most this many ConfigMaps read for the setting. */
const MAX_CONFIG_READS = 2;

/**
 * `statement_timeout=2000`, `statement_timeout = '30s'`, `-c statement_timeout=5min`,
 * `max_execution_time=1000`. Units as Postgres takes them; none means milliseconds.
 */
const SETTING = /\b(statement_timeout|max_execution_time)\s*[=:]\s*['"]?(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?(?![\w.])/gi;

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

export interface TimeoutSetting {
  /** `statement_timeout`. */
  setting: string;
  /** As written: `statement_timeout=2000`. */
  written: string;
  /** The value in milliseconds. */
  ms: number;
  /** No unit was written: Postgres took the number as milliseconds. */
  unitless: boolean;
}

/** A limit as a reader weighs it: "2s", "1.5s", "500 ms", "30m". */
export function formatLimit(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  return formatSpan(ms);
}

/** The statement-timeout settings a text gives (a PGOPTIONS value, a connection URL, percent-encoded or not). */
export function findTimeoutSettings(text: string): TimeoutSetting[] {
  let plain = text;
  try {
    plain = decodeURIComponent(text);
  } catch {
    // Not percent-encoded after all: read it as written.
  }
  return [...plain.matchAll(SETTING)].map((m) => {
    const unit = m[3]?.toLowerCase();
    const setting = (m[1] ?? '').toLowerCase();
    return { setting, written: `${setting}=${m[2] ?? ''}${m[3] ?? ''}`, ms: Number(m[2]) * (UNIT_MS[unit ?? 'ms'] ?? 1), unitless: unit === undefined };
  });
}

export interface StatementCancels {
  lines: number;
  pods: string[];
  /** The container that logs them, of the first hit. */
  container: string;
  /** The last line that says it. */
  line: string;
  /** The earliest cancellation's time, from its own line or the stamped line its stack trace hangs from. */
  since?: string;
}

/** Lines above an unstamped exception line (a Python traceback) to look for the stamped line it belongs to. */
const TRACE_LINES = 12;

/** The time of line `i`, or of the nearest stamped line above it within a stack trace. */
function timeOfLine(lines: readonly string[], i: number): string | undefined {
  for (let j = i; j >= 0 && j >= i - TRACE_LINES; j--) {
    const at = readLineTime(lines[j] ?? '');
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Statement cancellations in the current logs of the workload's own pods, when they keep coming (MIN_CANCELS). */
export function findStatementCancels(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): StatementCancels | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.flatMap((line, i) => (STATEMENT_CANCELED.test(line) ? [{ pod: l.pod, container: l.container, line: line.trim(), at: timeOfLine(l.lines, i) }] : [])));
  if (hits.length < MIN_CANCELS) return undefined;
  const last = hits[hits.length - 1];
  const since = earliest(hits.map((h) => h.at));
  return { lines: hits.length, pods: [...new Set(hits.map((h) => h.pod))], container: hits[0]?.container ?? '', line: last?.line ?? '', ...(since !== undefined ? { since } : {}) };
}

/** A ConfigMap to read for the setting: see config-map-sources.ts. */
export type TimeoutConfigRead = ConfigMapSource;

/**
 * Where statements keep being cancelled at the client's own limit: the ConfigMaps the logging
 * container takes its variables from (envFrom, configMapKeyRef), at most two. Never a Secret:
 * a limit in a Secret's connection string stays unread, and the finding says so.
 */
export function pickTimeoutConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): TimeoutConfigRead[] {
  const cancels = findStatementCancels(ev.logs, ev.pods);
  if (cancels === undefined) return [];
  const pod = ev.pods.find((p) => p.name === cancels.pods[0]);
  return listConfigMapSources(pod?.containers.find((x) => x.name === cancels.container), MAX_CONFIG_READS);
}

/** Where the pods' limit is configured: a ConfigMap's key, or a variable of the container's own env. */
export interface ConfiguredTimeout extends TimeoutSetting {
  /** `PGOPTIONS in ConfigMap report-db (envFrom)`, `env DATABASE_URL`. */
  source: string;
  configMap?: string;
}

/** The limit the logging container's env or the ConfigMaps it reads set, the ConfigMap first; undefined when none is seen. */
export function findConfiguredTimeout(container: { env?: readonly EnvVarEvidence[] } | undefined, config: readonly TimeoutConfigEvidence[]): ConfiguredTimeout | undefined {
  for (const c of config) {
    const [s] = findTimeoutSettings(c.written);
    const name = c.via === 'envFrom' ? c.key : c.via;
    if (s !== undefined) return { ...s, source: `${name} in ConfigMap ${c.configMap} (${c.via === 'envFrom' ? 'envFrom' : `key ${c.key}`})`, configMap: c.configMap };
  }
  for (const e of container?.env ?? []) {
    if (!('value' in e)) continue;
    const [s] = findTimeoutSettings(e.value);
    if (s !== undefined) return { ...s, source: `env ${e.name}` };
  }
  return undefined;
}

/**
 * Postgres ends a session that sits idle inside an open transaction longer than its
 * idle_in_transaction_session_timeout ("FATAL: terminating connection due to idle-in-transaction
 * timeout"); since 14 it ends idle sessions at idle_session_timeout, since 17 whole transactions at
 * transaction_timeout. The client only sees its connection gone at its next statement — libpq's
 * "server closed the connection unexpectedly", pgjdbc's "This connection has been closed",
 * node-postgres' "Connection terminated unexpectedly" — unless its driver relays the FATAL text. The
 * server's own log names the timeout, and its reload line ("parameter … changed to "30s"") says
 * when it was set. A client that keeps a transaction open while it waits on something slow (an
 * external API call) is what such a timeout ends: the fix is in the client (commit before the slow
 * call), or the timeout raised for that role. Pure: reads logs and the server pod's spec.
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import { findInClusterService } from './down-service.js';
import { findServerAddress } from './server-address.js';
import { findServerSettings } from './server-settings.js';
import { listMountedConfigMaps } from './server-config-file.js';
import { readLineTime } from './request-silence.js';
import { isErrorLine } from './error-line.js';

/** A timeout after which Postgres terminates a session, as its FATAL names it. */
export interface SessionTimeout {
  /** Its words in the FATAL line (and in a driver that relays them). */
  pattern: RegExp;
  setting: string;
  /** What it ends: "transactions left idle". */
  ends: string;
}

export const SESSION_TIMEOUTS: readonly SessionTimeout[] = [
  { pattern: /terminating connection due to idle[- ]in[- ]transaction timeout/i, setting: 'idle_in_transaction_session_timeout', ends: 'transactions left idle' },
  { pattern: /terminating connection due to idle[- ]session timeout/i, setting: 'idle_session_timeout', ends: 'sessions left idle' },
  { pattern: /terminating connection due to transaction timeout/i, setting: 'transaction_timeout', ends: 'transactions open' },
];

/** The client's words for a connection the server closed under it (libpq, pgjdbc, node-postgres, asyncpg), or the relayed FATAL itself. */
export const CLOSED_BY_SERVER = /server closed the connection unexpectedly|SSL connection has been closed unexpectedly|This connection has been closed\b|Connection terminated unexpectedly|connection was closed in the middle of operation|terminating connection due to (?:idle[- ]in[- ]transaction|idle[- ]session|transaction) timeout/i;

/** Closed connections in the workload's logs before the database's own log is worth a read. */
export const MIN_CLOSED = 2;

/** Lines back from a closed connection where the work it waited on may be timed (a trace's header and the lines before it). */
const LOOK_BACK = 40;

/** The Service of the target's namespace its Postgres address names (DATABASE_URL, PG_HOST …), from the first container that has one. */
export function findDatabaseService(pods: readonly PodEvidence[], target: TriageTarget): { service: string; user?: string; env: string } | undefined {
  for (const p of pods) {
    for (const c of p.containers) {
      const address = findServerAddress(c, 'PostgreSQL');
      const service = address ? findInClusterService(address.host, target.namespace) : undefined;
      if (!address || service?.namespace !== target.namespace) continue;
      const value = (c.env ?? []).find((e) => e.name === address.env && 'value' in e);
      const user = value && 'value' in value ? /^[a-z0-9+:]+\/\/([^:@/]+)(?::[^@/]*)?@/i.exec(value.value)?.[1] : undefined;
      return { service: service.name, env: address.env, ...(user ? { user } : {}) };
    }
  }
  return undefined;
}

/** Lines of the workload's own pods that say the server closed their connection. */
function countClosed(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): number {
  return logs.filter((l) => pods.some((p) => p.name === l.pod)).reduce((n, l) => n + l.lines.filter((x) => CLOSED_BY_SERVER.test(x)).length, 0);
}

/**
 * The Postgres Service of the namespace whose connections the workload's logs say were closed
 * under it: the collector reads one ready pod of it (its log tail names why it closed them).
 */
export function pickClosingDatabase(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }): string | undefined {
  if (countClosed(ev.logs, ev.pods) < MIN_CLOSED) return undefined;
  return findDatabaseService(ev.pods, ev.target)?.service;
}

/** The server's pod as read, with what it logs and the settings its mounted ConfigMaps set. */
export interface ClosingServer {
  service: string;
  pod: PodEvidence;
  lines: readonly string[];
  config?: readonly ServerConfigEvidence[];
}

/** The session timeouts a server's log says it terminated connections at, most first. */
export function findTerminations(lines: readonly string[]): { timeout: SessionTimeout; lines: string[] } | undefined {
  return SESSION_TIMEOUTS.map((timeout) => ({ timeout, lines: lines.filter((l) => timeout.pattern.test(l)).map((l) => l.trim()) }))
    .filter((t) => t.lines.length > 0)
    .sort((a, b) => b.lines.length - a.lines.length)[0];
}

/**
 * The ConfigMaps to read of the database the workload's closed connections lead to, for the
 * timeout its log names, when its command line does not set it: at most two, that setting only.
 */
export function listTimeoutConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }, read: readonly { service: string; namespace?: string; pod: PodEvidence; logs: LogEvidence[] }[]): { service: string; configMaps: string[]; settings: string[] }[] {
  const service = pickClosingDatabase(ev);
  const own = read.find((d) => d.service === service && d.namespace === undefined);
  const ended = own ? findTerminations(own.logs.flatMap((l) => l.lines)) : undefined;
  if (!own || !ended || findServerSettings(own.pod, [ended.timeout.setting])) return [];
  const configMaps = listMountedConfigMaps(own.pod);
  return configMaps.length === 0 ? [] : [{ service: own.service, configMaps, settings: [ended.timeout.setting] }];
}

/**
 * One deeper read of the database's log, when its tail names the timeout but not when it was set
 * (its reload line came hours before): the pod, its container and the line to look for.
 */
export function listTimeoutLogSearches(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }, read: readonly { service: string; namespace?: string; pod: PodEvidence; logs: LogEvidence[] }[]): { service: string; pod: string; container: string; pattern: RegExp }[] {
  const service = pickClosingDatabase(ev);
  const own = read.find((d) => d.service === service && d.namespace === undefined);
  const log = own?.logs[0];
  const ended = log ? findTerminations(log.lines) : undefined;
  if (!own || !log || !ended) return [];
  const reload = reloadLine(ended.timeout.setting);
  return log.lines.some((l) => reload.test(l)) ? [] : [{ service: own.service, pod: own.pod.name, container: log.container, pattern: reload }];
}

/** Postgres' word on a reload that changed the setting: `parameter "idle_in_transaction_session_timeout" changed to "30s"`. */
function reloadLine(setting: string): RegExp {
  return new RegExp(`parameter "?${setting}"? changed to "([^"]+)"`, 'i');
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A Postgres time setting in milliseconds: "30s", "5min", "30000" (no unit: milliseconds); 0 turns it off. */
export function parseTimeSetting(value: string): number | undefined {
  const m = /^\s*['"]?(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?['"]?\s*$/i.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? 'ms').toLowerCase()] ?? 1);
}

/** The timeout's value and where it is set: the server's reload line (with its time), its command line, a ConfigMap it mounts. */
export interface TimeoutValue {
  value: string;
  ms: number;
  /** "set by a reload 3h 6m ago", "-c on the command line of billing-pg-0", "ConfigMap billing-pg-config (postgresql.conf)". */
  where: string;
  /** The ConfigMap that sets it, where the fix goes. */
  configMap?: string;
  /** The server's line that says it changed, and when. */
  changed?: { line: string; at?: IsoTime };
}

export function findTimeoutValue(s: ClosingServer, setting: string): TimeoutValue | undefined {
  const reload = reloadLine(setting);
  const changedLine = [...s.lines].reverse().find((l) => reload.test(l));
  const reloaded = changedLine ? reload.exec(changedLine)?.[1] : undefined;
  const flag = findServerSettings(s.pod, [setting])?.flags[0]?.value;
  const file = s.config?.find((c) => c.setting === setting);
  const value = reloaded ?? flag ?? file?.value;
  const ms = value === undefined ? undefined : parseTimeSetting(value);
  if (value === undefined || ms === undefined) return undefined;
  const at = changedLine ? readLineTime(changedLine) : undefined;
  const where = file ? `ConfigMap ${file.configMap} (${file.key})` : flag ? `the command line of ${s.pod.name}` : `${s.pod.name}'s configuration`;
  return {
    value, ms, where,
    ...(file ? { configMap: file.configMap } : {}),
    ...(changedLine ? { changed: { line: changedLine.trim(), ...(at ? { at } : {}) } } : {}),
  };
}

/** "in 41.3s", "took 41s", "after 41300 ms", "duration=41.3s": how long a piece of work took, as a line times it. */
const TOOK = /\b(?:in|took|after|elapsed|lasted|duration)\s*[=:]?\s*(\d+(?:\.\d+)?)\s?(ms|s|sec|secs|seconds)\b/i;
/** Lines that time what is yet to come, not what was done. */
const NOT_DONE = /\bretry|\bretrying|\bbackoff|\bsleep|\bwill\b|\bnext\b|timeout/i;

/**
 * How long the work before each closed connection took, where the workload's own log times it (a
 * call to an external API logged with its duration), counting only what outlasted the timeout:
 * the work the transaction sat idle through. The range and one line that says it.
 */
export function findIdleWaits(logs: readonly LogEvidence[], timeoutMs: number): { minMs: number; maxMs: number; line: string; count: number } | undefined {
  const waits: { ms: number; line: string }[] = [];
  for (const l of logs) {
    let previous = -1;
    l.lines.forEach((line, i) => {
      if (!CLOSED_BY_SERVER.test(line)) return;
      for (let j = i - 1; j > previous && j >= i - LOOK_BACK; j--) {
        const before = l.lines[j] ?? '';
        const m = TOOK.exec(before);
        if (!m || NOT_DONE.test(before) || isErrorLine(before) || CLOSED_BY_SERVER.test(before)) continue;
        const ms = Number(m[1]) * (/^ms$/i.test(m[2] ?? '') ? 1 : 1000);
        if (ms >= timeoutMs && !waits.some((w) => w.line === before.trim())) waits.push({ ms, line: before.trim() });
      }
      previous = i;
    });
  }
  if (waits.length === 0) return undefined;
  const ms = waits.map((w) => w.ms);
  const longest = waits.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { minMs: Math.min(...ms), maxMs: Math.max(...ms), line: longest.line, count: waits.length };
}

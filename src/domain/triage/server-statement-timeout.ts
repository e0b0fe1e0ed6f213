/**
 * A statement time limit the server sets for every session: MySQL's global max_execution_time
 * (error 3024, "maximum statement execution time exceeded"; SELECTs only), Postgres's
 * statement_timeout in postgresql.conf or on its command line ("canceling statement due to
 * statement timeout", SQLSTATE 57014). Every statement that runs longer is aborted, whichever
 * client sends it: a report or batch query that takes tens of seconds fails on every run from the
 * moment the server took a limit below its running time (a config edit and the restart that
 * applied it), while short queries, the probes and the server stay fine. Rolling the client back
 * sends the same query. A limit a client sets for its own session (PGOPTIONS, a connection URL
 * option) overrides the server's: that case is the client's own (statement-timeout.ts).
 */
import type { SettingAt } from './server-settings.js';
import { formatLimit } from './statement-timeout.js';

/** MySQL's ER_QUERY_TIMEOUT as drivers quote it. */
export const MYSQL_STATEMENT_TIMEOUT = /maximum statement execution time exceeded|\bER_QUERY_TIMEOUT\b/i;

/** Postgres's query_canceled for its statement_timeout (not a user's cancel request, nor lock_timeout). */
export const PG_STATEMENT_TIMEOUT = /canceling statement due to statement timeout/i;

/** The setting, as each server's config file or command line spells it. */
export const MYSQL_TIMEOUT_SETTINGS = ['max_execution_time', 'max-execution-time'] as const;
export const PG_TIMEOUT_SETTINGS = ['statement_timeout'] as const;

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A limit as written, in milliseconds: a bare number is milliseconds for both servers; Postgres also takes a unit. 0 is no limit. */
export function readLimitMs(value: string): number | undefined {
  const m = /^['"]?(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?['"]?$/i.exec(value.trim());
  if (m === null) return undefined;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? 'ms').toLowerCase()] ?? 1);
}

/**
 * The limit the server's settings set (its config file or command line), and where: undefined
 * when none sets one above 0, since then the server does not cut its statements.
 */
function readLimit(settings: readonly SettingAt[], names: readonly string[]): { setting: string; value: string; ms: number; where: string } | undefined {
  for (const s of settings) {
    if (!names.some((n) => n.replace(/-/g, '_') === s.setting.replace(/-/g, '_').toLowerCase())) continue;
    const ms = readLimitMs(s.value);
    if (ms !== undefined && ms > 0) return { setting: s.setting.replace(/-/g, '_'), value: s.value, ms, where: s.where };
  }
  return undefined;
}

/** Why the limit read explains the aborts ("5000 ms, 5s"), and where it is set; undefined when no limit is set. */
export function readMysqlTimeout(settings: readonly SettingAt[]): { why: string; fix: string } | undefined {
  const limit = readLimit(settings, MYSQL_TIMEOUT_SETTINGS);
  if (limit === undefined) return undefined;
  return {
    why: `max_execution_time = ${limit.value} (${formatLimit(limit.ms)}) is set in ${limit.where}: every SELECT of every session that runs longer than ${formatLimit(limit.ms)} is aborted.`,
    // The fix already names the setting and where it lives.
    fix: '',
  };
}

/** The same for Postgres's statement_timeout. */
export function readPgTimeout(settings: readonly SettingAt[]): { why: string; fix: string } | undefined {
  const limit = readLimit(settings, PG_TIMEOUT_SETTINGS);
  if (limit === undefined) return undefined;
  return {
    why: `statement_timeout = ${limit.value} (${formatLimit(limit.ms)}) is set in ${limit.where}: every statement of every session that runs longer than ${formatLimit(limit.ms)} is cancelled.`,
    fix: '',
  };
}

export const MYSQL_TIMEOUT_WHY =
  "MySQL aborts a SELECT that runs past max_execution_time with error 3024 (\"Query execution was interrupted, maximum statement execution time exceeded\"). Set globally (in the server's my.cnf), the limit applies to every session that does not set its own, so a query that takes longer than it — a report or batch query — fails on every run from the moment the server took it (a config edit, then the restart that applied it), while short queries, the probes and the server stay fine.";

export const PG_TIMEOUT_WHY =
  "Postgres cancels a statement that runs past statement_timeout with \"canceling statement due to statement timeout\" (SQLSTATE 57014). Set in the server's postgresql.conf or on its command line, the limit applies to every session that does not set its own, so a statement that takes longer than it — a report, a batch or a migration — fails on every run from the moment the server took it, while short queries, the probes and the server stay fine.";

export const TIMEOUT_OUTLASTS = "rolling the client back sends the same long query; the server's statement time limit decides";

/** The fix, with where the limit lives ("in ConfigMap x (its my.cnf sets 5000)"). */
export function fixMysqlTimeout(where: string): string {
  return `raise or remove max_execution_time ${where} (SET GLOBAL max_execution_time applies it to new sessions meanwhile), or let the long query opt out: SET SESSION max_execution_time = 0 for the client that runs it, or a /*+ MAX_EXECUTION_TIME(n) */ hint on the query`;
}

export function fixPgTimeout(where: string): string {
  return `raise or remove statement_timeout ${where} (a reload applies it), or set it for the long-running client only: ALTER ROLE … SET statement_timeout, or SET statement_timeout in its session`;
}

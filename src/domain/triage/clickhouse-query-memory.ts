// ClickHouse refusing one query for its own memory limit (MEMORY_LIMIT_EXCEEDED, code 241, "(for
// query)"): the cap is max_memory_usage of the user's settings profile, kept in users.xml (or a
// users.d file a ConfigMap mounts) and applied by ClickHouse's config reloader without a restart,
// so an edit of that profile takes effect a few seconds later with nothing restarted. Heavy
// GROUP BY / JOIN queries fail past it while light ones, /ping and readiness still answer. Not the
// server's total cap ("(total)", max_server_memory_usage): clickhouse-refusal.ts.
import type { ServerExplanation } from './server-explanation.js';

/** The per-query wording of 21.x–24.x ("Memory limit (for query) exceeded: would use 1.86 GiB …, maximum: 1.86 GiB"). */
export const CLICKHOUSE_MEMORY_QUERY = /\bMemory limit \(for query\) exceeded\b/i;

/** The profile setting that caps one query's memory. */
export const QUERY_MEMORY_SETTING = 'max_memory_usage';

/**
 * ClickHouse's reloader applying a changed users file (`ConfigReloader: Loaded config
 * '/etc/clickhouse-server/users.xml', performed update on configuration`): profiles changed then,
 * without a restart, so its time is when a new per-query limit began.
 */
export const USERS_CONFIG_RELOADED: ServerExplanation = {
  pattern: /ConfigReloader: Loaded config '([^']*users[^']*)', performed update on configuration/,
  describe: (m) => ({ said: `it reloaded ${(m[1] ?? 'its users file').replace(/^.*\//, '')}` }),
  everyMember: true,
  dated: true,
};

/** The fix, for where the limit is kept ("in ConfigMap clickhouse-users (its profiles.xml sets 2000000000)", "in the users' profile"). */
export function fixQueryMemory(where: string): string {
  return `raise ${QUERY_MEMORY_SETTING} ${where} to what the queries need (no restart needed), or let GROUP BY spill to disk (max_bytes_before_external_group_by)`;
}

/** The server's words without the build it names or the stack-trace notice after them: "(version 24.8.6.70 (official build))". */
export function quoteClickHouse(line: string): string {
  return line.replace(/,? Stack trace \(when copying.*$/, '').replace(/\s*\(version [\d.]+(?: \([^)]*\))?\)\s*$/, '');
}

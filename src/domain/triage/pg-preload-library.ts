/**
 * PostgreSQL refusing an extension's functions or views because the server did not load its
 * library at start ('pg_stat_statements must be loaded via "shared_preload_libraries"'): such an
 * extension works only when shared_preload_libraries names it, and that setting is read only when
 * the server starts. A rewrite of postgresql.conf that dropped the line does nothing until the
 * next restart (a rollout of the server, a config checksum that rolled it); from then on every
 * call of the extension fails, whatever revision of the client runs.
 */

export const PG_NOT_PRELOADED = /\b(?:must|can only) be (?:pre)?loaded via "?shared_preload_libraries"?/i;

/** The extension the refused line names ("pg_stat_statements"). */
function extensionOf(line: string): string | undefined {
  return /([\w.-]+)"? (?:must|can only) be (?:pre)?loaded via/i.exec(line)?.[1];
}

/** ": pg_stat_statements must be loaded via shared_preload_libraries", after what it refuses. */
export function describeNotPreloaded(line: string): string {
  const ext = extensionOf(line);
  return ext === undefined ? '' : `: ${ext} must be loaded via shared_preload_libraries, which the running server did not load at its start`;
}

/** The fix with the extension the refused lines name. */
export function fixNotPreloaded(lines: readonly string[]): string | undefined {
  const ext = lines.flatMap((l) => (PG_NOT_PRELOADED.test(l) ? [extensionOf(l)] : [])).find((x) => x !== undefined);
  return ext === undefined ? undefined : preloadFix(ext);
}

function preloadFix(ext: string): string {
  return `put ${ext} back into shared_preload_libraries in the server's postgresql.conf (the ConfigMap it mounts) and restart PostgreSQL — the setting is read only at server start; until then, turn off the client's use of ${ext} so it can start`;
}

export const NOT_PRELOADED_FIX = preloadFix('the extension');

export const NOT_PRELOADED_WHY =
  'Some PostgreSQL extensions (pg_stat_statements, auto_explain, pg_cron, timescaledb) hook into the server as it starts: their library must be named in shared_preload_libraries, which is read only at server start. When the server\'s config no longer names it — a rewrite of postgresql.conf that dropped the line — the server keeps working until its next restart, then refuses every call of the extension ("must be loaded via shared_preload_libraries"), while other queries and its probes pass.';

export const NOT_PRELOADED_OUTLASTS = 'rolling the client back calls the same extension; the server\'s shared_preload_libraries decides';

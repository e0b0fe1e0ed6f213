/**
 * A session-level setting a client runs once per connection (`SET search_path TO billing` in its
 * pool's after-connect hook) is lost behind a transaction-mode pooler (PgBouncer): it stays on the
 * server connection that ran it, and the client's later transactions land on others with the
 * default. Unqualified tables then "do not exist" (42P01) on some requests only.
 */

/** `SET search_path TO billing`, `SET search_path = app, public`, `SET SESSION search_path …`: not SET LOCAL, which lives per transaction. */
const SESSION_SET = /\bSET\s+(?:SESSION\s+)?(search_path)\s*(?:TO|=)\s*[^"\\,}\n]+/i;

/** The session SET the logs show the client running, quoted as logged. */
export function readSessionSetting(lines: readonly string[]): { setting: string; quote: string } | undefined {
  for (const line of lines) {
    const m = SESSION_SET.exec(line);
    if (m !== null && m[1] !== undefined) return { setting: m[1].toLowerCase(), quote: m[0].trim() };
  }
  return undefined;
}

/**
 * A database refusing commands for want of a privilege while the login works: MongoDB's "not
 * authorized on <db> to execute command { insert: … }" (code 13, Unauthorized), MySQL's "INSERT
 * command denied to user 'app'@'…' for table 'orders'" (1142). The server is up, the user
 * authenticated, and it answers every command its roles do not grant — most often writes, while
 * reads go on working, when a role was narrowed (readWrite → read) by a "least privilege" clean-up,
 * an operator reconciling a changed user spec, or a grants script. The pods stay Ready, restarting
 * or rolling them back changes nothing: the fix is the role, where the users are managed. Pure:
 * reads the logged lines only.
 */

/** MongoDB's refusal: the database and the command (first word of the command document). */
export const MONGO_UNAUTHORIZED = /not authori[sz]ed on ([\w.-]+) to execute command \{ ?\\?"?(\w+)/i;
/** MySQL's table-level refusal (ER_TABLEACCESS_DENIED_ERROR, 1142): the command, the user and the table. */
export const MYSQL_COMMAND_DENIED = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|INDEX|REFERENCES) command denied to user '([^']*)'@'[^']*' for table [`']?([\w.$-]+)/i;

/** Commands that write, by their name in MongoDB's command document or MySQL's refusal. */
const WRITE_COMMAND = /^(insert|update|delete|findAndModify|bulkWrite|create|createIndexes|drop|dropIndexes|renameCollection|alter|index|references)$/i;

function isWrite(command: string): boolean {
  return WRITE_COMMAND.test(command);
}

/** " — writes (insert) on database reviews", from the last refused MongoDB line. */
export function describeMongoRefused(line: string): string {
  const m = MONGO_UNAUTHORIZED.exec(line);
  if (m === null) return '';
  const command = m[2] ?? '';
  return ` — ${isWrite(command) ? 'writes' : 'commands'} (${command}) on database ${m[1] ?? ''}`;
}

/** " — writes (INSERT) on table orders, user app", from the last refused MySQL line. */
export function describeMysqlRefused(line: string): string {
  const m = MYSQL_COMMAND_DENIED.exec(line);
  if (m === null) return '';
  const command = (m[1] ?? '').toUpperCase();
  return ` — ${isWrite(command) ? 'writes' : 'statements'} (${command}) on table ${m[3] ?? ''}, user ${m[2] ?? ''}`;
}

/** The databases the refused MongoDB lines name, for the fix. */
export function fixMongoRole(lines: readonly string[]): string | undefined {
  const refused = lines.flatMap((l) => {
    const m = MONGO_UNAUTHORIZED.exec(l);
    return m ? [{ db: m[1] ?? '', write: isWrite(m[2] ?? '') }] : [];
  });
  if (refused.length === 0) return undefined;
  const dbs = [...new Set(refused.map((r) => r.db))];
  const role = refused.some((r) => r.write) ? 'readWrite' : 'the role the command needs';
  return `give the user these pods connect as ${role} on ${dbs.join(', ')} again where its users are managed (the operator's MongoDB resource spec, or the user-management script), not by hand in the database where the next reconcile undoes it; the pods need no restart`;
}

export function fixMysqlGrant(lines: readonly string[]): string | undefined {
  const m = lines.map((l) => MYSQL_COMMAND_DENIED.exec(l)).find((x) => x !== null);
  if (!m) return undefined;
  return `GRANT ${(m[1] ?? '').toUpperCase()} ON ${m[3] ?? '<table>'} TO '${m[2] ?? ''}' again where the grants are managed (the migration, the operator's user spec or the grants script); the pods need no restart`;
}

export const MONGO_ROLE_WHY =
  'MongoDB authenticated the user (its login works) but its roles no longer grant the commands it sends, so it answers each with "not authorized on <db> to execute command" (code 13, Unauthorized) while the commands its roles still grant — reads, for a user narrowed from readWrite to read — keep working and the probes pass. The user\'s roles were changed: a "least privilege" clean-up, an operator reconciling a changed user spec, or a script.';
export const MYSQL_GRANT_WHY =
  'MySQL accepted the login but the user lacks the privilege on that table, so it refuses each such statement (1142, command denied) while the statements its grants still cover keep working and the probes pass. The user\'s grants were changed or a new table was never granted.';
export const MONGO_ROLE_FIX = "give the user these pods connect as the role its writes need (readWrite on the database) again where its users are managed (the operator's MongoDB resource spec, or the user-management script); the pods need no restart";
export const MYSQL_GRANT_FIX = 'GRANT the user the privilege on the table again where the grants are managed; the pods need no restart';
export const ROLE_OUTLASTS = "the user's roles live in the database: a rollback or restart of these pods does not restore them";

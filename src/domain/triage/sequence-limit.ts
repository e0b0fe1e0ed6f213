/**
 * An id generator at the largest value of its type: Postgres refuses nextval() once a sequence
 * reaches its MAXVALUE (a serial column's sequence stops at 2147483647, the int4 maximum); MySQL
 * cannot hand out the next AUTO_INCREMENT value past its column's type, so the insert collides
 * with the row that holds the maximum ("Duplicate entry '2147483647' for key 'PRIMARY'") or fails
 * to read the value (error 1467). Every INSERT into that one table fails while reads, readiness
 * and the server stay fine, and nothing in the cluster changed: the table simply grew. The fix is a
 * wider type (bigint), not a rollback or a restart. Pure: reads the refused lines only.
 */

/** Postgres' words, quoted by every driver: `nextval: reached maximum value of sequence "orders_id_seq" (2147483647)`. */
export const PG_SEQUENCE_LIMIT = /reached maximum value of sequence "([^"]+)" \((\d+)\)/i;

/**
 * The largest value of each integer type, signed and unsigned: an id stopped at one of them ran out
 * of its type. Not TINYINT's 127 and 255: a duplicate of those is as likely an ordinary one.
 */
const TYPE_MAXIMA: Record<string, { pg: string; mysql: string }> = {
  '32767': { pg: 'smallint (int2)', mysql: 'SMALLINT' },
  '65535': { pg: '', mysql: 'SMALLINT UNSIGNED' },
  '8388607': { pg: '', mysql: 'MEDIUMINT' },
  '16777215': { pg: '', mysql: 'MEDIUMINT UNSIGNED' },
  '2147483647': { pg: 'integer (int4)', mysql: 'INT' },
  '4294967295': { pg: '', mysql: 'INT UNSIGNED' },
  '9223372036854775807': { pg: 'bigint (int8)', mysql: 'BIGINT' },
  '18446744073709551615': { pg: '', mysql: 'BIGINT UNSIGNED' },
};

/** MySQL's words: a duplicate of a type's maximum on the primary key, or error 1467. */
export const MYSQL_AUTO_INCREMENT_LIMIT = new RegExp(
  `Duplicate entry '(${Object.keys(TYPE_MAXIMA).join('|')})' for key '(?:([\\w$]+)\\.)?PRIMARY'|Failed to read auto-increment value from storage engine`,
  'i',
);

const BIGINT_MAX = '9223372036854775807';

/** The table an INSERT of the same logs writes to, when one is named. */
function readInsertTable(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const t = /\bINSERT\s+INTO\s+[`"]?(?:[\w$]+[`"]?\.[`"]?)?([\w$]+)[`"]?/i.exec(line)?.[1];
    if (t) return t;
  }
  return undefined;
}

/** ": sequence orders_id_seq is at 2147483647, the largest integer (int4) value", from a refused line. */
export function describePgSequenceLimit(line: string): string {
  const m = PG_SEQUENCE_LIMIT.exec(line);
  if (!m) return ': an id sequence is at its maximum';
  const type = TYPE_MAXIMA[m[2] ?? '']?.pg;
  return `: sequence ${m[1] ?? ''} is at ${m[2] ?? ''}, ${type ? `the largest ${type} value` : 'its MAXVALUE'}`;
}

/**
 * The migration, with the names the lines give: the sequence, and its table and column when an
 * INSERT of the same logs names a table whose serial naming (<table>_<column>_seq) the sequence follows.
 */
export function fixPgSequenceLimit(lines: readonly string[]): string | undefined {
  const m = lines.map((l) => PG_SEQUENCE_LIMIT.exec(l)).find((x) => x !== null);
  if (!m) return undefined;
  const seq = m[1] ?? '';
  const max = m[2] ?? '';
  const type = TYPE_MAXIMA[max]?.pg;
  if (max === BIGINT_MAX) return `sequence ${seq} has used every bigint value: re-key the table (or let the sequence CYCLE once old rows are gone)`;
  if (!type) return `raise the sequence's limit (ALTER SEQUENCE ${seq} MAXVALUE <larger> or NO MAXVALUE) after checking that its column's type holds larger values (bigint)`;
  const table = readInsertTable(lines);
  const column = table && seq.startsWith(`${table}_`) && seq.endsWith('_seq') ? seq.slice(table.length + 1, -'_seq'.length) : undefined;
  const alterTable = table && column ? `; ALTER TABLE ${table} ALTER COLUMN ${column} TYPE bigint` : ' and the column it feeds to bigint';
  return `migrate the sequence and its column to bigint (ALTER SEQUENCE ${seq} AS bigint MAXVALUE ${BIGINT_MAX}${alterTable}, with the columns that reference it); inserts work again as soon as the sequence can advance`;
}

/** ": the AUTO_INCREMENT id of events is at 2147483647, the largest INT value", from a refused line. */
export function describeMysqlAutoIncrementLimit(line: string): string {
  const m = MYSQL_AUTO_INCREMENT_LIMIT.exec(line);
  if (!m?.[1]) return ': an AUTO_INCREMENT id cannot advance';
  return `: the AUTO_INCREMENT id${m[2] ? ` of ${m[2]}` : ''} is at ${m[1]}, the largest ${TYPE_MAXIMA[m[1]]?.mysql ?? 'integer'} value`;
}

/** The MySQL migration: the id column to BIGINT (the table from the key or the INSERT). */
export function fixMysqlAutoIncrementLimit(lines: readonly string[]): string {
  const m = lines.map((l) => MYSQL_AUTO_INCREMENT_LIMIT.exec(l)).find((x) => x !== null);
  const table = m?.[2] ?? readInsertTable(lines);
  const to = m?.[1] && TYPE_MAXIMA[m[1]]?.mysql.includes('UNSIGNED') ? 'BIGINT UNSIGNED' : 'BIGINT';
  return `migrate the auto-increment id column to ${to} (ALTER TABLE ${table ?? '<table>'} MODIFY <id column> ${to} NOT NULL AUTO_INCREMENT, with the columns that reference it — an online schema change for a large table)`;
}

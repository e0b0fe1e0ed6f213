/**
 * A database refusing a write for a NULL in a NOT NULL column, in each database's words
 * (PostgreSQL 23502, MySQL 1048/1364, SQLite, SQL Server 515, Oracle ORA-01400). The connection and
 * the login are fine: a column the writer does not set is required now. The usual origin is a
 * migration that added a column NOT NULL without a default (or dropped its default) while a writer
 * that was not updated — a legacy importer, an older revision — still inserts without it: the
 * expand/contract order broken. The fix is in the schema first (a default, or nullable until every
 * writer sets it); a rollback of an unchanged writer changes nothing.
 */
import type { ToldReading } from './told-reading.js';
import { formatSpan } from './time-span.js';
import type { MigrationJob } from './pg-privilege.js';

export interface NotNullViolation {
  column: string;
  table?: string;
  /** SQLSTATE or the server's error number, where the database has one. */
  code?: string;
  line: string;
}

interface Sign {
  pattern: RegExp;
  code?: string;
  read: (m: RegExpExecArray) => { column: string; table?: string };
}

const SIGNS: readonly Sign[] = [
  { pattern: /null value in column "([^"]+)"(?: of relation "([^"]+)")? violates not-null constraint/i, code: 'SQLSTATE 23502', read: (m) => ({ column: m[1] ?? '', ...(m[2] ? { table: m[2] } : {}) }) },
  { pattern: /Column '([^']+)' cannot be null/i, code: 'MySQL 1048', read: (m) => ({ column: m[1] ?? '' }) },
  { pattern: /Field '([^']+)' doesn't have a default value/i, code: 'MySQL 1364', read: (m) => ({ column: m[1] ?? '' }) },
  { pattern: /NOT NULL constraint failed: (?:([\w$]+)\.)?([\w$]+)/, read: (m) => ({ column: m[2] ?? '', ...(m[1] ? { table: m[1] } : {}) }) },
  { pattern: /Cannot insert the value NULL into column '([^']+)', table '(?:[^']*\.)?([^'.]+)'/i, code: 'SQL Server 515', read: (m) => ({ column: m[1] ?? '', ...(m[2] ? { table: m[2] } : {}) }) },
  { pattern: /ORA-01400: cannot insert NULL into \((?:"[^"]+"\.)?"([^"]+)"\."([^"]+)"\)/, code: 'ORA-01400', read: (m) => ({ column: m[2] ?? '', ...(m[1] ? { table: m[1] } : {}) }) },
];

/** The last NOT NULL refusal in the lines, undefined when there is none. */
export function findNotNullViolation(lines: readonly string[]): NotNullViolation | undefined {
  return listNotNullViolations(lines).at(-1);
}

/** Every NOT NULL refusal in the lines, in order. */
export function listNotNullViolations(lines: readonly string[]): NotNullViolation[] {
  return lines.flatMap((raw) => {
    // A JSON log line escapes the database's quotes: read it as the database wrote it.
    const line = raw.replace(/\\"/g, '"');
    for (const s of SIGNS) {
      const m = s.pattern.exec(line);
      if (m !== null) return [{ ...s.read(m), ...(s.code ? { code: s.code } : {}), line: raw.trim() }];
    }
    return [];
  });
}

/** A run that kept meeting the refusal (its retries) or met it at its end died of it. */
const MIN_REPEATS = 2;
const END_LINES = 10;

/** The refusal a crashed run died of: repeated in its log, or among its last lines. */
export function findFatalNotNull(lines: readonly string[]): NotNullViolation | undefined {
  const all = listNotNullViolations(lines);
  const last = all.at(-1);
  if (last === undefined) return undefined;
  return all.length >= MIN_REPEATS || findNotNullViolation(lines.slice(-END_LINES)) !== undefined ? last : undefined;
}

/** How a crash on the refusal is told: the column now required, the migration that made it so when one ran just before. */
export function tellNotNullViolation(v: NotNullViolation, migration: MigrationJob | undefined, applied: string | undefined): ToldReading & { evidence: string[] } {
  const where = v.table ? `${v.table}.${v.column}` : v.column;
  const of = v.table ? `column ${v.column} of ${v.table}` : `column ${v.column}`;
  const ran = migration ? `migration Job ${migration.job.name} ran ${formatSpan(Math.max(0, migration.lead))} before the first failure` : undefined;
  const fix = `give ${where} a default (or make it nullable) until this writer sets it, then update the writer (expand/contract)`;
  return {
    title: `: the database refuses its writes: ${of} is NOT NULL${v.code ? ` (${v.code})` : ''} and this writer leaves it empty${applied ? `, after ${applied}` : ran ? `, after ${ran}` : ''}`,
    cause:
      `The database answered every insert with a NOT NULL violation on ${where}: the connection and the login are fine, but the row this writer builds has no value for a column that is required now. ` +
      `A migration that adds a column NOT NULL without a default (or drops its default)${ran ? ` — ${ran} —` : ''} breaks every writer not updated to set it: the expand/contract order (add the column nullable or with a default, update every writer, then tighten it) was skipped.`,
    action: `Give ${where} a default (ALTER TABLE … ALTER COLUMN ${v.column} SET DEFAULT …) or make it nullable again, so this writer's inserts pass at once; then update this writer to set ${v.column} and only then tighten the column. Rolling back this workload does not help: the schema changed, not its code.`,
    fix,
    ...(ran ? { datesChange: true as const } : {}),
    evidence: [
      `database: ${v.line.slice(0, 300)}`,
      ...(migration ? [`Job ${migration.job.name}: started ${formatSpan(Math.max(0, migration.lead))} before the first failure, ${migration.job.state}`] : []),
      ...(applied ? [applied] : []),
    ],
  };
}

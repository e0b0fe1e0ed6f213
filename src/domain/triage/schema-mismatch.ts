/**
 * A database that answers but lacks a column or table the code queries, in each database's own
 * words (PostgreSQL 42703/42P01, MySQL 1054/1146, SQLite, Oracle ORA-00904/00942, SQL Server
 * 207/208). The connection is fine: the code and the schema disagree — a release that expects a
 * migration not applied, or code older than a migration that renamed or dropped what it reads.
 */
import type { IsoTime } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';

export interface MissingSchemaObject {
  /** "column i.customer_id", "table invoice_lines". */
  what: string;
  /** The database's words, from the error code or message on. */
  quote: string;
}

interface Sign {
  pattern: RegExp;
  describe: (m: RegExpExecArray) => string;
}

const unquote = (s: string | undefined): string => (s ?? '').replace(/"/g, '');

const SIGNS: readonly Sign[] = [
  // PostgreSQL names the relation only for INSERT/UPDATE targets: column "x" of relation "t".
  { pattern: /(?:ERROR:\s+)?column ("[\w.]+"|[\w.]+) of relation ("[\w.]+"|[\w.]+) does not exist/, describe: (m) => `column ${unquote(m[1])} of ${unquote(m[2])}` },
  { pattern: /(?:ERROR:\s+)?column ("[\w.]+"|[\w.]+) does not exist/, describe: (m) => `column ${unquote(m[1])}` },
  { pattern: /(?:ERROR:\s+)?relation ("[\w.]+"|[\w.]+) does not exist/, describe: (m) => `table ${unquote(m[1])}` },
  { pattern: /Unknown column '([^']+)' in '[^']+'/, describe: (m) => `column ${m[1] ?? ''}` },
  { pattern: /Table '([^']+)' doesn't exist/, describe: (m) => `table ${m[1] ?? ''}` },
  { pattern: /no such (column|table): ([\w.]+)/, describe: (m) => `${m[1] ?? ''} ${m[2] ?? ''}` },
  { pattern: /ORA-00904: "?([^":\s]+)"?: invalid identifier/, describe: (m) => `column ${m[1] ?? ''}` },
  { pattern: /ORA-00942: table or view does not exist/, describe: () => 'table or view' },
  { pattern: /Invalid column name '([^']+)'/, describe: (m) => `column ${m[1] ?? ''}` },
  { pattern: /Invalid object name '([^']+)'/, describe: (m) => `table ${m[1] ?? ''}` },
];

/** What one log line says the database lacks, or undefined. */
export function findMissingSchemaObject(line: string): MissingSchemaObject | undefined {
  // A JSON log line escapes the database's quotes (relation \"orders\"): read it as the database wrote it.
  const plain = line.replace(/\\"/g, '"');
  for (const s of SIGNS) {
    const m = s.pattern.exec(plain);
    if (m !== null) return { what: s.describe(m), quote: m[0].trim() };
  }
  return undefined;
}

export interface SchemaErrors {
  first: MissingSchemaObject;
  /** Lines that say it, in this log. */
  count: number;
  /** The stamp of the first such line, or of the stamped line its stack trace belongs to. */
  since?: IsoTime;
}

/** Every schema error of one log tail, with when the first one was logged. */
export function readSchemaErrors(lines: readonly string[]): SchemaErrors | undefined {
  let first: MissingSchemaObject | undefined;
  let count = 0;
  let stamp: IsoTime | undefined;
  const stamps: IsoTime[] = [];
  for (const line of lines) {
    // A stack trace's lines carry no stamp: they belong to the last stamped line before them.
    stamp = readLineTime(line) ?? stamp;
    const hit = findMissingSchemaObject(line);
    if (hit === undefined) continue;
    first ??= hit;
    count += 1;
    if (stamp !== undefined) stamps.push(stamp);
  }
  if (first === undefined) return undefined;
  const since = earliest(stamps);
  return { first, count, ...(since !== undefined ? { since } : {}) };
}

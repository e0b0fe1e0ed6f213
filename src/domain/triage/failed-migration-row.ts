/**
 * A schema tool refusing to start because an earlier run of a migration failed half-way and left
 * its mark in the schema history: Flyway's "Detected failed migration to version 43 (…)" (a row
 * with success = 0 in flyway_schema_history), golang-migrate's "Dirty database version 43. Fix
 * and force version.". Every restart now fails the same validation, so the line every current run
 * logs is a consequence: the root cause is what the FIRST run failed on. A database without
 * transactional DDL (MySQL, MariaDB, Oracle) cannot roll a failed migration back, which is why the
 * half-applied change and the mark stay. The first run's log is usually gone (the kubelet keeps
 * only the last run's), so its error is quoted when some log read still carries it, else what the
 * migration's own name says it does tells the usual first failure (a unique constraint fails on
 * rows that already repeat a value). Pure: log lines.
 */
import type { LogEvidence } from './evidence.js';

export interface FailedMigrationRow {
  tool: 'Flyway' | 'golang-migrate';
  /** "43". */
  version: string;
  /** The migration's description, when the tool says it: "unique sku". */
  description?: string;
  /** The line that says so, trimmed. */
  line: string;
  /** The database the log names, when it does: "MySQL". */
  database?: string;
}

const FLYWAY = /Detected failed (?:migration to version ([\w.]+)(?: \(([^)]*)\))?|repeatable migration: ([^\n.]+))/;
const GOLANG_MIGRATE = /Dirty database version (\d+)\. Fix and force version/;
/** Databases whose DDL commits by itself: a failed migration leaves what it did and the tool marks it failed. */
const NO_TRANSACTIONAL_DDL: readonly [RegExp, string][] = [
  [/\bMariaDB\b|jdbc:mariadb:/i, 'MariaDB'],
  [/\bMySQL\b|jdbc:mysql:/i, 'MySQL'],
  [/\bOracle\b|jdbc:oracle:/i, 'Oracle'],
];

/** The failed migration the log reports last, with the database it names. */
export function findFailedMigrationRow(lines: readonly string[]): FailedMigrationRow | undefined {
  const database = NO_TRANSACTIONAL_DDL.find(([re]) => lines.some((l) => re.test(l)))?.[1];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const flyway = FLYWAY.exec(line);
    const golang = flyway ? null : GOLANG_MIGRATE.exec(line);
    const version = flyway ? flyway[1] ?? flyway[3]?.trim() : golang?.[1];
    if (version === undefined) continue;
    const description = flyway?.[2]?.trim();
    return { tool: flyway ? 'Flyway' : 'golang-migrate', version, ...(description ? { description } : {}), line: line.trim(), ...(database ? { database } : {}) };
  }
  return undefined;
}

/** The database's refusal a migration run logged ("Message : Duplicate entry … for key …", "ERROR: could not create unique index …"). */
const FIRST_ERROR = /^\s*Message\s*:\s*(.+)$|\b(Duplicate entry .+|could not create unique index .+|(?:ERROR|error): .+(?:violat|duplicate|constraint|cannot be null|foreign key).*)$/i;

/**
 * What the first failed run said, when a log read still carries it: a line saying the migration of
 * that version failed, and the database's message after it.
 */
export function findFirstFailure(logs: readonly LogEvidence[], row: FailedMigrationRow): string | undefined {
  const version = new RegExp(`\\b(?:version "?${row.version.replace(/\./g, '\\.')}\\b|V${row.version.replace(/\./g, '[._]')}__)`);
  for (const log of logs) {
    const at = log.lines.findIndex((l) => version.test(l) && /\bfailed\b/i.test(l) && !/Detected failed/.test(l));
    if (at < 0) continue;
    for (const line of log.lines.slice(at, at + 20)) {
      const m = FIRST_ERROR.exec(line);
      if (m) return (m[1] ?? m[2] ?? '').trim();
    }
  }
  return undefined;
}

/** What a migration's name says it does, what such a migration first fails on when the data already breaks it (in brief, then in full), and how the data is cleaned. */
interface Intent { sign: RegExp; does: string; short: string; failsOn: string; clean: string }

const INTENTS: readonly Intent[] = [
  { sign: /\bunique\b|\buq_|\bdedup|\bdistinct\b/i, does: 'adds a unique constraint', short: 'rows that already hold duplicate values', failsOn: 'rows that already hold duplicate values in the columns it makes unique (MySQL 1062 "Duplicate entry … for key", PostgreSQL 23505 "could not create unique index")', clean: 'deduplicate those rows' },
  { sign: /\bnot[ _-]?null\b|\brequired\b|\bnon[ _-]?null/i, does: 'makes a column NOT NULL', short: 'rows that still hold NULL', failsOn: 'rows that still hold NULL in that column', clean: 'fill those NULLs' },
  { sign: /\bforeign[ _-]?key\b|\bfk_|\breferences?\b/i, does: 'adds a foreign key', short: 'rows whose reference points at nothing', failsOn: 'rows whose reference points at a row that does not exist', clean: 'fix or delete those rows' },
  { sign: /\bcheck\b|\bconstraint\b/i, does: 'adds a constraint', short: 'rows that already break it', failsOn: 'rows that already break it', clean: 'fix the rows that break it' },
];

export function readMigrationIntent(row: FailedMigrationRow): Intent | undefined {
  return INTENTS.find((i) => i.sign.test(row.description ?? ''));
}

/** The words of a finding: the first run's failure is the cause, the failed mark the reason every restart fails, repair the way forward. */
export function tellFailedMigrationRow(row: FailedMigrationRow, first: string | undefined, restarts: number): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const name = `migration ${row.version}${row.description ? ` ("${row.description}")` : ''}`;
  const intent = readMigrationIntent(row);
  const mark = row.tool === 'Flyway' ? 'a failed row in flyway_schema_history' : 'the schema_migrations table marked dirty';
  const repair = row.tool === 'Flyway' ? '`flyway repair` (it deletes the failed row)' : `\`migrate force ${Number(row.version) - 1}\` (it clears the dirty mark)`;
  const ddl = row.database ? ` ${row.database} does not roll DDL back, so what the migration did before it failed stays and` : '';
  const firstText = first !== undefined
    ? `The first run failed on "${first.slice(0, 200)}".`
    : intent
      ? `That first run's error is not in the logs read (the kubelet keeps only the last run's log${restarts > 1 ? `, and the container has restarted ${restarts} times` : ''}); the migration ${intent.does}, and such a migration fails on ${intent.failsOn}.`
      : `That first run's error is not in the logs read (the kubelet keeps only the last run's log${restarts > 1 ? `, and the container has restarted ${restarts} times` : ''}): read it in the log store, or the database's error for the migration.`;
  const clean = intent && first === undefined ? `find the ${intent.short.replace(/^rows that (?:already |still )?/, 'rows that ')} and ${intent.clean}` : 'fix what the first run failed on';
  return {
    title: `: ${row.tool} refuses to start over failed ${name}, left by an earlier run${first !== undefined ? ` that failed on "${first.slice(0, 100)}"` : intent ? `; it ${intent.does}, which fails on ${intent.short}` : ''}`,
    // What every run shows first, then how it came to be.
    cause: `Every start validates ${row.tool}'s schema history, finds the failed migration and exits ("${row.line.slice(0, 140)}"), so the current error is a consequence, not the cause. An earlier run of migration ${row.version} failed half-way:${ddl} ${row.tool} recorded ${mark}. ${firstText}`,
    action: `Pause or roll back the rollout so the pods of the previous revision keep serving; then ${clean}, undo what the migration applied before it failed, run ${repair}, and roll forward.`,
    fix: `${clean}, undo its half-applied change, then ${repair} and roll forward`,
    evidence: [
      `${row.tool}: ${name} marked failed in the schema history${row.database ? ` (database: ${row.database}, no transactional DDL)` : ''}`,
      ...(first !== undefined ? [`first failure: ${first.slice(0, 300)}`] : intent ? [`${name} ${intent.does}: it fails on ${intent.failsOn}`] : []),
    ],
  };
}

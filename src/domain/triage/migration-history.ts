/**
 * A database whose migration table no longer matches the code's migrations: Django's
 * InconsistentMigrationHistory ("Migration A is applied before its dependency B"), Flyway's
 * "Detected applied migration not resolved locally", Alembic's "Can't locate revision identified
 * by". The migrate step refuses before it changes anything, so every new pod that runs it fails
 * the same way. The history is the database's: most often a restore or import brought back some
 * tables and their rows of the migration table from an older snapshot (a one-app restore, a
 * point-in-time recovery, a dump loaded by hand). A rollback leaves that table as it is: the fix
 * is to repair the history (mark the missing step applied after checking the schema, or unapply
 * the one ahead of it), or to redo the restore whole, then migrate again. Pure: log lines and the
 * namespace's Jobs.
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence, TriageEvidence } from './evidence.js';
import { HOUR_MS, msBetween } from './time-span.js';

export type MigrationTool = 'Django' | 'Flyway' | 'Alembic';

interface Sign {
  tool: MigrationTool;
  pattern: RegExp;
}

/** Each tool's words for a history that does not match; the groups name the migrations when it does. */
const SIGNS: readonly Sign[] = [
  { tool: 'Django', pattern: /\bInconsistentMigrationHistory\b(?:[^\n]*?\bMigration ([\w.]+) is applied before its dependency ([\w.]+))?/ },
  { tool: 'Flyway', pattern: /\bDetected applied migrations? not resolved locally\b:?\s*([\w.]+)?/i },
  { tool: 'Alembic', pattern: /\bCan't locate revision identified by '?([\w]+)'?/ },
];

export interface MigrationHistoryMismatch {
  tool: MigrationTool;
  log: LogEvidence;
  /** The line that says so, trimmed. */
  line: string;
  /** The migration ahead of its dependency (Django), or the one the code does not know (Flyway, Alembic). */
  migration?: string;
  /** The dependency the database lacks (Django). */
  dependency?: string;
}

/** The first line in the logs that says the migration history does not match the code. */
export function findMigrationHistoryMismatch(logs: readonly LogEvidence[]): MigrationHistoryMismatch | undefined {
  let first: MigrationHistoryMismatch | undefined;
  for (const log of logs) {
    for (const line of log.lines) {
      // A traceback's source line ("raise InconsistentMigrationHistory(") names no migration: the message under it does.
      if (/^\s*raise\b/.test(line)) continue;
      for (const s of SIGNS) {
        const m = s.pattern.exec(line);
        if (m === null) continue;
        // A name at the end of a sentence keeps its full stop out: "… not resolved locally: 4.2."
        const [migration, dependency] = [m[1], m[2]].map((x) => x?.replace(/\.+$/, ''));
        const hit = { tool: s.tool, log, line: line.trim(), ...(migration ? { migration } : {}), ...(dependency ? { dependency } : {}) };
        if (hit.migration !== undefined) return hit;
        first ??= hit;
      }
    }
  }
  return first;
}

/** Whether the namespace's Jobs are worth one list: the workload (not a Job) logs a migration history that does not match. */
export function needsMigrationHistoryJobs(target: Pick<TriageEvidence['target'], 'kind'>, logs: readonly LogEvidence[]): boolean {
  if (target.kind === 'Job' || target.kind === 'CronJob') return false;
  return findMigrationHistoryMismatch(logs) !== undefined;
}

/** A Job that writes a database back from a copy: a restore, a point-in-time recovery, an import of a dump. */
const RESTORES = /\b(?:pg_restore|mongorestore|myloader|mysqlimport|restor(?:e|es|ing)|pitr|import(?:s|ing)?|load[-_]?dump)\b|\b(?:mysql|psql)\b[^\n]*(?:<\s*\S+|\s-f\s+\S+)\.(?:sql|dump)(?:\.gz)?\b/i;
/** A restore older than this is no longer what changed the history. */
const LOOKBACK_MS = 14 * 24 * HOUR_MS;

/**
 * The Job that most likely rewrote the history: the newest one that restores or imports into a
 * database, started before the onset (and within two weeks of it), whatever became of it.
 */
export function pickRestoreJob(jobs: NamespaceJobsEvidence | undefined, onset: IsoTime | undefined): NamespaceJobEvidence | undefined {
  if (jobs === undefined || onset === undefined) return undefined;
  const fits = jobs.jobs.filter((j) => {
    if (j.createdAt === undefined) return false;
    const lead = msBetween(j.createdAt, onset);
    return lead >= 0 && lead <= LOOKBACK_MS && RESTORES.test([j.name, ...(j.commandAndEnv ?? [])].join(' '));
  });
  return fits.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
}

/** How to repair the history, in the tool's own commands. */
export function fixMigrationHistory(m: MigrationHistoryMismatch): string {
  if (m.tool === 'Django') {
    const app = m.dependency?.split('.')[0];
    const name = m.dependency?.split('.').slice(1).join('.');
    return m.dependency && app && name
      ? `repair the migration history: check that the schema has what ${m.dependency} makes, then record it (python manage.py migrate ${app} ${name} --fake), or redo the restore with the rest of the database; then migrate again`
      : 'repair the migration history (record the missing dependency with migrate --fake after checking the schema, or redo the restore whole); then migrate again';
  }
  if (m.tool === 'Flyway') return `repair the migration history: the database records ${m.migration ? `migration ${m.migration}` : 'migrations'} this code does not have (flyway repair, or restore the database to match the code); then migrate again`;
  return `repair the migration history: alembic_version names ${m.migration ? `revision ${m.migration}` : 'a revision'} this code does not have (alembic stamp to the revision the schema matches, or restore the database to match the code); then migrate again`;
}

/**
 * What a migration Job that ran just before the failures changed in the schema, in the migration
 * tool's own words: golang-migrate's "Finished 147/u add_reserved_qty", Flyway's "Migrating schema
 * "public" to version "147 - add reserved qty"", Alembic's "Running upgrade a1 -> b2, add reserved
 * qty", Rails' "== 20261121 AddReservedQty: migrated", Prisma's "Applying migration `…`", Django's
 * "Applying stock.0042_reserved_qty... OK", Liquibase's "ChangeSet … ran successfully", or a DDL
 * statement a tool echoes. Read only when the workload fails the way a schema change makes it.
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence } from './evidence.js';
import type { MigrationJobLogEvidence } from './evidence-migration-job-logs.js';
import { listNotNullViolations } from './not-null-violation.js';
import { PG_DROPPED_RELATION } from './pg-dropped-relation.js';
import { readLineTime } from './request-silence.js';
import { HOUR_MS, earliest, formatAgo, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

/** Failures a schema change brings on for clients that did not change: statements prepared before it (0A000), or planned against a table it dropped (XX000). */
const SCHEMA_CHANGED_UNDER = [/cached plan must not change result type/i, PG_DROPPED_RELATION];

/** A Job that completed this long before the first failure may be what changed the schema. */
const LEAD_MS = 2 * HOUR_MS;
/** Clock skew and log batching: a Job this much "after" the first failure still counts. */
const SKEW_MS = TRIGGER_SKEW_MS;
/** Runs whose logs are read: the nearest before the failures. */
const MAX_RUNS = 2;
/** Lines kept per run, and their length. */
const MAX_LINES = 8;
const MAX_CHARS = 300;

/** Each tool's line for one migration applied, with the migration's name in its first group. */
const APPLIED: readonly RegExp[] = [
  /\bFinished (\d+\/[ud] \w+)/,
  /Migrating schema \S+ to version "?([^"]+?)"?\s*$/,
  /Running upgrade \S* -> \S+, (.+)$/,
  /== (\d+ \w+): migrated/,
  /Applying migration \x60([^\x60]+)\x60/,
  /Applying (\w+\.\w+)\.\.\. OK/,
  /ChangeSet (\S+) ran successfully/,
];
const DDL = /\b(?:ALTER TABLE|CREATE TABLE|DROP TABLE|ADD COLUMN|DROP COLUMN|ALTER COLUMN|RENAME COLUMN|RENAME TO)\b/i;

/**
 * Whether the workload's logs show a failure a schema change brings on, and when the first one was
 * logged: statements prepared before it, in the current logs; a write refused for a NOT NULL column
 * a writer does not set (not-null-violation.ts), in any log — such a writer crashes on it. A line
 * of a stack trace carries no stamp: it takes the last stamped line's before it.
 */
export function findSchemaChangedUnder(logs: readonly LogEvidence[]): { since?: IsoTime } | undefined {
  const stamps: (IsoTime | undefined)[] = [];
  for (const l of logs) {
    let stamp: IsoTime | undefined;
    for (const line of l.lines) {
      stamp = readLineTime(line) ?? stamp;
      const changed = (!l.previous && SCHEMA_CHANGED_UNDER.some((re) => re.test(line))) || listNotNullViolations([line]).length > 0;
      if (changed) stamps.push(stamp);
    }
  }
  if (stamps.length === 0) return undefined;
  const since = earliest(stamps);
  return since === undefined ? {} : { since };
}

/** The complete Jobs that finished within LEAD_MS before the first such failure (any, when it is undated), nearest first, at most two. */
export function pickMigrationJobRuns(ev: { logs: readonly LogEvidence[]; namespaceJobs?: NamespaceJobsEvidence }): NamespaceJobEvidence[] {
  const failing = findSchemaChangedUnder(ev.logs);
  if (failing === undefined) return [];
  const before = (j: NamespaceJobEvidence): boolean => {
    if (j.state !== 'complete' || j.finishedAt === undefined) return false;
    if (failing.since === undefined) return true;
    const lead = msBetween(j.finishedAt, failing.since);
    return lead >= -SKEW_MS && lead <= LEAD_MS;
  };
  return (ev.namespaceJobs?.jobs ?? []).filter(before).sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '')).slice(0, MAX_RUNS);
}

/** The lines of a run's log worth keeping: those naming a migration applied or a DDL statement. */
export function keepMigrationLines(lines: readonly string[]): string[] {
  return lines.filter((l) => APPLIED.some((re) => re.test(l)) || DDL.test(l)).slice(-MAX_LINES).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

/**
 * "Job inventory-migrate-1 applied 147/u add_reserved_qty 40m ago", from the runs read; undefined
 * when none names one. `prefer`: the DDL statements to name first (the DROP TABLE that broke the
 * clients, not the CREATE TABLE before it).
 */
export function describeMigrationRuns(runs: readonly MigrationJobLogEvidence[], now: IsoTime, prefer?: RegExp): string | undefined {
  for (const r of runs) {
    const names = [...new Set(r.lines.flatMap((l) => APPLIED.map((re) => re.exec(l)?.[1]?.trim()).filter((x): x is string => x !== undefined)))];
    const found = r.lines.map((l) => DDL.exec(l)).filter((m) => m !== null);
    const ddl = (prefer === undefined ? undefined : found.find((m) => prefer.test(m.input))) ?? found[0];
    const ddlText = ddl ? ddl.input.slice(ddl.index, ddl.index + 120).trim() : undefined;
    const what = names.length > 0 ? `applied ${names.slice(0, 3).join(', ')}` : ddlText ? `ran ${ddlText}` : undefined;
    if (what) return `Job ${r.job} ${what}${r.finishedAt ? ` (completed ${formatAgo(r.finishedAt, now)})` : ''}`;
  }
  return undefined;
}

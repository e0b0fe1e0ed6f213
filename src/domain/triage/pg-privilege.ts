/**
 * PostgreSQL refusing a query for want of a privilege: "permission denied for table X" (SQLSTATE
 * 42501, insufficient_privilege). The server is up and the login worked; the role the app connects
 * as was never granted what the query needs on that object. A table belongs to the role that
 * created it and no other role may use it until granted: a migration run as another role that
 * creates a table with no GRANT (and no ALTER DEFAULT PRIVILEGES for that role) locks the app out of
 * it, and the revision that first reads the table fails while older ones, which never touch it,
 * keep working. The fix is the grant, in the database and in the migration.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, EnvVarEvidence, IsoTime, LogEvidence, NamespaceJobEvidence, TriageEvidence } from './evidence.js';
import { formatSpan, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from './trigger-window.js';

export type PrivilegeObject = 'table' | 'sequence' | 'schema' | 'function' | 'database';

export interface PrivilegeRefusal {
  object: PrivilegeObject;
  name: string;
  line: string;
}

// Before PostgreSQL 15 a table or view is a "relation"; MySQL and others word their refusals otherwise.
const REFUSED = /permission denied for (table|relation|view|materialized view|sequence|schema|function|database) "?([\w$.]+)"?/i;

/** The last privilege refusal in the lines. */
export function findPrivilegeRefusal(lines: readonly string[]): PrivilegeRefusal | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const m = REFUSED.exec(line);
    if (m === null) continue;
    const word = (m[1] ?? '').toLowerCase();
    const object: PrivilegeObject = word === 'sequence' || word === 'schema' || word === 'function' || word === 'database' ? word : 'table';
    return { object, name: m[2] ?? '', line: line.trim() };
  }
  return undefined;
}

/** Whether the Jobs of the namespace are worth one list: a log says a role lacks a privilege (a migration's table?). */
export function needsPrivilegeJobs(target: Pick<TriageEvidence['target'], 'kind'>, logs: readonly LogEvidence[]): boolean {
  if (target.kind === 'Job' || target.kind === 'CronJob') return false;
  return logs.some((l) => findPrivilegeRefusal(l.lines.slice(-60)) !== undefined);
}

// A schema tool's own (FLYWAY_USER, LIQUIBASE_COMMAND_USERNAME) and a framework's (QUARKUS_DATASOURCE_USERNAME) name it too.
const USER_VAR = /^(?=.*(?:PG|DB|DATABASE|POSTGRES|SQL|DATASOURCE|FLYWAY|LIQUIBASE|MIGRAT))[A-Z0-9_]*?_?USER(?:NAME)?$/i;
// SQLAlchemy names the driver after the dialect (postgresql+psycopg2://). The user is what comes before
// the `@` (a host followed by its port is not one); a JDBC URL carries it as a `user=` parameter.
const URL_USER = /postgres(?:ql)?(?:\+\w+)?:\/\/([^:@/\s]+)(?::[^@/\s]*)?@/i;
const JDBC_USER = /jdbc:postgresql:\/\/\S*[?&]user=([^&\s]+)/i;

/** The role a container connects as, from a literal env value (PGUSER, DB_USER, a postgres:// URL); never a Secret's. A variable that names it wins over a URL. */
export function findConnectRole(env: readonly (EnvVarEvidence | string)[]): string | undefined {
  const pairs = env.flatMap((e) => {
    // A Job's env is kept as "NAME=value" strings (commandAndEnv); a container's as name and value.
    const name = typeof e === 'string' ? e.slice(0, Math.max(0, e.indexOf('='))) : e.name;
    const value = typeof e === 'string' ? (e.includes('=') ? e.slice(e.indexOf('=') + 1) : undefined) : 'value' in e ? e.value : undefined;
    return value === undefined || value === '' ? [] : [{ name, value }];
  });
  return pairs.find((p) => USER_VAR.test(p.name))?.value ?? pairs.map((p) => URL_USER.exec(p.value)?.[1] ?? JDBC_USER.exec(p.value)?.[1]).find((u) => u !== undefined);
}

// Schema tools and the names migration Jobs go by (Argo CD/Helm hooks: "<app>-db-migrate").
export const MIGRATION = /migrat|flyway|liquibase|alembic|sqitch|goose|atlas|knex|prisma|sequelize|typeorm|db[-_]?(?:init|setup|upgrade)|schema/i;

export interface MigrationJob {
  job: NamespaceJobEvidence;
  /** The role it connects as, when its literal env says so. */
  role?: string;
  /** How long before the first failure it started. */
  lead: number;
  /** The newest migration Job before it that connected as another role: the role that owned the schema's objects until then. */
  earlier?: { job: string; role: string };
}

/** The migration Job of the namespace that ran in the trigger window before the first failure, nearest first. */
export function findMigrationJob(jobs: readonly NamespaceJobEvidence[], onset: IsoTime | undefined): MigrationJob | undefined {
  if (onset === undefined) return undefined;
  const fits = jobs.flatMap((job) => {
    if (job.createdAt === undefined || job.state === 'suspended') return [];
    const lead = msBetween(job.createdAt, onset);
    if (lead < -TRIGGER_SKEW_MS || lead > TRIGGER_WINDOW_MS) return [];
    if (!MIGRATION.test([job.name, ...(job.commandAndEnv ?? [])].join(' '))) return [];
    const role = findConnectRole(job.commandAndEnv ?? []);
    return [{ job, lead, ...(role ? { role } : {}) }];
  });
  const nearest = fits.sort((a, b) => a.lead - b.lead)[0];
  if (nearest?.role === undefined || nearest.job.createdAt === undefined) return nearest;
  const started = nearest.job.createdAt;
  const earlier = jobs
    .filter((j) => j.name !== nearest.job.name && j.createdAt !== undefined && msBetween(j.createdAt, started) > 0 && MIGRATION.test([j.name, ...(j.commandAndEnv ?? [])].join(' ')))
    .sort((a, b) => msBetween(a.createdAt ?? started, b.createdAt ?? started))
    .flatMap((j) => { const role = findConnectRole(j.commandAndEnv ?? []); return role ? [{ job: j.name, role }] : []; })[0];
  return earlier !== undefined && earlier.role !== nearest.role ? { ...nearest, earlier } : nearest;
}

/** The GRANT the object needs; the privileges listed are the usual ones, the app's needs decide. */
function grantFor(r: PrivilegeRefusal, role: string): string {
  switch (r.object) {
    case 'sequence': return `GRANT USAGE, SELECT ON SEQUENCE ${r.name} TO ${role}`;
    case 'schema': return `GRANT USAGE ON SCHEMA ${r.name} TO ${role}`;
    case 'function': return `GRANT EXECUTE ON FUNCTION ${r.name} TO ${role}`;
    case 'database': return `GRANT CONNECT ON DATABASE ${r.name} TO ${role}`;
    default: return `GRANT SELECT (and the INSERT/UPDATE/DELETE it uses) ON ${r.name} TO ${role}`;
  }
}

export interface PrivilegeReading {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/** The words of a finding: the missing grant is the cause and the fix, the migration's role the likely origin. */
export function tellPrivilegeRefusal(r: PrivilegeRefusal, appRole: string | undefined, migration: MigrationJob | undefined, serving = false): PrivilegeReading {
  const role = appRole ?? "the app's role";
  const grant = grantFor(r, appRole ?? '<app role>');
  const other = migration?.role !== undefined && migration.role !== appRole ? migration.role : undefined;
  const ran = migration ? `migration Job ${migration.job.name}${other ? ` (as ${other})` : ''} ran ${formatSpan(Math.max(0, migration.lead))} before the first failure` : undefined;
  const defaults = `ALTER DEFAULT PRIVILEGES FOR ROLE ${other ?? '<migration role>'} IN SCHEMA <schema> GRANT … ON ${r.object === 'sequence' ? 'SEQUENCES' : 'TABLES'} TO ${role}`;
  // The earlier migration ran as another role: the new one's role is the change, that role the way back.
  const owner = other !== undefined && migration?.earlier !== undefined ? migration.earlier : undefined;
  const usual = owner ? ` (the earlier migration Job ${owner.job} ran as ${owner.role})` : '';
  const reassign = owner ? `, or reassign it to the role that owns the rest (\`ALTER ${r.object === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${r.name} OWNER TO ${owner.role}\`), and run the migrations as ${owner.role} again` : '';
  return {
    title: `: PostgreSQL denies role ${role} on ${r.object} ${r.name} (42501, no GRANT)${migration ? ` after migration Job ${migration.job.name} ran${other ? ` as ${other}` : ''}${owner ? `, not ${owner.role}` : ''}` : ''}`,
    cause:
      `PostgreSQL answered "permission denied for ${r.object} ${r.name}" (SQLSTATE 42501): the server is up and the login worked, but role ${role} has no privilege on ${r.name}. ` +
      `An object belongs to the role that created it and no other role may use it until granted: a migration run as another role${ran ? ` — ${ran}${usual} —` : ''} that creates it without a GRANT (and without ALTER DEFAULT PRIVILEGES) locks the app out, so the code that first reads it fails while code that never touches it keeps working.`,
    action: `Grant the app's role the privileges on ${r.name} (\`${grant}\`, as its owner${other ? ` ${other}` : ''} or a superuser)${reassign}; ${serving ? 'the queries succeed at once, no restart needed' : 'the pods start on their next restart'}. Then make the migration grant them too (or \`${defaults}\`) so the next new ${r.object} does not repeat it.`,
    fix: `GRANT ${role} the privileges it needs on ${r.name}${owner ? ` (or make ${owner.role} its owner)` : ''} and make the migration grant them${owner ? ` or run it as ${owner.role}` : ' (or ALTER DEFAULT PRIVILEGES)'}`,
    evidence: [
      `PostgreSQL: permission denied for ${r.object} ${r.name} (SQLSTATE 42501) for role ${role}`,
      ...(migration ? [`Job ${migration.job.name}${migration.role ? ` connects as ${migration.role}` : ''}: started ${formatSpan(Math.max(0, migration.lead))} before the first failure, ${migration.job.state}`] : []),
      ...(owner ? [`Job ${owner.job}, the migration before it, connected as ${owner.role}`] : []),
    ],
  };
}

/**
 * Ready pods whose queries PostgreSQL refuses for a privilege: the pods serve, the code that reads
 * the object fails on every request. Told like a crash's refusal, as a diagnosis of their log errors.
 */
export function explainPrivilegeRefusal(errors: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[], jobs: readonly NamespaceJobEvidence[], onset: IsoTime | undefined): ClientDiagnosis | undefined {
  const refused = findPrivilegeRefusal(errors);
  if (refused === undefined) return undefined;
  const appRole = containers.map((c) => findConnectRole(c.env ?? [])).find((r) => r !== undefined);
  const migration = findMigrationJob(jobs, onset);
  const told = tellPrivilegeRefusal(refused, appRole, migration, true);
  return {
    summary: told.title.replace(/^: /, ''),
    title: (where) => `Queries in ${where} are refused${told.title}`,
    decisive: refused.line,
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    evidence: told.evidence,
  };
}

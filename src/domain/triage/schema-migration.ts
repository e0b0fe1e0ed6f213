/**
 * Schema migrations the code expects and nobody applied, as the app's own framework says it, and
 * the migration step a revision stopped running. Frameworks refuse to serve (or to start) against
 * a schema older than their code: the database answers, the app says no.
 */
import type { RevisionContainerEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

export interface PendingMigration {
  framework: string;
  /** The log line that says so, trimmed. */
  line: string;
  /** The framework's own words in it, without the logger's prefix. */
  quote: string;
  /** One migration it names, when it names one. */
  migration?: string;
  /** The command that applies them. */
  run: string;
}

interface Sign {
  framework: string;
  pattern: RegExp;
  run: string;
  /** Where the framework names a pending migration, in any line of the same log. */
  named?: RegExp;
}

const SIGNS: readonly Sign[] = [
  { framework: 'Rails', pattern: /ActiveRecord::PendingMigrationError|Migrations are pending\. To resolve this issue/, run: 'bin/rails db:migrate', named: /(?:db\/migrate\/|^\s*)(\d{8,}_\w+)\.rb\b/ },
  { framework: 'Phoenix', pattern: /Phoenix\.Ecto\.PendingMigrationError|there are pending migrations for repo/i, run: 'mix ecto.migrate', named: /priv\/repo\/migrations\/(\d{3,}_\w+)\.exs/ },
  { framework: 'Django', pattern: /You have \d+ unapplied migration\(s\)/, run: 'python manage.py migrate' },
  // Validation on start-up (validateOnMigrate, or migrate disabled) lists what the database lacks.
  { framework: 'Flyway', pattern: /Detected resolved migration not applied to database/i, run: 'flyway migrate', named: /not applied to database: ([\w.-]+)/i },
  { framework: 'Liquibase', pattern: /\d+ changesets? ha(?:ve|s) not been applied/i, run: 'liquibase update' },
  { framework: 'Prisma', pattern: /Following migrations? ha(?:ve|s) not yet been applied/i, run: 'prisma migrate deploy', named: /^\s*(\d{8,}_\w+)\s*$/ },
  { framework: 'Alembic', pattern: /Target database is not up to date/, run: 'alembic upgrade head' },
];

/** What a log tail says about migrations the code expects and the database lacks. */
export function findPendingMigration(lines: readonly string[]): PendingMigration | undefined {
  for (const s of SIGNS) {
    const line = lines.find((l) => s.pattern.test(l));
    const at = line === undefined ? undefined : s.pattern.exec(line)?.index;
    if (line === undefined || at === undefined) continue;
    const migration = s.named === undefined ? undefined : lines.map((l) => s.named?.exec(l)?.[1]).find((m) => m !== undefined);
    return { framework: s.framework, line: line.trim(), quote: line.slice(at).replace(/\s*\($/, '').trim(), run: s.run, ...(migration === undefined ? {} : { migration }) };
  }
  return undefined;
}

const MIGRATES = /migrat|flyway|liquibase|alembic\s+upgrade/i;

/** "init container db-migrate (bundle exec rails db:migrate)": a container whose job is to migrate. */
function describeStep(c: RevisionContainerEvidence, role: string): string | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  if (!MIGRATES.test(c.name) && !MIGRATES.test(argv)) return undefined;
  return `${role} ${c.name}${argv ? ` (${argv})` : ''}`;
}

export interface DroppedStep {
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  /** What the previous revision ran and this one does not. */
  step: string;
}

/**
 * The newest revision that stopped running a migration step its predecessor ran: an init
 * container removed, or a migrate command gone from a container's command line.
 */
export function findDroppedMigrationStep(revisions: readonly RevisionEvidence[]): DroppedStep | undefined {
  const [newer, older] = sortRevisions(revisions);
  if (newer === undefined || older === undefined) return undefined;
  for (const c of older.template?.initContainers ?? []) {
    const step = describeStep(c, 'init container');
    const still = newer.template?.initContainers.find((n) => n.name === c.name);
    if (step !== undefined && (still === undefined || describeStep(still, 'init container') === undefined)) return { revision: newer, previous: older, step };
  }
  for (const c of older.containers) {
    const argv = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    const now = newer.containers.find((n) => n.name === c.name);
    const nowArgv = [...(now?.command ?? []), ...(now?.args ?? [])].join(' ');
    if (MIGRATES.test(argv) && now !== undefined && !MIGRATES.test(nowArgv)) return { revision: newer, previous: older, step: `the migrate command of container ${c.name} (${argv})` };
  }
  return undefined;
}

/**
 * An app that runs its schema migrations at start-up and waits for the migration tool's lock:
 * Liquibase's changelog lock (a flag row in DATABASECHANGELOGLOCK, "Waiting for changelog
 * lock...."), Knex's migration lock (knex_migrations_lock, "Migration table is already locked").
 * The lock is a row in the database, not a session's lock: a run that dies while it holds it (a
 * migration Job OOMKilled mid-changeset, a pod killed mid-migration) never releases it, so every
 * new pod, of any revision, waits for it until its probe (or the tool's own wait) gives up. A
 * rollback meets the same lock. The fix: make sure no migration runs, then release the lock with
 * the tool's own command, and re-run the migration. A migration Job that still runs holds it
 * rightly: wait for it.
 */
import { capitalize } from '../text.js';
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence, ProbeEvidence, TriageTarget } from './evidence.js';
import type { MigrationLockRunEvidence } from './evidence-migration-lock-runs.js';
import { MIGRATION } from './pg-privilege.js';
import { describeStartupBudget } from './startup-budget.js';
import type { StillLoadingMiss } from './probe-still-loading.js';
import { HOUR_MS, formatAgo, msBetween } from './time-span.js';

interface LockTool {
  tool: string;
  /** The app's words that it waits for the lock, or gave up on it. */
  wait: RegExp;
  /** Who holds it, when the tool says (group 1). */
  lockedBy?: RegExp;
  /** A run's words that it took the lock, and released it. */
  acquired: RegExp;
  released: RegExp;
  /** The lock, in a few words, and with where it lives. */
  name: string;
  lock: string;
  /** How to release it by hand. */
  release: string;
}

const TOOLS: readonly LockTool[] = [
  {
    tool: 'Liquibase',
    wait: /Waiting for change ?log lock|Could not acquire change ?log lock/i,
    lockedBy: /Currently locked by (.+?)(?: since\b|$)/i,
    acquired: /Successfully acquired change ?log lock/i,
    released: /Successfully released change ?log lock/i,
    name: 'the Liquibase changelog lock',
    lock: 'the Liquibase changelog lock (LOCKED=true in DATABASECHANGELOGLOCK)',
    release: '`liquibase releaseLocks`, or UPDATE DATABASECHANGELOGLOCK SET LOCKED=FALSE, LOCKGRANTED=NULL, LOCKEDBY=NULL WHERE ID=1',
  },
  {
    tool: 'Knex',
    wait: /Migration table is already locked|Can't take lock to run migrations/i,
    acquired: /(?!)/,
    released: /(?!)/,
    name: 'the Knex migration lock',
    lock: 'the Knex migration lock (is_locked=1 in knex_migrations_lock)',
    release: '`knex migrate:unlock`, or UPDATE knex_migrations_lock SET is_locked = 0',
  },
];

/** A failed Job this long before collection may still be what left the lock held. */
const WITHIN_MS = 24 * HOUR_MS;
const MAX_RUNS = 2;
const MAX_LINES = 8;
const MAX_CHARS = 300;
/** A run's last lines: the step it was in when it ended. */
const LAST_LINES = 3;

export interface MigrationLockWait {
  tool: LockTool;
  /** The app's own line. */
  line: string;
  /** Who holds the lock, when the tool says ("order-service-7d9-x (10.0.1.2)"). */
  holder?: string;
}

/** The lock the app waits for, from its log's last lines: the wait must be the last thing it said of the lock (not followed by taking it). */
export function findMigrationLockWait(logs: readonly LogEvidence[]): MigrationLockWait | undefined {
  for (const log of logs) {
    const lines = log.lines.slice(-80);
    for (const tool of TOOLS) {
      const waits = lines.filter((l) => tool.wait.test(l));
      const last = waits.at(-1);
      if (last === undefined) continue;
      if (lines.slice(lines.lastIndexOf(last)).some((l) => tool.acquired.test(l))) continue;
      const holder = tool.lockedBy === undefined ? undefined : lines.map((l) => tool.lockedBy?.exec(l)?.[1]?.trim()).filter((x): x is string => x !== undefined).at(-1);
      return { tool, line: last.trim(), ...(holder ? { holder } : {}) };
    }
  }
  return undefined;
}

/** Whether the namespace's migration Jobs are worth a look: the workload (not a Job) waits for its migration lock. */
export function needsMigrationLockRuns(target: Pick<TriageTarget, 'kind'>, logs: readonly LogEvidence[]): boolean {
  if (target.kind === 'Job' || target.kind === 'CronJob') return false;
  return findMigrationLockWait(logs) !== undefined;
}

/** The migration Jobs (by name or command) that run now or failed within the day, newest first, at most two. */
export function pickMigrationLockRuns(jobs: NamespaceJobsEvidence, now: IsoTime): NamespaceJobEvidence[] {
  const fits = (j: NamespaceJobEvidence): boolean =>
    MIGRATION.test([j.name, ...(j.commandAndEnv ?? [])].join(' ')) &&
    (j.state === 'running' || (j.state === 'failed' && j.finishedAt !== undefined && msBetween(j.finishedAt, now) <= WITHIN_MS));
  return jobs.jobs.filter(fits).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')).slice(0, MAX_RUNS);
}

/** The lines of a migration run's log worth keeping: what it said of the lock, and its last steps. */
export function keepMigrationLockLines(lines: readonly string[]): string[] {
  const about = (l: string) => TOOLS.some((t) => t.acquired.test(l) || t.released.test(l) || t.wait.test(l));
  const keep = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => l.trim() !== '' && (about(l) || i >= lines.length - LAST_LINES));
  return keep.slice(-MAX_LINES).map(({ l }) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

interface Leaver {
  run: MigrationLockRunEvidence;
  running: boolean;
  /** Its log says it took the lock and never released it. */
  tookIt: boolean;
  /** The step its log ends on. */
  step?: string;
}

/** The migration run that holds the lock: one running now, else a failed one (the one whose log took it and never released it first). */
function findLeaver(tool: LockTool, runs: readonly MigrationLockRunEvidence[]): Leaver | undefined {
  const tookIt = (r: MigrationLockRunEvidence): boolean => {
    const at = r.lines.findLastIndex((l) => tool.acquired.test(l));
    return at >= 0 && !r.lines.slice(at).some((l) => tool.released.test(l));
  };
  const running = runs.find((r) => r.state === 'running');
  const failed = runs.filter((r) => r.state === 'failed');
  const run = running ?? failed.find(tookIt) ?? failed[0];
  if (run === undefined) return undefined;
  const step = [...run.lines].reverse().find((l) => !tool.acquired.test(l) && !tool.released.test(l));
  return { run, running: run === running, tookIt: tookIt(run), ...(step ? { step } : {}) };
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export interface MigrationLockInput {
  probeName: string;
  probe: ProbeEvidence | undefined;
  /** The killed container's logs, current and previous. */
  logs: readonly LogEvidence[];
  container: string;
  runs: readonly MigrationLockRunEvidence[];
  now: IsoTime;
}

/** The reading, when the probe kills an app whose log says it waits for its migration tool's lock; else undefined. */
export function explainMigrationLockWait(input: MigrationLockInput): StillLoadingMiss | undefined {
  const wait = findMigrationLockWait(input.logs);
  if (wait === undefined) return undefined;
  const { tool } = wait;
  const leaver = findLeaver(tool, input.runs);
  const budget = input.probe ? describeStartupBudget(input.probe) : undefined;
  const quote = clip(wait.line.replace(/^.*?\s:\s/, ''), 160);
  const job = leaver ? `migration Job ${leaver.run.job}` : undefined;
  const ended = leaver?.run.terminated?.reason ?? (leaver?.run.terminated?.exitCode !== undefined ? `exit ${leaver.run.terminated.exitCode}` : 'failed');
  const when = leaver?.run.finishedAt ? ` ${formatAgo(leaver.run.finishedAt, input.now)}` : '';
  const mid = leaver?.step ? ` in the middle of "${clip(leaver.step, 120)}"` : '';

  let holder: string;
  let brief: string;
  let fix: string;
  if (leaver?.running) {
    holder = `${job}, which is still running${leaver.run.createdAt ? ` (started ${formatAgo(leaver.run.createdAt, input.now)})` : ''}`;
    brief = `held by ${holder}`;
    fix = `let ${job} finish (it holds the lock while it runs, and the pods start once it releases it); if it is stuck, stop it, check no other migration runs, and release the lock (${tool.release})`;
  } else {
    const how = ended === 'failed' ? 'failed' : ended === 'OOMKilled' ? 'was OOMKilled' : `ended (${ended})`;
    holder = leaver
      ? `${job}, which ${how}${when}${leaver.tookIt ? ' after it took the lock' : ''}${mid}, so it never released it`
      : wait.holder
        ? `${wait.holder}, a run that died mid-migration without releasing it (the lock outlives the run)`
        : 'a migration run that died without releasing it (a migration Job or a pod killed mid-migration: the lock outlives the run), or one still running';
    brief = leaver
      ? `left held by ${job}, which ${how}${when}${leaver.tookIt ? ' mid-migration' : ''}`
      : wait.holder ? `held by ${wait.holder}` : 'held by a run that died mid-migration (or one still running)';
    const rerun = leaver ? `, then re-run ${job}${leaver.run.terminated?.reason === 'OOMKilled' ? ' with more memory (it was OOMKilled)' : ' once what killed it is fixed'}` : '';
    fix = `check that no migration is running, then release the stale ${tool.tool} lock (${tool.release})${rerun}`;
  }
  const limit = budget ? `the ${input.probeName} probe's ${budget.seconds}s run out` : `the ${input.probeName} probe gives up`;
  return {
    scope: `it waits at start-up for ${tool.name} ("${quote}"), ${brief}, until ${limit}`,
    why: `${input.container} runs its ${tool.tool} migrations at start-up and waits for ${tool.lock}, held by ${holder}. The lock is a row in the database, not a connection's lock: a run that dies holding it never releases it. Every start waits for it until ${limit}, and the next start waits again`,
    fix,
    action: `${capitalize(fix)}. Restarting the pods or rolling back does not help: a pod of any revision waits for the same lock.`,
    decisive: quote,
    evidence: [
      `the killed runs' log: ${clip(wait.line, 200)}`,
      ...(leaver ? [`Job ${leaver.run.job}: ${leaver.run.state}${leaver.run.terminated ? ` (${[leaver.run.terminated.reason, leaver.run.terminated.exitCode === undefined ? undefined : `exit ${leaver.run.terminated.exitCode}`].filter(Boolean).join(', ')})` : ''}${when ? `,${when}` : ''}`, ...leaver.run.lines.slice(-4).map((l) => `log ${leaver.run.pod} (Job ${leaver.run.job}): ${l}`)] : []),
    ],
    ...(leaver ? { jobs: [leaver.run.job] } : {}),
    outsideWorkload: `${tool.name} is held by ${leaver ? `${job}` : 'a migration run'}: a pod of any revision waits for the same lock`,
  };
}

/**
 * Queries that wait behind a DDL statement in Postgres' lock queue: an ALTER TABLE needs an
 * ACCESS EXCLUSIVE lock, waits for a long transaction that holds even a weak lock on the table (an
 * export's snapshot), and every later query on that table queues behind the ALTER, not behind the
 * transaction. Without a lock_timeout the migration stalls the whole table; the workload's
 * exhausted pool and statement timeouts are the symptom. The database's log (log_lock_waits) names
 * both processes; the namespace's running Jobs say which Job runs each.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { NamespaceJobEvidence } from '../evidence-context.js';
import type { LockHolder } from '../database-locks.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/** A Job whose name or image says it changes the schema. */
const MIGRATION = /migrat|flyway|liquibase|alembic|schema|prisma|knex/i;

function clip(s: string, n = 100): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The table a DDL statement names: ALTER TABLE [ONLY] [IF EXISTS] name. */
function tableOf(statement: string | undefined): string | undefined {
  return /\b(?:ALTER|LOCK|TRUNCATE|DROP)\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?("?[\w.]+"?)/i.exec(statement ?? '')?.[1]?.replace(/"/g, '');
}

/** The running Jobs of the namespace that name the database: the holder's (its application_name) and the migration's. */
function findJobs(ev: TriageEvidence, service: string, holder: LockHolder): { holderJob?: NamespaceJobEvidence; headJob?: NamespaceJobEvidence } {
  const running = (ev.namespaceJobs?.jobs ?? []).filter((j) => j.state === 'running' && (j.commandAndEnv ?? []).some((c) => c.includes(service)));
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const app = holder.application === undefined ? undefined : norm(holder.application);
  const holderJob = app === undefined || app.length < 3 ? undefined : running.find((j) => norm(j.owner?.name ?? j.name).startsWith(app) || app.startsWith(norm(j.owner?.name ?? j.name)));
  const others = running.filter((j) => j !== holderJob).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const headJob = others.find((j) => MIGRATION.test(j.name) || (j.commandAndEnv ?? []).some((c) => MIGRATION.test(c))) ?? (others.length === 1 ? others[0] : undefined);
  return { ...(holderJob ? { holderJob } : {}), ...(headJob ? { headJob } : {}) };
}

function jobName(j: NamespaceJobEvidence): string {
  return j.owner?.kind === 'CronJob' ? `CronJob ${j.owner.name}` : `Job ${j.name}`;
}

export function describeLockQueue(ev: TriageEvidence, service: string, dbPod: string, holder: LockHolder, slow: readonly { log: LogEvidence; line: string }[], pods: string[], podObjects: PodEvidence[], unhealthy: number): Finding {
  const head = holder.queueHead!;
  const table = tableOf(head.statement);
  const lockName = head.lock === 'AccessExclusiveLock' ? 'ACCESS EXCLUSIVE lock' : head.lock;
  const { holderJob, headJob } = findJobs(ev, service, holder);
  const now = ev.collectedAt;
  const waiter = headJob ? `${jobName(headJob)}${headJob.createdAt ? ` (started ${formatAgo(headJob.createdAt, now)})` : ''}: its process ${head.pid}` : `process ${head.pid}${head.application ? ` (${head.application})` : ''}`;
  const holding = holderJob ? `${jobName(holderJob)}'s long transaction (process ${holder.pid}${holderJob.createdAt ? `, started ${formatAgo(holderJob.createdAt, now)}` : ''})` : `process ${holder.pid}'s long transaction${holder.application ? ` (${holder.application})` : ''}`;
  const stmt = head.statement ? `'s ${clip(head.statement, 60)}` : '';
  const example = slow.at(-1);
  const stopWaiter = headJob ? `delete Job ${headJob.name}, or pg_cancel_backend(${head.pid})` : `pg_cancel_backend(${head.pid}) on ${service}`;
  const fix = `cancel the waiting DDL (${stopWaiter}) or end process ${holder.pid}'s transaction; rerun the migration with a lock_timeout, outside that transaction's window`;
  return {
    id: `lock-wait/${service}`,
    kind: 'lock-wait',
    title: `${waiter}${stmt} waits for an ${lockName} on ${table ?? 'a table'} in ${service} behind ${holding}, and every query on ${table ?? 'it'} queues behind it (${pods.length} pod${pods.length === 1 ? '' : 's'} time out)`,
    layer: 'network/routing',
    severity: unhealthy > 0 ? severityForPods(ev, unhealthy) : 'warning',
    confidence: 'high',
    evidence: [
      ...holder.lines.slice(0, 2).map((l) => `log ${dbPod}: ${clip(l, 300)}`),
      ...(head.statement ? [`process ${head.pid} waits for ${head.lock}: ${clip(head.statement, 300)}`] : []),
      ...(holder.statement ? [`process ${holder.pid} (the holder) ran: ${clip(holder.statement, 200)}`] : []),
      `${slow.length} statement-timeout lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      `${holder.waits} lock waits in ${dbPod}'s log name process ${holder.pid} as the holder; process ${head.pid} heads their wait queue`,
      ...(example ? [`log ${example.log.pod}: ${clip(example.line.trim(), 300)}`] : []),
    ],
    decisive: holder.lines.find((l) => /holding the lock/.test(l)) ?? holder.lines[0] ?? '',
    likelyCause: `${head.statement ? clip(head.statement, 60) : 'A DDL statement'} needs an ACCESS EXCLUSIVE lock on ${table ?? 'the table'}, which conflicts with every other lock, even the ACCESS SHARE a plain SELECT takes. ${holding} still holds a lock on ${table ?? 'the table'}, so the DDL waits; Postgres queues every later request for the table behind the waiting DDL, so the workload's queries wait too, until their statement timeout, and its connection pool fills with them. Without a lock_timeout the migration waits as long as the transaction runs. The workload itself and the database are fine; rolling back the workload will not help.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Cancelling the DDL releases the queue at once; the workload recovers by itself.`,
    fix,
    ...(headJob?.createdAt ? { onset: headJob.createdAt, datesChange: true as const } : {}),
    outsideWorkload: `a migration waits on ${service} for a long transaction, and the workload's queries queue behind it`,
    confirmCommands: [formatKubectl(ev.target, `logs ${dbPod} --tail=200 | grep -A2 'still waiting'`), ...(headJob ? [formatKubectl(ev.target, `logs job/${headJob.name} --tail=50`)] : [])],
    affected: { pods, nodes: listNodesOf(podObjects), ...(headJob || holderJob ? { jobs: [headJob, holderJob].flatMap((j) => (j ? [j.name] : [])) } : {}) },
  };
}

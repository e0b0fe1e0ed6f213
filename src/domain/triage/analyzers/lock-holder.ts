/**
 * The workload's statements time out waiting for locks another client of its database holds
 * (lock-holder-sessions.ts). The database's log (log_lock_waits) names the holding pids; a session
 * listing of the hour says whose sessions they are and that they sit "idle in transaction": a
 * client that took row locks and never committed nor rolled back. Another Deployment of the
 * namespace on the same database, named by the sessions' application_name or sharing the database
 * in its env, whose newest revision came just before the first timeout is the trigger: move it
 * back, and end the sessions to release the rows now. The waiting workload is not blamed.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { describeRevisionAt, imageVersion } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import { findLockHolder, listLockHolders, readApplication } from '../database-locks.js';
import { tieBySharedDatabase } from '../database-address.js';
import { type SessionRow, findLockTimeouts, readAgeMinutes, readSessionRows } from '../lock-holder-sessions.js';
import { pickTiedRollout } from '../tied-rollout.js';
import { capitalize, joinAnd, truncate } from '../../text.js';

/** A change of a revision that bears on how long it keeps a transaction open. */
const TRANSACTION_CHANGE = /TRANSACTION|TX|LOCK|TIMEOUT|BATCH|COMMIT|ISOLATION|POOL/i;
const IDLE_IN_TRANSACTION = /^idle in transaction/i;
/** An application_name a driver sets by default: it names no workload. */
const DRIVER_NAME = /JDBC Driver|Npgsql|psycopg|asyncpg|node-postgres|pgx|libpq|^\[unknown\]$/i;

/** Whether an application_name names the workload itself ("orders-api", "orders-api/1.2.0"). */
function namesWorkload(application: string, name: string): boolean {
  return new RegExp(`(?:^|[^\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^\\w-]|$)`).test(application);
}

/** The database whose log names the holders, with its lines. */
function findHolderLog(ev: TriageEvidence): { service: string; pod: string; lines: string[]; holders: string[] } | undefined {
  for (const d of ev.dependencyPods ?? []) {
    const lines = d.logs.flatMap((l) => l.lines);
    const holders = listLockHolders(lines).map((h) => h.pid);
    if (holders.length > 0) return { service: d.service, pod: d.pod.name, lines, holders };
  }
  return undefined;
}

/** The holders' rows in the newest session listing of that database (else its idle-in-transaction rows). */
function findHolderRows(ev: TriageEvidence, database: string | undefined, holders: readonly string[]): SessionRow[] {
  const listing = [...(ev.sessionListings ?? [])].filter((s) => database === undefined || s.database === database).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
  const rows = listing === undefined ? [] : readSessionRows(listing.lines);
  return holders.length > 0 ? rows.filter((r) => holders.includes(r.pid)) : rows.filter((r) => IDLE_IN_TRANSACTION.test(r.state ?? ''));
}

export function analyzeLockHolder(ev: TriageEvidence): Finding[] {
  const now = ev.collectedAt;
  const t = findLockTimeouts({ logs: ev.logs, pods: ev.pods, collectedAt: now });
  const last = t?.hits.at(-1);
  if (t === undefined || last === undefined) return [];
  const db = findHolderLog(ev);
  const rows = findHolderRows(ev, db?.service, db?.holders ?? []);
  const pids = db?.holders ?? rows.map((r) => r.pid);
  if (pids.length === 0) return [];
  const applications = unique([...rows.flatMap((r) => (r.application ? [r.application] : [])), ...(db ? pids.flatMap((p) => readApplication(db.lines, p) ?? []) : [])]).filter((a) => !DRIVER_NAME.test(a));
  // The workload's own sessions hold what it waits on: its own change is the one to look at, not another client's.
  const own = applications.length > 0 && applications.every((a) => namesWorkload(a, ev.target.name));
  const idle = rows.filter((r) => IDLE_IN_TRANSACTION.test(r.state ?? ''));
  const pods = unique(t.hits.map((h) => h.pod));
  const p = own ? undefined : pickTiedRollout(ev, {
    onset: t.onset ?? now,
    pods,
    lines: applications,
    strongEnv: tieBySharedDatabase(ev.target.namespace, 'use'),
    bearing: TRANSACTION_CHANGE,
    tiedOnly: true,
  });
  const podObjects = ev.pods.filter((x) => pods.includes(x.name));
  const ready = podObjects.filter((x) => !isPodFailing(x, now)).length;
  const code = t.code ? ` (${/^\d+$/.test(t.code) ? 'error' : 'SQLSTATE'} ${t.code})` : '';
  const where = `${t.hits.length} lock timeouts${code} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const rowLocks = db?.lines.some((l) => /still waiting for \w+ on transaction \d+/.test(l)) ? 'row locks' : 'locks';
  const longest = Math.max(0, ...idle.map((r) => readAgeMinutes(r.age) ?? 0));
  const pidWords = `pid${pids.length === 1 ? '' : 's'} ${joinAnd(pids.slice(0, 3))}`;
  const state = idle.length > 0 ? `, idle in transaction${longest >= 1 ? ` for up to ${Math.round(longest)} min` : ''}` : '';
  const holder = own ? undefined : p?.deployment ?? applications[0];
  const on = db ? ` on ${db.service}` : '';
  const revision = p ? describeRevisionAt(p.newest, now) : '';
  const title = holder
    ? `Statements time out on ${rowLocks} held by ${holder}'s sessions${on} (${pidWords}${state})${p ? ` since its ${revision}` : ''}: ${where}`
    : `Statements time out on ${rowLocks} held by ${own ? 'its own' : 'other'} sessions${on} (${pidWords}${state}): ${where}`;
  const prev = p?.previous;
  const end = `end ${pids.length === 1 ? 'that session' : 'those sessions'}${db ? ` on ${db.service}` : ''} (SELECT pg_terminate_backend(pid) for ${joinAnd(pids.slice(0, 3))}) to release the rows now`;
  // A session seen idle in transaction is a transaction left open: the server's timeout for those ends the next one.
  const guard = idle.length > 0 ? 'set idle_in_transaction_session_timeout so a transaction left open cannot hold them again' : 'keep its transactions short';
  const fix = p && prev
    ? `roll ${p.deployment} back to revision ${prev.revision}${imageVersion(prev.containers) ? ` (${imageVersion(prev.containers)})` : ''}, ${end}, and ${guard}`
    : `${end}, find the code path of ${holder ?? (own ? 'the workload' : 'the holding client')} that leaves its transaction open, and ${guard}`;
  const held = idle.length > 0
    ? `took ${rowLocks} and then sat idle in transaction — neither committing nor rolling back —`
    : 'hold the locks in transactions that stay open';
  return [{
    id: `lock-wait/holder/${holder ?? db?.service ?? ev.target.name}`,
    kind: 'lock-wait',
    title,
    ...(p ? { datesChange: true as const } : {}),
    layer: 'network/routing',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: p || applications.length > 0 ? 'high' : 'medium',
    evidence: [
      `${t.hits.length} lock timeouts in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      `log ${last.pod}: ${truncate(last.line, 300)}`,
      ...(db ? (findLockHolder(db.lines)?.lines ?? []).map((l) => `log ${db.pod}: ${truncate(l, 300)}`) : []),
      ...rows.slice(0, 3).map((r) => `session ${r.pid}: ${[r.application, r.client, r.state, r.age ? `for ${r.age}` : undefined, r.query ? truncate(r.query, 100) : undefined].filter((x) => x !== undefined).join(', ')}`),
      ...(p ? [
        `Deployment ${p.deployment}: revision ${p.newest.revision} (${p.newest.containers.map((x) => x.image).join(', ')}) rolled out ${formatAgo(p.newest.createdAt, now)}${p.newest.changeCause ? ` — ${p.newest.changeCause}` : ''}${prev ? `; revision ${prev.revision} before it` : ''}`,
        `${p.deployment} holds them: ${p.by ?? 'nearest rollout'}`,
      ] : []),
    ],
    decisive: condenseStructuredLine(last.line),
    likelyCause:
      `${holder ? `${capitalize(holder)}'s sessions` : own ? "The workload's own sessions" : 'Other sessions'}${on} (${pidWords}) ${held} so every statement of the workload that needs those rows waits until its lock timeout and fails; the database and the workload itself are fine. ` +
      (p
        ? `${p.deployment}'s ${revision} came just before the first timeout: a code path of it that leaves its transaction open (an error or an early return without COMMIT or ROLLBACK).`
        : own ? 'A code path of the workload leaves its transaction open (an error or an early return without COMMIT or ROLLBACK), and its other requests wait on it.'
        : 'No rollout of the client that holds them was found just before the first timeout: it may be a manual session, a Job, or a code path that only now leaves its transaction open.'),
    nextAction: `${capitalize(fix)}.${own ? '' : ' Do not change the workload nor raise its lock timeout: it waits on the holder.'}`,
    fix,
    ...(holder ? { outsideWorkload: `${holder}'s sessions hold the ${rowLocks} the workload's statements wait on` } : {}),
    ...(t.onset ? { onset: t.onset } : {}),
    confirmCommands: [
      ...(db ? [formatKubectl(ev.target, `logs ${db.pod} --tail=200 | grep -A1 'still waiting'`)] : []),
      ...(p ? [formatKubectl(ev.target, `rollout history deployment/${p.deployment} --revision=${p.newest.revision}`)] : []),
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}

/**
 * The workload's queries time out on a lock because a schema change of the namespace waits for the
 * table's metadata lock behind an open transaction, and every later statement on that table queues
 * behind the ALTER (metadata-lock.ts). The workload and the database are fine; killing the idle
 * transaction (or the ALTER) releases the queue, and the migration reruns with a short lock_wait_timeout.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo, formatSpan } from '../time-span.js';
import { findMetadataLockQueue, readProcessRow } from '../metadata-lock.js';

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function analyzeMetadataLock(ev: TriageEvidence): Finding[] {
  const found = findMetadataLockQueue(ev);
  if (found === undefined) return [];
  const { run, statement, table, waitLine, waitedS, queued, holder, waits } = found;
  const now = ev.collectedAt;
  const pods = unique(waits.map((w) => w.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const failing = podObjects.filter((p) => isPodFailing(p, now)).length;
  const on = table ? `table ${table}` : 'the table';
  const started = run.createdAt ? `started ${formatAgo(run.createdAt, now)}` : 'running';
  const runs = `Job ${run.job} (${started}, still running)`;
  const verb = /^\s*ALTER\s+TABLE/i.test(statement) ? 'ALTER TABLE' : 'schema change';
  const holderJob = holder?.job ? `, likely ${holder.job.owner?.kind === 'CronJob' ? `CronJob ${holder.job.owner.name}'s run ` : 'Job '}${holder.job.name} (started ${holder.job.createdAt ? formatAgo(holder.job.createdAt, now) : 'before'})` : '';
  const holderText = holder ? `an open transaction on idle connection ${holder.id} (user ${holder.user}, Sleep for ${formatSpan(holder.time * 1000)}${holderJob})` : 'a transaction still open on that table';
  const holderShort = holder ? `an open transaction on idle connection ${holder.id} (${holder.user}, Sleep ${formatSpan(holder.time * 1000)}${holder.job ? `; likely ${holder.job.owner?.kind === 'CronJob' ? `CronJob ${holder.job.owner.name}` : `Job ${holder.job.name}`}` : ''})` : 'a transaction still open on that table';
  const row = (l: string) => { const r = readProcessRow(l); return r ? `processlist ${r.id} ${r.user} ${r.command} ${r.time}s "${r.state}": ${r.info}` : l; };
  const kill = holder ? `KILL ${holder.id} (the idle transaction${holder.job ? ` of ${holder.job.name}` : ''})` : 'kill the long-running transaction that touched the table (the oldest idle "Sleep" connection in SHOW FULL PROCESSLIST / information_schema.innodb_trx)';
  const fix = `${kill}, or stop the ${verb} (${formatKubectl(ev.target, `delete job ${run.job}`)}) — the queued queries go through at once — then rerun the migration with a short lock_wait_timeout (SET SESSION lock_wait_timeout=5, retried) or through an online schema tool (gh-ost, pt-online-schema-change) once no long transaction is open`;
  return [{
    id: `lock-wait/metadata-lock/${run.job}`,
    kind: 'lock-wait',
    title: `Queries on ${on} queue behind a waiting table metadata lock (MDL) and time out (${waits.length} lock-wait lines in ${pods.length} pod${pods.length === 1 ? '' : 's'}) since ${runs} ran ${verb}, which waits for ${holderShort}`,
    layer: 'container/process',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    confidence: 'high',
    evidence: [
      `${runs}: ${clip(statement, 200)}`,
      `log ${run.pod}: ${clip(row(waitLine), 300)}${waitedS !== undefined ? ` (waiting ${formatSpan(waitedS * 1000)})` : ''}`,
      ...(queued > 0 ? [`${queued} other statement${queued === 1 ? '' : 's'} in its newest processlist also "Waiting for table metadata lock"`] : []),
      ...(holder ? [`idle connection older than the wait: ${holder.id} ${holder.user}@${holder.host} Sleep ${holder.time}s${holderJob}`] : []),
      `${waits.length} lock-wait lines in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      ...pods.slice(0, 2).map((pod) => `log ${pod}: ${clip(condenseStructuredLine(waits.findLast((w) => w.pod === pod)?.line.trim() ?? ''), 300)}`),
    ],
    decisive: clip(row(waitLine), 200),
    likelyCause: `The ${verb} of ${runs} needs ${on}'s exclusive metadata lock (even ALGORITHM=INPLACE, LOCK=NONE takes it briefly) and waits ("Waiting for table metadata lock") for ${holderText}; every later query on ${on} queues behind the waiting ${verb} until its lock_wait_timeout (Error 1205 Lock wait timeout exceeded) or its request timeout. The workload and the database are fine; a rollback or a restart will not help.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(run.createdAt ? { onset: run.createdAt, datesChange: true as const } : {}),
    outsideWorkload: `${runs} waits for ${on}'s metadata lock and every query of the workload on it queues behind`,
    confirmCommands: [formatKubectl(ev.target, `logs job/${run.job} --tail=50`), 'SHOW FULL PROCESSLIST; SELECT * FROM information_schema.innodb_trx ORDER BY trx_started'],
    affected: { pods, nodes: listNodesOf(podObjects), jobs: unique([run.job, ...(holder?.job ? [holder.job.name] : [])]) },
  }];
}
